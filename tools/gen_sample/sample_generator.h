// The generator of the fictional sample program dataset (assets/datasets/sample.json).
//
// Counts per specialty, track and state come from program_counts_by_state.csv (a public listing of
// 2025 Main Match program codes, aggregated; a copy sits beside this file so the repository
// regenerates the sample on its own). Every other fact is drawn from a fixed seed so that the
// published shares (NRMP, AAMC, the studies docs/SAMPLE_DATA.md names) hold on average; docs/SAMPLE_DATA.md lists which
// share comes from where and which numbers are our assumptions.
//
// Determinism: std::mt19937_64 is fully specified by the C++ standard, and every draw below is our
// own integer arithmetic on its output (the std:: distributions differ between standard
// libraries), so one seed gives the same bytes with any compiler on any platform.
//
//   auto rows = parse_program_counts(csv_text, "program_counts_by_state.csv");
//   Dataset d = generate_sample_dataset(rows.rows, kDefaultSampleSeed);
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/core/program.h"

namespace openpick::tools {

inline constexpr std::uint64_t kDefaultSampleSeed = 20260701;

// One line of the counts file, its state normalized (see parse_program_counts).
struct ProgramCount {
  std::string specialty;  // NRMP spelling, e.g. "Internal Medicine"
  core::Track track = core::Track::Categorical;
  std::string state;  // two-letter USPS code
  int count = 0;
};

struct ProgramCounts {
  std::vector<ProgramCount> rows;  // merged by (specialty, track, state), sorted by the same
  std::vector<core::Diagnostic> diagnostics;
  bool ok() const {
    for (const auto& d : diagnostics)
      if (d.severity == core::Severity::Error) return false;
    return !rows.empty();
  }
};

// Reads "specialty,track,state,program_tracks". The listing has a few programs with two states
// ("LA|MD") or an unknown second state ("WI|None"): the first code is used. Rows that fall on the
// same (specialty, track, state) are added together.
ProgramCounts parse_program_counts(std::string_view csv_text, std::string_view file_name);

// "Categorical", "Preliminary", "Advanced", "Primary care", "Reserved (physician)"; Transitional
// Year programs are listed as Preliminary and become Track::Transitional in the dataset.
bool parse_track(std::string_view text, core::Track& out);

// Integer-only draws on top of mt19937_64 (identical on every standard library).
class SampleRng {
 public:
  explicit SampleRng(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [lo, hi], both inclusive, by rejection (no modulo bias).
  std::int64_t uniform(std::int64_t lo, std::int64_t hi);
  // True with probability permille / 1000.
  bool chance(int permille) { return uniform(0, 999) < permille; }

 private:
  std::mt19937_64 engine_;
};

// The fictional dataset: one program per counted program track.
core::Dataset generate_sample_dataset(const std::vector<ProgramCount>& counts, std::uint64_t seed);

// The dataset's provenance sentence for a seed (also checked by the tests).
std::string sample_provenance(std::uint64_t seed);

}  // namespace openpick::tools
