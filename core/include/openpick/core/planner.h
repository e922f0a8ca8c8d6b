// The planner: the application list that maximizes the applicant's expected utility from the
// Match under a count or a dollar budget, with the correlated model (model.h), ERAS fees
// (fees.h) and program signals (signals.h); the what-if gains; the rank-list chance after
// interviews.
//
// Objective. Utility of matching at a program = the weight of its specialty in the profile (1
// when the profile names none). The applicant ranks in true preference order (higher utility
// first), so E[utility | Z] is exact for a set: per utility level, the chance that nothing above
// matched times the chance something at this level does. Given Z programs are independent, and
// the objective integrated over Z is monotone and submodular, so the greedy order is built with
// lazy evaluation (a stale gain is an upper bound of the fresh one): the same list as plain greedy
// for far less work. With a dollar budget the greedy picks the best gain per marginal dollar
// (ERAS fees step up after 30 programs per specialty). How far greedy lands from the true optimum
// is measured in tests/core/test_planner.cpp by exhaustive search on small instances.
//
//   Model model;
//   PlanOptions options;
//   options.max_applications = 60;
//   Plan plan = make_plan(profile, dataset, options, model);
//   plan.p_match, plan.programs[0].id, plan.curve, plan.whatif ...
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "openpick/core/fees.h"
#include "openpick/core/io.h"  // plan_to_json, plan_to_csv
#include "openpick/core/model.h"
#include "openpick/core/profile.h"
#include "openpick/core/profile_rules.h"  // Range
#include "openpick/core/program.h"
#include "openpick/core/rank_list.h"
#include "openpick/core/research.h"

namespace openpick::core {

// The ranges of the plan's limits, for every place that reads them (the command line, the page's
// controls, its saved settings).
inline constexpr Range<int> kMaxApplicationsRange{0, 100000};
inline constexpr Range<double> kPreferredShareRange{0.0, 1.0};

struct PlanOptions {
  std::optional<int> max_applications;  // a count budget
  std::optional<double> budget_usd;     // a dollar budget (overrides the profile's budget_usd)
  bool fee_assistance = false;          // AAMC Fee Assistance Program (60% off up to 50)
  int fee_season = 2026;
  std::vector<std::string> pinned_ids;    // always apply (if eligible), ahead of the rest
  std::vector<std::string> excluded_ids;  // never apply
  bool only_preferred_states = false;     // candidates only in the profile's preferred states
  // At least this share (0..1) of the applications in the profile's preferred states: every
  // prefix of the order keeps it, so a budget or a cap keeps it too. 0: no such rule; a value
  // outside 0..1 (or not a number) is not applied and the plan's notes say so.
  double min_preferred_share = 0.0;
  // The greedy chooses among (program, no signal / gold / silver) under the signal allowances, so a
  // signal can bring a program onto the list; false: the list is chosen without signals and they
  // are placed on it afterwards (the planner's older behaviour, kept for comparison).
  bool choose_signals = true;
  // The curve marks the first length where one more application adds less than this to P(match)
  // (`diminishing_returns_at`). Without a count or dollar budget the list's length is set by the
  // profile's match_value_usd instead (see Plan::length_rule); the curve goes on to
  // `curve_length`, or further when the list is longer.
  double diminishing_returns = 0.005;
  int curve_length = 150;
  bool whatif = true;            // re-plan for each profile change and rank them
  bool explain = true;           // reasons for every program (off inside what-if re-plans)
  bool assumption_range = true;  // P(match) at both ends of the model's assumption ranges
};

// Tiers by the chance of an interview (documented in docs/MODEL.md).
enum class Tier { Reach, Target, Likely };
inline constexpr double kTierTargetFrom = 0.10;  // P(interview) >= 10%: target
inline constexpr double kTierLikelyFrom = 0.30;  // P(interview) >= 30%: likely
Tier tier_for(double p_interview);
const char* to_string(Tier t);

enum class SignalKind { None, Gold, Silver };
const char* to_string(SignalKind s);

struct PlannedProgram {
  std::size_t index = 0;  // into dataset.programs
  std::string id;
  double utility = 1.0;
  double p_interview = 0;   // marginal, with the signal if one is placed
  double p_match = 0;       // marginal: the chance it would match were it the only application
  double p_match_here = 0;  // the chance of ending up here given the whole list, in rank order
  Tier tier = Tier::Reach;
  SignalKind signal = SignalKind::None;
  bool pinned = false;
  std::vector<std::string> reasons;  // the terms behind the numbers, largest first
};

struct ExcludedProgram {
  std::size_t index = 0;
  std::string id;
  std::string reason;
};

struct CurvePoint {
  int applications = 0;
  double p_match = 0;
  double cost_usd = 0;
};

struct WhatIf {
  std::string id;      // "step3", "usce_3_months", "us_letter", "step2ck_plus_10", "accept_j1", "all_states",
                       // "no_preferred_share" (the plan without min_preferred_share: its gain is the rule's cost)
  std::string change;  // in words
  double p_match = 0;  // re-planned with the change
  double gain = 0;     // p_match - the plan's p_match
};

// How far P(match) of the plan's list moves when one model assumption alone goes from one end of
// its stated range to the other (the others at their defaults): the assumptions that make the
// range. Only those that move it by kSensitivityFloor or more, the widest kSensitivityShown first.
struct AssumptionEffect {
  std::string assumption;  // as model_assumptions() names it
  std::string plain;       // what it means, in words an applicant understands
  double low = 0, high = 0;
};
inline constexpr double kSensitivityFloor = 0.005;
inline constexpr std::size_t kSensitivityShown = 5;

// The fees of the list's applications through one service, by its own schedule.
struct ServiceCost {
  ApplicationService service = ApplicationService::Eras;
  int season = 0;
  int applications = 0;
  double applications_usd = 0;  // before assistance
  double assistance_discount_usd = 0;
  double transcript_usd = 0;
  double cost_usd = 0;  // applications - discount + transcript
  std::string source;
};

struct SignalSummary {
  std::string specialty;
  int gold_available = 0, silver_available = 0;
  int gold_used = 0, silver_used = 0;
};

struct Plan {
  // P(matching at a position that completes a residency: categorical, primary care, or advanced
  // together with a PGY-1 year), correlation and signals included.
  double p_match = 0;
  // P(ending with only a one-year (preliminary or transitional) position).
  double p_match_one_year = 0;
  // The 10th and 90th percentiles of P(match) with the model's assumptions drawn over their ranges
  // (docs/MODEL.md, section 5); the extremes put every assumption at the same end at once.
  double p_match_low = 0, p_match_high = 0;
  double p_match_extreme_low = 0, p_match_extreme_high = 0;
  std::vector<std::string> conditional_on;    // what every chance assumes (exam status): said with it
  std::vector<AssumptionEffect> sensitivity;  // the assumptions behind that range, widest first
  double p_interview_any = 0;
  double expected_interviews = 0;
  double expected_utility = 0;
  double cost_usd = 0;                       // fees of the list, every service, transcripts included
  std::vector<ServiceCost> cost_by_service;  // the same per application service (ERAS first)
  std::vector<PlannedProgram> programs;      // application order
  std::vector<ExcludedProgram> excluded;     // in a target specialty, but out of reach
  std::vector<CurvePoint> curve;             // P(match) and cost against list length
  int diminishing_returns_at = 0;            // first length where one more adds < the threshold
  // What set the list's length: "max_applications", "budget", or "match_value" (one more
  // application's expected gain x match_value_usd is less than its fee).
  std::string length_rule;
  double match_value_usd = 0;  // the value used by the "match_value" rule
  std::vector<SignalSummary> signals;
  std::vector<WhatIf> whatif;  // largest gain first
  double preferred_share = 0;  // share of the list in the profile's preferred states
  // What the min_preferred_share rule costs: P(match) of the plan made without it, minus the plan's
  // (set with the what-if re-plans; 0 when there is no rule or no what-if).
  double preferred_share_cost = 0;
  std::size_t candidates = 0;      // eligible programs considered
  std::vector<std::string> notes;  // e.g. "no program in your target specialties"
  // The programs on or near the list whose unknown facts would change it most if known
  // (research.h); only when the plan explains itself (not in what-if re-plans).
  std::vector<ResearchItem> research_next;
};

Plan make_plan(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model);

// make_plan in steps, for a caller that keeps drawing frames while it plans (the browser page):
// the plan itself, then each what-if re-plan, each over a few steps (candidates are gathered a few
// thousand programs per step). make_plan is this, run to the end. The dataset and the model must
// outlive the work and stay unchanged while it runs.
//   PlanWork work(profile, dataset, options, model);
//   while (!work.step()) show_progress(work.progress());
//   Plan plan = work.take();
class PlanWork {
 public:
  PlanWork(Profile profile, const Dataset& dataset, PlanOptions options, const Model& model);
  ~PlanWork();
  PlanWork(const PlanWork&) = delete;
  PlanWork& operator=(const PlanWork&) = delete;

  bool step();  // one step; true once the plan is complete
  bool done() const;
  double progress() const;  // 0..1
  Plan take();              // once done

 private:
  struct Change;
  struct Pass;
  Profile profile_;
  const Dataset& dataset_;
  PlanOptions options_;
  const Model& model_;
  std::vector<Change> changes_;
  std::unique_ptr<Pass> pass_;  // the plan being made now
  // The programs in the profile's target specialties (indexes into the dataset), found by the
  // first pass and read by the what-if re-plans.
  std::vector<std::size_t> targets_;
  std::size_t steps_ = 0;  // plans complete (the applicant's, then the what-ifs)
  Plan plan_;
};

// Greedy versus the exact optimum, for tests and the research note: expected utility of the best
// set of exactly `count` programs among `indexes` by exhaustive search (small inputs only).
double exhaustive_best_utility(const Profile& profile, const Dataset& dataset, const std::vector<std::size_t>& indexes,
                               int count, const Model& model);
// Expected utility of a given set (ranked in true preference order), with the correlated model;
// with `signals` (one per program, or empty), each program with that signal.
double expected_utility_of(const Profile& profile, const Dataset& dataset, const std::vector<std::size_t>& indexes,
                           const Model& model, const std::vector<SignalKind>& signals = {});

}  // namespace openpick::core
