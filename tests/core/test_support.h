// What the core suites share: reading a file whole, the paths of the source tree and of the test
// fixtures, seeded draws that give the same values on every standard library (native and wasm),
// and a builder for the profiles the suites start from.
//
//   const std::string text = read_data("good/programs_excel.csv");   // tests/data/...
//   const std::string doc = read_source("docs/DATA.md");             // the repository
//   Draw d(7); int n = d.between(1, 10);
//   Profile p = ProfileBuilder().visa(VisaNeed::J1).step2ck(228).graduated(2020).match_year(2026).build();
#pragma once

#include <cstdint>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"

// The comparisons below are GoogleTest expectations; a program built without GoogleTest (the
// wasm benchmarks, through io_generators.h) gets the rest of this header.
#if __has_include(<gtest/gtest.h>)
#include <gtest/gtest.h>
#define OPENPICK_TEST_SUPPORT_GTEST 1
#endif

namespace openpick::testing {

// ---- Files --------------------------------------------------------------------------------------

// The whole file, bytes as they are; "" when it cannot be read.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

#ifdef OPENPICK_SOURCE_DIR
// A path in the repository ("assets/datasets/sample.json").
inline std::string source_path(const std::string& relative) {
  return std::string(OPENPICK_SOURCE_DIR) + "/" + relative;
}
inline std::string read_source(const std::string& relative) { return read_file(source_path(relative)); }
#endif

#ifdef OPENPICK_TEST_DATA_DIR
// A path among the fixtures in tests/data ("good/profile_full.json", "bad/...").
inline std::string data_path(const std::string& relative) {
  return std::string(OPENPICK_TEST_DATA_DIR) + "/" + relative;
}
inline std::string read_data(const std::string& relative) { return read_file(data_path(relative)); }
#endif

// ---- Diagnostics --------------------------------------------------------------------------------

// Every diagnostic as the command line prints it, one a line (for a failure message).
inline std::string all_messages(const std::vector<core::Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += core::format_diagnostic(d) + "\n";
  return out;
}

// The first diagnostic about `field`, or nullptr.
inline const core::Diagnostic* find_field(const std::vector<core::Diagnostic>& ds, const std::string& field) {
  for (const auto& d : ds)
    if (d.field == field) return &d;
  return nullptr;
}

// ---- Seeded draws -------------------------------------------------------------------------------

// Every draw is an integer from a seeded std::mt19937_64, or a double made from its bits (no
// std::*_distribution, whose output differs between standard libraries), so native and wasm runs
// see the same values.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}

  std::uint64_t below(std::uint64_t n) { return rng_() % n; }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
  bool percent(int p) { return static_cast<int>(below(100)) < p; }
  // Uniform on [0, 1): 53 random bits.
  double unit() { return static_cast<double>(rng_() >> 11) * 0x1p-53; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }
  // Unknown in about a third of draws: unknown is a value the formats must carry.
  template <class T>
  std::optional<T> maybe(T value) {
    return percent(35) ? std::nullopt : std::optional<T>(value);
  }
  std::optional<bool> maybe_bool() { return maybe(percent(50)); }

  // Text with what breaks naive writers: commas, quotes, line breaks, non-ASCII, formula starts.
  // Never blank and never with spaces at either end (the CSV form trims cells).
  std::string text(bool tricky) {
    static const std::vector<std::string> kWords = {"Sample",
                                                    "Delta",
                                                    "Valley",
                                                    "Community",
                                                    "Regional",
                                                    "Medical",
                                                    "Center",
                                                    "Program",
                                                    "Internal",
                                                    "Medicine",
                                                    "St.",
                                                    "O'Neil",
                                                    "Sa\xC3\xBA"
                                                    "de",
                                                    "\xE4\xB8\xAD\xE5\xBF\x83",
                                                    "R\xC3\xA9gion"};
    static const std::vector<std::string> kTricky = {
        ",",           "\"", "\"quoted\"", "a,b",   "line\nbreak", "crlf\r\nbreak",
        "=SUM(A1)",    "+1", "-x",         "@home", "'=x",         "\xE2\x80\x94",
        "tab\tinside", "\\", "/",          "{}",    "[1]"};
    std::string out;
    const int words = between(1, 4);
    for (int i = 0; i < words; ++i) {
      if (i) out += ' ';
      out += (tricky && percent(30)) ? pick(kTricky) : pick(kWords);
    }
    return out;
  }

 private:
  std::mt19937_64 rng_;
};

// ---- Profiles -----------------------------------------------------------------------------------

// A profile one fact at a time; what is not said keeps Profile's default (a non-US IMG who needs
// no visa, Step 1 passed on the first attempt, no Step 2 CK score).
class ProfileBuilder {
 public:
  ProfileBuilder& graduate(core::GraduateType t) {
    p_.graduate_type = t;
    return *this;
  }
  ProfileBuilder& visa(core::VisaNeed v) {
    p_.visa = v;
    return *this;
  }
  ProfileBuilder& step1(core::ExamResult result, int attempts) {
    p_.step1.result = result;
    p_.step1.attempts = attempts;
    return *this;
  }
  ProfileBuilder& step2ck(int score) {
    p_.step2ck.score = score;
    return *this;
  }
  ProfileBuilder& step2ck(int score, int attempts) {
    p_.step2ck.score = score;
    p_.step2ck.attempts = attempts;
    return *this;
  }
  ProfileBuilder& step3_passed(bool passed) {
    p_.step3_passed = passed;
    return *this;
  }
  ProfileBuilder& ecfmg_certified(bool certified) {
    p_.ecfmg_certified = certified;
    return *this;
  }
  ProfileBuilder& graduated(int year) {
    p_.graduation_year = year;
    return *this;
  }
  ProfileBuilder& match_year(int year) {
    p_.match_year = year;
    return *this;
  }
  ProfileBuilder& usce(double hands_on, double observership = 0.0) {
    p_.usce_months = {hands_on, observership};
    return *this;
  }
  ProfileBuilder& us_letters(int n) {
    p_.us_letters = n;
    return *this;
  }
  ProfileBuilder& specialties(std::vector<core::SpecialtyPreference> s) {
    p_.specialties = std::move(s);
    return *this;
  }
  ProfileBuilder& preferred_states(std::vector<std::string> s) {
    p_.preferred_states = std::move(s);
    return *this;
  }
  core::Profile build() const { return p_; }

 private:
  core::Profile p_;
};

#ifdef OPENPICK_TEST_SUPPORT_GTEST
// ---- Same documents -----------------------------------------------------------------------------

// Field by field, so a failure names the field (a round trip through a format, two readers).
inline void expect_same(const core::Profile& a, const core::Profile& b) {
  EXPECT_EQ(a.schema_version, b.schema_version);
  EXPECT_EQ(a.graduate_type, b.graduate_type);
  EXPECT_EQ(a.visa, b.visa);
  EXPECT_EQ(a.step1.result, b.step1.result);
  EXPECT_EQ(a.step1.attempts, b.step1.attempts);
  EXPECT_EQ(a.step2ck.score, b.step2ck.score);
  EXPECT_EQ(a.step2ck.attempts, b.step2ck.attempts);
  EXPECT_EQ(a.step3_passed, b.step3_passed);
  EXPECT_EQ(a.ecfmg_certified, b.ecfmg_certified);
  EXPECT_EQ(a.graduation_year, b.graduation_year);
  EXPECT_EQ(a.match_year, b.match_year);
  EXPECT_EQ(a.usce_months.hands_on, b.usce_months.hands_on);
  EXPECT_EQ(a.usce_months.observership, b.usce_months.observership);
  EXPECT_EQ(a.us_letters, b.us_letters);
  EXPECT_EQ(a.research_items, b.research_items);
  ASSERT_EQ(a.specialties.size(), b.specialties.size());
  for (std::size_t i = 0; i < a.specialties.size(); ++i) {
    EXPECT_EQ(a.specialties[i].name, b.specialties[i].name);
    EXPECT_EQ(a.specialties[i].weight, b.specialties[i].weight);
  }
  EXPECT_EQ(a.preferred_states, b.preferred_states);
  EXPECT_EQ(a.budget_usd, b.budget_usd);
}

inline void expect_same(const core::Program& a, const core::Program& b, bool with_sources = true) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.institution, b.institution);
  EXPECT_EQ(a.specialty, b.specialty);
  EXPECT_EQ(a.track, b.track);
  EXPECT_EQ(a.city, b.city);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.setting, b.setting);
  EXPECT_EQ(a.positions, b.positions);
  EXPECT_EQ(a.img_share, b.img_share);
  EXPECT_EQ(a.img_share_non_us, b.img_share_non_us);
  EXPECT_EQ(a.visa.j1, b.visa.j1);
  EXPECT_EQ(a.visa.h1b, b.visa.h1b);
  EXPECT_EQ(a.cutoffs.step2ck_min, b.cutoffs.step2ck_min);
  EXPECT_EQ(a.cutoffs.max_years_since_graduation, b.cutoffs.max_years_since_graduation);
  EXPECT_EQ(a.cutoffs.max_attempts, b.cutoffs.max_attempts);
  EXPECT_EQ(a.cutoffs.usce_required, b.cutoffs.usce_required);
  EXPECT_EQ(a.cutoffs.strict.step2ck_min, b.cutoffs.strict.step2ck_min);
  EXPECT_EQ(a.cutoffs.strict.max_years_since_graduation, b.cutoffs.strict.max_years_since_graduation);
  EXPECT_EQ(a.cutoffs.strict.max_attempts, b.cutoffs.strict.max_attempts);
  EXPECT_EQ(a.cutoffs.strict.usce_required, b.cutoffs.strict.usce_required);
  EXPECT_EQ(a.rural, b.rural);
  EXPECT_EQ(a.accepts_signals, b.accepts_signals);
  if (!with_sources) return;
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    EXPECT_EQ(a.sources[i].field, b.sources[i].field);
    EXPECT_EQ(a.sources[i].source, b.sources[i].source);
    EXPECT_EQ(a.sources[i].year, b.sources[i].year);
  }
}

#endif

}  // namespace openpick::testing
