// The season's dates and notes: a tracked program's dated events (applied, invited, an interview,
// ...) and its notes, as the Season tab edits them. A date is a day written YYYY-MM-DD
// (core::read_calendar_date, the importer's rule); anything else is refused with a message that
// names the program and the field, and nothing changes. Each change is saved with the workspace.
#include <algorithm>

#include "actions_detail.h"
#include "openpick/core/workspace.h"

namespace openpick::shell::detail {

namespace {

// The program as the applicant knows it: its name and id, or the id alone when it is not in the
// list planned over (its entry is kept all the same).
std::string program_named(const AppState& state, const std::string& id) {
  for (const core::Program& p : state.dataset.programs)
    if (p.id == id) return p.name + " (" + id + ")";
  return id;
}

void refuse(AppState& state, const std::string& id, std::string field, std::string why) {
  state.tracker_refusal = std::move(why);
  state.tracker_refusal_id = id;
  state.tracker_refusal_field = std::move(field);
}

using Dates = std::vector<std::pair<std::string, std::string>>;

Dates::iterator find_date(Dates& dates, const std::string& what) {
  return std::find_if(dates.begin(), dates.end(), [&](const auto& d) { return d.first == what; });
}

}  // namespace

void set_tracker_date(AppState& state, Platform& platform, const SetTrackerDate& a) {
  const auto entry = state.workspace.tracker.find(a.id);
  if (entry == state.workspace.tracker.end()) return;  // taken off the tracker meanwhile
  Dates& dates = entry->second.dates;
  const std::string who = program_named(state, a.id);
  // The add row's field is "dates"; an existing date's is "dates.<its name>".
  const std::string field = a.adding ? std::string("dates") : "dates." + a.what;
  if (a.what.empty())
    return refuse(state, a.id, field,
                  "a new date for " + who + " needs a name: what happened (such as \"second interview\")");
  const auto existing = find_date(dates, a.what);
  if (a.adding && existing != dates.end())
    return refuse(state, a.id, field,
                  who + " already has a date \"" + a.what + "\" (" + existing->second + "): change it in its row");
  if (a.date.empty())
    return refuse(state, a.id, field,
                  "the date \"" + a.what + "\" for " + who + " is empty: type the day as YYYY-MM-DD" +
                      (a.adding ? "" : ", or press Remove"));
  if (!core::read_calendar_date(a.date))
    return refuse(state, a.id, field,
                  "the date \"" + a.what + "\" for " + who + ": \"" + a.date +
                      "\" is not a calendar day written YYYY-MM-DD, such as 2026-09-25");
  state.tracker_refusal.clear();
  TrackerDraft& draft = state.season_edit.drafts[a.id];
  if (a.adding) {
    draft.new_day.clear();
    draft.new_other.clear();
    draft.new_kind = -1;  // the next name offered is the first the program has no date for
  } else {
    draft.days.erase(a.what);
  }
  if (state.season_edit.offer_today_id == a.id) state.season_edit.offer_today_id.clear();
  if (existing != dates.end()) {
    if (existing->second == a.date) return;  // the same day again: nothing to save
    existing->second = a.date;
  } else {
    dates.emplace_back(a.what, a.date);
  }
  tracker_changed(state, platform);
}

void remove_tracker_date(AppState& state, Platform& platform, const RemoveTrackerDate& a) {
  const auto entry = state.workspace.tracker.find(a.id);
  if (entry == state.workspace.tracker.end()) return;
  Dates& dates = entry->second.dates;
  const auto at = find_date(dates, a.what);
  if (at == dates.end()) return;
  dates.erase(at);
  const auto draft = state.season_edit.drafts.find(a.id);
  if (draft != state.season_edit.drafts.end()) draft->second.days.erase(a.what);
  if (state.tracker_refusal_id == a.id) state.tracker_refusal.clear();
  tracker_changed(state, platform);
}

void set_tracker_notes(AppState& state, Platform& platform, const SetTrackerNotes& a) {
  const auto draft = state.season_edit.drafts.find(a.id);
  if (draft != state.season_edit.drafts.end()) draft->second.notes.reset();
  const auto entry = state.workspace.tracker.find(a.id);
  if (entry == state.workspace.tracker.end() || entry->second.notes == a.notes) return;
  entry->second.notes = a.notes;
  tracker_changed(state, platform);
}

// Notes still in their field when the page is hidden or closed: kept now, as the field would on
// leaving it.
void flush_tracker_drafts(AppState& state, Platform& platform) {
  std::vector<SetTrackerNotes> pending;
  for (const auto& [id, draft] : state.season_edit.drafts)
    if (draft.notes) pending.push_back({id, *draft.notes});
  for (const SetTrackerNotes& a : pending) set_tracker_notes(state, platform, a);
}

}  // namespace openpick::shell::detail
