// [SECTION] Tiers and names
// [SECTION] Candidates: eligibility, scoring, node chances
// [SECTION] Exhaustive search
//
// The rest of the planner: plan_objective.h (the objective), plan_fees.h (fees per service),
// plan_greedy.cpp (the lazy greedy), plan_signals.cpp (signals on the list), plan_list.cpp (the
// order, the curve, the length, the finished plan), plan_range.cpp (the assumption range),
// plan_work.cpp (PlanWork and make_plan), plan_json.cpp (the plan as JSON and CSV).
#include "openpick/core/planner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <set>
#include <stdexcept>

#include "openpick/core/eligibility.h"
#include "openpick/core/signals.h"
#include "openpick/core/text_fixed.h"
#include "plan_candidates.h"
#include "plan_tracks.h"
#include "text_equal.h"

namespace openpick::core {

Tier tier_for(double p_interview) {
  return p_interview >= kTierLikelyFrom ? Tier::Likely : p_interview >= kTierTargetFrom ? Tier::Target : Tier::Reach;
}

const char* to_string(Tier t) {
  switch (t) {
    case Tier::Likely: return "likely";
    case Tier::Target: return "target";
    default: return "reach";
  }
}

const char* to_string(SignalKind s) {
  switch (s) {
    case SignalKind::Gold: return "gold";
    case SignalKind::Silver: return "silver";
    default: return "none";
  }
}

namespace detail {

// ---- [SECTION] Candidates -----------------------------------------------------------------------

double specialty_weight(const Profile& profile, const std::string& specialty) {
  if (profile.specialties.empty()) return 1.0;
  for (const auto& s : profile.specialties)
    if (same_text(s.name, specialty)) return s.weight > 0.0 ? s.weight : 0.0;
  return 0.0;
}

// The utility of matching at a program: its specialty's weight; a one-year (preliminary or
// transitional) position is worth one_year_value of it (docs/PLANNER.md, "Tracks").
double program_utility(const Profile& profile, const Program& program) {
  return track_utility(profile, specialty_weight(profile, program.specialty), program.track);
}

double track_utility(const Profile& profile, double specialty_weight, Track track) {
  if (is_one_year(track)) return specialty_weight * std::min(1.0, std::max(0.0, profile.one_year_value));
  return specialty_weight;
}

bool in_preferred_states(const Profile& profile, const Program& program) {
  return contains_text(profile.preferred_states, program.state);
}

// 0.0042 -> "0.42 points" (of expected utility, on the 0-100 scale of P(match)).
std::string format_points(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f points", 100.0 * x);
  return buf;
}

// 30 -> "30", 12.5 -> "12.50".
std::string format_usd(double usd) {
  char buf[32];
  if (std::fabs(usd - std::round(usd)) < 0.005) return format_fixed(usd, 0);
  std::snprintf(buf, sizeof buf, "%.2f", usd);
  return buf;
}

std::vector<Slot> utility_levels(const std::vector<Candidate>& cands) {
  const auto before = [](const Slot& x, const Slot& y) {
    return x.utility != y.utility ? x.utility > y.utility : static_cast<int>(x.kind) < static_cast<int>(y.kind);
  };
  // A plan has a few slots: the distinct ones found by a look along them (the last one found
  // first: candidates come grouped by specialty), then sorted.
  const auto alike = [&](const Slot& x, const Slot& y) { return !before(x, y) && !before(y, x); };
  std::vector<Slot> levels;
  std::size_t last = 0;
  for (const auto& c : cands) {
    const Slot s{c.utility, slot_kind(c)};
    if (last < levels.size() && alike(levels[last], s)) continue;
    last = 0;
    while (last < levels.size() && !alike(levels[last], s)) ++last;
    if (last == levels.size()) levels.push_back(s);
  }
  if (levels.empty()) levels.push_back({1.0, SlotKind::Residency});
  std::sort(levels.begin(), levels.end(), before);
  return levels;
}

std::size_t level_of(const std::vector<Slot>& levels, const Candidate& c) {
  const Slot s{c.utility, slot_kind(c)};
  return static_cast<std::size_t>(std::find(levels.begin(), levels.end(), s) - levels.begin());
}

// The per-node chances of a candidate with its current signal.
const std::vector<double>& chances_with(Candidate& c, SignalKind kind, const Model& model) {
  std::vector<double>& q = c.q_with(kind);
  if (q.empty()) model.node_match_chances(with_signal(c.chance, kind), q);
  return q;
}

std::string percent(double p) { return format_fixed(100.0 * p, 1) + "%"; }

void find_targets(const Profile& profile, const Dataset& dataset, std::size_t from, std::size_t to,
                  std::vector<std::size_t>& targets) {
  // Lists are usually grouped by specialty: the last program's answer is kept while the specialty
  // is the same.
  const std::string* last_specialty = nullptr;
  bool target = false;
  for (std::size_t i = from; i < to; ++i) {
    const Program& p = dataset.programs[i];
    if (last_specialty == nullptr || !same_text(p.specialty, *last_specialty)) {
      last_specialty = &p.specialty;
      target = matches_specialty(profile, p);
    }
    if (target) targets.push_back(i);
  }
}

void gather(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model, Fees& fees,
            const std::vector<std::size_t>& targets, std::size_t from, std::size_t to, Built& b) {
  const bool explain = options.explain;
  const ProfileFacts facts = profile_facts(profile);
  ScoreOptions so;
  so.explain = false;
  so.facts = &facts;
  // The marginal P(match) is wanted only for the greedy's first keys, and only for a few of the
  // candidates (Candidate::p_match): not summed over the nodes here for every one.
  so.marginals = false;
  // Lists are usually grouped by specialty: the specialty's answers are kept from one program to
  // the next rather than looked up by name for each.
  const std::string* last_specialty = nullptr;
  double weight = 0.0;
  SignalAllowance allowance;
  int signal_group = -1;
  // The fee group depends on the specialty and the program's own application service.
  bool group_known = false;
  std::optional<ApplicationService> group_for;
  int group = 0;
  // Room for every program of the range (each is moved on a reallocation, not cheap).
  b.cands.reserve(b.cands.size() + (to - from));
  for (std::size_t t = from; t < to; ++t) {
    const std::size_t i = targets[t];
    const Program& p = dataset.programs[i];
    if (last_specialty == nullptr || !same_text(p.specialty, *last_specialty)) {
      last_specialty = &p.specialty;
      weight = specialty_weight(profile, p.specialty);
      so.specialty_index = model.specialty_index(p.specialty);
      allowance = signal_allowance(p.specialty);
      signal_group = -1;
      if (options.choose_signals && (allowance.gold > 0 || allowance.silver > 0)) {
        auto it = std::find(b.signal_specialties.begin(), b.signal_specialties.end(), p.specialty);
        if (it == b.signal_specialties.end()) it = b.signal_specialties.insert(it, p.specialty);
        signal_group = static_cast<int>(it - b.signal_specialties.begin());
      }
      group_known = false;
    }
    if (options.only_preferred_states && !profile.preferred_states.empty() && !in_preferred_states(profile, p))
      continue;
    const double utility = track_utility(profile, weight, p.track);
    if (contains_text(options.excluded_ids, p.id)) {
      if (explain) b.excluded.push_back({i, p.id, "you excluded it"});
      continue;
    }
    const auto exclude_ineligible = [&] {
      if (!explain) return;
      std::string reason = exclusion_reason(profile, p, &facts);
      b.excluded.push_back({i, p.id, reason.empty() ? std::string("not eligible") : std::move(reason)});
    };
    if (utility <= 0.0) {
      if (!is_eligible(profile, p)) exclude_ineligible();
      continue;
    }
    Candidate c;
    c.index = i;
    c.chance = model.score(profile, p, so);  // eligibility first
    if (!c.chance.eligible) {
      exclude_ineligible();
      continue;
    }
    c.utility = utility;
    if (!group_known || group_for != p.application_service) {
      group = fees.group_of(p);
      group_for = p.application_service;
      group_known = true;
    }
    c.group = group;
    c.pinned = contains_text(options.pinned_ids, p.id);
    c.one_year = is_one_year(p.track);
    c.advanced = p.track == Track::Advanced;
    c.preferred = in_preferred_states(profile, p);
    if (signal_group >= 0 && c.chance.signal_logit > 0.0) {
      c.signal_group = signal_group;
      c.can_gold = allowance.gold > 0;
      c.can_silver = allowance.silver > 0;
    }
    b.cands.push_back(std::move(c));
  }
}

}  // namespace detail

// ---- [SECTION] Exhaustive search ----------------------------------------------------------------

using detail::program_utility;

double expected_utility_of(const Profile& profile, const Dataset& dataset, const std::vector<std::size_t>& indexes,
                           const Model& model, const std::vector<SignalKind>& signals) {
  std::vector<std::pair<double, ProgramLogits>> ranked;
  ScoreOptions so;
  so.explain = false;
  for (std::size_t n = 0; n < indexes.size(); ++n) {
    const std::size_t i = indexes[n];
    const ProgramChance c = model.score(profile, dataset.programs.at(i), so);
    const SignalKind kind = n < signals.size() ? signals[n] : SignalKind::None;
    ranked.push_back({program_utility(profile, dataset.programs[i]), detail::with_signal(c, kind)});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<ProgramLogits> logits;
  for (const auto& r : ranked) logits.push_back(r.second);
  const ListOutcome out = model.evaluate_list(logits);
  double eu = 0.0;
  for (std::size_t r = 0; r < ranked.size(); ++r) eu += ranked[r].first * out.p_match_at[r];
  return eu;
}

double exhaustive_best_utility(const Profile& profile, const Dataset& dataset, const std::vector<std::size_t>& indexes,
                               int count, const Model& model) {
  if (indexes.size() > 24) throw std::invalid_argument("exhaustive search is for 24 programs or fewer");
  const std::size_t n = indexes.size();
  double best = 0.0;
  for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
    if (__builtin_popcount(mask) != count) continue;
    std::vector<std::size_t> set;
    for (std::size_t j = 0; j < n; ++j)
      if (mask & (1u << j)) set.push_back(indexes[j]);
    best = std::max(best, expected_utility_of(profile, dataset, set, model));
  }
  return best;
}

}  // namespace openpick::core
