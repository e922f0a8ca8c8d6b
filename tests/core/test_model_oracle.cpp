// The model's numbers against an independent oracle (model_oracle.h): a Monte Carlo simulation of
// the model's story, written apart from the quadrature in core/src/model.cpp. P(match), each
// program's chance, the chance of ending up at each program of a list, P(at least one interview),
// expected interviews and the rank list after interviews must agree within kOracleSigmas standard
// errors of the simulation. Expectations use only the logits the model reports and its parameters
// as ModelParams holds them, so a re-fit of constants does not break these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

#include "model_oracle.h"
#include "openpick/core/model.h"
#include "openpick/core/planner.h"

using namespace openpick::core;
using openpick::test::kOracleSigmas;
using openpick::test::oracle_programs;
using openpick::test::OracleEstimate;
using openpick::test::OracleProgram;
using openpick::test::simulate_list;

namespace {

constexpr std::size_t kDraws = 400000;

// docs/MODEL.md, "After interviews": the applicant factor keeps its prior (the interviews alone are
// not evidence about Z without the applications that brought none). The oracle simulates each
// program on the list as certain to have interviewed, Z at its prior. (true: the older model, which
// updated Z on the interviews.)
constexpr bool kRankListConditionsOnInterviews = false;

#define EXPECT_WITHIN_ORACLE(VAL, EST, WHAT)                                                                           \
  do {                                                                                                                 \
    const double v_ = (VAL);                                                                                           \
    const OracleEstimate e_ = (EST);                                                                                   \
    EXPECT_NEAR(v_, e_.value, kOracleSigmas* e_.se) << WHAT << " (oracle " << e_.value << " +- " << e_.se << " s.e.)"; \
  } while (0)

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

Profile applicant(int step2, VisaNeed visa, int graduation_year) {
  Profile p;
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = visa;
  p.step2ck.score = step2;
  p.step1.attempts = 1;
  p.match_year = 2026;
  p.graduation_year = graduation_year;
  p.usce_months = {4.0, 2.0};
  p.us_letters = 3;
  p.preferred_states = {"MS", "OH"};
  return p;
}

// Programs across the range of chances: settings, IMG shares, states, rural, visa policy stated
// or not.
std::vector<Program> programs(int n, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  const char* states[] = {"MS", "NY", "OH", "AL", "CA"};
  const char* specialties[] = {"Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry"};
  std::vector<Program> out;
  for (int i = 0; i < n; ++i) {
    Program p;
    p.id = "O" + std::to_string(i);
    p.specialty = specialties[g() % 4];
    p.state = states[g() % 5];
    p.setting = static_cast<Setting>(g() % 3);
    if (g() % 5) p.img_share = static_cast<double>(g() % 80) / 100.0;
    if (g() % 4) p.visa.j1 = true;
    p.rural = g() % 3 == 0;
    out.push_back(p);
  }
  return out;
}

void expect_list_matches_oracle(const Model& model, const std::vector<ProgramLogits>& list, std::uint64_t seed,
                                const std::string& what) {
  const ListOutcome o = model.evaluate_list(list);
  const auto r =
      simulate_list(oracle_programs(list), model.params().sigma_interview, model.params().sigma_match, seed, kDraws);
  EXPECT_WITHIN_ORACLE(o.p_match, r.p_match, what << ": P(match)");
  EXPECT_WITHIN_ORACLE(o.p_interview_any, r.p_interview_any, what << ": P(at least one interview)");
  EXPECT_WITHIN_ORACLE(o.expected_interviews, r.expected_interviews, what << ": expected interviews");
  ASSERT_EQ(o.p_match_at.size(), list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_WITHIN_ORACLE(o.p_match_at[i], r.p_match_at[i], what << ": P(match at rank " << i << ")");
    EXPECT_WITHIN_ORACLE(model.p_interview(list[i]), r.p_interview_at[i], what << ": p_interview of " << i);
    EXPECT_WITHIN_ORACLE(model.p_match(list[i]), r.p_offer_at[i], what << ": p_match of " << i);
  }
}

}  // namespace

// The oracle itself, against closed forms: with no applicant factor (both sds 0) programs are
// independent, P(interview) = logistic(a), P(match here) = logistic(a) logistic(m), and the chance
// of ending up at rank i is prod_{j<i} (1 - q_j) q_i.
TEST(ModelOracle, OracleAgreesWithTheClosedFormWithoutTheFactor) {
  const std::vector<OracleProgram> list = {{true, -1.0, -1.1}, {true, 0.5, -0.4}, {false, 3.0, 3.0}, {true, -2.5, 0.2}};
  const auto r = simulate_list(list, 0.0, 0.0, 3, kDraws);
  double none = 1.0, no_interview = 1.0, expected = 0.0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const double pi = list[i].reachable ? logistic(list[i].interview_logit) : 0.0;
    const double q = pi * logistic(list[i].match_logit);
    EXPECT_WITHIN_ORACLE(pi, r.p_interview_at[i], "interview " << i);
    EXPECT_WITHIN_ORACLE(q, r.p_offer_at[i], "offer " << i);
    EXPECT_WITHIN_ORACLE(none * q, r.p_match_at[i], "match at " << i);
    none *= 1.0 - q;
    no_interview *= 1.0 - pi;
    expected += pi;
  }
  EXPECT_WITHIN_ORACLE(1.0 - none, r.p_match, "P(match)");
  EXPECT_WITHIN_ORACLE(1.0 - no_interview, r.p_interview_any, "P(interview)");
  EXPECT_WITHIN_ORACLE(expected, r.expected_interviews, "expected interviews");
  EXPECT_EQ(r.p_match_at[2].value, 0.0);  // unreachable: never
}

// The model without the factor, against the same closed forms (no simulation needed).
TEST(ModelOracle, ModelWithoutTheFactorIsTheIndependentProduct) {
  ModelParams params = default_model_params();
  params.sigma_interview = 0.0;
  params.sigma_match = 0.0;
  const Model model(params);
  const std::vector<ProgramLogits> list = {{true, -1.0, -1.1}, {true, 0.5, -0.4}, {false, 3.0, 3.0}, {true, -2.5, 0.2}};
  const ListOutcome o = model.evaluate_list(list);
  double none = 1.0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const double q = list[i].reachable ? logistic(list[i].interview) * logistic(list[i].match_given_interview) : 0.0;
    EXPECT_NEAR(model.p_match(list[i]), q, 1e-12);
    EXPECT_NEAR(o.p_match_at[i], none * q, 1e-12) << i;
    none *= 1.0 - q;
  }
  EXPECT_NEAR(o.p_match, 1.0 - none, 1e-12);
}

// One program at a time, over a grid of logits: the marginals the page shows for each program.
TEST(ModelOracle, EachProgramsChancesAgreeWithTheOracle) {
  const Model model;
  std::vector<ProgramLogits> grid;
  for (double a : {-6.0, -4.0, -2.5, -1.0, 0.0, 1.5, 3.0})
    for (double m : {-2.0, -1.1, 0.0, 1.0}) grid.push_back({true, a, m});
  // The list's p_interview_at / p_offer_at are the marginals whatever the order.
  const auto r =
      simulate_list(oracle_programs(grid), model.params().sigma_interview, model.params().sigma_match, 5, kDraws);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    EXPECT_WITHIN_ORACLE(model.p_interview(grid[i]), r.p_interview_at[i], "p_interview at " << grid[i].interview);
    EXPECT_WITHIN_ORACLE(model.p_match(grid[i]), r.p_offer_at[i],
                         "p_match at " << grid[i].interview << ", " << grid[i].match_given_interview);
  }
}

// Lists of scored programs, in rank order, under the default parameters and across the
// correlation sds' ranges (the correlation is what makes a list's chance differ from independence).
TEST(ModelOracle, ListChancesAgreeWithTheOracle) {
  struct Case {
    const char* name;
    double sigma_interview, sigma_match;
  };
  const ModelParams base = default_model_params();
  const std::vector<Case> cases = {{"default", base.sigma_interview, base.sigma_match},
                                   {"sds low", 0.6, 0.25},
                                   {"sds high", 1.4, 0.75},
                                   {"match sd alone", 0.0, 0.75}};
  std::uint64_t seed = 100;
  for (const Case& c : cases) {
    ModelParams params = base;
    params.sigma_interview = c.sigma_interview;
    params.sigma_match = c.sigma_match;
    const Model model(params);
    for (const Profile& p : {applicant(226, VisaNeed::J1, 2019), applicant(247, VisaNeed::None, 2024)}) {
      std::vector<ProgramLogits> list;
      for (const Program& prog : programs(10, ++seed)) {
        const ProgramChance ch = model.score(p, prog, {seed % 2 == 0, false});
        list.push_back(ch.logits);  // an unreachable program stays on the list: it adds nothing
      }
      expect_list_matches_oracle(model, list, ++seed,
                                 std::string(c.name) + ", Step 2 " + std::to_string(*p.step2ck.score));
    }
  }
}

TEST(ModelOracle, PessimisticAndOptimisticParametersAgreeWithTheOracle) {
  for (AssumptionEnd end : {AssumptionEnd::Pessimistic, AssumptionEnd::Optimistic}) {
    const Model model(params_at(default_model_params(), end));
    std::vector<ProgramLogits> list;
    for (const Program& prog : programs(8, 41))
      list.push_back(model.score(applicant(232, VisaNeed::J1, 2021), prog, {true, false}).logits);
    expect_list_matches_oracle(model, list, 43, end == AssumptionEnd::Pessimistic ? "pessimistic" : "optimistic");
  }
}

// After interviews: the rank list of programs that interviewed the applicant. Small on purpose
// (three programs of a strong applicant, so most simulated applicants are interviewed at all three):
// see kRankListConditionsOnInterviews.
TEST(ModelOracle, RankListAfterInterviewsAgreesWithTheOracle) {
  const Model model;
  Profile p = applicant(255, VisaNeed::None, 2025);
  p.graduate_type = GraduateType::UsImg;
  Dataset d;
  for (const Program& prog : programs(12, 77)) d.programs.push_back(prog);
  std::vector<std::size_t> ranked;
  std::vector<ProgramLogits> logits;
  for (std::size_t i = 0; i < d.programs.size() && ranked.size() < 3; ++i) {
    const ProgramChance c = model.score(p, d.programs[i], {false, false});
    if (!c.eligible) continue;
    ranked.push_back(i);
    logits.push_back(c.logits);
  }
  ASSERT_EQ(ranked.size(), 3u);
  std::vector<OracleProgram> sim = oracle_programs(logits);
  if (!kRankListConditionsOnInterviews)
    for (auto& s : sim) s.interview_logit = 1e9;  // interviewed for certain, Z not updated
  const auto r = simulate_list(sim, model.params().sigma_interview, model.params().sigma_match, 9, 200000,
                               kRankListConditionsOnInterviews);
  ASSERT_GE(r.draws, 50000u) << "too few simulated applicants were interviewed everywhere";
  // Reversing the list must move the per-rank chances with it: check both orders.
  for (bool reverse : {false, true}) {
    std::vector<std::size_t> order = ranked;
    std::vector<OracleProgram> sim_order = sim;
    if (reverse) {
      std::reverse(order.begin(), order.end());
      std::reverse(sim_order.begin(), sim_order.end());
    }
    const auto ro = simulate_list(sim_order, model.params().sigma_interview, model.params().sigma_match, 11, 200000,
                                  kRankListConditionsOnInterviews);
    const RankListOutcome out = rank_list_outcome(p, d, order, model);
    ASSERT_EQ(out.p_match_at.size(), 3u);
    EXPECT_WITHIN_ORACLE(out.p_match, ro.p_match, "rank list P(match), reversed " << reverse);
    for (std::size_t i = 0; i < 3; ++i)
      EXPECT_WITHIN_ORACLE(out.p_match_at[i], ro.p_match_at[i], "rank " << i << ", reversed " << reverse);
  }
  // The order changes where the applicant ends up, not whether (the same set of offers).
  EXPECT_NEAR(rank_list_outcome(p, d, ranked, model).p_match,
              rank_list_outcome(p, d, {ranked[2], ranked[1], ranked[0]}, model).p_match, 1e-12);
  EXPECT_WITHIN_ORACLE(rank_list_outcome(p, d, ranked, model).p_match, r.p_match, "rank list P(match)");
}
