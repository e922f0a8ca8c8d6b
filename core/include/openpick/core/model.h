// The probability model: for one applicant and one program, the chance of an interview and of a
// match, and the terms behind them; for a list of applications, the chances taken together.
//
// Two logistic models over the applicant's facts against the program's facts:
//   logit P(interview | Z)         = a_s + T + signal + sigma_interview * Z
//   logit P(match | interview, Z)  = m_s + shift + lambda * T + sigma_match * Z
// T is the sum of the terms (score, visa, attempts, USCE, ...): at the rank stage programs read the
// same strengths and weaknesses they read when they invited (lambda, an assumption).
// Z ~ N(0, 1) is one applicant-strength factor (what the profile does not capture: interviews,
// letters' content, the personal statement) that moves every program at once. Given Z, programs
// are independent, so chances over a list are exact sums at each quadrature node (Gauss-Hermite,
// 32 nodes by default), integrated over Z. Treating programs as independent overstates a weak
// applicant's chance; this model does not.
//
// Every number and where it comes from is in docs/MODEL.md. `a_s`, the score slope and `m_s` per
// specialty are fitted to the published figures in assets/model/targets.json (`make refit` writes
// assets/model/fitted.json, compiled into core; tests/core/test_calibration.cpp checks the stored
// values still reproduce the targets); everything else is a published figure or an assumption with
// a plausible range (see `model_assumptions()`).
//
//   Model model;                                     // default parameters, 32 nodes
//   ProgramChance c = model.score(profile, program); // c.p_interview, c.p_match, c.terms
//   ListState list = model.begin_list();
//   for (const auto& chance : chosen) model.append(list, chance.logits);
//   double p = list.p_match;                         // P(at least one match), correlation included
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "openpick/core/eligibility.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"

namespace openpick::core {

// ---- Parameters ---------------------------------------------------------------------------------

// Per-specialty values. Fitted ones are marked; see docs/MODEL.md.
struct SpecialtyParams {
  std::string name;                     // as datasets spell it, e.g. "Internal Medicine"
  double interview_intercept = 0.0;     // FITTED: a_s, logit P(interview) of the reference applicant
  double score_slope = 0.0;             // FITTED: logit per 10 Step 2 CK points (>= 0)
  double score_reference = 240.0;       // DERIVED from published means: non-US IMG applicants' mean
  double typical_img_share = 0.2;       // PUBLISHED: share of PGY-1 positions filled by non-US IMGs
  double match_given_interview = -1.1;  // FITTED: m_s, logit P(match | interview) at T = 0, Z = 0
};

struct ModelParams {
  std::vector<SpecialtyParams> specialties;  // the first is used for a specialty not in the list
  // The rank stage (ASSUMPTIONS): how much of the interview terms T programs read again when they
  // rank (lambda), and a shift of every m_s (0: as fitted; the fit is loose, see docs/MODEL.md).
  double rank_stage_weight = 0.5;
  double match_given_interview_shift = 0.0;
  // Correlation (ASSUMPTION).
  double sigma_interview = 1.0;  // sd of the applicant factor on the interview logit
  double sigma_match = 0.5;      // sd of the same factor on the match-given-interview logit
  // Score against the program's level (ASSUMPTION for the setting offsets, in Step 2 CK points).
  double level_university = 5.0;
  double level_community = -4.0;
  double score_effect_cap = 30.0;  // points beyond the reference that still count
  double unknown_score = -0.4;     // Step 2 CK not given
  // Graduate type, relative to a non-US IMG. us_md, us_do FITTED to the published US MD / DO
  // senior match rates (93.5% / 92.6%, 2025) on an Internal Medicine cohort of seniors; us_img
  // ASSUMPTION.
  double us_md = 3.9534;
  double us_do = 3.7515;
  double us_img = 0.4;
  // IMG friendliness (for IMGs only).
  double img_share_slope = 3.0;  // logit per unit of (program IMG share - specialty typical)
  // Non-US IMGs' part of a program's IMG residents (ASSUMPTION, 1/1.35: NRMP's fill shares count
  // non-US IMGs only, a program's stated IMG share counts US-citizen IMGs too; IM's figures with a
  // typical setting mix imply 1.3-1.4 IMGs per non-US IMG). A share of all IMGs is set against the
  // specialty's typical non-US share divided by this.
  double non_us_part_of_img_share = 0.74;
  double community_setting = 0.3;
  double university_setting = -0.4;
  double unknown_img_share = -0.1;
  // Visa (for applicants who need one).
  double visa_j1 = -0.3;
  double visa_h1b = -0.8;
  double visa_either = -0.15;
  double visa_unknown_policy = -0.6;
  // Exams and history.
  double step3_passed = 0.2;
  double step3_missing_h1b = -1.0;  // H-1B need and Step 3 not passed
  double per_extra_attempt = -0.6;  // per attempt beyond the first on the worst Step
  double years_free = 2.0;          // years since graduation with no penalty
  double per_year_since_graduation = -0.18;
  // US clinical experience and letters (for IMGs only).
  double no_hands_on_usce = -0.6;
  double per_month_hands_on = 0.12;
  double hands_on_cap_months = 12.0;
  double per_month_observership = 0.04;
  double observership_cap_months = 6.0;
  double no_us_letters = -0.5;
  double per_us_letter = 0.2;
  double us_letters_cap = 4.0;
  // Letters from the target specialty (anywhere), on top of US letters (ASSUMPTION).
  double per_specialty_letter = 0.1;
  double specialty_letters_cap = 3.0;
  // An upward trajectory: Step 2 CK above a numeric Step 1 (before 2022), per point, capped
  // (ASSUMPTION; the seed brief: "programs notice the direction, not just the number").
  double per_point_improvement = 0.015;
  double improvement_cap_points = 20.0;
  // A cutoff the program applies flexibly ("strict": false) and the applicant misses: each one
  // (ASSUMPTION; a stated preference still screens most applications out).
  double flexible_cutoff_missed = -1.2;
  // Place (ASSUMPTION).
  double preferred_state = 0.25;  // program in a state the applicant prefers: a stated tie
  // Ties to the program's state count for more than a preference (the largest one applies, not
  // the preference as well): trained there, lived there, family there.
  double tie_trained = 0.5;
  double tie_lived = 0.35;
  double tie_family = 0.3;
  double deep_south = 0.2;         // for IMGs: Deep South programs draw fewer applicants
  double rural_underserved = 0.2;  // for IMGs: rural or underserved programs
  // Signals: log odds ratio of an interview with a signal.
  double signal_us = 1.0818;  // PUBLISHED: ln 2.95, IM, MD seniors (Szumel et al. 2024)
  double signal_img = 0.69;   // ASSUMPTION: ln 2.0 for IMGs (size not published)
};

// The documented defaults, with the fitted per-specialty constants.
ModelParams default_model_params();

// One assumption with its plausible range. `monotone`: no chance ever falls as the value grows, so
// `low` is the pessimistic end (false for e.g. the correlation sd, which helps weak applicants and
// hurts strong ones). `plain`: what it means, in words an applicant understands.
struct AssumptionRange {
  const char* name;
  double ModelParams::*member;
  double low;
  double high;
  bool monotone;
  const char* plain;
};
std::vector<AssumptionRange> model_assumptions();

// Every monotone assumption at the end of its range that lowers (Pessimistic) or raises
// (Optimistic) the applicant's chances, fitted constants untouched: the planner shows P(match)
// across the two. Non-monotone assumptions keep their default (sweep them with params_with).
enum class AssumptionEnd { Pessimistic, Optimistic };
ModelParams params_at(const ModelParams& base, AssumptionEnd end);
// Only one assumption moved to `value`.
ModelParams params_with(const ModelParams& base, const AssumptionRange& which, double value);

// ---- One program --------------------------------------------------------------------------------

// A contribution to a logit, readable by a person. `unknown` marks a fact the program does not
// state; the value is then the assumed cost of not knowing.
struct Term {
  double value = 0.0;
  std::string text;
  bool unknown = false;
};
// "+0.8: 60% of its residents are IMGs", "unknown (-0.6): program states no visa policy".
std::string format_term(const Term& term);

// What the list computations need from one program.
struct ProgramLogits {
  bool reachable = false;              // false: excluded, every chance is 0
  double interview = 0.0;              // at Z = 0, the signal included when it was placed
  double match_given_interview = 0.0;  // at Z = 0
};

// What the score reads of one program's place for one profile, which no model parameter changes:
// found once (program_facts) by a caller that scores the program under many parameter sets.
struct ProgramFacts {
  bool preferred_state = false;  // the program's state is one of profile.preferred_states
  bool deep_south = false;
  int ties = 0;               // profile.state_ties in the program's state (kinds kept: up to 4)
  TieKind tie_kinds[4] = {};  // their kinds, in the profile's order
};
ProgramFacts program_facts(const Profile& profile, const Program& program);

struct ScoreOptions {
  bool signal = false;  // the applicant sends this program a signal
  bool explain = true;  // build `terms` and reasons (off in hot loops)
  // Off: only the logits (and signal_logit) are wanted; p_interview and p_match are left at 0.
  bool marginals = true;
  // A caller that already knows the program is eligible, and how many flexible cutoffs it misses
  // (is_eligible's count: the eligibility check does not depend on ModelParams), says so here and
  // the check is skipped; -1: check. Ignored when explaining.
  int known_flexible_missed = -1;
  // For a caller scoring many programs for one profile: profile_facts(profile) (eligibility.h),
  // found once, and the program's specialty as an index into params().specialties
  // (Model::specialty_index). Unset: found for each program, with the same values.
  const ProfileFacts* facts = nullptr;
  int specialty_index = -1;
  // program_facts(profile, program), for a caller scoring one program many times. Ignored when
  // explaining.
  const ProgramFacts* program_facts = nullptr;
};

struct ProgramChance {
  bool eligible = false;
  std::vector<std::string> exclusion_reasons;  // when not eligible
  ProgramLogits logits;
  double signal_logit = 0.0;  // what a signal adds to logits.interview (0 if signals not accepted)
  double p_interview = 0.0;   // marginal over Z
  double p_match = 0.0;       // marginal: the chance of matching here were it the only application
  std::vector<Term> terms;    // interview-logit terms, largest effect first; unknowns included
};

// ---- Lists --------------------------------------------------------------------------------------

// The running state of an application list in rank order, per quadrature node. Adding a program
// is O(nodes). The applicant ranks in list order: matching at program i requires not matching at
// any earlier one.
struct ListState {
  std::vector<double> no_match;      // P(no match so far | Z = node k)
  std::vector<double> no_interview;  // P(no interview so far | Z = node k)
  double p_match = 0.0;              // P(match somewhere) = sum of p_match_at
  double p_interview_any = 0.0;      // P(at least one interview)
  double expected_interviews = 0.0;
  std::vector<double> p_match_at;  // P(match at program i), in list order
};

struct ListOutcome {
  double p_match = 0.0;
  double p_interview_any = 0.0;
  double expected_interviews = 0.0;
  std::vector<double> p_match_at;
};

class Model {
 public:
  explicit Model(ModelParams params = default_model_params(), int quadrature_nodes = 32);

  const ModelParams& params() const { return params_; }
  // The same quadrature with other parameters (no nodes recomputed).
  Model with_params(ModelParams params) const;
  // This model, a copy of `model` (or of a copy), made model.with_params(params) with its buffers
  // reused: for a caller that tries many parameter sets in turn.
  void assign_with_params(const Model& model, const ModelParams& params);
  const std::vector<double>& nodes() const { return node_; }
  const std::vector<double>& weights() const { return weight_; }

  // The specialty's parameters; the first entry when the specialty is not calibrated.
  const SpecialtyParams& specialty(const std::string& name) const;
  // Its index in params().specialties (0, the first entry, when not calibrated).
  int specialty_index(const std::string& name) const;
  bool is_calibrated(const std::string& name) const;

  ProgramChance score(const Profile& profile, const Program& program, const ScoreOptions& options = {}) const;
  std::vector<ProgramChance> score_all(const Profile& profile, const std::vector<Program>& programs,
                                       const ScoreOptions& options = {}) const;

  // Marginal chances of one program (integrated over Z).
  double p_interview(const ProgramLogits& logits) const;
  double p_match(const ProgramLogits& logits) const;
  // Per node: P(interview | Z = node k) and P(match here | Z = node k), for callers that cache.
  void node_chances(const ProgramLogits& logits, std::vector<double>& interview, std::vector<double>& match) const;
  // Only the second: P(match here | Z = node k), bit for bit node_chances' `match` (one division a
  // node instead of two).
  void node_match_chances(const ProgramLogits& logits, std::vector<double>& match) const;
  // The two factors node_chances builds every node's chances from (reachable logits only):
  // e^-interview and e^-match_given_interview, each logit clamped as it clamps them. A program
  // whose two are each no larger than another's has, bit for bit, at least the other's chances
  // at every node (the chances are 1 / ((1 + e_i s_k)(1 + e_m t_k)) and rounding is monotone).
  std::pair<double, double> node_factors(const ProgramLogits& logits) const;
  // node_factors(logits).first alone.
  double interview_factor(const ProgramLogits& logits) const;

  ListState begin_list() const;
  void append(ListState& list, const ProgramLogits& logits) const;
  // P(match at this program) were it appended now: the gain in P(match), without changing `list`.
  double gain_if_appended(const ListState& list, const ProgramLogits& logits) const;
  ListOutcome evaluate_list(const std::vector<ProgramLogits>& in_rank_order) const;

 private:
  void scale_nodes();  // scale_interview_ and scale_match_ from the nodes and the sigmas
  ModelParams params_;
  std::vector<double> node_, weight_;
  std::vector<double> scale_interview_, scale_match_;  // e^{-sigma z_k}
};

}  // namespace openpick::core
