// JSON import and export of profiles and datasets: the contract's field names, unknown as null,
// positions in diagnostics, warnings, all-or-nothing import and byte-stable round trips.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "io_generators.h"
#include "openpick/core/io.h"

using namespace openpick::core;
using namespace openpick::testing;  // test_support.h, io_generators.h

namespace {

std::string good(const std::string& name) { return read_data("good/" + name); }

int count(const std::vector<Diagnostic>& ds, Severity s) {
  int n = 0;
  for (const auto& d : ds) n += d.severity == s;
  return n;
}

// The issue's example profile, verbatim.
const char* kIssueProfile = R"({"schema_version": 1, "graduate_type": "non_us_img",
 "visa": "j1",
 "step1": {"result": "pass", "attempts": 1},
 "step2ck": {"score": 221, "attempts": 1}, "step3_passed": false, "ecfmg_certified": true,
 "graduation_year": 2019, "match_year": 2027,
 "usce_months": {"hands_on": 3, "observership": 2}, "us_letters": 2, "research_items": 1,
 "specialties": [{"name": "Internal Medicine", "weight": 1.0}],
 "preferred_states": ["MS", "AR"], "budget_usd": 1500}
)";

}  // namespace

// ---- Profiles -----------------------------------------------------------------------------------

TEST(ProfileJson, ReadsTheIssueExample) {
  const auto r = parse_profile_json(kIssueProfile, "p.json");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r.diagnostics);
  const Profile& p = *r.value;
  EXPECT_EQ(p.graduate_type, GraduateType::NonUsImg);
  EXPECT_EQ(p.visa, VisaNeed::J1);
  EXPECT_EQ(p.step1.result, ExamResult::Pass);
  EXPECT_EQ(p.step2ck.score, 221);
  EXPECT_EQ(p.ecfmg_certified, true);
  EXPECT_EQ(p.graduation_year, 2019);
  EXPECT_EQ(p.match_year, 2027);
  EXPECT_EQ(p.usce_months.hands_on, 3.0);
  EXPECT_EQ(p.usce_months.observership, 2.0);
  ASSERT_EQ(p.specialties.size(), 1u);
  EXPECT_EQ(p.specialties[0].name, "Internal Medicine");
  EXPECT_EQ(p.preferred_states, (std::vector<std::string>{"MS", "AR"}));
  EXPECT_EQ(p.budget_usd, 1500.0);
}

TEST(ProfileJson, EveryEnumSpellingIsAccepted) {
  for (const char* gt : {"non_us_img", "us_img", "us_md", "us_do"})
    for (const char* visa : {"none", "j1", "h1b", "j1_or_h1b"}) {
      const std::string text =
          std::string(R"({"schema_version":1,"graduate_type":")") + gt + R"(","visa":")" + visa +
          R"(","step1":{"result":"not_taken","attempts":0},"graduation_year":2020,"match_year":2026})";
      const auto r = parse_profile_json(text, "p.json");
      ASSERT_TRUE(r.ok()) << text << all_messages(r.diagnostics);
      EXPECT_EQ(to_string(r.value->graduate_type), gt);
      EXPECT_EQ(to_string(r.value->visa), visa);
    }
}

TEST(ProfileJson, NullIsUnknownNeverZero) {
  const auto r = parse_profile_json(
      R"({"schema_version":1,"graduate_type":"us_md","visa":"none","step1":{"result":"pass","attempts":1},
          "step2ck":{"score":null,"attempts":0},"ecfmg_certified":null,"graduation_year":2026,
          "match_year":2026,"budget_usd":null})",
      "p.json");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_FALSE(r.value->step2ck.score.has_value());
  EXPECT_FALSE(r.value->ecfmg_certified.has_value());
  EXPECT_FALSE(r.value->budget_usd.has_value());
  // And they come back out as null, not 0.
  const std::string out = profile_to_json(*r.value);
  EXPECT_NE(out.find("\"score\": null"), std::string::npos) << out;
  EXPECT_NE(out.find("\"budget_usd\": null"), std::string::npos) << out;
}

TEST(ProfileJson, ExportHasFixedOrderIndentAndTrailingNewline) {
  const auto r = parse_profile_json(kIssueProfile, "p.json");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(profile_to_json(*r.value), R"({
  "schema_version": 1,
  "graduate_type": "non_us_img",
  "visa": "j1",
  "step1": {
    "result": "pass",
    "attempts": 1
  },
  "step2ck": {
    "score": 221,
    "attempts": 1
  },
  "step3_passed": false,
  "ecfmg_certified": true,
  "graduation_year": 2019,
  "match_year": 2027,
  "usce_months": {
    "hands_on": 3,
    "observership": 2
  },
  "us_letters": 2,
  "research_items": 1,
  "specialties": [
    {
      "name": "Internal Medicine",
      "weight": 1
    }
  ],
  "preferred_states": [
    "MS",
    "AR"
  ],
  "budget_usd": 1500
}
)");
}

TEST(ProfileJson, ErrorsNameLineColumnAndFieldAndSayWhatWasExpected) {
  const std::string text =
      "{\n"
      "  \"schema_version\": 1,\n"
      "  \"graduate_type\": \"img\",\n"
      "  \"visa\": \"j1\",\n"
      "  \"step2ck\": {\"score\": \"221\", \"attempts\": 9},\n"
      "  \"graduation_year\": 2019,\n"
      "  \"match_year\": 2027\n"
      "}\n";
  const auto r = parse_profile_json(text, "me.json");
  EXPECT_FALSE(r.ok());
  const Diagnostic* gt = find_field(r.diagnostics, "graduate_type");
  ASSERT_NE(gt, nullptr) << all_messages(r.diagnostics);
  EXPECT_EQ(format_diagnostic(*gt),
            "me.json:3:20: error: graduate_type: unknown graduate type \"img\"; expected one of "
            "non_us_img, us_img, us_md, us_do");
  const Diagnostic* score = find_field(r.diagnostics, "step2ck.score");
  ASSERT_NE(score, nullptr);
  EXPECT_EQ(score->line, 5);
  EXPECT_EQ(score->column, 24);
  EXPECT_NE(score->message.find("expected a Step 2 CK score (a whole number from 1 to 300), got \"221\""),
            std::string::npos);
  const Diagnostic* attempts = find_field(r.diagnostics, "step2ck.attempts");
  ASSERT_NE(attempts, nullptr);
  EXPECT_EQ(attempts->column, 43);
  EXPECT_EQ(count(r.diagnostics, Severity::Error), 3) << all_messages(r.diagnostics);
}

TEST(ProfileJson, SuspiciousValuesWarnButStillLoad) {
  const auto r = parse_profile_json(
      R"({"schema_version":1,"graduate_type":"non_us_img","visa":"h1b","step1":{"result":"pass","attempts":1},
          "step2ck":{"score":295,"attempts":1},"graduation_year":2028,"match_year":2027,"budget_usd":90000})",
      "w.json");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_EQ(count(r.diagnostics, Severity::Warning), 3) << all_messages(r.diagnostics);
  ASSERT_NE(find_field(r.diagnostics, "step2ck.score"), nullptr);
  ASSERT_NE(find_field(r.diagnostics, "graduation_year"), nullptr);
  EXPECT_NE(find_field(r.diagnostics, "graduation_year")->message.find("after match_year"), std::string::npos);
  ASSERT_NE(find_field(r.diagnostics, "budget_usd"), nullptr);
}

TEST(ProfileJson, UnknownFieldIsAWarningWithASuggestion) {
  const auto r = parse_profile_json(
      R"({"schema_version":1,"graduate_type":"us_img","visa":"none","step1":{"result":"pass","attempts":1},
          "graduation_year":2020,"match_year":2026,"us_leters":2})",
      "u.json");
  ASSERT_TRUE(r.ok());
  const Diagnostic* d = find_field(r.diagnostics, "us_leters");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::Warning);
  EXPECT_NE(d->message.find("did you mean \"us_letters\"?"), std::string::npos) << d->message;
  EXPECT_EQ(d->line, 2);
}

TEST(ProfileJson, MissingSchemaVersionIsToleratedNewerIsAnError) {
  const std::string body =
      R"("graduate_type":"us_img","visa":"none","step1":{"result":"pass","attempts":1},"graduation_year":2020,"match_year":2026})";
  const auto old = parse_profile_json("{" + body, "old.json");
  ASSERT_TRUE(old.ok());
  ASSERT_EQ(old.diagnostics.size(), 1u);
  EXPECT_EQ(old.diagnostics[0].severity, Severity::Warning);
  EXPECT_NE(old.diagnostics[0].message.find("assuming 1"), std::string::npos);
  const auto newer = parse_profile_json(R"({"schema_version":2,)" + body, "new.json");
  EXPECT_FALSE(newer.ok());
  ASSERT_FALSE(newer.diagnostics.empty());
  EXPECT_NE(newer.diagnostics[0].message.find("newer than this OpenPick reads"), std::string::npos);
}

TEST(ProfileJson, RoundTripPropertyOverGeneratedProfiles) {
  Draw d(0x0de7'a11e'0001);
  for (int i = 0; i < 300; ++i) {
    const Profile original = openpick::testing::random_profile(d);
    const std::string first = profile_to_json(original);
    const auto back = parse_profile_json(first, "gen.json");
    ASSERT_TRUE(back.ok()) << first << all_messages(back.diagnostics);
    expect_same(original, *back.value);
    ASSERT_EQ(profile_to_json(*back.value), first);
  }
}

// ---- Datasets -----------------------------------------------------------------------------------

TEST(DatasetJson, ReadsTheGoodFixture) {
  const auto r = parse_dataset_json(good("dataset_small.json"), "dataset_small.json");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r.diagnostics);
  const Dataset& ds = *r.value;
  EXPECT_EQ(ds.as_of, "2026-07");
  ASSERT_EQ(ds.programs.size(), 3u);
  const Program& a = ds.programs[0];
  EXPECT_EQ(a.track, Track::Categorical);
  EXPECT_EQ(a.setting, Setting::Community);
  EXPECT_EQ(a.positions, 8);
  EXPECT_EQ(a.img_share, 0.6);
  EXPECT_EQ(a.visa.j1, true);
  EXPECT_EQ(a.visa.h1b, false);
  EXPECT_EQ(a.cutoffs.step2ck_min, 220);
  EXPECT_EQ(a.cutoffs.max_years_since_graduation, 5);
  EXPECT_EQ(a.cutoffs.max_attempts, 1);
  EXPECT_EQ(a.cutoffs.usce_required, false);
  EXPECT_EQ(a.rural, true);
  ASSERT_EQ(a.sources.size(), 1u);
  EXPECT_EQ(a.sources[0].field, "visa.h1b");
  EXPECT_EQ(a.sources[0].year, 2026);
  // The second program states nothing: every fact unknown, none zero.
  const Program& b = ds.programs[1];
  EXPECT_EQ(b.track, Track::Preliminary);
  EXPECT_FALSE(b.setting);
  EXPECT_FALSE(b.positions);
  EXPECT_FALSE(b.img_share);
  EXPECT_FALSE(b.visa.j1);
  EXPECT_FALSE(b.cutoffs.step2ck_min);
  EXPECT_FALSE(b.rural);
  EXPECT_EQ(ds.programs[2].track, Track::PrimaryCare);
  EXPECT_EQ(ds.programs[2].setting, Setting::UniversityAffiliated);
}

TEST(DatasetJson, GoodFixtureIsAlreadyInCanonicalForm) {
  const std::string text = good("dataset_small.json");
  const auto r = parse_dataset_json(text, "dataset_small.json");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(dataset_to_json(*r.value), text);
}

TEST(DatasetJson, DuplicateIdsNameBothPrograms) {
  const auto r = parse_dataset_json(
      R"({"schema_version":1,"name":"d","programs":[
  {"id":"A","name":"x","specialty":"IM","state":"MS"},
  {"id":"B","name":"y","specialty":"IM","state":"MS"},
  {"id":"A","name":"z","specialty":"IM","state":"AR"}]})",
      "d.json");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r.diagnostics);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            "d.json:4:9: error: programs[2].id: duplicate id \"A\" (programs[0] has it too); expected each id once");
}

TEST(DatasetJson, ManyErrorsComeBackTogetherUpToTheCap) {
  std::string text = R"({"schema_version":1,"name":"d","programs":[)";
  for (int i = 0; i < 80; ++i) {
    if (i) text += ",\n";
    text += R"({"id":"P)" + std::to_string(i) + R"(","name":"x","specialty":"IM","state":"MS","img_share":45})";
  }
  text += "]}";
  const auto r = parse_dataset_json(text, "many.json");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(count(r.diagnostics, Severity::Error), kMaxImportErrors + 1);
  EXPECT_NE(r.diagnostics.back().message.find("too many errors"), std::string::npos);
  // Each names its own program and line, and hints at the percentage.
  EXPECT_EQ(r.diagnostics[3].field, "programs[3].img_share");
  EXPECT_EQ(r.diagnostics[3].line, 4);
  EXPECT_NE(r.diagnostics[3].message.find("write 0.45 for 45%"), std::string::npos) << r.diagnostics[3].message;
}

TEST(DatasetJson, DeepNestingIsRejectedWithoutCrashing) {
  const std::string text = std::string(100000, '[') + std::string(100000, ']');
  const auto r = parse_dataset_json(text, "deep.json");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].column, kMaxJsonDepth + 1);
  EXPECT_NE(r.diagnostics[0].message.find("nesting deeper than 64"), std::string::npos);
  // Deep but within the limit is just the wrong shape, reported normally.
  const auto ok_depth = parse_dataset_json(std::string(60, '[') + std::string(60, ']'), "d.json");
  ASSERT_EQ(ok_depth.diagnostics.size(), 1u);
  EXPECT_NE(ok_depth.diagnostics[0].message.find("expected a JSON object"), std::string::npos);
}

TEST(DatasetJson, WarningsDoNotBlockAndErrorsBlockEverything) {
  const std::string prefix =
      R"({"schema_version":1,"name":"d","programs":[{"id":"A","name":"x","specialty":"IM","state":"MS")";
  const auto warned = parse_dataset_json(prefix + R"(,"colour":"red"}]})", "d.json");
  ASSERT_TRUE(warned.ok());
  EXPECT_EQ(warned.diagnostics.size(), 1u);
  const auto failed =
      parse_dataset_json(prefix + R"(},{"id":"B","name":"y","specialty":"IM","state":"XX"}]})", "d.json");
  EXPECT_FALSE(failed.ok());  // one bad program: nothing is imported
  EXPECT_FALSE(failed.value.has_value());
}

TEST(DatasetJson, RoundTripPropertyOverGeneratedDatasets) {
  Draw d(0x0de7'a11e'0002);
  for (int i = 0; i < 60; ++i) {
    const Dataset original = openpick::testing::random_dataset(d, 1 + static_cast<int>(d.below(40)), true);
    const std::string first = dataset_to_json(original);
    const auto back = parse_dataset_json(first, "gen.json");
    ASSERT_TRUE(back.ok()) << all_messages(back.diagnostics);
    EXPECT_EQ(back.value->name, original.name);
    EXPECT_EQ(back.value->version, original.version);
    EXPECT_EQ(back.value->as_of, original.as_of);
    EXPECT_EQ(back.value->source, original.source);
    ASSERT_EQ(back.value->programs.size(), original.programs.size());
    for (std::size_t k = 0; k < original.programs.size(); ++k)
      expect_same(original.programs[k], back.value->programs[k]);
    ASSERT_EQ(dataset_to_json(*back.value), first);
  }
}

TEST(DatasetJson, PositionsSurviveCrlfAndAByteOrderMark) {
  const std::string text =
      "\xEF\xBB\xBF{\r\n  \"schema_version\": 1,\r\n  \"name\": \"d\",\r\n  \"programs\": [\r\n"
      "    {\"id\": \"A\", \"name\": \"x\", \"specialty\": \"IM\", \"state\": \"MS\", \"positions\": -1}\r\n  "
      "]\r\n}\r\n";
  const auto r = parse_dataset_json(text, "crlf.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].line, 5);
  EXPECT_EQ(r.diagnostics[0].column, 77);
}

TEST(DocumentKind, DecidedByExtensionAndTopLevelPrograms) {
  EXPECT_EQ(detect_document_kind("id,name", "x.CSV"), DocumentKind::ProgramsCsv);
  EXPECT_EQ(detect_document_kind(R"({"name":"d","programs":[]})", "d.json"), DocumentKind::Dataset);
  EXPECT_EQ(detect_document_kind(R"({"x":{"programs":[]},"visa":"j1"})", "p.json"), DocumentKind::Profile);
  EXPECT_EQ(detect_document_kind(kIssueProfile, "p.json"), DocumentKind::Profile);
}

// ---- Non-US IMG share and flexible cutoffs ------------------------------------------------------

namespace {
std::string one_program_dataset(const std::string& fields) {
  return R"({"schema_version": 1, "name": "t", "programs": [{"id": "P1", "name": "One",
 "specialty": "Internal Medicine", "state": "MS", )" +
         fields + "}]}";
}
}  // namespace

TEST(DatasetJson, ACutoffIsAPlainValueOrAValueWithItsStrictness) {
  const auto r = parse_dataset_json(one_program_dataset(R"("img_share": 0.6, "img_share_non_us": 0.45,
 "cutoffs": {"step2ck_min": {"value": 220, "strict": false}, "max_years_since_graduation": 5,
             "max_attempts": {"value": 2, "strict": true}, "usce_required": {"value": true, "strict": false}})"),
                                    "t.json");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r.diagnostics);
  const Program& p = r.value->programs.at(0);
  EXPECT_EQ(p.img_share, 0.6);
  EXPECT_EQ(p.img_share_non_us, 0.45);
  EXPECT_EQ(p.cutoffs.step2ck_min, 220);
  EXPECT_FALSE(p.cutoffs.strict.step2ck_min);
  EXPECT_EQ(p.cutoffs.max_years_since_graduation, 5);
  EXPECT_TRUE(p.cutoffs.strict.max_years_since_graduation);
  EXPECT_EQ(p.cutoffs.max_attempts, 2);
  EXPECT_TRUE(p.cutoffs.strict.max_attempts);
  EXPECT_EQ(p.cutoffs.usce_required, true);
  EXPECT_FALSE(p.cutoffs.strict.usce_required);
  // Written back: a flexible cutoff as {"value", "strict": false}, a strict one as its plain value.
  const std::string out = dataset_to_json(*r.value);
  EXPECT_NE(out.find("\"step2ck_min\": {\n          \"value\": 220,\n          \"strict\": false\n        }"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(R"("max_attempts": 2)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("img_share_non_us": 0.45)"), std::string::npos) << out;
}

TEST(DatasetJson, ABadCutoffObjectIsNamedByItsPath) {
  // "strict" without a value, "strict" not a boolean, a value out of range, an unknown member.
  const auto r = parse_dataset_json(one_program_dataset(R"("cutoffs": {"step2ck_min": {"strict": false},
 "max_attempts": {"value": 2, "strict": "no"}, "max_years_since_graduation": {"value": 99},
 "usce_required": {"value": true, "stric": false}})"),
                                    "t.json");
  EXPECT_FALSE(r.ok());
  const Diagnostic* missing = find_field(r.diagnostics, "programs[0].cutoffs.step2ck_min.value");
  ASSERT_NE(missing, nullptr) << all_messages(r.diagnostics);
  EXPECT_EQ(missing->severity, Severity::Error);
  const Diagnostic* strict = find_field(r.diagnostics, "programs[0].cutoffs.max_attempts.strict");
  ASSERT_NE(strict, nullptr) << all_messages(r.diagnostics);
  EXPECT_NE(strict->message.find("true or false"), std::string::npos) << strict->message;
  ASSERT_NE(find_field(r.diagnostics, "programs[0].cutoffs.max_years_since_graduation.value"), nullptr)
      << all_messages(r.diagnostics);
  const Diagnostic* typo = find_field(r.diagnostics, "programs[0].cutoffs.usce_required.stric");
  ASSERT_NE(typo, nullptr) << all_messages(r.diagnostics);
  EXPECT_EQ(typo->severity, Severity::Warning);
  EXPECT_NE(typo->message.find("strict"), std::string::npos) << typo->message;
}

TEST(DatasetJson, ANonUSShareAboveTheShareOfAllIMGsWarns) {
  const auto r = parse_dataset_json(one_program_dataset(R"("img_share": 0.3, "img_share_non_us": 0.5)"), "t.json");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  const Diagnostic* d = find_field(r.diagnostics, "programs[0].img_share_non_us");
  ASSERT_NE(d, nullptr) << all_messages(r.diagnostics);
  EXPECT_EQ(d->severity, Severity::Warning);
  const auto percent = parse_dataset_json(one_program_dataset(R"("img_share_non_us": 45)"), "t.json");
  EXPECT_FALSE(percent.ok()) << "45 is a percentage, not a share";
}
