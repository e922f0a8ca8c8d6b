// openpick ranklist --profile P.json --programs D.json ID...: after interviews, the chance of
// matching with a rank list of the programs that interviewed the applicant (in the order given,
// which should be the applicant's true preference), and the advice on how to rank.
// openpick ranklist --workspace W.json --programs D.json: the programs W's tracker marks
// interviewed or ranked, in W's rank order (rank_list_order, workspace.h), over D with W's research.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_io.h"
#include "commands.h"
#include "openpick/core/io.h"
#include "openpick/core/rank_list.h"

namespace openpick::cli {

namespace {

constexpr const char* kUsage =
    "usage: openpick ranklist --profile P.json --programs D.json|D.csv ID [ID...]\n"
    "       openpick ranklist --workspace W.json --programs D.json|D.csv [ID...]\n"
    "\n"
    "The IDs are the programs that interviewed you, in the order you would rank them.\n"
    "With --workspace and no IDs: the programs your tracker marks interviewed or ranked, by their\n"
    "rank (those without one after, in list order: stderr says so), with your profile and research.\n"
    "Prints {\"p_match\", \"conditional_on\", \"programs\": [{\"id\", \"p_match_here\"}],\n"
    "\"extra_rank_fee_usd\", \"notes\", \"advice\"} as JSON.\n";

int usage_error(const std::string& what) { return cli::usage_error("ranklist", kUsage, what); }

}  // namespace

int cmd_ranklist(int argc, char** argv) {
  std::string profile_path, programs_path, workspace_path;
  std::vector<std::string> ids;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--profile" || a == "--programs" || a == "--workspace") {
      if (i + 1 >= argc) return usage_error(a + " needs a file");
      (a == "--profile" ? profile_path : a == "--programs" ? programs_path : workspace_path) = argv[++i];
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option '" + a + "'");
    } else {
      ids.push_back(a);
    }
  }
  if (!profile_path.empty() && !workspace_path.empty())
    return usage_error("--profile and --workspace both give a profile: name one");
  if ((profile_path.empty() && workspace_path.empty()) || programs_path.empty())
    return usage_error("--profile (or --workspace) and --programs are required");
  if (ids.empty() && workspace_path.empty())
    return usage_error("name the programs that interviewed you, in your order of preference");

  core::Profile profile;
  core::Dataset dataset;
  core::Workspace workspace;
  if (workspace_path.empty() ? !load_profile_and_programs(profile_path, programs_path, profile, dataset)
                             : !load_workspace_and_programs(workspace_path, programs_path, workspace, profile, dataset))
    return 1;
  if (ids.empty()) {
    const core::RankListOrder from_tracker = core::rank_list_order(workspace, dataset.programs);
    for (const std::string& note : from_tracker.notes)
      std::fprintf(stderr, "%s: note: %s\n", workspace_path.c_str(), note.c_str());
    if (from_tracker.order.empty()) {
      std::fprintf(stderr,
                   "%s: error: tracker: no program of %s has the status interviewed or ranked; expected the "
                   "programs that interviewed you (or name them: ID...)\n",
                   workspace_path.c_str(), programs_path.c_str());
      return 1;
    }
    for (std::size_t i : from_tracker.order) ids.push_back(dataset.programs[i].id);
  }

  std::vector<std::size_t> order;
  for (const auto& id : ids) {
    std::size_t found = dataset.programs.size();
    for (std::size_t i = 0; i < dataset.programs.size(); ++i)
      if (dataset.programs[i].id == id) found = i;
    if (found == dataset.programs.size()) {
      std::fprintf(stderr, "%s: error: no program with id '%s'\n", programs_path.c_str(), id.c_str());
      return 1;
    }
    order.push_back(found);
  }
  const core::RankListOutcome out = core::rank_list_outcome(profile, dataset, order, core::Model{});
  nlohmann::ordered_json j;
  j["p_match"] = out.p_match;
  auto& programs = j["programs"] = nlohmann::ordered_json::array();
  for (std::size_t r = 0; r < ids.size(); ++r)
    programs.push_back({{"id", ids[r]}, {"p_match_here", out.p_match_at[r]}});
  j["extra_rank_fee_usd"] = out.extra_rank_fee_usd;
  j["conditional_on"] = out.conditional_on;
  j["notes"] = out.notes;
  j["advice"] = out.advice;
  std::printf("%s\n", j.dump(2).c_str());
  return 0;
}

}  // namespace openpick::cli
