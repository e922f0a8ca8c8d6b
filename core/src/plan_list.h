// The list from the candidates (private to the planner): the application order and the curve,
// how many to apply to, then the finished plan (signals placed, rank order, chances, fees, notes).
#pragma once

#include "plan_candidates.h"
#include "plan_fees.h"

namespace openpick::core::detail {

// The application order and how much of it to apply to, from the gathered candidates.
// `list_only`: a what-if re-plan, which needs the list and its chance but not the whole curve.
void order(const Profile& profile, const PlanOptions& options, const Model& model, Fees& fees, bool list_only, Built& b,
           Plan& plan);

// The plan from the ordered candidates: signals placed afresh on the list, the rank order and its
// chances, tracks, fees, each program's reasons, the assumption range. `list_only` (a what-if
// re-plan): only P(match) is wanted, so the plan gets that and nothing more.
void finish(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model,
            const Fees& fees, bool list_only, Built& b, Plan& plan);

}  // namespace openpick::core::detail
