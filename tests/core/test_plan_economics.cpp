// The planner's economics: every application service priced by its own schedule, the
// list's length set by the applicant's value of matching this year, and the profile and dataset
// fields behind them. Every expected number is worked out by hand in the comments; none is copied
// from the planner's output.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "openpick/core/advice.h"
#include "openpick/core/io.h"
#include "openpick/core/planner.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

// A US MD senior: no visa, no IMG terms, so every program below is a candidate.
Profile us_md(std::vector<SpecialtyPreference> specialties) {
  return openpick::testing::ProfileBuilder()
      .graduate(GraduateType::UsMd)
      .visa(VisaNeed::None)
      .step1(ExamResult::Pass, 1)
      .step2ck(240, 1)
      .step3_passed(false)
      .graduated(2027)
      .match_year(2027)
      .specialties(std::move(specialties))
      .build();
}

// n programs identical in every fact but the id: one chance for all, so the greedy's gains are
// known in closed form.
void add_identical(Dataset& d, const std::string& prefix, const std::string& specialty, int n,
                   Track track = Track::Categorical) {
  for (int i = 0; i < n; ++i) {
    Program p;
    p.id = prefix + std::to_string(i);
    p.name = "Program " + p.id;
    p.specialty = specialty;
    p.track = track;
    p.state = "OH";
    p.city = "City";
    p.setting = Setting::Community;
    p.positions = 8;
    p.visa.j1 = true;
    p.visa.h1b = true;
    p.accepts_signals = false;  // no signals: the list's chance is the curve's
    d.programs.push_back(p);
  }
}

Model independent_model() {
  ModelParams params = default_model_params();
  params.sigma_interview = 0.0;
  params.sigma_match = 0.0;
  return Model(params);
}

PlanOptions quick() {
  PlanOptions o;
  o.whatif = false;
  o.assumption_range = false;
  return o;
}

}  // namespace

// ---- Services -----------------------------------------------------------------------------------

TEST(PlanEconomics, EachServicePricesItsOwnApplications) {
  // 35 IM programs (ERAS) and 20 EM programs (ResidencyCAS by specialty), all 55 applied to.
  // ERAS 2026: 30 x $11 + 5 x $30 = $480, + $80 transcript = $560.
  // ResidencyCAS 2026: $99 (1-18) + 2 x $18 (19-20) = $135, + $80 transcript (assumed) = $215.
  // Total $775.
  Dataset d;
  add_identical(d, "IM", "Internal Medicine", 35);
  add_identical(d, "EM", "Emergency Medicine", 20);
  PlanOptions o = quick();
  o.max_applications = 55;
  const Plan plan = make_plan(us_md({{"Internal Medicine", 1.0}, {"Emergency Medicine", 1.0}}), d, o, Model{});
  ASSERT_EQ(plan.programs.size(), 55u);
  ASSERT_EQ(plan.cost_by_service.size(), 2u);
  const ServiceCost& eras = plan.cost_by_service[0];
  const ServiceCost& cas = plan.cost_by_service[1];
  EXPECT_EQ(eras.service, ApplicationService::Eras);
  EXPECT_EQ(eras.applications, 35);
  EXPECT_DOUBLE_EQ(eras.applications_usd, 480.0);
  EXPECT_DOUBLE_EQ(eras.transcript_usd, 80.0);
  EXPECT_DOUBLE_EQ(eras.cost_usd, 560.0);
  EXPECT_EQ(cas.service, ApplicationService::ResidencyCas);
  EXPECT_EQ(cas.applications, 20);
  EXPECT_DOUBLE_EQ(cas.applications_usd, 135.0);
  EXPECT_DOUBLE_EQ(cas.cost_usd, 215.0);
  EXPECT_DOUBLE_EQ(plan.cost_usd, 775.0);
  EXPECT_DOUBLE_EQ(plan.curve[55].cost_usd, 775.0);

  // The JSON keeps its fields and adds the per-service cost and each program's service.
  const auto j = nlohmann::json::parse(plan_to_json(plan, d, {}));
  for (const char* k : {"p_match", "p_match_range", "p_interview_any", "expected_utility", "cost_usd", "applications",
                        "diminishing_returns_at", "programs", "excluded", "curve", "signals", "whatif", "notes",
                        "cost_by_service", "length_rule", "match_value_usd"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["cost_by_service"][1]["service"], "ResidencyCAS");
  EXPECT_EQ(j["cost_by_service"][1]["cost_usd"], 215.0);
  EXPECT_EQ(j["length_rule"], "max_applications");
  int cas_programs = 0;
  for (const auto& p : j["programs"]) cas_programs += p["application_service"] == "ResidencyCAS";
  EXPECT_EQ(cas_programs, 20);
}

TEST(PlanEconomics, AProgramsStatedServiceWinsOverItsSpecialty) {
  // 5 EM programs that say they take ERAS: ERAS prices them, 5 x $11 + $80 = $135.
  Dataset d;
  add_identical(d, "EM", "Emergency Medicine", 5);
  for (auto& p : d.programs) p.application_service = ApplicationService::Eras;
  PlanOptions o = quick();
  o.max_applications = 5;
  const Plan plan = make_plan(us_md({{"Emergency Medicine", 1.0}}), d, o, Model{});
  ASSERT_EQ(plan.cost_by_service.size(), 1u);
  EXPECT_EQ(plan.cost_by_service[0].service, ApplicationService::Eras);
  EXPECT_DOUBLE_EQ(plan.cost_usd, 135.0);
}

// ---- How long a list ----------------------------------------------------------------------------

// With identical programs, one utility level (weight 1) and independent outcomes (sigma = 0), the
// n-th application's expected gain is p (1 - p)^(n-1), p its chance alone. Choose the value of
// matching so the 10th application is just worth its fee: V = fee / (p (1 - p)^9) x 1.0001. Then the
// 10th gains V p (1-p)^9 = 1.0001 fee >= fee, the 11th gains 1.0001 (1 - p) fee < fee: the list
// stops at exactly 10.
TEST(PlanEconomics, WithNoBudgetTheListStopsWhereAnApplicationIsWorthLessThanItsFee) {
  Dataset d;
  add_identical(d, "IM", "Internal Medicine", 40);
  const Model model = independent_model();
  Profile p = us_md({{"Internal Medicine", 1.0}});
  const double chance = model.score(p, d.programs[0]).p_match;
  ASSERT_GT(chance, 0.01);
  ASSERT_LT(chance, 0.99);
  p.match_value_usd = 11.0 / (chance * std::pow(1.0 - chance, 9)) * 1.0001;  // ERAS: $11 each up to 30
  const Plan plan = make_plan(p, d, quick(), model);
  EXPECT_EQ(plan.programs.size(), 10u);
  EXPECT_EQ(plan.length_rule, "match_value");
  EXPECT_DOUBLE_EQ(plan.match_value_usd, p.match_value_usd);
  // The curve still goes on (to curve_length, 150, or every candidate) and still marks half a point.
  EXPECT_EQ(plan.curve.size(), 41u);
  const auto at = static_cast<std::size_t>(plan.diminishing_returns_at);
  EXPECT_LT(plan.curve[at + 1].p_match - plan.curve[at].p_match, 0.005);
  // The note says why it stopped, in the applicant's dollars.
  bool noted = false;
  for (const auto& n : plan.notes) noted = noted || n.find("match_value_usd") != std::string::npos;
  EXPECT_TRUE(noted);

  // One dollar less on the value: the 10th is no longer worth its $11. It would bring
  // 11 x 1.0001 x (V-1)/V, under 11 exactly when V < 1.0001 / 0.0001 = 10,001.
  ASSERT_LT(p.match_value_usd, 10001.0);
  Profile lower = p;
  lower.match_value_usd = p.match_value_usd - 1.0;
  EXPECT_EQ(make_plan(lower, d, quick(), model).programs.size(), 9u);

  // A cap or a budget still wins.
  PlanOptions capped = quick();
  capped.max_applications = 4;
  const Plan c = make_plan(p, d, capped, model);
  EXPECT_EQ(c.programs.size(), 4u);
  EXPECT_EQ(c.length_rule, "max_applications");
  PlanOptions budget = quick();
  budget.budget_usd = 80.0 + 3 * 11.0;  // the transcript and three applications
  const Plan b = make_plan(p, d, budget, model);
  EXPECT_EQ(b.programs.size(), 3u);
  EXPECT_EQ(b.length_rule, "budget");
}

TEST(PlanEconomics, ResidencyCasFlatFeeIsSpreadOverTheProgramsItCovers) {
  // ResidencyCAS's $99 covers programs 1-18: the rule weighs $99 / 18 = $5.50 for each, so with
  // V = 5.5 / (p (1-p)^9) x 1.0001 the EM list is 10 long, as above. Weighing all $99 against the
  // first program would have stopped it at 0.
  Dataset d;
  add_identical(d, "EM", "Emergency Medicine", 30);
  const Model model = independent_model();
  Profile p = us_md({{"Emergency Medicine", 1.0}});
  const double chance = model.score(p, d.programs[0]).p_match;
  ASSERT_GT(chance, 0.01);
  ASSERT_LT(chance, 0.99);
  p.match_value_usd = 5.5 / (chance * std::pow(1.0 - chance, 9)) * 1.0001;
  const Plan plan = make_plan(p, d, quick(), model);
  EXPECT_EQ(plan.programs.size(), 10u);
  ASSERT_EQ(plan.cost_by_service.size(), 1u);
  EXPECT_DOUBLE_EQ(plan.cost_usd, 99.0 + 80.0);  // 10 programs inside the flat fee, and the transcript
}

TEST(PlanEconomics, WhatIfReplansKeepTheListLengthOfTheMatchValueRule) {
  // A stronger profile needs fewer applications for the same worth: re-planned by the value rule
  // its list would be shorter and "pass Step 3" could show as a loss. The re-plans keep the plan's
  // length, so an improvement never lowers P(match).
  Dataset d;
  add_identical(d, "IM", "Internal Medicine", 40);
  const Model model = independent_model();
  Profile p = us_md({{"Internal Medicine", 1.0}});
  const double chance = model.score(p, d.programs[0]).p_match;
  p.match_value_usd = 11.0 / (chance * std::pow(1.0 - chance, 9)) * 1.0001;
  PlanOptions o = quick();
  o.whatif = true;
  const Plan plan = make_plan(p, d, o, model);
  ASSERT_EQ(plan.programs.size(), 10u);
  for (const WhatIf& w : plan.whatif) EXPECT_GE(w.gain, -1e-12) << w.id;
}

// ---- The fields behind them ---------------------------------------------------------------------

TEST(PlanEconomicsIo, ProfileFieldsHaveDefaultsRangesAndRoundTrip) {
  const std::string base = R"({"schema_version": 1, "graduate_type": "us_md", "visa": "none",
    "step1": {"result": "pass", "attempts": 1}, "graduation_year": 2027, "match_year": 2027)";
  auto r = parse_profile_json(base + "}", "p.json");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value->match_value_usd, 50000.0);
  EXPECT_EQ(r.value->one_year_value, 0.25);
  EXPECT_EQ(r.value->prior_residency_years, 0);
  // Defaults are not written, so an old profile exports as before.
  EXPECT_EQ(profile_to_json(*r.value).find("match_value_usd"), std::string::npos);

  r = parse_profile_json(base + R"(, "match_value_usd": 120000, "one_year_value": 0.4, "prior_residency_years": 2})",
                         "p.json");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value->match_value_usd, 120000.0);
  EXPECT_EQ(r.value->one_year_value, 0.4);
  EXPECT_EQ(r.value->prior_residency_years, 2);
  const auto back = parse_profile_json(profile_to_json(*r.value), "p.json");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value->match_value_usd, 120000.0);
  EXPECT_EQ(back.value->one_year_value, 0.4);
  EXPECT_EQ(back.value->prior_residency_years, 2);

  for (const char* bad : {R"(, "match_value_usd": -5})", R"(, "one_year_value": 1.5})",
                          R"(, "prior_residency_years": -1})", R"(, "one_year_value": "half"})"}) {
    const auto e = parse_profile_json(base + bad, "p.json");
    EXPECT_FALSE(e.ok()) << bad;
    ASSERT_FALSE(e.diagnostics.empty()) << bad;
    const std::string field = e.diagnostics[0].field;
    EXPECT_NE(std::string(bad).find(field), std::string::npos) << bad << " named " << field;
  }
}

TEST(PlanEconomicsIo, DatasetApplicationServiceInJsonAndCsv) {
  const std::string json = R"({"schema_version":1,"name":"d","programs":[
  {"id":"A","name":"x","specialty":"Emergency Medicine","state":"MS","application_service":"ERAS"},
  {"id":"B","name":"y","specialty":"Internal Medicine","state":"MS","application_service":"ResidencyCAS"},
  {"id":"C","name":"z","specialty":"Emergency Medicine","state":"MS","application_service":null},
  {"id":"D","name":"w","specialty":"Emergency Medicine","state":"MS"}]})";
  const auto r = parse_dataset_json(json, "d.json");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value->programs[0].application_service, ApplicationService::Eras);
  EXPECT_EQ(r.value->programs[1].application_service, ApplicationService::ResidencyCas);
  EXPECT_FALSE(r.value->programs[2].application_service.has_value());
  EXPECT_FALSE(r.value->programs[3].application_service.has_value());
  // Export keeps a stated service and leaves an unknown one out; the round trip is exact.
  const std::string out = dataset_to_json(*r.value);
  const auto back = parse_dataset_json(out, "d.json");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(dataset_to_json(*back.value), out);
  EXPECT_EQ(back.value->programs[1].application_service, ApplicationService::ResidencyCas);

  // An unknown name: an error naming the field and the names expected.
  const auto bad = parse_dataset_json(
      R"({"schema_version":1,"name":"d","programs":[{"id":"A","name":"x","specialty":"EM","state":"MS","application_service":"CAS"}]})",
      "d.json");
  EXPECT_FALSE(bad.ok());
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].field, "programs[0].application_service");
  EXPECT_NE(bad.diagnostics[0].message.find("unknown application service \"CAS\""), std::string::npos)
      << bad.diagnostics[0].message;
  EXPECT_NE(bad.diagnostics[0].message.find("ResidencyCAS"), std::string::npos);

  // CSV: the column is optional, read case-blind, written back as the contract spells it.
  const auto csv = parse_programs_csv(
      "id,name,specialty,state,application_service\nA,x,Emergency Medicine,MS,residencycas\nB,y,Internal "
      "Medicine,MS,\n",
      "p.csv");
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv.value->programs[0].application_service, ApplicationService::ResidencyCas);
  EXPECT_FALSE(csv.value->programs[1].application_service.has_value());
  EXPECT_NE(programs_to_csv(csv.value->programs).find(",ResidencyCAS\n"), std::string::npos);
  const auto csv_bad = parse_programs_csv("id,name,specialty,state,application_service\nA,x,EM,MS,AMCAS\n", "p.csv");
  EXPECT_FALSE(csv_bad.ok());
  ASSERT_FALSE(csv_bad.diagnostics.empty());
  EXPECT_EQ(csv_bad.diagnostics[0].field, "application_service");
}

// ---- Tracks -------------------------------------------------------------------------------------
// Independent outcomes (sigma = 0) and identical programs per track, so each expectation is a
// product of the programs' own chances (taken from the model, the planner's input).

TEST(PlanTracks, APreliminaryYearIsNotAResidency) {
  // Five preliminary IM programs, chance p each: P(match) = 0 (none completes a residency) and
  // P(only a one-year position) = 1 - (1 - p)^5.
  Dataset d;
  add_identical(d, "PR", "Internal Medicine", 5, Track::Preliminary);
  const Model model = independent_model();
  const Profile p = us_md({{"Internal Medicine", 1.0}});
  const double q = model.score(p, d.programs[0]).p_match;
  ASSERT_GT(q, 0.01);
  PlanOptions o = quick();
  o.max_applications = 5;
  const Plan plan = make_plan(p, d, o, model);
  ASSERT_EQ(plan.programs.size(), 5u);
  EXPECT_DOUBLE_EQ(plan.p_match, 0.0);
  EXPECT_NEAR(plan.p_match_one_year, 1.0 - std::pow(1.0 - q, 5), 1e-12);
  EXPECT_DOUBLE_EQ(plan.curve.back().p_match, 0.0);
  // Each is worth a quarter of the specialty's weight by default.
  EXPECT_DOUBLE_EQ(plan.programs[0].utility, 0.25);
  const auto j = nlohmann::json::parse(plan_to_json(plan, d, {}));
  EXPECT_NEAR(j["p_match_one_year"].get<double>(), plan.p_match_one_year, 1e-15);
  EXPECT_EQ(j["programs"][0]["track"], "preliminary");

  // A one-year position worth nothing to the applicant is not a candidate.
  Profile none = p;
  none.one_year_value = 0.0;
  EXPECT_TRUE(make_plan(none, d, o, model).programs.empty());
}

TEST(PlanTracks, CategoricalRanksAboveTheBridgeYear) {
  // 3 categorical (chance c) and 2 preliminary (chance q) IM programs, all applied to. The
  // categorical ones (utility 1) rank above the preliminary ones (0.25):
  //   P(match)          = 1 - (1 - c)^3
  //   P(one year only)  = (1 - c)^3 x (1 - (1 - q)^2)
  Dataset d;
  add_identical(d, "C", "Internal Medicine", 3);
  add_identical(d, "PR", "Internal Medicine", 2, Track::Preliminary);
  const Model model = independent_model();
  const Profile p = us_md({{"Internal Medicine", 1.0}});
  const double c = model.score(p, d.programs[0]).p_match;
  const double q = model.score(p, d.programs[3]).p_match;
  PlanOptions o = quick();
  o.max_applications = 5;
  const Plan plan = make_plan(p, d, o, model);
  ASSERT_EQ(plan.programs.size(), 5u);
  EXPECT_NEAR(plan.p_match, 1.0 - std::pow(1.0 - c, 3), 1e-12);
  EXPECT_NEAR(plan.p_match_one_year, std::pow(1.0 - c, 3) * (1.0 - std::pow(1.0 - q, 2)), 1e-12);
}

TEST(PlanTracks, AnAdvancedPositionCountsOnlyWithAPgy1Year) {
  // 2 advanced Anesthesiology programs (chance a) and nothing to pair them with: left out, with
  // the reason, and the notes say "PGY-1".
  Dataset d;
  add_identical(d, "ADV", "Anesthesiology", 2, Track::Advanced);
  const Model model = independent_model();
  Profile p = us_md({{"Anesthesiology", 1.0}});
  const double a = model.score(p, d.programs[0]).p_match;
  PlanOptions o = quick();
  o.max_applications = 4;
  Plan plan = make_plan(p, d, o, model);
  EXPECT_TRUE(plan.programs.empty());
  ASSERT_EQ(plan.excluded.size(), 2u);
  EXPECT_EQ(plan.excluded[0].id, "ADV0");
  EXPECT_NE(plan.excluded[0].reason.find("PGY-1"), std::string::npos);
  const auto has_pgy1_note = [](const Plan& x) {
    bool found = false;
    for (const auto& n : x.notes) found = found || n.find("PGY-1") != std::string::npos;
    return found;
  };
  EXPECT_TRUE(has_pgy1_note(plan));
  // Pinned, one stays on the list, but P(match) does not count it: no PGY-1 year.
  o.pinned_ids = {"ADV1"};
  plan = make_plan(p, d, o, model);
  ASSERT_EQ(plan.programs.size(), 1u);
  EXPECT_DOUBLE_EQ(plan.p_match, 0.0);
  EXPECT_TRUE(has_pgy1_note(plan));
  o.pinned_ids.clear();

  // With 2 transitional-year programs (chance t) as the supplemental list:
  //   A = 1 - (1 - a)^2 (an advanced position), S = 1 - (1 - t)^2 (a PGY-1 year)
  //   P(match) = A x S; P(one year only) = (1 - A) x S (the transitional years rank below).
  add_identical(d, "TY", "Transitional Year", 2, Track::Transitional);
  p.specialties.push_back({"Transitional Year", 1.0});
  const double t = model.score(p, d.programs[2]).p_match;
  plan = make_plan(p, d, o, model);
  ASSERT_EQ(plan.programs.size(), 4u);
  const double A = 1.0 - std::pow(1.0 - a, 2), S = 1.0 - std::pow(1.0 - t, 2);
  EXPECT_NEAR(plan.p_match, A * S, 1e-12);
  EXPECT_NEAR(plan.p_match_one_year, (1.0 - A) * S, 1e-12);

  // Room for two only. An advanced position alone counts for nothing (no PGY-1 year), so the
  // greedy weighs, per application, a bundle (a transitional year, then an advanced position):
  //   (0.25 t + a (t - 0.25 t)) / 2        (the TY's gain; then the advanced one's, paired: s = t,
  //                                          less the TY match it ranks above)
  // against a transitional year alone, 0.25 t: the bundle wins only when a > 1/3. Here a < 1/3:
  // a TY first; then the advanced one alone, 0.75 a t, against the second TY, 0.25 t (1 - t):
  // with 3 a < 1 - t, the second TY. P(match) 0, P(one year only) = S.
  ASSERT_LT(a, 1.0 / 3.0);
  ASSERT_LT(3.0 * a, 1.0 - t);
  o.max_applications = 2;
  plan = make_plan(p, d, o, model);
  ASSERT_EQ(plan.programs.size(), 2u);
  for (const auto& pp : plan.programs) EXPECT_EQ(d.programs[pp.index].track, Track::Transitional);
  EXPECT_DOUBLE_EQ(plan.p_match, 0.0);
  EXPECT_NEAR(plan.p_match_one_year, S, 1e-12);
  EXPECT_TRUE(has_pgy1_note(plan));
}

TEST(PlanTracks, AnAdvancedPositionComesPairedWithAPgy1Year) {
  // 2 advanced Anesthesiology programs (chance a, utility 1) and 2 transitional years (chance t,
  // utility 0.4 x 0.25 = 0.1 with the Transitional Year at weight 0.4). Independent outcomes.
  Dataset d;
  add_identical(d, "ADV", "Anesthesiology", 2, Track::Advanced);
  add_identical(d, "TY", "Transitional Year", 2, Track::Transitional);
  const Model model = independent_model();
  const Profile p = us_md({{"Anesthesiology", 1.0}, {"Transitional Year", 0.4}});
  const double a = model.score(p, d.programs[0]).p_match, t = model.score(p, d.programs[2]).p_match;
  const double u1 = 0.1;  // a transitional year's utility
  PlanOptions o = quick();
  const auto tracks_of = [&](const Plan& plan) {
    std::string s;
    for (const auto& pp : plan.programs) s += d.programs[pp.index].track == Track::Advanced ? "A" : "T";
    return s;
  };
  // Two applications. Step 1: a TY alone gains u1 t; the bundle (TY, then ADV) gains
  //   u1 t + a (t - u1 t)                   (ADV ranks first; it counts with s = t and takes away
  //                                          the TY match below it)
  // per application half of that, more than u1 t when a > u1 / (1 - u1) = 1/9.
  ASSERT_GT(a, u1 / (1.0 - u1));
  o.max_applications = 2;
  Plan plan = make_plan(p, d, o, model);
  EXPECT_EQ(tracks_of(plan), "TA");  // the PGY-1 year first: a shorter list never holds ADV alone
  EXPECT_NEAR(plan.p_match, a * t, 1e-12);
  EXPECT_NEAR(plan.p_match_one_year, (1.0 - a) * t, 1e-12);
  EXPECT_NEAR(plan.expected_utility, a * t + (1.0 - a) * t * u1, 1e-12);

  // Three. Step 2, with TY0 and ADV0 on the list: the second ADV gains (ranked with ADV0, which
  // leaves 1 - a; its match counts with s = t, less the TY's u1 t below)
  //   a (1 - a) (t - u1 t),
  // the second TY gains its own match below the ADV (1 - a)(1 - t) u1 and the PGY-1 year it adds
  // to ADV0's match (s rises by (1 - t) t, times a):
  //   t (1 - t) ((1 - a) u1 + a).
  const double second_adv = a * (1.0 - a) * (t - u1 * t);
  const double second_ty = t * (1.0 - t) * ((1.0 - a) * u1 + a);
  ASSERT_GT(second_ty, second_adv * 1.01);  // clear of a tie, for these chances
  o.max_applications = 3;
  plan = make_plan(p, d, o, model);
  EXPECT_EQ(tracks_of(plan), "TAT");
  const double S = 1.0 - (1.0 - t) * (1.0 - t);
  EXPECT_NEAR(plan.p_match, a * S, 1e-12);
  EXPECT_NEAR(plan.p_match_one_year, (1.0 - a) * S, 1e-12);
  EXPECT_NEAR(plan.expected_utility, a * S + (1.0 - a) * S * u1, 1e-12);
  bool pgy1 = false;
  for (const auto& n : plan.notes) pgy1 = pgy1 || n.find("PGY-1") != std::string::npos;
  EXPECT_TRUE(pgy1);
}

TEST(PlanTracks, ABundleBringsAnAdvancedPositionNoSingleProgramWouldOpen) {
  // One advanced Anesthesiology program (chance a, utility 1), one transitional year (t, weight
  // 0.4: utility 0.1) and one categorical Internal Medicine program (c) at a weight w chosen below.
  // Two applications. Alone, the transitional year gains 0.1 t and the categorical one w c; the
  // bundle (the TY, then the advanced one, which ranks first and counts with s = t, less the TY
  // match below it) gains 0.1 t + a (t - 0.1 t), half of it per application. With w c between
  // 0.1 t and that half, the best single program is the categorical one, yet the bundle beats it:
  // the list is the TY and the advanced program, P(match) = a t. Taking programs one at a time
  // would give the categorical program and then the TY (no advanced one without a PGY-1 year on
  // the list): P(match) = c.
  Dataset d;
  add_identical(d, "ADV", "Anesthesiology", 1, Track::Advanced);
  add_identical(d, "TY", "Transitional Year", 1, Track::Transitional);
  add_identical(d, "IM", "Internal Medicine", 1);
  const Model model = independent_model();
  Profile p = us_md({{"Anesthesiology", 1.0}, {"Transitional Year", 0.4}, {"Internal Medicine", 0.5}});
  const double a = model.score(p, d.programs[0]).p_match, t = model.score(p, d.programs[1]).p_match,
               c = model.score(p, d.programs[2]).p_match;
  const double ty_alone = 0.1 * t, bundle_half = (0.1 * t + a * (t - 0.1 * t)) / 2.0;
  ASSERT_GT(bundle_half, ty_alone * 1.05);
  const double w = (ty_alone + bundle_half) / 2.0 / c;  // w c halfway between the two
  ASSERT_GT(w, 0.1);                                    // still ranked above the transitional year
  ASSERT_LT(w, 1.0);
  p.specialties[2].weight = w;
  PlanOptions o = quick();
  o.max_applications = 2;
  const Plan plan = make_plan(p, d, o, model);
  ASSERT_EQ(plan.programs.size(), 2u);
  EXPECT_EQ(plan.programs[0].id, "TY0");
  EXPECT_EQ(plan.programs[1].id, "ADV0");
  EXPECT_NEAR(plan.p_match, a * t, 1e-12);
  EXPECT_NEAR(plan.p_match_one_year, (1.0 - a) * t, 1e-12);
}

TEST(PlanTracks, AtEqualUtilityACategoricalPositionRanksAboveAnAdvancedOne) {
  // One categorical (chance c) and one advanced (chance a) Anesthesiology program and one
  // transitional year (t), all pinned. Rank order: categorical, advanced (it needs the PGY-1 year
  // besides), then the one-year program:
  //   P(match) = c + (1 - c) a t,  P(one year only) = (1 - c)(1 - a) t.
  Dataset d;
  add_identical(d, "ADV", "Anesthesiology", 1, Track::Advanced);
  add_identical(d, "CAT", "Anesthesiology", 1);
  d.programs[1].setting = Setting::University;  // another chance than the advanced one
  add_identical(d, "TY", "Transitional Year", 1, Track::Transitional);
  const Model model = independent_model();
  const Profile p = us_md({{"Anesthesiology", 1.0}, {"Transitional Year", 1.0}});
  const double a = model.score(p, d.programs[0]).p_match, c = model.score(p, d.programs[1]).p_match,
               t = model.score(p, d.programs[2]).p_match;
  ASSERT_GT(std::fabs(a - c), 0.01);
  PlanOptions o = quick();
  o.pinned_ids = {"ADV0", "CAT0", "TY0"};
  o.max_applications = 3;
  const Plan plan = make_plan(p, d, o, model);
  ASSERT_EQ(plan.programs.size(), 3u);
  EXPECT_NEAR(plan.p_match, c + (1.0 - c) * a * t, 1e-12);
  EXPECT_NEAR(plan.p_match_one_year, (1.0 - c) * (1.0 - a) * t, 1e-12);
}

TEST(PlanTracks, PhysicianOnlyPositionsNeedPriorResidency) {
  Dataset d;
  add_identical(d, "R", "Anesthesiology", 3, Track::Physician);
  PlanOptions o = quick();
  Profile p = us_md({{"Anesthesiology", 1.0}});
  Plan plan = make_plan(p, d, o, Model{});
  EXPECT_TRUE(plan.programs.empty());
  ASSERT_EQ(plan.excluded.size(), 3u);
  EXPECT_NE(plan.excluded[0].reason.find("physician-only"), std::string::npos) << plan.excluded[0].reason;
  EXPECT_NE(plan.excluded[0].reason.find("prior_residency_years"), std::string::npos);
  p.prior_residency_years = 1;
  o.max_applications = 3;
  plan = make_plan(p, d, o, Model{});
  EXPECT_EQ(plan.programs.size(), 3u);
}

// ---- A share of the list in the preferred states ------------------------------------------------

TEST(PlanShare, EveryPrefixKeepsTheShareAndThePlanSaysWhatItCosts) {
  // 20 programs in MS (preferred, chance m each) and 20 in OH (chance o > m). Ten applications, at
  // least half in MS. Every prefix keeps the share, so the greedy must open with MS, may then take
  // OH, and so on: MS, OH, MS, OH, ... 5 of each.
  //   P(match) with the rule    = 1 - (1 - m)^5 (1 - o)^5
  //   P(match) without the rule = 1 - (1 - o)^10 (ten OH programs)
  Dataset d;
  add_identical(d, "MS", "Internal Medicine", 20);
  add_identical(d, "OH", "Internal Medicine", 20);
  for (int i = 0; i < 20; ++i) {
    d.programs[static_cast<std::size_t>(i)].state = "MS";
    d.programs[static_cast<std::size_t>(i)].setting = Setting::University;  // harder to reach
  }
  const Model model = independent_model();
  Profile p = us_md({{"Internal Medicine", 1.0}});
  p.preferred_states = {"MS"};
  const double m = model.score(p, d.programs[0]).p_match;
  const double o = model.score(p, d.programs[20]).p_match;
  ASSERT_GT(o, m + 0.005) << "the test needs the other state's programs to be better";

  PlanOptions opt = quick();
  opt.whatif = true;  // the rule's cost comes from the re-plan without it
  opt.max_applications = 10;
  opt.min_preferred_share = 0.5;
  const Plan plan = make_plan(p, d, opt, model);
  ASSERT_EQ(plan.programs.size(), 10u);
  for (std::size_t n = 0; n < 10; ++n)
    EXPECT_EQ(d.programs[plan.programs[n].index].state, n % 2 == 0 ? "MS" : "OH") << n;
  EXPECT_DOUBLE_EQ(plan.preferred_share, 0.5);
  const double with = 1.0 - std::pow(1.0 - m, 5) * std::pow(1.0 - o, 5);
  const double without = 1.0 - std::pow(1.0 - o, 10);
  EXPECT_NEAR(plan.p_match, with, 1e-12);
  EXPECT_NEAR(plan.preferred_share_cost, without - with, 1e-12);
  bool noted = false;
  for (const auto& n : plan.notes) noted = noted || n.find("preferred states") != std::string::npos;
  EXPECT_TRUE(noted);

  // A share of 1: only MS. No rule: only OH (the better ones).
  opt.whatif = false;
  opt.min_preferred_share = 1.0;
  Plan all = make_plan(p, d, opt, model);
  for (const auto& pp : all.programs) EXPECT_EQ(d.programs[pp.index].state, "MS");
  opt.min_preferred_share = 0.0;
  all = make_plan(p, d, opt, model);
  for (const auto& pp : all.programs) EXPECT_EQ(d.programs[pp.index].state, "OH");
  EXPECT_DOUBLE_EQ(all.preferred_share, 0.0);

  // A share outside 0..1 is not applied, and the notes say why; nothing throws.
  opt.min_preferred_share = 1.5;
  all = make_plan(p, d, opt, model);
  bool bad_noted = false;
  for (const auto& n : all.notes) bad_noted = bad_noted || n.find("min_preferred_share") != std::string::npos;
  EXPECT_TRUE(bad_noted);
  EXPECT_EQ(all.programs.size(), 10u);
}

TEST(PlanShare, GreedyUnderTheShareAgainstExhaustiveSearch) {
  // Small random instances, correlated model: greedy's list under "at least half in the preferred
  // states" against the best set of the same size that meets the share, found by enumeration.
  const Model model;
  double worst_gap = 0.0;
  for (unsigned seed = 1; seed <= 30; ++seed) {
    std::mt19937_64 g(seed);
    const auto pick = [&](int lo, int hi) { return lo + static_cast<int>(g() % static_cast<unsigned>(hi - lo + 1)); };
    Dataset d;
    for (int i = 0; i < 12; ++i) {
      Program p;
      p.id = "P" + std::to_string(i);
      p.name = p.id;
      p.specialty = i % 3 ? "Internal Medicine" : "Family Medicine";
      p.state = pick(0, 2) == 0 ? "MS" : (pick(0, 1) ? "NY" : "CA");
      p.setting = static_cast<Setting>(pick(0, 2));
      p.positions = pick(2, 20);
      p.img_share = pick(0, 90) / 100.0;
      p.visa.j1 = true;
      p.rural = pick(0, 3) == 0;
      p.accepts_signals = false;
      d.programs.push_back(p);
    }
    Profile p;
    p.graduate_type = GraduateType::NonUsImg;
    p.visa = VisaNeed::J1;
    p.step2ck = {pick(205, 250), 1};
    p.graduation_year = 2020;
    p.match_year = 2027;
    p.usce_months = {3.0, 0.0};
    p.us_letters = 2;
    p.specialties = {{"Internal Medicine", 1.0}, {"Family Medicine", 0.7}};
    p.preferred_states = {"MS"};
    PlanOptions o = quick();
    o.explain = false;
    const int count = pick(2, 6);
    o.max_applications = count;
    o.min_preferred_share = 0.5;
    const Plan plan = make_plan(p, d, o, model);
    std::vector<std::size_t> chosen;
    int preferred = 0;
    for (const auto& pp : plan.programs) {
      chosen.push_back(pp.index);
      preferred += d.programs[pp.index].state == "MS";
    }
    const int n = static_cast<int>(chosen.size());
    if (n == 0) continue;
    const int need = (n + 1) / 2;  // at least half: ceil(n / 2)
    EXPECT_GE(preferred, need) << seed;
    double best = 0.0;
    for (unsigned mask = 0; mask < (1u << 12); ++mask) {
      if (__builtin_popcount(mask) != n) continue;
      std::vector<std::size_t> set;
      int in_ms = 0;
      for (std::size_t j = 0; j < 12; ++j)
        if (mask & (1u << j)) {
          set.push_back(j);
          in_ms += d.programs[j].state == "MS";
        }
      if (in_ms < need) continue;
      best = std::max(best, expected_utility_of(p, d, set, model));
    }
    const double greedy = expected_utility_of(p, d, chosen, model);
    EXPECT_LE(greedy, best + 1e-12) << seed;
    if (best > 0) worst_gap = std::max(worst_gap, (best - greedy) / best);
  }
  std::printf("share 0.5: worst relative gap of greedy vs exhaustive over 30 instances: %.4f%%\n", worst_gap * 100.0);
  EXPECT_LE(worst_gap, 0.02);
}

// ---- Signals chosen with the list ---------------------------------------------------------------

TEST(PlanSignals, GreedyWithSignalsAgainstExhaustiveSearch) {
  // Small random instances, correlated model, one specialty (Family Medicine: 5 signals, no tiers)
  // so expected utility = P(match). Exhaustive search: every set of the plan's size and every way
  // to give at most 5 of its programs that accept signals a signal. Reported: the worst gap of the
  // plan (signals chosen with the list) and of the list chosen without signals and signalled after.
  const Model model;
  double worst_with = 0.0, worst_after = 0.0, total_with = 0.0, total_after = 0.0;
  int instances = 0;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 g(seed * 7919u);
    const auto pick = [&](int lo, int hi) { return lo + static_cast<int>(g() % static_cast<unsigned>(hi - lo + 1)); };
    Dataset d;
    for (int i = 0; i < 10; ++i) {
      Program p;
      p.id = "P" + std::to_string(i);
      p.name = p.id;
      p.specialty = "Family Medicine";
      p.state = pick(0, 1) ? "NY" : "CA";
      p.setting = static_cast<Setting>(pick(0, 2));
      p.positions = pick(2, 20);
      p.img_share = pick(0, 90) / 100.0;
      p.visa.j1 = true;
      p.accepts_signals = pick(0, 9) < 6;
      d.programs.push_back(p);
    }
    Profile p;
    p.graduate_type = GraduateType::NonUsImg;
    p.visa = VisaNeed::J1;
    p.step2ck = {pick(205, 245), 1};
    p.graduation_year = 2020;
    p.match_year = 2027;
    p.usce_months = {3.0, 0.0};
    p.us_letters = 2;
    p.specialties = {{"Family Medicine", 1.0}};
    PlanOptions o = quick();
    o.explain = false;
    o.max_applications = pick(4, 7);
    const auto eu_of_plan = [&](const Plan& plan) {
      std::vector<std::size_t> set;
      std::vector<SignalKind> kinds;
      for (const auto& pp : plan.programs) {
        set.push_back(pp.index);
        kinds.push_back(pp.signal);
      }
      return expected_utility_of(p, d, set, model, kinds);
    };
    const Plan with = make_plan(p, d, o, model);
    o.choose_signals = false;
    const Plan after = make_plan(p, d, o, model);
    const int n = static_cast<int>(with.programs.size());
    ASSERT_EQ(static_cast<int>(after.programs.size()), n);
    int gold_used = 0;
    for (const auto& pp : with.programs) gold_used += pp.signal == SignalKind::Gold;
    EXPECT_LE(gold_used, 5);

    // Exhaustive: logits once per program, with and without a signal.
    std::vector<ProgramLogits> plain, signalled;
    std::vector<bool> can;
    for (const Program& prog : d.programs) {
      ScoreOptions so;
      so.explain = false;
      const ProgramChance c = model.score(p, prog, so);
      plain.push_back(c.logits);
      ProgramLogits s = c.logits;
      s.interview += c.signal_logit;
      signalled.push_back(s);
      can.push_back(c.eligible && c.signal_logit > 0.0);
    }
    double best = 0.0;
    for (unsigned mask = 0; mask < (1u << 10); ++mask) {
      if (__builtin_popcount(mask) != n) continue;
      std::vector<std::size_t> set;
      for (std::size_t j = 0; j < 10; ++j)
        if (mask & (1u << j)) set.push_back(j);
      for (unsigned sig = 0; sig < (1u << n); ++sig) {
        if (__builtin_popcount(sig) > 5) continue;
        std::vector<ProgramLogits> logits;
        bool ok = true;
        for (int k = 0; k < n && ok; ++k) {
          const bool on = sig & (1u << k);
          ok = !on || can[set[static_cast<std::size_t>(k)]];
          logits.push_back(on ? signalled[set[static_cast<std::size_t>(k)]] : plain[set[static_cast<std::size_t>(k)]]);
        }
        if (ok) best = std::max(best, model.evaluate_list(logits).p_match);
      }
    }
    const double a = eu_of_plan(with), b = eu_of_plan(after);
    EXPECT_LE(a, best + 1e-12) << seed;
    EXPECT_LE(b, best + 1e-12) << seed;
    if (best <= 0) continue;
    ++instances;
    worst_with = std::max(worst_with, (best - a) / best);
    worst_after = std::max(worst_after, (best - b) / best);
    total_with += (best - a) / best;
    total_after += (best - b) / best;
  }
  std::printf(
      "signals chosen with the list: worst gap %.4f%%, mean %.4f%%; placed after: worst %.4f%%, mean %.4f%% "
      "(%d instances)\n",
      100 * worst_with, 100 * total_with / instances, 100 * worst_after, 100 * total_after / instances, instances);
  EXPECT_LE(worst_with, 0.02);
}

TEST(PlanEconomics, UnderABudgetOneFeeBracketKeepsTheOrderByGain) {
  // Within one fee bracket (ERAS: $11 for programs 1-30) gain per dollar orders programs as gain
  // does, so a budget of $80 + 20 x $11 = $300 buys the same 20 programs as a cap of 20, signals
  // chosen with them alike. (The per-dollar key leaves the transcript fee out: charged to the first
  // program it made every key rise once paid, and the lazy greedy needs stale keys to be upper
  // bounds. This case did not expose that; the seed's example profile did, see PLANNER.md.)
  std::mt19937_64 g(42);
  Dataset d;
  for (int i = 0; i < 40; ++i) {
    Program p;
    p.id = "P" + std::to_string(i);
    p.name = p.id;
    p.specialty = "Internal Medicine";
    p.state = "OH";
    p.setting = static_cast<Setting>(g() % 3);
    p.positions = 2 + static_cast<int>(g() % 18);
    p.img_share = static_cast<double>(g() % 90) / 100.0;
    p.visa.j1 = true;
    p.accepts_signals = true;  // IM: 3 gold and 12 silver signals chosen with the list
    d.programs.push_back(p);
  }
  Profile p;
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::J1;
  p.step2ck = {225, 1};
  p.graduation_year = 2021;
  p.match_year = 2027;
  p.usce_months = {3.0, 0.0};
  p.us_letters = 2;
  p.specialties = {{"Internal Medicine", 1.0}};
  PlanOptions cap = quick();
  cap.max_applications = 20;
  PlanOptions budget = quick();
  budget.budget_usd = 80.0 + 20 * 11.0;
  const Plan a = make_plan(p, d, cap, Model{});
  const Plan b = make_plan(p, d, budget, Model{});
  ASSERT_EQ(a.programs.size(), 20u);
  ASSERT_EQ(b.programs.size(), 20u);
  EXPECT_DOUBLE_EQ(b.cost_usd, 300.0);
  for (std::size_t n = 0; n < 20; ++n) EXPECT_EQ(a.programs[n].id, b.programs[n].id) << n;
}

TEST(PlanEconomics, AValueOfMatchingThatIsNotADollarAmountFallsBackToTheDefault) {
  Dataset d;
  add_identical(d, "IM", "Internal Medicine", 12);
  Profile p = us_md({{"Internal Medicine", 1.0}});
  const Plan reference = make_plan(p, d, quick(), Model{});
  for (double bad : {std::nan(""), -1.0, HUGE_VAL}) {
    p.match_value_usd = bad;
    const Plan plan = make_plan(p, d, quick(), Model{});
    EXPECT_EQ(plan.programs.size(), reference.programs.size()) << bad;
    EXPECT_DOUBLE_EQ(plan.match_value_usd, kDefaultMatchValueUsd) << bad;
    bool noted = false;
    for (const auto& n : plan.notes) noted = noted || n.find("match_value_usd") != std::string::npos;
    EXPECT_TRUE(noted) << bad;
  }
}

TEST(PlanEconomics, ASeasonWithoutResidencyCasCountsThoseProgramsWithEras) {
  // Season 2024: no ResidencyCAS schedule; EM applied through ERAS then. ERAS 2024 counts all
  // programs together: 8 IM + 4 EM = 12 programs = $99 (1-10) + 2 x $19 = $137, + $80 = $217.
  Dataset d;
  add_identical(d, "IM", "Internal Medicine", 8);
  add_identical(d, "EM", "Emergency Medicine", 4);
  PlanOptions o = quick();
  o.fee_season = 2024;
  o.max_applications = 12;
  const Plan plan = make_plan(us_md({{"Internal Medicine", 1.0}, {"Emergency Medicine", 1.0}}), d, o, Model{});
  ASSERT_EQ(plan.programs.size(), 12u);
  ASSERT_EQ(plan.cost_by_service.size(), 1u);
  EXPECT_EQ(plan.cost_by_service[0].service, ApplicationService::Eras);
  EXPECT_EQ(plan.cost_by_service[0].applications, 12);
  EXPECT_DOUBLE_EQ(plan.cost_usd, 217.0);
  EXPECT_NE(plan.cost_by_service[0].source.find("ResidencyCAS"), std::string::npos);
}
