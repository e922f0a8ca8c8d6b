// The planner's work unit: make_plan in steps (the applicant's plan, then each what-if re-plan).
#include <algorithm>
#include <cstdio>
#include <functional>

#include "openpick/core/exam_status.h"
#include "openpick/core/planner.h"
#include "openpick/core/profile_rules.h"
#include "plan_candidates.h"
#include "plan_fees.h"
#include "plan_list.h"

namespace openpick::core {

using detail::Built;
using detail::Fees;
using detail::find_targets;

// One plan (the applicant's, or a what-if re-plan), made over as many steps as it takes:
// candidates gathered kProgramsPerStep programs at a time, then ordered and finished in one more.
// `list_only`: a what-if re-plan, which needs the list and its chance but not the whole curve.
// The first pass finds the programs in the target specialties (PlanWork::targets_) as it goes;
// the re-plans, whose specialties are the same, gather from those alone.
struct PlanWork::Pass {
  static constexpr std::size_t kProgramsPerStep = 8000;
  Profile profile;
  PlanOptions options;
  bool list_only;
  Fees fees;
  Built b;
  std::size_t next = 0;  // the first program (first pass) or target (re-plans) not yet gathered
  Plan plan;

  Pass(Profile p, PlanOptions o, bool list)
      : profile(std::move(p)),
        options(std::move(o)),
        list_only(list),
        fees(options.fee_season, options.fee_assistance) {}

  // True once the plan is complete. `find`: targets is still to be found (the first pass).
  bool step(const Dataset& dataset, const Model& model, std::vector<std::size_t>& targets, bool find) {
    const std::size_t size = find ? dataset.programs.size() : targets.size();
    if (next < size) {
      const std::size_t to = std::min(size, next + kProgramsPerStep);
      std::size_t from = next;
      if (find) {
        from = targets.size();
        find_targets(profile, dataset, next, to, targets);
      }
      gather(profile, dataset, options, model, fees, targets, from, find ? targets.size() : to, b);
      next = to;
      if (next < size) return false;
    }
    order(profile, options, model, fees, list_only, b, plan);
    if (b.cands.empty())
      plan.notes.push_back(profile.specialties.empty()
                               ? "No program in the data is within reach of this profile."
                               : "No program in your target specialties is within reach of this profile.");
    finish(profile, dataset, options, model, fees, list_only, b, plan);
    return true;
  }
  double progress(std::size_t size) const {
    return size == 0 ? 0.0 : 0.9 * static_cast<double>(next) / static_cast<double>(size);
  }
};

// The what-if id of the plan without the min_preferred_share rule: its gain is what the rule costs.
constexpr const char* kNoShareRule = "no_preferred_share";

// The what-if changes: each a profile (or option) change the applicant could make, re-planned.
struct PlanWork::Change {
  const char* id;
  const char* words;
  std::function<void(Profile&, PlanOptions&)> apply;
};

PlanWork::PlanWork(Profile profile, const Dataset& dataset, PlanOptions options, const Model& model)
    : profile_(std::move(profile)), dataset_(dataset), options_(std::move(options)), model_(model) {
  if (!options_.whatif) return;
  const Profile& p = profile_;
  const bool img = is_img(p.graduate_type);
  const auto add = [&](bool applies, const char* id, const char* words, std::function<void(Profile&, PlanOptions&)> f) {
    if (applies) changes_.push_back({id, words, std::move(f)});
  };
  add(!p.step3_passed, "step3", "Pass Step 3", [](Profile& q, PlanOptions&) { q.step3_passed = true; });
  add(img, "usce_3_months", "3 more months of hands-on US clinical experience",
      [](Profile& q, PlanOptions&) { q.usce_months.hands_on += 3.0; });
  add(img, "us_letter", "One more US letter of recommendation", [](Profile& q, PlanOptions&) { q.us_letters += 1; });
  // Step 2 CK as programs will read it: a passed score, or the one the applicant expects on the
  // attempt to come (a failed attempt stays on the record).
  const std::optional<int> step2ck = modelled_step2ck(p);
  const bool passed = exam_status(p).step2ck_passed;
  add(step2ck.has_value() && *step2ck + kWhatIfStep2ckGain <= kStepScoreRange.max, "step2ck_plus_10",
      passed ? "Step 2 CK 10 points higher" : "Step 2 CK 10 points higher on your next attempt",
      [passed, step2ck](Profile& q, PlanOptions&) {
        if (passed)
          q.step2ck.score = *step2ck + kWhatIfStep2ckGain;
        else
          q.step2ck.expected_score = *step2ck + kWhatIfStep2ckGain;
      });
  add(p.visa == VisaNeed::H1b, "accept_j1", "Accept a J-1 visa, not only H-1B",
      [](Profile& q, PlanOptions&) { q.visa = VisaNeed::J1OrH1b; });
  add(options_.only_preferred_states && !p.preferred_states.empty(), "all_states",
      "Apply in every state, not only your preferred ones",
      [](Profile&, PlanOptions& o) { o.only_preferred_states = false; });
  add(options_.min_preferred_share > 0.0 && options_.min_preferred_share <= 1.0 && !p.preferred_states.empty() &&
          !options_.only_preferred_states,
      kNoShareRule, "No minimum share of applications in your preferred states",
      [](Profile&, PlanOptions& o) { o.min_preferred_share = 0.0; });
}

PlanWork::~PlanWork() = default;

bool PlanWork::step() {
  if (done()) return true;
  if (!pass_) {
    if (steps_ == 0) {
      pass_ = std::make_unique<Pass>(profile_, options_, false);
    } else {
      PlanOptions o = options_;
      o.whatif = false;
      o.explain = false;
      o.assumption_range = false;
      // A list whose length came from the match-value rule keeps that length in the re-plans: a
      // stronger profile needs fewer applications for the same worth, and a shorter list would show
      // an improvement as a loss in P(match). The what-if compares chances at the same length.
      if (plan_.length_rule == "match_value") o.max_applications = static_cast<int>(plan_.programs.size());
      Profile p = profile_;
      changes_[steps_ - 1].apply(p, o);
      pass_ = std::make_unique<Pass>(std::move(p), std::move(o), true);
    }
  }
  if (!pass_->step(dataset_, model_, targets_, steps_ == 0)) return false;
  if (steps_ == 0) {
    plan_ = std::move(pass_->plan);
    // Exam status comes first: what must happen for any of this to count.
    const ExamStatus exams = exam_status(profile_);
    plan_.notes.insert(plan_.notes.begin(), exams.must.begin(), exams.must.end());
    plan_.conditional_on = exams.conditional_on;
  } else {
    const Change& ch = changes_[steps_ - 1];
    plan_.whatif.push_back({ch.id, ch.words, pass_->plan.p_match, pass_->plan.p_match - plan_.p_match});
  }
  pass_.reset();
  ++steps_;
  if (done()) {
    std::stable_sort(plan_.whatif.begin(), plan_.whatif.end(),
                     [](const WhatIf& a, const WhatIf& b) { return a.gain > b.gain; });
    for (const WhatIf& w : plan_.whatif) {
      if (w.id != std::string(kNoShareRule)) continue;
      plan_.preferred_share_cost = w.gain;
      char buf[400];
      std::snprintf(buf, sizeof buf,
                    "Keeping at least %.0f%% of the applications in your preferred states (%.0f%% of this list) costs "
                    "%.1f points of P(match): %.1f%% without the rule, %.1f%% with it.",
                    100.0 * options_.min_preferred_share, 100.0 * plan_.preferred_share, 100.0 * w.gain,
                    100.0 * w.p_match, 100.0 * plan_.p_match);
      plan_.notes.push_back(buf);
    }
  }
  return done();
}

bool PlanWork::done() const { return steps_ == 1 + changes_.size(); }
double PlanWork::progress() const {
  const double within = pass_ ? pass_->progress(steps_ == 0 ? dataset_.programs.size() : targets_.size()) : 0.0;
  return (static_cast<double>(steps_) + within) / static_cast<double>(1 + changes_.size());
}
Plan PlanWork::take() { return std::move(plan_); }

Plan make_plan(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model) {
  PlanWork work(profile, dataset, options, model);
  while (!work.step()) {
  }
  return work.take();
}

}  // namespace openpick::core
