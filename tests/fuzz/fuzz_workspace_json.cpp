// libFuzzer target: workspace JSON import (issues 14 and 15). Properties: no crash, no sanitizer
// report, the import contract (fuzz_common.h), export -> import -> export gives the same bytes,
// and what is done with a workspace never fails on one that imported: applied over a small list,
// its rank order names programs of that list each once, and merging it with itself changes nothing.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "openpick/core/io.h"
#include "openpick/core/workspace.h"

using namespace openpick;

namespace {

const char* kList = R"({"schema_version": 1, "name": "fuzz", "programs": [
  {"id": "A", "name": "A", "specialty": "Internal Medicine", "state": "MS", "visa": {"j1": true}},
  {"id": "B", "name": "B", "specialty": "Family Medicine", "state": "AR"}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto r = core::parse_workspace_json(text, "fuzz.json");
  fuzz::check_import_contract(r);
  (void)core::is_workspace_json(text);
  if (!r.ok()) return 0;
  const core::Workspace& w = *r.value;

  const std::string once = core::workspace_to_json(w);
  const auto again = core::parse_workspace_json(once, "export.json");
  if (!again.ok()) fuzz::fail("exported workspace does not import", once);
  const std::string twice = core::workspace_to_json(*again.value);
  if (once != twice) fuzz::fail("workspace export is not stable", once + "\n---\n" + twice);

  static const core::Dataset list = *core::parse_dataset_json(kList, "list.json").value;
  const core::AppliedWorkspace applied = core::apply_workspace(list, w);
  if (applied.own.size() != applied.dataset.programs.size()) fuzz::fail("own facts not one per program", once);
  const core::RankListOrder order = core::rank_list_order(w, applied.dataset.programs);
  std::set<std::size_t> seen;
  for (std::size_t i : order.order)
    if (i >= applied.dataset.programs.size() || !seen.insert(i).second) fuzz::fail("rank order out of the list", once);

  const core::MergeResult self = core::merge_research(w, w);
  if (core::workspace_to_json(self.merged) != once) fuzz::fail("merging a workspace with itself changed it", once);
  return 0;
}
