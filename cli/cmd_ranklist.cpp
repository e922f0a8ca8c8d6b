// openpick ranklist --profile P.json --programs D.json ID...: after interviews, the chance of
// matching with a rank list of the programs that interviewed the applicant (in the order given,
// which should be the applicant's true preference), and the advice on how to rank.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_io.h"
#include "commands.h"
#include "openpick/core/io.h"
#include "openpick/core/planner.h"

namespace openpick::cli {

namespace {

constexpr const char* kUsage =
    "usage: openpick ranklist --profile P.json --programs D.json|D.csv ID [ID...]\n"
    "\n"
    "The IDs are the programs that interviewed you, in the order you would rank them.\n"
    "Prints {\"p_match\", \"programs\": [{\"id\", \"p_match_here\"}], \"advice\"} as JSON.\n";

int usage_error(const std::string& what) {
  std::fprintf(stderr, "openpick ranklist: %s\n\n%s", what.c_str(), kUsage);
  return 2;
}

}  // namespace

int cmd_ranklist(int argc, char** argv) {
  std::string profile_path, programs_path;
  std::vector<std::string> ids;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--profile" || a == "--programs") {
      if (i + 1 >= argc) return usage_error(a + " needs a file");
      (a == "--profile" ? profile_path : programs_path) = argv[++i];
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option '" + a + "'");
    } else {
      ids.push_back(a);
    }
  }
  if (profile_path.empty() || programs_path.empty()) return usage_error("--profile and --programs are required");
  if (ids.empty()) return usage_error("name the programs that interviewed you, in your order of preference");

  std::string profile_text, programs_text, why;
  if (!read_whole_file(profile_path, profile_text, why)) {
    std::fprintf(stderr, "%s: error: cannot read the file: %s\n", profile_path.c_str(), why.c_str());
    return 1;
  }
  if (!read_whole_file(programs_path, programs_text, why)) {
    std::fprintf(stderr, "%s: error: cannot read the file: %s\n", programs_path.c_str(), why.c_str());
    return 1;
  }
  auto profile = core::parse_profile_json(profile_text, profile_path);
  auto dataset = core::detect_document_kind(programs_text, programs_path) == core::DocumentKind::ProgramsCsv
                     ? core::parse_programs_csv(programs_text, programs_path)
                     : core::parse_dataset_json(programs_text, programs_path);
  for (const auto& d : profile.diagnostics) std::fprintf(stderr, "%s\n", core::format_diagnostic(d).c_str());
  for (const auto& d : dataset.diagnostics) std::fprintf(stderr, "%s\n", core::format_diagnostic(d).c_str());
  if (!profile.ok() || !dataset.ok()) return 1;

  std::vector<std::size_t> order;
  for (const auto& id : ids) {
    std::size_t found = dataset.value->programs.size();
    for (std::size_t i = 0; i < dataset.value->programs.size(); ++i)
      if (dataset.value->programs[i].id == id) found = i;
    if (found == dataset.value->programs.size()) {
      std::fprintf(stderr, "%s: error: no program with id '%s'\n", programs_path.c_str(), id.c_str());
      return 1;
    }
    order.push_back(found);
  }
  const core::RankListOutcome out = core::rank_list_outcome(*profile.value, *dataset.value, order, core::Model{});
  nlohmann::ordered_json j;
  j["p_match"] = out.p_match;
  auto& programs = j["programs"] = nlohmann::ordered_json::array();
  for (std::size_t r = 0; r < ids.size(); ++r) programs.push_back({{"id", ids[r]}, {"p_match_here", out.p_match_at[r]}});
  j["advice"] = out.advice;
  std::printf("%s\n", j.dump(2).c_str());
  return 0;
}

}  // namespace openpick::cli
