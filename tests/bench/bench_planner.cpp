// A full plan for one profile over the shipped 6,000-program sample: correlation, signals, the
// assumption range and the what-if re-plans (goal: under 50 ms native; goal: under 12 ms in
// wasm for every example profile). Inputs: the sample dataset and the example profiles, read from
// assets/.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "openpick/core/io.h"
#include "openpick/core/planner.h"

using namespace openpick::core;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Dataset& sample() {
  static const Dataset d =
      *parse_dataset_json(read(OPENPICK_SOURCE_DIR "/assets/datasets/sample.json"), "sample.json").value;
  return d;
}

Profile profile(const char* name) {
  return *parse_profile_json(read(std::string(OPENPICK_SOURCE_DIR "/assets/profiles/") + name), name).value;
}

void BM_FullPlan(benchmark::State& state, const char* profile_file, bool whatif) {
  const Dataset& d = sample();
  const Profile p = profile(profile_file);
  const Model model;
  PlanOptions o;
  o.whatif = whatif;
  std::size_t n = 0;
  for (auto _ : state) {
    const Plan plan = make_plan(p, d, o, model);
    n = plan.programs.size();
    benchmark::DoNotOptimize(plan.p_match);
  }
  state.counters["applications"] = static_cast<double>(n);
}

}  // namespace

BENCHMARK_CAPTURE(BM_FullPlan, seed_delta_img_with_whatif, "seed_delta_img.json", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FullPlan, seed_delta_img_plan_only, "seed_delta_img.json", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FullPlan, strong_img_h1b_with_whatif, "strong_img_h1b.json", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FullPlan, us_md_senior_with_whatif, "us_md_senior.json", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FullPlan, us_img_with_whatif, "us_img.json", true)->Unit(benchmark::kMillisecond);
