// The numbers the Plan tab shows, each against an expectation worked out apart from the planner:
// tiers at their documented thresholds (docs/PLANNER.md, "Tiers"); the application order against
// an eager (non-lazy) greedy written here, by count and by dollars across the ERAS fee step; each
// program's "chance you match here", P(match), P(at least one interview) and expected interviews
// against the Monte Carlo oracle (model_oracle.h) walking the rank list in true preference order.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "model_oracle.h"
#include "openpick/core/advice.h"
#include "openpick/core/fees.h"
#include "openpick/core/planner.h"
#include "openpick/core/signals.h"
#include "test_support.h"

using namespace openpick::core;
using openpick::test::kOracleSigmas;
using openpick::test::oracle_programs;
using openpick::test::simulate_list;

namespace {

// docs/PLANNER.md, "Tiers": likely from 30%, target from 10%, reach below.
constexpr double kDocumentedTargetFrom = 0.10;
constexpr double kDocumentedLikelyFrom = 0.30;

std::string documented_tier(double p_interview) {
  if (p_interview >= kDocumentedLikelyFrom) return "likely";
  if (p_interview >= kDocumentedTargetFrom) return "target";
  return "reach";
}

Profile applicant(int step2) {
  return openpick::testing::ProfileBuilder()
      .graduate(GraduateType::NonUsImg)
      .visa(VisaNeed::J1)
      .step1(ExamResult::Pass, 1)
      .step2ck(step2, 1)
      .ecfmg_certified(true)
      .graduated(2021)
      .match_year(2026)
      .usce(4.0, 2.0)
      .us_letters(3)
      .specialties({{"Internal Medicine", 1.0}, {"Family Medicine", 0.6}})
      .preferred_states({"MS", "OH"})
      .build();
}

Dataset dataset(int n, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  const char* states[] = {"MS", "NY", "OH", "AL", "CA", "TX"};
  Dataset d;
  for (int i = 0; i < n; ++i) {
    Program p;
    p.id = "N" + std::to_string(i);
    p.name = "Program " + std::to_string(i);
    p.specialty = i % 3 == 2 ? "Family Medicine" : "Internal Medicine";
    p.state = states[g() % 6];
    p.setting = static_cast<Setting>(g() % 3);
    p.img_share = static_cast<double>(g() % 85) / 100.0;
    p.visa.j1 = g() % 8 != 0;
    p.rural = g() % 4 == 0;
    p.accepts_signals = g() % 10 != 0;
    d.programs.push_back(p);
  }
  return d;
}

double utility_of(const Profile& p, const Program& prog) {
  for (const auto& s : p.specialties)
    if (s.name == prog.specialty) return s.weight;
  return 0.0;
}

// Expected utility of a set, ranked in true preference order (higher utility first, then the
// order given), from the model's per-rank chances (checked against the oracle in
// core_model_oracle). Written here, apart from the planner's own objective.
double expected_utility(const std::vector<double>& utility, const std::vector<ProgramLogits>& logits,
                        const Model& model) {
  std::vector<std::size_t> rank(utility.size());
  for (std::size_t i = 0; i < rank.size(); ++i) rank[i] = i;
  std::stable_sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) { return utility[a] > utility[b]; });
  std::vector<ProgramLogits> ranked;
  for (std::size_t r : rank) ranked.push_back(logits[r]);
  const ListOutcome o = model.evaluate_list(ranked);
  double eu = 0.0;
  for (std::size_t r = 0; r < rank.size(); ++r) eu += utility[rank[r]] * o.p_match_at[r];
  return eu;
}

struct Candidates {
  std::vector<std::size_t> index;  // into the dataset
  std::vector<double> utility;
  std::vector<ProgramLogits> logits;  // unsignalled: the order is chosen before signals
};

Candidates candidates(const Profile& p, const Dataset& d, const Model& model) {
  Candidates c;
  for (std::size_t i = 0; i < d.programs.size(); ++i) {
    const double u = utility_of(p, d.programs[i]);
    const ProgramChance ch = model.score(p, d.programs[i], {false, false});
    if (u <= 0.0 || !ch.eligible) continue;
    c.index.push_back(i);
    c.utility.push_back(u);
    c.logits.push_back(ch.logits);
  }
  return c;
}

// The eager greedy, following the plan's own choices: at each step, every remaining candidate's
// gain (per marginal dollar with `per_dollar`) is computed afresh; the plan's choice must have the
// best. Following the plan's path (not our own) keeps exact ties from mattering.
void expect_plan_follows_eager_greedy(const Profile& p, const Dataset& d, const Plan& plan, const Model& model,
                                      bool per_dollar, bool fee_assistance = false) {
  const Candidates c = candidates(p, d, model);
  const FeeSchedule fees = *eras_fee_schedule(2026);
  std::vector<double> u;
  std::vector<ProgramLogits> l;
  std::map<std::string, int> per_specialty;
  std::vector<bool> taken(c.index.size(), false);
  double value = 0.0;
  for (std::size_t step = 0; step < plan.programs.size(); ++step) {
    auto marginal_usd = [&](std::size_t j) {
      // The quote of the list with one more program, less the quote without it (fees.h, tested in
      // core_fees): ERAS fees per specialty, $11 each for the first 30, $30 after.
      auto quote = [&](const std::map<std::string, int>& counts) {
        std::vector<int> v;
        for (const auto& [specialty, n] : counts) v.push_back(n);
        return static_cast<double>(quote_eras_fees(fees, v, fee_assistance).total_cents) / 100.0;
      };
      std::map<std::string, int> more = per_specialty;
      ++more[d.programs[c.index[j]].specialty];
      return quote(more) - quote(per_specialty);
    };
    double best = -1.0;
    std::size_t chosen = c.index.size();
    double chosen_key = -1.0;
    for (std::size_t j = 0; j < c.index.size(); ++j) {
      if (taken[j]) continue;
      u.push_back(c.utility[j]);
      l.push_back(c.logits[j]);
      const double gain = expected_utility(u, l, model) - value;
      u.pop_back();
      l.pop_back();
      const double key = per_dollar ? gain / marginal_usd(j) : gain;
      best = std::max(best, key);
      if (c.index[j] == plan.programs[step].index) {
        chosen = j;
        chosen_key = key;
      }
    }
    ASSERT_LT(chosen, c.index.size()) << "step " << step << ": the plan chose a program that is not a candidate";
    EXPECT_GE(chosen_key, best - 1e-12 * std::max(1.0, std::fabs(best)))
        << "step " << step << ": the plan chose " << plan.programs[step].id << " (key " << chosen_key
        << ") where the eager greedy's best key is " << best;
    ++per_specialty[d.programs[c.index[chosen]].specialty];
    taken[chosen] = true;
    u.push_back(c.utility[chosen]);
    l.push_back(c.logits[chosen]);
    value = expected_utility(u, l, model);
  }
}

// The eager greedy here chooses programs without signals; the choice among (program, signal) is
// checked against exhaustive search in test_plan_economics.cpp.
PlanOptions quiet() {
  PlanOptions o;
  o.whatif = false;
  o.assumption_range = false;
  o.choose_signals = false;
  return o;
}

}  // namespace

// ---- Tiers --------------------------------------------------------------------------------------

TEST(PlanNumbers, TiersChangeExactlyAtTheDocumentedThresholds) {
  EXPECT_EQ(kTierTargetFrom, kDocumentedTargetFrom);
  EXPECT_EQ(kTierLikelyFrom, kDocumentedLikelyFrom);
  const double below_target = std::nextafter(kDocumentedTargetFrom, 0.0);
  const double below_likely = std::nextafter(kDocumentedLikelyFrom, 0.0);
  EXPECT_STREQ(to_string(tier_for(0.0)), "reach");
  EXPECT_STREQ(to_string(tier_for(below_target)), "reach");
  EXPECT_STREQ(to_string(tier_for(kDocumentedTargetFrom)), "target");
  EXPECT_STREQ(to_string(tier_for(below_likely)), "target");
  EXPECT_STREQ(to_string(tier_for(kDocumentedLikelyFrom)), "likely");
  EXPECT_STREQ(to_string(tier_for(1.0)), "likely");
  EXPECT_EQ(tier_for(0.05), Tier::Reach);
  EXPECT_EQ(tier_for(0.2), Tier::Target);
  EXPECT_EQ(tier_for(0.6), Tier::Likely);
}

TEST(PlanNumbers, EachPlannedProgramsTierIsItsInterviewChancesTier) {
  std::set<std::string> tiers;
  for (int step2 : {212, 230, 250, 268}) {
    const Profile p = applicant(step2);
    const Dataset d = dataset(90, static_cast<std::uint64_t>(step2));
    PlanOptions o = quiet();
    o.max_applications = 40;
    const Plan plan = make_plan(p, d, o, Model{});
    const auto j = nlohmann::json::parse(plan_to_json(plan, d, advise(p, &plan)));
    ASSERT_EQ(j["programs"].size(), plan.programs.size());
    for (std::size_t i = 0; i < plan.programs.size(); ++i) {
      const std::string expected = documented_tier(plan.programs[i].p_interview);
      EXPECT_EQ(to_string(plan.programs[i].tier), expected) << plan.programs[i].id;
      EXPECT_EQ(j["programs"][i]["tier"], expected) << plan.programs[i].id;
      tiers.insert(expected);
    }
  }
  EXPECT_EQ(tiers.size(), 3u) << "the inputs reach every tier";
}

// ---- Order --------------------------------------------------------------------------------------

TEST(PlanNumbers, OrderByCountIsTheEagerGreedyOrder) {
  const Model model;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Profile p = applicant(215 + static_cast<int>(seed) * 6);
    const Dataset d = dataset(40, seed);
    PlanOptions o = quiet();
    o.max_applications = 15;
    const Plan plan = make_plan(p, d, o, model);
    ASSERT_EQ(plan.programs.size(), 15u);
    expect_plan_follows_eager_greedy(p, d, plan, model, false);
  }
}

TEST(PlanNumbers, OrderByDollarsIsTheEagerGreedyOrderAcrossTheFeeStep) {
  const Model model;
  const Profile p = applicant(224);
  const Dataset d = dataset(110, 21);
  PlanOptions o = quiet();
  o.budget_usd = 900.0;  // past 30 programs in Internal Medicine: the $30 step is in play
  const Plan plan = make_plan(p, d, o, model);
  int im = 0;
  for (const auto& pp : plan.programs) im += d.programs[pp.index].specialty == "Internal Medicine";
  ASSERT_GT(im, 30) << "the list must cross the fee step";
  expect_plan_follows_eager_greedy(p, d, plan, model, true);

  // With the Fee Assistance Program (60% off the cheapest 50 program fees): the 51st costs more.
  o.fee_assistance = true;
  o.budget_usd = 700.0;
  const Plan assisted = make_plan(p, d, o, model);
  ASSERT_GT(assisted.programs.size(), 50u);
  expect_plan_follows_eager_greedy(p, d, assisted, model, true, true);
}

// ---- Chances ------------------------------------------------------------------------------------

// The plan's chances against the oracle: each program's signalled logits (docs/PLANNER.md: a gold
// signal adds the signal log odds ratio, a silver one kSilverShare of it), ranked in true preference
// order (utility, then application order), simulated.
TEST(PlanNumbers, ChanceYouMatchHereAgreesWithTheOracle) {
  const Model model;
  for (int step2 : {221, 243}) {
    const Profile p = applicant(step2);
    const Dataset d = dataset(60, static_cast<std::uint64_t>(step2));
    PlanOptions o = quiet();
    o.max_applications = 24;
    const Plan plan = make_plan(p, d, o, model);
    ASSERT_EQ(plan.programs.size(), 24u);
    std::vector<ProgramLogits> logits;
    std::set<double> levels;
    int signalled = 0, silver = 0;
    for (const PlannedProgram& pp : plan.programs) {
      silver += pp.signal == SignalKind::Silver;
      const ProgramChance c = model.score(p, d.programs[pp.index], {false, false});
      ProgramLogits l = c.logits;
      if (pp.signal == SignalKind::Gold) l.interview += c.signal_logit;
      if (pp.signal == SignalKind::Silver) l.interview += kSilverShare * c.signal_logit;
      signalled += pp.signal != SignalKind::None;
      EXPECT_NEAR(pp.p_interview, model.p_interview(l), 1e-12) << pp.id;
      EXPECT_NEAR(pp.p_match, model.p_match(l), 1e-12) << pp.id;
      EXPECT_EQ(pp.utility, utility_of(p, d.programs[pp.index])) << pp.id;
      levels.insert(pp.utility);
      logits.push_back(l);
    }
    ASSERT_EQ(levels.size(), 2u) << "both specialties on the list: the rank order matters";
    ASSERT_GT(signalled, 0);
    ASSERT_GT(silver, 0) << "a silver signal on the list: its chances are checked too";
    std::vector<std::size_t> rank(plan.programs.size());
    for (std::size_t i = 0; i < rank.size(); ++i) rank[i] = i;
    std::stable_sort(rank.begin(), rank.end(),
                     [&](std::size_t a, std::size_t b) { return plan.programs[a].utility > plan.programs[b].utility; });
    std::vector<ProgramLogits> ranked;
    for (std::size_t r : rank) ranked.push_back(logits[r]);
    const auto sim = simulate_list(oracle_programs(ranked), model.params().sigma_interview, model.params().sigma_match,
                                   static_cast<std::uint64_t>(step2), 400000);
    double eu = 0.0;
    for (std::size_t r = 0; r < rank.size(); ++r) {
      const PlannedProgram& pp = plan.programs[rank[r]];
      EXPECT_NEAR(pp.p_match_here, sim.p_match_at[r].value, kOracleSigmas * sim.p_match_at[r].se)
          << pp.id << " at rank " << r << " (" << pp.utility << ")";
      eu += pp.utility * pp.p_match_here;
    }
    // The first choice: nothing ranked above it, so its chance here is its own chance.
    EXPECT_NEAR(plan.programs[rank[0]].p_match_here, plan.programs[rank[0]].p_match, 1e-12);
    EXPECT_NEAR(plan.p_match, sim.p_match.value, kOracleSigmas * sim.p_match.se);
    EXPECT_NEAR(plan.p_interview_any, sim.p_interview_any.value, kOracleSigmas * sim.p_interview_any.se);
    EXPECT_NEAR(plan.expected_interviews, sim.expected_interviews.value, kOracleSigmas * sim.expected_interviews.se);
    EXPECT_NEAR(plan.expected_utility, eu, 1e-9);
  }
}

// ---- Cost ---------------------------------------------------------------------------------------

// A dollar budget that is exactly the price of k programs buys k programs (docs/PLANNER.md: the
// longest prefix whose fees, transcript included, fit), priced $11 each in one specialty.
TEST(PlanNumbers, ABudgetOfExactlyKProgramsBuysKPrograms) {
  Profile p = applicant(236);
  p.specialties = {{"Internal Medicine", 1.0}};
  const Dataset d = dataset(60, 5);
  const double transcript = static_cast<double>(eras_fee_schedule(2026)->transcript_cents) / 100.0;
  for (int k : {1, 7, 12}) {
    PlanOptions o = quiet();
    o.budget_usd = 11.0 * k + transcript;
    const Plan plan = make_plan(p, d, o, Model{});
    EXPECT_EQ(plan.programs.size(), static_cast<std::size_t>(k)) << "budget $" << *o.budget_usd;
    EXPECT_DOUBLE_EQ(plan.cost_usd, 11.0 * k + transcript);
    o.budget_usd = 11.0 * k + transcript - 0.01;  // a cent short: one program fewer
    EXPECT_EQ(make_plan(p, d, o, Model{}).programs.size(), static_cast<std::size_t>(k - 1));
  }
}

// ---- What-if ------------------------------------------------------------------------------------

// docs/PLANNER.md, "What-if": each change re-plans under the same limits with the planner's own
// choice of programs; the reported P(match) is that plan's, the gain its difference from the
// plan's. Each change is made here as the documentation words it.
TEST(PlanNumbers, EachWhatIfIsARePlanWithTheDocumentedChange) {
  Profile p = applicant(226);
  p.visa = VisaNeed::H1b;
  Dataset d = dataset(80, 9);
  for (auto& prog : d.programs) prog.visa.h1b = prog.visa.j1;  // some sponsor H-1B
  PlanOptions o = quiet();
  o.whatif = true;
  o.max_applications = 20;
  o.only_preferred_states = true;
  const Plan plan = make_plan(p, d, o, Model{});
  std::map<std::string, std::function<void(Profile&, PlanOptions&)>> documented = {
      {"step3", [](Profile& q, PlanOptions&) { q.step3_passed = true; }},
      {"usce_3_months", [](Profile& q, PlanOptions&) { q.usce_months.hands_on += 3.0; }},
      {"us_letter", [](Profile& q, PlanOptions&) { q.us_letters += 1; }},
      {"step2ck_plus_10", [](Profile& q, PlanOptions&) { q.step2ck.score = *q.step2ck.score + 10; }},
      {"accept_j1", [](Profile& q, PlanOptions&) { q.visa = VisaNeed::J1OrH1b; }},
      {"all_states", [](Profile&, PlanOptions& x) { x.only_preferred_states = false; }},
  };
  ASSERT_EQ(plan.whatif.size(), documented.size());
  for (const WhatIf& w : plan.whatif) {
    ASSERT_TRUE(documented.count(w.id)) << w.id;
    Profile q = p;
    PlanOptions x = o;
    x.whatif = false;
    documented[w.id](q, x);
    const double expected = make_plan(q, d, x, Model{}).p_match;
    EXPECT_NEAR(w.p_match, expected, 1e-12) << w.id;
    EXPECT_NEAR(w.gain, expected - plan.p_match, 1e-12) << w.id;
    // These four raise every program's interview logit: a real gain.
    if (w.id == "step3" || w.id == "usce_3_months" || w.id == "us_letter" || w.id == "step2ck_plus_10")
      EXPECT_GT(w.gain, 0.001) << w.id;
  }
}
