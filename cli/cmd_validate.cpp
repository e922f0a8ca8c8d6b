// openpick validate FILE...: checks profile and program files the way the page's Data panel loads
// them, and prints one line per problem in the compiler form editors can jump to:
//
//   programs.csv:12:10: error: img_share: expected a share from 0 to 1 ... (column J)
//   me.json:3:20: warning: us_leters: unknown field "us_leters" is ignored; did you mean ...
//
// What a file holds is decided as the page decides it: .csv is a program list; .json whose "kind"
// is "openpick-workspace" a workspace; .json with a top-level "programs" key a dataset, any other
// .json a profile.
// Exit: 0 when every file is valid (warnings allowed), 1 when any has an error or cannot be read,
// 2 on a usage error. Problems go to stdout (they are the output); the per-file summary to stderr.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_io.h"
#include "commands.h"
#include "openpick/core/io.h"
#include "openpick/core/workspace.h"

namespace openpick::cli {

namespace {

constexpr const char* kUsage =
    "usage: openpick validate FILE...\n"
    "\n"
    "Checks profiles (.json), datasets (.json with a \"programs\" array), workspaces (.json with\n"
    "\"kind\": \"openpick-workspace\") and program lists (.csv).\n"
    "Prints one line per problem: FILE:LINE:COL: error: message (or warning:).\n"
    "A .csv may name its columns its own way (\"Program\", \"IMG %\", \"J1?\"): unless they are the\n"
    "template's, stderr says which column went to which field, one line per column.\n"
    "Exit status: 0 all valid (warnings allowed), 1 any error, 2 usage error.\n"
    "Formats: docs/DATA.md\n";

std::string lower_extension(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  const auto dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

// A JSON document with a top-level "kind" (only workspaces have one): read as a workspace, so a
// wrong kind is named as such rather than read as a profile with an unknown field.
bool claims_a_kind(const std::string& text) {
  if (text.find("\"kind\"") == std::string::npos) return false;
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  return doc.is_object() && doc.contains("kind");
}

// Prints the diagnostics and returns whether the file is valid.
template <class T>
bool report(const core::ImportResult<T>& r) {
  for (const auto& d : r.diagnostics) std::printf("%s\n", core::format_diagnostic(d).c_str());
  return r.ok();
}

bool validate_one(const std::string& path) {
  const std::string ext = lower_extension(path);
  if (ext != "json" && ext != "csv") {
    std::printf("%s: error: unknown file type; expected a .json profile or dataset, or a .csv program list\n",
                path.c_str());
    return false;
  }
  std::string text, why;
  if (!read_whole_file(path, text, why)) {
    std::printf("%s: error: cannot read the file: %s\n", path.c_str(), why.c_str());
    return false;
  }
  if (ext == "json" && (core::is_workspace_json(text) || claims_a_kind(text))) {
    const auto r = core::parse_workspace_json(text, path);
    const bool ok = report(r);
    if (ok)
      std::fprintf(stderr, "%s: ok: workspace with %s, %zu research %s, %zu added %s, %zu tracked %s\n", path.c_str(),
                   r.value->profile ? "a profile" : "no profile", r.value->research.size(),
                   r.value->research.size() == 1 ? "entry" : "entries", r.value->added_programs.size(),
                   r.value->added_programs.size() == 1 ? "program" : "programs", r.value->tracker.size(),
                   r.value->tracker.size() == 1 ? "program" : "programs");
    return ok;
  }
  switch (core::detect_document_kind(text, path)) {
    case core::DocumentKind::ProgramsCsv: {
      const auto r = core::parse_programs_csv(text, path, nullptr);
      print_csv_mapping(path, r.mapping);
      const bool ok = report(r);
      if (ok) std::fprintf(stderr, "%s: ok: program list with %zu programs\n", path.c_str(), r.value->programs.size());
      return ok;
    }
    case core::DocumentKind::Dataset: {
      const auto r = core::parse_dataset_json(text, path);
      const bool ok = report(r);
      if (ok) std::fprintf(stderr, "%s: ok: dataset with %zu programs\n", path.c_str(), r.value->programs.size());
      return ok;
    }
    case core::DocumentKind::Profile: {
      const auto r = core::parse_profile_json(text, path);
      const bool ok = report(r);
      if (ok) std::fprintf(stderr, "%s: ok: profile\n", path.c_str());
      return ok;
    }
  }
  return false;
}

}  // namespace

int cmd_validate(int argc, char** argv) {
  std::vector<std::string> files;
  bool only_files = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (!only_files && (arg == "-h" || arg == "--help")) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (!only_files && arg == "--") {
      only_files = true;
      continue;
    }
    if (!only_files && arg.size() > 1 && arg[0] == '-') {
      std::fprintf(stderr, "openpick validate: unknown option '%s'\n\n%s", arg.c_str(), kUsage);
      return 2;
    }
    files.push_back(arg);
  }
  if (files.empty()) {
    std::fprintf(stderr, "openpick validate: no files given\n\n%s", kUsage);
    return 2;
  }
  bool all_ok = true;
  for (const auto& f : files) all_ok = validate_one(f) && all_ok;
  std::fflush(stdout);
  return all_ok ? 0 : 1;
}

}  // namespace openpick::cli
