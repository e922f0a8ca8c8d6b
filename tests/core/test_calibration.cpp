// The stored model constants (assets/model/fitted.json) reproduce the published targets
// (assets/model/targets.json) on the synthetic cohorts, and the held-out figures stay where
// docs/MODEL.md says they are. A model that drifts out of calibration fails here.
//
// Re-derive the fitted constants: `make refit` (openpick calibrate --write assets/model/fitted.json).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "openpick/core/calibration.h"
#include "openpick/core/io.h"
#include "openpick/core/planner.h"
#include "openpick/core/rank_list.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

using openpick::testing::read_source;

struct SpecialtyRun {
  ReferenceSpecialty ref;
  std::vector<Program> programs;
  std::vector<CohortApplicant> cohort;
  CohortResult result;
};

// Built once for the whole suite: the cohorts are deterministic and the runs are what we check.
const std::map<std::string, SpecialtyRun>& runs() {
  static const std::map<std::string, SpecialtyRun> all = [] {
    std::map<std::string, SpecialtyRun> m;
    const Model model;
    CohortEvalOptions with_ranks;
    with_ranks.ranks = true;
    for (const auto& ref : reference_specialties()) {
      SpecialtyRun r;
      r.ref = ref;
      r.programs = make_reference_programs(ref, 1);
      r.cohort = make_cohort(ref, r.programs, CohortOptions{}, model);
      r.result = evaluate_cohort(model, r.programs, r.cohort, with_ranks);
      std::printf(
          "%-18s target %.1f%% model %.1f%% (all who applied %.1f%%, %.0f%% got an interview; independence "
          "would say %.1f%%) | gap target %+.1f model %+.2f | %.1f interviews, median ranks %.1f / %.1f\n",
          ref.name.c_str(), 100 * ref.match_rate, 100 * r.result.match_rate, 100 * r.result.match_rate_all,
          100 * r.result.ranked, 100 * r.result.mean_independent_match_rate, ref.score_gap(), r.result.score_gap,
          r.result.mean_interviews, r.result.median_ranks_matched, r.result.median_ranks_unmatched);
      m.emplace(ref.name, std::move(r));
    }
    return m;
  }();
  return all;
}

Profile average_profile(const ReferenceSpecialty& ref) {
  // The published mixture's mean score, one attempt, 3 years out, J-1, 3 months hands-on, 3 US
  // letters: the issue's "average non-US IMG".
  Profile p;
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::J1;
  p.step2ck.score =
      static_cast<int>(std::lround(ref.match_rate * ref.matched_mean + (1 - ref.match_rate) * ref.unmatched_mean));
  p.match_year = 2026;
  p.graduation_year = 2023;
  p.usce_months.hands_on = 3;
  p.us_letters = 3;
  p.specialties = {{ref.name, 1.0}};
  return p;
}

Dataset as_dataset(const std::vector<Program>& programs) {
  Dataset d;
  d.name = "reference";
  d.programs = programs;
  return d;
}

}  // namespace

TEST(CalibrationData, TheCompiledInTargetsParseAndCiteTheirSources) {
  const CalibrationTargets& t = calibration_targets();
  ASSERT_EQ(t.specialties.size(), 5u);
  EXPECT_EQ(t.specialties.front().name, "Internal Medicine");
  EXPECT_DOUBLE_EQ(t.specialties.front().match_rate, 0.485);
  EXPECT_DOUBLE_EQ(t.us_md_senior_rate, 0.935);
  std::vector<std::string> keys;
  for (const auto& [key, citation] : t.sources) keys.push_back(key);
  for (const auto& ref : t.specialties)
    for (const auto& e : ref.step2ck) EXPECT_NE(std::find(keys.begin(), keys.end(), e.source), keys.end()) << e.source;
  for (const auto& h : t.held_out) EXPECT_NE(std::find(keys.begin(), keys.end(), h.source), keys.end()) << h.id;
  // The file in the repository is the one compiled in.
  const auto from_file = [] {
    std::string error;
    return parse_calibration_targets(read_source("assets/model/targets.json"), error);
  }();
  ASSERT_TRUE(from_file.has_value());
  EXPECT_EQ(from_file->specialties.size(), t.specialties.size());
}

TEST(CalibrationData, ABadTargetsDocumentNamesTheField) {
  std::string error;
  EXPECT_FALSE(parse_calibration_targets("{", error));
  EXPECT_EQ(error, "not valid JSON");
  EXPECT_FALSE(parse_calibration_targets(R"({"kind": "openpick-calibration-targets", "specialties": []})", error));
  EXPECT_NE(error.find("targets.specialties"), std::string::npos) << error;
  const std::string one = R"({"kind": "openpick-calibration-targets", "graduate_types": {}, "specialties": [
      {"name": "X", "programs": {"value": 10}, "nonus_img_share": {"value": 0.1}, "j1_share": {"value": 0.5},
       "h1b_share": {"value": 0.2}, "match_rate": {"value": "half"}, "applications": {"value": 50},
       "step2ck": [{"matched": 240, "unmatched": 230, "year": 2026, "source": "s"}]}]})";
  EXPECT_FALSE(parse_calibration_targets(one, error));
  EXPECT_EQ(error, "targets.specialties[0].match_rate.value: must be a number");
}

TEST(CalibrationData, FittedFileIsWhatTheRefitWritesAndReadsBack) {
  // fitted.json is in the exact form `openpick calibrate` writes, so a re-fit is a clean diff.
  EXPECT_EQ(fitted_params_to_json(default_model_params()), read_source("assets/model/fitted.json"));
  ModelParams p = default_model_params();
  std::string error;
  EXPECT_FALSE(
      apply_fitted_params(R"({"kind": "openpick-fitted-params", "specialties": [{"name": "Dermatology"}]})", p, error));
  EXPECT_EQ(error, "fitted.specialties[0].name: 'Dermatology' is not a specialty of the targets");
}

TEST(Calibration, NonUsImgMatchRatesAmongApplicantsWhoRankedHitThePublishedOnes) {
  ASSERT_EQ(runs().size(), 5u);
  for (const auto& [name, run] : runs()) {
    // Fitted on this population: within a point. Not everyone who applies gets to rank.
    EXPECT_NEAR(run.result.match_rate, run.ref.match_rate, 0.01) << name;
    EXPECT_LT(run.result.match_rate_all, run.result.match_rate) << name;
  }
}

TEST(Calibration, EverySpecialtyReadsScoresAndTheGapSitsAmongThePublishedEditions) {
  for (const auto& [name, run] : runs()) {
    EXPECT_GT(Model{}.specialty(name).score_slope, 0.1) << name << ": programs screen on Step 2 CK";
    double lo = 1e9, hi = -1e9;
    for (const auto& e : run.ref.step2ck)
      lo = std::min(lo, e.matched - e.unmatched), hi = std::max(hi, e.matched - e.unmatched);
    EXPECT_GE(run.result.score_gap, lo - 0.5) << name;
    EXPECT_LE(run.result.score_gap, hi + 0.5) << name;
  }
  // Family Medicine: 231 vs 232 (2026) and 231 vs 223 (2018): averaged, +3.5.
  EXPECT_NEAR(runs().at("Family Medicine").ref.score_gap(), 3.5, 1e-12);
  EXPECT_NEAR(runs().at("Family Medicine").result.score_gap, 3.5, 0.5);
}

TEST(Calibration, CohortsAreShapedLikeThePublishedOnes) {
  for (const auto& [name, run] : runs()) {
    ASSERT_EQ(run.cohort.size(), 300u) << name;
    double sum = 0.0;
    for (const auto& a : run.cohort) sum += *a.profile.step2ck.score;
    const double mean = sum / static_cast<double>(run.cohort.size());
    const double published_mixture =
        run.ref.match_rate * run.ref.matched_mean + (1.0 - run.ref.match_rate) * run.ref.unmatched_mean;
    EXPECT_NEAR(mean, published_mixture, 0.5) << name;
    EXPECT_NEAR(run.result.mean_applications, run.ref.applications, 0.15 * run.ref.applications) << name;
    EXPECT_GT(run.result.mean_interviews, 0.5) << name;
    EXPECT_LT(run.result.mean_interviews, 20.0) << name;
    // Matched applicants ranked more programs than unmatched ones (published medians: IM 5 vs 2,
    // FM 3 vs 1, Pediatrics 6 vs 1).
    EXPECT_GT(run.result.median_ranks_matched, run.result.median_ranks_unmatched + 1.0) << name;
  }
}

TEST(Calibration, IndependenceWouldOverstateTheCohortsChance) {
  for (const auto& [name, run] : runs()) {
    EXPECT_LT(run.result.match_rate_all + 0.05, run.result.mean_independent_match_rate) << name;
  }
}

TEST(Calibration, UsMdSeniorsFarAboveNonUsImgs) {
  const auto& im = runs().at("Internal Medicine");
  const auto seniors = make_cohort(im.ref, im.programs, CohortOptions{300, GraduateType::UsMd, 2026}, Model{});
  const CohortResult r = evaluate_cohort(Model{}, im.programs, seniors);
  std::printf("US MD seniors, Internal Medicine: %.1f%% (published 93.5%% across all specialties)\n",
              100 * r.match_rate);
  EXPECT_NEAR(r.match_rate, 0.935, 0.02);
  EXPECT_GT(r.match_rate, im.result.match_rate + 0.30);
}

// ---- the planned chance of one applicant --------------------------------------------------------

// The issue's headline check: the planner's own list for an average non-US IMG must not promise far
// more than published rates, and the seed's weaker applicant comes out below the average one.
TEST(CalibrationPlanned, AnAverageApplicantsPlanIsNearThePublishedRateAndTheSeedsIsBelow) {
  for (const auto& [name, run] : runs()) {
    const Dataset d = as_dataset(run.programs);
    PlanOptions o;
    o.whatif = false;
    o.max_applications = run.ref.applications;
    const Plan plan = make_plan(average_profile(run.ref), d, o, Model{});
    std::printf(
        "planned, average profile, %-18s %d applications: P(match) %.1f%% (published rate among those who "
        "ranked %.1f%%)\n",
        name.c_str(), run.ref.applications, 100 * plan.p_match, 100 * run.ref.match_rate);
    // This profile is stronger than the cohort's middle (3 months hands-on and 3 US letters, where a
    // third of the cohort has none) and the planner aims better than a typical applicant, so it lands
    // above the published rate; docs/MODEL.md shows by how much. Before the re-fit on aimed lists
    // the IM list came out 37 points above it.
    EXPECT_LT(plan.p_match, run.ref.match_rate + 0.30) << name;
    EXPECT_GT(plan.p_match, run.ref.match_rate - 0.10) << name;
    if (name == "Internal Medicine") EXPECT_LT(plan.p_match, run.ref.match_rate + 0.18) << name;
  }
  // The seed's applicant: Step 2 CK 218, two Step 1 attempts, 7 years out, 1 month hands-on, one
  // US letter, J-1, IM and FM.
  const auto& im = runs().at("Internal Medicine");
  Profile seed = average_profile(im.ref);
  seed.step2ck.score = 218;
  seed.step1.attempts = 2;
  seed.graduation_year = 2019;
  seed.usce_months = {1.0, 4.0};
  seed.us_letters = 1;
  PlanOptions o;
  o.whatif = false;
  o.max_applications = im.ref.applications;
  const Dataset d = as_dataset(im.programs);
  const double seed_p = make_plan(seed, d, o, Model{}).p_match;
  const double average_p = make_plan(average_profile(im.ref), d, o, Model{}).p_match;
  std::printf("planned, IM: seed applicant %.1f%% vs average %.1f%%\n", 100 * seed_p, 100 * average_p);
  EXPECT_LT(seed_p, average_p - 0.10);
}

// After interviews: the chance rises with every program ranked, and an average applicant's handful of
// ranks is far from certain.
TEST(CalibrationPlanned, AfterInterviewsTheChanceRisesWithRanksAndAHandfulIsNoSureThing) {
  const auto& im = runs().at("Internal Medicine");
  const Dataset d = as_dataset(im.programs);
  const Profile p = average_profile(im.ref);
  // The programs most likely to interview this applicant: the ones an invitation would come from.
  std::vector<std::pair<double, std::size_t>> by_chance;
  for (std::size_t i = 0; i < d.programs.size(); ++i) {
    const ProgramChance c = Model{}.score(p, d.programs[i], {false, false});
    if (c.eligible) by_chance.push_back({-c.p_interview, i});
  }
  std::sort(by_chance.begin(), by_chance.end());
  double before = 0.0;
  std::vector<std::size_t> ranked;
  for (std::size_t n = 1; n <= 12; ++n) {
    ranked.push_back(by_chance[n - 1].second);
    const double now = rank_list_outcome(p, d, ranked, Model{}).p_match;
    if (n == 1 || n == 2 || n == 5 || n == 10)
      std::printf("after interviews, average IM applicant, %zu ranks: %.1f%%\n", n, 100 * now);
    EXPECT_GT(now, before) << n;
    if (n == 5) EXPECT_LT(now, 0.80) << "5 ranks";
    before = now;
  }
}

// ---- held out: published figures the model was not fitted to ------------------------------------

TEST(CalibrationHeldOut, FiguresTheModelWasNotFittedTo) {
  const CalibrationTargets& t = calibration_targets();
  const auto& im = runs().at("Internal Medicine");
  // Step 2 CK quartiles among matched and unmatched, IM 2026: the model's order must hold (matched
  // above unmatched at every quartile); the sizes are reported in docs/MODEL.md.
  const HeldOutFigure* q = t.find_held_out("im_step2ck_quartiles_2026");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->matched.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    std::printf("held out: IM Step 2 CK quartile %d: matched %.0f (published %.0f), unmatched %.0f (published %.0f)\n",
                i + 1, im.result.quartiles_matched[i], q->matched[i], im.result.quartiles_unmatched[i],
                q->unmatched[i]);
    EXPECT_GT(im.result.quartiles_matched[i], im.result.quartiles_unmatched[i]);
    EXPECT_NEAR(im.result.quartiles_matched[i], q->matched[i], 8.0);
    EXPECT_NEAR(im.result.quartiles_unmatched[i], q->unmatched[i], 8.0);
  }
  // US-citizen IMGs (published across all specialties): between non-US IMGs and US seniors.
  const HeldOutFigure* us_img = t.find_held_out("us_img_rate_2025");
  ASSERT_NE(us_img, nullptr);
  const auto cohort = make_cohort(im.ref, im.programs, CohortOptions{300, GraduateType::UsImg, 2026}, Model{});
  const CohortResult r = evaluate_cohort(Model{}, im.programs, cohort);
  std::printf("held out: US-citizen IMGs, IM cohort: %.1f%% (published %.1f%%, all specialties)\n", 100 * r.match_rate,
              100 * *us_img->value);
  EXPECT_GT(r.match_rate, im.result.match_rate);
  EXPECT_LT(r.match_rate, 0.90);
  // Median interviews offered, IM independent applicants (NRMP Applicant Survey, about 2011): 8 vs 2.
  const HeldOutFigure* interviews = t.find_held_out("im_median_interviews_survey");
  ASSERT_NE(interviews, nullptr);
  std::printf("held out: IM median interviews matched %.1f (published %.0f), unmatched %.1f (published %.0f)\n",
              im.result.median_ranks_matched, interviews->matched[0], im.result.median_ranks_unmatched,
              interviews->unmatched[0]);
}

// The same cohorts applying to the project's sample dataset (assets/datasets/sample.json, written by
// tools/ from the same published shares with its own assumptions) instead of the in-test population:
// the constants carry over to a dataset built independently. The tolerance is one-sided on purpose:
// a dataset may be harder than the population the constants were fitted on (the sample states more
// cutoffs and fewer visa policies; docs/MODEL.md 4.3 lists the rates), but the model must not come
// out flattering on it. Until the sample's IMG shares were read as shares of all IMGs (US-citizen
// IMGs counted, model.h non_us_part_of_img_share) they were read as non-US shares, 0.3 logit too
// easy, and this check passed by that much.
TEST(Calibration, SampleDatasetStaysNearThePublishedRates) {
  const std::string text = read_source("assets/datasets/sample.json");
  ASSERT_FALSE(text.empty()) << "no sample dataset";
  const auto parsed = parse_dataset_json(text, "sample.json");
  ASSERT_TRUE(parsed.ok());
  const Model model;
  for (const auto& ref : reference_specialties()) {
    std::vector<Program> programs;
    for (const auto& p : parsed.value->programs)
      if (p.specialty == ref.name && p.track == Track::Categorical) programs.push_back(p);
    ASSERT_GT(programs.size(), 50u) << ref.name;
    const auto cohort = make_cohort(ref, programs, CohortOptions{}, model);
    const CohortResult r = evaluate_cohort(model, programs, cohort);
    std::printf(
        "sample.json %-18s %zu programs: target %.1f%% model %.1f%% | gap target %+.1f model %+.2f | "
        "%.2f interviews\n",
        ref.name.c_str(), programs.size(), 100 * ref.match_rate, 100 * r.match_rate, ref.score_gap(), r.score_gap,
        r.mean_interviews);
    EXPECT_LT(r.match_rate, ref.match_rate + 0.03) << ref.name << ": flattering on an independent dataset";
    EXPECT_GT(r.match_rate, ref.match_rate - 0.10) << ref.name;
  }
}
