// openpick: the native command line over core (also built to wasm and run under Node).
//   openpick --version
//   openpick <command> [options]      (see kCommands below, or `openpick --help`)
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"
#include "openpick/core/version.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);  // argv[0] is the command's own name
  const char* summary;
};

// One line per subcommand.
constexpr Command kCommands[] = {
    {"", nullptr, ""},  // placeholder so the table is never empty; skipped below
    {"plan", &openpick::cli::cmd_plan, "the application plan for a profile and a program list"},
    {"ranklist", &openpick::cli::cmd_ranklist, "after interviews: the chance with your rank list"},
    {"validate", &openpick::cli::cmd_validate, "check profile, program and workspace files"},
    {"workspace", &openpick::cli::cmd_workspace, "your workspace: merge another's research into yours"},
    {"portfolio", &openpick::cli::cmd_portfolio, "optimal list for explicit chances"},
    {"calibrate", &openpick::cli::cmd_calibrate, "re-fit the model to the published figures (make refit)"},
};

int usage(std::FILE* out) {
  std::fprintf(out, "usage: openpick <command> [options]\n\ncommands:\n");
  for (const auto& c : kCommands)
    if (c.run) std::fprintf(out, "  %-12s %s\n", c.name, c.summary);
  std::fprintf(out, "  %-12s %s\n", "--version", "print the version");
  return out == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(stderr);
  const std::string cmd = argv[1];
  if (cmd == "--version" || cmd == "version") {
    std::printf("%s %s\n", openpick::core::kProductName, openpick::core::kVersion);
    return 0;
  }
  if (cmd == "--help" || cmd == "-h" || cmd == "help") return usage(stdout);
  for (const auto& c : kCommands)
    if (c.run && cmd == c.name) return c.run(argc - 1, argv + 1);
  std::fprintf(stderr, "openpick: unknown command '%s'\n\n", cmd.c_str());
  return usage(stderr);
}
