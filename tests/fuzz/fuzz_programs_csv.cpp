// libFuzzer target: program CSV import. Properties: no crash, no sanitizer report, the import
// contract (fuzz_common.h), and CSV export -> import -> export gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.h"
#include "openpick/core/csv.h"
#include "openpick/core/io.h"

using namespace openpick;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)core::parse_csv(text, "fuzz.csv");
  const auto r = core::parse_programs_csv(text, "fuzz.csv");
  fuzz::check_import_contract(r);
  if (!r.ok()) return 0;
  const std::string once = core::programs_to_csv(r.value->programs);
  const auto again = core::parse_programs_csv(once, "export.csv");
  if (!again.ok()) fuzz::fail("exported CSV does not import", once);
  const std::string twice = core::programs_to_csv(again.value->programs);
  if (once != twice) fuzz::fail("CSV export is not stable", once + "\n---\n" + twice);
  return 0;
}
