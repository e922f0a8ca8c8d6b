// The planner's greedy order (private to the planner): pinned programs first, then lazy greedy on
// the objective's gains (or gains per dollar), with signals chosen with the list.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "plan_candidates.h"
#include "plan_fees.h"
#include "plan_objective.h"

namespace openpick::core::detail {

// Signals left per specialty while the greedy chooses (index: Candidate::signal_group).
struct SignalsLeft {
  std::vector<int> gold, silver;
  bool available(const Candidate& c, SignalKind kind) const {
    if (kind == SignalKind::None) return true;
    if (c.signal_group < 0 || !(kind == SignalKind::Gold ? c.can_gold : c.can_silver)) return false;
    const auto g = static_cast<std::size_t>(c.signal_group);
    return (kind == SignalKind::Gold ? gold[g] : silver[g]) > 0;
  }
  void use(const Candidate& c, SignalKind kind) {
    if (kind == SignalKind::None) return;
    const auto g = static_cast<std::size_t>(c.signal_group);
    --(kind == SignalKind::Gold ? gold[g] : silver[g]);
  }
  // The best kind the program can still take. With a signal a program's chance is higher at every
  // node, so its gain is too: while a gold signal is left, the program's gold entry beats its
  // silver and unsignalled ones, and the greedy needs only one entry per program, downgraded when
  // its kind runs out.
  SignalKind best(const Candidate& c) const {
    if (c.signal_group < 0) return SignalKind::None;
    const auto g = static_cast<std::size_t>(c.signal_group);
    if (c.can_gold && gold[g] > 0) return SignalKind::Gold;
    if (c.can_silver && silver[g] > 0) return SignalKind::Silver;
    return SignalKind::None;
  }
};

// The application order: pinned programs first, then lazy greedy by gain (or gain per dollar
// under a dollar budget), up to `length` programs.
// When the order may stop early: the curve wants `length` programs, but a what-if re-plan only
// needs the list itself, so it stops once the budget is passed or the list is long enough.
// `value_usd`: the match-value rule. The order notes where the first program whose expected gain
// times value_usd is worth less than its application fee would come (`value_stop`); with
// `stop_at_value` it ends there, else it goes on to at least `length` and at least that point.
struct Stop {
  std::size_t length = 0;
  std::optional<double> past_budget_usd;  // stop after the first program that takes the cost past this
  std::optional<double> value_usd;        // the applicant's value of matching this year
  bool stop_at_value = false;
  // At least this share of every prefix of the order in the preferred states (0: no rule). A
  // program elsewhere comes only when the share still holds after it; when no preferred program
  // is left and another would break the share, the order ends.
  double min_share = 0.0;
};

struct Order {
  std::vector<std::size_t> order;
  std::size_t value_stop = 0;  // the match-value rule's length (with Stop::value_usd)
  double value_stop_gain = 0;  // the expected-utility gain of the first program left out
  double value_stop_fee = 0;   // and its fee
};

// With `signals`, the greedy chooses among (program, no signal / gold / silver) while signals are
// left: a signal can bring a program onto the list. The kind chosen is left in Candidate::signal.
Order greedy_order(std::vector<Candidate>& cands, Objective& objective, const Fees& fees, bool per_dollar,
                   const Stop& stop, const Model& model, SignalsLeft signals);

}  // namespace openpick::core::detail
