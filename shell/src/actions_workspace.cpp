// The workspace over the loaded list, and the season's tracker and rank list in it.
#include <algorithm>

#include "actions_detail.h"
#include "openpick/core/rank_list.h"
#include "openpick/core/workspace.h"

namespace openpick::shell::detail {

// --- the workspace over the list -----------------------------------------------------------------
// The programs planned over and shown are the loaded list with the workspace applied; whenever
// either changes they are made again (and the plan with them). Entries whose program is not in
// the list are kept in the workspace and named in workspace_notes.

void reapply_workspace(AppState& state) {
  clear_plan(state);  // the plan points into the programs about to change
  core::AppliedWorkspace applied = core::apply_workspace(state.loaded_dataset, state.workspace);
  state.dataset = std::move(applied.dataset);
  state.own_facts = std::move(applied.own);
  // Before any list is loaded every entry would be "not in the list": nothing to say yet.
  if (state.loaded_dataset.programs.empty()) applied.notes.clear();
  state.workspace_notes = std::move(applied.notes);
  ++state.dataset_revision;
  // The Programs tab's chances are for the old programs (their count may differ): gone until the
  // next plan's are computed.
  state.programs_view.chances.clear();
  state.programs_view.plan_position.clear();
  state.programs_view.dirty = true;
  invalidate_plan(state);
}

namespace {

std::string workspace_summary(const core::Workspace& w) {
  std::vector<std::string> parts;
  if (!w.research.empty()) parts.push_back("research on " + plural(w.research.size(), "program"));
  if (!w.added_programs.empty()) parts.push_back(plural(w.added_programs.size(), "added program"));
  if (!w.hidden.empty()) parts.push_back(plural(w.hidden.size(), "hidden program"));
  if (!w.tracker.empty()) parts.push_back(plural(w.tracker.size(), "program") + " in the tracker");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out.empty() ? "no research and no tracker" : out;
}

}  // namespace

// A workspace file replaces the profile (when it holds one), the research, the added and hidden
// programs and the tracker, all at once; a bad one changes nothing and says why.
void load_workspace(AppState& state, Platform& platform, const LoadFile& f) {
  auto r = core::parse_workspace_json(f.bytes, f.file_name);
  if (!r.ok())
    return import_failed(state, "the workspace", f.file_name, r.diagnostics,
                         "Your profile, research and tracker are unchanged.");
  core::Workspace w = std::move(*r.value);
  const std::optional<core::Profile> profile = std::move(w.profile);
  w.profile.reset();
  if (profile) {
    state.profile = *profile;
    state.profile_draft = state.profile;
    state.profile_draft_edited = false;
    state.profile_is_set = true;
  }
  const std::string what = workspace_summary(w);
  state.workspace = std::move(w);
  state.research_undo.clear();  // the undo steps were changes to the research just replaced
  state.research_form.open = false;
  ++state.tracker_revision;
  state.tracker_refusal.clear();
  state.season_edit = SeasonEdit{};  // drafts of the entries just replaced
  reapply_workspace(state);
  add_message(state, core::Severity::Warning,
              "Loaded your workspace " + f.file_name + ": " + (profile ? "your profile, " : "") + what +
                  ". It replaced what you had here" + (profile ? "." : "; it holds no profile, so yours is kept."),
              r.diagnostics);
  auto& details = state.messages.back().details;
  for (const std::string& note : state.workspace_notes) details.push_back(f.file_name + ": note: " + note);
  if (profile) save_profile(state, platform);
  save_workspace(state, platform);
}

namespace {

bool on_rank_list(core::TrackerStatus s) {
  return s == core::TrackerStatus::Interviewed || s == core::TrackerStatus::Ranked;
}

}  // namespace

void tracker_changed(AppState& state, Platform& platform) {
  ++state.tracker_revision;
  save_workspace(state, platform);
}

void set_tracker_status(AppState& state, Platform& platform, const SetTrackerStatus& a) {
  auto& tracker = state.workspace.tracker;
  core::TrackerEntry& entry = tracker[a.id];
  entry.status = a.status;
  if (!on_rank_list(a.status)) {
    entry.rank.reset();  // a rank only on a program that interviewed you (check_tracker)
  } else if (!entry.rank) {
    int last = 0;
    for (const auto& [id, e] : tracker)
      if (e.rank) last = std::max(last, *e.rank);
    if (last < core::kMaxRank) entry.rank = last + 1;  // joins the rank list last
  }
  state.tracker_refusal.clear();
  state.season_edit.offer_today_id = a.id;  // the Season tab offers to record today's date for it
  tracker_changed(state, platform);
}

void set_checklist_item(AppState& state, Platform& platform, const SetChecklistItem& a) {
  auto& tracker = state.workspace.tracker;
  if (a.item == ChecklistItem::TopChoiceLetter && a.done) {
    std::string why = core::top_choice_letter_refusal(tracker, a.id);
    if (!why.empty()) {
      state.tracker_refusal = std::move(why);  // shown beside the checklist; nothing changes
      state.tracker_refusal_id = a.id;
      state.tracker_refusal_field = "checklist.top_choice_letter";
      return;
    }
  }
  state.tracker_refusal.clear();
  core::TrackerEntry& entry = tracker[a.id];
  if (!entry.checklist) entry.checklist = core::Checklist{};
  core::Checklist& c = *entry.checklist;
  switch (a.item) {
    case ChecklistItem::EmailCoordinator: c.email_coordinator = a.done; break;
    case ChecklistItem::OpenHouse: c.open_house = a.done; break;
    case ChecklistItem::ThankYouSent: c.thank_you_sent = a.done; break;
    case ChecklistItem::TopChoiceLetter: c.top_choice_letter = a.done; break;
  }
  tracker_changed(state, platform);
}

// The rank list as the page shows it (rank_list_order), one program moved, then numbered 1, 2, ...
// in that order; ranked entries whose program is not in the list follow, in their own order.
void move_rank(AppState& state, Platform& platform, const MoveRank& a) {
  auto& tracker = state.workspace.tracker;
  const core::RankListOrder current = core::rank_list_order(state.workspace, state.dataset.programs);
  std::vector<std::string> ids;
  for (std::size_t i : current.order) ids.push_back(state.dataset.programs[i].id);
  const auto at = std::find(ids.begin(), ids.end(), a.id);
  if (at == ids.end()) return;
  const long from = at - ids.begin();
  const long to = from + a.by;
  if (to < 0 || to >= static_cast<long>(ids.size())) return;
  std::swap(ids[static_cast<std::size_t>(from)], ids[static_cast<std::size_t>(to)]);
  std::vector<std::pair<int, std::string>> elsewhere;  // ranked, not in the list
  for (const auto& [id, e] : tracker)
    if (e.rank && std::find(ids.begin(), ids.end(), id) == ids.end()) elsewhere.emplace_back(*e.rank, id);
  std::sort(elsewhere.begin(), elsewhere.end());
  int rank = 0;
  for (const auto& id : ids) tracker[id].rank = ++rank;
  for (const auto& [old, id] : elsewhere) tracker[id].rank = std::min(++rank, core::kMaxRank);
  tracker_changed(state, platform);
}

// After interviews: the rank list and its chance, rebuilt when the tracker, the programs or the
// plan (which follows the profile) changed.
void refresh_rank_list(AppState& state) {
  RankListView& v = state.rank_view;
  if (v.built_for_tracker == state.tracker_revision && v.built_for_dataset == state.dataset_revision &&
      v.built_for_plan == state.plan_revision)
    return;
  v.built_for_tracker = state.tracker_revision;
  v.built_for_dataset = state.dataset_revision;
  v.built_for_plan = state.plan_revision;
  core::RankListOrder r = core::rank_list_order(state.workspace, state.dataset.programs);
  v.order = std::move(r.order);
  v.notes = std::move(r.notes);
  v.ids.clear();
  for (std::size_t i : v.order) v.ids.push_back(state.dataset.programs[i].id);
  v.tracked.clear();
  for (const auto& [id, e] : state.workspace.tracker) v.tracked.emplace_back(id, std::nullopt);
  if (!v.tracked.empty())
    for (std::size_t i = 0; i < state.dataset.programs.size(); ++i) {
      const std::string& id = state.dataset.programs[i].id;
      auto at = std::lower_bound(v.tracked.begin(), v.tracked.end(), id,
                                 [](const auto& t, const std::string& x) { return t.first < x; });
      if (at != v.tracked.end() && at->first == id) at->second = i;
    }
  v.problems = core::check_tracker(state.workspace.tracker);
  v.outcome.reset();
  // No chance before the facts that decide it (as for the plan).
  if (!v.order.empty() && state.profile_is_set && core::unanswered_facts(state.profile).empty())
    v.outcome = core::rank_list_outcome(state.profile, state.dataset, v.order, state.model);
}

}  // namespace openpick::shell::detail
