#include "openpick/core/season.h"

namespace openpick::core {

const std::vector<SeasonStep>& typical_season() {
  static const std::vector<SeasonStep> kSteps = {
      {SeasonStepId::ErasOpens, "June", "ERAS opens: fill in the application, upload scores, request letters."},
      {SeasonStepId::ProgramsRead, "Late September",
       "Programs start reading applications: submit and signal before this day."},
      {SeasonStepId::Interviews, "October to January", "Interviews. Reply to invitations fast; slots fill in hours."},
      {SeasonStepId::RankListsDue, "Early March", "Rank lists are due: rank in your true order of preference."},
      {SeasonStepId::MatchWeek, "Mid-March", "Match Week."},
  };
  return kSteps;
}

std::string rank_list_deadline(int match_year) { return "early March " + std::to_string(match_year); }

}  // namespace openpick::core
