// The ranges of a program's numbers, as the dataset and CSV readers check them: one home, so that
// a value the page's forms accept (a program added by hand, research on a program) is one the
// importers read back, and the other way round.
//
//   if (!in_range(kPositionsRange, positions)) refuse("positions", ...);
#pragma once

#include "openpick/core/profile_rules.h"  // Range, in_range, the profile's score and attempts ranges

namespace openpick::core {

inline constexpr Range<int> kPositionsRange{0, 500};   // PGY-1 positions (0 warns: it cannot match anyone)
inline constexpr Range<double> kShareRange{0.0, 1.0};  // img_share, img_share_non_us (a share, not a percentage)
// A program's cutoffs are read against the applicant's own ranges, so a cutoff and a score compare.
inline constexpr Range<int> kStep2ckMinRange = kStepScoreRange;
inline constexpr Range<int> kMaxYearsSinceGraduationRange{0, 60};
inline constexpr Range<int> kMaxAttemptsCutoffRange{1, kAttemptsRange.max};

}  // namespace openpick::core
