#include "cli_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "openpick/core/io.h"
#include "openpick/core/profile_rules.h"

namespace openpick::cli {

int usage_error(const char* command, const char* usage, const std::string& what) {
  std::fprintf(stderr, "openpick %s: %s\n\n%s", command, what.c_str(), usage);
  return 2;
}

bool read_whole_file(const std::string& path, std::string& out, std::string& why) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = errno ? std::strerror(errno) : "cannot open";
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) {
    why = "read failed (is it a folder?)";
    return false;
  }
  out = s.str();
  return true;
}

namespace {

template <class T, class Parse>
bool load(const std::string& path, Parse parse, T& out) {
  std::string bytes, why;
  if (!read_whole_file(path, bytes, why)) {
    std::fprintf(stderr, "%s: error: cannot read the file: %s\n", path.c_str(), why.c_str());
    return false;
  }
  auto r = parse(bytes, path);
  for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", core::format_diagnostic(d).c_str());
  if (!r.ok()) return false;
  out = std::move(*r.value);
  return true;
}

}  // namespace

void print_csv_mapping(const std::string& path, const core::CsvMapping& mapping) {
  if (mapping.is_template()) return;
  for (const std::string& line : core::describe_mapping(mapping))
    std::fprintf(stderr, "%s: %s\n", path.c_str(), line.c_str());
}

namespace {

// The page shows no chance until these are answered; the command line still plans, and says
// which placeholders the numbers rest on.
void note_unanswered(const std::string& profile_path, const core::Profile& profile) {
  const auto unanswered = core::unanswered_facts(profile);
  if (unanswered.empty()) return;
  std::string facts;
  for (core::DecisiveFact f : unanswered) facts += (facts.empty() ? "" : ", ") + std::string(core::to_string(f));
  std::fprintf(stderr,
               "%s: note: not answered yet: %s; the chances below rest on placeholder values for them, "
               "not on the applicant's answers\n",
               profile_path.c_str(), facts.c_str());
}

}  // namespace

bool load_programs(const std::string& programs_path, core::Dataset& dataset) {
  return load(
      programs_path,
      [](std::string_view text, std::string_view name) {
        if (core::detect_document_kind(text, name) != core::DocumentKind::ProgramsCsv)
          return core::parse_dataset_json(text, name);
        core::CsvImportResult r = core::parse_programs_csv(text, name, nullptr);
        print_csv_mapping(std::string(name), r.mapping);
        return static_cast<core::ImportResult<core::Dataset>>(std::move(r));
      },
      dataset);
}

bool load_profile_and_programs(const std::string& profile_path, const std::string& programs_path,
                               core::Profile& profile, core::Dataset& dataset) {
  const bool ok_profile = load(profile_path, core::parse_profile_json, profile);
  const bool ok_programs = load_programs(programs_path, dataset);
  if (ok_profile) note_unanswered(profile_path, profile);
  return ok_profile && ok_programs;
}

bool load_workspace(const std::string& workspace_path, core::Workspace& workspace) {
  return load(workspace_path, core::parse_workspace_json, workspace);
}

bool load_workspace_and_programs(const std::string& workspace_path, const std::string& programs_path,
                                 core::Workspace& workspace, core::Profile& profile, core::Dataset& dataset) {
  const bool ok_workspace = load_workspace(workspace_path, workspace);
  core::Dataset loaded;
  const bool ok_programs = load_programs(programs_path, loaded);
  if (ok_workspace && !workspace.profile) {
    std::fprintf(stderr,
                 "%s: error: profile: the workspace holds no profile; expected \"profile\": {...} to plan with\n",
                 workspace_path.c_str());
    return false;
  }
  if (!ok_workspace || !ok_programs) return false;
  profile = *workspace.profile;
  note_unanswered(workspace_path, profile);
  core::AppliedWorkspace applied = core::apply_workspace(loaded, workspace);
  for (const std::string& note : applied.notes)
    std::fprintf(stderr, "%s: note: %s\n", workspace_path.c_str(), note.c_str());
  if (applied.dataset.programs.empty()) {
    std::fprintf(stderr, "%s: error: no program left to plan over (every program of %s is hidden)\n",
                 workspace_path.c_str(), programs_path.c_str());
    return false;
  }
  dataset = std::move(applied.dataset);
  return true;
}

}  // namespace openpick::cli
