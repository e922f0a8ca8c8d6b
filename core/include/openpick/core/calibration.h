// Calibration: a synthetic applicant cohort shaped like the published one, applying to a synthetic
// program population drawn from published shares, run through the model. The calibration test
// checks the stored parameters reproduce the published targets; `fit_specialty` re-derives the
// fitted constants (run tests/core/test_calibration.cpp with OPENPICK_REFIT=1).
//
// Everything here is deterministic: std::mt19937_64 (its output is fixed by the C++ standard) with
// our own integer-based draws, and our own exp/log, so native and wasm give the same cohort.
//
//   for (const auto& ref : reference_specialties()) {
//     auto programs = make_reference_programs(ref, 1);
//     auto cohort = make_cohort(ref, programs, CohortOptions{});
//     CohortResult r = evaluate_cohort(Model{}, programs, cohort);   // r.match_rate vs ref.match_rate
//   }
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "openpick/core/model.h"

namespace openpick::core {

// Published facts (FACTS.md) and stated assumptions for one specialty.
struct ReferenceSpecialty {
  std::string name;
  int programs = 0;               // PUBLISHED: categorical program tracks, 2025 Main Match listing
  double nonus_img_share = 0.0;   // PUBLISHED: non-US IMGs' share of PGY-1 positions, 2025
  double j1_share = 0.0;          // IM PUBLISHED (63.7%, JGME 2022); others ASSUMPTION
  double h1b_share = 0.0;         // IM PUBLISHED (about 22%); others ASSUMPTION
  double match_rate = 0.0;        // PUBLISHED target: non-US IMGs matched to preferred specialty, 2026
  double matched_mean = 0.0;      // PUBLISHED: Step 2 CK mean of matched non-US IMGs, 2026
  double unmatched_mean = 0.0;    // PUBLISHED: the same for unmatched
  double within_sd = 14.0;        // PUBLISHED for IM (14) and FM (12-13); ASSUMPTION 14 elsewhere
  int applications = 0;           // ASSUMPTION: typical applications per applicant
  int signals = 0;                // PUBLISHED: signals available (ERAS 2025-26)
  double score_gap() const { return matched_mean - unmatched_mean; }
};

// Internal Medicine, Family Medicine, Psychiatry, Pediatrics, Neurology.
std::vector<ReferenceSpecialty> reference_specialties();

// A synthetic population of the specialty's categorical programs: settings, IMG shares, visa
// sponsorship, stated cutoffs, places. Shares from FACTS.md where published, else assumptions
// documented in docs/MODEL.md.
std::vector<Program> make_reference_programs(const ReferenceSpecialty& ref, std::uint64_t seed);

struct CohortApplicant {
  Profile profile;
  std::vector<std::size_t> applications;  // indices into the program list, in rank order
  int signals = 0;                        // signals go to the first programs that accept them
};

struct CohortOptions {
  int applicants = 300;
  GraduateType graduate_type = GraduateType::NonUsImg;
  std::uint64_t seed = 2026;
};

// Applicants preferring `ref`: Step 2 CK placed on the quantiles of the published mixture (the
// matched and unmatched means weighted by the match rate), other facts drawn from stated
// assumptions, each applying to programs drawn uniformly from those they are eligible for.
std::vector<CohortApplicant> make_cohort(const ReferenceSpecialty& ref, const std::vector<Program>& programs,
                                         const CohortOptions& options);

struct CohortResult {
  double match_rate = 0.0;            // mean P(match) over the cohort, correlation included
  double matched_mean_score = 0.0;    // E[Step 2 CK | matched]
  double unmatched_mean_score = 0.0;  // E[Step 2 CK | not matched]
  double score_gap = 0.0;             // matched minus unmatched
  double mean_applications = 0.0;
  double mean_interviews = 0.0;
  double mean_independent_match_rate = 0.0;  // what independence would claim: 1 - prod(1 - p_i)
};

CohortResult evaluate_cohort(const Model& model, const std::vector<Program>& programs,
                             const std::vector<CohortApplicant>& cohort);

struct SpecialtyFit {
  double interview_intercept = 0.0;
  double score_slope = 0.0;
  CohortResult result;
};

// Solve for the specialty's intercept and Step 2 CK slope so the cohort hits the published match
// rate and score gap (slope >= 0: a higher score never lowers a chance). Nested bisection.
SpecialtyFit fit_specialty(const ModelParams& base, const ReferenceSpecialty& ref, const std::vector<Program>& programs,
                           const std::vector<CohortApplicant>& cohort);

// Solve one scalar parameter (the cohort's match rate must rise with it) so the cohort hits
// `target_rate`, by bisection on [lo, hi]. Used for the graduate-type constants.
double fit_parameter(const ModelParams& base, double ModelParams::*member, double target_rate, double lo, double hi,
                     const std::vector<Program>& programs, const std::vector<CohortApplicant>& cohort);

}  // namespace openpick::core
