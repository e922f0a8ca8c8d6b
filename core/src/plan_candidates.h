// The planner's candidates (private to the planner): the programs it may put on the list, scored,
// with their per-node chances, and the helpers the planner's files share.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "openpick/core/model.h"
#include "openpick/core/planner.h"
#include "openpick/core/signals.h"
#include "plan_fees.h"
#include "plan_objective.h"

namespace openpick::core::detail {

struct Candidate {
  std::size_t index = 0;  // into dataset.programs
  ProgramChance chance;   // scored without explanations, logits only (no marginals)
  double utility = 1.0;
  std::size_t level = 0;
  // P(match here | z_k) with its current signal (empty until chances_with computes it).
  std::vector<double> q;
  int group = 0;  // the fee-counting group (Fees::group_of)
  bool pinned = false;
  bool one_year = false;   // a preliminary or transitional position
  bool advanced = false;   // an advanced (PGY-2) position
  bool preferred = false;  // in one of the profile's preferred states
  SignalKind signal = SignalKind::None;
  // Signals chosen with the list: the node chances with a gold or a silver signal (computed by
  // chances_with when first needed; empty before), and the specialty's index in
  // Built::signal_specialties (-1: the program cannot take a signal).
  std::vector<double> q_gold, q_silver;
  int signal_group = -1;
  bool can_gold = false, can_silver = false;  // its specialty has signals of that kind
  // The marginal P(match) with no signal, Model::p_match of the logits (the sum the score's
  // marginals take, bit for bit), found when first asked for (marginal_p_match).
  double p_match = 0.0;
  bool p_match_known = false;
  // The greedy's first-key bound with no signal, a gold and a silver one (plan_greedy.cpp), found
  // when first asked for; below 0: not yet. It reads only the candidate, so it never goes stale.
  double first_bound[3] = {-1.0, -1.0, -1.0};
  double marginal_p_match(const Model& model) {
    if (!p_match_known) {
      p_match = model.p_match(chance.logits);
      p_match_known = true;
    }
    return p_match;
  }
  const std::vector<double>& q_with(SignalKind kind) const {
    return kind == SignalKind::Gold ? q_gold : kind == SignalKind::Silver ? q_silver : q;
  }
  std::vector<double>& q_with(SignalKind kind) {
    return kind == SignalKind::Gold ? q_gold : kind == SignalKind::Silver ? q_silver : q;
  }
};

struct Built {
  std::vector<Candidate> cands;
  std::vector<std::size_t> order;  // application order, as long as the curve
  std::size_t length = 0;          // how many of `order` the plan applies to
  std::vector<ExcludedProgram> excluded;
  std::vector<std::string> signal_specialties;  // Candidate::signal_group indexes these
};

// Appends to `targets` the programs among [from, to) in the profile's target specialties (every
// program when it names none), in dataset order. Found once per PlanWork: a what-if re-plan keeps
// the specialties.
void find_targets(const Profile& profile, const Dataset& dataset, std::size_t from, std::size_t to,
                  std::vector<std::size_t>& targets);
// The candidates among targets[from, to) (find_targets): eligible, scored. Called over
// consecutive ranges (PlanWork spreads a large dataset over several steps).
void gather(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model, Fees& fees,
            const std::vector<std::size_t>& targets, std::size_t from, std::size_t to, Built& b);

double specialty_weight(const Profile& profile, const std::string& specialty);
// The utility of matching at a program: its specialty's weight; a one-year (preliminary or
// transitional) position is worth one_year_value of it (docs/PLANNER.md, "Tracks").
double program_utility(const Profile& profile, const Program& program);
// The same from the specialty's weight and the program's track.
double track_utility(const Profile& profile, double specialty_weight, Track track);
bool in_preferred_states(const Profile& profile, const Program& program);
// What a candidate's match gives: a residency, a one-year position, or an advanced one.
inline SlotKind slot_kind(const Candidate& c) {
  return c.advanced ? SlotKind::Advanced : c.one_year ? SlotKind::OneYear : SlotKind::Residency;
}
// The distinct (utility, kind) slots, highest utility first, then by kind (the objective's levels,
// and the rank order: at equal utility a position that completes a residency comes first, an
// advanced one, which needs a PGY-1 year besides, last).
std::vector<Slot> utility_levels(const std::vector<Candidate>& cands);
// The slot of a candidate among `levels`.
std::size_t level_of(const std::vector<Slot>& levels, const Candidate& c);
// A program's logits with a signal of this kind (a silver signal: kSilverShare of a gold one's).
inline ProgramLogits with_signal(const ProgramChance& c, SignalKind kind) {
  ProgramLogits l = c.logits;
  if (kind == SignalKind::Gold) l.interview += c.signal_logit;
  if (kind == SignalKind::Silver) l.interview += kSilverShare * c.signal_logit;
  return l;
}
// A candidate's logits with its current signal.
inline ProgramLogits signalled_logits(const Candidate& c) { return with_signal(c.chance, c.signal); }
// A candidate's per-node chances with a signal of this kind (SignalKind::None: Candidate::q),
// computed the first time they are asked for: the greedy looks at few of the candidates.
const std::vector<double>& chances_with(Candidate& c, SignalKind kind, const Model& model);

// 0.0042 -> "0.42 points" (of expected utility, on the 0-100 scale of P(match)).
std::string format_points(double x);
// 30 -> "30", 12.5 -> "12.50".
std::string format_usd(double usd);
// 0.123 -> "12.3%".
std::string percent(double p);

}  // namespace openpick::core::detail
