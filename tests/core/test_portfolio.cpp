// The portfolio optimizer against brute-force enumeration on many small random instances.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <set>
#include <stdexcept>
#include <vector>

#include "openpick/core/portfolio.h"
#include "test_support.h"

using openpick::core::BudgetPortfolio;
using openpick::core::NestedPortfolio;
using openpick::core::optimal_budget_portfolio;
using openpick::core::optimal_nested_portfolio;
using openpick::core::portfolio_value;
using openpick::core::PortfolioOption;

namespace {

// Integer draws (no std:: distributions: the same instances on every standard library).
using openpick::testing::Draw;

// Random instances; every third one from a few values so that ties, p = 0, p = 1 and utility 0
// are common.
std::vector<PortfolioOption> random_options(Draw& d, std::size_t m, int kind) {
  static constexpr double kCoarseP[] = {0.0, 0.25, 0.5, 1.0};
  static constexpr double kCoarseU[] = {0.0, 0.5, 0.75, 1.0};
  std::vector<PortfolioOption> o(m);
  for (auto& x : o) {
    if (kind % 3 == 2) {
      x.p = kCoarseP[d.below(4)];
      x.utility = kCoarseU[d.below(4)];
    } else {
      x.p = d.unit();
      x.utility = kind % 3 == 1 ? 1.0 : d.unit();  // kind 1: plain P(at least one)
    }
  }
  return o;
}

std::vector<std::size_t> members(std::uint32_t mask) {
  std::vector<std::size_t> out;
  for (std::size_t j = 0; j < 32; ++j)
    if (mask >> j & 1u) out.push_back(j);
  return out;
}

// Best value of any subset of each size, by enumeration.
std::vector<double> brute_force_by_size(const std::vector<PortfolioOption>& o) {
  std::vector<double> best(o.size() + 1, 0.0);
  for (std::uint32_t mask = 0; mask < (1u << o.size()); ++mask) {
    const auto s = members(mask);
    best[s.size()] = std::max(best[s.size()], portfolio_value(o, s));
  }
  return best;
}

}  // namespace

TEST(Portfolio, WorkedExample) {
  const std::vector<PortfolioOption> o = {{0.3, 1.0}, {0.8, 0.6}, {0.5, 0.9}};
  const NestedPortfolio n = optimal_nested_portfolio(o, 2);
  ASSERT_EQ(n.order, (std::vector<std::size_t>{1, 2}));
  ASSERT_EQ(n.value_by_count.size(), 3u);
  EXPECT_DOUBLE_EQ(n.value_by_count[0], 0.0);
  EXPECT_DOUBLE_EQ(n.value_by_count[1], 0.48);
  // {1, 2}: 0.5 * 0.9 + 0.5 * 0.8 * 0.6 = 0.69, better than {0, 1} = 0.636 and {0, 2} = 0.615.
  EXPECT_NEAR(n.value_by_count[2], 0.69, 1e-15);
}

TEST(Portfolio, PortfolioValueIsExpectedMax) {
  const std::vector<PortfolioOption> o = {{0.5, 1.0}, {0.5, 2.0}};
  EXPECT_DOUBLE_EQ(portfolio_value(o, {0, 1}), 1.25);  // 0.5*2 + 0.5*0.5*1
  EXPECT_DOUBLE_EQ(portfolio_value(o, {}), 0.0);
}

TEST(Portfolio, GreedyMatchesBruteForceAtEveryLength) {
  Draw d(1);
  int instances = 0;
  for (int kind = 0; kind < 600; ++kind) {
    const std::size_t m = 1 + d.below(10);
    const auto o = random_options(d, m, kind);
    const auto best = brute_force_by_size(o);
    const NestedPortfolio n = optimal_nested_portfolio(o, m);
    ASSERT_EQ(n.order.size(), m);
    ASSERT_EQ(n.value_by_count.size(), m + 1);
    for (std::size_t k = 0; k <= m; ++k) {
      ASSERT_NEAR(n.value_by_count[k], best[k], 1e-12) << "instance " << kind << " k=" << k;
      // The reported value is the value of the reported prefix.
      const std::vector<std::size_t> prefix(n.order.begin(), n.order.begin() + static_cast<long>(k));
      ASSERT_NEAR(portfolio_value(o, prefix), n.value_by_count[k], 1e-12);
    }
    ++instances;
  }
  EXPECT_EQ(instances, 600);
}

TEST(Portfolio, OrderIsNestedAPermutationAndValuesAreConcave) {
  Draw d(2);
  for (int kind = 0; kind < 60; ++kind) {
    const std::size_t m = 1 + d.below(300);
    const auto o = random_options(d, m, kind);
    const NestedPortfolio full = optimal_nested_portfolio(o, m);
    ASSERT_EQ(std::set<std::size_t>(full.order.begin(), full.order.end()).size(), m);
    for (std::size_t j : full.order) ASSERT_LT(j, m);
    for (std::size_t k = 1; k <= m; ++k) {
      ASSERT_GE(full.value_by_count[k], full.value_by_count[k - 1]);
      if (k >= 2)  // each greedy gain is at most the one before (gains only shrink)
        ASSERT_LE(full.value_by_count[k] - full.value_by_count[k - 1],
                  full.value_by_count[k - 1] - full.value_by_count[k - 2] + 1e-15);
    }
    const std::size_t h = d.below(m + 1);
    const NestedPortfolio part = optimal_nested_portfolio(o, h);
    ASSERT_EQ(part.order.size(), h);
    for (std::size_t k = 0; k < h; ++k) ASSERT_EQ(part.order[k], full.order[k]);
    for (std::size_t k = 0; k <= h; ++k) ASSERT_EQ(part.value_by_count[k], full.value_by_count[k]);
  }
}

// The plain O(h*m) greedy with the elimination update, every option updated every step, ties to the
// lower index; the same flushing of negligible chances and utilities as portfolio.cpp.
NestedPortfolio eager_reference(const std::vector<PortfolioOption>& o, std::size_t h) {
  const std::size_t m = o.size();
  double max_u = 0.0;
  for (const auto& x : o) max_u = std::max(max_u, x.utility);
  const double tiny = max_u * 0x1p-700;
  std::vector<double> p(m), t(m);
  std::vector<bool> taken(m, false);
  for (std::size_t j = 0; j < m; ++j) {
    p[j] = o[j].p < 1e-200 ? 0.0 : o[j].p;
    t[j] = o[j].utility < tiny ? 0.0 : o[j].utility;
  }
  NestedPortfolio r;
  r.value_by_count.push_back(0.0);
  double value = 0.0;
  for (std::size_t s = 0; s < std::min(h, m); ++s) {
    std::size_t bi = m;
    for (std::size_t j = 0; j < m; ++j)
      if (!taken[j] && (bi == m || p[j] * t[j] > p[bi] * t[bi])) bi = j;
    const double pk = p[bi], tk = t[bi];
    value += pk * tk;
    taken[bi] = true;
    r.order.push_back(bi);
    r.value_by_count.push_back(value);
    for (std::size_t j = 0; j < m; ++j) {
      double tj = t[j] - pk * std::min(t[j], tk);
      t[j] = tj >= tiny ? tj : 0.0;
    }
  }
  return r;
}

TEST(Portfolio, SameOrderAsThePlainEagerGreedy) {
  // The lazy blocks of portfolio.cpp must change nothing: same order, same values, bit for bit.
  Draw d(6);
  for (int kind = 0; kind < 40; ++kind) {
    const std::size_t m = 1 + d.below(700);
    auto o = random_options(d, m, kind);
    if (kind % 4 == 3)
      for (auto& x : o) x.p *= 0.05;  // a weak applicant's chances: slow decay, many live blocks
    const std::size_t h = d.below(m + 1);
    const NestedPortfolio lazy = optimal_nested_portfolio(o, h);
    const NestedPortfolio eager = eager_reference(o, h);
    ASSERT_EQ(lazy.order, eager.order) << "instance " << kind;
    ASSERT_EQ(lazy.value_by_count, eager.value_by_count) << "instance " << kind;
  }
}

TEST(Portfolio, MaxCountIsClampedAndEmptyInputIsEmpty) {
  const std::vector<PortfolioOption> o = {{0.5, 1.0}};
  EXPECT_EQ(optimal_nested_portfolio(o, 10).order.size(), 1u);
  const NestedPortfolio e = optimal_nested_portfolio({}, 5);
  EXPECT_TRUE(e.order.empty());
  EXPECT_EQ(e.value_by_count, std::vector<double>{0.0});
}

TEST(Portfolio, SureThingMakesLowerOptionsWorthless) {
  // With p = 1 on the best option nothing below it adds value; only options above it can.
  const std::vector<PortfolioOption> o = {{0.9, 0.5}, {1.0, 0.6}, {0.2, 1.0}};
  const NestedPortfolio n = optimal_nested_portfolio(o, 3);
  EXPECT_EQ(n.order, (std::vector<std::size_t>{1, 2, 0}));
  EXPECT_NEAR(n.value_by_count[2], 0.2 * 1.0 + 0.8 * 0.6, 1e-15);
  EXPECT_EQ(n.value_by_count[3], n.value_by_count[2]);
}

TEST(Portfolio, LongRunsStayOutOfSubnormals) {
  // 2,000 options picked in turn: low utilities shrink by (1 - p) each time; values stay finite,
  // non-negative and consistent with a direct evaluation.
  Draw d(3);
  const auto o = random_options(d, 2000, 0);
  const NestedPortfolio n = optimal_nested_portfolio(o, 2000);
  for (double v : n.value_by_count) ASSERT_TRUE(std::isfinite(v));
  EXPECT_NEAR(n.value_by_count.back(), portfolio_value(o, n.order), 1e-9);
}

TEST(Portfolio, BudgetDpMatchesBruteForce) {
  Draw d(4);
  for (int kind = 0; kind < 500; ++kind) {
    const std::size_t m = 1 + d.below(10);
    const auto o = random_options(d, m, kind);
    std::vector<std::int64_t> cost(m);
    for (auto& c : cost) c = static_cast<std::int64_t>(d.below(6));  // 0..5, zero included
    const auto budget = static_cast<std::int64_t>(d.below(16));
    double best = 0.0;
    for (std::uint32_t mask = 0; mask < (1u << m); ++mask) {
      std::int64_t c = 0;
      for (std::size_t j : members(mask)) c += cost[j];
      if (c <= budget) best = std::max(best, portfolio_value(o, members(mask)));
    }
    const BudgetPortfolio r = optimal_budget_portfolio(o, cost, budget);
    ASSERT_NEAR(r.value, best, 1e-12) << "instance " << kind;
    ASSERT_LE(r.cost, budget);
    std::int64_t c = 0;
    for (std::size_t j : r.chosen) c += cost[j];
    ASSERT_EQ(c, r.cost);
    ASSERT_NEAR(portfolio_value(o, r.chosen), r.value, 1e-12);
    ASSERT_TRUE(std::is_sorted(r.chosen.begin(), r.chosen.end()));
  }
}

TEST(Portfolio, BudgetDpWithUnitCostsEqualsGreedy) {
  Draw d(5);
  for (int kind = 0; kind < 50; ++kind) {
    const std::size_t m = 1 + d.below(60);
    const auto o = random_options(d, m, kind);
    const NestedPortfolio n = optimal_nested_portfolio(o, m);
    const auto budget = static_cast<std::int64_t>(d.below(m + 1));
    const BudgetPortfolio r = optimal_budget_portfolio(o, std::vector<std::int64_t>(m, 1), budget);
    ASSERT_NEAR(r.value, n.value_by_count[static_cast<std::size_t>(budget)], 1e-12);
  }
}

TEST(Portfolio, BudgetDpDividesByTheCommonFactorAndPrefersTheCheaperOptimum) {
  const std::vector<PortfolioOption> o = {{0.4, 1.0}, {0.5, 0.8}, {0.0, 1.0}, {0.9, 0.3}};
  const BudgetPortfolio dollars = optimal_budget_portfolio(o, {11, 11, 11, 30}, 41);
  const BudgetPortfolio units = optimal_budget_portfolio(o, {1, 1, 1, 3}, 3);
  // 41 = 11 + 30 has gcd 1 with 11: a different instance; 33 and 3 are the same one.
  const BudgetPortfolio same = optimal_budget_portfolio(o, {11, 11, 11, 33}, 33);
  EXPECT_EQ(same.chosen, units.chosen);
  EXPECT_DOUBLE_EQ(same.value, units.value);
  EXPECT_LE(dollars.cost, 41);
  // Option 2 (p = 0) never helps, so it is never bought even when the budget allows it.
  const BudgetPortfolio all = optimal_budget_portfolio(o, {1, 1, 1, 1}, 4);
  EXPECT_EQ(all.chosen, (std::vector<std::size_t>{0, 1, 3}));
  EXPECT_EQ(all.cost, 3);
}

TEST(Portfolio, BudgetDpRejectsBadArguments) {
  const std::vector<PortfolioOption> o = {{0.5, 1.0}, {0.5, 1.0}};
  EXPECT_THROW(optimal_budget_portfolio(o, {1}, 3), std::invalid_argument);
  EXPECT_THROW(optimal_budget_portfolio(o, {1, -1}, 3), std::invalid_argument);
  EXPECT_THROW(optimal_budget_portfolio(o, {1, 1}, -1), std::invalid_argument);
  const std::int64_t huge = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(openpick::core::budget_dp_cells({1, 1}, huge), std::numeric_limits<std::uint64_t>::max());
  EXPECT_THROW(optimal_budget_portfolio(o, {1, 1}, huge), std::invalid_argument);
  // One option and a budget of 10 million in units of 1: few cells, but too many columns.
  EXPECT_FALSE(openpick::core::budget_dp_fits({1}, 10'000'000));
  EXPECT_THROW(optimal_budget_portfolio({{0.5, 1.0}}, {1}, 10'000'000), std::invalid_argument);
  EXPECT_TRUE(openpick::core::budget_dp_fits({11, 30}, 3000));
  // Costs 0 with budget 0: both free options are taken.
  EXPECT_EQ(optimal_budget_portfolio(o, {0, 0}, 0).chosen.size(), 2u);
}

TEST(Portfolio, ValidationNamesTheField) {
  const std::vector<PortfolioOption> o = {
      {0.5, 1.0}, {1.5, 1.0}, {0.5, -1.0}, {std::nan(""), std::numeric_limits<double>::infinity()}};
  const auto e = openpick::core::validate_portfolio_options(o);
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0], "options[1].p: expected a chance in [0, 1], got 1.5");
  EXPECT_EQ(e[1], "options[2].utility: expected a finite number >= 0, got -1");
  EXPECT_EQ(e[2], "options[3].p: expected a chance in [0, 1], got nan");
  EXPECT_EQ(e[3], "options[3].utility: expected a finite number >= 0, got inf");
}
