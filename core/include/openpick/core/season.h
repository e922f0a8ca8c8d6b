// The steps of an application season as typical months, with where to check the real dates.
// Typical months only (the AAMC's ERAS and the NRMP's calendars set the days each season); the
// page's season table and the advice that names a deadline read them from here.
//
//   for (const SeasonStep& s : typical_season()) show(s.when, s.what);
//   rank_list_deadline(2027)  // "early March 2027"
#pragma once

#include <string>
#include <vector>

namespace openpick::core {

enum class SeasonStepId { ErasOpens, ProgramsRead, Interviews, RankListsDue, MatchWeek };

struct SeasonStep {
  SeasonStepId id;
  const char* when;  // typical months, relative to the Match year: "June (the year before)"
  const char* what;  // what to do then
};

// In the order they come; the months are typical, not a given season's dates.
const std::vector<SeasonStep>& typical_season();

// Where the days themselves are published.
inline constexpr const char* kSeasonSource = "AAMC's ERAS timeline and NRMP's Match calendar (typical months)";

// "early March 2027": when rank order lists are due for the Match of `match_year`.
std::string rank_list_deadline(int match_year);

}  // namespace openpick::core
