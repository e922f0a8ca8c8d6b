// The profile's rules as data (profile_rules.h): the importer accepts exactly the ranges the rules
// state, check_profile gives the importer's cross-field messages, the new fields round-trip with
// unknown as absent, and the decisive facts block only what they should.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "openpick/core/io.h"
#include "openpick/core/profile_rules.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

using openpick::testing::all_messages;
using openpick::testing::find_field;
using openpick::testing::read_source;

constexpr const char* kStep1 = R"({"result":"pass","attempts":1})";
constexpr const char* kStep2ck = R"({"score":230,"attempts":1})";

// A complete profile with its exams and one more member (e.g. "\"us_letters\": 20").
std::string doc(const std::string& member, const std::string& step1 = kStep1, const std::string& step2ck = kStep2ck) {
  return R"({"schema_version":1,"graduate_type":"non_us_img","visa":"j1",
             "step1":)" +
         step1 + R"(,"step2ck":)" + step2ck + R"(,
             "graduation_year":2020,"match_year":2027,"specialties":[{"name":"Internal Medicine","weight":1}],)" +
         member + "}";
}
std::string with(const std::string& member) { return doc(member); }

}  // namespace

TEST(ProfileRules, TheImporterAcceptsEachRangeToItsEdgesAndNoFurther) {
  struct Case {
    const char* key;
    Range<int> range;
  };
  for (const Case& c : {Case{"us_letters", kUsLettersRange}, Case{"research_items", kResearchItemsRange},
                        Case{"specialty_letters", kSpecialtyLettersRange}}) {
    SCOPED_TRACE(c.key);
    const std::string key = std::string("\"") + c.key + "\": ";
    EXPECT_TRUE(parse_profile_json(with(key + std::to_string(c.range.min)), "p.json").ok());
    EXPECT_TRUE(parse_profile_json(with(key + std::to_string(c.range.max)), "p.json").ok());
    EXPECT_FALSE(parse_profile_json(with(key + std::to_string(c.range.min - 1)), "p.json").ok());
    EXPECT_FALSE(parse_profile_json(with(key + std::to_string(c.range.max + 1)), "p.json").ok());
  }
  const auto score = [](int s) {
    return parse_profile_json(doc("\"us_letters\":1", kStep1, "{\"score\":" + std::to_string(s) + ",\"attempts\":1}"),
                              "p.json");
  };
  EXPECT_TRUE(score(kStepScoreRange.min).ok());
  EXPECT_TRUE(score(kStepScoreRange.max).ok());
  EXPECT_FALSE(score(kStepScoreRange.max + 1).ok());
}

TEST(ProfileRules, CheckProfileGivesTheImportersCrossFieldMessages) {
  Profile p;
  p.graduation_year = 2028;
  p.match_year = 2027;
  p.step1 = {ExamResult::NotTaken, 2, std::nullopt};
  p.step2ck.score = 295;
  p.step2ck.attempts = 0;
  p.specialties = {{"Internal Medicine", 1.0}, {"Internal Medicine", 0.0}};
  p.budget_usd = 90000.0;
  const auto checks = check_profile(p);
  std::vector<std::string> fields;
  for (const auto& c : checks) fields.push_back(c.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"step1.attempts", "step2ck.score", "step2ck.attempts", "graduation_year",
                                              "specialties[1].weight", "specialties[1].name", "budget_usd"}));
  // The importer states the same messages at the same fields, with the document's indexes.
  const auto r = parse_profile_json(
      R"({"schema_version":1,"graduate_type":"non_us_img","visa":"j1",
          "step1":{"result":"not_taken","attempts":2},"step2ck":{"score":295,"attempts":0},
          "graduation_year":2028,"match_year":2027,
          "specialties":[{"name":"Internal Medicine","weight":1},{"weight":0.5},{"name":"Internal Medicine","weight":0}],
          "budget_usd":90000})",
      "x.json");
  EXPECT_FALSE(r.ok());
  const Diagnostic* dup = find_field(r.diagnostics, "specialties[2].name");
  ASSERT_NE(dup, nullptr) << all_messages(r.diagnostics);
  EXPECT_EQ(dup->message, checks[5].message);
  EXPECT_EQ(dup->line, 4) << all_messages(r.diagnostics);
  for (const char* f : {"step1.attempts", "step2ck.attempts", "graduation_year", "budget_usd", "specialties[2].weight"})
    EXPECT_NE(find_field(r.diagnostics, f), nullptr) << f << "\n" << all_messages(r.diagnostics);
}

TEST(ProfileRules, AFieldAlreadyReportedRaisesNoSecondComplaint) {
  // An unreadable result is one error; its attempts are not then judged against a default.
  const auto r = parse_profile_json(doc("\"us_letters\":1", R"({"result":"passed","attempts":0})"), "p.json");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(find_field(r.diagnostics, "step1.attempts"), nullptr) << all_messages(r.diagnostics);
  EXPECT_NE(find_field(r.diagnostics, "step1.result"), nullptr) << all_messages(r.diagnostics);
}

TEST(ProfileRules, NewFieldsRoundTripAndUnknownIsAbsent) {
  const std::string text = doc(R"("state_ties":[{"state":"MS","kind":"trained"},{"state":"TX","kind":"family"}],
      "specialty_letters":2)",
                               R"({"result":"pass","attempts":1,"score":221})",
                               R"({"score":214,"attempts":1,"expected_score":232,"date":"2025-08"})");
  const auto r = parse_profile_json(text, "n.json");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics) << text;
  const Profile& p = *r.value;
  EXPECT_EQ(p.step1.score, 221);
  EXPECT_EQ(p.step2ck.score, 214);
  EXPECT_EQ(p.step2ck.expected_score, 232);
  EXPECT_EQ(p.step2ck.date, "2025-08");
  ASSERT_EQ(p.state_ties.size(), 2u);
  EXPECT_EQ(p.state_ties[1].state, "TX");
  EXPECT_EQ(p.state_ties[1].kind, TieKind::Family);
  EXPECT_EQ(p.specialty_letters, 2);
  const std::string out = profile_to_json(p);
  EXPECT_NE(out.find("\"date\": \"2025-08\""), std::string::npos) << out;
  const auto back = parse_profile_json(out, "out.json");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(profile_to_json(*back.value), out);

  // Not given: absent, never zero, and not written.
  const auto plain = parse_profile_json(with("\"us_letters\": 2"), "p.json");
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain.value->step1.score.has_value());
  EXPECT_FALSE(plain.value->step2ck.expected_score.has_value());
  EXPECT_FALSE(plain.value->step2ck.date.has_value());
  EXPECT_FALSE(plain.value->specialty_letters.has_value());
  const std::string plain_out = profile_to_json(*plain.value);
  for (const char* key : {"expected_score", "date", "state_ties", "specialty_letters", "unanswered", "\"score\": 0"})
    EXPECT_EQ(plain_out.find(key), std::string::npos) << key;
}

TEST(ProfileRules, BadNewFieldsAreClearErrors) {
  const auto bad_date =
      parse_profile_json(doc("\"us_letters\":1", kStep1, R"({"score":230,"attempts":1,"date":"08/2025"})"), "d.json");
  EXPECT_FALSE(bad_date.ok());
  const Diagnostic* d = find_field(bad_date.diagnostics, "step2ck.date");
  ASSERT_NE(d, nullptr) << all_messages(bad_date.diagnostics);
  EXPECT_NE(d->message.find("\"YYYY-MM\""), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("\"08/2025\""), std::string::npos) << d->message;

  const auto bad_tie = parse_profile_json(
      with(R"("state_ties":[{"state":"ms","kind":"trained"},{"state":"MS","kind":"born"}])"), "t.json");
  EXPECT_FALSE(bad_tie.ok());
  const Diagnostic* state = find_field(bad_tie.diagnostics, "state_ties[0].state");
  ASSERT_NE(state, nullptr) << all_messages(bad_tie.diagnostics);
  EXPECT_NE(state->message.find("in capitals: \"MS\""), std::string::npos);
  const Diagnostic* kind = find_field(bad_tie.diagnostics, "state_ties[1].kind");
  ASSERT_NE(kind, nullptr) << all_messages(bad_tie.diagnostics);
  EXPECT_NE(kind->message.find("trained, lived, family"), std::string::npos) << kind->message;

  const auto step1_score_not_taken =
      parse_profile_json(doc("\"us_letters\":1", R"({"result":"not_taken","attempts":0,"score":230})"), "s.json");
  EXPECT_FALSE(step1_score_not_taken.ok());
  EXPECT_NE(find_field(step1_score_not_taken.diagnostics, "step1.score"), nullptr)
      << all_messages(step1_score_not_taken.diagnostics);
}

TEST(ProfileRules, DecisiveFacts) {
  EXPECT_EQ(unanswered_facts(blank_profile()).size(), 5u);
  // Complete documents, and every example profile, answer all of them.
  EXPECT_TRUE(unanswered_facts(*parse_profile_json(with("\"us_letters\":1"), "p.json").value).empty());
  for (const char* name : {"seed_delta_img.json", "strong_img_h1b.json", "us_img.json", "us_md_senior.json"}) {
    const auto r = parse_profile_json(read_source(std::string("assets/profiles/") + name), name);
    ASSERT_TRUE(r.ok()) << name;
    EXPECT_TRUE(unanswered_facts(*r.value).empty()) << name;
  }
  // A document that leaves the exams out has not answered them (and says so when written back).
  const auto no_exams = parse_profile_json(
      R"({"schema_version":1,"graduate_type":"us_img","visa":"none","graduation_year":2020,"match_year":2027,
          "specialties":[{"name":"Family Medicine"}]})",
      "n.json");
  ASSERT_TRUE(no_exams.ok());
  EXPECT_EQ(unanswered_facts(*no_exams.value), (std::vector<DecisiveFact>{DecisiveFact::Step1, DecisiveFact::Step2ck}));
  const std::string out = profile_to_json(*no_exams.value);
  EXPECT_NE(out.find("\"unanswered\": [\n    \"step1\",\n    \"step2ck\"\n  ]"), std::string::npos) << out;
  const auto back = parse_profile_json(out, "back.json");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(unanswered_facts(*back.value).size(), 2u);

  // A blank profile written and read back keeps every fact unanswered.
  const auto blank = parse_profile_json(profile_to_json(blank_profile()), "blank.json");
  ASSERT_TRUE(blank.ok()) << all_messages(blank.diagnostics);
  EXPECT_EQ(unanswered_facts(*blank.value).size(), 5u);
  for (DecisiveFact f : kDecisiveFacts) EXPECT_NE(std::string(question(f)), "");
}

TEST(ProfileRules, DeepSouthListsAreNamedAndDistinct) {
  for (const char* s : {"AL", "AR", "GA", "LA", "MS", "SC", "TN"}) EXPECT_TRUE(is_deep_south(s)) << s;
  EXPECT_FALSE(is_deep_south("KY"));
  EXPECT_TRUE(is_delta_region("KY"));
  EXPECT_TRUE(is_delta_region("MO"));
  EXPECT_FALSE(is_delta_region("SC"));
}
