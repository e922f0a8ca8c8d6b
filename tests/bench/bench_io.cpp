// Import speed: a 10,000-program dataset as JSON and as CSV, generated in memory from a fixed seed
// (the same generator the round-trip tests use), so native and wasm runs parse identical bytes.
// Goal (issue 3): under 100 ms native; wasm within 2x of native. Results: docs/BENCHMARKS.md.
#include <benchmark/benchmark.h>

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
