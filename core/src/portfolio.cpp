#include "openpick/core/portfolio.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace openpick::core {

namespace {

// Chances and utilities this small cannot move any result at double precision; flushing them to
// zero keeps the O(h*m) loop out of subnormal arithmetic (tens of times slower on x86): repeated
// multiplication by (1 - p_k) drives low utilities towards zero.
constexpr double kTinyChance = 1e-200;
constexpr double kTinyUtilityRatio = 0x1p-700;  // relative to the largest utility

std::string number_text(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

std::vector<std::string> validate_portfolio_options(const std::vector<PortfolioOption>& options) {
  std::vector<std::string> errors;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const auto& o = options[i];
    const std::string at = "options[" + std::to_string(i) + "]";
    if (!(o.p >= 0.0 && o.p <= 1.0))
      errors.push_back(at + ".p: expected a chance in [0, 1], got " + number_text(o.p));
    if (!(std::isfinite(o.utility) && o.utility >= 0.0))
      errors.push_back(at + ".utility: expected a finite number >= 0, got " + number_text(o.utility));
  }
  return errors;
}

double portfolio_value(const std::vector<PortfolioOption>& options, const std::vector<std::size_t>& chosen) {
  std::vector<std::size_t> by_utility = chosen;
  std::stable_sort(by_utility.begin(), by_utility.end(), [&](std::size_t a, std::size_t b) {
    return options[a].utility > options[b].utility;
  });
  // The best option that comes through pays: P(j is the best) = p_j * prod of misses above it.
  double value = 0.0, all_missed = 1.0;
  for (std::size_t j : by_utility) {
    value += all_missed * options[j].p * options[j].utility;
    all_missed *= 1.0 - options[j].p;
  }
  return value;
}

NestedPortfolio optimal_nested_portfolio(const std::vector<PortfolioOption>& options, std::size_t max_count) {
  NestedPortfolio out;
  const std::size_t m = options.size();
  const std::size_t h = std::min(max_count, m);
  out.order.reserve(h);
  out.value_by_count.reserve(h + 1);
  out.value_by_count.push_back(0.0);
  if (h == 0) return out;

  // Structure of arrays in index order. A chosen option's chance becomes NaN, so its gain (NaN)
  // never compares greater. Every so often the arrays are compacted, stably so that ties still go
  // to the lower index: chosen options leave, and so do options whose gain is zero for good (p = 0,
  // or utility 0 - an update never raises a utility), into `zero`. On random instances most of the
  // low-utility options fall to zero within the first few hundred picks, which keeps the O(h*m)
  // passes short.
  std::vector<double> p(m), t(m), g(m);
  std::vector<std::size_t> idx(m), zero;
  double max_utility = 0.0;
  for (std::size_t j = 0; j < m; ++j) {
    p[j] = options[j].p < kTinyChance ? 0.0 : options[j].p;
    t[j] = options[j].utility;
    idx[j] = j;
    max_utility = std::max(max_utility, t[j]);
  }
  const double tiny = max_utility * kTinyUtilityRatio;
  for (auto& v : t)
    if (v < tiny) v = 0.0;
  const double dead = std::numeric_limits<double>::quiet_NaN();

  auto compact = [&](std::size_t n) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < n; ++r) {
      if (std::isnan(p[r])) continue;
      if (p[r] == 0.0 || t[r] == 0.0) {
        zero.push_back(idx[r]);
        continue;
      }
      p[w] = p[r];
      t[w] = t[r];
      idx[w] = idx[r];
      ++w;
    }
    return w;
  };
  std::size_t n = compact(m), dead_count = 0;

  double pk = 0.0, tk = 0.0;  // the last pick: its chance and its utility when picked
  double value = 0.0;
  std::size_t step = 0;
  for (; step < h && n > 0; ++step) {
    // Three passes, the first vectorized: apply the last pick's elimination update and compute
    // every gain p_j * t_j; take the largest gain; find its first (lowest) position. (One fused
    // loop with a running argmax is several times slower: its branches mispredict.)
    double* tp = t.data();
    double* gp = g.data();
    const double* pp = p.data();
    for (std::size_t j = 0; j < n; ++j) {
      double tj = tp[j];
      tj -= pk * std::min(tj, tk);
      tj = tj >= tiny ? tj : 0.0;
      tp[j] = tj;
      gp[j] = pp[j] * tj;  // NaN for a chosen option
    }
    double lanes[4] = {-1.0, -1.0, -1.0, -1.0};
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4)
      for (int l = 0; l < 4; ++l) lanes[l] = gp[j + l] > lanes[l] ? gp[j + l] : lanes[l];  // NaN loses
    for (; j < n; ++j) lanes[0] = gp[j] > lanes[0] ? gp[j] : lanes[0];
    const double best = std::max(std::max(lanes[0], lanes[1]), std::max(lanes[2], lanes[3]));
    if (!(best > 0.0)) break;  // nothing left adds value: the rest goes by index below
    std::size_t bi = 0;
    while (gp[bi] != best) ++bi;
    out.order.push_back(idx[bi]);
    value += best;
    out.value_by_count.push_back(value);
    pk = p[bi];
    tk = t[bi];
    p[bi] = dead;
    ++dead_count;
    if ((dead_count * 6 >= n || (step & 31) == 31) && step + 1 < h) {
      // Bring the pending update in first, so the zero test sees current utilities.
      for (std::size_t r = 0; r < n; ++r) {
        double tr = t[r];
        tr -= pk * std::min(tr, tk);
        t[r] = tr >= tiny ? tr : 0.0;
      }
      pk = 0.0;
      n = compact(n);
      dead_count = 0;
    }
  }
  if (step < h) {
    // Every option left (live ones here, and the zero pool) adds exactly zero: exact greedy with
    // ties to the lower index takes them in index order.
    for (std::size_t r = 0; r < n; ++r)
      if (!std::isnan(p[r])) zero.push_back(idx[r]);
    std::sort(zero.begin(), zero.end());
    for (std::size_t r = 0; step < h; ++step, ++r) {
      out.order.push_back(zero[r]);
      out.value_by_count.push_back(value);
    }
  }
  return out;
}

namespace {

std::int64_t gcd_of(const std::vector<std::int64_t>& costs, std::int64_t budget) {
  std::int64_t g = budget;
  for (std::int64_t c : costs) g = std::gcd(g, c);
  return g == 0 ? 1 : g;
}

}  // namespace

std::uint64_t budget_dp_cells(const std::vector<std::int64_t>& costs, std::int64_t budget) {
  if (budget < 0) return 0;
  const std::uint64_t columns = static_cast<std::uint64_t>(budget / gcd_of(costs, budget)) + 1;
  const std::uint64_t rows = costs.size();
  if (rows != 0 && columns > std::numeric_limits<std::uint64_t>::max() / rows)
    return std::numeric_limits<std::uint64_t>::max();
  return rows * columns;
}

BudgetPortfolio optimal_budget_portfolio(const std::vector<PortfolioOption>& options,
                                         const std::vector<std::int64_t>& costs, std::int64_t budget) {
  if (costs.size() != options.size()) throw std::invalid_argument("one cost per option");
  if (budget < 0) throw std::invalid_argument("budget must be >= 0");
  for (std::int64_t c : costs)
    if (c < 0) throw std::invalid_argument("costs must be >= 0");
  if (budget_dp_cells(costs, budget) > kMaxBudgetDpCells)
    throw std::invalid_argument("budget / gcd(costs) times the number of options is too large for the exact DP");

  const std::size_t m = options.size();
  const std::int64_t g = gcd_of(costs, budget);
  const std::size_t B = static_cast<std::size_t>(budget / g);
  const std::size_t W = B + 1;

  // Ascending utility (ties by index): the option added last is the best of any set chosen so far.
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return options[a].utility < options[b].utility; });

  std::vector<double> V(W, 0.0);  // V[b]: best value with budget b over the options seen so far
  std::vector<bool> take(m * W, false);
  for (std::size_t r = 0; r < m; ++r) {
    const std::size_t j = order[r];
    const double pt = options[j].p * options[j].utility, miss = 1.0 - options[j].p;
    const std::size_t c = static_cast<std::size_t>(costs[j] / g);
    if (c > B) continue;
    // Descending b: V[b - c] still holds the previous row (c == 0 reads V[b] before writing it).
    for (std::size_t b = B + 1; b-- > c;) {
      const double with = pt + miss * V[b - c];
      if (with > V[b]) {
        V[b] = with;
        take[r * W + b] = true;
      }
    }
  }

  // The least budget that reaches the best value, then walk the choices back.
  std::size_t b = B;
  while (b > 0 && V[b - 1] >= V[B]) --b;
  BudgetPortfolio out;
  out.value = V[b];
  for (std::size_t r = m; r-- > 0;) {
    if (!take[r * W + b]) continue;
    const std::size_t j = order[r];
    out.chosen.push_back(j);
    out.cost += costs[j];
    b -= static_cast<std::size_t>(costs[j] / g);
  }
  std::sort(out.chosen.begin(), out.chosen.end());
  return out;
}

}  // namespace openpick::core
