// Scoring 6,000 programs for one profile (goal: under 2 ms native), and the list computations the
// planner leans on. Programs: the synthetic reference populations of the five calibrated
// specialties, repeated with distinct ids up to 6,000.
#include <benchmark/benchmark.h>

#include "openpick/core/calibration.h"
#include "openpick/core/model.h"

using namespace openpick::core;

namespace {

std::vector<Program> six_thousand_programs() {
  std::vector<Program> all;
  std::uint64_t seed = 1;
  while (all.size() < 6000) {
    for (const auto& ref : reference_specialties())
      for (auto& p : make_reference_programs(ref, seed)) {
        if (all.size() == 6000) break;
        p.id += "-" + std::to_string(seed);
        all.push_back(std::move(p));
      }
    ++seed;
  }
  return all;
}

Profile typical_profile() {
  Profile p;
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::J1;
  p.step2ck.score = 228;
  p.match_year = 2026;
  p.graduation_year = 2021;
  p.usce_months = {3.0, 1.0};
  p.us_letters = 3;
  p.preferred_states = {"MS", "AL", "LA"};
  return p;
}

void BM_ScoreSixThousandPrograms(benchmark::State& state) {
  const Model model;
  const auto programs = six_thousand_programs();
  const Profile profile = typical_profile();
  const ScoreOptions options{false, state.range(0) != 0};
  for (auto _ : state) {
    auto chances = model.score_all(profile, programs, options);
    benchmark::DoNotOptimize(chances.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(programs.size()));
}
BENCHMARK(BM_ScoreSixThousandPrograms)->Arg(0)->Arg(1)->ArgNames({"explain"})->Unit(benchmark::kMillisecond);

void BM_ListOfHundredPrograms(benchmark::State& state) {
  const Model model;
  const auto programs = six_thousand_programs();
  const Profile profile = typical_profile();
  std::vector<ProgramLogits> list;
  for (const auto& c : model.score_all(profile, programs, {false, false}))
    if (c.eligible && list.size() < 100) list.push_back(c.logits);
  for (auto _ : state) {
    ListOutcome o = model.evaluate_list(list);
    benchmark::DoNotOptimize(o.p_match);
  }
}
BENCHMARK(BM_ListOfHundredPrograms)->Unit(benchmark::kMicrosecond);

void BM_GainOverSixThousand(benchmark::State& state) {
  // One greedy step of the planner: the gain of appending each of 6,000 programs to a 50-program list.
  const Model model;
  const auto programs = six_thousand_programs();
  const Profile profile = typical_profile();
  std::vector<ProgramLogits> logits;
  for (const auto& c : model.score_all(profile, programs, {false, false})) logits.push_back(c.logits);
  ListState list = model.begin_list();
  for (std::size_t i = 0; i < 50; ++i) model.append(list, logits[i]);
  for (auto _ : state) {
    double best = 0.0;
    for (const auto& l : logits) best = std::max(best, model.gain_if_appended(list, l));
    benchmark::DoNotOptimize(best);
  }
}
BENCHMARK(BM_GainOverSixThousand)->Unit(benchmark::kMillisecond);

}  // namespace
