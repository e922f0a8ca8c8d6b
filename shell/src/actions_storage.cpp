// Saving in this browser and reading back: the profile, the settings and the workspace, each
// under its own key; blocked, full or damaged storage said once, nothing lost.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "actions_detail.h"
#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"
#include "openpick/core/planner.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/workspace.h"

namespace openpick::shell::detail {

namespace {

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

}  // namespace

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

namespace {

// The settings document, each field named once: for_each_setting hands every field, by its
// name, to a writer (settings_json) or a reader (read_settings).
template <class State, class Field>
void for_each_setting(State& state, Field&& field) {
  field("persist", state.persist);
  field("dark", state.embed.dark);
  field("pinned", state.plan_options.pinned_ids);
  field("excluded", state.plan_options.excluded_ids);
  field("fee_assistance", state.plan_options.fee_assistance);
  field("only_preferred_states", state.plan_options.only_preferred_states);
  field("max_applications", state.plan_options.max_applications);
  field("min_preferred_share", state.plan_options.min_preferred_share);
  field("sheet_columns", state.remembered_columns);
}

void write_field(nlohmann::json& j, const char* key, bool v) { j[key] = v; }
void write_field(nlohmann::json& j, const char* key, double v) { j[key] = v; }
void write_field(nlohmann::json& j, const char* key, const std::vector<std::string>& v) { j[key] = v; }
void write_field(nlohmann::json& j, const char* key, const std::optional<int>& v) {
  j[key] = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
void write_field(nlohmann::json& j, const char* key, const std::optional<core::CsvMapping>& v) {
  if (v) j[key] = nlohmann::json::parse(core::csv_mapping_to_json(*v));
}

// Read leniently: a field of the wrong type, or out of core's range, keeps its default (settings
// are ours, but an older or hand-edited copy must never stop the app).
void read_field(const nlohmann::json& v, bool& out) {
  if (v.is_boolean()) out = v.get<bool>();
}
void read_field(const nlohmann::json& v, double& out) {  // min_preferred_share
  if (v.is_number() && core::in_range(core::kPreferredShareRange, v.get<double>())) out = v.get<double>();
}
void read_field(const nlohmann::json& v, std::vector<std::string>& out) {
  if (!v.is_array()) return;
  out.clear();
  for (const auto& id : v)
    if (id.is_string()) out.push_back(id.get<std::string>());
}
void read_field(const nlohmann::json& v, std::optional<int>& out) {  // max_applications
  if (v.is_number_integer() && v.get<long long>() >= core::kMaxApplicationsRange.min &&
      v.get<long long>() <= core::kMaxApplicationsRange.max)
    out = static_cast<int>(v.get<long long>());
}
void read_field(const nlohmann::json& v, std::optional<core::CsvMapping>& out) {
  if (v.is_object()) out = core::csv_mapping_from_json(v.dump());
}

nlohmann::json settings_json(const AppState& state) {
  nlohmann::json j = nlohmann::json::object();
  for_each_setting(state, [&](const char* key, const auto& value) { write_field(j, key, value); });
  return j;
}

void read_settings(AppState& state, const nlohmann::json& j) {
  if (!j.is_object()) return;
  for_each_setting(state, [&](const char* key, auto& value) {
    if (const auto it = j.find(key); it != j.end()) read_field(*it, value);
  });
}

}  // namespace

void save_settings(AppState& state, Platform& platform) {
  const std::string settings = (state.persist ? settings_json(state) : nlohmann::json{{"persist", false}}).dump();
  store(state, platform, kStorageSettingsKey, settings);
}

namespace {

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

}  // namespace

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

}  // namespace openpick::shell::detail
