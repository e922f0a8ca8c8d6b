// Programs from CSV: what real spreadsheets contain (byte order mark, CRLF, quoted commas and
// line breaks, yes/no spellings, blanks, 45% or 0.45), the column mapping and its diagnostics,
// and round trips through programs_to_csv.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "io_generators.h"
#include "openpick/core/csv.h"
#include "openpick/core/io.h"

using namespace openpick::core;
using namespace openpick::testing;  // test_support.h, io_generators.h

namespace {

const std::string kHeader = "id,name,specialty,state";

// One program row with one extra column.
ImportResult<Dataset> with_column(const std::string& column, const std::string& cell) {
  return parse_programs_csv(kHeader + "," + column + "\nP1,Sample Program,Internal Medicine,MS," + cell + "\n",
                            "cell.csv");
}

}  // namespace

TEST(ProgramsCsv, ReadsASpreadsheetExport) {
  const std::string text = read_data("good/programs_excel.csv");
  const auto r = parse_programs_csv(text, "programs_excel.csv");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r.diagnostics);
  const Dataset& d = *r.value;
  EXPECT_EQ(d.name, "programs_excel.csv");
  ASSERT_EQ(d.programs.size(), 3u);  // the trailing row of empty cells is not a program
  const Program& a = d.programs[0];
  EXPECT_EQ(a.id, "SAMPLE-1");
  EXPECT_EQ(a.name, "Sample Delta, Internal Medicine");
  EXPECT_EQ(a.track, Track::Categorical);
  EXPECT_EQ(a.state, "MS");  // "ms" in the file
  EXPECT_EQ(a.setting, Setting::Community);
  EXPECT_EQ(a.positions, 8);
  EXPECT_EQ(a.img_share, 0.45);
  EXPECT_EQ(a.visa.j1, true);
  EXPECT_EQ(a.visa.h1b, false);
  EXPECT_EQ(a.cutoffs.step2ck_min, 220);
  EXPECT_EQ(a.cutoffs.max_years_since_graduation, 5);
  EXPECT_EQ(a.cutoffs.max_attempts, 1);
  EXPECT_EQ(a.cutoffs.usce_required, false);
  EXPECT_EQ(a.rural, true);
  EXPECT_EQ(a.accepts_signals, true);
  const Program& b = d.programs[1];
  EXPECT_EQ(b.name, "Sample \"Quoted\" Program");
  EXPECT_EQ(b.institution, "Sample Hospital\r\nSecond line");
  EXPECT_EQ(b.track, Track::PrimaryCare);
  EXPECT_EQ(b.setting, Setting::UniversityAffiliated);
  EXPECT_EQ(b.img_share, 0.3);
  EXPECT_EQ(b.visa.j1, true);
  EXPECT_EQ(b.visa.h1b, false);
  EXPECT_FALSE(b.cutoffs.step2ck_min);
  EXPECT_EQ(b.cutoffs.usce_required, false);
  EXPECT_EQ(b.rural, true);
  EXPECT_EQ(b.accepts_signals, false);
  const Program& c = d.programs[2];
  EXPECT_EQ(c.track, Track::Categorical);  // blank track
  EXPECT_FALSE(c.setting);
  EXPECT_FALSE(c.positions);
  EXPECT_FALSE(c.img_share);
  EXPECT_FALSE(c.visa.j1);
  EXPECT_FALSE(c.visa.h1b);
  EXPECT_FALSE(c.cutoffs.max_attempts);
  EXPECT_FALSE(c.rural);
  EXPECT_FALSE(c.accepts_signals);
}

TEST(ProgramsCsv, TheShippedTemplateLoadsAndSaysItHoldsExamples) {
  const std::string text = read_source("assets/templates/programs_template.csv");
  const auto r = parse_programs_csv(text, "programs_template.csv");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r.diagnostics);
  ASSERT_EQ(r.value->programs.size(), 2u);
  for (const auto& p : r.value->programs) EXPECT_NE(p.name.find("Example"), std::string::npos);
  // The template's header is exactly the documented column list.
  std::string header;
  for (const auto& c : programs_csv_columns()) header += (header.empty() ? "" : ",") + std::string(c.name);
  EXPECT_EQ(text.substr(0, text.find('\n')), header);
}

TEST(ProgramsCsv, LineEndingsAndByteOrderMarkDoNotChangeTheResult) {
  const std::string lf =
      kHeader + ",img_share\nP1,\"Sample, One\",Internal Medicine,MS,45%\nP2,Two,Family Medicine,AR,0.45\n";
  std::string crlf, cr;
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  const std::string expected = dataset_to_json(*parse_programs_csv(lf, "x.csv").value);
  for (const std::string& text : {crlf, cr, "\xEF\xBB\xBF" + lf, "\xEF\xBB\xBF" + crlf}) {
    const auto r = parse_programs_csv(text, "x.csv");
    ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
    EXPECT_EQ(dataset_to_json(*r.value), expected);
  }
}

TEST(ProgramsCsv, BooleanSpellings) {
  for (const char* yes : {"yes", "YES", "Yes", "y", "Y", "true", "TRUE", "True", "1", " yes "}) {
    const auto r = with_column("visa_h1b", yes);
    ASSERT_TRUE(r.ok()) << yes << all_messages(r.diagnostics);
    EXPECT_EQ(r.value->programs[0].visa.h1b, true) << yes;
  }
  for (const char* no : {"no", "NO", "No", "n", "N", "false", "FALSE", "0"}) {
    const auto r = with_column("visa_h1b", no);
    ASSERT_TRUE(r.ok()) << no;
    EXPECT_EQ(r.value->programs[0].visa.h1b, false) << no;
  }
  for (const char* unknown : {"", "  ", "unknown", "N/A", "?"}) {
    const auto r = with_column("visa_h1b", unknown);
    ASSERT_TRUE(r.ok()) << unknown;
    EXPECT_FALSE(r.value->programs[0].visa.h1b.has_value()) << unknown;
  }
  const auto bad = with_column("visa_h1b", "maybe");
  EXPECT_FALSE(bad.ok());
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(bad.diagnostics[0]),
            "cell.csv:2:5: error: visa_h1b: expected yes or no (also true/false, y/n, 1/0) or blank "
            "for unknown, got \"maybe\" (column E)");
}

TEST(ProgramsCsv, SharesAsFractionsOrPercentages) {
  const std::pair<const char*, double> cases[] = {{"45%", 0.45},    {"0.45", 0.45}, {"45 %", 0.45},
                                                  {"33.3%", 0.333}, {"100%", 1.0},  {"0", 0.0},
                                                  {".6", 0.6},      {"1", 1.0},     {"0%", 0.0}};
  for (const auto& [cell, share] : cases) {
    const auto r = with_column("img_share", cell);
    ASSERT_TRUE(r.ok()) << cell << all_messages(r.diagnostics);
    EXPECT_EQ(r.value->programs[0].img_share, share) << cell;
  }
  const auto pct = with_column("img_share", "45");
  EXPECT_FALSE(pct.ok());
  ASSERT_EQ(pct.diagnostics.size(), 1u);
  EXPECT_NE(pct.diagnostics[0].message.find("a percentage? write 45% or 0.45"), std::string::npos)
      << pct.diagnostics[0].message;
  for (const char* bad : {"120%", "-0.1", "lots", "45%%", "1e2%", "0x1"}) {
    const auto r = with_column("img_share", bad);
    EXPECT_FALSE(r.ok()) << bad;
  }
}

TEST(ProgramsCsv, NumbersEnumsAndStates) {
  EXPECT_EQ(with_column("positions", "12").value->programs[0].positions, 12);
  EXPECT_EQ(with_column("positions", "12.0").value->programs[0].positions, 12);
  EXPECT_FALSE(with_column("positions", "12.5").ok());
  EXPECT_FALSE(with_column("positions", "501").ok());
  EXPECT_FALSE(with_column("positions", "1e400").ok());
  EXPECT_FALSE(with_column("step2ck_min", "0").ok());
  EXPECT_FALSE(with_column("max_attempts", "7").ok());
  EXPECT_EQ(with_column("setting", "University-Affiliated").value->programs[0].setting, Setting::UniversityAffiliated);
  EXPECT_EQ(with_column("track", "TRANSITIONAL").value->programs[0].track, Track::Transitional);
  const auto track = with_column("track", "categorial");
  ASSERT_FALSE(track.ok());
  EXPECT_NE(track.diagnostics[0].message.find("did you mean \"categorical\"?"), std::string::npos);
  // A state's full name is read; a misspelt one is still an error.
  const auto named = parse_programs_csv(kHeader + "\nP1,x,IM,Mississippi\n", "s.csv");
  ASSERT_TRUE(named.ok()) << all_messages(named.diagnostics);
  EXPECT_EQ(named.value->programs[0].state, "MS");
  const auto state = parse_programs_csv(kHeader + "\nP1,x,IM,Missisippi\n", "s.csv");
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.diagnostics[0].column, 4);
  EXPECT_EQ(state.diagnostics[0].field, "state");
}

TEST(ProgramsCsv, UnknownColumnIsReportedNotSilentlyDropped) {
  const auto r = parse_programs_csv(kHeader + ",notes,img_shar\nP1,x,IM,MS,call back,0.4\n", "u.csv");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);  // a warning: the known columns still load
  ASSERT_EQ(r.diagnostics.size(), 2u) << all_messages(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(r.diagnostics[0].line, 1);
  EXPECT_EQ(r.diagnostics[0].column, 5);
  EXPECT_EQ(r.diagnostics[0].field, "notes");
  EXPECT_NE(r.diagnostics[0].message.find("unknown column \"notes\" (column E) is not read"), std::string::npos);
  EXPECT_NE(r.diagnostics[1].message.find("did you mean \"img_share\"?"), std::string::npos);
  EXPECT_FALSE(r.value->programs[0].img_share.has_value());
}

TEST(ProgramsCsv, MissingRequiredColumnsAreNamed) {
  const auto r = parse_programs_csv("id,name,city\nP1,x,Sampleton\n", "m.csv");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 2u) << all_messages(r.diagnostics);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            "m.csv:1: error: specialty: missing required column \"specialty\"; expected a header row "
            "naming at least name, specialty, state (and id, or ids are made from those three)");
  EXPECT_EQ(r.diagnostics[1].field, "state");
}

TEST(ProgramsCsv, CellErrorsNameLineColumnNumberAndColumnName) {
  const auto r = parse_programs_csv(
      "id,name,specialty,state,positions,visa_j1\n"
      "P1,\"two\nline name\",IM,MS,many,yes\n"
      "P2,ok,IM,MS,3,perhaps\n",
      "e.csv");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 2u) << all_messages(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].line, 2);  // the row starts on line 2 even though it spans two
  EXPECT_EQ(r.diagnostics[0].column, 5);
  EXPECT_EQ(r.diagnostics[0].field, "positions");
  EXPECT_EQ(r.diagnostics[1].line, 4);
  EXPECT_EQ(r.diagnostics[1].column, 6);
  EXPECT_EQ(r.diagnostics[1].field, "visa_j1");
}

TEST(ProgramsCsv, ShortRowsWarnLongRowsFail) {
  const auto short_row = parse_programs_csv(kHeader + ",positions\nP1,x,IM,MS\n", "s.csv");
  ASSERT_TRUE(short_row.ok());
  ASSERT_EQ(short_row.diagnostics.size(), 1u);
  EXPECT_EQ(short_row.diagnostics[0].severity, Severity::Warning);
  EXPECT_FALSE(short_row.value->programs[0].positions);
  const auto long_row = parse_programs_csv(kHeader + "\nP1,Sample, Program,IM,MS\n", "l.csv");
  EXPECT_FALSE(long_row.ok());
  EXPECT_NE(long_row.diagnostics[0].message.find("a value holding a comma must be in quotes"), std::string::npos);
}

TEST(ProgramsCsv, NotUtf8IsExplained) {
  const auto r = parse_programs_csv(kHeader + "\nP1,Caf\xE9 Program,IM,MS\n", "latin1.csv");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            "latin1.csv:2:7: error: the file is not UTF-8 (byte 0xE9); expected UTF-8 text: in a "
            "spreadsheet, save as \"CSV UTF-8\"");
}

TEST(ProgramsCsv, FormulaCellsAreNeutralizedOnExportAndRestoredOnImport) {
  Program p;
  p.id = "=1+1";
  p.name = "@SUM(A1:A9)";
  p.specialty = "-Internal Medicine";
  p.state = "MS";
  p.institution = "+cmd|' /C calc'!A0";
  const std::string csv = programs_to_csv({p});
  const std::string row = csv.substr(csv.find('\n') + 1);
  EXPECT_EQ(row.rfind("'=1+1,'@SUM(A1:A9),'+cmd|' /C calc'!A0,'-Internal Medicine,", 0), 0u) << row;
  const auto r = parse_programs_csv(csv, "f.csv");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_EQ(r.value->programs[0].id, "=1+1");
  EXPECT_EQ(r.value->programs[0].name, "@SUM(A1:A9)");
  EXPECT_EQ(r.value->programs[0].institution, p.institution);
}

TEST(ProgramsCsv, RoundTripPropertyOverGeneratedPrograms) {
  Draw d(0x0de7'a11e'0003);
  for (int round = 0; round < 60; ++round) {
    const Dataset original = openpick::testing::random_dataset(d, 1 + static_cast<int>(d.below(40)), true);
    const std::string first = programs_to_csv(original.programs);
    const auto back = parse_programs_csv(first, "gen.csv");
    ASSERT_TRUE(back.ok()) << first << all_messages(back.diagnostics);
    ASSERT_EQ(back.value->programs.size(), original.programs.size());
    for (std::size_t k = 0; k < original.programs.size(); ++k) {
      const Program& a = original.programs[k];
      const Program& b = back.value->programs[k];
      expect_same(a, b, false);
      EXPECT_TRUE(b.sources.empty());  // the CSV form carries no per-fact sources
    }
    ASSERT_EQ(programs_to_csv(back.value->programs), first);
  }
}

TEST(ProgramsCsv, JsonAndCsvAgreeOnTheSamePrograms) {
  Draw d(0x0de7'a11e'0004);
  Dataset original = openpick::testing::random_dataset(d, 50, false);
  for (auto& p : original.programs) p.sources.clear();
  const auto from_csv = parse_programs_csv(programs_to_csv(original.programs), "same.csv");
  ASSERT_TRUE(from_csv.ok());
  Dataset rebuilt = *from_csv.value;
  rebuilt.name = original.name;
  rebuilt.version = original.version;
  rebuilt.as_of = original.as_of;
  rebuilt.source = original.source;
  EXPECT_EQ(dataset_to_json(rebuilt), dataset_to_json(original));
}

TEST(ProgramsCsv, EmptyAndHeaderOnlyFilesAreErrors) {
  const auto empty = parse_programs_csv("", "e.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.diagnostics[0].message.find("the file is empty"), std::string::npos);
  const auto header_only = parse_programs_csv(kHeader + "\r\n", "h.csv");
  ASSERT_FALSE(header_only.ok());
  EXPECT_NE(header_only.diagnostics[0].message.find("no programs"), std::string::npos);
}

// A cutoff's strictness column: "no" makes it flexible, blank (or yes) keeps it strict.
TEST(ProgramsCsv, StrictnessColumnsMarkAFlexibleCutoff) {
  const auto r = parse_programs_csv(
      kHeader +
          ",img_share,img_share_non_us,step2ck_min,step2ck_min_strict,max_attempts,max_attempts_strict\n"
          "P1,One,Internal Medicine,MS,60%,45%,220,no,1,\n"
          "P2,Two,Internal Medicine,MS,,,225,yes,2,N\n",
      "strict.csv");
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  const Program& a = r.value->programs.at(0);
  EXPECT_EQ(a.img_share_non_us, 0.45);
  EXPECT_EQ(a.cutoffs.step2ck_min, 220);
  EXPECT_FALSE(a.cutoffs.strict.step2ck_min);
  EXPECT_TRUE(a.cutoffs.strict.max_attempts) << "blank: strict, as stated";
  const Program& b = r.value->programs.at(1);
  EXPECT_TRUE(b.cutoffs.strict.step2ck_min);
  EXPECT_FALSE(b.cutoffs.strict.max_attempts);
  // Written back: "no" only where a stated cutoff is flexible.
  const std::string out = programs_to_csv(r.value->programs);
  const auto again = parse_programs_csv(out, "again.csv");
  ASSERT_TRUE(again.ok()) << out << all_messages(again.diagnostics);
  EXPECT_FALSE(again.value->programs.at(0).cutoffs.strict.step2ck_min);
  EXPECT_FALSE(again.value->programs.at(1).cutoffs.strict.max_attempts);
  EXPECT_TRUE(again.value->programs.at(1).cutoffs.strict.step2ck_min);
}

TEST(ProgramsCsv, AnUnreadableStrictnessCellIsNamed) {
  const auto r = with_column("step2ck_min_strict", "sometimes");
  EXPECT_FALSE(r.ok());
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.front().field, "step2ck_min_strict");
  EXPECT_EQ(r.diagnostics.front().line, 2);
  EXPECT_EQ(r.diagnostics.front().column, 5);
}
