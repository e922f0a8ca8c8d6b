// Behaviour a user can trust, checked over many random profiles and programs. Draws use
// std::mt19937_64 with integer-based helpers (std distributions differ between standard libraries).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "openpick/core/exam_status.h"
#include "openpick/core/model.h"

using namespace openpick::core;

namespace {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : g_(seed) {}
  int below(int n) { return static_cast<int>(g_() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T>
  std::optional<T> maybe(int percent_known, T value) {
    return chance(percent_known) ? std::optional<T>(value) : std::nullopt;
  }

 private:
  std::mt19937_64 g_;
};

const char* kSpecialties[] = {"Internal Medicine", "Family Medicine", "Psychiatry",
                              "Pediatrics",        "Neurology",       "Pathology"};
const char* kStates[] = {"MS", "AL", "NY", "CA", "TX", "OH", "LA", "PA"};

Profile random_profile(Rng& r) {
  Profile p;
  const int t = r.below(10);
  p.graduate_type = t < 6   ? GraduateType::NonUsImg
                    : t < 8 ? GraduateType::UsImg
                    : t < 9 ? GraduateType::UsMd
                            : GraduateType::UsDo;
  const VisaNeed visas[] = {VisaNeed::None, VisaNeed::J1, VisaNeed::H1b, VisaNeed::J1OrH1b};
  p.visa = p.graduate_type == GraduateType::NonUsImg ? visas[r.below(4)] : VisaNeed::None;
  p.step1.attempts = r.between(1, 3);
  p.step2ck.attempts = r.between(1, 3);
  if (r.chance(90)) p.step2ck.score = r.between(195, 275);
  p.step3_passed = r.chance(30);
  p.match_year = 2026;
  p.graduation_year = 2026 - r.between(0, 15);
  p.usce_months.hands_on = r.between(0, 14);
  p.usce_months.observership = r.between(0, 8);
  p.us_letters = r.between(0, 5);
  p.specialties = {{kSpecialties[r.below(6)], 1.0}};
  if (r.chance(40)) p.preferred_states = {kStates[r.below(8)], kStates[r.below(8)]};
  return p;
}

Program random_program(Rng& r, int i) {
  Program p;
  p.id = "P" + std::to_string(i);
  p.specialty = kSpecialties[r.below(6)];
  p.state = kStates[r.below(8)];
  const Setting settings[] = {Setting::University, Setting::UniversityAffiliated, Setting::Community};
  p.setting = r.chance(90) ? std::optional<Setting>(settings[r.below(3)]) : std::nullopt;
  p.img_share = r.maybe(85, r.between(0, 90) / 100.0);
  p.visa.j1 = r.maybe(85, r.chance(65));
  p.visa.h1b = r.maybe(85, r.chance(25));
  p.cutoffs.step2ck_min = r.maybe(20, r.between(200, 240));
  p.cutoffs.max_years_since_graduation = r.maybe(25, r.between(1, 10));
  p.cutoffs.max_attempts = r.maybe(20, r.between(1, 2));
  p.cutoffs.usce_required = r.maybe(30, r.chance(60));
  p.rural = r.maybe(80, r.chance(20));
  p.accepts_signals = r.maybe(90, r.chance(93));
  return p;
}

bool is_probability(double p) { return std::isfinite(p) && p >= 0.0 && p <= 1.0; }

// The improvements a user would make; each must never lower a chance.
std::vector<std::pair<const char*, Profile>> improvements(const Profile& p) {
  std::vector<std::pair<const char*, Profile>> out;
  if (p.step2ck.score) {
    Profile q = p;
    *q.step2ck.score += 10;
    out.emplace_back("Step 2 CK +10", q);
    q = p;
    *q.step2ck.score += 1;
    out.emplace_back("Step 2 CK +1", q);
  }
  Profile q = p;
  q.usce_months.hands_on += 3.0;
  out.emplace_back("+3 months hands-on USCE", q);
  q = p;
  q.usce_months.hands_on += 0.5;
  out.emplace_back("+0.5 month hands-on USCE", q);
  q = p;
  q.usce_months.observership += 1.0;
  out.emplace_back("+1 month observership", q);
  q = p;
  q.us_letters += 1;
  out.emplace_back("+1 US letter", q);
  if (!p.step3_passed) {
    q = p;
    q.step3_passed = true;
    out.emplace_back("Step 3 passed", q);
  }
  return out;
}

constexpr double kUlpSlack = 1e-15;  // det_exp is within an ulp; allow that much non-monotonicity

}  // namespace

TEST(ModelProperties, ImprovingTheProfileNeverLowersAChance) {
  const Model model;
  Rng r(42);
  int checked = 0;
  for (int i = 0; i < 400; ++i) {
    const Profile base = random_profile(r);
    std::vector<Program> programs;
    for (int j = 0; j < 25; ++j) programs.push_back(random_program(r, j));
    const bool signal = r.chance(50);
    const auto before = model.score_all(base, programs, {signal, false});
    std::vector<ProgramLogits> list_before;
    for (const auto& c : before) list_before.push_back(c.logits);
    const double p_list_before = model.evaluate_list(list_before).p_match;
    for (const auto& [what, better] : improvements(base)) {
      const auto after = model.score_all(better, programs, {signal, false});
      std::vector<ProgramLogits> list_after;
      for (std::size_t j = 0; j < programs.size(); ++j) {
        EXPECT_GE(after[j].p_interview, before[j].p_interview - kUlpSlack) << what;
        EXPECT_GE(after[j].p_match, before[j].p_match - kUlpSlack) << what;
        if (before[j].eligible) EXPECT_TRUE(after[j].eligible) << what;
        list_after.push_back(after[j].logits);
        ++checked;
      }
      EXPECT_GE(model.evaluate_list(list_after).p_match, p_list_before - kUlpSlack) << what;
    }
  }
  EXPECT_GT(checked, 50000);
}

// The program side: a cutoff made flexible, a flexible cutoff dropped, a higher IMG share (of all
// IMGs or of non-US IMGs) never lowers a chance.
TEST(ModelProperties, AProgramReadingTheApplicationMoreKindlyNeverLowersAChance) {
  const Model model;
  Rng r(7);
  int checked = 0;
  for (int i = 0; i < 400; ++i) {
    const Profile profile = random_profile(r);
    Program base = random_program(r, i);
    if (base.img_share && r.chance(50)) base.img_share_non_us = *base.img_share * r.between(0, 100) / 100.0;
    std::vector<std::pair<const char*, Program>> kinder;
    Program q = base;
    q.cutoffs.strict = {false, false, false, false};
    kinder.emplace_back("every cutoff flexible", q);
    Program dropped = q;
    dropped.cutoffs = Cutoffs{};
    q = base;
    q.cutoffs.strict.step2ck_min = false;
    kinder.emplace_back("Step 2 CK minimum flexible", q);
    q = base;
    q.cutoffs.strict.max_years_since_graduation = false;
    kinder.emplace_back("years limit flexible", q);
    if (base.img_share) {
      q = base;
      *q.img_share = std::min(1.0, *q.img_share + 0.1);
      kinder.emplace_back("IMG share +10 points", q);
    }
    if (base.img_share_non_us) {
      q = base;
      *q.img_share_non_us = std::min(1.0, *q.img_share_non_us + 0.1);
      kinder.emplace_back("non-US IMG share +10 points", q);
    }
    const ProgramChance before = model.score(profile, base, {false, false});
    const ProgramChance all_flexible = model.score(profile, kinder.front().second, {false, false});
    const ProgramChance none = model.score(profile, dropped, {false, false});
    EXPECT_GE(none.p_match, all_flexible.p_match - kUlpSlack) << "dropping flexible cutoffs";
    for (const auto& [what, program] : kinder) {
      const ProgramChance after = model.score(profile, program, {false, false});
      EXPECT_GE(after.p_interview, before.p_interview - kUlpSlack) << what;
      EXPECT_GE(after.p_match, before.p_match - kUlpSlack) << what;
      if (before.eligible) EXPECT_TRUE(after.eligible) << what;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1500);
}

TEST(ModelProperties, ProgramNotSponsoringTheNeededVisaIsNeverReachable) {
  const Model model;
  Rng r(7);
  int excluded = 0;
  for (int i = 0; i < 3000; ++i) {
    Profile p = random_profile(r);
    p.graduate_type = GraduateType::NonUsImg;
    const VisaNeed visas[] = {VisaNeed::J1, VisaNeed::H1b, VisaNeed::J1OrH1b};
    p.visa = visas[r.below(3)];
    Program prog = random_program(r, i);
    const bool sponsors = p.visa == VisaNeed::J1    ? prog.visa.j1 != false
                          : p.visa == VisaNeed::H1b ? prog.visa.h1b != false
                                                    : (prog.visa.j1 != false || prog.visa.h1b != false);
    const ProgramChance c = model.score(p, prog, {r.chance(50), true});
    if (!sponsors) {
      ++excluded;
      EXPECT_FALSE(c.eligible);
      EXPECT_FALSE(c.logits.reachable);
      EXPECT_EQ(c.p_interview, 0.0);
      EXPECT_EQ(c.p_match, 0.0);
      ASSERT_FALSE(c.exclusion_reasons.empty());
      EXPECT_NE(c.exclusion_reasons.front().find("visa"), std::string::npos);
      ListState list = model.begin_list();
      EXPECT_EQ(model.gain_if_appended(list, c.logits), 0.0);
      model.append(list, c.logits);
      EXPECT_EQ(list.p_match, 0.0);
      EXPECT_EQ(list.expected_interviews, 0.0);
    }
  }
  EXPECT_GT(excluded, 300);
}

TEST(ModelProperties, StatedCutoffsExcludeWithTheirReason) {
  const Model model;
  Rng r(99);
  int years = 0, attempts = 0, score = 0;
  for (int i = 0; i < 3000; ++i) {
    const Profile p = random_profile(r);
    const Program prog = random_program(r, i);
    const ProgramChance c = model.score(p, prog);
    auto has_reason = [&](const char* needle) {
      for (const auto& s : c.exclusion_reasons)
        if (s.find(needle) != std::string::npos) return true;
      return false;
    };
    if (prog.cutoffs.max_years_since_graduation &&
        years_since_graduation(p) > *prog.cutoffs.max_years_since_graduation) {
      ++years;
      EXPECT_FALSE(c.eligible);
      EXPECT_EQ(c.p_match, 0.0);
      EXPECT_TRUE(has_reason("since graduation; program accepts"));
    }
    // Programs read the exam history as it will be once every Step is passed (exam_status.h).
    if (prog.cutoffs.max_attempts && modelled_attempts(p) > *prog.cutoffs.max_attempts) {
      ++attempts;
      EXPECT_FALSE(c.eligible);
      EXPECT_TRUE(has_reason("attempts on a USMLE Step; program accepts"));
    }
    const std::optional<int> step2ck = modelled_step2ck(p);
    if (prog.cutoffs.step2ck_min && step2ck && *step2ck < *prog.cutoffs.step2ck_min) {
      ++score;
      EXPECT_FALSE(c.eligible);
      EXPECT_TRUE(has_reason("Step 2 CK"));
    }
    if (c.eligible) EXPECT_TRUE(c.exclusion_reasons.empty());
  }
  EXPECT_GT(years, 100);
  EXPECT_GT(attempts, 100);
  EXPECT_GT(score, 30);
}

TEST(ModelProperties, EveryNumberIsAFiniteProbability) {
  Rng r(2024);
  for (int variant = 0; variant < 3; ++variant) {
    const ModelParams params =
        variant == 0
            ? default_model_params()
            : params_at(default_model_params(), variant == 1 ? AssumptionEnd::Pessimistic : AssumptionEnd::Optimistic);
    const Model model(params);
    for (int i = 0; i < 150; ++i) {
      const Profile p = random_profile(r);
      std::vector<ProgramLogits> list;
      double sum_interview = 0.0;
      for (int j = 0; j < 40; ++j) {
        const ProgramChance c = model.score(p, random_program(r, j), {r.chance(30), true});
        ASSERT_TRUE(is_probability(c.p_interview));
        ASSERT_TRUE(is_probability(c.p_match));
        EXPECT_LE(c.p_match, c.p_interview);
        for (const auto& t : c.terms) {
          EXPECT_TRUE(std::isfinite(t.value));
          EXPECT_FALSE(t.text.empty());
        }
        list.push_back(c.logits);
        sum_interview += c.p_interview;
      }
      const ListOutcome o = model.evaluate_list(list);
      ASSERT_TRUE(is_probability(o.p_match));
      ASSERT_TRUE(is_probability(o.p_interview_any));
      EXPECT_LE(o.p_match, o.p_interview_any + 1e-12);
      EXPECT_NEAR(o.expected_interviews, sum_interview, 1e-12);
      double sum_at = 0.0;
      for (double x : o.p_match_at) {
        ASSERT_TRUE(is_probability(x));
        sum_at += x;
      }
      EXPECT_NEAR(sum_at, o.p_match, 1e-12);
    }
  }
  // Extreme logits stay finite.
  const Model model;
  for (double eta : {-1e6, -700.0, 0.0, 700.0, 1e6}) {
    const ProgramLogits l{true, eta, eta};
    EXPECT_TRUE(is_probability(model.p_interview(l)));
    EXPECT_TRUE(is_probability(model.p_match(l)));
    EXPECT_TRUE(is_probability(model.evaluate_list({l, l}).p_match));
  }
}

TEST(ModelProperties, CorrelationKeepsAWeakProfileBelowTheIndependenceProduct) {
  const Model model;
  Rng r(5);
  for (int i = 0; i < 200; ++i) {
    Profile p;
    p.graduate_type = GraduateType::NonUsImg;
    p.visa = VisaNeed::J1;
    p.step2ck.score = r.between(205, 225);
    p.step1.attempts = r.between(1, 2);
    p.match_year = 2026;
    p.graduation_year = 2026 - r.between(5, 9);
    p.us_letters = r.between(0, 1);
    std::vector<ProgramLogits> list;
    double none = 1.0;
    for (int j = 0; list.size() < 30 && j < 500; ++j) {
      const ProgramChance c = model.score(p, random_program(r, j), {false, false});
      if (!c.eligible) continue;
      list.push_back(c.logits);
      none *= 1.0 - c.p_match;
    }
    ASSERT_EQ(list.size(), 30u);
    const double independent = 1.0 - none;
    const double correlated = model.evaluate_list(list).p_match;
    EXPECT_LT(correlated, independent) << i;
  }
}

TEST(ModelProperties, OneProgramListEqualsTheMarginal) {
  const Model model;
  Rng r(11);
  for (int i = 0; i < 2000; ++i) {
    const ProgramChance c = model.score(random_profile(r), random_program(r, i), {r.chance(50), false});
    const ListOutcome o = model.evaluate_list({c.logits});
    EXPECT_EQ(o.p_match, c.p_match);  // bit for bit: the same expression
    EXPECT_EQ(o.p_interview_any, c.p_interview);
    EXPECT_EQ(o.expected_interviews, c.p_interview);
    EXPECT_EQ(model.gain_if_appended(model.begin_list(), c.logits), c.p_match);
  }
}

TEST(ModelProperties, IncrementalListMatchesRankOrderDefinition) {
  const Model model;
  Rng r(13);
  const Profile p = random_profile(r);
  std::vector<ProgramLogits> logits;
  for (int j = 0; logits.size() < 12; ++j) {
    const ProgramChance c = model.score(p, random_program(r, j), {false, false});
    if (c.eligible) logits.push_back(c.logits);
  }
  ListState s = model.begin_list();
  std::vector<double> pi, pm;
  for (std::size_t i = 0; i < logits.size(); ++i) {
    const double gain = model.gain_if_appended(s, logits[i]);
    model.append(s, logits[i]);
    EXPECT_EQ(s.p_match_at[i], gain);
    // Brute force: P(match at i) = E_Z[ pm_i(Z) prod_{j<i} (1 - pm_j(Z)) ].
    double brute = 0.0;
    for (std::size_t k = 0; k < model.nodes().size(); ++k) {
      double none_before = 1.0;
      for (std::size_t j = 0; j < i; ++j) {
        model.node_chances(logits[j], pi, pm);
        none_before *= 1.0 - pm[k];
      }
      model.node_chances(logits[i], pi, pm);
      brute += model.weights()[k] * none_before * pm[k];
    }
    EXPECT_NEAR(s.p_match_at[i], brute, 1e-15);
  }
  // Rank order moves the chance between programs, never the total.
  std::vector<ProgramLogits> reversed(logits.rbegin(), logits.rend());
  EXPECT_NEAR(model.evaluate_list(reversed).p_match, s.p_match, 1e-14);
}

TEST(ModelProperties, AssumptionRangeBracketsTheDefault) {
  const Model low(params_at(default_model_params(), AssumptionEnd::Pessimistic));
  const Model mid;
  const Model high(params_at(default_model_params(), AssumptionEnd::Optimistic));
  Rng r(17);
  for (int i = 0; i < 200; ++i) {
    const Profile p = random_profile(r);
    std::vector<Program> programs;
    for (int j = 0; j < 20; ++j) programs.push_back(random_program(r, j));
    auto p_list = [&](const Model& m) {
      std::vector<ProgramLogits> l;
      for (const auto& c : m.score_all(p, programs, {true, false})) l.push_back(c.logits);
      return m.evaluate_list(l).p_match;
    };
    const double a = p_list(low), b = p_list(mid), c = p_list(high);
    EXPECT_LE(a, b + kUlpSlack);
    EXPECT_LE(b, c + kUlpSlack);
  }
  for (const auto& a : model_assumptions()) {
    EXPECT_LT(a.low, a.high) << a.name;
    const double def = default_model_params().*(a.member);
    EXPECT_LE(a.low, def) << a.name;
    EXPECT_GE(a.high, def) << a.name;
  }
}

TEST(ModelTerms, ExplainEveryContributionReadably) {
  const Model model;
  Profile p;
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::J1;
  p.step2ck.score = 221;
  p.match_year = 2026;
  p.graduation_year = 2018;
  p.us_letters = 2;
  Program prog;
  prog.specialty = "Internal Medicine";
  prog.state = "MS";
  prog.setting = Setting::Community;
  prog.img_share = 0.60;
  prog.rural = true;
  const ProgramChance c = model.score(p, prog, {true, true});
  ASSERT_TRUE(c.eligible);
  auto find = [&](const std::string& needle) -> const Term* {
    for (const auto& t : c.terms)
      if (t.text.find(needle) != std::string::npos) return &t;
    return nullptr;
  };
  const Term* share = find("60% of its residents are IMGs");
  ASSERT_NE(share, nullptr);
  // A share of all IMGs against IM's 32.7% non-US fill share / 0.74 (US-citizen IMGs counted too).
  EXPECT_NEAR(share->value, 3.0 * (0.60 - 0.327 / 0.74), 1e-12);
  EXPECT_EQ(format_term(*share).substr(0, 6), "+0.5: ");
  const Term* years = find("8 years since graduation");
  ASSERT_NE(years, nullptr);
  EXPECT_EQ(format_term(*years).substr(0, 6), "-1.1: ");
  const Term* visa = find("program states no visa policy");
  ASSERT_NE(visa, nullptr);
  EXPECT_TRUE(visa->unknown);
  EXPECT_EQ(format_term(*visa), "unknown (-0.6): program states no visa policy");
  ASSERT_NE(find("Step 2 CK 221"), nullptr);
  EXPECT_LT(find("Step 2 CK 221")->value, 0.0);
  ASSERT_NE(find("signal"), nullptr);
  ASSERT_NE(find("Deep South"), nullptr);
  ASSERT_NE(find("no hands-on US clinical experience"), nullptr);
  // Largest effect first; the terms add up to the logit.
  double sum = model.specialty("Internal Medicine").interview_intercept;
  for (std::size_t i = 0; i < c.terms.size(); ++i) {
    sum += c.terms[i].value;
    if (i > 0) EXPECT_GE(std::fabs(c.terms[i - 1].value), std::fabs(c.terms[i].value));
  }
  EXPECT_NEAR(sum, c.logits.interview, 1e-12);
  // Explaining or not gives the same numbers.
  const ProgramChance quiet = model.score(p, prog, {true, false});
  EXPECT_EQ(quiet.p_match, c.p_match);
  EXPECT_TRUE(quiet.terms.empty());
}

TEST(ModelTerms, UncalibratedSpecialtyIsFlagged) {
  const Model model;
  Profile p;
  p.step2ck.score = 240;
  p.match_year = 2026;
  p.graduation_year = 2025;
  Program prog;
  prog.specialty = "Pathology";
  const ProgramChance c = model.score(p, prog);
  bool flagged = false;
  for (const auto& t : c.terms)
    flagged |= t.unknown && t.text.find("no calibration for Pathology") != std::string::npos;
  EXPECT_TRUE(flagged);
}
