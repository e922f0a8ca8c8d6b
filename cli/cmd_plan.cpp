// openpick plan --profile P.json --programs D.json [options]: the application list, chances,
// cost, curve, signals, what-if gains and advice, as JSON (or the list as CSV) on stdout.
// openpick plan --workspace W.json --programs D.json: the same with W's profile, research, added
// and hidden programs over D (core/include/openpick/core/workspace.h).
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli_io.h"
#include "commands.h"
#include "openpick/core/advice.h"
#include "openpick/core/io.h"
#include "openpick/core/planner.h"

namespace openpick::cli {

namespace {

constexpr const char* kUsage =
    "usage: openpick plan --profile P.json --programs D.json|D.csv [options]\n"
    "       openpick plan --workspace W.json --programs D.json|D.csv [options]\n"
    "\n"
    "  --workspace W.json       plan with your workspace's profile, over D with your research\n"
    "                           (facts you found override D's, by program id), the programs you\n"
    "                           added, and without those you hid; stderr notes entries whose program\n"
    "                           is not in D (they stay in W)\n"
    "\n"
    "options:\n"
    "  --max-applications N     apply to at most N programs\n"
    "  --budget USD             fees (2026 season: ERAS and ResidencyCAS, transcripts included) at most USD\n"
    "  --fee-assistance         AAMC Fee Assistance Program prices\n"
    "  --pin ID                 always apply to program ID (repeatable)\n"
    "  --exclude ID             never apply to program ID (repeatable)\n"
    "  --only-preferred-states  only programs in the profile's preferred states\n"
    "  --min-preferred-share F  at least the share F (0-1) of the applications in the preferred states\n"
    "  --no-whatif              skip the what-if re-plans\n"
    "  --format json|csv        json (default): the whole plan; csv: the list only\n"
    "\n"
    "A D.csv in its own column names is mapped as `openpick validate` maps it; stderr says where\n"
    "each column went.\n";

int usage_error(const std::string& what) { return cli::usage_error("plan", kUsage, what); }

bool parse_number(const char* text, double& out) {
  errno = 0;
  char* end = nullptr;
  out = std::strtod(text, &end);
  return errno == 0 && end != text && *end == '\0' && std::isfinite(out);
}

}  // namespace

int cmd_plan(int argc, char** argv) {
  std::string profile_path, programs_path, workspace_path, format = "json";
  core::PlanOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) return nullptr;
      (void)name;
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--profile") {
      const char* v = value("--profile");
      if (!v) return usage_error("--profile needs a file");
      profile_path = v;
    } else if (a == "--workspace") {
      const char* v = value("--workspace");
      if (!v) return usage_error("--workspace needs a file");
      workspace_path = v;
    } else if (a == "--programs") {
      const char* v = value("--programs");
      if (!v) return usage_error("--programs needs a file");
      programs_path = v;
    } else if (a == "--max-applications") {
      const char* v = value(a.c_str());
      double n = 0;
      if (!v || !parse_number(v, n) || n < core::kMaxApplicationsRange.min || n > core::kMaxApplicationsRange.max ||
          n != std::floor(n))
        return usage_error("--max-applications needs a whole number from 0 to " +
                           std::to_string(core::kMaxApplicationsRange.max));
      options.max_applications = static_cast<int>(n);
    } else if (a == "--budget") {
      const char* v = value(a.c_str());
      double b = 0;
      if (!v || !parse_number(v, b) || b < 0 || b > 1e7) return usage_error("--budget needs a dollar amount from 0");
      options.budget_usd = b;
    } else if (a == "--fee-assistance") {
      options.fee_assistance = true;
    } else if (a == "--pin" || a == "--exclude") {
      const char* v = value(a.c_str());
      if (!v) return usage_error(a + " needs a program id");
      (a == "--pin" ? options.pinned_ids : options.excluded_ids).emplace_back(v);
    } else if (a == "--only-preferred-states") {
      options.only_preferred_states = true;
    } else if (a == "--min-preferred-share") {
      const char* v = value(a.c_str());
      double f = 0;
      if (!v || !parse_number(v, f) || !core::in_range(core::kPreferredShareRange, f))
        return usage_error("--min-preferred-share needs a share from 0 to 1 (e.g. 0.5 for half the applications)");
      options.min_preferred_share = f;
    } else if (a == "--no-whatif") {
      options.whatif = false;
    } else if (a == "--format") {
      const char* v = value(a.c_str());
      if (!v || (std::string(v) != "json" && std::string(v) != "csv")) return usage_error("--format is json or csv");
      format = v;
    } else {
      return usage_error("unknown option '" + a + "'");
    }
  }
  if (!profile_path.empty() && !workspace_path.empty())
    return usage_error("--profile and --workspace both give a profile: name one");
  if ((profile_path.empty() && workspace_path.empty()) || programs_path.empty())
    return usage_error("--profile (or --workspace) and --programs are required");

  core::Profile profile;
  core::Dataset dataset;
  core::Workspace workspace;
  if (workspace_path.empty() ? !load_profile_and_programs(profile_path, programs_path, profile, dataset)
                             : !load_workspace_and_programs(workspace_path, programs_path, workspace, profile, dataset))
    return 1;

  const core::Model model;
  const core::Plan plan = core::make_plan(profile, dataset, options, model);
  if (format == "csv") {
    std::fputs(core::plan_to_csv(plan, dataset).c_str(), stdout);
  } else {
    std::fputs(core::plan_to_json(plan, dataset, core::advise(profile, &plan)).c_str(), stdout);
  }
  return 0;
}

}  // namespace openpick::cli
