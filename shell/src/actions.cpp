// Applies the queued actions between frames: the one place the document changes, is saved, and
// is checked. An import that fails changes nothing and says why.
#include <algorithm>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/rank_list.h"
#include "openpick/core/workspace.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/platform.h"

namespace openpick::shell {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

constexpr std::size_t kMaxDetailLines = 20;

void add_message(AppState& state, core::Severity severity, std::string text,
                 const std::vector<core::Diagnostic>& diagnostics = {}) {
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

std::size_t count(const std::vector<core::Diagnostic>& ds, core::Severity s) {
  std::size_t n = 0;
  for (const auto& d : ds) n += d.severity == s ? 1 : 0;
  return n;
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// --- storage -------------------------------------------------------------------------------------
// A browser may block storage (site data blocked, a sandboxed frame), refuse a write (full), or hand
// back something unreadable. None of these stops the app: it says so once, keeps working in memory,
// and saves again as soon as storage accepts a write.

constexpr const char* kStatusSaved = "Saved in this browser only.";
constexpr const char* kStatusOff = "Saving is off: nothing is kept in this browser.";
constexpr const char* kStatusBlocked =
    "This browser blocks storage: nothing is kept after you close the page. Export your profile to keep it.";
constexpr const char* kStatusFailedPrefix = "Could not save in this browser";
constexpr const char* kMessageBlocked =
    "This browser blocks storage: your profile will not be kept after you close the page. Export it to keep it.";
constexpr const char* kMessageNotSaved =
    "Could not save in this browser: its storage refused the change (it may be full). Everything stays "
    "open here, and each change is tried again; export your profile to keep it.";

bool storage_failing(const AppState& state) {
  return state.storage_status == kStatusBlocked || state.storage_status.rfind(kStatusFailedPrefix, 0) == 0;
}

void storage_warning(AppState& state, const char* text, const std::string& detail) {
  for (const auto& m : state.messages)
    if (m.text == text) return;
  state.messages.push_back({core::Severity::Warning, text, {detail}});
}

void save_profile(AppState& state, Platform& platform);
void save_settings(AppState& state, Platform& platform);
void save_workspace(AppState& state, Platform& platform);

// One write. The first failure says so (a message, and the Data panel's status until a write
// succeeds); the first success after failures drops the message and writes the profile and the
// settings again, so what changed while storage refused is kept.
bool store(AppState& state, Platform& platform, const char* key, const std::string& value) {
  const bool was_failing = storage_failing(state);
  if (auto err = platform.storage_set(key, value)) {
    if (const auto& why = platform.storage_blocked()) {
      if (!was_failing) storage_warning(state, kMessageBlocked, *why);
      state.storage_status = kStatusBlocked;
    } else {
      if (!was_failing) storage_warning(state, kMessageNotSaved, *err);
      state.storage_status = std::string(kStatusFailedPrefix) + " (" + *err + "). Export your profile to keep it.";
    }
    return false;
  }
  if (was_failing) {
    state.storage_status = state.persist ? kStatusSaved : kStatusOff;
    state.messages.erase(
        std::remove_if(state.messages.begin(), state.messages.end(),
                       [](const Message& m) { return m.text == kMessageBlocked || m.text == kMessageNotSaved; }),
        state.messages.end());
    save_profile(state, platform);
    save_settings(state, platform);
    save_workspace(state, platform);
  }
  return true;
}

void save_profile(AppState& state, Platform& platform) {
  state.profile_save_due.reset();  // this write covers any save waiting out its debounce
  if (!state.persist || !state.profile_is_set) return;
  if (store(state, platform, kStorageProfileKey, core::profile_to_json(state.profile)))
    state.storage_status = kStatusSaved;
}

// The workspace without its profile (saved under its own key): research, added and hidden
// programs, the tracker.
void save_workspace(AppState& state, Platform& platform) {
  if (!state.persist) return;
  core::Workspace w;  // field by field: the state's own copy never holds a profile
  w.research = state.workspace.research;
  w.added_programs = state.workspace.added_programs;
  w.hidden = state.workspace.hidden;
  w.tracker = state.workspace.tracker;
  if (store(state, platform, kStorageWorkspaceKey, core::workspace_to_json(w))) state.storage_status = kStatusSaved;
}

nlohmann::json settings_json(const AppState& state) {
  const core::PlanOptions& o = state.plan_options;
  nlohmann::json j{{"persist", state.persist},
                   {"pinned", o.pinned_ids},
                   {"excluded", o.excluded_ids},
                   {"fee_assistance", o.fee_assistance},
                   {"only_preferred_states", o.only_preferred_states},
                   {"dark", state.embed.dark}};
  j["max_applications"] = o.max_applications ? nlohmann::json(*o.max_applications) : nlohmann::json(nullptr);
  j["min_preferred_share"] = o.min_preferred_share;
  if (state.remembered_columns)
    j["sheet_columns"] = nlohmann::json::parse(core::csv_mapping_to_json(*state.remembered_columns));
  return j;
}

// Reads the settings leniently: a field of the wrong type keeps its default (settings are ours,
// but an older or hand-edited copy must never stop the app).
void read_settings(AppState& state, const nlohmann::json& j) {
  if (!j.is_object()) return;
  if (j.contains("sheet_columns") && j["sheet_columns"].is_object())
    state.remembered_columns = core::csv_mapping_from_json(j["sheet_columns"].dump());
  auto flag = [&](const char* key, bool& out) {
    if (j.contains(key) && j[key].is_boolean()) out = j[key].get<bool>();
  };
  auto ids = [&](const char* key, std::vector<std::string>& out) {
    if (!j.contains(key) || !j[key].is_array()) return;
    out.clear();
    for (const auto& v : j[key])
      if (v.is_string()) out.push_back(v.get<std::string>());
  };
  flag("persist", state.persist);
  flag("dark", state.embed.dark);
  flag("fee_assistance", state.plan_options.fee_assistance);
  flag("only_preferred_states", state.plan_options.only_preferred_states);
  ids("pinned", state.plan_options.pinned_ids);
  ids("excluded", state.plan_options.excluded_ids);
  if (j.contains("min_preferred_share") && j["min_preferred_share"].is_number()) {
    const double f = j["min_preferred_share"].get<double>();
    if (f >= 0.0 && f <= 1.0) state.plan_options.min_preferred_share = f;
  }
  if (j.contains("max_applications") && j["max_applications"].is_number_integer()) {
    const auto n = j["max_applications"].get<long long>();
    if (n >= 0 && n <= 10000) state.plan_options.max_applications = static_cast<int>(n);
  }
}

void save_settings(AppState& state, Platform& platform) {
  const std::string settings = (state.persist ? settings_json(state) : nlohmann::json{{"persist", false}}).dump();
  store(state, platform, kStorageSettingsKey, settings);
}

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
  ++state.tracker_revision;
  state.tracker_refusal.clear();
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

bool on_rank_list(core::TrackerStatus s) {
  return s == core::TrackerStatus::Interviewed || s == core::TrackerStatus::Ranked;
}

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
  tracker_changed(state, platform);
}

void set_checklist_item(AppState& state, Platform& platform, const SetChecklistItem& a) {
  auto& tracker = state.workspace.tracker;
  if (a.item == ChecklistItem::TopChoiceLetter && a.done) {
    std::string why = core::top_choice_letter_refusal(tracker, a.id);
    if (!why.empty()) {
      state.tracker_refusal = std::move(why);  // shown beside the checklist; nothing changes
      state.tracker_refusal_id = a.id;
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

void load_file(AppState& state, LoadFile& f) {
  using core::DocumentKind;
  const DocumentKind kind = core::detect_document_kind(f.bytes, f.file_name);
  if (kind == DocumentKind::Profile) {
    auto r = core::parse_profile_json(f.bytes, f.file_name);
    if (!r.ok())
      return import_failed(state, "the profile", f.file_name, r.diagnostics, "Your current profile is unchanged.");
    state.profile = *r.value;
    state.profile_draft = state.profile;
    state.profile_draft_edited = false;
    state.profile_is_set = true;
    if (!r.diagnostics.empty())
      add_message(state, core::Severity::Warning,
                  "Loaded the profile " + f.file_name + " with " + plural(r.diagnostics.size(), "warning") + ".",
                  r.diagnostics);
    return;
  }
  // A program list is read in steps (advance_work); a newer file replaces one still being read.
  state.work.sheet.reset();
  state.work.import_is_sample = f.is_sample;
  if (kind == DocumentKind::ProgramsCsv) {
    core::CsvPreview preview = core::preview_csv(f.bytes, kSheetPreviewRows);
    const core::CsvMapping automatic = core::auto_map_columns(preview.header);
    core::CsvMapping mapping =
        state.remembered_columns ? core::reuse_mapping(*state.remembered_columns, preview.header) : automatic;
    if (!mapping.is_template()) {
      // An own sheet: keep what the Data tab needs to show its columns and read it again.
      SheetColumns sheet{f.file_name, f.bytes.size() <= kMaxSheetBytes ? f.bytes : std::string(),
                         mapping,     std::move(preview.rows),
                         false,       false};
      state.work.sheet = std::move(sheet);
      if (!(mapping == automatic)) {
        state.work.import = std::make_shared<core::ProgramListImport>(std::move(f.bytes), f.file_name, mapping);
        return;
      }
    }
  }
  state.work.import = std::make_shared<core::ProgramListImport>(std::move(f.bytes), f.file_name, kind);
}

void read_sheet_again(AppState& state, Platform& platform, const core::CsvMapping& mapping) {
  if (state.sheet.text.empty() || mapping.columns.size() != state.sheet.mapping.columns.size()) return;
  SheetColumns sheet = state.sheet;
  sheet.mapping = mapping;
  sheet.edited = false;
  state.work.import = std::make_shared<core::ProgramListImport>(sheet.text, sheet.file_name, mapping);
  state.work.import_is_sample = false;
  state.work.sheet = std::move(sheet);
  state.remembered_columns = mapping;
  save_settings(state, platform);
}

// The program list has been read: it replaces the programs, or says why not and keeps them.
void finish_import(AppState& state) {
  core::ProgramListImport& job = *state.work.import;
  const std::string file = job.file_name();
  // An own sheet's columns were read by their names: said, so that nothing is guessed silently.
  std::vector<std::string> own_columns;
  std::optional<SheetColumns> sheet = std::move(state.work.sheet);
  state.work.sheet.reset();
  if (const core::CsvMapping* mapping = job.csv_mapping(); mapping && !mapping->is_template()) {
    own_columns = core::describe_mapping(*mapping);
    if (sheet) sheet->mapping = *mapping;
  } else {
    sheet.reset();
  }
  auto r = job.take_result();
  const bool is_sample = state.work.import_is_sample;
  state.work.import.reset();
  // The Data tab shows the own sheet read last, loaded or not (its columns can be fixed there);
  // any other list that loads replaces it.
  if (sheet) {
    sheet->loaded = r.ok();
    state.sheet = std::move(*sheet);
  } else if (r.ok()) {
    state.sheet = SheetColumns{};
  }
  if (!r.ok())
    return import_failed(state, "the program list", file, r.diagnostics, "The programs you had are still loaded.");
  // The workspace is applied over the new list (reapply_workspace drops the plan first: it points
  // into the old programs).
  state.loaded_dataset = std::move(*r.value);
  state.dataset_is_sample = is_sample;
  reapply_workspace(state);
  if (!state.workspace_notes.empty()) {
    add_message(state, core::Severity::Warning,
                "Your workspace has " + plural(state.workspace_notes.size(), "entry") + " for programs not in " + file +
                    ": they are kept in your workspace (the Data tab lists them).");
    for (const std::string& note : state.workspace_notes) state.messages.back().details.push_back(note);
  }
  if (own_columns.empty() && r.diagnostics.empty()) return;
  // One message for the list: where an own sheet's columns went (first), then the reader's warnings.
  add_message(state, core::Severity::Warning,
              "Loaded " + plural(state.loaded_dataset.programs.size(), "program") + " from " + file +
                  (own_columns.empty() ? " with " + plural(r.diagnostics.size(), "warning") + "."
                                       : std::string(", reading its columns by their names: check that each "
                                                     "column went where you meant.")),
              r.diagnostics);
  auto& details = state.messages.back().details;
  details.insert(details.begin(), own_columns.begin(), own_columns.end());
}

// The saved workspace (research, added and hidden programs, tracker). One that cannot be read is
// kept under its own backup key, and the app goes on with an empty workspace.
void restore_workspace(AppState& state, Platform& platform) {
  const auto saved = platform.storage_get(kStorageWorkspaceKey);
  if (!saved) return;
  auto r = core::parse_workspace_json(*saved, "saved workspace");
  if (!r.ok()) {
    const bool kept = !platform.storage_set(kStorageWorkspaceBackupKey, *saved);
    add_message(state, core::Severity::Warning,
                std::string("The research and tracker saved in this browser could not be read; ") +
                    (kept ? "a copy was kept as a backup" : "no backup copy could be kept (storage refused it)") +
                    " and you start with an empty workspace.",
                r.diagnostics);
    return;
  }
  state.workspace = std::move(*r.value);
  state.workspace.profile.reset();  // the profile has its own key
  ++state.tracker_revision;
  reapply_workspace(state);
}

void restore(AppState& state, Platform& platform) {
  const auto settings = platform.storage_get(kStorageSettingsKey);
  if (const auto& why = platform.storage_blocked()) {
    // Not "nothing saved": nothing can be saved. Say it now, before the user enters anything.
    storage_warning(state, kMessageBlocked, *why);
    state.storage_status = kStatusBlocked;
    return;
  }
  if (settings) read_settings(state, nlohmann::json::parse(*settings, nullptr, false));
  if (!state.persist) {
    state.storage_status = kStatusOff;
    return;
  }
  restore_workspace(state, platform);
  const auto saved = platform.storage_get(kStorageProfileKey);
  if (!saved) {
    state.storage_status = kStatusSaved;
    return;
  }
  auto r = core::parse_profile_json(*saved, "saved profile");
  if (!r.ok()) {
    // Keep what was found, so nothing the user entered is lost for good.
    if (auto err = platform.storage_set(kStorageBackupKey, *saved)) {
      add_message(state, core::Severity::Warning,
                  "The profile saved in this browser could not be read, and no backup copy could be kept (" + *err +
                      "); you start with a fresh profile. The damaged copy stays until you save a new one.",
                  r.diagnostics);
      state.storage_status = "The saved profile was damaged; no backup copy could be kept.";
      return;
    }
    add_message(state, core::Severity::Warning,
                "The profile saved in this browser could not be read; a copy was kept as a backup "
                "and you start with a fresh profile.",
                r.diagnostics);
    state.storage_status = "The saved profile was damaged; a backup copy was kept.";
    return;
  }
  state.profile = *r.value;
  state.profile_draft = state.profile;
  state.profile_draft_edited = false;
  state.profile_is_set = true;
  state.storage_status = "Restored from this browser.";
}

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
  v.outcome.reset();
  // No chance before the facts that decide it (as for the plan).
  if (!v.order.empty() && state.profile_is_set && core::unanswered_facts(state.profile).empty())
    v.outcome = core::rank_list_outcome(state.profile, state.dataset, v.order, state.model);
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
                     ++state.tracker_revision;
                     state.tracker_refusal.clear();
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
                     if (a.min_preferred_share >= 0.0 && a.min_preferred_share <= 1.0)
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
                     tracker_changed(state, platform);
                   },
                   [&](const SetChecklistItem& a) { set_checklist_item(state, platform, a); },
                   [&](const MoveRank& a) { move_rank(state, platform, a); },
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
}

}  // namespace openpick::shell
