#include <gtest/gtest.h>

#include "openpick/core/diagnostics.h"

using openpick::core::Diagnostic;
using openpick::core::format_diagnostic;
using openpick::core::Severity;

TEST(Diagnostics, FormatsLikeACompiler) {
  Diagnostic d{
      Severity::Error, "programs.csv", 12, 4, "img_share", "expected a share 0..1 or a percentage, got \"lots\""};
  EXPECT_EQ(format_diagnostic(d),
            "programs.csv:12:4: error: img_share: expected a share 0..1 or a percentage, got \"lots\"");
}

TEST(Diagnostics, OmitsMissingLineAndColumn) {
  Diagnostic d{Severity::Warning, "p.json", 0, 0, "", "empty"};
  EXPECT_EQ(format_diagnostic(d), "p.json: warning: empty");
  d.line = 3;
  EXPECT_EQ(format_diagnostic(d), "p.json:3: warning: empty");
}
