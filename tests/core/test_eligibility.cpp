#include <gtest/gtest.h>

#include "openpick/core/eligibility.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

Profile img_profile() {
  return openpick::testing::ProfileBuilder()
      .graduate(GraduateType::NonUsImg)
      .visa(VisaNeed::J1)
      .step2ck(228)
      .graduated(2020)
      .match_year(2026)
      .usce(3.0)
      .specialties({{"Internal Medicine", 1.0}, {"Family Medicine", 0.8}})
      .build();
}

Program open_program() {
  Program p;
  p.id = "1234140C0";
  p.specialty = "Internal Medicine";
  p.visa.j1 = true;
  p.visa.h1b = false;
  return p;
}

}  // namespace

TEST(Eligibility, OpenProgramAcceptsWithNoReasons) {
  const auto r = check_eligibility(img_profile(), open_program());
  EXPECT_TRUE(r.eligible);
  EXPECT_TRUE(r.reasons.empty());
  EXPECT_TRUE(r.unknowns.empty());
  EXPECT_TRUE(is_eligible(img_profile(), open_program()));
}

TEST(Eligibility, VisaNeedAgainstSponsorship) {
  Profile p = img_profile();
  Program prog = open_program();

  p.visa = VisaNeed::H1b;  // program: J-1 yes, H-1B no
  auto r = check_eligibility(p, prog);
  EXPECT_FALSE(r.eligible);
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0], "needs an H-1B visa; program does not sponsor H-1B");

  p.visa = VisaNeed::J1OrH1b;  // one of the two is enough
  EXPECT_TRUE(check_eligibility(p, prog).eligible);
  prog.visa.j1 = false;
  r = check_eligibility(p, prog);
  EXPECT_FALSE(r.eligible);
  EXPECT_EQ(r.reasons.at(0), "needs a J-1 or H-1B visa; program sponsors neither");

  p.visa = VisaNeed::J1;
  r = check_eligibility(p, prog);
  EXPECT_FALSE(r.eligible);
  EXPECT_EQ(r.reasons.at(0), "needs a J-1 visa; program does not accept J-1");

  p.visa = VisaNeed::None;  // green card holder
  EXPECT_TRUE(check_eligibility(p, prog).eligible);
}

TEST(Eligibility, UnknownVisaPolicyIsFlaggedNotExcluded) {
  Profile p = img_profile();
  Program prog = open_program();
  prog.visa = {};
  auto r = check_eligibility(p, prog);
  EXPECT_TRUE(r.eligible);
  ASSERT_EQ(r.unknowns.size(), 1u);
  EXPECT_EQ(r.unknowns[0], "unknown: program states no visa policy");

  p.visa = VisaNeed::J1OrH1b;
  prog.visa.j1 = false;  // H-1B unknown: may still sponsor
  r = check_eligibility(p, prog);
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.unknowns.size(), 1u);
}

TEST(Eligibility, UsGraduatesNeedNoVisa) {
  Profile p = img_profile();
  p.graduate_type = GraduateType::UsMd;
  p.visa = VisaNeed::H1b;  // a stray value must not exclude a US graduate
  Program prog = open_program();
  prog.visa.j1 = false;
  EXPECT_FALSE(needs_visa(p));
  EXPECT_TRUE(check_eligibility(p, prog).eligible);
}

TEST(Eligibility, GraduationYearCutoffWithReadableReason) {
  Profile p = img_profile();
  p.graduation_year = 2018;  // 8 years before the 2026 Match
  Program prog = open_program();
  prog.cutoffs.max_years_since_graduation = 5;
  auto r = check_eligibility(p, prog);
  EXPECT_FALSE(r.eligible);
  EXPECT_EQ(r.reasons.at(0), "8 years since graduation; program accepts 5 or fewer");
  p.graduation_year = 2021;  // exactly 5: accepted
  EXPECT_TRUE(is_eligible(p, prog));
}

TEST(Eligibility, AttemptsCutoffCountsTheWorstStep) {
  Profile p = img_profile();
  p.step1.attempts = 2;
  Program prog = open_program();
  prog.cutoffs.max_attempts = 1;
  auto r = check_eligibility(p, prog);
  EXPECT_FALSE(r.eligible);
  EXPECT_EQ(r.reasons.at(0), "2 attempts on a USMLE Step; program accepts 1 attempt at most");
  prog.cutoffs.max_attempts = 2;
  EXPECT_TRUE(is_eligible(p, prog));
}

TEST(Eligibility, Step2ckMinimum) {
  Profile p = img_profile();
  Program prog = open_program();
  prog.cutoffs.step2ck_min = 230;
  auto r = check_eligibility(p, prog);
  EXPECT_FALSE(r.eligible);
  EXPECT_EQ(r.reasons.at(0), "Step 2 CK 228; program requires 230 or more");
  p.step2ck.score = 230;
  EXPECT_TRUE(is_eligible(p, prog));
  p.step2ck.score.reset();  // not given: flagged, not excluded
  r = check_eligibility(p, prog);
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.unknowns.at(0), "unknown: Step 2 CK score not given; program requires 230 or more");
}

TEST(Eligibility, UsceRequiredMeansHandsOn) {
  Profile p = img_profile();
  p.usce_months.hands_on = 0.0;
  p.usce_months.observership = 6.0;  // observerships do not count
  Program prog = open_program();
  prog.cutoffs.usce_required = true;
  auto r = check_eligibility(p, prog);
  EXPECT_FALSE(r.eligible);
  EXPECT_NE(r.reasons.at(0).find("hands-on US clinical experience"), std::string::npos);
  p.usce_months.hands_on = 1.0;
  EXPECT_TRUE(is_eligible(p, prog));
}

TEST(Eligibility, EveryFailedFilterIsListed) {
  Profile p = img_profile();
  p.graduation_year = 2010;
  p.step2ck.attempts = 3;
  p.usce_months.hands_on = 0.0;
  Program prog = open_program();
  prog.visa.j1 = false;
  prog.cutoffs = {240, 5, 1, true};
  const auto r = check_eligibility(p, prog);
  EXPECT_FALSE(r.eligible);
  EXPECT_EQ(r.reasons.size(), 5u);
  EXPECT_FALSE(is_eligible(p, prog));
}

TEST(Eligibility, SpecialtyFilter) {
  Profile p = img_profile();
  Program prog = open_program();
  EXPECT_TRUE(matches_specialty(p, prog));
  prog.specialty = "Psychiatry";
  EXPECT_FALSE(matches_specialty(p, prog));
  // The whole name counts: same length, differing only in its first letters or only in its last.
  for (const char* other : {"Xnternal Medicine", "Internal Medicinx", "internal medicine", "Internal Medicin"}) {
    prog.specialty = other;
    EXPECT_FALSE(matches_specialty(p, prog)) << other;
  }
  p.specialties.clear();
  EXPECT_TRUE(matches_specialty(p, prog));
}

// A cutoff marked flexible ("strict": false) never excludes: it is listed, and counted for the
// model; a strict one still excludes.
TEST(Eligibility, FlexibleCutoffsAreListedNotExcluded) {
  Profile p = img_profile();
  p.graduation_year = 2010;       // 16 years out
  p.step2ck.attempts = 3;         // 3 attempts
  p.usce_months.hands_on = 0.0;   // no hands-on USCE
  Program prog = open_program();  // Step 2 CK 228 against 240
  prog.cutoffs = {240, 5, 1, true};
  prog.cutoffs.strict = {false, false, false, false};
  const auto r = check_eligibility(p, prog);
  EXPECT_TRUE(r.eligible);
  EXPECT_TRUE(r.reasons.empty());
  ASSERT_EQ(r.flexible_misses.size(), 4u);
  EXPECT_NE(r.flexible_misses[0].find("16 years since graduation"), std::string::npos) << r.flexible_misses[0];
  int missed = -1;
  EXPECT_TRUE(is_eligible(p, prog, &missed));
  EXPECT_EQ(missed, 4);
  // One of them strict again: excluded for that one, the others still counted as flexible.
  prog.cutoffs.strict.max_attempts = true;
  const auto s = check_eligibility(p, prog);
  EXPECT_FALSE(s.eligible);
  ASSERT_EQ(s.reasons.size(), 1u);
  EXPECT_NE(s.reasons[0].find("3 attempts"), std::string::npos) << s.reasons[0];
  EXPECT_EQ(s.flexible_misses.size(), 3u);
  EXPECT_FALSE(is_eligible(p, prog));
  // A flexible cutoff the applicant meets is not a miss.
  Profile fine = img_profile();
  Program met = open_program();
  met.cutoffs.step2ck_min = 220;
  met.cutoffs.strict.step2ck_min = false;
  EXPECT_TRUE(check_eligibility(fine, met).flexible_misses.empty());
  EXPECT_TRUE(is_eligible(fine, met, &missed));
  EXPECT_EQ(missed, 0);
}

// The planner names each excluded program's first reason with exclusion_reason: the same text as
// check_eligibility's first, for every mix of failed filters, and nothing for an eligible program.
TEST(Eligibility, ExclusionReasonIsTheFirstReason) {
  Profile p = img_profile();
  p.graduation_year = 2010;
  p.step2ck.attempts = 3;
  p.usce_months.hands_on = 0.0;
  const ProfileFacts facts = profile_facts(p);
  int excluded = 0;
  for (int mask = 0; mask < 64; ++mask) {
    Program prog = open_program();
    if (mask & 1) prog.visa.j1 = false;
    if (mask & 2) prog.cutoffs.max_years_since_graduation = 5;
    if (mask & 4) prog.cutoffs.max_attempts = 1;
    if (mask & 8) prog.cutoffs.step2ck_min = 240;
    if (mask & 16) prog.cutoffs.usce_required = true;
    if (mask & 32) prog.track = Track::Physician;
    const EligibilityResult r = check_eligibility(p, prog);
    const std::string expected = r.reasons.empty() ? std::string() : r.reasons.front();
    EXPECT_EQ(exclusion_reason(p, prog), expected) << "mask " << mask;
    EXPECT_EQ(exclusion_reason(p, prog, &facts), expected) << "mask " << mask;
    excluded += r.eligible ? 0 : 1;
  }
  EXPECT_EQ(excluded, 63);  // every mix but the open program fails a strict filter
  Program visa_and_years = open_program();
  visa_and_years.visa.j1 = false;
  visa_and_years.cutoffs.max_years_since_graduation = 5;
  EXPECT_EQ(exclusion_reason(p, visa_and_years), "needs a J-1 visa; program does not accept J-1");
  Program years_only = open_program();
  years_only.cutoffs.max_years_since_graduation = 5;
  EXPECT_EQ(exclusion_reason(p, years_only), "16 years since graduation; program accepts 5 or fewer");
}
