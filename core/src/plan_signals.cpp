#include "plan_signals.h"

#include <algorithm>

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

}  // namespace

void place_signals(std::vector<Candidate>& cands, const std::vector<std::size_t>& chosen, Objective& objective,
                   const Dataset& dataset, const Model& model, std::vector<SignalSummary>& summary) {
  const std::size_t K = model.nodes().size();
  std::vector<std::string> specialties;
  for (std::size_t i : chosen) {
    const std::string& s = dataset.programs[cands[i].index].specialty;
    if (std::find(specialties.begin(), specialties.end(), s) == specialties.end()) specialties.push_back(s);
  }
  std::vector<double> scratch, a, best_a, kept;
  std::vector<std::size_t> takers;
  for (const std::string& specialty : specialties) {
    const SignalAllowance allowance = signal_allowance(specialty);
    SignalSummary sum{specialty, allowance.gold, allowance.silver, 0, 0};
    // The list's programs of this specialty that accept a signal, in application order.
    takers.clear();
    for (std::size_t i : chosen)
      if (cands[i].chance.signal_logit > 0.0 && dataset.programs[cands[i].index].specialty == specialty)
        takers.push_back(i);
    for (SignalKind kind : {SignalKind::Gold, SignalKind::Silver}) {
      const int available = kind == SignalKind::Gold ? allowance.gold : allowance.silver;
      for (int n = 0; n < available; ++n) {
        const double base = objective.value();
        double best_gain = 0.0;
        std::size_t best = cands.size();
        for (std::size_t i : takers) {
          Candidate& c = cands[i];
          if (c.signal != SignalKind::None) continue;
          const std::vector<double>& signalled = chances_with(c, kind, model, scratch);
          a = objective.level_product(c.level);
          bool stable = true;
          for (std::size_t k = 0; k < K; ++k) {
            const double keep = 1.0 - c.q[k];
            if (keep < 1e-9) { stable = false; break; }
            a[k] = a[k] / keep * (1.0 - signalled[k]);
          }
          if (!stable) {
            kept = c.q;
            c.q = signalled;
            a = level_product_of(cands, chosen, c.level, K);
            c.q = kept;
          }
          const double gain = objective.value_with_level(c.level, a) - base;
          // Strictly better only: ties keep the earlier program in application order.
          if (gain > best_gain) {
            best_gain = gain;
            best = i;
            best_a = a;
          }
        }
        if (best == cands.size()) break;
        cands[best].signal = kind;
        cands[best].q = cands[best].q_with(kind);
        objective.set_level_product(cands[best].level, best_a);
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
    const bool listed = std::any_of(summary.begin(), summary.end(),
                                    [&](const SignalSummary& x) { return x.specialty == s.name; });
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
