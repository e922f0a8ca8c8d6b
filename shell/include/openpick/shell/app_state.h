// All of the application's state in one place: the document (profile, dataset), what is derived
// from it, the interface's own state, and the queue of actions widgets have asked for.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"

namespace openpick::shell {

// --- actions ---------------------------------------------------------------------------------
// Widgets never change the document directly: they push one of these, and apply_actions() runs
// them between frames (after ImGui::Render), so state changes, persistence and recomputation
// have one home.

// Bytes of a file the user picked or dropped (or the page's default sample dataset). What it
// holds is decided from its name and content: a dataset, a program CSV or a profile.
struct LoadFile {
  std::string file_name;
  std::string bytes;
  bool is_sample = false;
};
// The profile as the form now has it.
struct SetProfile {
  core::Profile profile;
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
// Embedding (web/EMBED.md): the page is framed by an adviser's site at this exact origin.
struct SetEmbedHost {
  std::string origin;
};
// Light or dark interface (an embedding host's choice).
struct SetTheme {
  bool dark = false;
};
// The applicant pressed "Send" after seeing exactly `json`: hand it to the embedding host.
struct ShareWithHost {
  std::string json;
};

using Action = std::variant<LoadFile, SetProfile, DismissMessage, SetPersistence, ForgetEverything,
                            RestoreFromStorage, SetEmbedHost, SetTheme, ShareWithHost>;

// --- state -----------------------------------------------------------------------------------

struct Message {
  core::Severity severity = core::Severity::Error;
  std::string text;                 // one sentence a person understands
  std::vector<std::string> details; // e.g. "programs.csv:12:4: error: ..." lines
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
  std::string specialty;   // empty: all
  std::string state;       // empty: all
  int visa = 0;            // 0 all, 1 accepts J-1, 2 sponsors H-1B
  char search[96] = {};    // in name, institution or city, case-insensitive
  int sort_column = 0;
  bool sort_descending = false;
  std::vector<int> rows;   // indexes into dataset.programs
  unsigned built_for_revision = ~0u;
  bool dirty = true;
};

// Embedding in an adviser's page: who frames us, the theme it asked for, and the Share panel's
// confirmation step (the exact text that would be sent, shown before sending).
struct EmbedState {
  std::string host_origin;    // empty: not embedded
  bool dark = false;
  std::string share_preview;  // non-empty while the applicant is looking at what would be sent
  std::string share_status;
  int shares_sent = 0;
};

struct AppState {
  // Document.
  core::Dataset dataset;
  unsigned dataset_revision = 0;  // bumped on every change of the dataset
  bool dataset_is_sample = false;
  core::Profile profile;
  bool profile_is_set = false;  // false until the user starts from an example or a blank profile

  // Settings (saved with the profile when persistence is on).
  bool persist = true;
  std::string storage_status;  // what happened with storage, shown in the Data panel

  // Interface.
  std::vector<Message> messages;  // shown until dismissed
  bool show_demo_window = false;
  core::Profile profile_draft;    // what the profile form edits; SetProfile commits it
  ProgramsView programs_view;
  DatasetSummary dataset_summary;
  EmbedState embed;

  // Pending actions, applied between frames.
  std::vector<Action> actions;
};

// Storage keys (versioned: a future format gets new keys and reads the old ones).
inline constexpr const char* kStorageProfileKey = "openpick.profile.v1";
inline constexpr const char* kStorageSettingsKey = "openpick.settings.v1";
inline constexpr const char* kStorageBackupKey = "openpick.backup.v1";

class Platform;

// The dataset's specialty and state lists, rebuilt only after the dataset changed.
const DatasetSummary& dataset_summary(AppState& state);

// Runs every queued action in order and clears the queue.
void apply_actions(AppState& state, Platform& platform);

// The state as JSON for window.openpick.getState() and for tests: version, dataset summary,
// profile (the profile document, or null before one is set), messages.
std::string state_to_json(const AppState& state);

}  // namespace openpick::shell
