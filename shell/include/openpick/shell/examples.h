// The example profiles from assets/profiles/, compiled into the app (CMake generates the table),
// so the first screen can offer them without any request.
#pragma once

#include <string_view>
#include <vector>

#include "openpick/core/profile.h"

namespace openpick::shell {

struct ExampleProfile {
  std::string_view file_name;  // e.g. "seed_delta_img.json"
  std::string_view json;
  core::Profile profile;  // parsed once; the tests check every example parses without error
};

// Only the examples that parse (all of them, as the tests check), parsed on first use.
const std::vector<ExampleProfile>& example_profiles();

}  // namespace openpick::shell
