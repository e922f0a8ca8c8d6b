// Import speed: a 10,000-program dataset as JSON and as CSV, generated in memory from a fixed seed
// (the same generator the round-trip tests use), so native and wasm runs parse identical bytes.
// Goal: under 100 ms native; wasm within 2x of native. Results: docs/BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../core/io_generators.h"
#include "openpick/core/io.h"

namespace {

using namespace openpick::core;

constexpr int kPrograms = 10000;

const Dataset& dataset() {
  static const Dataset d = [] {
    openpick::testing::Draw draw(20260701);
    return openpick::testing::random_dataset(draw, kPrograms, false);
  }();
  return d;
}
const std::string& json_text() {
  static const std::string s = dataset_to_json(dataset());
  return s;
}
const std::string& csv_text() {
  static const std::string s = programs_to_csv(dataset().programs);
  return s;
}

// The shipped sample (6,265 programs, 4.3 MB), which the web page parses at startup on the main
// thread (product rule: no main-thread task over 200 ms). Under Node the wasm build reads it
// through NODERAWFS. The FirstCall case runs first in this program, once, on cold code (in a
// browser or Node, wasm starts in the baseline compiler and hot functions are optimized later):
// that is the page's situation at startup.
const std::string& sample_text() {
  static const std::string s = [] {
    std::ifstream in(OPENPICK_SOURCE_DIR "/assets/datasets/sample.json", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }();
  return s;
}

void BM_ImportSampleJson(benchmark::State& state) {
  const std::string& text = sample_text();
  std::size_t n = 0;
  for (auto _ : state) {
    auto r = parse_dataset_json(text, "sample.json");
    if (!r.ok())
      state.SkipWithError("import failed");
    else
      n = r.value->programs.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["programs"] = static_cast<double>(n);
}
BENCHMARK(BM_ImportSampleJson)
    ->Name("BM_ImportSampleJson/FirstCall")
    ->Iterations(1)
    ->Repetitions(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportSampleJson)->Unit(benchmark::kMillisecond);

void BM_ImportDatasetJson(benchmark::State& state) {
  const std::string& text = json_text();
  for (auto _ : state) {
    auto r = parse_dataset_json(text, "bench.json");
    if (!r.ok() || r.value->programs.size() != kPrograms) state.SkipWithError("import failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["programs"] = kPrograms;
}
BENCHMARK(BM_ImportDatasetJson)->Unit(benchmark::kMillisecond);

void BM_ImportProgramsCsv(benchmark::State& state) {
  const std::string& text = csv_text();
  for (auto _ : state) {
    auto r = parse_programs_csv(text, "bench.csv");
    if (!r.ok() || r.value->programs.size() != kPrograms) state.SkipWithError("import failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["programs"] = kPrograms;
}
BENCHMARK(BM_ImportProgramsCsv)->Unit(benchmark::kMillisecond);

void BM_ExportDatasetJson(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(dataset_to_json(dataset()));
}
BENCHMARK(BM_ExportDatasetJson)->Unit(benchmark::kMillisecond);

void BM_ExportProgramsCsv(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(programs_to_csv(dataset().programs));
}
BENCHMARK(BM_ExportProgramsCsv)->Unit(benchmark::kMillisecond);

}  // namespace
