#include "plan_range.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>

#include "openpick/core/eligibility.h"
#include "openpick/core/signals.h"
#include "plan_candidates.h"
#include "plan_tracks.h"

namespace openpick::core::detail {

namespace {

double percentile(std::vector<double> sorted_values, double pct) {
  if (sorted_values.empty()) return 0.0;
  const double at = pct / 100.0 * static_cast<double>(sorted_values.size() - 1);
  const std::size_t i = static_cast<std::size_t>(std::floor(at));
  const std::size_t j = std::min(i + 1, sorted_values.size() - 1);
  return sorted_values[i] + (at - static_cast<double>(i)) * (sorted_values[j] - sorted_values[i]);
}

}  // namespace

void assumption_range(const Profile& profile, const Dataset& dataset, const std::vector<RankedChoice>& ranked,
                      const Model& model, Plan& plan) {
  // P(match) of this list, in this order and with these signals, under other model parameters,
  // counted as the plan counts it: positions that complete a residency (plan_tracks.h).
  std::vector<Track> tracks;
  for (const RankedChoice& c : ranked) tracks.push_back(dataset.programs[c.index].track);
  std::vector<std::vector<double>> q(ranked.size());
  std::vector<const std::vector<double>*> q_of;
  for (const auto& v : q) q_of.push_back(&v);
  // The list's logits under the stated defaults and their node chances: a program whose logits an
  // assumption leaves unchanged (the bits the same) keeps its node chances when the correlation
  // sds are the defaults too (they set the node scales).
  // Only the logits are read, and every program on the list is eligible (whatever the parameters:
  // eligibility reads the profile and the program only), so each program's count of flexible
  // cutoffs missed is found once and the score skips the check and the marginals.
  std::vector<ScoreOptions> fast(ranked.size());
  std::vector<ProgramFacts> places(ranked.size());
  std::vector<ProgramLogits> base_logits;
  std::vector<std::vector<double>> base_q(ranked.size());
  const ProfileFacts facts = profile_facts(profile);
  for (std::size_t r = 0; r < ranked.size(); ++r) {
    const RankedChoice& c = ranked[r];
    const Program& program = dataset.programs[c.index];
    fast[r].explain = false;
    fast[r].marginals = false;
    fast[r].facts = &facts;
    fast[r].specialty_index = model.specialty_index(program.specialty);
    places[r] = program_facts(profile, program);
    fast[r].program_facts = &places[r];
    int flexible_missed = 0;
    if (is_eligible(profile, program, &flexible_missed)) fast[r].known_flexible_missed = flexible_missed;
    base_logits.push_back(with_signal(model.score(profile, program, fast[r]), c.signal));
    model.node_match_chances(base_logits.back(), base_q[r]);
  }
  // Bits compared as integers (a call to memcmp per program and draw cost more than the test).
  const auto bits = [](double x) {
    std::uint64_t u;
    std::memcpy(&u, &x, sizeof u);
    return u;
  };
  const auto same = [&](const ProgramLogits& x, const ProgramLogits& y) {
    return x.reachable == y.reachable && bits(x.interview) == bits(y.interview) &&
           bits(x.match_given_interview) == bits(y.match_given_interview);
  };
  const ModelParams& defaults = model.params();
  std::optional<double> base_value;
  Model m = model;  // each parameter set in turn (assign_with_params: its buffers reused)
  const auto p_with = [&](const ModelParams& params) {
    m.assign_with_params(model, params);
    const bool same_scales = std::memcmp(&params.sigma_interview, &defaults.sigma_interview, sizeof(double)) == 0 &&
                             std::memcmp(&params.sigma_match, &defaults.sigma_match, sizeof(double)) == 0;
    bool all_base = true;
    for (std::size_t r = 0; r < ranked.size(); ++r) {
      const RankedChoice& c = ranked[r];
      const ProgramLogits l = with_signal(m.score(profile, dataset.programs[c.index], fast[r]), c.signal);
      if (same_scales && same(l, base_logits[r])) {
        q_of[r] = &base_q[r];
      } else {
        m.node_match_chances(l, q[r]);
        q_of[r] = &q[r];
        all_base = false;
      }
    }
    // An assumption this list does not read (every program's chances as at the defaults): the
    // value at the defaults, worked out once (the node weights do not change with the parameters).
    if (all_base) {
      if (!base_value) base_value = track_outcome(tracks, q_of, model.weights()).residency;
      return *base_value;
    }
    return track_outcome(tracks, q_of, m.weights()).residency;
  };
  const std::vector<AssumptionRange> assumptions = model_assumptions();

  // The interval: every assumption drawn uniformly over its range at once, a fixed sequence of
  // draws (std::mt19937_64 is the same everywhere, so native and wasm agree).
  std::mt19937_64 rng(20261129u);
  std::vector<double> draws;
  draws.reserve(kAssumptionDraws);
  ModelParams p;
  for (int d = 0; d < kAssumptionDraws; ++d) {
    p = model.params();  // assigned: its buffers reused
    for (const AssumptionRange& a : assumptions) {
      const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
      p.*(a.member) = a.low + u * (a.high - a.low);
    }
    draws.push_back(p_with(p));
  }
  std::sort(draws.begin(), draws.end());
  // Widened, when it must be, to hold the headline (the chance at the stated defaults).
  plan.p_match_low = std::min(plan.p_match, percentile(draws, kRangeLowPercentile));
  plan.p_match_high = std::max(plan.p_match, percentile(draws, kRangeHighPercentile));

  // The extremes: every monotone assumption at the end that lowers (raises) chances; never inside
  // the interval.
  plan.p_match_extreme_low = std::min(plan.p_match_low, p_with(params_at(model.params(), AssumptionEnd::Pessimistic)));
  plan.p_match_extreme_high = std::max(plan.p_match_high, p_with(params_at(model.params(), AssumptionEnd::Optimistic)));

  // Which assumptions make the range: each alone across its range, the others at their defaults.
  for (const AssumptionRange& a : assumptions) {
    const double at_low = p_with(params_with(model.params(), a, a.low));
    const double at_high = p_with(params_with(model.params(), a, a.high));
    if (std::fabs(at_high - at_low) < kSensitivityFloor) continue;
    plan.sensitivity.push_back({a.name, a.plain, std::min(at_low, at_high), std::max(at_low, at_high)});
  }
  std::stable_sort(
      plan.sensitivity.begin(), plan.sensitivity.end(),
      [](const AssumptionEffect& x, const AssumptionEffect& y) { return x.high - x.low > y.high - y.low; });
  if (plan.sensitivity.size() > kSensitivityShown) plan.sensitivity.resize(kSensitivityShown);
}

}  // namespace openpick::core::detail
