// The Profile form and the profile's rules in the shell: the form never changes a value it did not
// edit (a profile at the edges of every range is drawn and comes back the same), an edit is
// committed once and saved on a debounce, and a profile with a decisive fact unanswered gets no
// plan and no headline until it is answered.
#include <gtest/gtest.h>
#include <imgui.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "headless_imgui.h"
#include "openpick/core/io.h"
#include "openpick/core/profile_rules.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/examples.h"
#include "openpick/shell/frame.h"
#include "openpick/shell/panels.h"

namespace {

using openpick::shell::AppState;
namespace core = openpick::core;
namespace shell = openpick::shell;

using openpick::testing::g_assert_failure;

class CountingPlatform : public shell::NullPlatform {
 public:
  std::map<std::string, std::string> store;
  int writes = 0;
  std::optional<std::string> storage_get(const std::string& key) override {
    auto it = store.find(key);
    return it == store.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::optional<std::string> storage_set(const std::string& key, const std::string& value) override {
    ++writes;
    store[key] = value;
    return std::nullopt;
  }
};

core::Dataset small_dataset() {
  core::Dataset d;
  d.name = "Form test data";
  for (int i = 0; i < 40; ++i) {
    core::Program p;
    p.id = "F-" + std::to_string(i);
    p.name = "Program " + std::to_string(i);
    p.specialty = i % 2 ? "Internal Medicine" : "Family Medicine";
    p.city = "Town";
    p.state = i % 3 ? "MS" : "NY";
    p.positions = 6;
    p.img_share = 0.5;
    p.visa.j1 = true;
    d.programs.push_back(p);
  }
  return d;
}

// Every range at its lowest, then at its highest, with the new fields and the odd values an import
// accepts but the form would never offer (a weight of 0, 15 US letters, a huge budget).
const char* const kLowEdges = R"({
  "schema_version": 1, "graduate_type": "us_md", "visa": "none",
  "step1": {"result": "not_taken", "attempts": 0},
  "step2ck": {"score": 1, "attempts": 1, "expected_score": 1, "date": "1950-01"},
  "step3_passed": false, "ecfmg_certified": null,
  "graduation_year": 1950, "match_year": 1950,
  "usce_months": {"hands_on": 0, "observership": 0},
  "us_letters": 0, "research_items": 0,
  "specialties": [{"name": "Internal Medicine", "weight": 0}],
  "preferred_states": [], "budget_usd": 0,
  "specialty_letters": 0
})";

const char* const kHighEdges = R"({
  "schema_version": 1, "graduate_type": "non_us_img", "visa": "j1_or_h1b",
  "step1": {"result": "fail", "attempts": 6, "score": 300},
  "step2ck": {"score": 300, "attempts": 6, "expected_score": 300, "date": "2100-12"},
  "step3_passed": true, "ecfmg_certified": true,
  "graduation_year": 2100, "match_year": 2100,
  "usce_months": {"hands_on": 120, "observership": 120},
  "us_letters": 20, "research_items": 1000,
  "specialties": [{"name": "Internal Medicine", "weight": 1}, {"name": "Family Medicine", "weight": 0.01}],
  "preferred_states": ["MS", "AR", "WY", "PR"], "budget_usd": 1000000000,
  "state_ties": [{"state": "MS", "kind": "trained"}, {"state": "GU", "kind": "family"}, {"state": "MS", "kind": "lived"}],
  "specialty_letters": 20
})";

const char* const kFifteenLetters = R"({
  "schema_version": 1, "graduate_type": "us_img", "visa": "none",
  "step1": {"result": "pass", "attempts": 1}, "step2ck": {"score": 233, "attempts": 1},
  "graduation_year": 2021, "match_year": 2027, "us_letters": 15, "research_items": 250,
  "usce_months": {"hands_on": 7.25, "observership": 0.5},
  "specialties": [{"name": "Family Medicine", "weight": 0.37}], "budget_usd": 1234.56
})";

class ProfileForm : public openpick::testing::HeadlessTest {
 protected:
  void draw(AppState& state, shell::PanelFn panel, int n = 3) {
    EXPECT_TRUE(openpick::testing::draw_panel(state, platform, panel, n)) << g_assert_failure;
  }
  void every_panel(AppState& state) {
    for (const auto* p = shell::panels_begin(); p != shell::panels_end(); ++p) draw(state, p->draw, 2);
  }
  CountingPlatform platform;
};

}  // namespace

TEST_F(ProfileForm, DrawingTheFormNeverChangesAnImportedProfile) {
  for (const char* text : {kLowEdges, kHighEdges, kFifteenLetters}) {
    SCOPED_TRACE(text);
    const auto imported = core::parse_profile_json(text, "edges.json");
    ASSERT_TRUE(imported.ok()) << (imported.diagnostics.empty() ? "" : imported.diagnostics[0].message);
    const std::string expected = core::profile_to_json(*imported.value);

    AppState state;
    state.actions.emplace_back(shell::LoadFile{"d.json", core::dataset_to_json(small_dataset()), false});
    state.actions.emplace_back(shell::LoadFile{"edges.json", text, false});
    shell::apply_actions(state, platform);
    ASSERT_TRUE(state.profile_is_set);
    ASSERT_EQ(core::profile_to_json(state.profile), expected);
    const int writes = platform.writes;
    const unsigned plans = state.plan_revision;

    draw(state, &shell::panel_profile, 5);
    every_panel(state);
    draw(state, &shell::panel_profile, 5);

    EXPECT_EQ(core::profile_to_json(state.profile), expected) << "the form changed a value it did not edit";
    EXPECT_EQ(core::profile_to_json(state.profile_draft), expected);
    EXPECT_FALSE(state.profile_draft_edited);
    EXPECT_EQ(platform.writes, writes) << "nothing edited, nothing saved";
    EXPECT_EQ(state.plan_revision, plans) << "nothing edited, no new plan";
  }
}

TEST_F(ProfileForm, AFinishedEditIsCommittedOnceAndSavedOnADebounce) {
  AppState state;
  state.actions.emplace_back(shell::SetProfile{shell::example_profiles().front().profile});
  shell::apply_actions(state, platform);
  const int writes = platform.writes;

  // What a field leaves in the draft once the applicant has typed a number and pressed Enter.
  state.profile_draft.us_letters = 4;
  state.profile_draft_edited = true;
  ImGui::NewFrame();
  ImGui::Begin("form test");
  shell::panel_profile(state, platform);
  ImGui::End();
  ImGui::Render();
  ASSERT_EQ(state.actions.size(), 1u) << "one commit for the edit";
  ASSERT_TRUE(std::holds_alternative<shell::SetProfile>(state.actions[0]));
  EXPECT_TRUE(std::get<shell::SetProfile>(state.actions[0]).debounce_save);

  // In the browser each frame has a small budget: the save waits out the debounce.
  shell::apply_actions(state, platform, 5.0);
  EXPECT_EQ(state.profile.us_letters, 4);
  EXPECT_EQ(platform.writes, writes) << "saved on a debounce, not at once";
  EXPECT_TRUE(state.profile_save_due.has_value());
  // The page being hidden writes it now.
  shell::flush_pending_saves(state, platform);
  EXPECT_EQ(platform.writes, writes + 1);
  EXPECT_NE(platform.store[shell::kStorageProfileKey].find("\"us_letters\": 4"), std::string::npos);
  EXPECT_FALSE(state.profile_save_due.has_value());
  shell::flush_pending_saves(state, platform);
  EXPECT_EQ(platform.writes, writes + 1) << "nothing left to write";
}

TEST_F(ProfileForm, ABlankProfileHasNoChanceUntilTheDecisiveFactsAreAnswered) {
  AppState state;
  state.actions.emplace_back(shell::LoadFile{"d.json", core::dataset_to_json(small_dataset()), false});
  state.actions.emplace_back(shell::SetProfile{core::blank_profile()});
  shell::apply_actions(state, platform);
  ASSERT_TRUE(state.profile_is_set);
  EXPECT_FALSE(state.plan_valid) << "no chance before the facts that decide it";
  auto j = nlohmann::json::parse(shell::state_to_json(state));
  EXPECT_TRUE(j.at("plan").is_null());
  EXPECT_EQ(j["ui"]["unanswered"], nlohmann::json::array({"graduate_type", "visa", "step1", "step2ck", "specialty"}));
  every_panel(state);
  EXPECT_FALSE(state.plan_valid);

  // Saved and restored half answered: still unanswered, never a silent default.
  core::Profile p = state.profile;
  core::set_answered(p, core::DecisiveFact::GraduateType);
  state.actions.emplace_back(shell::SetProfile{p});
  shell::apply_actions(state, platform);
  AppState restored;
  restored.actions.emplace_back(shell::RestoreFromStorage{});
  shell::apply_actions(restored, platform);
  ASSERT_TRUE(restored.profile_is_set);
  EXPECT_EQ(core::unanswered_facts(restored.profile).size(), 4u);

  // Every fact answered: a plan.
  core::set_answered(p, core::DecisiveFact::Visa);
  core::set_answered(p, core::DecisiveFact::Step1);
  core::set_answered(p, core::DecisiveFact::Step2ck);
  p.specialties = {{"Internal Medicine", 1.0}};
  state.actions.emplace_back(shell::SetProfile{p});
  shell::apply_actions(state, platform);
  EXPECT_TRUE(state.plan_valid);
  j = nlohmann::json::parse(shell::state_to_json(state));
  EXPECT_TRUE(j.at("plan").is_object());
  EXPECT_TRUE(j["ui"]["unanswered"].empty());
}

TEST_F(ProfileForm, EveryExampleIsAnsweredAndPlans) {
  for (const auto& ex : shell::example_profiles()) {
    SCOPED_TRACE(std::string(ex.file_name));
    EXPECT_TRUE(core::unanswered_facts(ex.profile).empty());
  }
}

TEST_F(ProfileForm, TheProgramsTabsChancesAreComputedBetweenFramesOncePerPlan) {
  AppState state;
  state.actions.emplace_back(shell::LoadFile{"d.json", core::dataset_to_json(small_dataset()), false});
  state.actions.emplace_back(shell::SetProfile{shell::example_profiles().front().profile});
  shell::apply_actions(state, platform);
  ASSERT_TRUE(state.plan_valid);
  ASSERT_TRUE(state.programs_view.chances.empty()) << "nothing computed for a tab never drawn";

  // Drawing the tab scores nothing inside the frame; the work happens after it.
  ImGui::NewFrame();
  ImGui::Begin("form test");
  shell::panel_programs(state, platform);
  ImGui::End();
  ImGui::Render();
  EXPECT_TRUE(state.programs_view.chances.empty()) << "scored inside a frame";
  shell::apply_actions(state, platform);
  ASSERT_EQ(state.programs_view.chances.size(), state.dataset.programs.size());
  EXPECT_EQ(state.programs_view.chances_for_plan_revision, state.plan_revision);
  int on_plan = 0;
  for (int pos : state.programs_view.plan_position) on_plan += pos > 0;
  EXPECT_EQ(on_plan, static_cast<int>(state.plan.programs.size()));

  // A new plan (one invalidation, one start, one finish): the chances follow it, once.
  const unsigned revision = state.plan_revision;
  core::Profile p = state.profile;
  p.us_letters += 1;
  state.actions.emplace_back(shell::SetProfile{p});
  state.actions.emplace_back(shell::SetPinned{"F-1", true});
  shell::apply_actions(state, platform);
  EXPECT_EQ(state.plan_revision, revision + 1) << "two changes between frames, one new plan";
  EXPECT_NE(state.programs_view.chances_for_plan_revision, state.plan_revision) << "the tab is not drawn: no work";
  draw(state, &shell::panel_programs, 3);
  EXPECT_EQ(state.programs_view.chances_for_plan_revision, state.plan_revision);
  EXPECT_EQ(state.plan_revision, revision + 1) << "drawing never re-plans";
}
