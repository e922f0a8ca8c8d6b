// Exam and certification status for the whole Match, and the rank list after interviews: a failed
// or missing Step is said first and the chance is conditional on passing; a failure never scores
// better than passing later; an interview waives a stated cutoff; after the same interviews a
// weaker profile never beats a stronger one.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "openpick/core/advice.h"
#include "openpick/core/exam_status.h"
#include "openpick/core/planner.h"
#include "openpick/core/rank_list.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

Profile base_profile() {
  return openpick::testing::ProfileBuilder()
      .graduate(GraduateType::NonUsImg)
      .visa(VisaNeed::J1)
      .step2ck(232)
      .match_year(2026)
      .graduated(2022)
      .usce(3)
      .us_letters(2)
      .specialties({{"Internal Medicine", 1.0}})
      .build();
}

Program im_program(const std::string& id, double img_share) {
  Program p;
  p.id = id;
  p.name = id;
  p.specialty = "Internal Medicine";
  p.state = "OH";
  p.setting = Setting::Community;
  p.img_share = img_share;
  p.visa.j1 = true;
  return p;
}

Dataset small_dataset() {
  Dataset d;
  d.name = "small";
  for (int i = 0; i < 12; ++i) d.programs.push_back(im_program("IM-" + std::to_string(i), 0.2 + 0.05 * i));
  return d;
}

bool contains(const std::vector<std::string>& lines, const std::string& needle) {
  for (const auto& l : lines)
    if (l.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(ExamStatus, PassMarksFollowTheExamDate) {
  // PUBLISHED: 209 before July 2022, 214 from July 2022, 218 from 1 July 2025.
  EXPECT_EQ(step2ck_pass_mark(2021, 12), 209);
  EXPECT_EQ(step2ck_pass_mark(2022, 6), 209);
  EXPECT_EQ(step2ck_pass_mark(2022, 7), 214);
  EXPECT_EQ(step2ck_pass_mark(2025, 6), 214);
  EXPECT_EQ(step2ck_pass_mark(2025, 7), 218);
  EXPECT_EQ(step2ck_pass_mark(2030, 1), 218);
}

TEST(ExamStatus, AScoreUnderTheMarkIsAFailedAttemptNotALowPass) {
  Profile p = base_profile();
  p.step2ck.score = 210;  // 2026 Match, no date: assumed taken from July 2025, mark 218
  const ExamStatus s = exam_status(p);
  EXPECT_FALSE(s.step2ck_passed);
  EXPECT_EQ(s.step2ck_pass_mark, 218);
  EXPECT_TRUE(s.pass_mark_date_assumed);
  ASSERT_EQ(s.must.size(), 1u);
  EXPECT_NE(s.must[0].find("Step 2 CK 210 is under the passing score of 218"), std::string::npos) << s.must[0];
  EXPECT_NE(s.must[0].find("failed attempt"), std::string::npos);
  EXPECT_NE(s.must[0].find("withdrawn from the Match"), std::string::npos);
  ASSERT_EQ(s.conditional_on.size(), 1u);
  // Programs will read two attempts and, with no expected score given, a pass at the mark.
  EXPECT_EQ(modelled_attempts(p), 2);
  EXPECT_EQ(modelled_step2ck(p), 218);
  p.step2ck.expected_score = 231;
  EXPECT_EQ(modelled_step2ck(p), 231);
  // Taken in March 2024, when the mark was 214: 216 passed.
  p = base_profile();
  p.step2ck.score = 216;
  p.step2ck.date = "2024-03";
  EXPECT_TRUE(exam_status(p).step2ck_passed);
  EXPECT_TRUE(exam_status(p).must.empty());
  EXPECT_EQ(modelled_step2ck(p), 216);
  EXPECT_EQ(modelled_attempts(p), 1);
}

TEST(ExamStatus, StepOneNotPassedIsSaidFirstAndTheChanceIsConditional) {
  Profile p = base_profile();
  p.step1.result = ExamResult::Fail;
  p.step1.attempts = 1;
  const ExamStatus s = exam_status(p);
  EXPECT_FALSE(s.step1_passed);
  ASSERT_FALSE(s.must.empty());
  EXPECT_NE(s.must[0].find("Step 1 is not passed yet"), std::string::npos);
  EXPECT_NE(s.must[0].find("rank order list deadline of the 2026 Match"), std::string::npos);
  EXPECT_TRUE(contains(s.conditional_on, "attempt 2"));

  const Dataset d = small_dataset();
  PlanOptions o;
  o.whatif = false;
  const Plan plan = make_plan(p, d, o, Model{});
  ASSERT_FALSE(plan.notes.empty());
  EXPECT_EQ(plan.notes.front(), s.must.front());
  EXPECT_EQ(plan.conditional_on, s.conditional_on);
  const auto j = nlohmann::json::parse(plan_to_json(plan, d, {}));
  EXPECT_EQ(j["conditional_on"].size(), 1u);
  EXPECT_EQ(j["notes"][0], s.must.front());
}

TEST(ExamStatus, AFailureNeverScoresBetterThanPassingLater) {
  const Dataset d = small_dataset();
  PlanOptions o;
  o.whatif = false;
  o.assumption_range = false;
  o.max_applications = 8;
  const Model model;
  // Step 1: failed once and not passed vs passed on the second attempt.
  Profile failed = base_profile();
  failed.step1 = {ExamResult::Fail, 1};
  Profile passed_later = base_profile();
  passed_later.step1 = {ExamResult::Pass, 2};
  const double p_failed = make_plan(failed, d, o, model).p_match;
  const double p_later = make_plan(passed_later, d, o, model).p_match;
  EXPECT_LE(p_failed, p_later + 1e-12);
  EXPECT_NEAR(p_failed, p_later, 1e-12) << "programs read the failure as one more attempt, nothing more";
  EXPECT_LT(p_later, make_plan(base_profile(), d, o, model).p_match);
  // Step 2 CK: a 210 is a failed attempt; never better than passing at the second attempt with 218.
  Profile fail210 = base_profile();
  fail210.step2ck = {210, 1};
  Profile pass218 = base_profile();
  pass218.step2ck = {218, 2};
  EXPECT_LE(make_plan(fail210, d, o, model).p_match, make_plan(pass218, d, o, model).p_match + 1e-12);
  // And a 210 is never better than a 218 on the first attempt.
  Profile first218 = base_profile();
  first218.step2ck = {218, 1};
  EXPECT_LT(make_plan(fail210, d, o, model).p_match, make_plan(first218, d, o, model).p_match);
}

TEST(ExamStatus, StepTwoNotTakenAsksForAnExpectedScore) {
  Profile p = base_profile();
  p.step2ck.score.reset();
  p.step2ck.attempts = 0;
  ExamStatus s = exam_status(p);
  EXPECT_FALSE(s.step2ck_taken);
  EXPECT_TRUE(contains(s.must, "Step 2 CK is not taken yet"));
  EXPECT_TRUE(contains(s.conditional_on, "give the score you expect"));
  EXPECT_FALSE(modelled_step2ck(p).has_value());
  p.step2ck.expected_score = 236;
  s = exam_status(p);
  EXPECT_TRUE(contains(s.conditional_on, "236, the score you expect"));
  EXPECT_EQ(modelled_step2ck(p), 236);
  // The model reads the expected score and says so.
  const ProgramChance c = Model{}.score(p, im_program("X", 0.4));
  bool said = false;
  for (const auto& t : c.terms) said |= t.text.find("Step 2 CK 236 (on your next attempt)") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(ExamStatus, NotCertifiedIsSaidForAnImgOnly) {
  Profile p = base_profile();
  p.ecfmg_certified = false;
  EXPECT_TRUE(contains(exam_status(p).must, "not ECFMG certified yet"));
  p.graduate_type = GraduateType::UsMd;
  EXPECT_TRUE(exam_status(p).must.empty());
}

// ---- after interviews ---------------------------------------------------------------------------

TEST(RankListAfterInterviews, AnInterviewWaivesAStatedCutoffAndSaysSo) {
  Dataset d = small_dataset();
  d.programs[0].cutoffs.max_years_since_graduation = 3;  // the applicant is 8 years out
  d.programs[1].visa.j1 = false;                         // and needs a J-1
  Profile p = base_profile();
  p.graduation_year = 2018;
  const Model model;
  EXPECT_FALSE(model.score(p, d.programs[0]).eligible);
  const RankListOutcome out = rank_list_outcome(p, d, {0, 1}, model);
  EXPECT_GT(out.p_match, 0.0) << "a waived cutoff no longer wipes out the list";
  EXPECT_GT(out.p_match_at[0], 0.0);
  EXPECT_GT(out.p_match_at[1], 0.0);
  EXPECT_TRUE(contains(out.notes, "IM-0 interviewed you although 8 years since graduation"));
  EXPECT_TRUE(contains(out.notes, "IM-1 interviewed you although needs a J-1 visa"));
}

// A flexible cutoff missed lowers the chance of an interview; once interviewed, it is waived like a
// strict one: the rank stage then reads the program as if it stated no cutoff.
TEST(RankListAfterInterviews, AnInterviewWaivesAFlexibleCutoffToo) {
  Dataset d = small_dataset();
  Dataset plain = d;
  d.programs[0].cutoffs.max_years_since_graduation = 3;  // the applicant is 8 years out
  d.programs[0].cutoffs.strict.max_years_since_graduation = false;
  Profile p = base_profile();
  p.graduation_year = 2018;
  const Model model;
  EXPECT_TRUE(model.score(p, d.programs[0]).eligible);
  EXPECT_LT(model.score(p, d.programs[0]).p_interview, model.score(p, plain.programs[0]).p_interview);
  const RankListOutcome waived = rank_list_outcome(p, d, {0, 1}, model);
  const RankListOutcome none = rank_list_outcome(p, plain, {0, 1}, model);
  EXPECT_EQ(waived.p_match, none.p_match);
  EXPECT_TRUE(contains(waived.notes, "IM-0 interviewed you although 8 years since graduation"));
}

TEST(RankListAfterInterviews, EachInterviewConvertsAtTheRankStageLogit) {
  // With no correlation on the rank stage, a one-program list matches with exactly
  // logistic(m_s + shift + lambda * T), T = the interview logit less the specialty's intercept.
  ModelParams params = default_model_params();
  params.sigma_match = 0.0;
  const Model model(params);
  const Dataset d = small_dataset();
  const Profile p = base_profile();
  const ProgramChance c = model.score(p, d.programs[3], {false, false});
  const SpecialtyParams& sp = model.specialty("Internal Medicine");
  const double t = c.logits.interview - sp.interview_intercept;
  const double expected =
      1.0 /
      (1.0 + std::exp(-(sp.match_given_interview + params.match_given_interview_shift + params.rank_stage_weight * t)));
  EXPECT_NEAR(rank_list_outcome(p, d, {3}, model).p_match, expected, 1e-9);
  // Two programs: 1 - (1 - a)(1 - b), still without correlation.
  const ProgramChance c2 = model.score(p, d.programs[7], {false, false});
  const double t2 = c2.logits.interview - sp.interview_intercept;
  const double b = 1.0 / (1.0 + std::exp(-(sp.match_given_interview + params.rank_stage_weight * t2)));
  EXPECT_NEAR(rank_list_outcome(p, d, {3, 7}, model).p_match, 1.0 - (1.0 - expected) * (1.0 - b), 1e-9);
}

TEST(RankListAfterInterviews, AWeakerProfileNeverBeatsAStrongerOneAfterTheSameInterviews) {
  const Dataset d = small_dataset();
  const Model model;
  const std::vector<std::size_t> ranks = {2, 5, 8, 11};
  const Profile base = base_profile();
  const double p0 = rank_list_outcome(base, d, ranks, model).p_match;
  std::vector<Profile> better(6, base);
  better[0].step2ck.score = 242;
  better[1].us_letters = 4;
  better[2].usce_months.hands_on = 8;
  better[3].step3_passed = true;
  better[4].graduation_year = 2024;
  better[5].visa = VisaNeed::None;
  for (std::size_t i = 0; i < better.size(); ++i)
    EXPECT_GT(rank_list_outcome(better[i], d, ranks, model).p_match, p0) << "improvement " << i;
  Profile worse = base;
  worse.step1 = {ExamResult::Pass, 3};
  EXPECT_LT(rank_list_outcome(worse, d, ranks, model).p_match, p0);
}

TEST(RankListAfterInterviews, RanksBeyondTwentyCostTheNrmpFee) {
  Dataset d;
  for (int i = 0; i < 23; ++i) d.programs.push_back(im_program("P" + std::to_string(i), 0.4));
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < 23; ++i) all.push_back(i);
  EXPECT_DOUBLE_EQ(rank_list_outcome(base_profile(), d, all, Model{}).extra_rank_fee_usd, 3 * 30.0);
  all.resize(20);
  EXPECT_DOUBLE_EQ(rank_list_outcome(base_profile(), d, all, Model{}).extra_rank_fee_usd, 0.0);
}
