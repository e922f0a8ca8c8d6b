// Headless Dear ImGui: no renderer, a font atlas built in memory, every panel drawn for a few
// frames. A failed IM_ASSERT fails the test.
#include <gtest/gtest.h>
#include <imgui.h>

#include <nlohmann/json.hpp>
#include <string>

#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"

namespace {

std::string g_assert_failure;
void record_assert(const char* expr, const char* file, int line) {
  g_assert_failure = std::string(expr) + " at " + file + ":" + std::to_string(line);
}

class Headless : public ::testing::Test {
 protected:
  void SetUp() override {
    g_assert_failure.clear();
    previous_ = openpick_set_imgui_assert_handler(&record_assert);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    openpick::shell::apply_style(1.0f);
  }
  void TearDown() override {
    ImGui::DestroyContext();
    openpick_set_imgui_assert_handler(previous_);
  }
  void frames(openpick::shell::AppState& state, int n) {
    openpick::shell::NullPlatform platform;
    for (int i = 0; i < n; ++i) {
      ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
      ImGui::NewFrame();
      openpick::shell::draw_frame(state, platform);
      ImGui::Render();
      openpick::shell::apply_actions(state);
      ASSERT_EQ(g_assert_failure, "") << "Dear ImGui assertion in frame " << i;
    }
  }
  OpenPickImGuiAssertHandler previous_ = nullptr;
};

}  // namespace

TEST_F(Headless, EmptyStateDrawsWithoutAsserts) {
  openpick::shell::AppState state;
  frames(state, 5);
  EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 0);
}

TEST_F(Headless, AssertHandlerCatchesMisuse) {
  // Proves the routing works: an unbalanced End() must be reported, not ignored.
  ImGui::NewFrame();
  ImGui::End();
  EXPECT_NE(g_assert_failure, "");
  g_assert_failure.clear();
}

TEST(StateJson, HasVersionAndDataset) {
  openpick::shell::AppState state;
  state.dataset.name = "Test data";
  state.dataset.programs.resize(3);
  const auto j = nlohmann::json::parse(openpick::shell::state_to_json(state));
  EXPECT_EQ(j.at("version"), "0.1.0");
  EXPECT_EQ(j.at("dataset").at("name"), "Test data");
  EXPECT_EQ(j.at("dataset").at("program_count"), 3);
}

TEST(Actions, DismissRemovesTheMessage) {
  openpick::shell::AppState state;
  state.messages.push_back({openpick::core::Severity::Error, "a"});
  state.messages.push_back({openpick::core::Severity::Error, "b"});
  state.actions.emplace_back(openpick::shell::DismissMessage{0});
  openpick::shell::apply_actions(state);
  ASSERT_EQ(state.messages.size(), 1u);
  EXPECT_EQ(state.messages[0].text, "b");
}
