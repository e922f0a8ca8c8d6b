// Errors are values at the boundary: an import returns a result with every problem found (up to
// a limit), each naming the file, line, column and field, and either the whole document or none.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace openpick::core {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;     // the name the caller gave, e.g. "programs.csv"
  int line = 0;         // 1-based; 0 when not tied to a line
  int column = 0;       // 1-based; 0 when not tied to a column
  std::string field;    // e.g. "programs[3].visa.j1" or the CSV column name; may be empty
  std::string message;  // what was wrong and what was expected
};

// "FILE:LINE:COL: error: message" (the form compilers use, so editors can jump to it).
std::string format_diagnostic(const Diagnostic& d);

template <class T>
struct ImportResult {
  std::optional<T> value;  // present only when there is no error
  std::vector<Diagnostic> diagnostics;

  bool ok() const { return value.has_value(); }
  bool has_errors() const {
    for (const auto& d : diagnostics)
      if (d.severity == Severity::Error) return true;
    return false;
  }
};

}  // namespace openpick::core
