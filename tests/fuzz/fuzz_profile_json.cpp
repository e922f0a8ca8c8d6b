// libFuzzer target: profile JSON import. Properties: no crash, no sanitizer report, the import
// contract (fuzz_common.h), and export -> import -> export gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.h"
#include "openpick/core/io.h"

using namespace openpick;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto r = core::parse_profile_json(text, "fuzz.json");
  fuzz::check_import_contract(r);
  (void)core::detect_document_kind(text, "fuzz.json");
  if (!r.ok()) return 0;
  const std::string once = core::profile_to_json(*r.value);
  const auto again = core::parse_profile_json(once, "export.json");
  if (!again.ok()) fuzz::fail("exported profile does not import", once);
  const std::string twice = core::profile_to_json(*again.value);
  if (once != twice) fuzz::fail("profile export is not stable", once + "\n---\n" + twice);
  return 0;
}
