// Checks shared by the JSON and CSV program readers, on values already read: USPS codes, the
// program facts a source may name, the ranges of a program's numbers. Private to core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "openpick/core/profile_rules.h"
#include "openpick/core/program_rules.h"

namespace openpick::core::detail {

// Two-letter USPS codes of the states, DC and the territories that hold ACGME programs.
bool is_usps_code(std::string_view code);

// The program facts a FactSource.field may name ("visa.h1b", "cutoffs.step2ck_min", ...).
const std::vector<std::string_view>& program_fact_fields();

// Range checks and warnings shared by the JSON and CSV program readers, on values already read.
inline constexpr int kMaxPositions = kPositionsRange.max;  // the ranges themselves: program_rules.h
// Scores, attempts and years share the profile's rules (profile_rules.h), so a program's cutoff
// and an applicant's score are read against the same range.
inline constexpr int kMinScore = kStep2ckMinRange.min;
inline constexpr int kMaxScore = kStep2ckMinRange.max;
inline constexpr int kSuspiciousScore = kSuspiciousStepScore;
inline constexpr int kMaxAttempts = kMaxAttemptsCutoffRange.max;
inline constexpr int kMinYear = kYearRange.min;
inline constexpr int kMaxYear = kYearRange.max;
inline constexpr int kMaxYearsSinceGraduation = kMaxYearsSinceGraduationRange.max;

// A share written as a percentage (1 < x <= 100) where 0..1 was expected: the hint to add.
std::string share_hint(double value);

}  // namespace openpick::core::detail
