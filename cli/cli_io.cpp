#include "cli_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "openpick/core/io.h"
#include "openpick/core/profile_rules.h"

namespace openpick::cli {

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
  for (const std::string& line : core::describe_mapping(mapping)) std::fprintf(stderr, "%s: %s\n", path.c_str(), line.c_str());
}

bool load_profile_and_programs(const std::string& profile_path, const std::string& programs_path,
                               core::Profile& profile, core::Dataset& dataset) {
  const bool ok_profile = load(profile_path, core::parse_profile_json, profile);
  const bool ok_programs = load(
      programs_path,
      [](std::string_view text, std::string_view name) {
        if (core::detect_document_kind(text, name) != core::DocumentKind::ProgramsCsv)
          return core::parse_dataset_json(text, name);
        core::CsvImportResult r = core::parse_programs_csv(text, name, nullptr);
        print_csv_mapping(std::string(name), r.mapping);
        return static_cast<core::ImportResult<core::Dataset>>(std::move(r));
      },
      dataset);
  if (ok_profile) {
    // The page shows no chance until these are answered; the command line still plans, and says
    // which placeholders the numbers rest on.
    const auto unanswered = core::unanswered_facts(profile);
    if (!unanswered.empty()) {
      std::string facts;
      for (core::DecisiveFact f : unanswered) facts += (facts.empty() ? "" : ", ") + std::string(core::to_string(f));
      std::fprintf(stderr,
                   "%s: note: not answered yet: %s; the chances below rest on placeholder values for them, "
                   "not on the applicant's answers\n",
                   profile_path.c_str(), facts.c_str());
    }
  }
  return ok_profile && ok_programs;
}

}  // namespace openpick::cli
