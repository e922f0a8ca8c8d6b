#include "openpick/shell/frame.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "openpick/core/version.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

void apply_style(float scale, bool dark) {
  ImGuiStyle style;  // fresh each time: ScaleAllSizes is not idempotent
  if (dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.WindowBorderSize = 0.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.FramePadding = ImVec2(8.0f, 5.0f);
  style.ItemSpacing = ImVec2(8.0f, 6.0f);
  style.WindowPadding = ImVec2(14.0f, 12.0f);
  style.Colors[ImGuiCol_WindowBg] = dark ? ImVec4(0.11f, 0.12f, 0.14f, 1.0f) : ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  // Fields and checkboxes need an edge to be seen on the light background.
  style.FrameBorderSize = 1.0f;
  if (!dark) {
    style.Colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.72f, 0.74f, 0.79f, 1.0f);
    style.Colors[ImGuiCol_CheckMark] = ImVec4(0.16f, 0.36f, 0.69f, 1.0f);
  }
  // The keyboard focus (arrow keys move it, Space or Enter presses): an opaque ring in a colour of
  // its own, so it reads against the blue of buttons and selected tabs.
  style.Colors[ImGuiCol_NavHighlight] = dark ? ImVec4(1.0f, 0.78f, 0.28f, 1.0f) : ImVec4(0.80f, 0.33f, 0.0f, 1.0f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

namespace {

// Whether every tab's label fits on one row at this width (a phone's does not: the tab bar would
// cut them to "Prog…", "Seas…").
bool tabs_fit(const AppState& state) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float width = 0.0f;
  for (const PanelInfo* p = panels_begin(); p != panels_end(); ++p)
    if (!p->visible || p->visible(state))
      width += ImGui::CalcTextSize(p->name).x + style.FramePadding.x * 2.0f + style.ItemInnerSpacing.x;
  return width <= ImGui::GetContentRegionAvail().x;
}

// The tabs as a grid of equal cells, as many a row as the longest label allows; the one shown is
// active_panel (the first tab before any is chosen). They must not read as action buttons (filled
// light blue): the others are outlined with no fill, the one shown is solid in the accent colour
// with white text, as a segmented control marks its choice.
const PanelInfo* panel_rows(AppState& state) {
  const PanelInfo* shown = nullptr;
  int count = 0;
  float widest = 0.0f;
  for (const PanelInfo* p = panels_begin(); p != panels_end(); ++p) {
    if (p->visible && !p->visible(state)) continue;
    if (!shown || std::string(p->name) == state.active_panel) shown = p;
    ++count;
    widest = std::max(widest, ImGui::CalcTextSize(p->name).x);
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = style.ItemSpacing.x;
  const float cell_min = widest + style.FramePadding.x * 2.0f;
  const int per_row = std::max(1, std::min(count, static_cast<int>((avail + spacing) / (cell_min + spacing))));
  const float cell =
      std::max(cell_min, (avail - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row));
  int i = 0;
  for (const PanelInfo* p = panels_begin(); p != panels_end(); ++p) {
    if (p->visible && !p->visible(state)) continue;
    if (i++ % per_row != 0) ImGui::SameLine();
    const bool selected = p == shown;
    const ImVec4 none(0.0f, 0.0f, 0.0f, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? kColorAccent : none);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? kColorAccent : style.Colors[ImGuiCol_TabHovered]);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, selected ? kColorAccent : style.Colors[ImGuiCol_TabActive]);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? ImVec4(1.0f, 1.0f, 1.0f, 1.0f) : style.Colors[ImGuiCol_Text]);
    if (ImGui::Button(p->name, ImVec2(cell, 0.0f)) && !selected) {
      shown = p;
      state.select_panel = p->name;  // the tab bar takes it up if the screen widens
    }
    ImGui::PopStyleColor(4);
  }
  ImGui::Separator();
  return shown;
}

// The tabs, and the panel of the one chosen: a tab bar where every label fits, rows of tabs on a
// narrow screen (a phone), so that no label is cut.
void draw_panels(AppState& state, Platform& platform) {
  if (!tabs_fit(state)) {
    if (const PanelInfo* p = panel_rows(state)) {
      state.active_panel = p->name;
      p->draw(state, platform);
    }
    return;
  }
  if (ImGui::BeginTabBar("panels")) {
    for (const PanelInfo* p = panels_begin(); p != panels_end(); ++p) {
      if (p->visible && !p->visible(state)) continue;
      const bool select = state.select_panel && std::string(p->name) == state.select_panel;
      if (ImGui::BeginTabItem(p->name, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
        state.active_panel = p->name;
        p->draw(state, platform);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
    state.select_panel = nullptr;
  }
}

}  // namespace

void draw_frame(AppState& state, Platform& platform) {
  // A full-window application: one borderless window covering the viewport.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_MenuBar;
  ImGui::Begin("OpenPick", nullptr, kFlags);
  if (ImGui::BeginMenuBar()) {
    ImGui::TextUnformatted(core::kProductName);
    if (ImGui::BeginMenu("View")) {
      bool dark = state.embed.dark;
      if (ImGui::MenuItem("Dark theme", nullptr, &dark)) state.actions.emplace_back(SetTheme{dark, true});
      ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
  }

  // Messages stay at the top, above every tab, until dismissed.
  for (size_t i = 0; i < state.messages.size(); ++i) {
    const auto& m = state.messages[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("Dismiss")) state.actions.emplace_back(DismissMessage{i});
    ImGui::SameLine();
    wrapped_colored(m.severity == core::Severity::Error ? kColorError : kColorWarning, m.text.c_str());
    if (!m.details.empty() && ImGui::TreeNode("details", "Details (%zu)", m.details.size())) {
      for (const auto& line : m.details) ImGui::TextWrapped("%s", line.c_str());
      ImGui::TreePop();
    }
    ImGui::PopID();
  }

  // Long work in progress (a large program list, a plan over it): what, and how far along.
  if (state.work.busy()) {
    const bool reading = state.work.import != nullptr;
    const double done = reading ? state.work.import->progress() : state.work.plan->progress();
    const std::string what =
        reading ? "Reading " + state.work.import->file_name() + "…" : std::string("Updating the plan…");
    char overlay[32];
    std::snprintf(overlay, sizeof overlay, "%d%%", static_cast<int>(done * 100.0));
    ImGui::TextUnformatted(what.c_str());
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(done), ImVec2(-FLT_MIN, 0.0f), overlay);
  }

  draw_panels(state, platform);
  commit_profile_draft(state);  // an edit left unfinished by switching tabs
  ImGui::End();
}

}  // namespace openpick::shell
