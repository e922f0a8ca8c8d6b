// Calibration: the published figures the model is fitted to and checked against, a synthetic
// applicant cohort shaped like the published one, applying the way applicants do (aimed lists of
// the typical length) to a synthetic program population drawn from published shares, and the fit
// that makes the model reproduce the figures.
//
// The figures live in one data file, assets/model/targets.json (each with its source and year),
// compiled into core; the fitted constants in assets/model/fitted.json, written by
// `make refit` (`openpick calibrate`). tests/core/test_calibration.cpp checks the stored constants
// still reproduce the targets and reports the held-out figures beside the model's values.
//
// Everything here is deterministic: std::mt19937_64 (its output is fixed by the C++ standard) with
// our own integer-based draws, and our own exp/log, so native and wasm give the same cohort.
//
//   for (const auto& ref : reference_specialties()) {
//     auto programs = make_reference_programs(ref, 1);
//     auto cohort = make_cohort(ref, programs, CohortOptions{}, Model{});
//     CohortResult r = evaluate_cohort(Model{}, programs, cohort);   // r.match_rate vs ref.match_rate
//   }
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "openpick/core/model.h"

namespace openpick::core {

// One edition's Step 2 CK means of non-US IMGs who preferred the specialty.
struct ScoreMeans {
  double matched = 0.0;
  double unmatched = 0.0;
  int year = 0;
  std::string source;  // a key of CalibrationTargets::sources
};

// Median number of contiguous ranks (programs of the preferred specialty ranked first).
struct RankMedians {
  double matched = 0.0;
  double unmatched = 0.0;
};

// Published facts and stated assumptions for one specialty (targets.json says which is which).
struct ReferenceSpecialty {
  std::string name;
  int programs = 0;              // PUBLISHED: categorical program tracks, 2025 Main Match listing
  double nonus_img_share = 0.0;  // PUBLISHED: non-US IMGs' share of PGY-1 positions, 2025
  double j1_share = 0.0;         // IM PUBLISHED (63.7%, JGME 2022); others ASSUMPTION
  double h1b_share = 0.0;        // IM PUBLISHED (about 22%); others ASSUMPTION
  double match_rate = 0.0;       // PUBLISHED target: non-US IMGs matched to preferred specialty
  double matched_mean = 0.0;     // PUBLISHED, latest edition: shapes the cohort's scores
  double unmatched_mean = 0.0;
  double within_sd = 14.0;                  // PUBLISHED for IM (14) and FM (12-13); ASSUMPTION 14 elsewhere
  std::vector<ScoreMeans> step2ck;          // every edition found, latest first
  std::optional<RankMedians> median_ranks;  // PUBLISHED where found
  int applications = 0;                     // typical applications per applicant
  int signals = 0;                          // PUBLISHED: signals available (ERAS 2025-26)
  // The score effect's target: matched minus unmatched, averaged over the editions (one year's gap
  // is partly selection; see docs/MODEL.md).
  double score_gap() const;
};

// A published figure the model is not fitted to, set beside the model's value in the tests and in
// docs/MODEL.md.
struct HeldOutFigure {
  std::string id;
  std::string what;
  std::string source;
  int year = 0;
  std::vector<double> matched, unmatched;
  std::optional<double> value;
};

struct CalibrationTargets {
  std::vector<ReferenceSpecialty> specialties;  // the first is the fallback for other specialties
  double us_md_senior_rate = 0.0;
  double us_do_senior_rate = 0.0;
  std::vector<HeldOutFigure> held_out;
  std::vector<std::pair<std::string, std::string>> sources;  // key, citation
  const HeldOutFigure* find_held_out(const std::string& id) const;
};

// Parses a targets document (the form of assets/model/targets.json). On a problem returns nullopt
// and says which field in `error`.
std::optional<CalibrationTargets> parse_calibration_targets(const std::string& json, std::string& error);
// The targets compiled into core.
const CalibrationTargets& calibration_targets();
std::vector<ReferenceSpecialty> reference_specialties();

// The fitted constants as JSON (the form of assets/model/fitted.json), and back onto a parameter set
// (false, with `error` naming the field, when the text is not such a document).
std::string fitted_params_to_json(const ModelParams& params);
bool apply_fitted_params(const std::string& json, ModelParams& params, std::string& error);

// A synthetic population of the specialty's categorical programs: settings, IMG shares, visa
// sponsorship, stated cutoffs, places. Shares from targets.json where published, else assumptions
// documented in docs/MODEL.md.
std::vector<Program> make_reference_programs(const ReferenceSpecialty& ref, std::uint64_t seed);

struct CohortApplicant {
  Profile profile;
  std::vector<std::size_t> applications;  // indices into the program list, in rank order
  int gold_signals = 0;                   // sent to the first programs on the list that accept them
  int silver_signals = 0;
};

struct CohortOptions {
  int applicants = 300;
  GraduateType graduate_type = GraduateType::NonUsImg;
  std::uint64_t seed = 2026;
  // How applicants aim (ASSUMPTION): each ranks the programs it is eligible for by the model's
  // interview logit plus normal noise of this sd, and applies to the first `count`. 0 would be
  // the planner's own choice; a large value, programs drawn at random.
  double aim_noise = 1.0;
};

// Applicants preferring `ref`: Step 2 CK placed on the quantiles of the published mixture (the
// latest matched and unmatched means weighted by the match rate), other facts drawn from stated
// assumptions, each applying to an aimed list (the aim uses `aim`, the model being fitted).
std::vector<CohortApplicant> make_cohort(const ReferenceSpecialty& ref, const std::vector<Program>& programs,
                                         const CohortOptions& options, const Model& aim);

struct CohortResult {
  // The published rates count active applicants, who submitted a rank list: those with at least
  // one interview. `match_rate` is the model's rate among them; `match_rate_all` counts everyone.
  double match_rate = 0.0;
  double match_rate_all = 0.0;
  double ranked = 0.0;                // share with at least one interview
  double matched_mean_score = 0.0;    // E[Step 2 CK | matched]
  double unmatched_mean_score = 0.0;  // E[Step 2 CK | ranked, not matched]
  double score_gap = 0.0;             // matched minus unmatched
  double mean_applications = 0.0;
  double mean_interviews = 0.0;
  double mean_independent_match_rate = 0.0;  // what independence would claim: 1 - prod(1 - p_i)
  // With `ranks` asked for: the distribution of interviews (= contiguous ranks: IMGs rank the
  // programs that interviewed them) among matched and unmatched active applicants, and its medians
  // (interpolated, as for grouped data: 5.0 means the middle applicant sits mid-way in "5").
  std::vector<double> ranks_matched, ranks_unmatched;  // index n: share with n interviews
  double median_ranks_matched = 0.0;
  double median_ranks_unmatched = 0.0;
  // Score quartiles (interpolated over the cohort's scores) among matched and unmatched.
  double quartiles_matched[3] = {0, 0, 0};
  double quartiles_unmatched[3] = {0, 0, 0};
};

struct CohortEvalOptions {
  bool ranks = false;  // also the interview-count distributions (slower)
};
CohortResult evaluate_cohort(const Model& model, const std::vector<Program>& programs,
                             const std::vector<CohortApplicant>& cohort, const CohortEvalOptions& options = {});

struct SpecialtyFit {
  double interview_intercept = 0.0;
  double score_slope = 0.0;
  double match_given_interview = 0.0;
  CohortResult result;
};

// Solves the specialty's intercept and Step 2 CK slope so the cohort hits the published match rate
// and the score gap averaged over editions (slope >= 0), with P(match | interview) fixed at
// `match_given_interview`. Nested bisection.
SpecialtyFit fit_specialty(const ModelParams& base, const ReferenceSpecialty& ref, const std::vector<Program>& programs,
                           const std::vector<CohortApplicant>& cohort, double match_given_interview);
// The same, with m_s chosen too so the medians of contiguous ranks among matched and unmatched come
// closest to the published ones where the rate can still be hit (a grid; needs ref.median_ranks).
SpecialtyFit fit_specialty_with_ranks(const ModelParams& base, const ReferenceSpecialty& ref,
                                      const std::vector<Program>& programs, const std::vector<CohortApplicant>& cohort);

// Solve one scalar parameter (the cohort's match rate must rise with it) so the cohort hits
// `target_rate`, by bisection on [lo, hi]. Used for the graduate-type constants.
double fit_parameter(const ModelParams& base, double ModelParams::*member, double target_rate, double lo, double hi,
                     const std::vector<Program>& programs, const std::vector<CohortApplicant>& cohort);

// The whole re-fit: every specialty (aims re-drawn with the fitted model and fitted again, `rounds`
// times), then the US MD and DO constants. `log` is told a line per step.
ModelParams refit_model(const CalibrationTargets& targets, const ModelParams& start, int rounds,
                        const std::function<void(const std::string&)>& log);

}  // namespace openpick::core
