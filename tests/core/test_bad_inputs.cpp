// Every malformed input under tests/data/bad/ must be rejected with the message written next to
// it. The folder is walked, so a new case is two files and no code:
//
//   tests/data/bad/profile_NAME.json    parsed as a profile
//   tests/data/bad/dataset_NAME.json    parsed as a dataset
//   tests/data/bad/programs_NAME.csv    parsed as a program CSV
//   tests/data/bad/workspace_NAME.json  parsed as a workspace
//   tests/data/bad/<same stem>.expect   one or more lines; each must appear in one diagnostic line
//                                       ("FILE:LINE:COL: error: field: message", FILE = base name)
//
// Every case must fail as a whole: no value, at least one error (import is all or nothing).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "openpick/core/io.h"
#include "openpick/core/workspace.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace openpick::core;

namespace {

using openpick::testing::read_file;

const fs::path kBadDir = openpick::testing::data_path("bad");

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

struct Outcome {
  bool has_value = false;
  std::vector<Diagnostic> diagnostics;
};

Outcome import_case(const fs::path& path) {
  const std::string name = path.filename().string();
  const std::string text = read_file(path);
  Outcome o;
  if (starts_with(name, "profile_")) {
    auto r = parse_profile_json(text, name);
    o = {r.ok(), r.diagnostics};
  } else if (starts_with(name, "workspace_")) {
    auto r = parse_workspace_json(text, name);
    o = {r.ok(), r.diagnostics};
  } else if (starts_with(name, "dataset_")) {
    auto r = parse_dataset_json(text, name);
    o = {r.ok(), r.diagnostics};
  } else {
    auto r = parse_programs_csv(text, name);
    o = {r.ok(), r.diagnostics};
  }
  return o;
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kBadDir)) {
    const auto ext = entry.path().extension();
    if (ext == ".json" || ext == ".csv") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> expected_lines(const fs::path& input) {
  fs::path expect = input;
  expect.replace_extension(".expect");
  std::vector<std::string> lines;
  std::istringstream in(read_file(expect));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

TEST(BadInputs, ThereAreAtLeastSixtyCasesEachWithItsMessage) {
  const auto all = cases();
  EXPECT_GE(all.size(), 60u);
  for (const auto& path : all) {
    fs::path expect = path;
    expect.replace_extension(".expect");
    EXPECT_TRUE(fs::exists(expect)) << "no .expect for " << path.filename();
  }
}

TEST(BadInputs, EachIsRejectedWithItsExpectedMessage) {
  for (const auto& path : cases()) {
    SCOPED_TRACE(path.filename().string());
    const Outcome o = import_case(path);
    std::string got;
    bool any_error = false;
    for (const auto& d : o.diagnostics) {
      got += format_diagnostic(d) + "\n";
      any_error = any_error || d.severity == Severity::Error;
    }
    EXPECT_FALSE(o.has_value) << "imported although malformed:\n" << got;
    EXPECT_TRUE(any_error) << got;
    const auto expected = expected_lines(path);
    EXPECT_FALSE(expected.empty());
    for (const auto& line : expected)
      EXPECT_NE(got.find(line), std::string::npos) << "expected: " << line << "\ngot:\n" << got;
    // Every error names a place: a line, or (for a missing JSON field) the field path.
    for (const auto& d : o.diagnostics)
      if (d.severity == Severity::Error && d.message.find("too many") == std::string::npos)
        EXPECT_TRUE(d.line > 0 || !d.field.empty()) << format_diagnostic(d);
  }
}
