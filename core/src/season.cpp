#include "openpick/core/season.h"

#include <array>
#include <cstdio>

namespace openpick::core {

namespace {

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};

std::string day_text(const CalendarDate& d) {
  return std::string(kMonths[static_cast<std::size_t>(d.month - 1)]) + " " + std::to_string(d.day) + ", " +
         std::to_string(d.year);
}

// Published days, per Match year. Each row says where it was published; a step with no row here
// is shown by its typical month.
struct Published {
  int match_year;
  SeasonStepId id;
  CalendarDate first, last;
  const char* source;
};
constexpr const char* kEras2026 = "AAMC, ERAS timeline for the 2026 season (students-residents.aamc.org)";
constexpr const char* kMatchWeek2026 = "NRMP news release of March 9, 2026: Match Week March 16-20, 2026";
const std::array<Published, 3> kPublished = {{
    {2026, SeasonStepId::ErasOpens, {2025, 6, 4}, {2025, 6, 4}, kEras2026},
    {2026, SeasonStepId::ProgramsRead, {2025, 9, 24}, {2025, 9, 24}, kEras2026},
    {2026, SeasonStepId::MatchWeek, {2026, 3, 16}, {2026, 3, 20}, kMatchWeek2026},
}};

// The typical days of each step, for ordering and for "what is due next" when a season's days are
// not published: the month as typical_season() gives it, year relative to the Match.
struct Typical {
  int first_year_offset, first_month, first_day, last_year_offset, last_month, last_day;
  const char* month_text;
  const char* last_month_text = nullptr;  // a step over two months of two years
};
Typical typical(SeasonStepId id) {
  switch (id) {
    case SeasonStepId::ErasOpens: return {-1, 6, 1, -1, 6, 10, "June"};
    case SeasonStepId::ProgramsRead: return {-1, 9, 20, -1, 9, 30, "Late September"};
    case SeasonStepId::Interviews: return {-1, 10, 1, 0, 1, 31, "October", "January"};
    case SeasonStepId::RankListsDue: return {0, 2, 25, 0, 3, 7, "Early March"};
    case SeasonStepId::MatchWeek: return {0, 3, 15, 0, 3, 21, "Mid-March"};
  }
  return {0, 1, 1, 0, 1, 1, ""};
}

}  // namespace

std::string iso_date(const CalendarDate& d) {
  char buf[40];  // room for any int, as the compiler asks
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

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

std::vector<DatedStep> season_steps(int match_year) {
  std::vector<DatedStep> out;
  for (const SeasonStep& step : typical_season()) {
    DatedStep d{step.id, "", step.what, {}, {}, false, kSeasonSource};
    const Typical t = typical(step.id);
    d.first = {match_year + t.first_year_offset, t.first_month, t.first_day};
    d.last = {match_year + t.last_year_offset, t.last_month, t.last_day};
    const int year = match_year + t.first_year_offset;
    const int last_year = match_year + t.last_year_offset;
    d.when = std::string(t.month_text) + " " + std::to_string(year) +
             (t.last_month_text ? std::string(" to ") + t.last_month_text + " " + std::to_string(last_year)
                                : std::string()) +
             " (typical)";
    for (const Published& p : kPublished)
      if (p.match_year == match_year && p.id == step.id) {
        d.first = p.first;
        d.last = p.last;
        d.dated = true;
        d.source = p.source;
        d.when = day_text(p.first);
        if (!(p.last == p.first)) d.when += " to " + day_text(p.last);
      }
    out.push_back(std::move(d));
  }
  return out;
}

std::optional<std::size_t> next_step(const std::vector<DatedStep>& steps, const CalendarDate& today) {
  for (std::size_t k = 0; k < steps.size(); ++k)
    if (!(steps[k].last < today)) return k;
  return std::nullopt;
}

std::string rank_list_deadline(int match_year) { return "early March " + std::to_string(match_year); }

}  // namespace openpick::core
