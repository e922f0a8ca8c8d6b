// Internals shared by workspace.cpp (reading, writing), workspace_apply.cpp (overlay, rank order,
// tracker rules) and workspace_merge.cpp. Not installed.
#pragma once

#include <string>
#include <string_view>

#include "io_readers.h"
#include "openpick/core/workspace.h"

namespace openpick::core::detail {

template <>
struct EnumTable<TrackerStatus> {
  static constexpr EnumName<TrackerStatus> items[] = {
      {TrackerStatus::Considering, "considering"}, {TrackerStatus::Applied, "applied"},
      {TrackerStatus::Invited, "invited"},         {TrackerStatus::Interviewed, "interviewed"},
      {TrackerStatus::Ranked, "ranked"},           {TrackerStatus::Withdrawn, "withdrawn"},
      {TrackerStatus::Rejected, "rejected"}};
  static constexpr std::string_view noun = "status";
};

// Copies the research fact `field` (a research_fact_fields() path; a cutoff with its strictness)
// from one program to another. False for a path that is not a research fact.
bool copy_fact(const Program& from, Program& to, std::string_view field);

// The fact as JSON, as a dataset writes it (a flexible cutoff as {"value", "strict": false};
// unknown as null): two programs hold the same fact exactly when these are equal.
OrderedJson fact_json(const Program& program, std::string_view field);
// The same, as text for a message: "true", "0.6", "{"value":220,"strict":false}", "null".
std::string fact_text(const Program& program, std::string_view field);

// Keeps `fields` in research_fact_fields() order when `field` is added.
void add_field(std::vector<std::string>& fields, std::string_view field);

}  // namespace openpick::core::detail
