// The Season tab's dates and notes, driven as a person does in headless frames (headless_ui.h):
// a day typed and added is saved with the workspace; a date not written YYYY-MM-DD is refused with
// a message naming the field and the program, nothing changes and the typed text stays; notes are
// committed once per edit, not per key; today's date is recorded for a status only on a press; an
// entry whose program left the list is kept and shown; the tracker's own problems are shown; and on
// a phone's width every tab's label is whole.
#include <gtest/gtest.h>
#include <imgui.h>

#include <ctime>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "headless_imgui.h"
#include "headless_ui.h"
#include "openpick/core/io.h"
#include "openpick/core/workspace.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/platform.h"

namespace {

namespace shell = openpick::shell;
namespace core = openpick::core;
using openpick::testing::HeadlessUi;
using shell::AppState;

using openpick::testing::g_assert_failure;

// Storage in memory that counts the workspace's writes.
class CountingPlatform : public shell::NullPlatform {
 public:
  std::map<std::string, std::string> store;
  int workspace_writes = 0;
  std::optional<std::string> storage_get(const std::string& key) override {
    auto it = store.find(key);
    return it == store.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::optional<std::string> storage_set(const std::string& key, const std::string& value) override {
    if (key == shell::kStorageWorkspaceKey) ++workspace_writes;
    store[key] = value;
    return std::nullopt;
  }
  nlohmann::json saved_tracker() const {
    const auto it = store.find(shell::kStorageWorkspaceKey);
    if (it == store.end()) return nullptr;
    const auto doc = nlohmann::json::parse(it->second);
    return doc.contains("tracker") ? doc["tracker"] : nlohmann::json::object();
  }
};

core::Dataset list_of(std::initializer_list<const char*> ids) {
  core::Dataset d;
  d.name = "Season test list";
  d.version = "1";
  d.as_of = "2026-07";
  d.source = "the test";
  for (const char* id : ids) {
    core::Program p;
    p.id = id;
    p.name = std::string("Program ") + id;
    p.institution = "Test institution";
    p.specialty = "Internal Medicine";
    p.city = "Testville";
    p.state = "MS";
    p.positions = 6;
    p.img_share = 0.4;
    p.visa.j1 = true;
    d.programs.push_back(p);
  }
  return d;
}

// A applied and interviewed (ranked first), B applied, GONE (no program in the list) interviewed
// and ranked second, with notes.
const char* const kWorkspace = R"({"schema_version": 1, "kind": "openpick-workspace",
 "tracker": {"A": {"status": "interviewed", "rank": 1, "dates": {"applied": "2026-09-24"}},
             "B": {"status": "applied"},
             "GONE": {"status": "interviewed", "rank": 2, "notes": "met the PD at a conference"}}})";

class SeasonEdit : public openpick::testing::HeadlessTest {
 protected:
  void SetUp() override {
    HeadlessTest::SetUp();
    state.actions.emplace_back(shell::LoadFile{"list.json", core::dataset_to_json(list_of({"A", "B", "C"})), false});
    state.actions.emplace_back(shell::LoadFile{"mine.json", kWorkspace, false});
    shell::apply_actions(state, platform);
    ASSERT_EQ(state.workspace.tracker.size(), 3u);
    ui = std::make_unique<HeadlessUi>(state, platform, &shell::panel_season);
    ui->frames(2);
  }
  void TearDown() override {
    ui.reset();
    EXPECT_EQ(g_assert_failure, "") << "a Dear ImGui assertion";
    HeadlessTest::TearDown();
  }
  std::string workspace_json() const { return core::workspace_to_json(state.workspace); }

  AppState state;
  CountingPlatform platform;
  std::unique_ptr<HeadlessUi> ui;
};

std::string today_text() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  return buf;
}

}  // namespace

TEST_F(SeasonEdit, ADayTypedAndAddedIsSavedWithTheWorkspaceThenChangedAndRemoved) {
  ASSERT_TRUE(ui->click("Dates and notes##A"));
  ASSERT_TRUE(ui->has("new_date_A")) << "the section opens on a click";
  // A new date: "interview" chosen from the names, its day typed, "Add date" pressed.
  // The name first offered is the first A has no date for: "invited" (it has "applied").
  ASSERT_TRUE(ui->type_into("new_date_A", "2026-10-20"));
  ASSERT_TRUE(ui->click("Add date##A"));
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"]["invited"], "2026-10-20");
  ASSERT_TRUE(ui->click("Remove##date_A_invited"));
  ASSERT_TRUE(ui->click("new_date_kind_A"));
  ASSERT_TRUE(ui->click("interview"));
  ASSERT_TRUE(ui->type_into("new_date_A", "2026-11-12"));
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"].size(), 1u) << "nothing saved while typing";
  ASSERT_TRUE(ui->click("Add date##A"));
  ui->frames(1);
  const auto& dates = state.workspace.tracker.at("A").dates;
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[1], std::make_pair(std::string("interview"), std::string("2026-11-12")));
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"]["interview"], "2026-11-12");
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"]["applied"], "2026-09-24");
  EXPECT_EQ(state.season_edit.drafts["A"].new_day, "") << "the new-date field is emptied once added";
  EXPECT_TRUE(ui->has("date_A_interview")) << "the date has a row of its own";
  EXPECT_EQ(state.tracker_refusal, "");

  // The applied date changed in its row: committed when the field is left, not per key.
  const int writes = platform.workspace_writes;
  ASSERT_TRUE(ui->type_into("date_A_applied", "2026-09-25", 10));
  EXPECT_EQ(platform.workspace_writes, writes) << "saved per key";
  ui->click_away();
  EXPECT_EQ(platform.workspace_writes, writes + 1);
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"]["applied"], "2026-09-25");

  // Removed by its button.
  ASSERT_TRUE(ui->click("Remove##date_A_interview"));
  EXPECT_FALSE(platform.saved_tracker()["A"]["dates"].contains("interview"));
  EXPECT_EQ(state.workspace.tracker.at("A").dates.size(), 1u);
  ui->frames(2);
  EXPECT_FALSE(ui->has("date_A_interview"));
  // The names a date may have include one typed by the applicant ("other").
  ASSERT_TRUE(ui->click("new_date_kind_A"));
  ASSERT_TRUE(ui->click("other"));
  ASSERT_TRUE(ui->type_into("new_date_what_A", "second look"));
  ASSERT_TRUE(ui->type_into("new_date_A", "2027-01-08"));
  ui->key(HeadlessUi::kEnter);  // Enter in the day's field adds it too
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"]["second look"], "2027-01-08");
}

TEST_F(SeasonEdit, ADateInTheWrongFormIsRefusedNamingTheFieldAndTheProgramAndNothingChanges) {
  std::string before = workspace_json();
  const int writes = platform.workspace_writes;
  ASSERT_TRUE(ui->click("Dates and notes##B"));
  ASSERT_TRUE(ui->type_into("new_date_B", "2026-9-25"));
  ASSERT_TRUE(ui->click("Add date##B"));
  EXPECT_EQ(state.tracker_refusal,
            "the date \"applied\" for Program B (B): \"2026-9-25\" is not a calendar day written YYYY-MM-DD, such "
            "as 2026-09-25");
  EXPECT_EQ(state.tracker_refusal_id, "B");
  EXPECT_EQ(state.tracker_refusal_field, "dates");
  EXPECT_EQ(workspace_json(), before) << "nothing changes";
  EXPECT_EQ(platform.workspace_writes, writes) << "nothing saved";
  ui->frames(2);
  EXPECT_TRUE(ui->shows("Not saved: the date \"applied\" for Program B (B)")) << ui->text();
  EXPECT_EQ(state.season_edit.drafts["B"].new_day, "2026-9-25");
  // What was typed stays in the field: four characters taken off its end and five typed give a day.
  ASSERT_TRUE(ui->click("new_date_B"));
  ui->key(HeadlessUi::kEnd);
  ui->key(HeadlessUi::kBackspace, 4);
  ui->type("09-25");
  ASSERT_TRUE(ui->click("Add date##B"));
  EXPECT_EQ(platform.saved_tracker()["B"]["dates"]["applied"], "2026-09-25");
  EXPECT_EQ(state.tracker_refusal, "");

  // An existing date changed to a day that does not exist: refused the same way, at its field.
  before = workspace_json();
  ASSERT_TRUE(ui->click("Dates and notes##A"));
  ASSERT_TRUE(ui->type_into("date_A_applied", "2026-02-30", 10));
  ui->click_away();
  EXPECT_EQ(state.tracker_refusal_field, "dates.applied");
  EXPECT_NE(state.tracker_refusal.find("\"2026-02-30\" is not a calendar day"), std::string::npos)
      << state.tracker_refusal;
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"]["applied"], "2026-09-24");
  // Fixed from what was typed (the saved day would give 2026-09-28): saved, and the refusal goes.
  ASSERT_TRUE(ui->click("date_A_applied"));
  ui->key(HeadlessUi::kEnd);
  ui->key(HeadlessUi::kBackspace, 2);
  ui->type("28");
  ui->click_away();
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"]["applied"], "2026-02-28");
  EXPECT_EQ(state.tracker_refusal, "");
  ui->frames(2);
  EXPECT_FALSE(ui->shows("Not saved"));

  // A second date of one name is refused too (the file holds one date per name).
  ASSERT_TRUE(ui->click("new_date_kind_A"));
  ASSERT_TRUE(ui->click("applied"));
  ASSERT_TRUE(ui->type_into("new_date_A", "2026-10-01"));
  ASSERT_TRUE(ui->click("Add date##A"));
  EXPECT_EQ(state.tracker_refusal, "Program A (A) already has a date \"applied\" (2026-02-28): change it in its row");
  EXPECT_EQ(platform.saved_tracker()["A"]["dates"]["applied"], "2026-02-28");
}

TEST_F(SeasonEdit, NotesAreCommittedOncePerEditNotPerKey) {
  ASSERT_TRUE(ui->click("Dates and notes##A"));
  const int writes = platform.workspace_writes;
  ASSERT_TRUE(ui->type_into("notes_A", "Call Dr. Lee"));
  EXPECT_EQ(state.workspace.tracker.at("A").notes, "") << "committed before the field was left";
  EXPECT_EQ(platform.workspace_writes, writes) << "saved per key";
  ui->click_away();
  EXPECT_EQ(state.workspace.tracker.at("A").notes, "Call Dr. Lee");
  EXPECT_EQ(platform.workspace_writes, writes + 1) << "one save for the edit";
  EXPECT_EQ(platform.saved_tracker()["A"]["notes"], "Call Dr. Lee");
  ui->frames(5);
  EXPECT_EQ(platform.workspace_writes, writes + 1) << "saved again with nothing changed";

  // A second edit left in its field when the page is hidden: kept then.
  ASSERT_TRUE(ui->click("notes_A"));
  ui->key(HeadlessUi::kEnd);
  ui->type(" on Monday");
  EXPECT_EQ(platform.workspace_writes, writes + 1);
  shell::flush_pending_saves(state, platform);
  EXPECT_EQ(platform.saved_tracker()["A"]["notes"], "Call Dr. Lee on Monday");
  EXPECT_EQ(platform.workspace_writes, writes + 2);
}

TEST_F(SeasonEdit, TodaysDateIsRecordedForAStatusOnlyOnAPress) {
  ASSERT_TRUE(ui->click("status_B"));
  ASSERT_TRUE(ui->click("invited"));
  ASSERT_EQ(state.workspace.tracker.at("B").status, core::TrackerStatus::Invited);
  ui->frames(3);
  EXPECT_TRUE(state.workspace.tracker.at("B").dates.empty()) << "a date recorded without a press";
  const std::string offer = "Record today (" + today_text() + ") as \"invited\"";
  ASSERT_TRUE(ui->has(offer)) << ui->text();
  ASSERT_TRUE(ui->click(offer));
  EXPECT_EQ(platform.saved_tracker()["B"]["dates"]["invited"], today_text());
  ui->frames(2);
  EXPECT_FALSE(ui->has(offer)) << "offered again once recorded";
  // "Not now" takes the offer away and records nothing.
  ASSERT_TRUE(ui->click("status_B"));
  ASSERT_TRUE(ui->click("rejected"));
  ASSERT_TRUE(ui->click("Not now"));
  ui->frames(2);
  EXPECT_FALSE(ui->has("Record today (" + today_text() + ") as \"rejected\""));
  EXPECT_EQ(state.workspace.tracker.at("B").dates.size(), 1u);
}

TEST_F(SeasonEdit, AnEntryForAProgramNotInTheListIsKeptShownAndEditable) {
  EXPECT_TRUE(ui->shows("GONE")) << ui->text();
  EXPECT_TRUE(ui->shows("Not in the loaded list: kept in your workspace."));
  // The rank list says it left it off, and why.
  EXPECT_TRUE(ui->shows("left off the rank list, not in the loaded list: \"GONE\" (kept in your workspace)"))
      << ui->text();
  ASSERT_TRUE(ui->click("Dates and notes##GONE"));
  EXPECT_TRUE(ui->shows("met the PD at a conference"));
  ASSERT_TRUE(ui->type_into("new_date_GONE", "2026-11-20"));
  ASSERT_TRUE(ui->click("Add date##GONE"));
  EXPECT_EQ(platform.saved_tracker()["GONE"]["dates"]["applied"], "2026-11-20");
  EXPECT_EQ(platform.saved_tracker()["GONE"]["notes"], "met the PD at a conference");

  // B's program leaves the list (a host's update): B's entry stays, shown the same way.
  state.actions.emplace_back(shell::LoadFile{"update.json", core::dataset_to_json(list_of({"A", "C"})), false});
  ui->frames(3);
  EXPECT_EQ(state.workspace.tracker.count("B"), 1u);
  EXPECT_EQ(platform.saved_tracker()["B"]["status"], "applied");
  EXPECT_TRUE(ui->has("status_B"));
  EXPECT_TRUE(ui->has("Dates and notes##B"));
  EXPECT_FALSE(ui->shows("Program B")) << "its name came from the list";
}

TEST_F(SeasonEdit, TheTrackersOwnProblemsAreShown) {
  ui->frames(1);
  EXPECT_FALSE(ui->shows("expected each rank once"));
  // Two programs at one rank (a workspace file with that is refused at loading; here it is put in
  // the state directly).
  state.workspace.tracker.at("GONE").rank = 1;
  ++state.tracker_revision;
  ui->frames(2);
  EXPECT_TRUE(ui->shows("GONE, rank: rank 1 is also \"A\"'s; expected each rank once")) << ui->text();
}

TEST_F(SeasonEdit, AWorkspaceWithTwoProgramsAtOneRankIsRefusedWithTheReason) {
  const std::string before = workspace_json();
  state.actions.emplace_back(shell::LoadFile{"two.json",
                                             R"({"schema_version": 1, "kind": "openpick-workspace",
 "tracker": {"A": {"status": "interviewed", "rank": 1},
             "C": {"status": "interviewed", "rank": 1}}})",
                                             false});
  ui->frames(1);
  EXPECT_EQ(workspace_json(), before);
  ASSERT_FALSE(state.messages.empty());
  const shell::Message& told = state.messages.back();
  EXPECT_EQ(told.severity, core::Severity::Error);
  ASSERT_EQ(told.details.size(), 1u);
  EXPECT_EQ(told.details[0].rfind("two.json:3:", 0), 0u) << told.details[0];
  EXPECT_NE(told.details[0].find("rank 1 is also \"A\"'s"), std::string::npos) << told.details[0];
}

// On a phone's width the tabs wrap to rows of whole labels; on a laptop's they are a tab bar.
TEST(Tabs, EveryLabelIsWholeOnAPhone) {
  const openpick::testing::RecordAsserts asserts;
  const openpick::testing::HeadlessImGui imgui;
  for (const float width : {390.0f, 1280.0f}) {
    SCOPED_TRACE(width);
    AppState state;
    CountingPlatform platform;
    HeadlessUi ui(state, platform, &shell::draw_frame, ImVec2(width, 844), false);
    ui.frames(3);
    const ImGuiStyle& style = ImGui::GetStyle();
    for (const auto* p = shell::panels_begin(); p != shell::panels_end(); ++p) {
      if (p->visible && !p->visible(state)) continue;
      ASSERT_TRUE(ui.has(p->name)) << p->name;
      const ImRect r = ui.rect(p->name);
      EXPECT_GE(r.GetWidth() + 0.5f, ImGui::CalcTextSize(p->name).x + style.FramePadding.x * 2.0f)
          << p->name << " is cut";
      EXPECT_LE(r.Max.x, width) << p->name << " is off the screen";
    }
    ASSERT_TRUE(ui.click("Season"));
    EXPECT_STREQ(state.active_panel, "Season");  // set as its panel is drawn
    ASSERT_TRUE(ui.click("Data"));
    EXPECT_STREQ(state.active_panel, "Data");
  }
  EXPECT_EQ(g_assert_failure, "");
}
