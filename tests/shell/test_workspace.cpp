// The workspace in the page: a workspace file loaded
// through the same action as any file, its research over the loaded list, export and storage, the
// tracker's status and checklist (one top-choice letter), and the rank list's order. Expectations
// are worked out by hand from docs/DATA.md, "Your workspace".
#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "headless_imgui.h"
#include "openpick/core/io.h"
#include "openpick/core/rank_list.h"
#include "openpick/core/workspace.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/platform.h"

namespace {

using openpick::core::TrackerStatus;
using openpick::shell::AppState;
namespace shell = openpick::shell;
namespace core = openpick::core;

// Storage in memory; `full` makes every write fail as a full browser storage does.
class MemoryPlatform : public shell::NullPlatform {
 public:
  std::map<std::string, std::string> store;
  bool full = false;
  std::optional<std::string> storage_get(const std::string& key) override {
    auto it = store.find(key);
    return it == store.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::optional<std::string> storage_set(const std::string& key, const std::string& value) override {
    if (full) return std::string("QuotaExceededError");
    store[key] = value;
    return std::nullopt;
  }
  void storage_remove(const std::string& key) override { store.erase(key); }
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& seed_profile() {
  static const std::string text = read_file(std::string(OPENPICK_SOURCE_DIR) + "/assets/profiles/seed_delta_img.json");
  return text;
}

// Three programs the seed profile (non-US IMG, J-1) can reach: J-1 accepted, no cutoffs.
core::Dataset list_of_three() {
  core::Dataset d;
  d.name = "Three programs";
  d.version = "1";
  d.as_of = "2026-07";
  d.source = "the test";
  const char* ids[] = {"A", "B", "C"};
  for (int i = 0; i < 3; ++i) {
    core::Program p;
    p.id = ids[i];
    p.name = std::string("Program ") + ids[i];
    p.institution = "Test institution";
    p.specialty = "Internal Medicine";
    p.city = "Testville";
    p.state = "MS";
    p.positions = 6;
    p.img_share = 0.2 + 0.2 * i;  // A 0.2, B 0.4, C 0.6
    p.visa.j1 = true;
    d.programs.push_back(p);
  }
  return d;
}

// Research on A (and on a program no list has), B ranked first and A second, C applied, and a
// tracker entry for the missing program too.
std::string workspace_text() {
  return R"({"schema_version": 1, "kind": "openpick-workspace", "profile": )" + seed_profile() + R"(,
 "research": {"A": {"img_share": 0.55, "sources": [{"what": "img_share", "date": "2026-08-14", "by": "coordinator email"}]},
              "GONE": {"img_share": 0.3}},
 "tracker": {"A": {"status": "interviewed", "rank": 2},
             "B": {"status": "interviewed", "rank": 1},
             "C": {"status": "applied"},
             "GONE": {"status": "interviewed", "rank": 3}}})";
}

void run(AppState& state, MemoryPlatform& platform, shell::Action action) {
  state.actions.push_back(std::move(action));
  shell::apply_actions(state, platform);
}

// A state with the list loaded and the workspace file on it.
void load_list_and_workspace(AppState& state, MemoryPlatform& platform) {
  run(state, platform, shell::LoadFile{"list.json", core::dataset_to_json(list_of_three()), false});
  ASSERT_EQ(state.dataset.programs.size(), 3u);
  run(state, platform, shell::LoadFile{"mine.json", workspace_text(), false});
}

const core::Program& program(const AppState& state, const std::string& id) {
  for (const auto& p : state.dataset.programs)
    if (p.id == id) return p;
  throw std::runtime_error("no program " + id);
}

std::vector<std::string> ids(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }

}  // namespace

TEST(Workspace, ALoadedWorkspaceReplacesProfileResearchAndTrackerAndOverlaysTheList) {
  AppState state;
  MemoryPlatform platform;
  load_list_and_workspace(state, platform);
  ASSERT_TRUE(state.profile_is_set);
  EXPECT_EQ(state.profile.step2ck.score, 218);  // the seed profile's
  // The research overlays the list: A's IMG share is the applicant's 0.55, B keeps the list's 0.4.
  EXPECT_DOUBLE_EQ(*program(state, "A").img_share, 0.55);
  EXPECT_DOUBLE_EQ(*program(state, "B").img_share, 0.4);
  EXPECT_EQ(state.loaded_dataset.programs.size(), 3u);
  EXPECT_DOUBLE_EQ(*state.loaded_dataset.programs[0].img_share, 0.2) << "the loaded list itself is untouched";
  ASSERT_EQ(state.own_facts.size(), 3u);
  EXPECT_EQ(state.own_facts[0].fields, ids({"img_share"}));
  // The entries for GONE are kept and said: its research and its tracker entry, one note each.
  EXPECT_EQ(state.workspace.research.count("GONE"), 1u);
  EXPECT_EQ(state.workspace.tracker.count("GONE"), 1u);
  ASSERT_EQ(state.workspace_notes.size(), 2u);
  const shell::Message& told = state.messages.back();
  EXPECT_EQ(told.text,
            "Loaded your workspace mine.json: your profile, research on 2 programs and 4 programs in the tracker. "
            "It replaced what you had here.");
  ASSERT_EQ(told.details.size(), 2u);
  EXPECT_EQ(told.details[0].rfind("mine.json: note: ", 0), 0u) << told.details[0];
  // The rank list: B (rank 1), then A (rank 2); GONE is not in the list, C only applied.
  EXPECT_EQ(state.rank_view.ids, ids({"B", "A"}));
  ASSERT_TRUE(state.rank_view.outcome);
  EXPECT_EQ(state.rank_view.outcome->p_match_at.size(), 2u);
  // The plan is made over the programs with the research applied.
  EXPECT_TRUE(state.plan_valid);

  // A new list under the workspace (a host's update: A's IMG share changed, C gone): the research
  // still overlays A, and the tracker keeps C, now named in a note.
  core::Dataset update = list_of_three();
  update.programs[0].img_share = 0.1;
  update.programs.pop_back();
  run(state, platform, shell::LoadFile{"update.json", core::dataset_to_json(update), false});
  ASSERT_EQ(state.dataset.programs.size(), 2u);
  EXPECT_DOUBLE_EQ(*program(state, "A").img_share, 0.55);
  EXPECT_EQ(state.workspace.tracker.count("C"), 1u);
  EXPECT_EQ(state.workspace_notes.size(), 3u);  // research GONE, tracker C, tracker GONE
}

TEST(Workspace, ABadWorkspaceChangesNothingAndNamesTheLine) {
  AppState state;
  MemoryPlatform platform;
  load_list_and_workspace(state, platform);
  const std::string before = shell::workspace_document(state);
  const unsigned revision = state.dataset_revision;
  // Line 3 misspells a status.
  const std::string bad =
      "{\"schema_version\": 1, \"kind\": \"openpick-workspace\",\n"
      " \"research\": {},\n"
      " \"tracker\": {\"A\": {\"status\": \"interviwed\"}}}";
  run(state, platform, shell::LoadFile{"bad.json", bad, false});
  EXPECT_EQ(shell::workspace_document(state), before);
  EXPECT_EQ(state.dataset_revision, revision);
  const shell::Message& told = state.messages.back();
  EXPECT_EQ(told.severity, core::Severity::Error);
  EXPECT_EQ(
      told.text.rfind(
          "Could not load the workspace bad.json (1 problem). Your profile, research and tracker are unchanged.", 0),
      0u)
      << told.text;
  ASSERT_EQ(told.details.size(), 1u);
  EXPECT_EQ(told.details[0].rfind("bad.json:3:", 0), 0u) << told.details[0];
  EXPECT_NE(told.details[0].find("did you mean \"interviewed\""), std::string::npos) << told.details[0];
}

TEST(Workspace, ExportThenImportGivesTheSameWorkspace) {
  AppState state;
  MemoryPlatform platform;
  load_list_and_workspace(state, platform);
  const std::string exported = shell::workspace_document(state);
  const auto doc = nlohmann::json::parse(exported);
  EXPECT_EQ(doc["kind"], "openpick-workspace");
  EXPECT_EQ(doc["profile"]["step2ck"]["score"], 218) << "the profile is written in on export";
  EXPECT_EQ(doc["tracker"]["B"]["rank"], 1);
  EXPECT_TRUE(doc["research"].contains("GONE")) << "entries whose program is gone are exported too";

  AppState other;
  MemoryPlatform elsewhere;
  run(other, elsewhere, shell::LoadFile{"openpick-workspace.json", exported, false});
  EXPECT_EQ(shell::workspace_document(other), exported);
}

TEST(Workspace, SavedInThisBrowserRestoredAndForgotten) {
  MemoryPlatform platform;
  {
    AppState state;
    load_list_and_workspace(state, platform);
    run(state, platform, shell::SetTrackerStatus{"C", TrackerStatus::Invited});
  }
  ASSERT_TRUE(platform.store.count(shell::kStorageWorkspaceKey));
  const auto saved = nlohmann::json::parse(platform.store[shell::kStorageWorkspaceKey]);
  EXPECT_FALSE(saved.contains("profile")) << "the profile has its own key";
  EXPECT_EQ(saved["tracker"]["C"]["status"], "invited");

  AppState restored;
  run(restored, platform, shell::RestoreFromStorage{});
  run(restored, platform, shell::LoadFile{"list.json", core::dataset_to_json(list_of_three()), false});
  EXPECT_EQ(restored.profile.step2ck.score, 218);
  EXPECT_EQ(restored.workspace.tracker.at("C").status, TrackerStatus::Invited);
  EXPECT_DOUBLE_EQ(*program(restored, "A").img_share, 0.55);
  EXPECT_EQ(restored.rank_view.ids, ids({"B", "A"}));

  // Saving off removes it; on again writes it back; "forget everything" removes it and empties it.
  run(restored, platform, shell::SetPersistence{false});
  EXPECT_FALSE(platform.store.count(shell::kStorageWorkspaceKey));
  run(restored, platform, shell::SetPersistence{true});
  EXPECT_TRUE(platform.store.count(shell::kStorageWorkspaceKey));
  run(restored, platform, shell::ForgetEverything{});
  EXPECT_FALSE(platform.store.count(shell::kStorageWorkspaceKey));
  EXPECT_TRUE(restored.workspace.tracker.empty());
  EXPECT_DOUBLE_EQ(*program(restored, "A").img_share, 0.2) << "the list's own facts again";
}

TEST(Workspace, FullStorageIsSaidAndNothingIsLost) {
  MemoryPlatform platform;
  AppState state;
  load_list_and_workspace(state, platform);
  platform.full = true;
  run(state, platform, shell::SetTrackerStatus{"C", TrackerStatus::Rejected});
  EXPECT_EQ(state.workspace.tracker.at("C").status, TrackerStatus::Rejected) << "kept in memory";
  EXPECT_EQ(state.storage_status.rfind("Could not save in this browser", 0), 0u) << state.storage_status;
  EXPECT_EQ(nlohmann::json::parse(platform.store[shell::kStorageWorkspaceKey])["tracker"]["C"]["status"], "applied");
  // Room again: the next write succeeds and brings everything up to date.
  platform.full = false;
  run(state, platform, shell::SetChecklistItem{"A", shell::ChecklistItem::ThankYouSent, true});
  const auto saved = nlohmann::json::parse(platform.store[shell::kStorageWorkspaceKey]);
  EXPECT_EQ(saved["tracker"]["C"]["status"], "rejected");
  EXPECT_EQ(saved["tracker"]["A"]["checklist"]["thank_you_sent"], true);
  EXPECT_EQ(state.storage_status, "Saved in this browser only.");
}

TEST(Workspace, DamagedSavedWorkspaceIsKeptAsABackup) {
  MemoryPlatform platform;
  platform.store[shell::kStorageWorkspaceKey] = "{\"kind\": \"openpick-workspace\", \"tracker\": ";
  AppState state;
  run(state, platform, shell::RestoreFromStorage{});
  EXPECT_TRUE(state.workspace.tracker.empty());
  EXPECT_EQ(platform.store[shell::kStorageWorkspaceBackupKey], "{\"kind\": \"openpick-workspace\", \"tracker\": ");
  ASSERT_FALSE(state.messages.empty());
  EXPECT_NE(state.messages.back().text.find("a copy was kept as a backup"), std::string::npos);
}

TEST(Tracker, StatusSetsAndTakesTheRank) {
  AppState state;
  MemoryPlatform platform;
  load_list_and_workspace(state, platform);
  // C interviews: it joins the rank list last, after GONE's rank 3.
  run(state, platform, shell::SetTrackerStatus{"C", TrackerStatus::Interviewed});
  EXPECT_EQ(state.workspace.tracker.at("C").rank, 4);
  EXPECT_EQ(state.rank_view.ids, ids({"B", "A", "C"}));
  // A withdrawn: off the rank list, its rank taken off (a rank only on an interviewed program).
  run(state, platform, shell::SetTrackerStatus{"A", TrackerStatus::Withdrawn});
  EXPECT_FALSE(state.workspace.tracker.at("A").rank);
  EXPECT_EQ(state.rank_view.ids, ids({"B", "C"}));
  EXPECT_TRUE(core::check_tracker(state.workspace.tracker).empty());
  // A new program tracked from the Programs tab starts as "considering".
  run(state, platform, shell::UntrackProgram{"C"});
  EXPECT_EQ(state.workspace.tracker.count("C"), 0u);
  run(state, platform, shell::SetTrackerStatus{"C", TrackerStatus::Considering});
  EXPECT_EQ(state.workspace.tracker.at("C").status, TrackerStatus::Considering);
  EXPECT_FALSE(state.workspace.tracker.at("C").rank);
}

TEST(Tracker, ASecondTopChoiceLetterIsRefusedWithTheReason) {
  AppState state;
  MemoryPlatform platform;
  load_list_and_workspace(state, platform);
  run(state, platform, shell::SetChecklistItem{"B", shell::ChecklistItem::TopChoiceLetter, true});
  ASSERT_TRUE(state.workspace.tracker.at("B").checklist);
  EXPECT_TRUE(state.workspace.tracker.at("B").checklist->top_choice_letter);
  EXPECT_EQ(state.tracker_refusal, "");

  run(state, platform, shell::SetChecklistItem{"A", shell::ChecklistItem::TopChoiceLetter, true});
  EXPECT_FALSE(state.workspace.tracker.at("A").checklist &&
               state.workspace.tracker.at("A").checklist->top_choice_letter);
  EXPECT_EQ(state.tracker_refusal, core::top_choice_letter_refusal(state.workspace.tracker, "A"));
  EXPECT_EQ(state.tracker_refusal_id, "A");
  EXPECT_NE(state.tracker_refusal.find("already marked for \"B\""), std::string::npos) << state.tracker_refusal;
  EXPECT_TRUE(core::check_tracker(state.workspace.tracker).empty());

  // Other steps are not limited; taking B's letter back lets A have it.
  run(state, platform, shell::SetChecklistItem{"A", shell::ChecklistItem::EmailCoordinator, true});
  EXPECT_TRUE(state.workspace.tracker.at("A").checklist->email_coordinator);
  EXPECT_EQ(state.tracker_refusal, "");
  run(state, platform, shell::SetChecklistItem{"B", shell::ChecklistItem::TopChoiceLetter, false});
  run(state, platform, shell::SetChecklistItem{"A", shell::ChecklistItem::TopChoiceLetter, true});
  EXPECT_TRUE(state.workspace.tracker.at("A").checklist->top_choice_letter);
}

TEST(RankList, UpAndDownReorderAndRenumber) {
  AppState state;
  MemoryPlatform platform;
  load_list_and_workspace(state, platform);
  ASSERT_EQ(state.rank_view.ids, ids({"B", "A"}));
  ASSERT_TRUE(state.rank_view.outcome);
  const double p_list = state.rank_view.outcome->p_match;
  const double a_second = state.rank_view.outcome->p_match_at[1];

  run(state, platform, shell::MoveRank{"A", -1});
  EXPECT_EQ(state.rank_view.ids, ids({"A", "B"}));
  // Numbered again in the new order; GONE (not in the list) follows.
  EXPECT_EQ(state.workspace.tracker.at("A").rank, 1);
  EXPECT_EQ(state.workspace.tracker.at("B").rank, 2);
  EXPECT_EQ(state.workspace.tracker.at("GONE").rank, 3);
  EXPECT_TRUE(core::check_tracker(state.workspace.tracker).empty());
  // The same programs: the same chance of matching somewhere; A first is more likely to be where.
  ASSERT_TRUE(state.rank_view.outcome);
  EXPECT_NEAR(state.rank_view.outcome->p_match, p_list, 1e-12);
  EXPECT_GT(state.rank_view.outcome->p_match_at[0], a_second);
  // What the panel shows is core's rank-list outcome for that order.
  const core::RankListOutcome direct = core::rank_list_outcome(state.profile, state.dataset, {0, 1}, state.model);
  EXPECT_DOUBLE_EQ(state.rank_view.outcome->p_match, direct.p_match);
  EXPECT_DOUBLE_EQ(state.rank_view.outcome->p_match_at[0], direct.p_match_at[0]);

  // At the ends nothing moves.
  const unsigned revision = state.tracker_revision;
  run(state, platform, shell::MoveRank{"A", -1});
  run(state, platform, shell::MoveRank{"B", +1});
  run(state, platform, shell::MoveRank{"GONE", -1});  // not on the list shown
  EXPECT_EQ(state.tracker_revision, revision);
  EXPECT_EQ(state.rank_view.ids, ids({"A", "B"}));

  run(state, platform, shell::MoveRank{"A", +1});
  EXPECT_EQ(state.rank_view.ids, ids({"B", "A"}));
  EXPECT_EQ(nlohmann::json::parse(platform.store[shell::kStorageWorkspaceKey])["tracker"]["B"]["rank"], 1);

  // The state the browser tests read.
  const auto j = nlohmann::json::parse(shell::state_to_json(state));
  EXPECT_EQ(j["rank_list"]["ids"], nlohmann::json::array({"B", "A"}));
  EXPECT_EQ(j["tracker"]["A"]["status"], "interviewed");
  EXPECT_EQ(j["workspace"]["research"], 2);
  EXPECT_EQ(j["workspace"]["tracked"], 4);
  EXPECT_EQ(j["workspace"]["notes"].size(), 2u);
  EXPECT_EQ(j["rank_list"]["extra_rank_fee_usd"], 0.0);
}

// Every panel drawn over a loaded workspace (the Season tab with its rank list and tracker, a
// refusal shown, the Programs tab's own facts, the Data tab's notes), with Dear ImGui's asserts on.
namespace {
using openpick::testing::g_assert_failure;
}  // namespace

TEST(WorkspacePanels, EveryPanelDrawsAWorkspace) {
  const openpick::testing::RecordAsserts asserts;
  const openpick::testing::HeadlessImGui imgui;
  AppState state;
  MemoryPlatform platform;
  load_list_and_workspace(state, platform);
  run(state, platform, shell::SetChecklistItem{"A", shell::ChecklistItem::TopChoiceLetter, true});
  run(state, platform, shell::SetChecklistItem{"B", shell::ChecklistItem::TopChoiceLetter, true});  // refused
  ASSERT_FALSE(state.tracker_refusal.empty());
  openpick::testing::draw_every_panel(state, platform, 3, [](const shell::PanelInfo& p) {
    EXPECT_EQ(g_assert_failure, "") << "in panel " << p.name;
    return true;
  });
}
