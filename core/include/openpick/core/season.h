// The steps of an application season: typical months, and for the seasons whose calendars are
// published, the days themselves with their source. The page's season table, "what is due next"
// and the advice that names a deadline read them from here. Core has no clock: the caller passes
// today's date.
//
//   for (const SeasonStep& s : typical_season()) show(s.when, s.what);
//   for (const DatedStep& s : season_steps(2026)) show(s.when, s.what, s.source);
//   next_step(season_steps(2027), {2026, 12, 3})  // the index of the interviews, then rank lists
//   rank_list_deadline(2027)  // "early March 2027"
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace openpick::core {

// A day of the calendar (year, month 1-12, day 1-31).
struct CalendarDate {
  int year = 0, month = 0, day = 0;
};
inline bool operator<(const CalendarDate& a, const CalendarDate& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}
inline bool operator==(const CalendarDate& a, const CalendarDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

// "2026-09-25": the day as the workspace writes it (read back by read_calendar_date, workspace.h).
std::string iso_date(const CalendarDate& d);

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

// One step of the season for the Match of a given year. `dated`: `first`..`last` are the published
// days and `source` says where they were published; otherwise they are the typical month's days
// (an approximation for ordering, shown as the month only) and `source` is kSeasonSource.
struct DatedStep {
  SeasonStepId id;
  std::string when;  // "September 24, 2025", or "Early March 2027 (typical)"
  const char* what;
  CalendarDate first, last;
  bool dated = false;
  std::string source;
};

// The season of the Match of `match_year`, in order: published days where we have them
// (the 2026 Match: AAMC's ERAS timeline for the 2026 season, NRMP's Match Week announcement),
// typical months elsewhere.
std::vector<DatedStep> season_steps(int match_year);

// The first step not yet over on `today` (one under way counts), or nullopt once the season is over.
std::optional<std::size_t> next_step(const std::vector<DatedStep>& steps, const CalendarDate& today);

// "early March 2027": when rank order lists are due for the Match of `match_year`.
std::string rank_list_deadline(int match_year);

}  // namespace openpick::core
