// The ranges of a program's facts (program_rules.h): check_research_fact, which the research form
// refuses with, and the dataset and CSV readers accept and refuse the same values. The ranges
// below are written out from docs/DATA.md and the CSV template's descriptions, not read from core.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "openpick/core/io.h"
#include "openpick/core/program_rules.h"
#include "test_support.h"

using namespace openpick::core;
using openpick::testing::all_messages;
using openpick::testing::find_field;

namespace {

struct Expected {
  const char* field;      // as research_fact_fields() spells it
  int min, max;           // the range, inclusive
  const char* words;      // what the message calls the fact
  const char* json_path;  // the field of a dataset's diagnostics, for programs[0]
  const char* column;     // the CSV template's column
  std::optional<int>& (*value)(Program&);
};

const Expected kWholeNumbers[] = {
    {"positions", 0, 500, "the number of PGY-1 positions", "programs[0].positions", "positions",
     [](Program& p) -> std::optional<int>& { return p.positions; }},
    {"cutoffs.step2ck_min", 1, 300, "a minimum Step 2 CK score", "programs[0].cutoffs.step2ck_min", "step2ck_min",
     [](Program& p) -> std::optional<int>& { return p.cutoffs.step2ck_min; }},
    {"cutoffs.max_years_since_graduation", 0, 60, "the most years since graduation accepted",
     "programs[0].cutoffs.max_years_since_graduation", "max_years_since_graduation",
     [](Program& p) -> std::optional<int>& { return p.cutoffs.max_years_since_graduation; }},
    {"cutoffs.max_attempts", 1, 6, "the most attempts accepted on any Step", "programs[0].cutoffs.max_attempts",
     "max_attempts", [](Program& p) -> std::optional<int>& { return p.cutoffs.max_attempts; }},
};

Program with(const Expected& e, int value) {
  Program p;
  e.value(p) = value;
  return p;
}

// A one-program dataset whose `field` is `value` ("cutoffs.max_attempts" is nested in "cutoffs").
std::string dataset_with(const std::string& field, const std::string& value) {
  std::string fact = "\"" + field + "\": " + value;
  if (field.rfind("cutoffs.", 0) == 0) fact = "\"cutoffs\": {\"" + field.substr(8) + "\": " + value + "}";
  return R"({"schema_version": 1, "name": "t", "version": "1", "as_of": "2026-07", "programs": [
    {"id": "A", "name": "Program A", "specialty": "Internal Medicine", "state": "MS", )" +
         fact + "}]}";
}

std::string csv_with(const std::string& column, const std::string& value) {
  return "id,name,specialty,state," + column + "\nA,Program A,Internal Medicine,MS," + value + "\n";
}

}  // namespace

TEST(ProgramRules, EachWholeNumberIsAcceptedAtBothEndsOfItsRange) {
  for (const Expected& e : kWholeNumbers) {
    SCOPED_TRACE(e.field);
    EXPECT_EQ(check_research_fact(with(e, e.min), e.field), "");
    EXPECT_EQ(check_research_fact(with(e, e.max), e.field), "");
    ASSERT_NE(whole_number_fact(e.field), nullptr);
    EXPECT_EQ(whole_number_fact(e.field)->range.min, e.min);
    EXPECT_EQ(whole_number_fact(e.field)->range.max, e.max);
  }
}

TEST(ProgramRules, AWholeNumberJustOutsideItsRangeIsRefusedNamingTheFactAndTheRange) {
  for (const Expected& e : kWholeNumbers) {
    SCOPED_TRACE(e.field);
    const std::string range = "from " + std::to_string(e.min) + " to " + std::to_string(e.max);
    for (int bad : {e.min - 1, e.max + 1}) {
      const std::string why = check_research_fact(with(e, bad), e.field);
      EXPECT_EQ(why, std::string(e.words) + " is a whole number " + range + ", not " + std::to_string(bad));
    }
  }
}

TEST(ProgramRules, TheMessageSpellsTheRangeOut) {
  // One written out in full, so the wording itself is pinned and not only its parts.
  Program p;
  p.positions = 501;
  EXPECT_EQ(check_research_fact(p, "positions"),
            "the number of PGY-1 positions is a whole number from 0 to 500, not 501");
  p = Program{};
  p.cutoffs.max_attempts = 0;
  EXPECT_EQ(check_research_fact(p, "cutoffs.max_attempts"),
            "the most attempts accepted on any Step is a whole number from 1 to 6, not 0");
}

TEST(ProgramRules, EachFactIsReadFromItsOwnPlace) {
  // A value out of range in one fact says nothing about another: the field-to-value mapping is right.
  for (const Expected& e : kWholeNumbers)
    for (const Expected& other : kWholeNumbers) {
      if (&e == &other) continue;
      SCOPED_TRACE(std::string(e.field) + " out of range, " + other.field + " checked");
      EXPECT_EQ(check_research_fact(with(e, e.max + 1), other.field), "");
    }
}

TEST(ProgramRules, SharesAreFromZeroToOne) {
  for (const char* field : {"img_share", "img_share_non_us"}) {
    SCOPED_TRACE(field);
    ASSERT_NE(share_fact(field), nullptr);
    Program p;
    auto& v = std::string(field) == "img_share" ? p.img_share : p.img_share_non_us;
    for (double ok : {0.0, 0.45, 1.0}) {
      v = ok;
      EXPECT_EQ(check_research_fact(p, field), "") << ok;
    }
    v = 1.5;
    const std::string why = check_research_fact(p, field);
    EXPECT_NE(why.find("share of residents who are"), std::string::npos) << why;
    EXPECT_NE(why.find("from 0 to 1 (0 to 100%), not 1.5 (150%)"), std::string::npos) << why;
    v = -0.01;
    EXPECT_NE(check_research_fact(p, field), "");
  }
  Program p;
  p.img_share_non_us = 2.0;
  EXPECT_EQ(check_research_fact(p, "img_share"), "") << "the other share is not img_share";
  EXPECT_NE(check_research_fact(p, "img_share_non_us").find("non-US-citizen IMGs"), std::string::npos);
}

TEST(ProgramRules, UnknownAndFactsWithoutARangeAreNeverRefused) {
  const Program unknown;  // every number unknown
  for (const Expected& e : kWholeNumbers) EXPECT_EQ(check_research_fact(unknown, e.field), "") << e.field;
  EXPECT_EQ(check_research_fact(unknown, "img_share"), "");
  Program p;
  p.positions = 9999;
  for (const char* field : {"visa.h1b", "name", "rural", "no.such.field"}) {
    EXPECT_EQ(check_research_fact(p, field), "") << field;
    EXPECT_EQ(whole_number_fact(field), nullptr) << field;
  }
}

namespace {

// The dataset and the CSV reader, each given one program whose fact `e` is `value`.
ImportResult<Dataset> read_json(const Expected& e, int value) {
  return parse_dataset_json(dataset_with(e.field, std::to_string(value)), "t.json");
}
ImportResult<Dataset> read_csv(const Expected& e, int value) {
  return parse_programs_csv(csv_with(e.column, std::to_string(value)), "t.csv");
}

}  // namespace

TEST(ProgramRules, BothReadersAcceptAndRefuseWhatTheFormDoes) {
  for (auto* read : {&read_json, &read_csv})
    for (const Expected& e : kWholeNumbers) {
      SCOPED_TRACE(std::string(read == &read_json ? "JSON " : "CSV ") + e.field);
      for (int ok : {e.min, e.max}) {
        const auto r = read(e, ok);
        ASSERT_TRUE(r.ok()) << ok << "\n" << all_messages(r.diagnostics);
        Program got = r.value->programs.at(0);
        EXPECT_EQ(e.value(got), ok);
      }
      for (int bad : {e.min - 1, e.max + 1}) {
        const auto r = read(e, bad);
        EXPECT_FALSE(r.ok()) << bad;
        ASSERT_FALSE(r.diagnostics.empty()) << bad;
        const Diagnostic& d = r.diagnostics[0];
        EXPECT_NE(d.message.find(std::string(e.words) + " (a whole number from " + std::to_string(e.min) + " to " +
                                 std::to_string(e.max) + ")"),
                  std::string::npos)
            << d.message;
        if (read == &read_json) EXPECT_EQ(d.field, e.json_path);
      }
    }
}

TEST(ProgramRules, BothReadersRefuseAShareAboveOne) {
  const auto json = parse_dataset_json(dataset_with("img_share", "1.5"), "t.json");
  EXPECT_FALSE(json.ok());
  ASSERT_NE(find_field(json.diagnostics, "programs[0].img_share"), nullptr) << all_messages(json.diagnostics);
  EXPECT_TRUE(parse_dataset_json(dataset_with("img_share", "1"), "t.json").ok());
  EXPECT_FALSE(parse_programs_csv(csv_with("img_share", "1.5"), "t.csv").ok());
  EXPECT_TRUE(parse_programs_csv(csv_with("img_share", "1"), "t.csv").ok());
}
