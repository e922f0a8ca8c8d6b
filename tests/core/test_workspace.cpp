// The workspace (workspace.h): reading, writing, the overlay over a loaded list, the rank order
// from the tracker, the merge of another's research, and bad input with its message. Every
// expectation below is worked out by hand from the documents in this file and the rules in
// docs/DATA.md ("Your workspace").
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "openpick/core/io.h"
#include "openpick/core/workspace.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

// Three programs: A (IM, MS, J-1 yes, H-1B no, Step 2 CK min 220 strict, a source for visa.j1),
// B (IM, AR, visa unknown), C (FM, MS).
const char* kDataset = R"({"schema_version": 1, "name": "list", "version": "1", "as_of": "2026-07", "source": "test",
 "programs": [
  {"id": "A", "name": "Alpha IM", "specialty": "Internal Medicine", "state": "MS", "img_share": 0.6,
   "visa": {"j1": true, "h1b": false}, "cutoffs": {"step2ck_min": 220},
   "sources": [{"field": "visa.j1", "source": "list maker", "year": 2025}]},
  {"id": "B", "name": "Beta IM", "specialty": "Internal Medicine", "state": "AR"},
  {"id": "C", "name": "Gamma FM", "specialty": "Family Medicine", "state": "MS"}]})";

const char* kProfile = R"({"schema_version": 1, "graduate_type": "non_us_img", "visa": "j1",
   "step1": {"result": "pass", "attempts": 1}, "step2ck": {"score": 221, "attempts": 1},
   "graduation_year": 2020, "match_year": 2027,
   "specialties": [{"name": "Internal Medicine", "weight": 1}]})";

std::string workspace_text() {
  return std::string(R"({"schema_version": 1, "kind": "openpick-workspace",
 "profile": )") +
         kProfile + R"(,
 "research": {
   "A": {"visa": {"h1b": true}, "cutoffs": {"step2ck_min": {"value": 215, "strict": false}},
         "sources": [{"what": "visa.h1b", "url": "https://a.example/visa", "date": "2026-08-01"},
                     {"what": "cutoffs", "date": "2026-07-15", "by": "coordinator email"}]},
   "GONE": {"img_share": 0.5, "sources": [{"what": "img_share", "date": "2026-06-01"}]}
 },
 "added_programs": [{"id": "MINE-1", "name": "My find", "specialty": "Internal Medicine", "state": "LA"}],
 "hidden": ["C"],
 "tracker": {
   "A": {"status": "ranked", "rank": 2, "dates": {"applied": "2026-09-25", "interview": "2026-11-03"},
         "notes": "liked the clinic",
         "checklist": {"email_coordinator": true, "open_house": true, "thank_you_sent": true, "top_choice_letter": false}},
   "B": {"status": "interviewed", "rank": 1},
   "MINE-1": {"status": "interviewed"},
   "REMOVED": {"status": "applied"}
 }})";
}

Dataset dataset() {
  auto d = parse_dataset_json(kDataset, "list.json");
  EXPECT_TRUE(d.ok());
  return *d.value;
}

Workspace workspace(const std::string& text) {
  auto w = parse_workspace_json(text, "w.json");
  std::string got;
  for (const auto& d : w.diagnostics) got += format_diagnostic(d) + "\n";
  EXPECT_TRUE(w.ok()) << got;
  return w.ok() ? *w.value : Workspace{};
}

// The diagnostics of a document that must fail, one per line.
std::string errors_of(const std::string& text) {
  auto w = parse_workspace_json(text, "w.json");
  EXPECT_FALSE(w.ok());
  std::string got;
  for (const auto& d : w.diagnostics) got += format_diagnostic(d) + "\n";
  return got;
}

std::string minimal(const std::string& members) {
  return R"({"schema_version": 1, "kind": "openpick-workspace")" + (members.empty() ? "" : ", " + members) + "}";
}

}  // namespace

// ---- Reading and writing ------------------------------------------------------------------------

TEST(WorkspaceRead, EveryPartIsRead) {
  const Workspace w = workspace(workspace_text());
  ASSERT_TRUE(w.profile);
  EXPECT_EQ(w.profile->visa, VisaNeed::J1);
  EXPECT_EQ(w.profile->step2ck.score, 221);
  ASSERT_EQ(w.research.size(), 2u);
  const Research& a = w.research.at("A");
  EXPECT_EQ(a.fields, (std::vector<std::string>{"visa.h1b", "cutoffs.step2ck_min"}));
  EXPECT_EQ(a.facts.visa.h1b, true);
  EXPECT_EQ(a.facts.cutoffs.step2ck_min, 215);
  EXPECT_FALSE(a.facts.cutoffs.strict.step2ck_min);
  ASSERT_EQ(a.sources.size(), 2u);
  EXPECT_EQ(a.sources[0].url, "https://a.example/visa");
  EXPECT_EQ(a.sources[1].by, "coordinator email");
  // The newest source covering each fact dates it; "cutoffs" covers every cutoff.
  EXPECT_EQ(fact_date(a, "visa.h1b"), "2026-08-01");
  EXPECT_EQ(fact_date(a, "cutoffs.step2ck_min"), "2026-07-15");
  EXPECT_EQ(fact_date(a, "img_share"), "");
  ASSERT_EQ(w.added_programs.size(), 1u);
  EXPECT_EQ(w.added_programs[0].state, "LA");
  EXPECT_EQ(w.hidden, (std::vector<std::string>{"C"}));
  ASSERT_EQ(w.tracker.size(), 4u);
  const TrackerEntry& ta = w.tracker.at("A");
  EXPECT_EQ(ta.status, TrackerStatus::Ranked);
  EXPECT_EQ(ta.rank, 2);
  ASSERT_EQ(ta.dates.size(), 2u);
  EXPECT_EQ(ta.dates[0], (std::pair<std::string, std::string>{"applied", "2026-09-25"}));
  EXPECT_EQ(ta.dates[1], (std::pair<std::string, std::string>{"interview", "2026-11-03"}));
  EXPECT_EQ(ta.notes, "liked the clinic");
  ASSERT_TRUE(ta.checklist);
  EXPECT_TRUE(ta.checklist->open_house);
  EXPECT_FALSE(ta.checklist->top_choice_letter);
  EXPECT_FALSE(w.tracker.at("B").checklist);
  EXPECT_FALSE(w.tracker.at("MINE-1").rank);
}

TEST(WorkspaceRead, NullInResearchSetsAFactToUnknown) {
  const Workspace w = workspace(minimal(R"("research": {"A": {"img_share": null, "setting": "community"}})"));
  const Research& a = w.research.at("A");
  EXPECT_EQ(a.fields, (std::vector<std::string>{"setting", "img_share"}));
  EXPECT_FALSE(a.facts.img_share);
  EXPECT_EQ(a.facts.setting, Setting::Community);
  Dataset d = dataset();
  const AppliedWorkspace out = apply_workspace(d, w);
  EXPECT_FALSE(out.dataset.programs[0].img_share);  // was 0.6: the applicant says unknown

  // A null group: every fact of it unknown (A's list says J-1 yes, H-1B no, Step 2 CK min 220).
  const Workspace groups = workspace(minimal(R"("research": {"A": {"visa": null, "cutoffs": null}})"));
  EXPECT_EQ(
      groups.research.at("A").fields,
      (std::vector<std::string>{"visa.j1", "visa.h1b", "cutoffs.step2ck_min", "cutoffs.max_years_since_graduation",
                                "cutoffs.max_attempts", "cutoffs.usce_required"}));
  const Program overlaid = apply_workspace(d, groups).dataset.programs[0];
  EXPECT_FALSE(overlaid.visa.j1);
  EXPECT_FALSE(overlaid.visa.h1b);
  EXPECT_FALSE(overlaid.cutoffs.step2ck_min);
  EXPECT_EQ(workspace_to_json(workspace(workspace_to_json(groups))), workspace_to_json(groups));
}

TEST(WorkspaceWrite, WritesTheDocumentExactly) {
  Workspace w;
  Research r;
  r.facts.visa.j1 = false;
  r.facts.cutoffs.max_attempts = 2;
  r.facts.cutoffs.strict.max_attempts = false;
  r.fields = {"visa.j1", "cutoffs.max_attempts"};
  r.sources = {{"visa.j1", "", "2026-08-02", "Dr. Lee"}};
  w.research["P1"] = r;
  TrackerEntry t;
  t.status = TrackerStatus::Applied;
  t.dates = {{"applied", "2026-09-25"}};
  w.tracker["P1"] = t;
  const std::string expected = R"({
  "schema_version": 1,
  "kind": "openpick-workspace",
  "research": {
    "P1": {
      "visa": {
        "j1": false
      },
      "cutoffs": {
        "max_attempts": {
          "value": 2,
          "strict": false
        }
      },
      "sources": [
        {
          "what": "visa.j1",
          "date": "2026-08-02",
          "by": "Dr. Lee"
        }
      ]
    }
  },
  "added_programs": [],
  "hidden": [],
  "tracker": {
    "P1": {
      "status": "applied",
      "dates": {
        "applied": "2026-09-25"
      }
    }
  }
}
)";
  EXPECT_EQ(workspace_to_json(w), expected);
}

TEST(WorkspaceWrite, ExportImportExportGivesTheSameBytes) {
  const Workspace w = workspace(workspace_text());
  const std::string once = workspace_to_json(w);
  const Workspace again = workspace(once);
  EXPECT_EQ(workspace_to_json(again), once);
  EXPECT_EQ(again.research.at("A").fields, w.research.at("A").fields);
  EXPECT_EQ(again.research.at("A").sources, w.research.at("A").sources);
  EXPECT_EQ(again.tracker.at("A").dates, w.tracker.at("A").dates);
  EXPECT_EQ(profile_to_json(*again.profile), profile_to_json(*w.profile));
  EXPECT_TRUE(is_workspace_json(once));
  EXPECT_FALSE(is_workspace_json(kDataset));
  EXPECT_FALSE(is_workspace_json(kProfile));
}

// ---- Over a loaded list -------------------------------------------------------------------------

TEST(WorkspaceApply, ResearchOverlaysAddedAppendsHiddenLeaves) {
  const AppliedWorkspace out = apply_workspace(dataset(), workspace(workspace_text()));
  ASSERT_EQ(out.dataset.programs.size(), 3u);  // A, B, C hidden, MINE-1 appended
  EXPECT_EQ(out.dataset.programs[0].id, "A");
  EXPECT_EQ(out.dataset.programs[1].id, "B");
  EXPECT_EQ(out.dataset.programs[2].id, "MINE-1");
  EXPECT_EQ(out.dataset.name, "list");
  const Program& a = out.dataset.programs[0];
  EXPECT_EQ(a.visa.j1, true);   // the list's
  EXPECT_EQ(a.visa.h1b, true);  // the applicant's (the list said false)
  EXPECT_EQ(a.img_share, 0.6);  // the list's
  EXPECT_EQ(a.cutoffs.step2ck_min, 215);
  EXPECT_FALSE(a.cutoffs.strict.step2ck_min);
  // The list's source for visa.j1 stays; the applicant's come in for the two facts they set.
  ASSERT_EQ(a.sources.size(), 3u);
  EXPECT_EQ(a.sources[0].source, "list maker");
  EXPECT_EQ(a.sources[1].field, "visa.h1b");
  EXPECT_EQ(a.sources[1].source, "your research, 2026-08-01 https://a.example/visa");
  EXPECT_EQ(a.sources[1].year, 2026);
  EXPECT_EQ(a.sources[2].field, "cutoffs.step2ck_min");
  EXPECT_EQ(a.sources[2].source, "coordinator email, 2026-07-15");
  ASSERT_EQ(out.own.size(), 3u);
  EXPECT_FALSE(out.own[0].added);
  EXPECT_EQ(out.own[0].fields, (std::vector<std::string>{"visa.h1b", "cutoffs.step2ck_min"}));
  EXPECT_EQ(out.own[0].sources.size(), 2u);
  EXPECT_TRUE(out.own[1].fields.empty());
  EXPECT_TRUE(out.own[2].added);
  // The research on GONE and the tracker entry of REMOVED are kept and named; nothing else.
  ASSERT_EQ(out.notes.size(), 2u);
  EXPECT_EQ(out.notes[0],
            "research for \"GONE\" (img_share): no program with this id in the loaded list; kept in your workspace");
  EXPECT_EQ(out.notes[1], "tracker: \"REMOVED\" (applied) is not in the loaded list; kept in your workspace");
}

TEST(WorkspaceApply, AHostsUpdateKeepsTheApplicantsFacts) {
  Dataset updated = dataset();
  updated.programs[0].img_share = 0.7;                   // the host changed a fact the applicant did not touch
  updated.programs[0].visa.h1b = false;                  // and one they did
  updated.programs.erase(updated.programs.begin() + 1);  // B is gone
  const Workspace w = workspace(workspace_text());
  const AppliedWorkspace out = apply_workspace(updated, w);
  EXPECT_EQ(out.dataset.programs[0].img_share, 0.7);
  EXPECT_EQ(out.dataset.programs[0].visa.h1b, true);
  ASSERT_EQ(out.dataset.programs.size(), 2u);  // A, MINE-1
  // B's tracker entry is kept in the workspace and named.
  EXPECT_EQ(w.tracker.count("B"), 1u);
  ASSERT_EQ(out.notes.size(), 3u);
  EXPECT_EQ(out.notes[1], "tracker: \"B\" (interviewed) is not in the loaded list; kept in your workspace");
}

TEST(WorkspaceApply, AnAddedProgramWithALoadedIdReplacesItAndSaysSo) {
  Workspace w = workspace(minimal(R"("added_programs": [{"id": "B", "name": "Beta as I know it",
      "specialty": "Internal Medicine", "state": "AR", "visa": {"j1": true}}], "hidden": ["NOPE"])"));
  const AppliedWorkspace out = apply_workspace(dataset(), w);
  ASSERT_EQ(out.dataset.programs.size(), 3u);
  EXPECT_EQ(out.dataset.programs[1].name, "Beta as I know it");
  EXPECT_EQ(out.dataset.programs[1].visa.j1, true);
  EXPECT_TRUE(out.own[1].added);
  ASSERT_EQ(out.notes.size(), 2u);
  EXPECT_EQ(out.notes[0],
            "added program \"B\" (Beta as I know it) has the id of \"Beta IM\" in the loaded list: yours is "
            "planned over, the list's is set aside");
  EXPECT_EQ(out.notes[1], "hidden program \"NOPE\" is not in the loaded list; kept in your workspace");
}

// ---- Rank order ---------------------------------------------------------------------------------

TEST(WorkspaceRankOrder, ByRankThenUnrankedThenNotes) {
  Workspace w = workspace(workspace_text());
  w.tracker["LOST"] = TrackerEntry{TrackerStatus::Interviewed, 3, {}, "", std::nullopt};
  const AppliedWorkspace applied = apply_workspace(dataset(), w);  // A, B, MINE-1
  const RankListOrder r = rank_list_order(w, applied.dataset.programs);
  // B is rank 1, A rank 2, MINE-1 interviewed without a rank; REMOVED only applied; LOST not listed.
  EXPECT_EQ(r.order, (std::vector<std::size_t>{1, 0, 2}));
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(
      r.notes[0],
      "no rank yet for \"MINE-1\" (interviewed): placed after the ranked programs, in list order; give it a rank");
  EXPECT_EQ(r.notes[1], "left off the rank list, not in the loaded list: \"LOST\" (kept in your workspace)");
}

TEST(WorkspaceRankOrder, NothingInterviewedGivesAnEmptyOrder) {
  const Workspace w = workspace(minimal(R"("tracker": {"A": {"status": "applied"}, "B": {"status": "withdrawn"}})"));
  const RankListOrder r = rank_list_order(w, dataset().programs);
  EXPECT_TRUE(r.order.empty());
  EXPECT_TRUE(r.notes.empty());
}

// ---- Tracker rules ------------------------------------------------------------------------------

TEST(WorkspaceTracker, OnlyOneTopChoiceLetter) {
  std::map<std::string, TrackerEntry> t;
  t["A"].checklist = Checklist{false, false, true, true};
  t["B"].status = TrackerStatus::Interviewed;
  EXPECT_EQ(top_choice_letter_refusal(t, "A"), "");  // its own letter is no reason to refuse it
  const std::string why = top_choice_letter_refusal(t, "B");
  EXPECT_NE(why.find("already marked for \"A\""), std::string::npos) << why;
  EXPECT_NE(why.find("only to one program, and only if true"), std::string::npos) << why;
  t["B"].checklist = Checklist{false, false, false, true};
  const auto problems = check_tracker(t);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].id, "B");
  EXPECT_EQ(problems[0].field, "checklist.top_choice_letter");
}

TEST(WorkspaceTracker, CalendarDates) {
  EXPECT_TRUE(read_calendar_date("2028-02-29"));  // leap year
  EXPECT_FALSE(read_calendar_date("2027-02-29"));
  EXPECT_FALSE(read_calendar_date("2100-02-29"));  // not a leap year (divisible by 100)
  EXPECT_TRUE(read_calendar_date("2000-02-29"));   // leap (divisible by 400)
  EXPECT_FALSE(read_calendar_date("2026-04-31"));
  EXPECT_FALSE(read_calendar_date("2026-13-01"));
  EXPECT_FALSE(read_calendar_date("2026-9-25"));
  EXPECT_FALSE(read_calendar_date("1900-01-01"));
  const auto d = read_calendar_date("2026-09-25");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2026);
  EXPECT_EQ(d->month, 9);
  EXPECT_EQ(d->day, 25);
}

// ---- Bad input: each refused with its message (more in tests/data/bad/workspace_*) --------------

TEST(WorkspaceBad, NewerSchemaIsRefusedAndSaysSo) {
  const std::string got = errors_of(R"({"schema_version": 2, "kind": "openpick-workspace", "research": {"A": 5}})");
  EXPECT_NE(got.find("w.json:1:20: error: schema_version: schema_version 2 is newer than this OpenPick reads (1)"),
            std::string::npos)
      << got;
  // Nothing else is read from it: its fields may mean something else in a newer version.
  EXPECT_EQ(got.find("research"), std::string::npos) << got;
}

TEST(WorkspaceBad, WrongKindAndOtherDocuments) {
  const std::string kind = errors_of(R"({"schema_version": 1, "kind": "dataset"})");
  EXPECT_NE(kind.find("w.json:1:31: error: kind: expected \"openpick-workspace\", got \"dataset\": this file is not an "
                      "OpenPick workspace"),
            std::string::npos)
      << kind;
  const std::string profile = errors_of(kProfile);
  EXPECT_NE(
      profile.find("error: kind: no kind; expected \"kind\": \"openpick-workspace\" (an OpenPick workspace) (it looks "
                   "like a profile: load it as the profile)"),
      std::string::npos)
      << profile;
  const std::string data = errors_of(kDataset);
  EXPECT_NE(data.find("(it looks like a program dataset: load it as the program list)"), std::string::npos) << data;
}

TEST(WorkspaceBad, TrackerRulesAreErrorsAtTheirField) {
  const std::string twice = errors_of(minimal(R"("tracker": {"A": {"status": "ranked", "rank": 1},
 "B": {"status": "interviewed", "rank": 1}})"));
  EXPECT_NE(twice.find("w.json:2:41: error: tracker.B.rank: rank 1 is also \"A\"'s; expected each rank once"),
            std::string::npos)
      << twice;
  const std::string early = errors_of(minimal(R"("tracker": {"A": {"status": "applied", "rank": 3}})"));
  EXPECT_NE(early.find("error: tracker.A.rank: a rank on a program whose status is \"applied\"; only programs that "
                       "interviewed you (status interviewed or ranked) go on the rank list"),
            std::string::npos)
      << early;
  const std::string letters = errors_of(minimal(R"("tracker": {
 "A": {"status": "interviewed", "checklist": {"top_choice_letter": true}},
 "B": {"status": "interviewed", "checklist": {"top_choice_letter": true}}})"));
  EXPECT_NE(
      letters.find("w.json:3:68: error: tracker.B.checklist.top_choice_letter: a top-choice letter is already marked "
                   "for \"A\"; send one to a single program"),
      std::string::npos)
      << letters;
  const std::string status = errors_of(minimal(R"("tracker": {"A": {"status": "offered"}})"));
  EXPECT_NE(status.find("error: tracker.A.status: unknown status \"offered\"; expected one of considering, applied, "
                        "invited, interviewed, ranked, withdrawn, rejected"),
            std::string::npos)
      << status;
}

TEST(WorkspaceBad, DatesInAnotherFormat) {
  const std::string tracker =
      errors_of(minimal(R"("tracker": {"A": {"status": "applied", "dates": {"applied": "9/25/2026"}}})"));
  EXPECT_NE(tracker.find("error: tracker.A.dates.applied: expected a date \"YYYY-MM-DD\" such as \"2026-09-25\" (year, "
                         "month, day), got \"9/25/2026\""),
            std::string::npos)
      << tracker;
  const std::string source =
      errors_of(minimal(R"("research": {"A": {"rural": true, "sources": [{"what": "rural", "date": "2026-02-30"}]}})"));
  EXPECT_NE(source.find("error: research.A.sources[0].date: expected a date \"YYYY-MM-DD\""), std::string::npos)
      << source;
  const std::string missing =
      errors_of(minimal(R"("research": {"A": {"rural": true, "sources": [{"what": "rural"}]}})"));
  EXPECT_NE(missing.find("research.A.sources[0].date"), std::string::npos) << missing;
}

TEST(WorkspaceBad, ProfileAndProgramsAreReadByTheirOwnReaders) {
  // The profile's and the programs' messages are the files' own, under their place in the workspace.
  std::string profile(kProfile);
  profile.replace(profile.find("\"j1\""), 4, "\"j2\"");
  const std::string p = errors_of(minimal("\"profile\": " + profile));
  EXPECT_NE(p.find("error: profile.visa: unknown visa need \"j2\"; expected one of none, j1, h1b, j1_or_h1b"),
            std::string::npos)
      << p;
  const std::string added =
      errors_of(minimal(R"("added_programs": [{"id": "X", "name": "x", "specialty": "IM", "img_share": 45}])"));
  EXPECT_NE(added.find("error: added_programs[0].img_share: expected the share of residents who are IMGs"),
            std::string::npos)
      << added;
  EXPECT_NE(added.find("error: added_programs[0].state: missing required field \"state\""), std::string::npos) << added;
  const std::string research = errors_of(minimal(R"("research": {"A": {"name": null, "img_share": 60}})"));
  EXPECT_NE(research.find("error: research.A.name:"), std::string::npos) << research;
  EXPECT_NE(
      research.find(
          "error: research.A.img_share: expected the share of residents who are IMGs (a number from 0 to 1), got 60"),
      std::string::npos)
      << research;
  const std::string dup =
      errors_of(minimal(R"("added_programs": [{"id": "X", "name": "x", "specialty": "IM", "state": "MS"},
 {"id": "X", "name": "y", "specialty": "IM", "state": "MS"}])"));
  EXPECT_NE(dup.find("error: added_programs[1].id: duplicate id \"X\" (added_programs[0] has it too)"),
            std::string::npos)
      << dup;
}

TEST(WorkspaceBad, GarbageNeverCrashesAndNeverHalfImports) {
  for (const std::string text :
       {std::string(""), std::string("[]"), std::string("{"), std::string("null"), minimal(R"("research": [])"),
        minimal(R"("tracker": {"A": []})"), minimal(R"("hidden": [1])"), minimal(R"("profile": 3)"),
        minimal(R"("research": {"": {}})"),
        minimal(R"("tracker": {"A": {"status": "applied", "dates": {"": "2026-01-01"}}})")}) {
    const auto w = parse_workspace_json(text, "w.json");
    EXPECT_FALSE(w.ok()) << text;
    EXPECT_TRUE(w.has_errors()) << text;
  }
}

// ---- Merge --------------------------------------------------------------------------------------

namespace {

const char* kMine = R"({"schema_version": 1, "kind": "openpick-workspace", "research": {
  "A": {"visa": {"h1b": true}, "cutoffs": {"step2ck_min": {"value": 215, "strict": false}}, "accepts_signals": true,
        "sources": [{"what": "visa.h1b", "date": "2026-08-01"}, {"what": "cutoffs.step2ck_min", "date": "2026-07-15"}]}},
  "tracker": {"A": {"status": "applied"}}})";

const char* kTheirs = R"({"schema_version": 1, "kind": "openpick-workspace", "research": {
  "A": {"img_share": 0.55, "visa": {"h1b": false}, "cutoffs": {"step2ck_min": 220}, "accepts_signals": false,
        "sources": [{"what": "visa.h1b", "date": "2026-09-10", "by": "classmate"},
                    {"what": "cutoffs.step2ck_min", "date": "2026-07-01", "by": "classmate"},
                    {"what": "img_share", "url": "https://roster.example", "date": "2026-05-01"}]},
  "Z": {"positions": 4}}})";

}  // namespace

TEST(WorkspaceMerge, NewerDatedFactWinsMineStaysOtherwiseEverythingReported) {
  const Workspace mine = workspace(kMine);
  const MergeResult m = merge_research(mine, workspace(kTheirs));
  const Research& a = m.merged.research.at("A");
  // img_share: I had none -> theirs. visa.h1b: theirs 2026-09-10 > mine 2026-08-01 -> theirs.
  // step2ck_min: theirs 2026-07-01 < mine 2026-07-15 -> mine (215, flexible). accepts_signals:
  // both undated -> mine.
  EXPECT_EQ(a.fields, (std::vector<std::string>{"img_share", "visa.h1b", "cutoffs.step2ck_min", "accepts_signals"}));
  EXPECT_EQ(a.facts.img_share, 0.55);
  EXPECT_EQ(a.facts.visa.h1b, false);
  EXPECT_EQ(a.facts.cutoffs.step2ck_min, 215);
  EXPECT_FALSE(a.facts.cutoffs.strict.step2ck_min);
  EXPECT_EQ(a.facts.accepts_signals, true);
  // Sources: my two stay; theirs for visa.h1b and img_share come in; theirs for the cutoff I kept
  // does not (the report names it).
  ASSERT_EQ(a.sources.size(), 4u);
  EXPECT_EQ(a.sources[0], (ResearchSource{"visa.h1b", "", "2026-08-01", ""}));
  EXPECT_EQ(a.sources[1], (ResearchSource{"cutoffs.step2ck_min", "", "2026-07-15", ""}));
  EXPECT_EQ(a.sources[2], (ResearchSource{"visa.h1b", "", "2026-09-10", "classmate"}));
  EXPECT_EQ(a.sources[3], (ResearchSource{"img_share", "https://roster.example", "2026-05-01", ""}));
  EXPECT_EQ(fact_date(a, "visa.h1b"), "2026-09-10");
  EXPECT_EQ(m.merged.research.at("Z").facts.positions, 4);
  EXPECT_EQ(m.merged.tracker.size(), 1u);  // mine, untouched
  const std::vector<std::string> report = {
      "research \"A\" img_share: added theirs, 0.55 (dated 2026-05-01)",
      "research \"A\" visa.h1b: theirs, false (dated 2026-09-10), is newer than yours, true (dated 2026-08-01): theirs "
      "is "
      "used; your sources stay listed",
      "research \"A\" cutoffs.step2ck_min: kept yours, {\"value\":215,\"strict\":false} (dated 2026-07-15); theirs "
      "says 220 "
      "(dated 2026-07-01): yours is newer",
      "research \"A\" accepts_signals: kept yours, true (undated); theirs says false (undated): only dated facts are "
      "compared",
      "research \"A\" source not added (classmate, 2026-07-01): it is for their cutoffs.step2ck_min, where yours was "
      "kept",
      "research \"A\" 2 sources of theirs added",
      "research \"Z\": added theirs (positions)",
  };
  EXPECT_EQ(m.report, report);
}

TEST(WorkspaceMerge, SameDateKeepsMineAndAWholeEntrySourceIsNarrowed) {
  const Workspace mine = workspace(minimal(R"("research": {"A": {"visa": {"h1b": true}, "accepts_signals": true,
      "sources": [{"what": "visa.h1b", "date": "2026-08-01"}, {"what": "accepts_signals", "date": "2026-10-01"}]}})"));
  const Workspace theirs = workspace(minimal(R"("research": {"A": {"visa": {"h1b": false}, "accepts_signals": false,
      "sources": [{"what": "*", "date": "2026-09-10", "by": "adviser"}]}})"));
  const MergeResult m = merge_research(mine, theirs);
  const Research& a = m.merged.research.at("A");
  EXPECT_EQ(a.facts.visa.h1b, false);        // 2026-09-10 > 2026-08-01
  EXPECT_EQ(a.facts.accepts_signals, true);  // 2026-10-01 > 2026-09-10
  // Their "*" source speaks only for the fact their value shows now.
  ASSERT_EQ(a.sources.size(), 3u);
  EXPECT_EQ(a.sources[2], (ResearchSource{"visa.h1b", "", "2026-09-10", "adviser"}));
  EXPECT_EQ(fact_date(a, "accepts_signals"), "2026-10-01");

  const Workspace same_day = workspace(minimal(R"("research": {"A": {"visa": {"h1b": false},
      "sources": [{"what": "visa.h1b", "date": "2026-08-01", "by": "adviser"}]}})"));
  const MergeResult tie = merge_research(mine, same_day);
  EXPECT_EQ(tie.merged.research.at("A").facts.visa.h1b, true);
  ASSERT_GE(tie.report.size(), 1u);
  EXPECT_EQ(tie.report[0],
            "research \"A\" visa.h1b: kept yours, true (dated 2026-08-01); theirs says false (dated "
            "2026-08-01): same date");
}

TEST(WorkspaceMerge, MergingAgainOrWithItselfChangesNothing) {
  const Workspace mine = workspace(kMine);
  const Workspace theirs = workspace(kTheirs);
  const MergeResult once = merge_research(mine, theirs);
  const MergeResult twice = merge_research(once.merged, theirs);
  EXPECT_EQ(workspace_to_json(twice.merged), workspace_to_json(once.merged));
  const MergeResult self = merge_research(mine, mine);
  EXPECT_EQ(workspace_to_json(self.merged), workspace_to_json(mine));
  EXPECT_EQ(self.report,
            (std::vector<std::string>{"nothing to merge: their research is already in yours",
                                      "their profile, tracker and hidden programs are theirs: not merged"}));
}

TEST(WorkspaceMerge, AddedProgramsOfTheirsComeInMineStay) {
  const Workspace mine =
      workspace(minimal(R"("added_programs": [{"id": "X", "name": "mine", "specialty": "IM", "state": "MS"}])"));
  const Workspace theirs =
      workspace(minimal(R"("added_programs": [{"id": "X", "name": "theirs", "specialty": "IM", "state": "MS"},
      {"id": "Y", "name": "new", "specialty": "IM", "state": "AL"}])"));
  const MergeResult m = merge_research(mine, theirs);
  ASSERT_EQ(m.merged.added_programs.size(), 2u);
  EXPECT_EQ(m.merged.added_programs[0].name, "mine");
  EXPECT_EQ(m.merged.added_programs[1].id, "Y");
  EXPECT_EQ(m.report,
            (std::vector<std::string>{
                "added program \"X\": kept yours; theirs differs (add what you trust of it as research on \"X\")",
                "added program \"Y\" (new): added theirs"}));
}

// ---- The shipped example and schema -------------------------------------------------------------

using openpick::testing::read_source;

TEST(WorkspaceAssets, TheExampleLoadsCleanlyOverTheSampleAndRoundTrips) {
  const std::string text = read_source("assets/workspaces/seed_delta_img_workspace.json");
  const auto w = parse_workspace_json(text, "example.json");
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE(w.diagnostics.empty()) << format_diagnostic(w.diagnostics.front());
  EXPECT_EQ(workspace_to_json(*w.value), text);  // written by workspace_to_json: canonical
  const auto sample = parse_dataset_json(read_source("assets/datasets/sample.json"), "sample.json");
  ASSERT_TRUE(sample.ok());
  const AppliedWorkspace a = apply_workspace(*sample.value, *w.value);
  EXPECT_TRUE(a.notes.empty());  // every id of the example is in the sample
  // One hidden, one added.
  EXPECT_EQ(a.dataset.programs.size(), sample.value->programs.size());
  EXPECT_EQ(a.dataset.programs.back().id, "MY-IM-LA-001");
  const RankListOrder r = rank_list_order(*w.value, a.dataset.programs);
  ASSERT_EQ(r.order.size(), 2u);
  EXPECT_EQ(a.dataset.programs[r.order[0]].id, "SAMPLE-IM-MS-001");
  EXPECT_EQ(a.dataset.programs[r.order[1]].id, "SAMPLE-IM-MS-002");
}

TEST(WorkspaceAssets, TheSchemaNamesWhatTheReaderReads) {
  const auto schema = nlohmann::json::parse(read_source("assets/schema/workspace.schema.json"));
  std::vector<std::string> statuses;
  for (const auto& s : schema["$defs"]["tracker_entry"]["properties"]["status"]["enum"]) statuses.push_back(s);
  std::vector<std::string> core_statuses;
  for (TrackerStatus s :
       {TrackerStatus::Considering, TrackerStatus::Applied, TrackerStatus::Invited, TrackerStatus::Interviewed,
        TrackerStatus::Ranked, TrackerStatus::Withdrawn, TrackerStatus::Rejected})
    core_statuses.emplace_back(to_string(s));
  EXPECT_EQ(statuses, core_statuses);
  std::vector<std::string> checklist;
  for (const auto& item : schema["$defs"]["tracker_entry"]["properties"]["checklist"]["properties"].items())
    checklist.push_back(item.key());
  EXPECT_EQ(checklist,
            (std::vector<std::string>{"email_coordinator", "open_house", "thank_you_sent", "top_choice_letter"}));
  // Every research fact is a property of a research entry (its outer name: "visa" for "visa.j1").
  const auto& props = schema["$defs"]["research_entry"]["properties"];
  for (std::string_view f : research_fact_fields()) {
    const std::string outer(f.substr(0, f.find('.')));
    EXPECT_TRUE(props.contains(outer)) << outer;
  }
  EXPECT_EQ(schema["properties"]["kind"]["const"], std::string(kWorkspaceKind));
}
