// A Dear ImGui context with no renderer, for shell tests: a 1280x800 display, the font atlas
// built (as a backend would before the first frame), the app's style. Destroyed with the object.
// draw_every_panel draws each panel of the table by itself, as the suites' "every panel draws this
// state" tests do.
#pragma once

#include <imgui.h>

#include <string>

#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/platform.h"

namespace openpick::testing {

// The first Dear ImGui assertion since it was cleared ("expr at file:line"; "" when none): the
// suites install record_assert with openpick_set_imgui_assert_handler around their frames.
inline std::string g_assert_failure;
inline void record_assert(const char* expr, const char* file, int line) {
  if (g_assert_failure.empty()) g_assert_failure = std::string(expr) + " at " + file + ":" + std::to_string(line);
}

class HeadlessImGui {
 public:
  explicit HeadlessImGui(bool dark = false) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    shell::apply_style(1.0f, dark);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

// Each panel of kPanels (panels_begin..panels_end) drawn by itself for `frames` frames in a window
// of its own, the actions applied after each frame as the browser's loop does; then
// `after_panel(panel)` checks what it left (no Dear ImGui assertion, say), and returns false to
// stop there.
template <class AfterPanel>
void draw_every_panel(shell::AppState& state, shell::Platform& platform, int frames, AfterPanel&& after_panel) {
  for (const shell::PanelInfo* p = shell::panels_begin(); p != shell::panels_end(); ++p) {
    for (int frame = 0; frame < frames; ++frame) {
      ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
      ImGui::NewFrame();
      ImGui::Begin("panel test");
      p->draw(state, platform);
      ImGui::End();
      ImGui::Render();
      shell::apply_actions(state, platform);
    }
    if (!after_panel(*p)) return;
  }
}

}  // namespace openpick::testing
