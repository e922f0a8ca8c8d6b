#include "plan_greedy.h"

#include "openpick/core/det_math.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <queue>
#include <tuple>

namespace openpick::core::detail {

namespace {

struct HeapEntry {
  double key;
  std::size_t candidate;
  SignalKind kind = SignalKind::None;  // the program with no signal, a gold or a silver one
  bool operator<(const HeapEntry& o) const {
    // Larger key first; ties to the lower candidate (dataset order), then no signal, for determinism.
    if (key != o.key) return key < o.key;
    if (candidate != o.candidate) return candidate > o.candidate;
    return static_cast<int>(kind) > static_cast<int>(o.kind);
  }
};

std::uint64_t bits(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

// What a candidate's key depends on: its level, fee group, signal options, side of the share rule
// and logits (the node chances follow from them). Candidates alike in all of these have equal keys
// at every step of the greedy, whatever it has chosen.
auto likeness(const Candidate& c) {
  return std::make_tuple(c.level, c.group, c.signal_group, c.can_gold, c.can_silver, c.preferred,
                         c.chance.logits.reachable, bits(c.chance.logits.interview),
                         bits(c.chance.logits.match_given_interview), bits(c.chance.signal_logit));
}

}  // namespace

Order greedy_order(std::vector<Candidate>& cands, Objective& objective, const Fees& fees, bool per_dollar,
                   const Stop& stop, const Model& model, SignalsLeft signals) {
  Order out;
  std::vector<std::size_t>& order = out.order;
  bool value_found = !stop.value_usd.has_value();
  std::vector<int> counts = fees.empty_counts();
  std::vector<bool> taken(cands.size(), false);
  std::vector<double> scratch;
  for (std::size_t i = 0; i < cands.size() && order.size() < stop.length; ++i) {
    if (!cands[i].pinned) continue;
    objective.add(cands[i].level, chances_with(cands[i], SignalKind::None, model, scratch));
    ++counts[static_cast<std::size_t>(cands[i].group)];
    order.push_back(i);
    taken[i] = true;
  }
  out.value_stop = order.size();
  // Under a dollar budget: gain per dollar of the program's own fee, a flat fee spread over the
  // programs it covers and the once-a-season transcript fee left out (rule_fee_usd). Charging the
  // transcript or a flat fee to the first program would make every key rise once it is paid, and
  // the lazy greedy needs keys that only fall; the budget itself is checked on the real cost.
  const auto per_fee = [&](std::size_t i, double g) {
    if (!per_dollar) return g;
    const double c = fees.rule_fee_usd(counts, cands[i].group);
    return c > 0.0 ? g / c : g * 1e9;
  };
  const auto key_of = [&](std::size_t i, SignalKind kind) {
    return per_fee(i, objective.gain(cands[i].level, chances_with(cands[i], kind, model, scratch)));
  };
  // A program's first key, before its node chances are computed: an upper bound of its gain. On an
  // empty list the gain is utility x the marginal P(match) (the objective's factors are the node
  // weights times the utility), and gains only fall as the list grows. A signal of log odds s
  // multiplies the chance at every node by at most e^s (1/(1 + x e^-s) <= e^s/(1 + x)). The margin
  // covers rounding (the two sums differ in their last bits).
  const auto first_key = [&](std::size_t i, SignalKind kind) {
    const Candidate& c = cands[i];
    double bound = c.utility * c.chance.p_match;
    if (kind != SignalKind::None) {
      const double s = (kind == SignalKind::Gold ? 1.0 : kSilverShare) * c.chance.signal_logit;
      bound = std::min(c.utility, bound * det_exp(s));
    }
    return per_fee(i, bound * (1.0 + 1e-9));
  };
  // Two heaps when a share of the list must be in the preferred states: [1] those programs, [0] the
  // rest; one heap ([0]) otherwise.
  const bool share_rule = stop.min_share > 0.0;
  std::priority_queue<HeapEntry> heaps[2];
  std::size_t preferred = 0;
  for (std::size_t i : order) preferred += cands[i].preferred ? 1 : 0;
  // Candidates alike (likeness) have equal keys always, so ties go to the lowest candidate: only the
  // lowest of each such class not yet taken is in a heap, and when it is taken the next of its class
  // comes in with the taken one's key (an upper bound, as every key in the heap is). For a strong
  // applicant, to whom most programs of a specialty look alike, this keeps the heap and the
  // re-evaluations small; the order is the one the greedy makes over every candidate.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> next_alike(cands.size(), kNone);
  {
    using Likeness = decltype(likeness(cands.front()));
    std::vector<std::pair<Likeness, std::size_t>> rest;  // (likeness, candidate): sorted, ties by candidate
    rest.reserve(cands.size());
    for (std::size_t i = 0; i < cands.size(); ++i)
      if (!taken[i]) rest.emplace_back(likeness(cands[i]), i);
    std::sort(rest.begin(), rest.end());
    for (std::size_t r = 0; r < rest.size(); ++r) {
      const std::size_t i = rest[r].second;
      const bool first = r == 0 || rest[r - 1].first != rest[r].first;
      if (r + 1 < rest.size() && rest[r + 1].first == rest[r].first) next_alike[i] = rest[r + 1].second;
      if (!first) continue;
      const SignalKind kind = signals.best(cands[i]);
      heaps[share_rule && cands[i].preferred ? 1 : 0].push({first_key(i, kind), i, kind});
    }
  }
  // The best of one heap with its key fresh. Gains only shrink as the list grows (submodular), and
  // marginal fees only grow, so a stale key is an upper bound: a fresh key that still leads is the
  // greedy choice.
  const auto best_of = [&](std::priority_queue<HeapEntry>& heap, HeapEntry& best) {
    while (!heap.empty()) {
      const HeapEntry top = heap.top();
      heap.pop();
      // An entry of a program already taken is dropped; one whose signal kind ran out goes back with
      // the best kind left (a lower key: the heap order stays right).
      if (taken[top.candidate]) continue;
      SignalKind kind = top.kind;
      if (!signals.available(cands[top.candidate], kind)) kind = signals.best(cands[top.candidate]);
      const HeapEntry fresh{key_of(top.candidate, kind), top.candidate, kind};
      if (heap.empty() || !(fresh < heap.top())) {
        best = fresh;
        return true;
      }
      heap.push(fresh);
    }
    return false;
  };
  while (order.size() < stop.length || !value_found) {
    const bool other_allowed =
        !share_rule || static_cast<double>(preferred) >= stop.min_share * static_cast<double>(order.size() + 1) - 1e-9;
    HeapEntry other{}, pref{};
    const bool has_other = other_allowed && best_of(heaps[0], other);
    const bool has_pref = best_of(heaps[1], pref);
    if (!has_other && !has_pref) break;
    HeapEntry pick = has_other ? other : pref;
    if (has_other && has_pref) {
      pick = other < pref ? pref : other;
      const HeapEntry& back = other < pref ? other : pref;
      heaps[&back == &other ? 0 : 1].push(back);
    }
    Candidate& c = cands[pick.candidate];
    const std::vector<double>& q = c.q_with(pick.kind);
    if (!value_found) {
      // The match-value rule: is this application worth its fee? (The transcript fee is paid once
      // whatever the length, so it is not weighed here.)
      const double gain = objective.gain(c.level, q);
      const double fee = fees.rule_fee_usd(counts, c.group);
      if (gain * *stop.value_usd < fee) {
        value_found = true;
        out.value_stop_gain = gain;
        out.value_stop_fee = fee;
        if (stop.stop_at_value) break;
      } else {
        out.value_stop = order.size() + 1;
      }
    }
    if (order.size() >= stop.length && value_found) break;
    objective.add(c.level, q);
    ++counts[static_cast<std::size_t>(c.group)];
    order.push_back(pick.candidate);
    taken[pick.candidate] = true;
    c.signal = pick.kind;
    signals.use(c, pick.kind);
    preferred += c.preferred ? 1 : 0;
    if (next_alike[pick.candidate] != kNone)
      heaps[share_rule && c.preferred ? 1 : 0].push({pick.key, next_alike[pick.candidate], pick.kind});
    if (stop.past_budget_usd && fees.cost_usd(counts) > *stop.past_budget_usd) break;
  }
  if (!value_found) out.value_stop = order.size();  // every candidate is worth its fee
  return out;
}

}  // namespace openpick::core::detail
