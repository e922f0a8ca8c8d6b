// Reading the files named on the command line (core never touches the file system).
#pragma once

#include <string>

#include "openpick/core/csv_columns.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"
#include "openpick/core/workspace.h"

namespace openpick::cli {

// A command line the command cannot use: "openpick COMMAND: WHAT", a blank line and the
// command's usage on stderr; returns 2, the exit status for a usage error.
int usage_error(const char* command, const char* usage, const std::string& what);

// The whole file as bytes; false with `why` ("No such file or directory", ...) when it cannot be read.
bool read_whole_file(const std::string& path, std::string& out, std::string& why);

// Says on stderr which column of a program CSV went to which field, one line per column
// ("mine.csv: column A "Program" -> name"), unless the header is the template's own.
void print_csv_mapping(const std::string& path, const core::CsvMapping& mapping);

// Reads and parses a profile and a program list (a JSON dataset, or CSV), printing every problem to
// stderr as FILE:LINE:COL. False when either cannot be used; both are checked either way.
bool load_profile_and_programs(const std::string& profile_path, const std::string& programs_path,
                               core::Profile& profile, core::Dataset& dataset);

// A program list alone (a JSON dataset, or CSV), its problems on stderr.
bool load_programs(const std::string& programs_path, core::Dataset& dataset);

// `--workspace W.json --programs D`: W's profile (required here), research, added and hidden
// programs over D. Prints every problem, and apply_workspace's notes ("W.json: note: ..."), on
// stderr. False when either file cannot be used or W has no profile.
bool load_workspace_and_programs(const std::string& workspace_path, const std::string& programs_path,
                                 core::Workspace& workspace, core::Profile& profile, core::Dataset& dataset);

// A workspace file alone.
bool load_workspace(const std::string& workspace_path, core::Workspace& workspace);

}  // namespace openpick::cli
