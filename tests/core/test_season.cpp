// The season's steps (core/season.h): the published days of the 2026 Match with their sources,
// typical months elsewhere, and what is due next on a given day. Expectations from the published
// calendars themselves (AAMC's ERAS timeline for the 2026 season: June 4 and September 24, 2025;
// NRMP: Match Week March 16-20, 2026) and from the typical months, worked out by hand.
#include <gtest/gtest.h>

#include "openpick/core/season.h"
#include "openpick/core/workspace.h"  // read_calendar_date

namespace {

using openpick::core::CalendarDate;
using openpick::core::next_step;
using openpick::core::season_steps;
using openpick::core::SeasonStepId;

TEST(Season, The2026MatchHasItsPublishedDaysAndSources) {
  const auto s = season_steps(2026);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].id, SeasonStepId::ErasOpens);
  EXPECT_TRUE(s[0].dated);
  EXPECT_EQ(s[0].when, "June 4, 2025");
  EXPECT_NE(s[0].source.find("AAMC"), std::string::npos);
  EXPECT_EQ(s[1].when, "September 24, 2025");
  EXPECT_TRUE(s[1].first == (CalendarDate{2025, 9, 24}));
  // No published day in hand for interviews or the rank-list deadline: typical, and said so.
  EXPECT_FALSE(s[2].dated);
  EXPECT_EQ(s[2].when, "October 2025 to January 2026 (typical)");
  EXPECT_FALSE(s[3].dated);
  EXPECT_EQ(s[3].when, "Early March 2026 (typical)");
  EXPECT_TRUE(s[4].dated);
  EXPECT_EQ(s[4].when, "March 16, 2026 to March 20, 2026");
  EXPECT_NE(s[4].source.find("NRMP"), std::string::npos);
}

TEST(Season, AnotherYearIsTypicalMonthsOnly) {
  const auto s = season_steps(2028);
  ASSERT_EQ(s.size(), 5u);
  for (const auto& step : s) {
    EXPECT_FALSE(step.dated) << step.when;
    EXPECT_NE(step.when.find("(typical)"), std::string::npos) << step.when;
  }
  EXPECT_EQ(s[0].when, "June 2027 (typical)");
  EXPECT_EQ(s[4].when, "Mid-March 2028 (typical)");
  // In order, each step's days inside its own span.
  for (std::size_t k = 0; k < s.size(); ++k) {
    EXPECT_FALSE(s[k].last < s[k].first) << k;
    if (k > 0) EXPECT_FALSE(s[k].first < s[k - 1].first) << k;
  }
}

TEST(Season, WhatIsDueNext) {
  const auto s = season_steps(2027);
  // December 3, 2026: interviews are under way (October 2026 to January 2027).
  EXPECT_EQ(next_step(s, {2026, 12, 3}), std::optional<std::size_t>(2));
  // February 1, 2027: interviews are over; the rank list is next.
  EXPECT_EQ(next_step(s, {2027, 2, 1}), std::optional<std::size_t>(3));
  // Spring the year before: ERAS opening is next.
  EXPECT_EQ(next_step(s, {2026, 4, 1}), std::optional<std::size_t>(0));
  // After Match Week the season is over.
  EXPECT_EQ(next_step(s, {2027, 4, 1}), std::nullopt);
  // 2026: on the published day programs start reading, that step is still the one due.
  const auto s26 = season_steps(2026);
  EXPECT_EQ(next_step(s26, {2025, 9, 24}), std::optional<std::size_t>(1));
  EXPECT_EQ(next_step(s26, {2025, 9, 25}), std::optional<std::size_t>(2));
  EXPECT_EQ(next_step(s26, {2026, 3, 20}), std::optional<std::size_t>(4));
  EXPECT_EQ(next_step(s26, {2026, 3, 21}), std::nullopt);
}

}  // namespace

// The day as the workspace writes it: four-digit year, two-digit month and day, read back as the
// same day by the workspace's own reader.
TEST(Season, ADayIsWrittenAsTheWorkspaceReadsIt) {
  EXPECT_EQ(openpick::core::iso_date({2026, 9, 5}), "2026-09-05");
  EXPECT_EQ(openpick::core::iso_date({2027, 12, 31}), "2027-12-31");
  const auto back = openpick::core::read_calendar_date(openpick::core::iso_date({2026, 2, 28}));
  ASSERT_TRUE(back);
  EXPECT_TRUE(*back == (openpick::core::CalendarDate{2026, 2, 28}));
}
