#include "openpick/shell/widgets.h"

#include <imgui_internal.h>

#include <algorithm>  // the item hooks behind window.openpick.items()

namespace openpick::shell {

namespace {
void wrapped_tooltip(const char* text) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}
}  // namespace

void help_marker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) wrapped_tooltip(text);
}

void item_tooltip(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) wrapped_tooltip(text);
}

void push_reading_width() {
  const float width = std::min(ImGui::GetFontSize() * 40.0f, ImGui::GetContentRegionAvail().x);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
}

void wrapped_colored(const ImVec4& colour, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, kColorAccent);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

void same_line_if_fits(const char* next_button_label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(next_button_label, nullptr, true).x + style.FramePadding.x * 2.0f;
  const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

void name_item(const char* name) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
  ImGuiContext& g = *GImGui;
  if (!g.TestEngineHookItems) return;  // nobody is recording positions
  // An id of its own (the name's, in the current id scope), so it pairs with nothing else.
  const ImGuiID id = ImGui::GetID(name);
  ImGuiTestEngineHook_ItemAdd(&g, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), id);
  ImGuiTestEngineHook_ItemInfo(&g, id, name, 0);
#else
  (void)name;
#endif
}

}  // namespace openpick::shell
