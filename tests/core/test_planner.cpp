// The planner: greedy against exhaustive search, exactness with independent outcomes, budgets,
// pins and exclusions, signals, what-if, the curve, the plan's JSON, rank lists after interviews.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "openpick/core/advice.h"
#include "openpick/core/planner.h"
#include "openpick/core/portfolio.h"
#include "openpick/core/signals.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

// Integer-based draws (std:: distributions differ between standard libraries).
using openpick::testing::Draw;

const char* const kStates[] = {"MS", "AR", "NY", "CA", "TX", "LA", "OH"};

Program random_program(Draw& r, int i, const std::string& specialty) {
  Program p;
  p.id = "P" + std::to_string(i);
  p.name = "Program " + std::to_string(i);
  p.institution = "Institution " + std::to_string(i);
  p.specialty = specialty;
  p.city = "City";
  p.state = kStates[r.between(0, 6)];
  p.setting = static_cast<Setting>(r.between(0, 2));
  p.positions = r.between(2, 20);
  p.img_share = r.between(0, 90) / 100.0;
  p.visa.j1 = r.between(0, 9) < 7;
  p.visa.h1b = r.between(0, 9) < 3;
  p.accepts_signals = r.between(0, 9) < 9;
  p.rural = r.between(0, 9) < 3;
  return p;
}

Profile img_profile(int step2) {
  return openpick::testing::ProfileBuilder()
      .graduate(GraduateType::NonUsImg)
      .visa(VisaNeed::J1)
      .step1(ExamResult::Pass, 2)
      .step2ck(step2, 1)
      .graduated(2019)
      .match_year(2027)
      .usce(2.0, 4.0)
      .us_letters(2)
      .specialties({{"Internal Medicine", 1.0}, {"Family Medicine", 0.7}})
      .preferred_states({"MS", "AR"})
      .build();
}

Dataset random_dataset(Draw& r, int n) {
  Dataset d;
  d.name = "random";
  for (int i = 0; i < n; ++i)
    d.programs.push_back(random_program(r, i, i % 3 ? "Internal Medicine" : "Family Medicine"));
  return d;
}

}  // namespace

TEST(Planner, GreedyReachesTheOptimumOnSmallInstances) {
  // With the correlated model, greedy is the baseline; exhaustive search is the truth. The
  // tolerance is what a correct greedy achieves here: the optimum on all 40 instances, up to
  // rounding (measured gap 0). A looser bound (it was 1%) let a greedy that never re-evaluated its
  // stale gains pass at 0.38% from optimal. Should a model change make greedy miss the optimum on
  // one of these instances, record the measured gap in docs/PLANNER.md and set it here.
  const Model model;
  double worst_gap = 0.0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Draw r(seed);
    Dataset d = random_dataset(r, 12);
    Profile p = img_profile(r.between(200, 250));
    PlanOptions o;
    o.whatif = false;
    o.explain = false;
    o.assumption_range = false;
    o.choose_signals = false;  // the list alone against the best list (signals: test_plan_economics.cpp)
    const int count = r.between(1, 5);
    o.max_applications = count;
    const Plan plan = make_plan(p, d, o, model);
    std::vector<std::size_t> eligible;
    for (std::size_t i = 0; i < d.programs.size(); ++i) eligible.push_back(i);
    const int k = std::min<int>(count, static_cast<int>(plan.candidates));
    // Greedy's own set, before signals, against the best set of the same size.
    std::vector<std::size_t> chosen;
    for (const auto& pp : plan.programs) chosen.push_back(pp.index);
    ASSERT_EQ(static_cast<int>(chosen.size()), k);
    // Only eligible programs can be chosen; exhaustive over all is fine (ineligible add nothing).
    std::vector<std::size_t> reachable;
    for (std::size_t i : eligible)
      if (model.score(p, d.programs[i]).eligible) reachable.push_back(i);
    const double best = exhaustive_best_utility(p, d, reachable, k, model);
    const double greedy = expected_utility_of(p, d, chosen, model);
    ASSERT_LE(greedy, best + 1e-12);
    if (best > 0) worst_gap = std::max(worst_gap, (best - greedy) / best);
  }
  std::printf("worst relative gap of greedy vs exhaustive over 40 instances: %.3g\n", worst_gap);
  EXPECT_LE(worst_gap, 1e-12);
}

namespace {

// The expected utility of a set with tracks, worked out here from its definition (docs/PLANNER.md,
// "Tracks"), apart from the planner's slot products: at each quadrature node the match is at the
// first program in rank order that matches (utility, highest first; at equal utility a residency,
// then a one-year position, then an advanced one), an advanced match worth its utility only with a
// PGY-1 year, s = 1 - prod (1 - q) over the set's one-year programs; integrated over the nodes.
double paired_utility(const Profile& p, const Dataset& d, const std::vector<std::size_t>& set, const Model& model) {
  struct Ranked {
    double u;
    int kind;  // 0 residency, 1 one-year, 2 advanced
    std::vector<double> q;
  };
  std::vector<Ranked> ranked;
  std::vector<double> interview;
  for (std::size_t i : set) {
    const Program& pr = d.programs[i];
    double w = 0.0;
    for (const auto& sp : p.specialties)
      if (sp.name == pr.specialty) w = sp.weight;
    const bool one_year = pr.track == Track::Preliminary || pr.track == Track::Transitional;
    Ranked r{one_year ? w * p.one_year_value : w, one_year ? 1 : pr.track == Track::Advanced ? 2 : 0, {}};
    const ProgramChance c = model.score(p, pr);
    model.node_chances(c.logits, interview, r.q);
    ranked.push_back(std::move(r));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& x, const Ranked& y) { return x.u != y.u ? x.u > y.u : x.kind < y.kind; });
  double total = 0.0;
  for (std::size_t k = 0; k < model.weights().size(); ++k) {
    double no_pgy1 = 1.0;
    for (const Ranked& r : ranked)
      if (r.kind == 1) no_pgy1 *= 1.0 - r.q[k];
    double unmatched = 1.0, v = 0.0;
    for (const Ranked& r : ranked) {
      v += unmatched * r.q[k] * r.u * (r.kind == 2 ? 1.0 - no_pgy1 : 1.0);
      unmatched *= 1.0 - r.q[k];
    }
    total += model.weights()[k] * v;
  }
  return total;
}

}  // namespace

TEST(Planner, PairedGreedyAgainstExhaustiveSearch) {
  // Advanced (PGY-2) positions with one-year programs as their PGY-1 year: 12 programs (4 advanced
  // and 2 categorical Anesthesiology at weight 1, 2 transitional years at weight 1, so 0.25 each,
  // 2 categorical and 2 preliminary Internal Medicine at 0.6), the correlated model, lists of 2-6.
  // The greedy with its bundles against the best set of at most that size by enumeration, both valued
  // by paired_utility above. Pairing is not submodular, so greedy is not proven optimal here; it
  // reached the optimum on all 40 (measured gap 0; the planner before pairing, which valued an
  // advanced position as if paired and dropped it when no one-year program came: worst 45%, mean
  // 6.7%, on these instances). Should a change make it miss, record the gap in docs/PLANNER.md
  // ("Tracks") and set it here.
  const Model model;
  double worst_gap = 0.0, sum_gap = 0.0;
  int with_advanced = 0;
  const int kInstances = 40;
  for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(kInstances); ++seed) {
    Draw r(seed + 100);
    Dataset d;
    for (int i = 0; i < 12; ++i) {
      const int role = i % 6;
      const char* specialty = role <= 2 ? "Anesthesiology" : role == 3 ? "Transitional Year" : "Internal Medicine";
      Program pr = random_program(r, i, specialty);
      pr.track = role <= 1   ? Track::Advanced
                 : role == 3 ? Track::Transitional
                 : role == 4 ? Track::Preliminary
                             : Track::Categorical;
      d.programs.push_back(pr);
    }
    Profile p = img_profile(r.between(215, 255));
    p.specialties = {{"Anesthesiology", 1.0}, {"Transitional Year", 1.0}, {"Internal Medicine", 0.6}};
    PlanOptions o;
    o.whatif = false;
    o.explain = false;
    o.assumption_range = false;
    o.choose_signals = false;
    const int count = r.between(2, 6);
    o.max_applications = count;
    const Plan plan = make_plan(p, d, o, model);
    std::vector<std::size_t> chosen, reachable;
    for (const auto& pp : plan.programs) chosen.push_back(pp.index);
    for (std::size_t i = 0; i < d.programs.size(); ++i)
      if (model.score(p, d.programs[i]).eligible) reachable.push_back(i);
    const int k = std::min<int>(count, static_cast<int>(reachable.size()));
    // An advanced position can lower the value (its match, without a PGY-1 year, takes the place
    // of one below it): the greedy leaves out what adds nothing, so the list may be shorter, and
    // the search runs over every set of at most k.
    ASSERT_LE(static_cast<int>(chosen.size()), k) << "seed " << seed;
    for (std::size_t i : chosen) with_advanced += d.programs[i].track == Track::Advanced ? 1 : 0;
    double best = 0.0;
    const std::size_t n = reachable.size();
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
      if (__builtin_popcount(mask) > k) continue;
      std::vector<std::size_t> set;
      for (std::size_t j = 0; j < n; ++j)
        if (mask & (1u << j)) set.push_back(reachable[j]);
      best = std::max(best, paired_utility(p, d, set, model));
    }
    const double greedy = paired_utility(p, d, chosen, model);
    ASSERT_LE(greedy, best + 1e-12);
    const double gap = best > 0 ? std::max(0.0, (best - greedy) / best) : 0.0;
    worst_gap = std::max(worst_gap, gap);
    sum_gap += gap;
  }
  std::printf(
      "paired greedy vs exhaustive over %d instances: worst gap %.4f%%, mean %.4f%%; %d advanced "
      "positions on the greedy's lists\n",
      kInstances, 100.0 * worst_gap, 100.0 * sum_gap / kInstances, with_advanced);
  EXPECT_GT(with_advanced, 0);  // the instances do exercise the pairing
  EXPECT_LE(worst_gap, 1e-9);
}

TEST(Planner, WithoutCorrelationGreedyMatchesKapursExactOrder) {
  // sigma = 0: outcomes are independent, and the greedy values must equal the exact nested
  // portfolio's at every length (Kapur 2022).
  ModelParams params = default_model_params();
  params.sigma_interview = 0.0;
  params.sigma_match = 0.0;
  const Model model(params);
  Draw r(7);
  Dataset d = random_dataset(r, 60);
  Profile p = img_profile(232);
  PlanOptions o;
  o.whatif = false;
  o.explain = false;
  o.assumption_range = false;
  o.choose_signals = false;  // Kapur's order has no signals
  o.max_applications = 25;
  o.curve_length = 25;
  const Plan plan = make_plan(p, d, o, model);
  std::vector<PortfolioOption> options;
  std::vector<std::size_t> index;
  for (std::size_t i = 0; i < d.programs.size(); ++i) {
    const ProgramChance c = model.score(p, d.programs[i]);
    if (!c.eligible) continue;
    options.push_back({c.p_match, d.programs[i].specialty == "Internal Medicine" ? 1.0 : 0.7});
    index.push_back(i);
  }
  const NestedPortfolio exact = optimal_nested_portfolio(options, 25);
  // Greedy's expected utility after k programs (signals aside: compare before they are placed).
  for (int k = 1; k <= 25 && k < static_cast<int>(exact.value_by_count.size()); ++k) {
    std::vector<std::size_t> first;
    for (int n = 0; n < k; ++n) first.push_back(index[exact.order[static_cast<std::size_t>(n)]]);
    const double exact_value = expected_utility_of(p, d, first, model);
    EXPECT_NEAR(exact_value, exact.value_by_count[static_cast<std::size_t>(k)], 1e-9) << "k=" << k;
  }
  std::vector<std::size_t> greedy;
  for (const auto& pp : plan.programs) greedy.push_back(pp.index);
  // The plan's list (with signals off in the comparison) reaches the exact optimum of its length.
  Profile unsignalled = p;
  EXPECT_NEAR(expected_utility_of(unsignalled, d, greedy, model), exact.value_by_count[greedy.size()], 1e-9);
}

TEST(Planner, RespectsCountAndDollarBudgets) {
  Draw r(11);
  Dataset d = random_dataset(r, 300);
  const Model model;
  Profile p = img_profile(228);
  PlanOptions o;
  o.whatif = false;
  o.max_applications = 17;
  Plan plan = make_plan(p, d, o, model);
  EXPECT_EQ(plan.programs.size(), 17u);
  o.max_applications.reset();
  o.budget_usd = 600.0;
  plan = make_plan(p, d, o, model);
  EXPECT_LE(plan.cost_usd, 600.0);
  EXPECT_GT(plan.programs.size(), 20u);
  // Dollars: one more program from the order would not have fit.
  ASSERT_GT(plan.curve.size(), plan.programs.size() + 1);
  EXPECT_GT(plan.curve[plan.programs.size() + 1].cost_usd, 600.0);
}

TEST(Planner, CurveIsMonotoneAndMarksDiminishingReturns) {
  Draw r(3);
  Dataset d = random_dataset(r, 400);
  const Plan plan = make_plan(img_profile(226), d, PlanOptions{}, Model{});
  ASSERT_GT(plan.curve.size(), 10u);
  for (std::size_t i = 1; i < plan.curve.size(); ++i) {
    EXPECT_GE(plan.curve[i].p_match, plan.curve[i - 1].p_match - 1e-15);
    EXPECT_GE(plan.curve[i].cost_usd, plan.curve[i - 1].cost_usd);
  }
  const auto at = static_cast<std::size_t>(plan.diminishing_returns_at);
  ASSERT_LT(at + 1, plan.curve.size());
  EXPECT_LT(plan.curve[at + 1].p_match - plan.curve[at].p_match, 0.005);
  if (at > 0) EXPECT_GE(plan.curve[at].p_match - plan.curve[at - 1].p_match, 0.005);
}

TEST(Planner, PinsExclusionsAndVisaRules) {
  Draw r(5);
  Dataset d = random_dataset(r, 200);
  d.programs[0].visa.j1 = false;  // cannot be reached by a J-1 applicant, pinned or not
  d.programs[1].visa.j1 = true;
  d.programs[2].visa.j1 = true;
  PlanOptions o;
  o.whatif = false;
  o.pinned_ids = {"P0", "P1"};
  o.excluded_ids = {"P2"};
  o.max_applications = 10;
  const Plan plan = make_plan(img_profile(230), d, o, Model{});
  std::set<std::string> ids;
  for (const auto& pp : plan.programs) ids.insert(pp.id);
  EXPECT_TRUE(ids.count("P1"));
  EXPECT_FALSE(ids.count("P0"));
  EXPECT_FALSE(ids.count("P2"));
  EXPECT_TRUE(plan.programs[0].pinned);
  auto reason_of = [&](const std::string& id) {
    for (const auto& e : plan.excluded)
      if (e.id == id) return e.reason;
    return std::string();
  };
  EXPECT_NE(reason_of("P0").find("J-1"), std::string::npos) << reason_of("P0");
  EXPECT_EQ(reason_of("P2"), "you excluded it");
  for (const auto& pp : plan.programs) EXPECT_NE(d.programs[pp.index].visa.j1, false);
}

// Programs outside the applicant's target specialties are not the plan's business: neither
// candidates nor "excluded" with a reason (a Psychiatry program that takes no J-1 visa is not why
// an IM applicant's list is short), in the plan and in its what-if re-plans.
TEST(Planner, LooksOnlyAtTheTargetSpecialties) {
  Draw r(11);
  Dataset d;
  const char* const specialties[] = {"Internal Medicine", "Psychiatry", "Family Medicine", "Pediatrics"};
  for (int i = 0; i < 240; ++i) d.programs.push_back(random_program(r, i, specialties[(i / 20) % 4]));
  int eligible_targets = 0, ineligible_targets = 0;
  for (const Program& p : d.programs) {
    const bool target = p.specialty == "Internal Medicine" || p.specialty == "Family Medicine";
    if (target) (p.visa.j1 == false ? ineligible_targets : eligible_targets) += 1;
  }
  ASSERT_GT(ineligible_targets, 0);
  PlanOptions o;  // what-if on: the re-plans gather again
  const Plan plan = make_plan(img_profile(230), d, o, Model{});
  EXPECT_EQ(plan.candidates, static_cast<std::size_t>(eligible_targets));
  EXPECT_EQ(plan.excluded.size(), static_cast<std::size_t>(ineligible_targets));
  for (const auto& e : plan.excluded) {
    const std::string& s = d.programs[e.index].specialty;
    EXPECT_TRUE(s == "Internal Medicine" || s == "Family Medicine") << e.id << " (" << s << "): " << e.reason;
  }
  for (const auto& pp : plan.programs) EXPECT_NE(d.programs[pp.index].specialty, "Psychiatry");
  EXPECT_FALSE(plan.whatif.empty());
}

TEST(Planner, SignalsStayWithinAllowancesAndRaiseTheChance) {
  Draw r(9);
  Dataset d = random_dataset(r, 300);
  PlanOptions o;
  o.whatif = false;
  o.max_applications = 40;
  const Plan plan = make_plan(img_profile(224), d, o, Model{});
  // Per specialty on the list: within its allowance, and some signal placed.
  std::map<std::string, std::pair<int, int>> used;
  for (const auto& pp : plan.programs) {
    if (pp.signal != SignalKind::None) EXPECT_NE(d.programs[pp.index].accepts_signals, false);
    auto& u = used[d.programs[pp.index].specialty];
    u.first += pp.signal == SignalKind::Gold;
    u.second += pp.signal == SignalKind::Silver;
  }
  int placed = 0;
  for (const auto& [specialty, u] : used) {
    EXPECT_LE(u.first, signal_allowance(specialty).gold) << specialty;
    EXPECT_LE(u.second, signal_allowance(specialty).silver) << specialty;
    placed += u.first + u.second;
  }
  EXPECT_GT(placed, 0);
  // With signals the chance is above that of the same list without them. (The curve now carries
  // the signals the list was chosen with, so the list without them is evaluated here.)
  const Model model;
  std::vector<ProgramLogits> unsignalled;
  for (const auto& pp : plan.programs)
    unsignalled.push_back(model.score(img_profile(224), d.programs[pp.index]).logits);
  EXPECT_GT(plan.p_match, model.evaluate_list(unsignalled).p_match);
}

TEST(Planner, WhatIfGainsAreRankedAndNeverNegativeForImprovements) {
  Draw r(13);
  Dataset d = random_dataset(r, 300);
  Profile p = img_profile(221);
  p.visa = VisaNeed::H1b;
  PlanOptions o;
  o.max_applications = 40;
  const Plan plan = make_plan(p, d, o, Model{});
  ASSERT_GE(plan.whatif.size(), 5u);
  for (std::size_t i = 1; i < plan.whatif.size(); ++i) EXPECT_GE(plan.whatif[i - 1].gain, plan.whatif[i].gain);
  for (const auto& w : plan.whatif) EXPECT_GE(w.gain, -1e-12) << w.id;
  const bool has_j1 =
      std::any_of(plan.whatif.begin(), plan.whatif.end(), [](const WhatIf& w) { return w.id == "accept_j1"; });
  EXPECT_TRUE(has_j1);
}

TEST(Planner, RangeBracketsTheHeadline) {
  Draw r(17);
  Dataset d = random_dataset(r, 200);
  const Plan plan = make_plan(img_profile(219), d, PlanOptions{}, Model{});
  // The 10th-90th percentile interval of the drawn assumptions, widened to hold the headline; the
  // all-at-once extremes hold it too.
  EXPECT_LE(plan.p_match_low, plan.p_match);
  EXPECT_GE(plan.p_match_high, plan.p_match);
  EXPECT_LT(plan.p_match_low, plan.p_match_high);
  EXPECT_LE(plan.p_match_extreme_low, plan.p_match_low + 1e-12);
  EXPECT_LT(plan.p_match_extreme_low, plan.p_match_extreme_high);
  // For this middle-of-the-road applicant the drawn assumptions land on both sides of the default:
  // the interval is strictly around the headline, and narrower than the extremes on both sides.
  EXPECT_LT(plan.p_match_low, plan.p_match - 0.01);
  EXPECT_GT(plan.p_match_high, plan.p_match + 0.01);
  EXPECT_LT(plan.p_match_extreme_low, plan.p_match_low - 0.01);
  EXPECT_GT(plan.p_match_extreme_high, plan.p_match_high + 0.01);

  // The assumptions behind the range: each alone; a monotone one brackets the headline and stays
  // inside the all-at-once extremes; widest first; only those that move it by half a point or more;
  // each named in plain words.
  ASSERT_FALSE(plan.sensitivity.empty());
  EXPECT_LE(plan.sensitivity.size(), kSensitivityShown);
  const auto names = model_assumptions();
  for (std::size_t i = 0; i < plan.sensitivity.size(); ++i) {
    const AssumptionEffect& e = plan.sensitivity[i];
    const auto a =
        std::find_if(names.begin(), names.end(), [&](const AssumptionRange& x) { return e.assumption == x.name; });
    ASSERT_NE(a, names.end()) << e.assumption;
    EXPECT_EQ(e.plain, a->plain);
    EXPECT_EQ(e.plain.find("logit"), std::string::npos) << e.plain;
    if (a->monotone) {
      EXPECT_LE(e.low, plan.p_match + 1e-12) << e.assumption;
      EXPECT_GE(e.high, plan.p_match - 1e-12) << e.assumption;
      EXPECT_GE(e.low, plan.p_match_extreme_low - 1e-12) << e.assumption;
      EXPECT_LE(e.high, plan.p_match_extreme_high + 1e-12) << e.assumption;
    }
    EXPECT_GE(e.high - e.low, kSensitivityFloor) << e.assumption;
    if (i > 0) EXPECT_GE(plan.sensitivity[i - 1].high - plan.sensitivity[i - 1].low, e.high - e.low);
  }
}

TEST(Planner, JsonHasTheContractFields) {
  Draw r(19);
  Dataset d = random_dataset(r, 100);
  const Profile p = img_profile(225);
  const Plan plan = make_plan(p, d, PlanOptions{}, Model{});
  const auto j = nlohmann::json::parse(plan_to_json(plan, d, advise(p, &plan)));
  for (const char* k : {"p_match", "p_match_sensitivity", "p_interview_any", "expected_interviews", "cost_usd",
                        "programs", "excluded", "curve", "whatif"})
    EXPECT_TRUE(j.contains(k)) << k;
  ASSERT_FALSE(j["programs"].empty());
  for (const char* k : {"id", "p_interview", "p_match", "tier", "signal", "reasons"})
    EXPECT_TRUE(j["programs"][0].contains(k)) << k;
  for (const char* k : {"applications", "p_match", "cost_usd"}) EXPECT_TRUE(j["curve"][0].contains(k)) << k;
  for (const char* k : {"change", "p_match"}) EXPECT_TRUE(j["whatif"][0].contains(k)) << k;
  EXPECT_EQ(j["programs"].size(), plan.programs.size());
}

TEST(Planner, EmptyOrUnreachableDataGivesAnEmptyPlanWithANote) {
  Dataset d;
  Plan plan = make_plan(img_profile(220), d, PlanOptions{}, Model{});
  EXPECT_TRUE(plan.programs.empty());
  EXPECT_EQ(plan.p_match, 0.0);
  EXPECT_FALSE(plan.notes.empty());
}

TEST(RankList, MoreInterviewsNeverLowerTheChanceAndAdviceIsTruePreference) {
  Draw r(23);
  Dataset d = random_dataset(r, 30);
  const Profile p = img_profile(226);
  const Model model;
  std::vector<std::size_t> interviewed;
  double last = 0.0;
  for (std::size_t i = 0; i < d.programs.size() && interviewed.size() < 6; ++i) {
    if (!model.score(p, d.programs[i]).eligible) continue;
    interviewed.push_back(i);
    const RankListOutcome out = rank_list_outcome(p, d, interviewed, model);
    EXPECT_GE(out.p_match, last - 1e-12);
    EXPECT_LE(out.p_match, 1.0);
    double sum = 0.0;
    for (double x : out.p_match_at) sum += x;
    EXPECT_NEAR(sum, out.p_match, 1e-12);
    last = out.p_match;
    EXPECT_NE(out.advice.find("truly prefer"), std::string::npos);
  }
  EXPECT_GT(last, 0.3) << "six interviews give a solid chance";
}

TEST(Advice, FiresOnTheProfile) {
  Profile p = img_profile(218);
  p.visa = VisaNeed::H1b;
  const auto advice = advise(p, nullptr);
  auto has = [&](const char* id) {
    return std::any_of(advice.begin(), advice.end(), [&](const Advice& a) { return a.id == id; });
  };
  EXPECT_TRUE(has("step3_before_ranking"));
  EXPECT_TRUE(has("lean_on_step2_and_letters"));
  EXPECT_TRUE(has("get_us_letters"));
  EXPECT_TRUE(has("apply_day_one"));
  p.step3_passed = true;
  p.step1.attempts = 1;
  p.us_letters = 4;
  const auto fewer = advise(p, nullptr);
  EXPECT_FALSE(std::any_of(fewer.begin(), fewer.end(), [](const Advice& a) { return a.id == "step3_before_ranking"; }));
  EXPECT_FALSE(std::any_of(fewer.begin(), fewer.end(), [](const Advice& a) { return a.id == "get_us_letters"; }));
  for (const auto& a : advice) EXPECT_FALSE(a.why.empty()) << a.id;
}
