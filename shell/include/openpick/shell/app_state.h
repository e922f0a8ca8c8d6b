// All of the application's state in one place: the document (profile, dataset), what is derived
// from it, the interface's own state, and the queue of actions widgets have asked for.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "openpick/core/advice.h"
#include "openpick/core/csv_columns.h"
#include "openpick/core/diagnostics.h"
#include "openpick/core/io.h"
#include "openpick/core/model.h"
#include "openpick/core/planner.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"
#include "openpick/core/rank_list.h"
#include "openpick/core/workspace.h"

namespace openpick::shell {

// --- actions -------------------------------------------------------------------------------------
// Widgets never change the document directly: they push one of these, and apply_actions() runs
// them between frames (after ImGui::Render), so state changes, persistence and recomputation
// have one home.

// Bytes of a file the user picked or dropped (or the page's default sample dataset). What it
// holds is decided from its name and content: a workspace, a dataset, a program CSV or a profile.
struct LoadFile {
  std::string file_name;
  std::string bytes;
  bool is_sample = false;
};
// The profile as the form now has it. An edit in the form is saved on a debounce (a burst of
// edits is one write); any other change (an example, a blank profile) is saved at once.
struct SetProfile {
  core::Profile profile;
  bool debounce_save = false;
};
struct DismissMessage {
  std::size_t index = 0;
};
// Turns saving to this device's storage on or off (off also removes what was saved).
struct SetPersistence {
  bool enabled = true;
};
// Removes everything OpenPick saved on this device and resets the profile.
struct ForgetEverything {};
// Reads saved settings and profile from storage; queued once at start.
struct RestoreFromStorage {};
// The plan's own choices: always apply to a program, never apply to it, and the limits.
struct SetPinned {
  std::string id;
  bool pinned = true;
};
struct SetExcluded {
  std::string id;
  bool excluded = true;
};
struct SetPlanLimits {
  std::optional<int> max_applications;  // none: the budget, else where returns diminish
  bool fee_assistance = false;
  bool only_preferred_states = false;
  double min_preferred_share = 0.0;  // 0..1: at least this share of the list in the preferred states
};
// Reads the applicant's own sheet (state.sheet) again with the columns as they set them in the
// Data tab; the mapping is remembered for the next file from the same sheet.
struct ReadSheetAgain {
  core::CsvMapping mapping;
};
// Forgets the remembered columns: the next sheet's columns are read by their names alone.
struct ForgetSheetColumns {};
// Embedding (web/EMBED.md): the page is framed by an adviser's site at this exact origin.
struct SetEmbedHost {
  std::string origin;
};
// Light or dark interface: the applicant's choice in the View menu (remembered with the settings),
// or an embedding host's (not remembered).
struct SetTheme {
  bool dark = false;
  bool remember = false;
};
// The applicant pressed "Send" after seeing exactly `json`: hand it to the embedding host.
struct ShareWithHost {
  std::string json;
};

// The season tracker (the workspace's `tracker`): a program's status. A program that leaves the
// rank list (any status but interviewed or ranked) loses its rank; one that joins it is ranked last.
struct SetTrackerStatus {
  std::string id;
  core::TrackerStatus status = core::TrackerStatus::Considering;
};
// Takes a program off the tracker (its status, dates, notes and checklist).
struct UntrackProgram {
  std::string id;
};
// One step of the seed's checklist for a program. A second top-choice letter is refused, and the
// reason (core::top_choice_letter_refusal) is said.
enum class ChecklistItem { EmailCoordinator, OpenHouse, ThankYouSent, TopChoiceLetter };
struct SetChecklistItem {
  std::string id;
  ChecklistItem item = ChecklistItem::EmailCoordinator;
  bool done = true;
};
// Moves a program on the rank list by `by` places (-1: up, toward first choice; +1: down). The
// whole list is numbered again 1, 2, ... in the new order (the tracker's `rank`).
struct MoveRank {
  std::string id;
  int by = 0;
};

// --- the season's dates and notes (actions_season.cpp) ---
// A tracked program's date: `what` happened on `date` ("YYYY-MM-DD", core::read_calendar_date).
// `adding` (the tab's new-date row): refused when the program already has a date of that name;
// otherwise the date of that name is changed. A date not written so, or a new date without a name,
// is refused with a message naming the program and the field (tracker_refusal); nothing changes,
// and what was typed stays in its field (season_edit).
struct SetTrackerDate {
  std::string id;
  std::string what;
  std::string date;
  bool adding = false;
};
struct RemoveTrackerDate {
  std::string id;
  std::string what;
};
// A tracked program's notes as the field has them once an edit is finished: one action per edit.
struct SetTrackerNotes {
  std::string id;
  std::string notes;
};

// The applicant's research (the workspace's research, added and hidden programs), changed from
// the Programs tab's research form and the Data tab (shell/src/actions_research.cpp). Each change
// can be undone (ResearchUndo), the last kResearchUndoDepth of them.
//
// Replaces the research entry of `id` (an entry with no fact left is removed).
struct SaveResearch {
  std::string id;
  core::Research research;
};
// Takes the applicant's own value of one fact (`field`, a research_fact_fields() path) off a
// program, with the sources only for it; the whole entry when `field` is empty.
struct ClearResearch {
  std::string id;
  std::string field;
};
// A program added by hand (its id made as core makes a sheet's: core::derived_program_id), and
// the facts found about it beyond its name and place (its research entry; may be empty).
struct AddProgram {
  core::Program program;
  core::Research research;
};
// Deletes a program the applicant added, and their research on it.
struct DeleteAddedProgram {
  std::string id;
};
// Takes a program out of the list planned over (workspace.hidden), or puts it back.
struct SetHidden {
  std::string id;
  bool hidden = true;
};
// Undoes the last research change (ResearchUndo's top).
struct UndoResearch {};
// Another workspace file's research (a classmate's, an adviser's) merged into the applicant's
// (core::merge_research): the newer dated fact wins, both sides' sources stay listed.
struct MergeResearchFile {
  std::string file_name;
  std::string bytes;
};
struct ResearchChange {
  std::variant<SaveResearch, ClearResearch, AddProgram, DeleteAddedProgram, SetHidden, UndoResearch, MergeResearchFile>
      change;
};

using Action = std::variant<LoadFile, SetProfile, DismissMessage, SetPersistence, ForgetEverything, RestoreFromStorage,
                            SetPinned, SetExcluded, SetPlanLimits, ReadSheetAgain, ForgetSheetColumns, SetEmbedHost,
                            SetTheme, ShareWithHost, SetTrackerStatus, UntrackProgram, SetChecklistItem, MoveRank,
                            SetTrackerDate, RemoveTrackerDate, SetTrackerNotes, ResearchChange>;

// --- state ---------------------------------------------------------------------------------------

struct Message {
  core::Severity severity = core::Severity::Error;
  std::string text;                  // one sentence a person understands
  std::vector<std::string> details;  // e.g. "programs.csv:12:4: error: ..." lines
};

// Lists derived from the dataset for pickers and filters, refreshed when the dataset changes.
struct DatasetSummary {
  std::vector<std::string> specialties;  // sorted, unique
  std::vector<std::string> states;       // sorted, unique
  unsigned built_for_revision = ~0u;
};

// The Programs table's filters and the rows they leave, in sort order. Rebuilt only when the
// dataset, a filter or the sort changes, never every frame.
struct ProgramsView {
  std::string specialty;  // empty: all
  std::string state;      // empty: all
  int visa = 0;           // 0 all, 1 accepts J-1, 2 sponsors H-1B
  char search[96] = {};   // in name, institution or city, case-insensitive
  int sort_column = 0;
  bool sort_descending = false;
  int reach = 0;          // 0 all, 1 within reach of the profile, 2 on the plan
  std::vector<int> rows;  // indexes into dataset.programs
  unsigned built_for_revision = ~0u;
  bool dirty = true;
  // Each program's chance for the current profile (numbers only: reasons are built for the one
  // row under the mouse), and its position on the plan (0: not on it). Computed between frames,
  // once per plan, while the tab is drawn (it sets chances_wanted each frame); never inside a frame.
  std::vector<core::ProgramChance> chances;
  std::vector<int> plan_position;
  unsigned chances_for_plan_revision = ~0u;
  bool chances_wanted = false;
};

// Embedding in an adviser's page: who frames us, the theme it asked for, and the Share panel's
// confirmation step (the exact text that would be sent, shown before sending).
struct EmbedState {
  std::string host_origin;  // empty: not embedded
  bool dark = false;
  std::string share_preview;  // non-empty while the applicant is looking at what would be sent
  std::string share_status;
  int shares_sent = 0;
};

// What the Plan panel draws that is derived from the plan: rebuilt once per new plan.
struct PlanView {
  unsigned built_for_revision = ~0u;
  std::vector<std::pair<std::string, int>> per_state;  // recommended programs by state
  int most_in_a_state = 0;
  std::vector<std::pair<std::string, int>> excluded_reasons;  // reason, how many programs; most first
  std::vector<bool> advice_done;                              // the checklist's ticks, by advice index
};

// The applicant's own sheet: a program CSV whose columns are not the template's, read by what
// its columns are called (core's csv_columns.h). Its text is kept so that a column fixed by hand
// can be read again; the Data tab shows the mapping on its first rows.
struct SheetColumns {
  std::string file_name;
  std::string text;                            // empty: too big to keep (kMaxSheetBytes)
  core::CsvMapping mapping;                    // as read, then as the applicant edits it
  std::vector<std::vector<std::string>> rows;  // the first rows after the header
  bool loaded = false;                         // its last reading replaced the programs
  bool edited = false;                         // a column changed since it was read
};
inline constexpr std::size_t kSheetPreviewRows = 3;
inline constexpr std::size_t kMaxSheetBytes = 16u << 20;

// Long work, done a step at a time between frames so that no frame waits for it (reading a
// 50,000-program file, planning over it); the interface shows its progress meanwhile. A newer
// file or a new plan request replaces the work in progress.
struct Work {
  std::shared_ptr<core::ProgramListImport> import;  // the program list being read
  bool import_is_sample = false;
  std::optional<SheetColumns> sheet;     // the import is of an own sheet
  std::shared_ptr<core::PlanWork> plan;  // the plan being made
  bool busy() const { return import || plan; }
};

// The Season tab's fields while they are typed in (panel_season.cpp), per tracked program. Kept
// until the action that commits them succeeds (actions_season.cpp clears them), so a refused date
// stays in its field to be fixed.
struct TrackerDraft {
  int new_kind = -1;                        // the new date's name: an index into the tab's list (-1: the first unused)
  std::string new_other;                    // the name typed when that is "other"
  std::string new_day;                      // the new date as typed
  std::map<std::string, std::string> days;  // a date being changed, by its name, as typed
  std::optional<std::string> notes;         // the notes being edited (none: as saved)
};
struct SeasonEdit {
  std::map<std::string, TrackerDraft> drafts;  // by program id
  std::string offer_today_id;                  // the status just set here: offer to record today's date for it
};

// After interviews: the rank list from the tracker (core::rank_list_order over the programs
// planned over) and its outcome (core::rank_list_outcome). Rebuilt between frames when the
// tracker, the programs or the profile changed; never inside a frame.
struct RankListView {
  std::vector<std::string> ids;                  // in rank order
  std::vector<std::size_t> order;                // indexes into AppState::dataset.programs, in rank order
  std::vector<std::string> notes;                // rank_list_order's (no rank yet, not in the list)
  std::optional<core::RankListOutcome> outcome;  // none: no list, or no chance before the profile's facts
  // Every tracked program with its index in dataset.programs (none: not in the loaded list), by id.
  std::vector<std::pair<std::string, std::optional<std::size_t>>> tracked;
  std::vector<core::TrackerProblem> problems;  // core::check_tracker's: two programs at one rank, ...
  unsigned built_for_tracker = ~0u;
  unsigned built_for_dataset = ~0u;
  unsigned built_for_plan = ~0u;
};

// The research form (shell/src/panels/panel_research.cpp): the Programs tab's detail view of one
// program, where the applicant edits any fact with where and when they found it, or a new program
// added by hand. The form edits this draft; "Save" makes one action (SaveResearch, AddProgram).
struct ResearchFactDraft {
  char where[256] = {};  // URL or words ("coordinator email"); a new source's `url`
  char date[16] = {};    // YYYY-MM-DD, today when the form opens
  bool cleared = false;  // "Clear mine" pressed: the list's value comes back on save
};
struct ResearchForm {
  bool open = false;
  bool adding = false;                    // a program added by hand (else research on `id`)
  std::string id;                         // the program's (none yet while adding)
  core::Program shown;                    // the program as it was when the form opened (with the research then)
  core::Program listed;                   // the loaded list's program with that id (none: an added program)
  bool in_list = false;                   // `listed` holds one
  core::Program facts;                    // what the form shows and edits
  core::Research saved;                   // the research entry when the form opened
  std::vector<ResearchFactDraft> drafts;  // per core::research_fact_fields()
  char name[128] = {}, institution[128] = {}, city[64] = {}, state[32] = {};  // adding: a new program's
  std::string error;  // why the last save was refused ("" none): names the field
  std::string today;  // YYYY-MM-DD, the dates' default
};
// What the research form's changes can be undone to: the research, added and hidden programs
// before each change (never the tracker or the profile, which have their own edits).
struct ResearchSnapshot {
  std::string what;  // "your research on Program A", "hiding Program B", ...
  std::map<std::string, core::Research> research;
  std::vector<core::Program> added_programs;
  std::vector<std::string> hidden;
};
inline constexpr std::size_t kResearchUndoDepth = 20;

struct AppState {
  // Document.
  // The programs planned over and shown: the loaded list with the applicant's workspace applied
  // (core::apply_workspace: research over the list's facts, added programs, hidden ones out).
  core::Dataset dataset;
  unsigned dataset_revision = 0;  // bumped on every change of the dataset
  // The list as it was loaded (the sample, a file, a host's data), before the workspace.
  core::Dataset loaded_dataset;
  // The applicant's own: research, added programs, hidden ids, the tracker. Its `profile` is not
  // used here (the profile is `profile`, below); it is written in on export (workspace_document).
  core::Workspace workspace;
  std::vector<core::OwnFacts> own_facts;     // own_facts[i] is for dataset.programs[i]
  std::vector<std::string> workspace_notes;  // entries whose program is not in the list, ...
  unsigned tracker_revision = 0;             // bumped on every change of workspace.tracker
  std::string tracker_refusal;               // why the last checklist change was refused ("" none)
  std::string tracker_refusal_id;            // the program it was refused for
  std::string tracker_refusal_field;         // and its field ("checklist.top_choice_letter", "dates.applied")
  SeasonEdit season_edit;                    // the Season tab's dates and notes being typed in
  RankListView rank_view;
  // The research form and the last research changes, newest last (at most kResearchUndoDepth).
  ResearchForm research_form;
  std::vector<ResearchSnapshot> research_undo;
  bool show_hidden_programs = false;  // the Programs tab lists the hidden programs
  bool dataset_is_sample = false;
  core::Profile profile;
  bool profile_is_set = false;  // false until the user starts from an example or a blank profile

  // Derived: the plan for this profile, dataset and plan options. Recomputed once, between
  // frames, after an action that changes its inputs (plan_dirty); never inside a frame. Written
  // only by the plan's lifecycle in actions.cpp (invalidate_plan, start_plan, finish_plan,
  // clear_plan); everything else reads.
  core::Model model;
  core::PlanOptions plan_options;
  core::Plan plan;
  std::vector<core::Advice> advice;
  std::string plan_json;    // plan_to_json of the current plan, for getState() and export
  bool plan_valid = false;  // false: no profile or no programs yet
  bool plan_dirty = true;
  unsigned plan_revision = 0;  // bumped on every new plan, for views that cache
  Work work;                   // an import or a plan in progress

  // The own sheet read last (empty mapping: none), and the columns the applicant fixed by hand,
  // reused for the next file from the same sheet (saved with the settings).
  SheetColumns sheet;
  std::optional<core::CsvMapping> remembered_columns;

  // Settings (saved with the profile when persistence is on).
  bool persist = true;
  // A profile save waiting out the debounce (kProfileSaveDebounceMs after the last edit).
  std::optional<std::chrono::steady_clock::time_point> profile_save_due;
  std::string storage_status;  // what happened with storage, shown in the Data panel

  // Interface.
  std::vector<Message> messages;          // shown until dismissed
  const char* active_panel = "";          // the tab drawn in the last frame (a PanelInfo name)
  const char* select_panel = nullptr;     // a tab chosen in the phone's rows, for the tab bar to select
  core::Profile profile_draft;            // what the profile form edits; SetProfile commits it
  bool profile_draft_edited = false;      // the draft changed since the last commit (a field still being typed in)
  double profile_draft_changed_at = 0.0;  // ImGui::GetTime() of the draft's last change
  char step2ck_score_entry[8] = {};       // a first Step 2 CK score being typed (answers the question)
  ProgramsView programs_view;
  DatasetSummary dataset_summary;
  PlanView plan_view;
  EmbedState embed;

  // Pending actions, applied between frames.
  std::vector<Action> actions;
};

// A profile edited in the form is saved this long after the last edit (and at once when the page
// is hidden: flush_pending_saves).
inline constexpr double kProfileSaveDebounceMs = 600.0;
// A field still being typed in is committed once the typing has paused this long (seconds).
inline constexpr double kProfileCommitPauseSeconds = 0.8;

// Storage keys (versioned: a future format gets new keys and reads the old ones). The page's
// JavaScript names none of them; the browser tests read them from here (tests/web/ui.mjs).
inline constexpr const char* kStorageProfileKey = "openpick.profile.v1";
inline constexpr const char* kStorageSettingsKey = "openpick.settings.v1";
inline constexpr const char* kStorageBackupKey = "openpick.backup.v1";
// The workspace without its profile (the profile has its own key), as workspace_to_json writes it.
inline constexpr const char* kStorageWorkspaceKey = "openpick.workspace.v1";
// A saved workspace that could not be read is kept here, so nothing the applicant entered is lost.
inline constexpr const char* kStorageWorkspaceBackupKey = "openpick.workspace-backup.v1";

class Platform;

// The dataset's specialty and state lists, rebuilt only after the dataset changed.
const DatasetSummary& dataset_summary(AppState& state);

// Runs every queued action in order and clears the queue, then advances the long work (an import,
// a plan) for about `work_budget_ms` of wall time; a negative budget runs it to the end (tests,
// the native tools). The browser calls it once per frame with a few milliseconds.
void apply_actions(AppState& state, Platform& platform, double work_budget_ms = -1.0);

// Writes a profile save still waiting out its debounce now (the page is being hidden or closed).
void flush_pending_saves(AppState& state, Platform& platform);

// The applicant's workspace as one file (docs/DATA.md, "Your workspace"): the workspace with the
// current profile written in (none before one is set). "Export my workspace" saves it.
std::string workspace_document(const AppState& state);

// The state as JSON for window.openpick.getState() and for tests: version, dataset summary,
// profile (the profile document, or null before one is set), messages.
std::string state_to_json(const AppState& state);

}  // namespace openpick::shell
