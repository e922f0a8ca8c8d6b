// After interviews: the chance of matching with a rank list of the programs that interviewed the
// applicant, in the applicant's order.
//
// Each interview turns into a match with P(match | interview) = logistic(m_s + lambda * T + sigma_M Z)
// (model.h): programs read the same strengths and weaknesses at the rank stage. The applicant
// factor Z keeps its prior: the interviews alone are not evidence about Z, since the applications
// that brought no interview are not given (updating on interviews only made 5 ranks worth 97%).
// Fitted to the published rate and the median contiguous ranks (docs/MODEL.md, section 4).
//
// An interview at a program whose stated cutoff the applicant fails proves the cutoff was waived
// (or wrong): it counts, with a note.
//
//   RankListOutcome out = rank_list_outcome(profile, dataset, {i, j, k}, Model{});
//   out.p_match, out.p_match_at[0], out.notes
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "openpick/core/model.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"

namespace openpick::core {

struct RankListOutcome {
  double p_match = 0;
  std::vector<double> p_match_at;           // in rank order
  std::vector<std::string> notes;           // exam status first, then waived cutoffs
  std::vector<std::string> conditional_on;  // what the chance assumes (exam status)
  double extra_rank_fee_usd = 0;            // NRMP fee for the ranks beyond those included (fees.h)
  std::string advice;                       // rank in true preference order, and why
};

RankListOutcome rank_list_outcome(const Profile& profile, const Dataset& dataset,
                                  const std::vector<std::size_t>& interviewed_in_rank_order, const Model& model);

}  // namespace openpick::core
