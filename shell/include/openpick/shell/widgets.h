// Small widgets and colours the panels share, so each idea has one implementation.
#pragma once

#include <imgui.h>

#include <string>

namespace openpick::shell {

inline const ImVec4 kColorError{0.72f, 0.11f, 0.11f, 1.0f};
inline const ImVec4 kColorWarning{0.62f, 0.38f, 0.0f, 1.0f};
inline const ImVec4 kColorMuted{0.40f, 0.42f, 0.48f, 1.0f};
inline const ImVec4 kColorGood{0.10f, 0.50f, 0.22f, 1.0f};
inline const ImVec4 kColorAccent{0.16f, 0.36f, 0.69f, 1.0f};

// A grey "(?)" after the previous item; hovering (or tapping) it shows `text`.
void help_marker(const char* text);
// A tooltip on the previous item, wrapped at a readable width.
void item_tooltip(const char* text);
// Text in a colour, wrapped to the window's width.
void wrapped_colored(const ImVec4& colour, const char* text);
// Wraps text from here on at a comfortable reading width (40 font sizes), or at the window's edge
// when the window is narrower (a phone); pair with ImGui::PopTextWrapPos().
void push_reading_width();
// ImGui::SameLine() when a button labelled `next_button_label` still fits beside the previous
// item; otherwise the button goes on the next line (a phone).
void same_line_if_fits(const char* next_button_label);
// ImGui::SameLine() when an item `width` wide still fits beside the previous item; otherwise the
// next item starts a line of its own. Set its width after this call, capped by
// ImGui::GetContentRegionAvail().x, so that it never runs past the window's edge.
void same_line_if_room(float width);
// A section heading: a little larger spacing and the accent colour.
void heading(const char* text);
// Gives the previous widget a name in the widget positions the web build reports
// (window.openpick.items()), for a widget whose own label is hidden ("##id") or empty, as a
// number field's is. Browser tests click a field by this name, as a person finds it by its label.
void name_item(const char* name);
// A text field over a std::string of any length (Dear ImGui's own fields take a fixed buffer);
// true when the text changed this frame. The multiline form takes a size as InputTextMultiline.
bool input_string(const char* id, const char* hint, std::string& text, ImGuiInputTextFlags flags = 0);
bool input_string_multiline(const char* id, std::string& text, const ImVec2& size);

}  // namespace openpick::shell
