#include "openpick/core/rank_list.h"

#include <algorithm>

#include "openpick/core/eligibility.h"
#include "openpick/core/exam_status.h"
#include "openpick/core/fees.h"

namespace openpick::core {

namespace {

// The program as the interview shows it to be: every stated cutoff the applicant fails, strict or
// flexible, is waived, and a visa the program said it does not take is taken. Returns the reasons
// it waived.
std::vector<std::string> waive_failed_cutoffs(const Profile& profile, Program& program) {
  EligibilityResult e = check_eligibility(profile, program);
  if (e.eligible && e.flexible_misses.empty()) return {};
  Cutoffs& c = program.cutoffs;
  if (c.max_years_since_graduation && years_since_graduation(profile) > *c.max_years_since_graduation)
    c.max_years_since_graduation.reset();
  if (c.max_attempts && modelled_attempts(profile) > *c.max_attempts) c.max_attempts.reset();
  const std::optional<int> score = modelled_step2ck(profile);
  if (c.step2ck_min && score && *score < *c.step2ck_min) c.step2ck_min.reset();
  if (c.usce_required == true) c.usce_required.reset();
  if (profile.visa == VisaNeed::J1 && program.visa.j1 == false) program.visa.j1 = true;
  if (profile.visa == VisaNeed::H1b && program.visa.h1b == false) program.visa.h1b = true;
  if (profile.visa == VisaNeed::J1OrH1b && program.visa.j1 == false && program.visa.h1b == false)
    program.visa.j1 = true;
  for (std::string& flexible : e.flexible_misses) e.reasons.push_back(std::move(flexible));
  return e.reasons;
}

}  // namespace

RankListOutcome rank_list_outcome(const Profile& profile, const Dataset& dataset,
                                  const std::vector<std::size_t>& interviewed_in_rank_order, const Model& model) {
  RankListOutcome out;
  const ExamStatus exams = exam_status(profile);
  out.notes = exams.must;
  out.conditional_on = exams.conditional_on;

  const std::size_t K = model.nodes().size();
  const std::size_t n = interviewed_in_rank_order.size();
  // mu[r][k] = P(match at the r-th ranked program | interviewed there, Z = z_k).
  std::vector<std::vector<double>> mu(n, std::vector<double>(K, 0.0));
  std::vector<double> interview, match;
  ScoreOptions so;
  so.explain = false;
  for (std::size_t r = 0; r < n; ++r) {
    Program program = dataset.programs.at(interviewed_in_rank_order[r]);
    for (const std::string& reason : waive_failed_cutoffs(profile, program))
      out.notes.push_back(program.id + " interviewed you although " + reason +
                          ": an interview shows the rule was waived, so it counts.");
    const ProgramChance c = model.score(profile, program, so);
    model.node_chances(c.logits, interview, match);
    for (std::size_t k = 0; k < K; ++k) mu[r][k] = interview[k] > 0.0 ? match[k] / interview[k] : 0.0;
  }
  out.p_match_at.assign(n, 0.0);
  for (std::size_t k = 0; k < K; ++k) {
    const double w = model.weights()[k];
    double none = 1.0;
    for (std::size_t r = 0; r < n; ++r) {
      out.p_match_at[r] += w * none * mu[r][k];
      none *= 1.0 - mu[r][k];
    }
    out.p_match += w * (1.0 - none);
  }
  out.p_match = std::min(1.0, out.p_match);
  out.extra_rank_fee_usd = cents_to_usd(nrmp_extra_ranks_cents(nrmp_rank_list_fee(), static_cast<int>(n)));
  out.advice =
      "Rank the programs in the order you truly prefer them. The Match runs applicant-proposing deferred "
      "acceptance (Roth and Peranson, 1999): a program ranked higher can never cost you one ranked lower, so "
      "ranking by your guess of your chances only risks a worse result. Unmatched IMGs were more likely to "
      "rank by perceived likelihood (Liang et al., JGME 2015). Rank every program you would rather attend than "
      "go unmatched.";
  return out;
}

}  // namespace openpick::core
