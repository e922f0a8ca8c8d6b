// The range around the plan's P(match) from the model's assumptions (private to the planner).
#pragma once

#include <cstddef>
#include <vector>

#include "openpick/core/planner.h"

namespace openpick::core::detail {

// One program of the list in rank order, with the signal placed on it.
struct RankedChoice {
  std::size_t index = 0;  // into dataset.programs
  SignalKind signal = SignalKind::None;
};

// The number of draws and the percentiles the plan reports (documented in docs/MODEL.md).
inline constexpr int kAssumptionDraws = 64;
inline constexpr double kRangeLowPercentile = 10.0;
inline constexpr double kRangeHighPercentile = 90.0;

// Sets plan.p_match_low/high (the percentiles of P(match) of this list with every assumption drawn
// uniformly over its range, fitted constants kept), plan.p_match_extreme_low/high (every monotone
// assumption at the same end at once) and plan.sensitivity (each assumption alone across its range).
void assumption_range(const Profile& profile, const Dataset& dataset, const std::vector<RankedChoice>& ranked,
                      const Model& model, Plan& plan);

}  // namespace openpick::core::detail
