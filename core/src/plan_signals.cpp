#include "plan_signals.h"

#include <algorithm>
#include <cstring>
#include <queue>

#include "text_equal.h"

namespace openpick::core::detail {

namespace {

// Recomputes one level's product from its members (after a change to one of them).
std::vector<double> level_product_of(const std::vector<Candidate>& cands, const std::vector<std::size_t>& chosen,
                                     std::size_t level, std::size_t K) {
  std::vector<double> a(K, 1.0);
  for (std::size_t i : chosen)
    if (cands[i].level == level)
      for (std::size_t k = 0; k < K; ++k) a[k] *= 1.0 - cands[i].q[k];
  return a;
}

bool same_bits(const ProgramLogits& x, const ProgramLogits& y) {
  return x.reachable == y.reachable && std::memcmp(&x.interview, &y.interview, sizeof(double)) == 0 &&
         std::memcmp(&x.match_given_interview, &y.match_given_interview, sizeof(double)) == 0;
}

}  // namespace

void place_signals(std::vector<Candidate>& cands, const std::vector<std::size_t>& chosen, Objective& objective,
                   const Dataset& dataset, const Model& model, std::vector<SignalSummary>& summary) {
  const std::size_t K = model.nodes().size();
  std::vector<std::string> specialties;
  for (std::size_t i : chosen) {
    const std::string& s = dataset.programs[cands[i].index].specialty;
    if (std::find(specialties.begin(), specialties.end(), s) == specialties.end()) specialties.push_back(s);
  }
  std::vector<double> a, best_a, kept;
  std::vector<std::size_t> takers, first_alike;
  for (const std::string& specialty : specialties) {
    const SignalAllowance allowance = signal_allowance(specialty);
    SignalSummary sum{specialty, allowance.gold, allowance.silver, 0, 0};
    // The list's programs of this specialty that accept a signal, in application order.
    takers.clear();
    for (std::size_t i : chosen)
      if (cands[i].chance.signal_logit > 0.0 && same_text(dataset.programs[cands[i].index].specialty, specialty))
        takers.push_back(i);
    // Takers alike (the same level, logits and signal logit: the same node chances with and
    // without a signal) have the same gain from a signal as long as neither has one, and ties keep
    // the earlier taker: only the first without a signal of each such class is looked at.
    first_alike.assign(takers.size(), 0);
    for (std::size_t t = 0; t < takers.size(); ++t) {
      first_alike[t] = t;
      const Candidate& c = cands[takers[t]];
      for (std::size_t u = 0; u < t; ++u) {
        const Candidate& d = cands[takers[u]];
        if (first_alike[u] == u && c.level == d.level && same_bits(c.chance.logits, d.chance.logits) &&
            std::memcmp(&c.chance.signal_logit, &d.chance.signal_logit, sizeof(double)) == 0) {
          first_alike[t] = u;
          break;
        }
      }
    }
    // The gain of signalling taker t (its class's first without a signal), against the objective
    // as it stands; `a` is left with the taker's level product after the change.
    double base = 0.0;  // the objective's value this round
    const auto gain_of = [&](std::size_t t, SignalKind kind) {
      Candidate& c = cands[takers[t]];
      const std::vector<double>& signalled = chances_with(c, kind, model);
      objective.level_product(c.level, a);
      bool stable = true;
      for (std::size_t k = 0; k < K; ++k) {
        const double keep = 1.0 - c.q[k];
        if (keep < 1e-9) {
          stable = false;
          break;
        }
        a[k] = a[k] / keep * (1.0 - signalled[k]);
      }
      if (!stable) {
        kept = c.q;
        c.q = signalled;
        a = level_product_of(cands, chosen, c.level, K);
        c.q = kept;
      }
      return objective.value_with_level(c.level, a) - base;
    };
    // The first taker of class `first` without a signal, from `t` on (takers.size(): none).
    const auto next_of_class = [&](std::size_t first, std::size_t t) {
      for (; t < takers.size(); ++t)
        if (first_alike[t] == first && cands[takers[t]].signal == SignalKind::None) return t;
      return takers.size();
    };
    // Each signal goes where it adds the most, ties to the earlier taker, and only where it adds
    // something. A signal placed raises one chance, which lowers every other signal's gain (the
    // objective is submodular), so a gain found in an earlier round is an upper bound: each round
    // re-evaluates from the top of a heap of those bounds until the best fresh gain leads (lazy,
    // the same choice as evaluating every taker each round). With advanced positions on the list
    // that does not hold (a one-year program's signal raises their value): every taker each round.
    const bool lazy = !objective.advanced_listed();
    struct Bound {
      double gain;
      std::size_t t;
      bool operator<(const Bound& o) const { return gain != o.gain ? gain < o.gain : t > o.t; }
    };
    for (SignalKind kind : {SignalKind::Gold, SignalKind::Silver}) {
      const int available = kind == SignalKind::Gold ? allowance.gold : allowance.silver;
      std::priority_queue<Bound> bounds;
      bool fresh_round = true;
      for (int n = 0; n < available; ++n) {
        double best_gain = 0.0;
        std::size_t best = takers.size();
        base = objective.value();
        if (fresh_round || !lazy) {
          while (!bounds.empty()) bounds.pop();
          for (std::size_t t = 0; t < takers.size(); ++t) {
            if (first_alike[t] != t) continue;
            const std::size_t m = next_of_class(t, t);
            if (m == takers.size()) continue;
            const double gain = gain_of(m, kind);
            bounds.push({gain, m});
            // Strictly better only: ties keep the earlier program in application order.
            if (gain > best_gain || (gain == best_gain && best != takers.size() && m < best && gain > 0.0)) {
              best_gain = gain;
              best = m;
              best_a = a;
            }
          }
          fresh_round = false;
        } else {
          while (!bounds.empty()) {
            const Bound top = bounds.top();
            bounds.pop();
            std::size_t m = top.t;
            if (cands[takers[m]].signal != SignalKind::None) {
              // Signalled last round: the next of its class comes in with the same bound.
              m = next_of_class(first_alike[m], m + 1);
              if (m != takers.size()) bounds.push({top.gain, m});
              continue;
            }
            const double gain = gain_of(m, kind);
            const Bound fresh{gain, m};
            if (bounds.empty() || !(fresh < bounds.top())) {
              if (gain > 0.0) {
                best_gain = gain;
                best = m;
                best_a = a;
              }
              bounds.push(fresh);
              break;
            }
            bounds.push(fresh);
          }
        }
        (void)best_gain;
        if (best == takers.size()) break;
        Candidate& chosen_one = cands[takers[best]];
        chosen_one.signal = kind;
        chosen_one.q = chosen_one.q_with(kind);
        objective.set_level_product(chosen_one.level, best_a);
        (kind == SignalKind::Gold ? sum.gold_used : sum.silver_used) += 1;
      }
    }
    summary.push_back(sum);
  }
}

// Unused signals, each with the reason.
void signal_notes(const Profile& profile, std::vector<SignalSummary>& summary, std::vector<std::string>& notes) {
  // Target specialties with signals and no program on the list: all unused.
  for (const SpecialtyPreference& s : profile.specialties) {
    const SignalAllowance a = signal_allowance(s.name);
    if (a.gold + a.silver == 0) continue;
    const bool listed =
        std::any_of(summary.begin(), summary.end(), [&](const SignalSummary& x) { return x.specialty == s.name; });
    if (!listed) summary.push_back({s.name, a.gold, a.silver, 0, 0});
  }
  for (const SignalSummary& s : summary) {
    const int gold = s.gold_available - s.gold_used, silver = s.silver_available - s.silver_used;
    if (gold + silver == 0) continue;
    std::string what;
    if (gold > 0) what = std::to_string(gold) + (s.silver_available > 0 ? " gold" : "");
    if (silver > 0) what += (what.empty() ? "" : " and ") + std::to_string(silver) + " silver";
    const bool none_used = s.gold_used + s.silver_used == 0;
    notes.push_back(s.specialty + ": " + what + " signal(s) unused: " +
                    (none_used ? "no program of that specialty on the list accepts one, or the list has none "
                                 "(signals go only with applications)."
                               : "every program of that specialty on the list that accepts signals already has one; "
                                 "a longer list, or programs that accept signals, would use them."));
  }
}

}  // namespace openpick::core::detail
