// "Research these next" (research.h): the gain of learning a program's unknown facts, checked
// against the decision rule worked out here from whole lists: each outcome of the fact is the
// program with that fact stated (the model then reads it by its own terms), its P(match) comes from
// Model::evaluate_list over explicit lists, and the applicant keeps the better of the lists the
// rule allows. None of research.cpp's node products are reused.
#include <gtest/gtest.h>

#include <algorithm>

#include "openpick/core/calibration.h"
#include "openpick/core/planner.h"
#include "openpick/core/research.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

Profile j1_img() {
  return openpick::testing::ProfileBuilder()
      .graduate(GraduateType::NonUsImg)
      .visa(VisaNeed::J1)
      .step2ck(240, 1)
      .ecfmg_certified(true)
      .graduated(2023)
      .match_year(2026)
      .usce(3)
      .us_letters(2)
      .specialties({{"Internal Medicine", 1.0}})
      .build();
}

const double kTypical = default_model_params().specialties.front().typical_img_share;  // IM

Program im(const std::string& id, Setting setting, double non_us_share) {
  Program p;
  p.id = id;
  p.name = id;
  p.specialty = "Internal Medicine";
  p.state = "OH";
  p.setting = setting;
  p.img_share_non_us = non_us_share;
  p.visa.j1 = true;
  p.visa.h1b = false;
  p.accepts_signals = true;
  return p;
}

// P(match) of the programs given, in this order (all categorical: every match completes a residency).
double p_of(const Profile& profile, const std::vector<Program>& programs) {
  const Model model;
  std::vector<ProgramLogits> logits;
  for (const Program& p : programs) logits.push_back(model.score(profile, p, {false, false}).logits);
  return model.evaluate_list(logits).p_match;
}

Plan plan_of(const std::vector<std::size_t>& indices, const Dataset& d) {
  Plan plan;
  for (std::size_t i : indices) {
    PlannedProgram pp;
    pp.index = i;
    pp.id = d.programs[i].id;
    plan.programs.push_back(pp);
  }
  return plan;
}

double im_j1_share() {
  for (const auto& r : reference_specialties())
    if (r.name == "Internal Medicine") return r.j1_share;
  ADD_FAILURE() << "no IM reference";
  return 0.0;
}

const ResearchItem* find(const std::vector<ResearchItem>& items, const std::string& id) {
  for (const auto& r : items)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace

// On the list, the J-1 policy unknown: if it takes J-1 residents the applicant keeps it; if not, they
// swap in the best program off the list. The gain is what the swap adds in that case.
TEST(ResearchNext, AnUnknownVisaOnTheListIsWorthTheSwapItWouldPrompt) {
  Dataset d;
  d.programs = {im("U", Setting::Community, 0.60), im("A", Setting::UniversityAffiliated, 0.30),
                im("B", Setting::UniversityAffiliated, 0.30), im("R", Setting::Community, 0.40),
                im("S", Setting::University, 0.10)};
  d.programs[0].visa.j1.reset();  // U: states no J-1 policy
  const Profile profile = j1_img();
  const std::vector<ResearchItem> items = research_next(profile, d, plan_of({0, 1, 2}, d), PlanOptions{}, Model{});

  const double q = im_j1_share();
  ASSERT_GT(q, 0.5);
  ASSERT_LT(q, 0.8);
  Program u_yes = d.programs[0];
  u_yes.visa.j1 = true;
  const Program &a = d.programs[1], &b = d.programs[2], &r = d.programs[3], &s = d.programs[4];
  const double swap = std::max({p_of(profile, {a, b}), p_of(profile, {a, b, r}), p_of(profile, {a, b, s})});
  const double expected =
      q * std::max(0.0, swap - p_of(profile, {u_yes, a, b})) + (1 - q) * std::max(0.0, swap - p_of(profile, {a, b}));
  ASSERT_GT(expected, 1e-3) << "the inputs make the fact worth knowing";
  const ResearchItem* item = find(items, "U");
  ASSERT_NE(item, nullptr);
  EXPECT_TRUE(item->on_list);
  EXPECT_NEAR(item->gain, expected, 1e-12);
  ASSERT_EQ(item->fields, std::vector<std::string>{"visa.j1"});
  ASSERT_EQ(item->how.size(), 1u);
  EXPECT_NE(item->how[0].find("J-1"), std::string::npos);
  EXPECT_EQ(find(items, "A"), nullptr) << "every fact A states is known";
  EXPECT_EQ(find(items, "R"), nullptr);
}

// With nothing to swap in, knowing the policy changes nothing the applicant would do: no gain.
TEST(ResearchNext, AFactWorthNothingWhenNoDecisionTurnsOnIt) {
  Dataset d;
  d.programs = {im("U", Setting::Community, 0.60), im("A", Setting::UniversityAffiliated, 0.30)};
  d.programs[0].visa.j1.reset();
  EXPECT_TRUE(research_next(j1_img(), d, plan_of({0, 1}, d), PlanOptions{}, Model{}).empty());
}

// Off the list, the IMG share unknown: half or one and a half times the typical share, even odds;
// where it turns out high, the applicant swaps it in for the list's weakest member.
TEST(ResearchNext, AnUnknownShareNearTheListIsWorthTheSwapInWhenItIsHigh) {
  Dataset d;
  d.programs = {im("A", Setting::Community, 0.45), im("B", Setting::UniversityAffiliated, 0.30),
                im("W", Setting::University, 0.10), im("N", Setting::Community, 0.40)};
  d.programs[3].img_share_non_us.reset();  // N states no IMG share
  const Profile profile = j1_img();
  const std::vector<ResearchItem> items = research_next(profile, d, plan_of({0, 1, 2}, d), PlanOptions{}, Model{});

  const Program &a = d.programs[0], &b = d.programs[1], &w = d.programs[2];
  const double p_list = p_of(profile, {a, b, w});
  // The weakest member: the one whose loss costs least.
  const std::vector<std::vector<Program>> without = {{b, w}, {a, w}, {a, b}};
  std::size_t weakest = 0;
  for (std::size_t j = 0; j < 3; ++j)
    if (p_of(profile, without[j]) > p_of(profile, without[weakest])) weakest = j;
  EXPECT_EQ(weakest, 2u) << "the university program with few IMGs";
  double expected = 0.0;
  for (double share : {0.5 * kTypical, 1.5 * kTypical}) {
    Program n = d.programs[3];
    n.img_share_non_us = share;
    std::vector<Program> swapped = without[weakest];
    swapped.push_back(n);
    expected += 0.5 * std::max(0.0, p_of(profile, swapped) - p_list);
  }
  ASSERT_GT(expected, 1e-4);
  const ResearchItem* item = find(items, "N");
  ASSERT_NE(item, nullptr);
  EXPECT_FALSE(item->on_list);
  EXPECT_NEAR(item->gain, expected, 1e-12);
  EXPECT_EQ(item->fields, (std::vector<std::string>{"img_share", "img_share_non_us"}));
}

// A US MD needs no visa and reads no IMG share: nothing to research. The plan carries the list, in
// order of gain, and a what-if re-plan (explain off) computes none.
TEST(ResearchNext, WhatMattersToThisApplicantOnlyInTheirPlan) {
  Dataset d;
  for (int i = 0; i < 40; ++i) {
    Program p =
        im("P" + std::to_string(i), i % 3 == 0 ? Setting::Community : Setting::UniversityAffiliated, 0.1 + 0.02 * i);
    if (i % 4 == 0) p.visa.j1.reset();  // the friendliest programs among them: worth a look
    if (i % 4 == 0) p.setting = Setting::Community;
    if (i % 5 == 0) p.img_share_non_us.reset();
    d.programs.push_back(p);
  }
  Profile md = j1_img();
  md.graduate_type = GraduateType::UsMd;
  md.visa = VisaNeed::None;
  PlanOptions o;
  o.max_applications = 12;
  o.whatif = false;
  o.assumption_range = false;
  EXPECT_TRUE(make_plan(md, d, o, Model{}).research_next.empty());
  const Plan plan = make_plan(j1_img(), d, o, Model{});
  ASSERT_FALSE(plan.research_next.empty());
  EXPECT_LE(plan.research_next.size(), kResearchShown);
  for (std::size_t i = 1; i < plan.research_next.size(); ++i)
    EXPECT_GE(plan.research_next[i - 1].gain, plan.research_next[i].gain);
  for (const auto& r : plan.research_next) {
    EXPECT_GE(r.gain, kResearchFloor);
    EXPECT_EQ(r.fields.size(), r.how.size());
  }
  o.explain = false;
  EXPECT_TRUE(make_plan(j1_img(), d, o, Model{}).research_next.empty());
}
