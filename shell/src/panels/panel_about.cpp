// The first panel: shows that the app is alive, which version runs, and what data is loaded.
#include <imgui.h>

#include "openpick/core/version.h"
#include "openpick/shell/panels.h"

namespace openpick::shell {

void panel_about(AppState& state, Platform&) {
  ImGui::Text("%s %s", core::kProductName, core::kVersion);
  ImGui::TextWrapped(
      "A private residency-application planner. Everything you enter stays in this browser: "
      "nothing is sent anywhere.");
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  if (state.dataset.programs.empty()) {
    ImGui::TextUnformatted("Program data: none loaded");
  } else {
    ImGui::Text("Program data: %s (%zu programs, as of %s)", state.dataset.name.c_str(), state.dataset.programs.size(),
                state.dataset.as_of.c_str());
    if (state.dataset_is_sample)
      ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.05f, 1.0f),
                         "Sample data: fictional programs for trying the planner, not for real planning.");
  }
}

}  // namespace openpick::shell
