// Applies the queued actions between frames: the one place the document changes, is saved, and
// is checked. An import that fails changes nothing and says why.
#include <algorithm>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "actions_detail.h"
#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/rank_list.h"
#include "openpick/core/workspace.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/platform.h"

namespace openpick::shell {

namespace {

constexpr std::size_t kMaxDetailLines = 20;

std::size_t count(const std::vector<core::Diagnostic>& ds, core::Severity s) {
  std::size_t n = 0;
  for (const auto& d : ds) n += d.severity == s ? 1 : 0;
  return n;
}

}  // namespace

namespace detail {

void add_message(AppState& state, core::Severity severity, std::string text,
                 const std::vector<core::Diagnostic>& diagnostics) {
  Message m{severity, std::move(text), {}};
  for (const auto& d : diagnostics) {
    if (m.details.size() == kMaxDetailLines) {
      m.details.push_back("… and " + std::to_string(diagnostics.size() - kMaxDetailLines) + " more");
      break;
    }
    m.details.push_back(core::format_diagnostic(d));
  }
  state.messages.push_back(std::move(m));
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// An import that failed: one message with every problem, saying what was kept.
void import_failed(AppState& state, const std::string& what, const std::string& file,
                   const std::vector<core::Diagnostic>& diagnostics, const char* kept) {
  add_message(state, core::Severity::Error,
              "Could not load " + what + " " + file + " (" +
                  plural(count(diagnostics, core::Severity::Error), "problem") + "). " + kept,
              diagnostics);
}

// --- the plan's lifecycle ------------------------------------------------------------------------
// The only code that writes the plan and what goes with it (plan, advice, plan_json, plan_valid,
// plan_dirty, plan_revision, work.plan). An action that changes the plan's inputs invalidates it;
// between frames it is started (or cleared when there is nothing to plan), advanced in steps
// (advance_work) and finished. Until then the last plan stays on screen.

void invalidate_plan(AppState& state) { state.plan_dirty = true; }

// No plan: the result and any plan being made are dropped (they may point into programs about to
// change), and views that cache know it from the new revision.
void clear_plan(AppState& state) {
  state.work.plan.reset();
  state.plan = core::Plan{};
  state.plan_valid = false;
  state.advice = core::advise(state.profile, nullptr);
  state.plan_json.clear();
  ++state.plan_revision;
}

void start_plan(AppState& state) {
  state.plan_dirty = false;
  state.work.plan.reset();
  // No chance before the facts that decide it: a profile with a decisive fact unanswered gets no
  // plan (no headline, no per-program chances) until the applicant answers it.
  if (!state.profile_is_set || state.dataset.programs.empty() || !core::unanswered_facts(state.profile).empty())
    return clear_plan(state);
  state.work.plan = std::make_shared<core::PlanWork>(state.profile, state.dataset, state.plan_options, state.model);
}

void finish_plan(AppState& state) {
  state.plan = state.work.plan->take();
  state.work.plan.reset();
  state.plan_valid = true;
  state.advice = core::advise(state.profile, &state.plan);
  state.plan_json = core::plan_to_json(state.plan, state.dataset, state.advice);
  ++state.plan_revision;
}

}  // namespace detail

namespace {

using namespace detail;

void set_membership(std::vector<std::string>& ids, const std::string& id, bool member) {
  const auto it = std::find(ids.begin(), ids.end(), id);
  if (member && it == ids.end()) ids.push_back(id);
  if (!member && it != ids.end()) ids.erase(it);
}

// Each program's chance for the Programs tab (numbers only), with its position on the plan:
// computed here, between frames, once per plan, and only while the tab is being drawn.
void refresh_program_chances(AppState& state) {
  ProgramsView& v = state.programs_view;
  if (!v.chances_wanted) return;
  v.chances_wanted = false;  // asked again by the next frame that draws the tab
  if (v.chances_for_plan_revision == state.plan_revision) return;
  v.chances_for_plan_revision = state.plan_revision;
  v.dirty = true;  // rows sorted or filtered by chance change with them
  v.chances.clear();
  v.plan_position.assign(state.dataset.programs.size(), 0);
  if (!state.plan_valid) return;
  core::ScoreOptions fast;
  fast.explain = false;
  v.chances = state.model.score_all(state.profile, state.dataset.programs, fast);
  for (std::size_t n = 0; n < state.plan.programs.size(); ++n)
    v.plan_position[state.plan.programs[n].index] = static_cast<int>(n + 1);
}

// Steps of the long work until it is done or the budget is spent. Reading a program list comes
// first (a plan over the old programs would be thrown away).
constexpr std::size_t kImportProgramsPerStep = 500;  // programs read per step (not the planner's own step size)

void advance_work(AppState& state, double budget_ms) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  const auto time_left = [&] {
    return budget_ms < 0 || std::chrono::duration<double, std::milli>(Clock::now() - start).count() < budget_ms;
  };
  do {
    if (state.work.import) {
      if (state.work.import->step(kImportProgramsPerStep)) finish_import(state);
      continue;
    }
    if (state.plan_dirty) start_plan(state);
    if (!state.work.plan) break;
    if (state.work.plan->step()) finish_plan(state);
  } while ((state.work.busy() || state.plan_dirty) && time_left());
  // Out of time with a plan still to make: start it now, so the work shows as busy until done.
  if (!state.work.import && state.plan_dirty) start_plan(state);
  if (!state.work.busy()) refresh_program_chances(state);
  refresh_rank_list(state);  // small (the tracker's programs), and the dataset is never half-changed here
}

}  // namespace

void apply_actions(AppState& state, Platform& platform, double work_budget_ms) {
  // Actions may queue further actions; take the queue first so the loop sees a stable list.
  std::vector<Action> queue;
  queue.swap(state.actions);
  for (auto& action : queue) {
    std::visit(Overloaded{
                   [&](LoadFile& a) {
                     // A workspace is known by its kind before anything else is tried.
                     if (core::is_workspace_json(a.bytes)) return load_workspace(state, platform, a);
                     load_file(state, a);
                     if (state.profile_is_set) save_profile(state, platform);
                     invalidate_plan(state);
                   },
                   [&](const SetProfile& a) {
                     state.profile = a.profile;
                     state.profile_draft = a.profile;
                     state.profile_draft_edited = false;
                     state.profile_is_set = true;
                     if (a.debounce_save)
                       state.profile_save_due =
                           std::chrono::steady_clock::now() +
                           std::chrono::microseconds(static_cast<long long>(kProfileSaveDebounceMs * 1000.0));
                     else
                       save_profile(state, platform);
                     invalidate_plan(state);
                   },
                   [&](const DismissMessage& a) {
                     if (a.index < state.messages.size())
                       state.messages.erase(state.messages.begin() + static_cast<long>(a.index));
                   },
                   [&](const SetPersistence& a) {
                     state.persist = a.enabled;
                     if (!a.enabled) state.profile_save_due.reset();
                     save_settings(state, platform);
                     if (a.enabled) {
                       save_profile(state, platform);
                       save_workspace(state, platform);
                     } else {
                       platform.storage_remove(kStorageProfileKey);
                       platform.storage_remove(kStorageWorkspaceKey);
                       state.storage_status = "Saving is off: nothing is kept in this browser.";
                     }
                   },
                   [&](const ForgetEverything&) {
                     platform.storage_remove(kStorageProfileKey);
                     platform.storage_remove(kStorageSettingsKey);
                     platform.storage_remove(kStorageBackupKey);
                     platform.storage_remove(kStorageWorkspaceKey);
                     platform.storage_remove(kStorageWorkspaceBackupKey);
                     state.workspace = core::Workspace{};
                     state.research_undo.clear();  // its copies are the applicant's too
                     state.research_form = ResearchForm{};
                     ++state.tracker_revision;
                     state.tracker_refusal.clear();
                     state.season_edit = SeasonEdit{};  // drafts of the entries just replaced
                     reapply_workspace(state);
                     state.profile = core::Profile{};
                     state.profile_draft = state.profile;
                     state.profile_draft_edited = false;
                     state.profile_save_due.reset();
                     state.profile_is_set = false;
                     state.messages.clear();
                     state.plan_options = core::PlanOptions{};
                     state.remembered_columns.reset();
                     state.sheet = SheetColumns{};
                     state.storage_status = "Everything OpenPick kept in this browser was removed.";
                     invalidate_plan(state);
                   },
                   [&](const RestoreFromStorage&) {
                     restore(state, platform);
                     invalidate_plan(state);
                   },
                   [&](const SetPinned& a) {
                     set_membership(state.plan_options.pinned_ids, a.id, a.pinned);
                     if (a.pinned) set_membership(state.plan_options.excluded_ids, a.id, false);
                     invalidate_plan(state);
                     save_settings(state, platform);
                   },
                   [&](const SetExcluded& a) {
                     set_membership(state.plan_options.excluded_ids, a.id, a.excluded);
                     if (a.excluded) set_membership(state.plan_options.pinned_ids, a.id, false);
                     invalidate_plan(state);
                     save_settings(state, platform);
                   },
                   [&](const SetPlanLimits& a) {
                     state.plan_options.max_applications = a.max_applications;
                     state.plan_options.fee_assistance = a.fee_assistance;
                     state.plan_options.only_preferred_states = a.only_preferred_states;
                     // The widget keeps it in 0..1; a value from elsewhere outside it is not applied.
                     if (core::in_range(core::kPreferredShareRange, a.min_preferred_share))
                       state.plan_options.min_preferred_share = a.min_preferred_share;
                     invalidate_plan(state);
                     save_settings(state, platform);
                   },
                   [&](const ReadSheetAgain& a) { read_sheet_again(state, platform, a.mapping); },
                   [&](const ForgetSheetColumns&) {
                     state.remembered_columns.reset();
                     save_settings(state, platform);
                   },
                   [&](const SetEmbedHost& a) { state.embed.host_origin = a.origin; },
                   [&](const SetTheme& a) {
                     state.embed.dark = a.dark;
                     if (a.remember) save_settings(state, platform);
                   },
                   [&](const SetTrackerStatus& a) { set_tracker_status(state, platform, a); },
                   [&](const UntrackProgram& a) {
                     if (state.workspace.tracker.erase(a.id) == 0) return;
                     state.tracker_refusal.clear();
                     state.season_edit.drafts.erase(a.id);
                     tracker_changed(state, platform);
                   },
                   [&](const SetChecklistItem& a) { set_checklist_item(state, platform, a); },
                   [&](const MoveRank& a) { move_rank(state, platform, a); },
                   [&](const SetTrackerDate& a) { set_tracker_date(state, platform, a); },
                   [&](const RemoveTrackerDate& a) { remove_tracker_date(state, platform, a); },
                   [&](const SetTrackerNotes& a) { set_tracker_notes(state, platform, a); },
                   [&](const ResearchChange& a) { apply_research_change(state, platform, a); },
                   [&](const ShareWithHost& a) {
                     if (state.embed.host_origin.empty()) return;  // not embedded: nobody to send to
                     platform.share_with_host(a.json);
                     state.embed.share_preview.clear();
                     ++state.embed.shares_sent;
                     state.embed.share_status = "Sent to " + state.embed.host_origin + ".";
                   },
               },
               action);
  }
  // A debounced profile save: due once the edits have paused; a caller that runs everything to the
  // end (tests, native tools: a negative budget) writes it now.
  if (state.profile_save_due && (work_budget_ms < 0 || std::chrono::steady_clock::now() >= *state.profile_save_due))
    save_profile(state, platform);
  advance_work(state, work_budget_ms);
}

void flush_pending_saves(AppState& state, Platform& platform) {
  if (state.profile_save_due) save_profile(state, platform);
  flush_tracker_drafts(state, platform);
}

}  // namespace openpick::shell
