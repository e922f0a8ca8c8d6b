// Embedding (web/EMBED.md) in the shell: the Share panel exists only when embedded, and the only
// way anything reaches Platform::share_with_host is the ShareWithHost action, once per press.
#include <gtest/gtest.h>
#include <imgui.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "headless_imgui.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"
#include "openpick/shell/panels.h"

namespace {

using openpick::shell::AppState;

class RecordingPlatform : public openpick::shell::NullPlatform {
 public:
  std::vector<std::string> shared;
  void share_with_host(const std::string& json) override { shared.push_back(json); }
};

bool share_tab_listed(const AppState& state) {
  for (const auto* p = openpick::shell::panels_begin(); p != openpick::shell::panels_end(); ++p)
    if (std::string(p->name) == "Share") return !p->visible || p->visible(state);
  return false;
}

TEST(Share, PanelOnlyWhenEmbedded) {
  AppState state;
  RecordingPlatform platform;
  EXPECT_FALSE(share_tab_listed(state));
  state.actions.emplace_back(openpick::shell::SetEmbedHost{"https://adviser.example"});
  openpick::shell::apply_actions(state, platform);
  EXPECT_TRUE(share_tab_listed(state));
  const auto j = nlohmann::json::parse(openpick::shell::state_to_json(state));
  EXPECT_EQ(j["embed"]["host"], "https://adviser.example");
  EXPECT_EQ(j["embed"]["theme"], "light");
}

TEST(Share, SendsTheExactTextOnceAndOnlyWhenEmbedded) {
  AppState state;
  RecordingPlatform platform;
  state.actions.emplace_back(openpick::shell::ShareWithHost{"{\"a\":1}"});
  openpick::shell::apply_actions(state, platform);
  EXPECT_TRUE(platform.shared.empty()) << "not embedded: nobody to send to";

  state.embed.host_origin = "https://adviser.example";
  state.embed.share_preview = "{\"a\":1}";
  state.actions.emplace_back(openpick::shell::ShareWithHost{state.embed.share_preview});
  openpick::shell::apply_actions(state, platform);
  ASSERT_EQ(platform.shared.size(), 1u);
  EXPECT_EQ(platform.shared[0], "{\"a\":1}");
  EXPECT_TRUE(state.embed.share_preview.empty());
  EXPECT_EQ(state.embed.shares_sent, 1);
}

TEST(Share, OtherActionsNeverShare) {
  AppState state;
  RecordingPlatform platform;
  state.actions.emplace_back(openpick::shell::SetEmbedHost{"https://adviser.example"});
  state.actions.emplace_back(openpick::shell::SetTheme{true});
  state.actions.emplace_back(openpick::shell::SetProfile{});
  state.actions.emplace_back(openpick::shell::LoadFile{"x.json", "{", false});
  openpick::shell::apply_actions(state, platform);
  EXPECT_TRUE(platform.shared.empty());
  EXPECT_TRUE(state.embed.dark);
}

TEST(Share, PanelDrawsInEveryState) {
  openpick::testing::HeadlessImGui imgui(true);
  ImGuiIO& io = ImGui::GetIO();
  AppState state;
  RecordingPlatform platform;
  state.embed.host_origin = "https://adviser.example";
  for (int step = 0; step < 3; ++step) {
    if (step == 1) state.profile_is_set = true;
    if (step == 2) state.embed.share_preview = "{\n  \"openpick_share\": 1\n}";
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::Begin("test");
    openpick::shell::panel_share(state, platform);
    ImGui::End();
    ImGui::Render();
  }
  EXPECT_TRUE(platform.shared.empty()) << "drawing never sends";
}

}  // namespace
