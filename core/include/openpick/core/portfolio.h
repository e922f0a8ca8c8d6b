// The application portfolio for independent outcomes: which options to apply to, given each one's
// chance and utility, to maximize the expected utility of the best option that comes through.
//
// Kapur, "The college application problem" (arXiv:2205.01869, 2022):
//  - equal costs: optimal portfolios are nested, and greedy with the elimination update finds the
//    optimal one for every list length h at once, in O(h*m) for m options;
//  - integer costs and a budget: exact dynamic program over (options by utility, budget).
//
// The elimination update. With the set S chosen and k added, E[max] of S+k+X equals
//   value(S+k) + E[max over X of f(U_j)],  f(u) = u - p_k * min(u, t_k),
// where t_k is k's (already updated) utility: f is increasing with f(0) = 0, so the rest of the
// problem is the same problem with utilities t_j <- t_j - p_k * min(t_j, t_k). The next greedy
// pick is then the largest p_j * t_j, and the value grows by exactly that amount.
//
// Outcomes here are independent; the model's correlated outcomes need the planner (planner.h).
//
//   std::vector<PortfolioOption> opts = {{0.3, 1.0}, {0.8, 0.6}, {0.5, 0.9}};
//   NestedPortfolio n = optimal_nested_portfolio(opts, 2);
//   // n.order = {1, 2}; n.value_by_count = {0, 0.48, 0.69}
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace openpick::core {

struct PortfolioOption {
  double p = 0.0;        // chance of the good outcome, in [0, 1]
  double utility = 0.0;  // what that outcome is worth, finite and >= 0 (0 when nothing comes through)
};

struct NestedPortfolio {
  // Option indices in application order: the first k are the optimal portfolio of size k.
  std::vector<std::size_t> order;
  // value_by_count[k] = expected utility (of the best outcome) of the first k; [0] = 0.
  std::vector<double> value_by_count;
};

// Expected max utility of a set of options (the objective), O(n log n).
double portfolio_value(const std::vector<PortfolioOption>& options, const std::vector<std::size_t>& chosen);

// The optimal nested order for every list length up to max_count (clamped to the number of
// options), O(max_count * m) at worst; updates are applied lazily by blocks of options with similar
// gains, which computes the same numbers bit for bit and skips most of the work when the gains
// are spread (docs/BENCHMARKS.md). Ties go to the lower index. Options with p = 0 or utility = 0 add
// nothing but are still ordered (after everything that adds value), so every length is filled.
// Preconditions (validate_portfolio_options): p in [0, 1], utility finite and >= 0.
NestedPortfolio optimal_nested_portfolio(const std::vector<PortfolioOption>& options, std::size_t max_count);

struct BudgetPortfolio {
  std::vector<std::size_t> chosen;  // option indices, ascending
  double value = 0.0;               // expected max utility
  std::int64_t cost = 0;            // total cost of the chosen options, <= budget
};

// Exact optimum under integer costs and a budget (Kapur's dynamic program): with the options
// sorted by utility, V[j][b] = max(V[j-1][b], p_j * t_j + (1 - p_j) * V[j-1][b - c_j]), because
// the best-utility option of a set pays off first. Costs and budget are divided by their greatest
// common divisor first. O(m * B) time, m * B bits of memory (B = budget / gcd).
// Among optimal sets, the one with the least cost is returned.
// Preconditions: costs.size() == options.size(), costs >= 0, budget >= 0, and
// budget_dp_fits(costs, budget) (else std::invalid_argument).
BudgetPortfolio optimal_budget_portfolio(const std::vector<PortfolioOption>& options,
                                         const std::vector<std::int64_t>& costs, std::int64_t budget);

// The table size the dynamic program needs (options * (budget / gcd + 1)), so callers can refuse
// instances too large to solve exactly before trying: the choice table takes one bit per cell, the
// value row one double per column (budget / gcd + 1).
std::uint64_t budget_dp_cells(const std::vector<std::int64_t>& costs, std::int64_t budget);
std::uint64_t budget_dp_columns(const std::vector<std::int64_t>& costs, std::int64_t budget);
inline constexpr std::uint64_t kMaxBudgetDpCells = 200'000'000;  // 25 MB of choice bits
inline constexpr std::uint64_t kMaxBudgetDpColumns = 4'000'000;  // 32 MB of values
// Both limits hold (else optimal_budget_portfolio throws).
inline bool budget_dp_fits(const std::vector<std::int64_t>& costs, std::int64_t budget) {
  return budget >= 0 && budget_dp_cells(costs, budget) <= kMaxBudgetDpCells &&
         budget_dp_columns(costs, budget) <= kMaxBudgetDpColumns;
}

// Empty when every option is valid, else one message per bad option: "options[3].p: ...".
std::vector<std::string> validate_portfolio_options(const std::vector<PortfolioOption>& options);

}  // namespace openpick::core
