// Shared by the libFuzzer targets in this folder: a failed property check must crash loudly so
// libFuzzer saves the input (a plain assert would vanish in a release build).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "openpick/core/diagnostics.h"

namespace openpick::fuzz {

[[noreturn]] inline void fail(const char* what, const std::string& detail = {}) {
  std::fprintf(stderr, "fuzz property failed: %s\n%s\n", what, detail.c_str());
  std::abort();
}

// Import is all or nothing: a value exactly when there is no error, and every error says what.
template <class Result>
void check_import_contract(const Result& r) {
  if (r.ok() == r.has_errors()) fail("value present iff no error");
  for (const auto& d : r.diagnostics)
    if (d.severity == core::Severity::Error && d.message.empty()) fail("error without a message");
}

}  // namespace openpick::fuzz
