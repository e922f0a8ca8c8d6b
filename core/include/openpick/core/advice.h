// Strategy advice from the domain brief (shared/seed), each item fired by the profile (and the
// plan, when there is one) and saying why it applies to this applicant.
#pragma once

#include <string>
#include <vector>

#include "openpick/core/profile.h"

namespace openpick::core {

struct Plan;

struct Advice {
  std::string id;      // stable, for tests and the interface's checklist: "apply_day_one", ...
  std::string title;   // what to do
  std::string why;     // why it applies to this profile
  std::string source;  // where the advice comes from, in words: a public source, or the seed brief
};

// In order of importance for this profile. `plan` may be null.
std::vector<Advice> advise(const Profile& profile, const Plan* plan);

// Who the AAMC Fee Assistance Program is for, in words, shown next to its checkbox and in the advice
// when a non-US IMG's plan counts on it.
const char* fee_assistance_eligibility();

}  // namespace openpick::core
