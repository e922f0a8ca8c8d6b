// What the shell suites share: a Dear ImGui context with no renderer (HeadlessImGui: a 1280x800
// display, the font atlas built as a backend would before the first frame, the app's style), Dear
// ImGui's assertions recorded into g_assert_failure (RecordAsserts), the fixture that sets both up
// for each test (HeadlessTest), and panels drawn frame by frame as the browser's loop does
// (draw_panel, draw_every_panel).
//
//   class MySuite : public openpick::testing::HeadlessTest {};
//   TEST_F(MySuite, Draws) { EXPECT_TRUE(draw_panel(state, platform, &shell::panel_plan, 3)) << g_assert_failure; }
#pragma once

#include <gtest/gtest.h>
#include <imgui.h>

#include <optional>
#include <string>

#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"
#include "openpick/shell/imgui_config.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/platform.h"

namespace openpick::testing {

// The first Dear ImGui assertion since it was cleared ("expr at file:line"; "" when none): the
// suites install record_assert around their frames (RecordAsserts; HeadlessTest does it per test).
inline std::string g_assert_failure;
inline void record_assert(const char* expr, const char* file, int line) {
  if (g_assert_failure.empty()) g_assert_failure = std::string(expr) + " at " + file + ":" + std::to_string(line);
}

// While it lives, Dear ImGui's assertions go to record_assert (g_assert_failure cleared first);
// the handler before it is put back after.
class RecordAsserts {
 public:
  RecordAsserts() {
    g_assert_failure.clear();
    previous_ = openpick_set_imgui_assert_handler(&record_assert);
  }
  ~RecordAsserts() { openpick_set_imgui_assert_handler(previous_); }
  RecordAsserts(const RecordAsserts&) = delete;
  RecordAsserts& operator=(const RecordAsserts&) = delete;

 private:
  OpenPickImGuiAssertHandler previous_ = nullptr;
};

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

// `frames` frames of `panel` in a window of its own, the actions applied after each frame as the
// browser's loop does. Stops after a frame with a Dear ImGui assertion: false then
// (g_assert_failure says which).
inline bool draw_panel(shell::AppState& state, shell::Platform& platform, shell::PanelFn panel, int frames) {
  for (int frame = 0; frame < frames; ++frame) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::Begin("panel test");
    panel(state, platform);
    ImGui::End();
    ImGui::Render();
    shell::apply_actions(state, platform);
    if (!g_assert_failure.empty()) return false;
  }
  return true;
}

// Each panel of kPanels (panels_begin..panels_end) drawn by itself for `frames` frames (draw_panel);
// then `after_panel(panel)` checks what it left (no Dear ImGui assertion, say), and returns false
// to stop there.
template <class AfterPanel>
void draw_every_panel(shell::AppState& state, shell::Platform& platform, int frames, AfterPanel&& after_panel) {
  for (const shell::PanelInfo* p = shell::panels_begin(); p != shell::panels_end(); ++p) {
    draw_panel(state, platform, p->draw, frames);
    if (!after_panel(*p)) return;
  }
}

// A shell suite's fixture: each test gets a fresh headless context and its Dear ImGui assertions
// recorded (g_assert_failure), both undone after it. `dark` picks the theme.
class HeadlessTest : public ::testing::Test {
 protected:
  explicit HeadlessTest(bool dark = false) : dark_(dark) {}
  void SetUp() override {
    asserts_.emplace();
    imgui_.emplace(dark_);
  }
  void TearDown() override {
    imgui_.reset();
    asserts_.reset();
  }

 private:
  bool dark_;
  std::optional<RecordAsserts> asserts_;
  std::optional<HeadlessImGui> imgui_;
};

}  // namespace openpick::testing
