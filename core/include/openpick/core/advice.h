// Strategy advice from the domain brief (shared/seed), each item fired by the profile (and the
// plan, when there is one) and saying why it applies to this applicant.
#pragma once

#include <string>
#include <vector>

#include "openpick/core/profile.h"

namespace openpick::core {

struct Plan;

struct Advice {
  std::string id;     // stable, for tests and the interface's checklist: "apply_day_one", ...
  std::string title;  // what to do
  std::string why;    // why it applies to this profile
};

// In order of importance for this profile. `plan` may be null.
std::vector<Advice> advise(const Profile& profile, const Plan* plan);

}  // namespace openpick::core
