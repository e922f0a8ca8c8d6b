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

// The field asks for more room: the string grows, and Dear ImGui writes into its new buffer.
int resize_string(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}
}  // namespace

bool input_string(const char* id, const char* hint, std::string& text, ImGuiInputTextFlags flags) {
  return ImGui::InputTextWithHint(id, hint, text.data(), text.capacity() + 1,
                                  flags | ImGuiInputTextFlags_CallbackResize, &resize_string, &text);
}

bool input_string_multiline(const char* id, std::string& text, const ImVec2& size) {
  return ImGui::InputTextMultiline(id, text.data(), text.capacity() + 1, size, ImGuiInputTextFlags_CallbackResize,
                                   &resize_string, &text);
}

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
  same_line_if_room(ImGui::CalcTextSize(next_button_label, nullptr, true).x + style.FramePadding.x * 2.0f);
}

void same_line_if_room(float width) {
  const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
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
