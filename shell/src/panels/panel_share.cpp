// Share: only when the planner is embedded in an adviser's page (web/EMBED.md). Nothing leaves the
// browser until the applicant asks: the first button shows exactly what would be sent, the second
// sends that very text to the embedding page's origin, once.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "openpick/core/io.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

// What the adviser receives: the profile document and the current plan (null when there is no
// plan yet, e.g. no specialty chosen), in the same formats as the exports.
std::string share_payload(const AppState& state) {
  nlohmann::json j;
  j["openpick_share"] = 1;
  j["profile"] = nlohmann::json::parse(core::profile_to_json(state.profile));
  j["plan"] = state.plan_valid ? nlohmann::json::parse(state.plan_json, nullptr, false) : nlohmann::json(nullptr);
  if (j["plan"].is_discarded()) j["plan"] = nullptr;
  return j.dump(2);
}

}  // namespace

bool panel_share_visible(const AppState& state) { return !state.embed.host_origin.empty(); }

void panel_share(AppState& state, Platform&) {
  EmbedState& e = state.embed;
  push_reading_width();
  heading("Share with this adviser");
  ImGui::TextWrapped("This planner is shown inside a page of %s.", e.host_origin.c_str());
  if (e.shares_sent == 0)
    ImGui::TextWrapped(
        "That site has received nothing you entered. If you want its advisers to see your profile "
        "and plan, you can send them, here; you will see exactly what is sent first.");
  else
    ImGui::TextWrapped(
        "You sent your profile and plan to that site (%d time%s). Nothing else you enter is sent "
        "unless you send it again here.",
        e.shares_sent, e.shares_sent == 1 ? "" : "s");
  ImGui::PopTextWrapPos();
  ImGui::Spacing();

  if (!state.profile_is_set) {
    wrapped_colored(kColorMuted, "Set up your profile first (Start tab).");
    return;
  }
  if (e.share_preview.empty()) {
    if (ImGui::Button("Share my plan with this adviser…")) e.share_preview = share_payload(state);
    if (!e.share_status.empty()) wrapped_colored(kColorGood, e.share_status.c_str());
    return;
  }

  // The confirmation: the exact text that "Send" hands to the page, read-only.
  ImGui::TextWrapped("This exact text will be sent to %s:", e.host_origin.c_str());
  const float height = std::max(ImGui::GetFontSize() * 8.0f,
                                ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.0f);
  ImGui::InputTextMultiline("##share_preview", e.share_preview.data(), e.share_preview.size() + 1,
                            ImVec2(-1.0f, height), ImGuiInputTextFlags_ReadOnly);
  if (ImGui::Button("Send to this adviser")) state.actions.emplace_back(ShareWithHost{e.share_preview});
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) e.share_preview.clear();
}

}  // namespace openpick::shell
