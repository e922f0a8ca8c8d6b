// The exact nested portfolio order (Kapur 2022) at the size of the paper's Julia reference:
// m = 16,384 options, list length h = m / 2. Goal: under 100 ms natively.
// Also the budget DP at a realistic size (a few hundred programs, ERAS-like costs, $ budget).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "openpick/core/portfolio.h"

namespace {

// Integer-based draws: the same instance on every standard library (native and wasm).
// Chances uniform in [0, max_p), utilities uniform in [0, 1).
std::vector<openpick::core::PortfolioOption> instance(std::size_t m, std::uint64_t seed, double max_p = 1.0) {
  std::mt19937_64 rng(seed);
  std::vector<openpick::core::PortfolioOption> o(m);
  for (auto& x : o) {
    x.p = max_p * static_cast<double>(rng() >> 11) * 0x1p-53;
    x.utility = static_cast<double>(rng() >> 11) * 0x1p-53;
  }
  return o;
}

void BM_NestedOrder(benchmark::State& state) {
  const auto m = static_cast<std::size_t>(state.range(0));
  const auto o = instance(m, 42);
  for (auto _ : state) {
    auto r = openpick::core::optimal_nested_portfolio(o, m / 2);
    benchmark::DoNotOptimize(r.value_by_count.back());
  }
  state.counters["m"] = static_cast<double>(m);
  state.counters["h"] = static_cast<double>(m / 2);
}
BENCHMARK(BM_NestedOrder)->Arg(1024)->Arg(4096)->Arg(16384)->Unit(benchmark::kMillisecond);

// The hard case for the pruning: chances under 5% (a weak applicant's), so few utilities ever
// fall to zero and the passes stay long: the plain O(h*m) cost.
void BM_NestedOrderLowChances(benchmark::State& state) {
  const auto m = static_cast<std::size_t>(state.range(0));
  const auto o = instance(m, 43, 0.05);
  for (auto _ : state) {
    auto r = openpick::core::optimal_nested_portfolio(o, m / 2);
    benchmark::DoNotOptimize(r.value_by_count.back());
  }
}
BENCHMARK(BM_NestedOrderLowChances)->Arg(16384)->Unit(benchmark::kMillisecond);

void BM_BudgetDp(benchmark::State& state) {
  const auto m = static_cast<std::size_t>(state.range(0));
  const auto o = instance(m, 7);
  // Costs in dollars like ERAS 2026 ($11, or $30 past 30 in a specialty), a $3,000 budget.
  std::vector<std::int64_t> cost(m);
  for (std::size_t j = 0; j < m; ++j) cost[j] = j % 3 == 0 ? 30 : 11;
  for (auto _ : state) {
    auto r = openpick::core::optimal_budget_portfolio(o, cost, 3000);
    benchmark::DoNotOptimize(r.value);
  }
}
BENCHMARK(BM_BudgetDp)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
