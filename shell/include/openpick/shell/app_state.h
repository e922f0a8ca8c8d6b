// All of the application's state in one place: the document (profile, dataset), what is derived
// from it, the interface's own state, and the queue of actions widgets have asked for.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/core/program.h"

namespace openpick::shell {

// Widgets never change the document directly: they push one of these, and apply_actions() runs
// them between frames (after ImGui::Render), so state changes and recomputation have one home.
struct DismissMessage {
  size_t index = 0;
};
using Action = std::variant<DismissMessage>;

struct Message {
  core::Severity severity = core::Severity::Error;
  std::string text;
};

struct AppState {
  // Document.
  core::Dataset dataset;
  bool dataset_is_sample = false;

  // Interface.
  std::vector<Message> messages;  // shown to the user until dismissed
  bool show_demo_window = false;

  // Pending actions, applied between frames.
  std::vector<Action> actions;
};

// Runs every queued action in order and clears the queue.
void apply_actions(AppState& state);

// The state as JSON for window.openpick.getState() and for tests: version, dataset summary,
// and (as they land) profile and plan.
std::string state_to_json(const AppState& state);

}  // namespace openpick::shell
