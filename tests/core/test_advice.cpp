// The strategy advice: each item fires on the facts that make it apply, says why, and names where
// it comes from. The guidance the seed brief gives and the page lacked (J-1 route, Step 3 for
// H-1B with its deadline, OET Medicine for ECFMG, who the Fee Assistance Program is for, the
// answer about low scores, one "top choice" letter).
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "openpick/core/advice.h"
#include "openpick/core/planner.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

Profile img(VisaNeed visa) {
  return openpick::testing::ProfileBuilder()
      .graduate(GraduateType::NonUsImg)
      .visa(visa)
      .step1(ExamResult::Pass, 1)
      .step2ck(246, 1)
      .ecfmg_certified(true)
      .graduated(2024)
      .match_year(2027)
      .usce(3)
      .us_letters(3)
      .specialties({{"Internal Medicine", 1.0}})
      .build();
}

// The item with this id, copied out (the list is often a temporary), or nullopt.
std::optional<Advice> find(const std::vector<Advice>& advice, const std::string& id) {
  for (const auto& a : advice)
    if (a.id == id) return a;
  return std::nullopt;
}

}  // namespace

TEST(Advice, EveryItemSaysWhyAndWhereItComesFrom) {
  Profile p = img(VisaNeed::J1OrH1b);
  p.ecfmg_certified.reset();
  p.step1.attempts = 2;
  p.graduation_year = 2017;
  p.us_letters = 0;
  p.usce_months.hands_on = 0;
  *p.step2ck.score = 218;
  const auto advice = advise(p, nullptr);
  EXPECT_GE(advice.size(), 10u);
  for (const auto& a : advice) {
    EXPECT_FALSE(a.title.empty()) << a.id;
    EXPECT_FALSE(a.why.empty()) << a.id;
    EXPECT_FALSE(a.source.empty()) << a.id << ": no source";
  }
}

TEST(Advice, TheJ1RouteIsSaidToThoseWhoMayTrainOnAJ1) {
  for (VisaNeed v : {VisaNeed::J1, VisaNeed::J1OrH1b}) {
    const std::optional<Advice> a = find(advise(img(v), nullptr), "j1_route");
    ASSERT_TRUE(a.has_value());
    EXPECT_NE(a->why.find("two years in your home country"), std::string::npos) << a->why;
    EXPECT_NE(a->why.find("Conrad 30"), std::string::npos);
    EXPECT_NE(a->why.find("Delta Doctors"), std::string::npos);
    EXPECT_NE(a->source.find("ECFMG"), std::string::npos);
  }
  EXPECT_FALSE(find(advise(img(VisaNeed::H1b), nullptr), "j1_route").has_value());
  EXPECT_FALSE(find(advise(img(VisaNeed::None), nullptr), "j1_route").has_value());
  Profile md = img(VisaNeed::J1);
  md.graduate_type = GraduateType::UsMd;  // needs no visa at all
  EXPECT_FALSE(find(advise(md, nullptr), "j1_route").has_value());
}

TEST(Advice, Step3ForH1BNamesTheMatchYearsDeadline) {
  const std::optional<Advice> a = find(advise(img(VisaNeed::H1b), nullptr), "step3_before_ranking");
  ASSERT_TRUE(a.has_value());
  EXPECT_NE(a->why.find("early March 2027"), std::string::npos) << a->why;
  Profile passed = img(VisaNeed::H1b);
  passed.step3_passed = true;
  EXPECT_FALSE(find(advise(passed, nullptr), "step3_before_ranking").has_value());
  EXPECT_FALSE(find(advise(img(VisaNeed::J1), nullptr), "step3_before_ranking").has_value());
}

TEST(Advice, OETMedicineIsSaidToAnIMGNotYetCertified) {
  Profile p = img(VisaNeed::J1);
  EXPECT_FALSE(find(advise(p, nullptr), "oet_for_ecfmg").has_value()) << "already certified";
  p.ecfmg_certified = false;
  const std::optional<Advice> a = find(advise(p, nullptr), "oet_for_ecfmg");
  ASSERT_TRUE(a.has_value());
  EXPECT_NE(a->why.find("OET Medicine"), std::string::npos);
  EXPECT_NE(a->why.find("TOEFL does not count"), std::string::npos);
  p.ecfmg_certified.reset();
  EXPECT_TRUE(find(advise(p, nullptr), "oet_for_ecfmg").has_value()) << "unknown: said too";
}

TEST(Advice, FeeAssistanceIsQuestionedWhenANonUSIMGsPlanCountsOnIt) {
  Plan plan;
  plan.cost_by_service.push_back({});
  const Profile p = img(VisaNeed::J1);
  EXPECT_FALSE(find(advise(p, &plan), "fee_assistance_rarely_applies").has_value()) << "no discount in the plan";
  plan.cost_by_service.back().assistance_discount_usd = 120.0;
  const std::optional<Advice> a = find(advise(p, &plan), "fee_assistance_rarely_applies");
  ASSERT_TRUE(a.has_value());
  EXPECT_NE(a->why.find("rarely qualifies"), std::string::npos) << a->why;
  Profile us_img = p;
  us_img.graduate_type = GraduateType::UsImg;
  us_img.visa = VisaNeed::None;
  EXPECT_FALSE(find(advise(us_img, &plan), "fee_assistance_rarely_applies").has_value());
  EXPECT_NE(std::string(fee_assistance_eligibility()).find("permanent residents"), std::string::npos);
}

TEST(Advice, TheAnswerAboutLowScoresAndOneTopChoiceLetter) {
  Profile strong = img(VisaNeed::J1);  // one attempt, 246, 3 years out
  EXPECT_FALSE(find(advise(strong, nullptr), "own_your_story").has_value());
  Profile attempts = strong;
  attempts.step1 = {ExamResult::Pass, 2};
  const std::optional<Advice> a = find(advise(attempts, nullptr), "own_your_story");
  ASSERT_TRUE(a.has_value());
  EXPECT_NE(a->why.find("exam attempts"), std::string::npos) << a->why;
  Profile low = strong;
  *low.step2ck.score = 221;
  EXPECT_TRUE(find(advise(low, nullptr), "own_your_story").has_value());
  const std::optional<Advice> letter = find(advise(strong, nullptr), "one_top_choice_letter");
  ASSERT_TRUE(letter.has_value());
  EXPECT_NE(letter->why.find("one program only"), std::string::npos);
  Profile md = strong;
  md.graduate_type = GraduateType::UsMd;
  md.visa = VisaNeed::None;
  EXPECT_FALSE(find(advise(md, nullptr), "own_your_story").has_value());
}
