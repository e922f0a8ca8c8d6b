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
    if (!(o.p >= 0.0 && o.p <= 1.0)) errors.push_back(at + ".p: expected a chance in [0, 1], got " + number_text(o.p));
    if (!(std::isfinite(o.utility) && o.utility >= 0.0))
      errors.push_back(at + ".utility: expected a finite number >= 0, got " + number_text(o.utility));
  }
  return errors;
}

double portfolio_value(const std::vector<PortfolioOption>& options, const std::vector<std::size_t>& chosen) {
  std::vector<std::size_t> by_utility = chosen;
  std::stable_sort(by_utility.begin(), by_utility.end(),
                   [&](std::size_t a, std::size_t b) { return options[a].utility > options[b].utility; });
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

  // Structure of arrays in index order, without the options whose gain is zero from the start
  // (p = 0 or utility 0: an update never raises a utility); those wait in `zero`.
  // The rest are sorted by their first gain p_j * t_j, largest first (ties by index), so that the
  // blocks below hold options of similar gains and their bounds are tight.
  std::vector<std::size_t> idx, zero;
  double max_utility = 0.0;
  for (const auto& o : options) max_utility = std::max(max_utility, o.utility);
  const double tiny = max_utility * kTinyUtilityRatio;
  auto chance_of = [&](std::size_t j) { return options[j].p < kTinyChance ? 0.0 : options[j].p; };
  auto utility_of = [&](std::size_t j) { return options[j].utility < tiny ? 0.0 : options[j].utility; };
  for (std::size_t j = 0; j < m; ++j) {
    if (chance_of(j) == 0.0 || utility_of(j) == 0.0)
      zero.push_back(j);
    else
      idx.push_back(j);
  }
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    return chance_of(a) * utility_of(a) > chance_of(b) * utility_of(b);
  });
  const std::size_t n = idx.size();
  std::vector<double> p(n), t(n);
  for (std::size_t r = 0; r < n; ++r) {
    p[r] = chance_of(idx[r]);
    t[r] = utility_of(idx[r]);
  }

  // Lazy blocks. Every update only lowers gains, so a block's largest gain when last computed stays
  // an upper bound on its gains. Each step brings blocks up to date in order of their bounds, and
  // stops at the first bound below the best gain found: the other blocks cannot hold the best, and
  // their updates wait in the log. A block brought up to date applies the waiting updates in their
  // order, so every utility is computed exactly as the eager O(h*m) loop would, bit for bit.
  // A chosen option's chance becomes NaN: its gain (NaN) never compares greater.
  constexpr std::size_t kBlock = 128;
  const std::size_t blocks = (n + kBlock - 1) / kBlock;
  struct Update {
    double pk, tk;
  };
  std::vector<Update> log;
  log.reserve(h);
  std::vector<std::size_t> applied(blocks, 0);
  std::vector<std::size_t> first_best(blocks, 0);
  std::vector<double> bound(blocks, -1.0);
  std::vector<unsigned> version(blocks, 0);

  auto refresh = [&](std::size_t b) {
    const std::size_t lo = b * kBlock, hi = std::min(n, lo + kBlock);
    double* tp = t.data();
    for (std::size_t u = applied[b]; u < log.size(); ++u) {
      const double pk = log[u].pk, tk = log[u].tk;
      for (std::size_t j = lo; j < hi; ++j) {  // vectorized
        double tj = tp[j];
        tj -= pk * std::min(tj, tk);
        tp[j] = tj >= tiny ? tj : 0.0;
      }
    }
    applied[b] = log.size();
    double mx = -1.0;
    std::size_t at = lo;
    for (std::size_t j = lo; j < hi; ++j) {
      const double g = p[j] * tp[j];
      if (g > mx || (g == mx && idx[j] < idx[at])) {  // equal gains: the lower index; NaN never
        mx = g;
        at = j;
      }
    }
    bound[b] = mx;
    first_best[b] = at;
    ++version[b];
  };

  // Max-heap of (bound, block, version); an entry whose version is old is skipped.
  struct Entry {
    double bound;
    std::size_t block;
    unsigned version;
  };
  auto lower = [](const Entry& a, const Entry& b) {
    return a.bound < b.bound || (a.bound == b.bound && a.block > b.block);
  };
  std::vector<Entry> heap;
  for (std::size_t b = 0; b < blocks; ++b) {
    refresh(b);
    if (bound[b] >= 0.0) heap.push_back({bound[b], b, version[b]});
  }
  std::make_heap(heap.begin(), heap.end(), lower);

  std::vector<std::size_t> touched;
  double value = 0.0;
  std::size_t step = 0;
  for (; step < h; ++step) {
    double best = -1.0;
    std::size_t bi = 0;
    touched.clear();
    while (!heap.empty() && heap.front().bound >= best) {
      const Entry e = heap.front();
      std::pop_heap(heap.begin(), heap.end(), lower);
      heap.pop_back();
      if (e.version != version[e.block]) continue;
      if (e.bound <= 0.0 && best < 0.0) break;  // every gain left is zero
      refresh(e.block);
      touched.push_back(e.block);
      const double g = bound[e.block];
      const std::size_t j = first_best[e.block];
      if (g > best || (g == best && idx[j] < idx[bi])) {
        best = g;
        bi = j;
      }
    }
    for (std::size_t b : touched) {
      heap.push_back({bound[b], b, version[b]});
      std::push_heap(heap.begin(), heap.end(), lower);
    }
    if (!(best > 0.0)) break;  // nothing left adds value: the rest goes by index below
    out.order.push_back(idx[bi]);
    value += best;
    out.value_by_count.push_back(value);
    log.push_back({p[bi], t[bi]});
    p[bi] = std::numeric_limits<double>::quiet_NaN();
    // bi's block keeps its bound: an upper bound still (its best option just left).
  }
  if (step < h) {
    // Every option left adds exactly zero: exact greedy with ties to the lower index takes them in
    // index order.
    for (std::size_t j = 0; j < n; ++j)
      if (!std::isnan(p[j])) zero.push_back(idx[j]);
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

std::uint64_t budget_dp_columns(const std::vector<std::int64_t>& costs, std::int64_t budget) {
  if (budget < 0) return 0;
  return static_cast<std::uint64_t>(budget / gcd_of(costs, budget)) + 1;
}

std::uint64_t budget_dp_cells(const std::vector<std::int64_t>& costs, std::int64_t budget) {
  if (budget < 0) return 0;
  const std::uint64_t columns = budget_dp_columns(costs, budget);
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
  if (!budget_dp_fits(costs, budget))
    throw std::invalid_argument("budget / gcd(costs) (times the number of options) is too large for the exact DP");

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
