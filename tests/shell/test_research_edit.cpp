// The research form in the Programs tab, driven by headless frames: clicks land at the positions
// Dear ImGui's item hooks report (as the browser tests click), text is typed as key input. Each
// test checks the workspace and the programs planned over, and that they survive a save and a
// restore through a platform that keeps storage in memory (and can refuse writes, as a full
// browser storage does).
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "headless_imgui.h"
#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"
#include "openpick/core/workspace.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/imgui_config.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/platform.h"

namespace {

namespace shell = openpick::shell;
namespace core = openpick::core;
using shell::AppState;

// Storage in memory; after `writes_left` successful writes every write fails as a full storage's does.
class MemoryPlatform : public shell::NullPlatform {
 public:
  std::map<std::string, std::string> store;
  int writes_left = 1 << 30;
  std::optional<std::string> storage_get(const std::string& key) override {
    auto it = store.find(key);
    return it == store.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::optional<std::string> storage_set(const std::string& key, const std::string& value) override {
    if (writes_left <= 0) return std::string("QuotaExceededError: the quota has been exceeded");
    --writes_left;
    store[key] = value;
    return std::nullopt;
  }
  void storage_remove(const std::string& key) override { store.erase(key); }
};

struct Rect {
  float x0, y0, x1, y1;
};
std::map<std::string, Rect> g_items;  // label -> rectangle, this frame's
void record_item(unsigned, const char* label, float x0, float y0, float x1, float y1) {
  g_items[label] = {x0, y0, x1, y1};
}
using openpick::testing::g_assert_failure;

// Three programs in Mississippi; A and B accept J-1, none states H-1B.
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
    p.specialty = i == 2 ? "Family Medicine" : "Internal Medicine";
    p.city = "Testville";
    p.state = "MS";
    p.positions = 6;
    p.img_share = 0.2 + 0.2 * i;
    p.visa.j1 = i < 2;
    d.programs.push_back(p);
  }
  return d;
}

const core::Program* program(const AppState& state, const std::string& id) {
  for (const auto& p : state.dataset.programs)
    if (p.id == id) return &p;
  return nullptr;
}

class ResearchEdit : public openpick::testing::HeadlessTest {
 protected:
  void SetUp() override {
    HeadlessTest::SetUp();
    ImGui::GetIO().DisplaySize = ImVec2(1280, 4000);  // the whole form on screen: no scrolling to a field
    openpick_set_item_handler(&record_item);
    run(shell::LoadFile{"list.json", core::dataset_to_json(list_of_three()), false});
    ASSERT_EQ(state.dataset.programs.size(), 3u);
  }
  void TearDown() override {
    openpick_set_item_handler(nullptr);
    HeadlessTest::TearDown();
  }
  void run(shell::Action a) {
    state.actions.push_back(std::move(a));
    shell::apply_actions(state, platform);
  }
  // One frame of the Programs tab, then the actions it queued.
  void frame() {
    g_items.clear();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    GImGui->TestEngineHookItems = true;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("research test", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
    shell::panel_programs(state, platform);
    ImGui::End();
    ImGui::Render();
    shell::apply_actions(state, platform);
    ASSERT_EQ(g_assert_failure, "");
  }
  bool shown(const std::string& label) {
    frame();
    return g_items.count(label) > 0;
  }
  // A click as a person makes one: the mouse over the widget, pressed, released.
  void click(const std::string& label) {
    frame();
    frame();  // a combo or popup opened by the last click is laid out by now
    const auto it = g_items.find(label);
    ASSERT_NE(it, g_items.end()) << "no widget \"" << label << "\" on screen";
    const Rect r = it->second;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-1, -1);  // away, so no tooltip covers the next widget
    frame();
  }
  // Clicks the field and types, as with a keyboard.
  void type_into(const std::string& label, const std::string& text) {
    click(label);
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
    frame();
  }
  shell::ResearchFactDraft& draft(std::string_view field) {
    const auto& fields = core::research_fact_fields();
    const auto i = static_cast<std::size_t>(std::find(fields.begin(), fields.end(), field) - fields.begin());
    return state.research_form.drafts.at(i);
  }
  // A fresh page on the same storage, the list loaded again after the saved workspace.
  AppState reloaded() {
    AppState other;
    other.actions.emplace_back(shell::RestoreFromStorage{});
    other.actions.emplace_back(shell::LoadFile{"list.json", core::dataset_to_json(list_of_three()), false});
    shell::apply_actions(other, platform);
    return other;
  }
  // Opens A's research and says it has H-1B, from a page, dated today.
  void edit_h1b_of_a() {
    click("Program A##open_A");
    ASSERT_TRUE(state.research_form.open);
    ASSERT_EQ(state.research_form.id, "A");
    click("##value_visa.h1b");
    click("yes");
    type_into("##where_visa.h1b", "https://example.org/a-visa");
    click("Save my research");
  }

  AppState state;
  MemoryPlatform platform;
};

}  // namespace

TEST_F(ResearchEdit, AnEditedFactIsTheApplicantsWithItsSourceAndSurvivesAReload) {
  edit_h1b_of_a();
  EXPECT_FALSE(state.research_form.open) << state.research_form.error;
  ASSERT_EQ(state.workspace.research.count("A"), 1u);
  const core::Research& r = state.workspace.research.at("A");
  EXPECT_EQ(r.fields, std::vector<std::string>{"visa.h1b"}) << "only the fact edited is the applicant's";
  ASSERT_EQ(r.sources.size(), 1u);
  EXPECT_EQ(r.sources[0].what, "visa.h1b");
  EXPECT_EQ(r.sources[0].url, "https://example.org/a-visa");
  EXPECT_TRUE(core::read_calendar_date(r.sources[0].date)) << r.sources[0].date;
  EXPECT_EQ(r.sources[0].by, "") << "the applicant's own";
  // Planned over: A now sponsors H-1B; the list itself is untouched, and the other facts are the list's.
  EXPECT_EQ(program(state, "A")->visa.h1b, true);
  EXPECT_EQ(state.loaded_dataset.programs[0].visa.h1b, std::nullopt);
  EXPECT_DOUBLE_EQ(*program(state, "A")->img_share, 0.2);
  ASSERT_EQ(state.own_facts.size(), 3u);
  EXPECT_EQ(state.own_facts[0].fields, std::vector<std::string>{"visa.h1b"});
  ASSERT_EQ(state.own_facts[0].sources.size(), 1u);
  EXPECT_EQ(state.own_facts[0].sources[0].url, "https://example.org/a-visa");

  // Saved, and read back by a new page over the same list; and over a host's update of it.
  AppState other = reloaded();
  ASSERT_EQ(other.workspace.research.count("A"), 1u);
  EXPECT_EQ(program(other, "A")->visa.h1b, true);
  EXPECT_EQ(other.own_facts[0].fields, std::vector<std::string>{"visa.h1b"});
  core::Dataset update = list_of_three();
  update.programs[0].img_share = 0.9;
  other.actions.emplace_back(shell::LoadFile{"update.json", core::dataset_to_json(update), false});
  shell::apply_actions(other, platform);
  EXPECT_EQ(program(other, "A")->visa.h1b, true) << "the applicant's fact over the host's update";
  EXPECT_DOUBLE_EQ(*program(other, "A")->img_share, 0.9) << "the update's facts they did not touch come through";
}

TEST_F(ResearchEdit, OpeningAndSavingWithoutAnEditChangesNothing) {
  // A's research from a file: a flexible cutoff and a share with many digits, which the form must
  // not rewrite (the share is shown as a percentage).
  core::Workspace w;
  core::Research r;
  r.facts.img_share = 0.123456789;
  r.facts.cutoffs.step2ck_min = 221;
  r.facts.cutoffs.strict.step2ck_min = false;
  r.fields = {"img_share", "cutoffs.step2ck_min"};
  r.sources = {{"*", "", "2026-08-14", "classmate"}};
  w.research["A"] = r;
  run(shell::LoadFile{"mine.json", core::workspace_to_json(w), false});
  const std::string before = core::workspace_to_json(state.workspace);
  click("Program A##open_A");
  ASSERT_TRUE(state.research_form.open);
  for (int i = 0; i < 5; ++i) frame();
  click("Save my research");
  EXPECT_FALSE(state.research_form.open) << state.research_form.error;
  EXPECT_EQ(core::workspace_to_json(state.workspace), before) << "the form rewrote a value nobody edited";
}

TEST_F(ResearchEdit, ABadDateIsRefusedNamingTheFieldAndNothingChanges) {
  click("Program B##open_B");
  click("##value_visa.h1b");
  click("yes");
  std::snprintf(draft("visa.h1b").date, sizeof draft("visa.h1b").date, "2026-02-30");
  click("Save my research");
  EXPECT_TRUE(state.research_form.open) << "the form stays, with what was typed";
  EXPECT_EQ(state.research_form.error.rfind("Sponsors H-1B: the date \"2026-02-30\" is not a day", 0), 0u)
      << state.research_form.error;
  EXPECT_TRUE(shown("Save my research"));
  EXPECT_TRUE(state.workspace.research.empty());
  EXPECT_EQ(program(state, "B")->visa.h1b, std::nullopt);
  EXPECT_EQ(state.research_form.facts.visa.h1b, true) << "the edit is kept in the form to fix the date";
  // Fixed: saved.
  std::snprintf(draft("visa.h1b").date, sizeof draft("visa.h1b").date, "2026-02-28");
  click("Save my research");
  ASSERT_EQ(state.workspace.research.count("B"), 1u);
  EXPECT_EQ(state.workspace.research.at("B").sources.at(0).date, "2026-02-28");
}

TEST_F(ResearchEdit, AnOutOfRangeNumberIsRefusedNamingTheField) {
  click("Program C##open_C");
  state.research_form.facts.positions = 501;  // what the field holds once 501 is typed
  click("Save my research");
  EXPECT_EQ(state.research_form.error,
            "The number of PGY-1 positions is a whole number from 0 to 500, not 501. Nothing was saved.");
  EXPECT_TRUE(state.workspace.research.empty());
  // A share is edited as a percentage: 150% typed.
  state.research_form.facts.positions = 500;
  state.research_form.facts.img_share = 1.5;
  click("Save my research");
  EXPECT_EQ(state.research_form.error,
            "The share of residents who are IMGs is from 0 to 1 (0 to 100%), not 1.5 (150%). Nothing was saved.");
  EXPECT_TRUE(state.workspace.research.empty());
  // Both at the ends of their ranges: saved.
  state.research_form.facts.img_share = 1.0;
  click("Save my research");
  ASSERT_EQ(state.workspace.research.count("C"), 1u) << state.research_form.error;
  EXPECT_EQ(state.workspace.research.at("C").facts.positions, 500);
}

TEST_F(ResearchEdit, ClearingAFactGivesTheListsValueBackAndUndoBringsItAgain) {
  edit_h1b_of_a();
  ASSERT_EQ(state.workspace.research.count("A"), 1u);
  click("Program A##open_A");
  click("Clear mine##visa.h1b");
  click("Save my research");
  EXPECT_EQ(state.workspace.research.count("A"), 0u) << "no fact left: no entry";
  EXPECT_EQ(program(state, "A")->visa.h1b, std::nullopt);
  // Undo: the button names what it undoes.
  ASSERT_EQ(state.research_undo.size(), 2u);
  EXPECT_TRUE(shown("Undo your research on Program A"));
  click("Undo your research on Program A");
  EXPECT_EQ(program(state, "A")->visa.h1b, true);
  EXPECT_EQ(state.workspace.research.at("A").sources.at(0).url, "https://example.org/a-visa");
  click("Undo your research on Program A");
  EXPECT_TRUE(state.workspace.research.empty());
  EXPECT_FALSE(shown("Undo your research on Program A")) << "nothing left to undo";
  EXPECT_EQ(reloaded().workspace.research.size(), 0u) << "the undo is saved too";
}

TEST_F(ResearchEdit, HiddenProgramsAreListedAndShownAgain) {
  click("Program B##open_B");
  click("Hide this program");
  EXPECT_EQ(state.workspace.hidden, std::vector<std::string>{"B"});
  EXPECT_EQ(program(state, "B"), nullptr) << "not planned over";
  EXPECT_FALSE(state.research_form.open);
  EXPECT_EQ(reloaded().workspace.hidden, std::vector<std::string>{"B"});
  click("Hidden programs (1)");
  click("Show again##B");
  EXPECT_TRUE(state.workspace.hidden.empty());
  ASSERT_NE(program(state, "B"), nullptr);
  EXPECT_TRUE(shown("Undo showing again Program B"));
}

TEST_F(ResearchEdit, AProgramAddedByHandGetsCoresIdItsFactsAreDatedAndItCanBeDeleted) {
  click("Add a program by hand");
  ASSERT_TRUE(state.research_form.adding);
  type_into("##value_name", "Bayou Community IM");
  type_into("##value_state", "Louisiana");
  click("##value_visa.j1");
  click("yes");
  type_into("##where_visa.j1", "coordinator email");
  click("Add this program");
  const std::string id = core::derived_program_id("Bayou Community IM", "Internal Medicine", "LA");
  ASSERT_EQ(state.workspace.added_programs.size(), 1u) << state.research_form.error;
  const core::Program& added = state.workspace.added_programs[0];
  EXPECT_EQ(added.id, id);
  EXPECT_EQ(added.state, "LA") << "the state's name read as core reads a sheet's";
  EXPECT_EQ(added.specialty, "Internal Medicine");
  ASSERT_NE(program(state, id), nullptr);
  EXPECT_EQ(program(state, id)->visa.j1, true);
  ASSERT_EQ(state.workspace.research.count(id), 1u);
  EXPECT_EQ(state.workspace.research.at(id).sources.at(0).url, "coordinator email");
  EXPECT_TRUE(state.own_facts.back().added);

  AppState other = reloaded();
  ASSERT_NE(program(other, id), nullptr);
  EXPECT_EQ(program(other, id)->visa.j1, true);

  // The same program again is refused, naming why; nothing is added.
  click("Add a program by hand");
  type_into("##value_name", "Bayou Community IM");
  type_into("##value_state", "LA");
  click("Add this program");
  EXPECT_EQ(state.workspace.added_programs.size(), 1u);
  EXPECT_NE(state.research_form.error.find("already in the list"), std::string::npos) << state.research_form.error;
  // A state that is none is refused, naming the field.
  std::snprintf(state.research_form.state, sizeof state.research_form.state, "Lousiana");
  click("Add this program");
  EXPECT_EQ(state.research_form.error.rfind("State: \"Lousiana\" is not a US state", 0), 0u)
      << state.research_form.error;
  click("Back to the list");

  click("Bayou Community IM##open_" + id);
  click("Delete this program");
  EXPECT_TRUE(state.workspace.added_programs.empty());
  EXPECT_EQ(state.workspace.research.count(id), 0u);
  EXPECT_EQ(program(state, id), nullptr);
  click("Undo deleting Bayou Community IM");
  ASSERT_NE(program(state, id), nullptr);
  EXPECT_EQ(program(state, id)->visa.j1, true);
}

TEST_F(ResearchEdit, UndoKeepsTheLastChangesOnlyAndNeverTouchesTheTracker) {
  for (std::size_t i = 0; i < shell::kResearchUndoDepth + 3; ++i)
    run(shell::ResearchChange{shell::SetHidden{"C", i % 2 == 0}});
  EXPECT_EQ(state.research_undo.size(), shell::kResearchUndoDepth);
  run(shell::SetTrackerStatus{"A", core::TrackerStatus::Applied});
  run(shell::ResearchChange{shell::UndoResearch{}});
  EXPECT_EQ(state.workspace.tracker.count("A"), 1u) << "undoing research leaves the tracker alone";
}

TEST_F(ResearchEdit, MergingAClassmatesFileKeepsBothSourcesAndTheNewerFact) {
  // Mine: A's H-1B yes, found 2026-08-14. Theirs: A's H-1B no, found later; B's IMG share.
  core::Workspace mine;
  core::Research a;
  a.facts.visa.h1b = true;
  a.fields = {"visa.h1b"};
  a.sources = {{"visa.h1b", "https://example.org/mine", "2026-08-14", ""}};
  mine.research["A"] = a;
  run(shell::LoadFile{"mine.json", core::workspace_to_json(mine), false});
  core::Workspace theirs;
  core::Research ta;
  ta.facts.visa.h1b = false;
  ta.fields = {"visa.h1b"};
  ta.sources = {{"visa.h1b", "https://example.org/theirs", "2026-10-01", "classmate"}};
  theirs.research["A"] = ta;
  core::Research tb;
  tb.facts.img_share = 0.7;
  tb.fields = {"img_share"};
  tb.sources = {{"img_share", "", "2026-09-01", "classmate"}};
  theirs.research["B"] = tb;
  run(shell::ResearchChange{shell::MergeResearchFile{"classmate.json", core::workspace_to_json(theirs)}});
  EXPECT_EQ(program(state, "A")->visa.h1b, false) << "theirs is newer";
  EXPECT_DOUBLE_EQ(*program(state, "B")->img_share, 0.7);
  ASSERT_EQ(state.workspace.research.at("A").sources.size(), 2u) << "both sources stay";
  const shell::Message& told = state.messages.back();
  EXPECT_EQ(told.text.rfind("Merged the research of classmate.json into yours", 0), 0u) << told.text;
  bool names_the_conflict = false;
  for (const auto& line : told.details) names_the_conflict |= line.find("\"A\" visa.h1b") != std::string::npos;
  EXPECT_TRUE(names_the_conflict);
  // In A's detail view both sources are shown under the fact.
  click("Program A##open_A");
  EXPECT_TRUE(state.research_form.open);
  // The merge is one undo step.
  run(shell::ResearchChange{shell::UndoResearch{}});
  EXPECT_EQ(program(state, "A")->visa.h1b, true);
  EXPECT_EQ(state.workspace.research.count("B"), 0u);
  // A file that is not a workspace: refused, nothing changed.
  run(shell::ResearchChange{
      shell::MergeResearchFile{"bad.json", "{\"kind\": \"openpick-workspace\", \"research\": 3}"}});
  EXPECT_EQ(state.messages.back().severity, core::Severity::Error);
  EXPECT_EQ(program(state, "A")->visa.h1b, true);
}

TEST_F(ResearchEdit, StorageFullMidSaveSaysSoKeepsTheEditAndSavesItWhenThereIsRoom) {
  const std::string saved_before =
      platform.store.count(shell::kStorageWorkspaceKey) ? platform.store[shell::kStorageWorkspaceKey] : std::string();
  platform.writes_left = 0;  // full from the next write on
  edit_h1b_of_a();
  EXPECT_EQ(program(state, "A")->visa.h1b, true) << "the edit stays in memory";
  EXPECT_EQ(state.workspace.research.count("A"), 1u);
  EXPECT_EQ(state.storage_status.rfind("Could not save in this browser", 0), 0u) << state.storage_status;
  bool said = false;
  for (const auto& m : state.messages) said |= m.text.rfind("Could not save in this browser", 0) == 0;
  EXPECT_TRUE(said) << "a clear message";
  EXPECT_EQ(platform.store.count(shell::kStorageWorkspaceKey) ? platform.store[shell::kStorageWorkspaceKey] : "",
            saved_before)
      << "what was saved before is kept as it was";
  // Room again: the next change is saved, and the one storage refused with it.
  platform.writes_left = 1 << 30;
  run(shell::ResearchChange{shell::SetHidden{"C", true}});
  const auto saved = nlohmann::json::parse(platform.store.at(shell::kStorageWorkspaceKey));
  EXPECT_EQ(saved["research"]["A"]["visa"]["h1b"], true);
  EXPECT_EQ(saved["hidden"], nlohmann::json::array({"C"}));
  EXPECT_EQ(state.storage_status, "Saved in this browser only.");
  EXPECT_EQ(program(reloaded(), "A")->visa.h1b, true);
}

TEST_F(ResearchEdit, TheFormDrawsOnAPhoneAndOnAnEmptyListWithoutAnAssert) {
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  click("Program A##open_A");
  ASSERT_TRUE(state.research_form.open);
  for (int i = 0; i < 3; ++i) frame();
  click("Back to the list");
  click("Add a program by hand");
  EXPECT_TRUE(state.research_form.adding);
  for (int i = 0; i < 3; ++i) frame();
  // No list at all: a program can still be added, its specialty one of the model's.
  AppState empty;
  std::swap(state, empty);
  click("Add a program by hand");
  EXPECT_FALSE(state.research_form.facts.specialty.empty());
  type_into("##value_name", "Alone");
  type_into("##value_state", "ms");
  click("Add this program");
  ASSERT_EQ(state.workspace.added_programs.size(), 1u) << state.research_form.error;
  EXPECT_EQ(state.dataset.programs.size(), 1u) << "planned over, though no list is loaded";
  EXPECT_EQ(state.workspace.added_programs[0].state, "MS");
}

TEST_F(ResearchEdit, OnAPhoneEveryFilterOfTheListIsWhollyOnTheScreen) {
  const char* filters[] = {"##fspec", "##fstate", "##fvisa", "##search", "##freach"};
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  frame();
  frame();
  for (const char* label : filters) {
    ASSERT_EQ(g_items.count(label), 1u) << label;
    const Rect& r = g_items.at(label);
    EXPECT_GE(r.x0, 0.0f) << label;
    EXPECT_LE(r.x1, 390.0f) << label << " runs off the right edge";
    EXPECT_GT(r.x1 - r.x0, 50.0f) << label << " is wide enough to read";
  }
  // A desktop has room for them all on one line.
  ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
  frame();
  frame();
  for (const char* label : filters) EXPECT_EQ(g_items.at(label).y0, g_items.at("##fspec").y0) << label;
}
