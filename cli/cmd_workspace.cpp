// openpick workspace merge A.json B.json: the research of B (a classmate's, an adviser's
// workspace) merged into A, the applicant's own (merge_research, core/include/openpick/core/
// workspace.h). The merged workspace goes to stdout; what changed and what was kept, one line each,
// to stderr. Neither file is written: redirect stdout to keep the result.
#include <cstdio>
#include <string>

#include "cli_io.h"
#include "commands.h"
#include "openpick/core/workspace.h"

namespace openpick::cli {

namespace {

constexpr const char* kUsage =
    "usage: openpick workspace merge MINE.json THEIRS.json > MERGED.json\n"
    "\n"
    "Merges the research of THEIRS (a classmate's or an adviser's workspace) into MINE and prints\n"
    "the merged workspace. Per fact: one you lack is added; when both set it differently, theirs\n"
    "replaces yours only when both are dated and theirs is newer. Both sides' sources stay listed.\n"
    "Your profile, tracker and hidden programs are yours; theirs are not merged.\n"
    "stderr: one line per fact added, replaced or kept against theirs (\"merge: ...\").\n"
    "Exit status: 0 merged, 1 a file is not a valid workspace, 2 usage error.\n"
    "Format and rules: docs/DATA.md, \"Your workspace\".\n";

int usage_error(const std::string& what) { return cli::usage_error("workspace", kUsage, what); }

}  // namespace

int cmd_workspace(int argc, char** argv) {
  if (argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (argc < 2) return usage_error("name what to do: merge");
  if (std::string(argv[1]) != "merge")
    return usage_error("unknown action '" + std::string(argv[1]) + "'; expected merge");
  if (argc != 4) return usage_error("merge takes two workspace files: yours, then theirs");
  core::Workspace mine, theirs;
  const bool ok_mine = load_workspace(argv[2], mine);
  const bool ok_theirs = load_workspace(argv[3], theirs);
  if (!ok_mine || !ok_theirs) return 1;
  const core::MergeResult merged = core::merge_research(mine, theirs);
  for (const std::string& line : merged.report) std::fprintf(stderr, "merge: %s\n", line.c_str());
  std::fputs(core::workspace_to_json(merged.merged).c_str(), stdout);
  return 0;
}

}  // namespace openpick::cli
