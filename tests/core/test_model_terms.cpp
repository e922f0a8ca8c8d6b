// One test per term of the interview logit (docs/MODEL.md, "Terms of the interview logit"): two
// inputs that differ in one fact, and the logit moves by the documented parameter with the
// documented sign. The expected move is read from default_model_params() (ModelParams), never
// copied from the program's output, so a re-fit of constants keeps these tests valid; a change of
// a term's sign or of the rule behind it fails them.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "openpick/core/model.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

const ModelParams P = default_model_params();
constexpr double kExact = 1e-12;  // sums of a few doubles

// The reference applicant: a non-US IMG who needs no visa, one attempt, a recent graduate, with
// some hands-on USCE and US letters; and a reference program where no optional term applies.
Profile base_profile() {
  return openpick::testing::ProfileBuilder()
      .graduate(GraduateType::NonUsImg)
      .visa(VisaNeed::None)
      .step1(ExamResult::Pass, 1)
      .step2ck(240, 1)
      .ecfmg_certified(true)
      .match_year(2026)
      .graduated(2025)
      .usce(3.0, 0.0)
      .us_letters(2)
      .build();
}

Program base_program(const std::string& specialty = "Internal Medicine") {
  Program p;
  p.id = "T1";
  p.specialty = specialty;
  p.state = "NY";
  p.setting = Setting::UniversityAffiliated;  // neither community nor university: no setting terms
  // IM's typical non-US IMG share, stated as the non-US share: the IMG-share term is 0.
  p.img_share_non_us = default_model_params().specialties.front().typical_img_share;
  p.visa.j1 = true;
  p.visa.h1b = true;
  p.rural = false;
  p.accepts_signals = true;
  return p;
}

double logit(const Profile& profile, const Program& program, bool signal = false) {
  const Model model;
  const ProgramChance c = model.score(profile, program, {signal, true});
  EXPECT_TRUE(c.eligible) << (c.exclusion_reasons.empty() ? "" : c.exclusion_reasons.front());
  // The terms the page shows add up to the logit the chances come from.
  double sum = model.specialty(program.specialty).interview_intercept;
  for (const Term& t : c.terms) sum += t.value;
  EXPECT_NEAR(sum, c.logits.interview, kExact);
  return c.logits.interview;
}

double slope(const std::string& specialty = "Internal Medicine") { return Model().specialty(specialty).score_slope; }

Profile us_md() {
  Profile p = base_profile();
  p.graduate_type = GraduateType::UsMd;
  return p;
}

}  // namespace

// ---- Place --------------------------------------------------------------------------------------

TEST(ModelTerm, PreferredStateRaisesTheLogitByItsParameter) {
  ASSERT_GT(P.preferred_state, 0.0) << "documented: a stated tie helps";
  for (const Profile& base : {base_profile(), us_md()}) {  // applies to everyone
    Profile tied = base;
    tied.preferred_states = {"TX", "NY"};
    EXPECT_NEAR(logit(tied, base_program()) - logit(base, base_program()), P.preferred_state, kExact);
  }
  // Another state preferred: no tie.
  Profile elsewhere = base_profile();
  elsewhere.preferred_states = {"TX"};
  EXPECT_NEAR(logit(elsewhere, base_program()), logit(base_profile(), base_program()), kExact);
}

TEST(ModelTerm, DeepSouthRaisesTheLogitForIMGsOnly) {
  ASSERT_GT(P.deep_south, 0.0);
  for (const char* state : {"AL", "AR", "GA", "LA", "MS", "SC", "TN"}) {
    Program south = base_program();
    south.state = state;
    EXPECT_NEAR(logit(base_profile(), south) - logit(base_profile(), base_program()), P.deep_south, kExact) << state;
    EXPECT_NEAR(logit(us_md(), south), logit(us_md(), base_program()), kExact) << "US graduates: no term";
  }
  for (const char* state : {"FL", "KY", "NC", "TX"}) {  // not in the documented list
    Program other = base_program();
    other.state = state;
    EXPECT_NEAR(logit(base_profile(), other), logit(base_profile(), base_program()), kExact) << state;
  }
}

TEST(ModelTerm, RuralOrUnderservedRaisesTheLogitForIMGsOnly) {
  ASSERT_GT(P.rural_underserved, 0.0);
  Program rural = base_program();
  rural.rural = true;
  EXPECT_NEAR(logit(base_profile(), rural) - logit(base_profile(), base_program()), P.rural_underserved, kExact);
  EXPECT_NEAR(logit(us_md(), rural), logit(us_md(), base_program()), kExact);
  Program unknown = base_program();
  unknown.rural.reset();  // unknown is not rural
  EXPECT_NEAR(logit(base_profile(), unknown), logit(base_profile(), base_program()), kExact);
}

// ---- Setting: the IMG term, and the score level it moves ----------------------------------------

TEST(ModelTerm, CommunitySettingLowersTheLevelAndHelpsIMGs) {
  ASSERT_GT(P.community_setting, 0.0);
  ASSERT_LT(P.level_community, 0.0);
  Program community = base_program();
  community.setting = Setting::Community;
  // US graduates: only the score level moves (a lower bar raises the score term).
  const double level_move = -slope() * P.level_community / 10.0;
  EXPECT_NEAR(logit(us_md(), community) - logit(us_md(), base_program()), level_move, kExact);
  EXPECT_NEAR(logit(base_profile(), community) - logit(base_profile(), base_program()),
              P.community_setting + level_move, kExact);
}

TEST(ModelTerm, UniversitySettingRaisesTheLevelAndCostsIMGs) {
  ASSERT_LT(P.university_setting, 0.0);
  ASSERT_GT(P.level_university, 0.0);
  Program university = base_program();
  university.setting = Setting::University;
  const double level_move = -slope() * P.level_university / 10.0;
  EXPECT_NEAR(logit(us_md(), university) - logit(us_md(), base_program()), level_move, kExact);
  EXPECT_NEAR(logit(base_profile(), university) - logit(base_profile(), base_program()),
              P.university_setting + level_move, kExact);
  Program unknown = base_program();
  unknown.setting.reset();
  EXPECT_NEAR(logit(base_profile(), unknown), logit(base_profile(), base_program()), kExact);
}

// ---- IMG friendliness ---------------------------------------------------------------------------

TEST(ModelTerm, IMGShareMovesTheLogitBySlopeTimesTheGapToTheTypicalShare) {
  ASSERT_GT(P.img_share_slope, 0.0);
  for (const char* specialty : {"Internal Medicine", "Family Medicine", "Psychiatry"}) {
    const double typical = Model().specialty(specialty).typical_img_share;
    Program at = base_program(specialty);
    at.img_share_non_us = typical;
    Program more = at;
    more.img_share_non_us = typical + 0.25;
    Program fewer = at;
    fewer.img_share_non_us = typical * 0.5;
    EXPECT_NEAR(logit(base_profile(), more) - logit(base_profile(), at), P.img_share_slope * 0.25, kExact) << specialty;
    EXPECT_NEAR(logit(base_profile(), fewer) - logit(base_profile(), at), -P.img_share_slope * typical * 0.5, kExact)
        << specialty;
    EXPECT_NEAR(logit(us_md(), more), logit(us_md(), at), kExact) << "US graduates: no term";
  }
}

// A share of all IMGs (US-citizen IMGs included) is set against the specialty's typical non-US
// share divided by non_us_part_of_img_share; where both shares are given, a non-US IMG reads the
// non-US one and a US-citizen IMG the share of all IMGs.
TEST(ModelTerm, AShareOfAllIMGsIsSetAgainstTheTypicalShareCountingUSCitizenIMGs) {
  ASSERT_GT(P.non_us_part_of_img_share, 0.5);
  ASSERT_LT(P.non_us_part_of_img_share, 1.0);
  const double typical = Model().specialty("Internal Medicine").typical_img_share;
  const double typical_all = typical / P.non_us_part_of_img_share;
  Program all_only = base_program();
  all_only.img_share_non_us.reset();
  all_only.img_share = 0.60;
  // base_program's non-US share is at the typical share: its term is 0.
  EXPECT_NEAR(logit(base_profile(), all_only) - logit(base_profile(), base_program()),
              P.img_share_slope * (0.60 - typical_all), kExact);
  // The same 60% read as a non-US share would be worth more: the old reading flattered.
  Program non_us_only = base_program();
  non_us_only.img_share_non_us = 0.60;
  EXPECT_GT(logit(base_profile(), non_us_only), logit(base_profile(), all_only));
  // Both given: the non-US IMG reads the non-US share, the US-citizen IMG the share of all IMGs.
  Program both = base_program();
  both.img_share = 0.60;
  both.img_share_non_us = 0.20;
  EXPECT_NEAR(logit(base_profile(), both) - logit(base_profile(), base_program()), P.img_share_slope * (0.20 - typical),
              kExact);
  Profile us_img = base_profile();
  us_img.graduate_type = GraduateType::UsImg;
  EXPECT_NEAR(logit(us_img, both) - logit(us_img, base_program()), P.img_share_slope * (0.60 - typical_all), kExact);
  // A US-citizen IMG with only a non-US share reads that one (nothing better is known).
  EXPECT_NEAR(logit(us_img, non_us_only) - logit(us_img, base_program()), P.img_share_slope * (0.60 - typical), kExact);
}

TEST(ModelTerm, IMGShareNotStatedCostsItsParameter) {
  ASSERT_LT(P.unknown_img_share, 0.0);
  Program unknown = base_program();  // at the typical share: the stated term is 0
  unknown.img_share_non_us.reset();
  EXPECT_NEAR(logit(base_profile(), unknown) - logit(base_profile(), base_program()), P.unknown_img_share, kExact);
  EXPECT_NEAR(logit(us_md(), unknown), logit(us_md(), base_program()), kExact);
}

// ---- Visa ---------------------------------------------------------------------------------------

TEST(ModelTerm, EachVisaNeedCostsItsParameter) {
  ASSERT_LT(P.visa_j1, 0.0);
  ASSERT_LT(P.visa_h1b, 0.0);
  ASSERT_LT(P.visa_either, 0.0);
  Profile none = base_profile();
  none.step3_passed = true;  // isolates the H-1B need from the H-1B-without-Step-3 term
  const double base = logit(none, base_program());
  const std::pair<VisaNeed, double> needs[] = {
      {VisaNeed::J1, P.visa_j1}, {VisaNeed::H1b, P.visa_h1b}, {VisaNeed::J1OrH1b, P.visa_either}};
  for (const auto& [need, value] : needs) {
    Profile p = none;
    p.visa = need;
    EXPECT_NEAR(logit(p, base_program()) - base, value, kExact) << static_cast<int>(need);
  }
  // US graduates never need a visa, whatever the field says (docs/MODEL.md).
  Profile md = us_md();
  md.step3_passed = true;
  const double md_base = logit(md, base_program());
  md.visa = VisaNeed::H1b;
  EXPECT_NEAR(logit(md, base_program()), md_base, kExact);
}

TEST(ModelTerm, UnknownVisaPolicyCostsItsParameter) {
  ASSERT_LT(P.visa_unknown_policy, 0.0);
  Profile j1 = base_profile();
  j1.visa = VisaNeed::J1;
  Program no_j1_fact = base_program();
  no_j1_fact.visa.j1.reset();
  EXPECT_NEAR(logit(j1, no_j1_fact) - logit(j1, base_program()), P.visa_unknown_policy, kExact);
  Program no_h1b_fact = base_program();
  no_h1b_fact.visa.h1b.reset();  // a J-1 applicant does not need the H-1B fact
  EXPECT_NEAR(logit(j1, no_h1b_fact), logit(j1, base_program()), kExact);

  Profile h1b = base_profile();
  h1b.visa = VisaNeed::H1b;
  h1b.step3_passed = true;
  EXPECT_NEAR(logit(h1b, no_h1b_fact) - logit(h1b, base_program()), P.visa_unknown_policy, kExact);
  EXPECT_NEAR(logit(h1b, no_j1_fact), logit(h1b, base_program()), kExact);

  Profile either = base_profile();
  either.visa = VisaNeed::J1OrH1b;
  Program neither = base_program();
  neither.visa = {};
  EXPECT_NEAR(logit(either, neither) - logit(either, base_program()), P.visa_unknown_policy, kExact);
  EXPECT_NEAR(logit(either, no_j1_fact), logit(either, base_program()), kExact) << "H-1B stated: known";

  Profile no_need = base_profile();
  EXPECT_NEAR(logit(no_need, neither), logit(no_need, base_program()), kExact) << "no visa need: no term";
}

// ---- Exams and history --------------------------------------------------------------------------

TEST(ModelTerm, Step2CKMovesTheLogitBySlopePerTenPointsUpToTheCap) {
  for (const char* specialty : {"Internal Medicine", "Pediatrics", "Neurology"}) {
    const double s = slope(specialty);
    ASSERT_GE(s, 0.0) << specialty;
    const double reference = Model().specialty(specialty).score_reference;
    Profile lo = base_profile(), hi = base_profile();
    lo.step2ck.score = static_cast<int>(std::floor(reference)) - 6;
    hi.step2ck.score = *lo.step2ck.score + 10;
    EXPECT_NEAR(logit(hi, base_program(specialty)) - logit(lo, base_program(specialty)), s, kExact) << specialty;
    // Beyond the cap (documented: +-30 points) more points count no more.
    Profile top = base_profile(), higher = base_profile();
    top.step2ck.score = static_cast<int>(std::ceil(reference + P.score_effect_cap)) + 1;
    higher.step2ck.score = *top.step2ck.score + 15;
    EXPECT_NEAR(logit(higher, base_program(specialty)), logit(top, base_program(specialty)), kExact) << specialty;
    Profile bottom = base_profile(), lower = base_profile();
    bottom.step2ck.score = static_cast<int>(std::floor(reference - P.score_effect_cap)) - 1;
    lower.step2ck.score = *bottom.step2ck.score - 15;
    EXPECT_NEAR(logit(lower, base_program(specialty)), logit(bottom, base_program(specialty)), kExact) << specialty;
    // At the cap exactly: the full cap counts.
    Profile at_level = base_profile();
    Program p = base_program(specialty);
    at_level.step2ck.score = 240;
    const double level = reference;  // university-affiliated: no offset
    EXPECT_NEAR(logit(top, p) - logit(at_level, p), s * (P.score_effect_cap - (240 - level)) / 10.0, kExact)
        << specialty;
  }
}

TEST(ModelTerm, Step2CKNotGivenCostsItsParameter) {
  ASSERT_LT(P.unknown_score, 0.0);
  Profile known = base_profile(), unknown = base_profile();
  unknown.step2ck.score.reset();
  const double reference = Model().specialty("Internal Medicine").score_reference;
  const double known_term = slope() * (240 - reference) / 10.0;
  EXPECT_NEAR(logit(unknown, base_program()) - logit(known, base_program()), P.unknown_score - known_term, kExact);
}

TEST(ModelTerm, GraduateTypeTermsAreRelativeToANonUSIMG) {
  ASSERT_GT(P.us_img, 0.0);
  ASSERT_GT(P.us_md, 0.0);
  ASSERT_GT(P.us_do, 0.0);
  Profile us_img = base_profile();
  us_img.graduate_type = GraduateType::UsImg;
  EXPECT_NEAR(logit(us_img, base_program()) - logit(base_profile(), base_program()), P.us_img, kExact);
  Profile md = us_md(), dO = us_md();
  dO.graduate_type = GraduateType::UsDo;
  EXPECT_NEAR(logit(md, base_program()) - logit(dO, base_program()), P.us_md - P.us_do, kExact);
  // A US MD has no IMG-only terms: the reference IMG's USCE and letters terms go, us_md comes.
  const double img_terms = P.per_month_hands_on * 3.0 + P.per_us_letter * 2.0;
  EXPECT_NEAR(logit(md, base_program()) - logit(base_profile(), base_program()), P.us_md - img_terms, kExact);
}

TEST(ModelTerm, Step3PassedHelpsAndItsLackCostsAnH1BApplicant) {
  ASSERT_GT(P.step3_passed, 0.0);
  ASSERT_LT(P.step3_missing_h1b, 0.0);
  Profile passed = base_profile();
  passed.step3_passed = true;
  EXPECT_NEAR(logit(passed, base_program()) - logit(base_profile(), base_program()), P.step3_passed, kExact);
  for (VisaNeed need : {VisaNeed::J1, VisaNeed::J1OrH1b}) {  // only an H-1B-only need pays for it
    Profile a = base_profile(), b = base_profile();
    a.visa = b.visa = need;
    b.step3_passed = true;
    EXPECT_NEAR(logit(b, base_program()) - logit(a, base_program()), P.step3_passed, kExact);
  }
  Profile h1b = base_profile();
  h1b.visa = VisaNeed::H1b;
  Profile h1b_passed = h1b;
  h1b_passed.step3_passed = true;
  EXPECT_NEAR(logit(h1b_passed, base_program()) - logit(h1b, base_program()), P.step3_passed - P.step3_missing_h1b,
              kExact);
}

TEST(ModelTerm, EachAttemptBeyondTheFirstOnTheWorstStepCostsItsParameter) {
  ASSERT_LT(P.per_extra_attempt, 0.0);
  for (int attempts = 1; attempts <= 4; ++attempts) {
    Profile s1 = base_profile(), s2 = base_profile();
    s1.step1.attempts = attempts;
    s2.step2ck.attempts = attempts;
    const double expected = P.per_extra_attempt * (attempts - 1);
    EXPECT_NEAR(logit(s1, base_program()) - logit(base_profile(), base_program()), expected, kExact) << attempts;
    EXPECT_NEAR(logit(s2, base_program()) - logit(base_profile(), base_program()), expected, kExact) << attempts;
  }
  Profile both = base_profile();  // the worst Step counts, not the sum
  both.step1.attempts = 2;
  both.step2ck.attempts = 3;
  EXPECT_NEAR(logit(both, base_program()) - logit(base_profile(), base_program()), 2 * P.per_extra_attempt, kExact);
}

TEST(ModelTerm, YearsSinceGraduationBeyondTheFreeYearsCostTheirParameterEach) {
  ASSERT_LT(P.per_year_since_graduation, 0.0);
  const int free_years = static_cast<int>(P.years_free);
  ASSERT_EQ(P.years_free, free_years) << "documented as whole years";
  auto graduated = [](int years) {
    Profile p = base_profile();
    p.graduation_year = p.match_year - years;
    return p;
  };
  const double at_free = logit(graduated(free_years), base_program());
  for (int years = 0; years <= free_years; ++years)
    EXPECT_NEAR(logit(graduated(years), base_program()), at_free, kExact) << years << " years: free";
  for (int years = free_years + 1; years <= 12; ++years)
    EXPECT_NEAR(logit(graduated(years), base_program()) - at_free, P.per_year_since_graduation * (years - free_years),
                kExact)
        << years << " years";
}

// ---- USCE and letters ---------------------------------------------------------------------------

TEST(ModelTerm, HandsOnUSCEPerMonthUpToTheCapAndNoneCosts) {
  ASSERT_LT(P.no_hands_on_usce, 0.0);
  ASSERT_GT(P.per_month_hands_on, 0.0);
  auto with = [](double months) {
    Profile p = base_profile();
    p.usce_months.hands_on = months;
    return logit(p, base_program());
  };
  EXPECT_NEAR(with(1.0) - with(0.0), P.per_month_hands_on - P.no_hands_on_usce, kExact);
  EXPECT_NEAR(with(4.0) - with(3.0), P.per_month_hands_on, kExact);
  EXPECT_NEAR(with(P.hands_on_cap_months) - with(P.hands_on_cap_months - 2.0), 2.0 * P.per_month_hands_on, kExact);
  EXPECT_NEAR(with(P.hands_on_cap_months + 6.0), with(P.hands_on_cap_months), kExact) << "beyond the cap";
  Profile md = us_md();
  md.usce_months.hands_on = 0.0;
  EXPECT_NEAR(logit(md, base_program()), logit(us_md(), base_program()), kExact) << "US graduates: no term";
}

TEST(ModelTerm, ObservershipPerMonthUpToTheCap) {
  ASSERT_GT(P.per_month_observership, 0.0);
  auto with = [](double months) {
    Profile p = base_profile();
    p.usce_months.observership = months;
    return logit(p, base_program());
  };
  EXPECT_NEAR(with(2.0) - with(0.0), 2.0 * P.per_month_observership, kExact);
  EXPECT_NEAR(with(P.observership_cap_months + 3.0), with(P.observership_cap_months), kExact);
  // Observerships are not hands-on care: they never remove the no-hands-on cost.
  Profile none = base_profile();
  none.usce_months = {0.0, 6.0};
  Profile zero = base_profile();
  zero.usce_months = {0.0, 0.0};
  EXPECT_NEAR(logit(none, base_program()) - logit(zero, base_program()), 6.0 * P.per_month_observership, kExact);
}

TEST(ModelTerm, USLettersPerLetterUpToTheCapAndNoneCosts) {
  ASSERT_LT(P.no_us_letters, 0.0);
  ASSERT_GT(P.per_us_letter, 0.0);
  auto with = [](int letters) {
    Profile p = base_profile();
    p.us_letters = letters;
    return logit(p, base_program());
  };
  EXPECT_NEAR(with(1) - with(0), P.per_us_letter - P.no_us_letters, kExact);
  EXPECT_NEAR(with(3) - with(2), P.per_us_letter, kExact);
  const int cap = static_cast<int>(P.us_letters_cap);
  EXPECT_NEAR(with(cap + 2), with(cap), kExact) << "beyond the cap";
  EXPECT_NEAR(with(cap) - with(cap - 1), P.per_us_letter, kExact);
  Profile md = us_md();
  md.us_letters = 0;
  EXPECT_NEAR(logit(md, base_program()), logit(us_md(), base_program()), kExact) << "US graduates: no term";
}

// ---- Signals ------------------------------------------------------------------------------------

TEST(ModelTerm, ASignalAddsItsLogOddsRatioWhereSignalsAreAccepted) {
  ASSERT_GT(P.signal_img, 0.0);
  ASSERT_GT(P.signal_us, 0.0);
  EXPECT_NEAR(logit(base_profile(), base_program(), true) - logit(base_profile(), base_program()), P.signal_img,
              kExact);
  EXPECT_NEAR(logit(us_md(), base_program(), true) - logit(us_md(), base_program()), P.signal_us, kExact);
  Program unknown = base_program();
  unknown.accepts_signals.reset();  // documented: unknown counts as accepting
  EXPECT_NEAR(logit(base_profile(), unknown, true) - logit(base_profile(), unknown), P.signal_img, kExact);
  Program refuses = base_program();
  refuses.accepts_signals = false;
  EXPECT_NEAR(logit(base_profile(), refuses, true), logit(base_profile(), refuses), kExact);
  const Model model;
  EXPECT_EQ(model.score(base_profile(), refuses).signal_logit, 0.0);
  EXPECT_EQ(model.score(base_profile(), base_program()).signal_logit, P.signal_img);
  EXPECT_EQ(model.score(us_md(), base_program()).signal_logit, P.signal_us);
}

// ---- The whole logit ----------------------------------------------------------------------------

// The rank stage (model.h): logit P(match | interview) = m_s + shift + lambda T, T the interview
// logit's terms without the intercept and the signal. Each one-fact difference above moves the
// match logit by lambda times the interview logit's move; a signal moves only the interview logit.
TEST(ModelTerm, TheRankStageReadsEachTermTimesItsWeight) {
  ASSERT_GT(P.rank_stage_weight, 0.0);
  const Model model;
  auto both = [&](const Profile& p, const Program& prog, bool signal = false) {
    const ProgramChance c = model.score(p, prog, {signal, false});
    EXPECT_TRUE(c.eligible);
    return std::make_pair(c.logits.interview, c.logits.match_given_interview);
  };
  const SpecialtyParams& im = model.specialty("Internal Medicine");
  const auto [eta, m] = both(base_profile(), base_program());
  EXPECT_NEAR(
      m,
      im.match_given_interview + P.match_given_interview_shift + P.rank_stage_weight * (eta - im.interview_intercept),
      kExact);
  std::vector<std::pair<Profile, Program>> changed;
  Profile q = base_profile();
  q.preferred_states = {"NY"};
  changed.push_back({q, base_program()});
  q = base_profile();
  q.us_letters = 0;
  changed.push_back({q, base_program()});
  q = base_profile();
  q.graduation_year = 2016;
  changed.push_back({q, base_program()});
  q = base_profile();
  q.visa = VisaNeed::H1b;
  changed.push_back({q, base_program()});
  Program prog = base_program();
  prog.state = "MS";
  prog.setting = Setting::Community;
  prog.rural = true;
  changed.push_back({base_profile(), prog});
  for (std::size_t i = 0; i < changed.size(); ++i) {
    const auto [eta2, m2] = both(changed[i].first, changed[i].second);
    ASSERT_GT(std::fabs(eta2 - eta), 0.1) << i;
    EXPECT_NEAR(m2 - m, P.rank_stage_weight * (eta2 - eta), kExact) << "change " << i;
  }
  const auto [eta_signal, m_signal] = both(base_profile(), base_program(), true);
  EXPECT_NEAR(eta_signal - eta, P.signal_img, kExact);
  EXPECT_EQ(m_signal, m) << "a signal buys an interview, not a rank";
}

// The reference inputs' logit from the documented formula, term by term.
TEST(ModelTerm, TheReferenceLogitIsTheInterceptPlusTheDocumentedTerms) {
  const Model model;
  const SpecialtyParams& im = model.specialty("Internal Medicine");
  const double expected = im.interview_intercept + im.score_slope * (240 - im.score_reference) / 10.0 +
                          P.per_month_hands_on * 3.0 + P.per_us_letter * 2.0;  // IMG share at typical: 0
  EXPECT_NEAR(logit(base_profile(), base_program()), expected, kExact);
}

// ---- What the applicant can change --------------------------------------------------------------

TEST(ModelTerm, ATieToTheStateCountsForMoreThanAPreferenceAndReplacesIt) {
  ASSERT_GT(P.tie_trained, P.preferred_state);
  ASSERT_GT(P.tie_lived, P.preferred_state);
  ASSERT_GT(P.tie_family, P.preferred_state);
  const Profile base = base_profile();
  const double none = logit(base, base_program());
  for (TieKind kind : {TieKind::Trained, TieKind::Lived, TieKind::Family}) {
    const double expected = kind == TieKind::Trained ? P.tie_trained
                            : kind == TieKind::Lived ? P.tie_lived
                                                     : P.tie_family;
    Profile tied = base;
    tied.state_ties = {{"NY", kind}};
    EXPECT_NEAR(logit(tied, base_program()) - none, expected, kExact);
    // Preferring the state as well adds nothing more: the tie is the stronger statement.
    tied.preferred_states = {"NY"};
    EXPECT_NEAR(logit(tied, base_program()) - none, expected, kExact);
    // A tie elsewhere does nothing here.
    Profile elsewhere = base;
    elsewhere.state_ties = {{"TX", kind}};
    EXPECT_NEAR(logit(elsewhere, base_program()), none, kExact);
  }
  // Two ties to the same state: the larger applies.
  Profile both = base;
  both.state_ties = {{"NY", TieKind::Family}, {"NY", TieKind::Trained}};
  EXPECT_NEAR(logit(both, base_program()) - none, std::max(P.tie_trained, P.tie_family), kExact);
}

TEST(ModelTerm, LettersFromTheTargetSpecialtyHelpPerLetterUpToTheCap) {
  ASSERT_GT(P.per_specialty_letter, 0.0);
  const Profile base = base_profile();
  const double none = logit(base, base_program());
  for (int n : {1, 2, 3, 5}) {
    Profile p = base;
    p.specialty_letters = n;
    EXPECT_NEAR(logit(p, base_program()) - none, P.per_specialty_letter * std::min<double>(n, P.specialty_letters_cap),
                kExact)
        << n;
  }
  Profile zero = base;
  zero.specialty_letters = 0;
  EXPECT_NEAR(logit(zero, base_program()), none, kExact);
}

TEST(ModelTerm, AStepTwoAboveANumericStepOneIsAnUpwardTrajectory) {
  ASSERT_GT(P.per_point_improvement, 0.0);
  const Profile base = base_profile();  // Step 2 CK 240
  const double none = logit(base, base_program());
  for (int step1 : {235, 225, 205, 250}) {
    Profile p = base;
    p.step1.score = step1;
    const double points = std::max(0.0, std::min(240.0 - step1, P.improvement_cap_points));
    EXPECT_NEAR(logit(p, base_program()) - none, P.per_point_improvement * points, kExact) << step1;
  }
}

// ---- Flexible cutoffs ---------------------------------------------------------------------------

// Each flexible cutoff missed moves the interview logit by flexible_cutoff_missed; one met moves
// nothing; a strict one missed excludes (every chance 0).
TEST(ModelTerm, EachMissedFlexibleCutoffCostsItsParameter) {
  ASSERT_LT(P.flexible_cutoff_missed, 0.0);
  const Profile applicant = base_profile();  // Step 2 CK 240, 1 year since graduation
  Program one = base_program();
  one.cutoffs.step2ck_min = 245;
  one.cutoffs.strict.step2ck_min = false;
  EXPECT_NEAR(logit(applicant, one) - logit(applicant, base_program()), P.flexible_cutoff_missed, kExact);
  Program two = one;
  two.cutoffs.max_years_since_graduation = 0;
  two.cutoffs.strict.max_years_since_graduation = false;
  EXPECT_NEAR(logit(applicant, two) - logit(applicant, base_program()), 2 * P.flexible_cutoff_missed, kExact);
  Program met = base_program();
  met.cutoffs.step2ck_min = 235;
  met.cutoffs.strict.step2ck_min = false;
  EXPECT_NEAR(logit(applicant, met), logit(applicant, base_program()), kExact);
  // The hot path (no explanation) reaches the same logit bit for bit.
  const Model model;
  EXPECT_EQ(model.score(applicant, two, {false, false}).logits.interview,
            model.score(applicant, two, {false, true}).logits.interview);
  Program strict = one;
  strict.cutoffs.strict.step2ck_min = true;
  const ProgramChance excluded = model.score(applicant, strict);
  EXPECT_FALSE(excluded.eligible);
  EXPECT_EQ(excluded.p_match, 0.0);
  // The rank stage reads it too, like every term (lambda times the term).
  const ProgramChance c1 = model.score(applicant, one);
  const ProgramChance c0 = model.score(applicant, base_program());
  EXPECT_NEAR(c1.logits.match_given_interview - c0.logits.match_given_interview,
              P.rank_stage_weight * P.flexible_cutoff_missed, kExact);
  bool said = false;
  for (const Term& t : c1.terms) said |= t.text.find("a flexible cutoff") != std::string::npos;
  EXPECT_TRUE(said);
}
