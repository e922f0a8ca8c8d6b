// Hard filters: can this applicant be considered by this program at all?
//
// A stated rule the applicant fails (visa not sponsored, too many years since graduation, too many
// attempts, Step 2 CK under the minimum, hands-on USCE required and none, a physician-only track
// and no prior residency training) excludes the program with a reason a person can read. A cutoff
// the dataset marks flexible (`"strict": false`) does not exclude: it is listed in
// `flexible_misses` and the probability model lowers the chance. A rule the program does not state
// never excludes: it is flagged ("unknown: program states no visa policy") and the probability
// model lowers the chance instead.
//
//   EligibilityResult r = check_eligibility(profile, program);
//   if (!r.eligible) show(r.reasons.front());  // "8 years since graduation; program accepts 5 or fewer"
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "openpick/core/profile.h"
#include "openpick/core/program.h"

namespace openpick::core {

struct EligibilityResult {
  bool eligible = true;
  std::vector<std::string> reasons;          // one per failed hard filter, in a fixed order; empty if eligible
  std::vector<std::string> unknowns;         // facts the program does not state that matter to this applicant
  std::vector<std::string> flexible_misses;  // flexible cutoffs the applicant misses, one reason each
};

// Every hard filter, each failure with its reason.
EligibilityResult check_eligibility(const Profile& profile, const Program& program);

// The same decision without building any text (the hot path when scoring thousands of programs).
// `flexible_missed`, when given, receives the number of flexible cutoffs missed (meaningful when
// the program is eligible).
bool is_eligible(const Profile& profile, const Program& program, int* flexible_missed = nullptr);

// True when the applicant needs a visa to train (US MD and DO graduates never do).
bool needs_visa(const Profile& profile);

// What the eligibility check and the model's score read of the profile alone, found once by a
// caller that looks at many programs for one profile (the same values they find themselves):
//   const ProfileFacts facts = profile_facts(profile);
//   for (const Program& p : programs) if (is_eligible(profile, p, &missed, &facts)) ...
struct ProfileFacts {
  bool needs_visa = false;
  int years_since_graduation = 0;
  int attempts = 0;            // modelled_attempts (exam_status.h)
  std::optional<int> step2ck;  // modelled_step2ck
};
ProfileFacts profile_facts(const Profile& profile);
bool is_eligible(const Profile& profile, const Program& program, int* flexible_missed, const ProfileFacts* facts);
// check_eligibility(profile, program).reasons.front() (empty when eligible), building that text
// alone: for a caller that names why each of many programs is out.
std::string exclusion_reason(const Profile& profile, const Program& program, const ProfileFacts* facts = nullptr);

// The program's specialty is one of the applicant's target specialties (exact name match, as the
// dataset spells it). A profile with no target specialties accepts every specialty.
bool matches_specialty(const Profile& profile, const Program& program);

}  // namespace openpick::core
