// Data: load a program list or a profile (file picker; drag and drop is handled by the page),
// export the profile, the CSV template, saving on this device, and "forget everything".
#include "openpick/core/io.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

void panel_data(AppState& state, Platform& platform) {
  push_reading_width();
  heading("Program list");
  if (state.dataset.programs.empty()) {
    ImGui::TextWrapped("No program list loaded.");
  } else {
    ImGui::TextWrapped("%s — %zu programs%s%s.", state.dataset.name.c_str(), state.dataset.programs.size(),
                       state.dataset.as_of.empty() ? "" : ", as of ", state.dataset.as_of.c_str());
    if (!state.dataset.source.empty()) ImGui::TextColored(kColorMuted, "Source: %s", state.dataset.source.c_str());
  }
  if (state.dataset_is_sample)
    wrapped_colored(kColorWarning,
                    "This is sample data: fictional programs for trying the planner. Real planning needs "
                    "a real program list: load a JSON dataset or a CSV file (one row per program, with "
                    "the columns of the template below).");
  // Bytes reach the app frames later, through the platform's callback; they become an action.
  auto load = [&state](std::string name, std::string bytes) {
    state.actions.emplace_back(LoadFile{std::move(name), std::move(bytes), false});
  };
  if (ImGui::Button("Load a program list (JSON or CSV)…")) platform.open_file(".json,.csv,application/json,text/csv", load);
  ImGui::SameLine();
  if (ImGui::Button("Download the CSV template"))
    platform.save_file("openpick-programs-template.csv", "text/csv", core::programs_to_csv({}));
  ImGui::TextColored(kColorMuted, "You can also drop a file anywhere on the page.");
  ImGui::TextWrapped("If a file has problems, OpenPick lists each one with its line and keeps what you had loaded.");

  heading("Your profile");
  if (ImGui::Button("Load a profile (JSON)…")) platform.open_file(".json,application/json", load);
  ImGui::SameLine();
  ImGui::BeginDisabled(!state.profile_is_set);
  if (ImGui::Button("Export my profile"))
    platform.save_file("openpick-profile.json", "application/json", core::profile_to_json(state.profile));
  ImGui::EndDisabled();

  heading("Privacy and this device");
  ImGui::TextWrapped("OpenPick sends nothing anywhere. Your profile can be kept in this browser so it is "
                     "here next time.");
  bool persist = state.persist;
  if (ImGui::Checkbox("Keep my profile in this browser", &persist))
    state.actions.emplace_back(SetPersistence{persist});
  if (!state.storage_status.empty()) ImGui::TextColored(kColorMuted, "%s", state.storage_status.c_str());
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.30f, 0.25f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.92f, 0.38f, 0.32f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  if (ImGui::Button("Forget everything on this device")) ImGui::OpenPopup("forget");
  ImGui::PopStyleColor(3);
  if (ImGui::BeginPopupModal("forget", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Remove your profile and settings from this browser?");
    ImGui::TextColored(kColorMuted, "Export your profile first if you want to keep it.");
    if (ImGui::Button("Remove everything")) {
      state.actions.emplace_back(ForgetEverything{});
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::PopTextWrapPos();
}

}  // namespace openpick::shell
