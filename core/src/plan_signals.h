// Signals on the chosen list (private to the planner): placed where each adds the most, and the
// unused ones reported with the reason.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "plan_candidates.h"
#include "plan_objective.h"

namespace openpick::core::detail {

// Places each specialty's signals (gold first, then silver) on the chosen programs where they add
// the most expected utility, one at a time. Signals go only to programs on the list: a signal
// goes with an application.
void place_signals(std::vector<Candidate>& cands, const std::vector<std::size_t>& chosen, Objective& objective,
                   const Dataset& dataset, const Model& model, std::vector<SignalSummary>& summary);

// Unused signals, each with the reason.
void signal_notes(const Profile& profile, std::vector<SignalSummary>& summary, std::vector<std::string>& notes);

}  // namespace openpick::core::detail
