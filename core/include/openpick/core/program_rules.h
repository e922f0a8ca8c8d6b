// The ranges of a program's numbers: one home, so that a value the page's forms accept (a program
// added by hand, research on a program) is one the importers (dataset JSON, CSV sheets, a
// workspace's research) read back, and the other way round. Each numeric fact's rule names its
// field, its range and what it is in a person's words; the readers, the research form and
// check_research_fact all take them from here.
//
//   if (auto why = check_research_fact(program, "cutoffs.max_attempts"); !why.empty()) refuse(why);
//   const WholeNumberFact* f = whole_number_fact("positions");  // f->range, f->what
#pragma once

#include <string>
#include <string_view>

#include "openpick/core/profile_rules.h"  // Range, in_range, the profile's score and attempts ranges
#include "openpick/core/program.h"

namespace openpick::core {

inline constexpr Range<int> kPositionsRange{0, 500};   // PGY-1 positions (0 warns: it cannot match anyone)
inline constexpr Range<double> kShareRange{0.0, 1.0};  // img_share, img_share_non_us (a share, not a percentage)
// A program's cutoffs are read against the applicant's own ranges, so a cutoff and a score compare.
inline constexpr Range<int> kStep2ckMinRange = kStepScoreRange;
inline constexpr Range<int> kMaxYearsSinceGraduationRange{0, 60};
inline constexpr Range<int> kMaxAttemptsCutoffRange{1, kAttemptsRange.max};

// A whole-number fact of a program. `field` is spelled as research_fact_fields() and a
// FactSource spell it; `what` is how messages name it ("expected <what> (a whole number ...)").
struct WholeNumberFact {
  std::string_view field;
  Range<int> range;
  std::string_view what;
};
inline constexpr WholeNumberFact kPositionsFact{"positions", kPositionsRange, "the number of PGY-1 positions"};
inline constexpr WholeNumberFact kStep2ckMinFact{"cutoffs.step2ck_min", kStep2ckMinRange, "a minimum Step 2 CK score"};
inline constexpr WholeNumberFact kMaxYearsSinceGraduationFact{
    "cutoffs.max_years_since_graduation", kMaxYearsSinceGraduationRange, "the most years since graduation accepted"};
inline constexpr WholeNumberFact kMaxAttemptsFact{"cutoffs.max_attempts", kMaxAttemptsCutoffRange,
                                                  "the most attempts accepted on any Step"};

// A share of residents, 0..1 (kShareRange); a form may show it as a percentage.
struct ShareFact {
  std::string_view field;
  std::string_view what;
};
inline constexpr ShareFact kImgShareFact{"img_share", "the share of residents who are IMGs"};
inline constexpr ShareFact kImgShareNonUsFact{"img_share_non_us", "the share of residents who are non-US-citizen IMGs"};

// The rule of a whole-number fact ("positions", "cutoffs.step2ck_min", ...); nullptr for any
// other field.
const WholeNumberFact* whole_number_fact(std::string_view field);
// The rule of a share ("img_share", "img_share_non_us"); nullptr for any other field.
const ShareFact* share_fact(std::string_view field);

// Why the fact `field` of `program` is outside its range, naming the fact and the range allowed
// ("the number of PGY-1 positions is a whole number from 0 to 500, not 501"); "" when the value is
// in range, unknown, or the field has no range (a visa, a name).
std::string check_research_fact(const Program& program, std::string_view field);

}  // namespace openpick::core
