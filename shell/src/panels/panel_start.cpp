// The first screen: get a newcomer going with an example profile or a blank one, and say plainly
// what data is loaded.
#include <string>

#include "openpick/core/profile_rules.h"
#include "openpick/shell/examples.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

// A readable line for an example file: "Non-US IMG, Step 2 CK 218, needs J-1: IM, FM".
std::string describe(const core::Profile& p) {
  std::string s = core::kGraduateTypeShortLabels[static_cast<int>(p.graduate_type)];
  if (p.step2ck.score) s += ", Step 2 CK " + std::to_string(*p.step2ck.score);
  s += ", ";
  s += core::kVisaNeedPhrases[static_cast<int>(p.visa)];
  if (!p.specialties.empty()) {
    s += ": ";
    for (std::size_t i = 0; i < p.specialties.size(); ++i) s += (i ? ", " : "") + p.specialties[i].name;
  }
  return s;
}

}  // namespace

void panel_start(AppState& state, Platform&) {
  push_reading_width();
  heading("Plan your residency applications — privately");
  ImGui::TextWrapped(
      "Enter your profile and OpenPick suggests which programs to apply to, how many, your chance "
      "at each, what it costs, and what would raise your chance most. Everything stays in this "
      "browser: nothing you enter is sent anywhere.");

  heading("1. Start from a profile");
  if (state.profile_is_set)
    wrapped_colored(kColorGood, "You have a profile. Edit it in the Profile tab, or start again below.");
  for (const auto& ex : example_profiles()) {
    ImGui::PushID(ex.file_name.data());
    const std::string description = describe(ex.profile);
    if (ImGui::Button("Use this example")) state.actions.emplace_back(SetProfile{ex.profile});
    name_item(("Use this example: " + description).c_str());  // which example, for browser tests
    ImGui::SameLine();
    ImGui::TextWrapped("%s", description.c_str());
    ImGui::PopID();
  }
  if (ImGui::Button("Start with a blank profile")) state.actions.emplace_back(SetProfile{core::blank_profile()});
  if (state.profile_is_set && !core::unanswered_facts(state.profile_draft).empty()) {
    ImGui::Spacing();
    profile_questions(state);
  }

  heading("2. Program data");
  if (state.dataset.programs.empty()) {
    wrapped_colored(kColorWarning, "No program list is loaded yet. Load one in the Data tab.");
  } else if (state.dataset_is_sample) {
    wrapped_colored(kColorWarning,
                    "You are looking at SAMPLE DATA: fictional programs shaped like the real ones, "
                    "for trying the planner. For real planning, load your own program list (JSON "
                    "or CSV, e.g. a spreadsheet you keep) in the Data tab.");
  } else {
    ImGui::TextWrapped("Using %s: %zu programs.", state.dataset.name.c_str(), state.dataset.programs.size());
  }
  ImGui::PopTextWrapPos();
}

}  // namespace openpick::shell
