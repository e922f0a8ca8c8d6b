// Checks shared by the JSON and CSV program readers, on values already read: USPS codes, the
// program facts a source may name, the marks that warn. Private to core.
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

// Marks shared by the JSON and CSV program readers. The ranges of a program's facts, and what
// each is called in a message, are program_rules.h's (kPositionsFact, ...), as the research form
// reads them.
inline constexpr int kSuspiciousScore = kSuspiciousStepScore;
inline constexpr int kMinYear = kYearRange.min;
inline constexpr int kMaxYear = kYearRange.max;

// A share written as a percentage (1 < x <= 100) where 0..1 was expected: the hint to add.
std::string share_hint(double value);

}  // namespace openpick::core::detail
