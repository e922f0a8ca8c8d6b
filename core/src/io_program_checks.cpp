// Checks shared by the JSON and CSV program readers (io_program_checks.h).
#include "io_program_checks.h"

#include <algorithm>
#include <iterator>

#include "io_fields.h"

namespace openpick::core::detail {

bool is_usps_code(std::string_view code) {
  static constexpr std::string_view kCodes[] = {
      "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA",
      "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR",
      "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY", "PR", "GU", "VI", "AS", "MP"};
  return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

const std::vector<std::string_view>& program_fact_fields() {
  static const std::vector<std::string_view> kFields = {"id",
                                                        "name",
                                                        "institution",
                                                        "specialty",
                                                        "track",
                                                        "city",
                                                        "state",
                                                        "setting",
                                                        "positions",
                                                        "img_share",
                                                        "img_share_non_us",
                                                        "visa",
                                                        "visa.j1",
                                                        "visa.h1b",
                                                        "cutoffs",
                                                        "cutoffs.step2ck_min",
                                                        "cutoffs.max_years_since_graduation",
                                                        "cutoffs.max_attempts",
                                                        "cutoffs.usce_required",
                                                        "rural",
                                                        "accepts_signals",
                                                        "application_service",
                                                        "*"};
  return kFields;
}

std::string share_hint(double value) {
  if (value > 1.0 && value <= 100.0)
    return " (it looks like a percentage: write " + json_number(value / 100.0).dump() + " for " +
           json_number(value).dump() + "%)";
  return {};
}

}  // namespace openpick::core::detail
