// libFuzzer target: dataset JSON import. Properties: no crash, no sanitizer report, the import
// contract (fuzz_common.h), the streaming reader (one program at a time, in steps of any size)
// gives exactly what reading the whole document gives, export -> import -> export gives the same
// bytes, and the CSV form of the programs imports again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../../core/src/io_detail.h"
#include "fuzz_common.h"
#include "openpick/core/diagnostics.h"
#include "openpick/core/io.h"

using namespace openpick;

namespace {

std::string describe(const core::ImportResult<core::Dataset>& r) {
  std::string out = r.ok() ? core::dataset_to_json(*r.value) : std::string("no value\n");
  for (const auto& d : r.diagnostics) out += core::format_diagnostic(d) + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto r = core::parse_dataset_json(text, "fuzz.json");
  fuzz::check_import_contract(r);

  const std::string streamed = describe(r);
  const std::string whole = describe(core::detail::parse_dataset_json_whole(text, "fuzz.json"));
  if (streamed != whole) fuzz::fail("streaming and whole-document readings differ", streamed + "\n---\n" + whole);
  core::ProgramListImport job(std::string(text), "fuzz.json", core::DocumentKind::Dataset);
  while (!job.step(1)) {
  }
  if (describe(job.take_result()) != streamed) fuzz::fail("reading in steps differs", streamed);

  if (!r.ok()) return 0;
  const std::string once = core::dataset_to_json(*r.value);
  const auto again = core::parse_dataset_json(once, "export.json");
  if (!again.ok()) fuzz::fail("exported dataset does not import", once);
  const std::string twice = core::dataset_to_json(*again.value);
  if (once != twice) fuzz::fail("dataset export is not stable", once + "\n---\n" + twice);
  const std::string csv = core::programs_to_csv(r.value->programs);
  const auto from_csv = core::parse_programs_csv(csv, "export.csv");
  if (!r.value->programs.empty() && !from_csv.ok()) fuzz::fail("CSV export does not import", csv);
  return 0;
}
