// An applicant's own spreadsheet: columns mapped by what people call them, cells
// read as people write them, ids made for a sheet without an id column, the mapping returned and
// taken from the caller; what cannot be read unambiguously is an error, never a guess.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../../core/src/csv_columns.h"
#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

using openpick::testing::all_messages;

// One program under a sheet-style header, with one more column.
CsvImportResult with_column(const std::string& header, const std::string& cell) {
  return parse_programs_csv("Program,Specialty,State," + header + "\nDelta IM,Internal Medicine,MS," + cell + "\n",
                            "mine.csv", nullptr);
}

const Diagnostic* first_error(const std::vector<Diagnostic>& ds) {
  for (const auto& d : ds)
    if (d.severity == Severity::Error) return &d;
  return nullptr;
}

TEST(CsvColumns, HeaderCellsMapByWhatPeopleCallThem) {
  const std::pair<const char*, CsvField> cases[] = {
      {"Program", CsvField::Name},
      {"Program Name", CsvField::Name},
      {"program_name", CsvField::Name},
      {"IMG %", CsvField::ImgShare},
      {"% IMGs", CsvField::ImgShare},
      {"IMG share", CsvField::ImgShare},
      {"img_share", CsvField::ImgShare},
      {"Non-US IMG %", CsvField::ImgShareNonUs},
      {"Visa", CsvField::Visa},
      {"Visa sponsorship", CsvField::Visa},
      {"Visas", CsvField::Visa},
      {"J1?", CsvField::VisaJ1},
      {"J-1", CsvField::VisaJ1},
      {"H1B?", CsvField::VisaH1b},
      {"Visa J1", CsvField::VisaJ1},
      {"Step 2 cutoff", CsvField::Step2ckMin},
      {"Min Step 2 CK", CsvField::Step2ckMin},
      {"Step 2 CK minimum", CsvField::Step2ckMin},
      {"YOG cutoff", CsvField::MaxYearsSinceGraduation},
      {"Years since graduation", CsvField::MaxYearsSinceGraduation},
      {"Max YOG", CsvField::MaxYearsSinceGraduation},
      {"USCE required", CsvField::UsceRequired},
      {"USCE", CsvField::UsceRequired},
      {"Positions", CsvField::Positions},
      {"Spots", CsvField::Positions},
      {"# positions", CsvField::Positions},
      {"State", CsvField::State},
      {"City", CsvField::City},
      {"Specialty", CsvField::Specialty},
      {"Institution", CsvField::Institution},
      {"Hospital", CsvField::Institution},
      {"Setting", CsvField::Setting},
      {"Program ID", CsvField::Id},
      {"NRMP code", CsvField::Id},
      {"  PROGRAM-NAME  ", CsvField::Name},
  };
  for (const auto& [cell, field] : cases) {
    const auto got = csv_field_from_name(cell);
    ASSERT_TRUE(got.has_value()) << cell;
    EXPECT_EQ(*got, field) << cell << " -> " << to_string(*got);
  }
  // Not guessed: a bare "IMG" could be a yes/no "IMG friendly"; "%" is a word, not punctuation.
  for (const char* cell : {"IMG", "Notes", "Website", "", "Visa notes", "J1 (2019)", "Sponsor", "Program type", "Type"})
    EXPECT_FALSE(csv_field_from_name(cell).has_value()) << cell;
}

TEST(CsvColumns, NoNameInTheTableBelongsToTwoFields) {
  for (std::size_t k = 0; k < kCsvFieldCount; ++k) {
    const auto field = static_cast<CsvField>(k);
    EXPECT_EQ(csv_field_from_name(to_string(field)), field) << to_string(field);
    for (std::string_view alias : detail::column_aliases(field)) {
      const auto got = csv_field_from_name(alias);
      EXPECT_EQ(got, field) << alias << " is listed for " << to_string(field) << " but maps to "
                            << (got ? to_string(*got) : "nothing");
    }
  }
}

TEST(CsvColumns, DocsListEveryAlias) {
  const std::string docs = openpick::testing::read_source("docs/DATA.md");
  ASSERT_FALSE(docs.empty());
  for (std::size_t k = 0; k < kCsvFieldCount; ++k)
    for (std::string_view alias : detail::column_aliases(static_cast<CsvField>(k)))
      EXPECT_NE(docs.find("`" + std::string(alias) + "`"), std::string::npos) << alias << " is not in docs/DATA.md";
}

TEST(CsvColumns, AnOwnSheetReadsWithItsMappingReturned) {
  const std::string text =
      "Program Name,Hospital,Specialty,State,IMG %,Visa sponsorship,Step 2 cutoff,YOG cutoff,USCE required,Notes\n"
      "Delta Valley IM,Delta Valley Medical Center,Internal Medicine,Mississippi,60%,J-1 & H-1B,220+,5 yrs,N,call\n";
  const CsvImportResult r = parse_programs_csv(text, "mine.csv", nullptr);
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r.diagnostics);  // "Notes" is not read, and said so
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  const Program& p = r.value->programs[0];
  EXPECT_EQ(p.id, "MS-internal-medicine-delta-valley-im");
  EXPECT_EQ(p.name, "Delta Valley IM");
  EXPECT_EQ(p.institution, "Delta Valley Medical Center");
  EXPECT_EQ(p.state, "MS");
  EXPECT_EQ(p.img_share, 0.6);
  EXPECT_EQ(p.visa.j1, true);
  EXPECT_EQ(p.visa.h1b, true);
  EXPECT_EQ(p.cutoffs.step2ck_min, 220);
  EXPECT_EQ(p.cutoffs.max_years_since_graduation, 5);
  EXPECT_EQ(p.cutoffs.usce_required, false);

  ASSERT_EQ(r.mapping.columns.size(), 10u);
  EXPECT_EQ(r.mapping.columns[0].header, "Program Name");
  EXPECT_EQ(r.mapping.columns[0].field, CsvField::Name);
  EXPECT_EQ(r.mapping.columns[5].field, CsvField::Visa);
  EXPECT_FALSE(r.mapping.columns[9].field.has_value());
  EXPECT_FALSE(r.mapping.is_template());
  const auto lines = describe_mapping(r.mapping);
  ASSERT_EQ(lines.size(), 11u);
  EXPECT_EQ(lines[4], "column E \"IMG %\" -> img_share");
  EXPECT_EQ(lines[9], "column J \"Notes\" -> not read");
  EXPECT_EQ(lines[10], "no id column: ids are made from name, specialty and state");
}

TEST(CsvColumns, TheTemplateIsTheTemplate) {
  EXPECT_TRUE(auto_map_columns({"id", "name", "Visa J1", "specialty", "state", "notes"}).is_template());
  EXPECT_FALSE(auto_map_columns({"id", "Program", "specialty", "state"}).is_template());
  EXPECT_FALSE(auto_map_columns({"id", "name", "specialty", "state", "visa"}).is_template());
}

TEST(CsvColumns, VisaCellsAsPeopleWriteThem) {
  struct Case {
    const char* cell;
    bool j1, h1b;
  };
  for (const Case& c : {Case{"J1/H1B", true, true}, Case{"J-1 & H-1B", true, true}, Case{"H-1B only", false, true},
                        Case{"Both", true, true}, Case{"None", false, false}, Case{"J1", true, false},
                        Case{"yes (J-1)", true, false}, Case{"\"h1b, j1\"", true, true}, Case{"J1 or H1B", true, true},
                        Case{"No", false, false}, Case{"J-1 visa", true, false}, Case{"Yes: H1B", false, true}}) {
    const auto r = with_column("Visa", c.cell);
    ASSERT_TRUE(r.ok()) << c.cell << "\n" << all_messages(r.diagnostics);
    EXPECT_EQ(r.value->programs[0].visa.j1, c.j1) << c.cell;
    EXPECT_EQ(r.value->programs[0].visa.h1b, c.h1b) << c.cell;
  }
  const auto blank = with_column("Visa", "");
  ASSERT_TRUE(blank.ok());
  EXPECT_FALSE(blank.value->programs[0].visa.j1.has_value());  // unknown, not "no"
  EXPECT_FALSE(blank.value->programs[0].visa.h1b.has_value());
  for (const char* bad : {"J1 (2019 only)", "maybe", "yes", "J1/J1", "H1", "J1 H1B only", "sometimes J1"}) {
    const auto r = with_column("Visa sponsorship", bad);
    EXPECT_FALSE(r.ok()) << bad;
    const Diagnostic* d = first_error(r.diagnostics);
    ASSERT_NE(d, nullptr) << bad;
    EXPECT_EQ(d->line, 2);
    EXPECT_EQ(d->column, 4);
    EXPECT_EQ(d->field, "visa");
    EXPECT_NE(d->message.find("(column D, \"Visa sponsorship\")"), std::string::npos) << d->message;
  }
  EXPECT_NE(with_column("Visa", "yes").diagnostics[0].message.find("which visa?"), std::string::npos);
}

TEST(CsvColumns, AVisaColumnAndAJ1ColumnAreOneFactTwice) {
  const auto r = parse_programs_csv("Program,Specialty,State,Visa,J1?\nA,IM,MS,J1,yes\n", "v.csv", nullptr);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].line, 1);
  EXPECT_EQ(r.diagnostics[0].column, 5);
  EXPECT_NE(r.diagnostics[0].message.find("columns D and E both give visa_j1"), std::string::npos)
      << r.diagnostics[0].message;
}

TEST(CsvColumns, SharesYearsScoresAndYesNo) {
  EXPECT_EQ(with_column("% IMGs", "60%").value->programs[0].img_share, 0.6);
  EXPECT_EQ(with_column("% IMGs", "0.6").value->programs[0].img_share, 0.6);
  EXPECT_FALSE(with_column("% IMGs", "60").ok());  // 60 or 0.60? not guessed
  for (const char* cell : {"5 yrs", "5 years", "5yrs", "5 y", "5"})
    EXPECT_EQ(with_column("YOG cutoff", cell).value->programs[0].cutoffs.max_years_since_graduation, 5) << cell;
  for (const char* cell : {"none", "No cutoff", "no limit", ""}) {
    const auto r = with_column("YOG cutoff", cell);
    ASSERT_TRUE(r.ok()) << cell;
    EXPECT_FALSE(r.value->programs[0].cutoffs.max_years_since_graduation.has_value()) << cell;
  }
  const auto year = with_column("YOG cutoff", "2019");
  ASSERT_FALSE(year.ok());
  EXPECT_NE(year.diagnostics[0].message.find("a graduation year?"), std::string::npos) << year.diagnostics[0].message;
  EXPECT_FALSE(with_column("YOG cutoff", "5 yrs or less").ok());
  EXPECT_FALSE(with_column("YOG cutoff", "yrs").ok());
  for (const char* cell : {"220", "220+", ">=220", ">= 220",
                           "\xE2\x89\xA5"
                           "220",
                           "min 220"})
    EXPECT_EQ(with_column("Min Step 2 CK", cell).value->programs[0].cutoffs.step2ck_min, 220) << cell;
  EXPECT_FALSE(with_column("Min Step 2 CK", "220-230").ok());
  EXPECT_FALSE(with_column("Min Step 2 CK", ">220").ok());  // 221? not guessed
  EXPECT_FALSE(with_column("Min Step 2 CK", "none").value->programs[0].cutoffs.step2ck_min.has_value());
  EXPECT_EQ(with_column("USCE required", "Y").value->programs[0].cutoffs.usce_required, true);
  EXPECT_EQ(with_column("USCE", "n").value->programs[0].cutoffs.usce_required, false);
  EXPECT_FALSE(with_column("USCE", "preferred").ok());
  EXPECT_EQ(with_column("Setting", "Community-based").value->programs[0].setting, Setting::Community);
  EXPECT_EQ(with_column("Setting", "\"Community-based, university affiliated\"").value->programs[0].setting,
            Setting::UniversityAffiliated);
  EXPECT_FALSE(with_column("Setting", "academic").ok());  // university or university-affiliated?
}

TEST(CsvColumns, StatesByNameOrCode) {
  for (const auto& [cell, code] : std::vector<std::pair<std::string, std::string>>{{"Mississippi", "MS"},
                                                                                   {"new york", "NY"},
                                                                                   {"N.Y.", "NY"},
                                                                                   {"District of Columbia", "DC"},
                                                                                   {"Puerto Rico", "PR"},
                                                                                   {"ar", "AR"},
                                                                                   {"West  Virginia", "WV"}}) {
    const auto r = parse_programs_csv("Program,Specialty,State\nA,IM," + cell + "\n", "s.csv", nullptr);
    ASSERT_TRUE(r.ok()) << cell << "\n" << all_messages(r.diagnostics);
    EXPECT_EQ(r.value->programs[0].state, code) << cell;
  }
  for (const char* bad : {"Miss.", "Missisippi", "XX", "Canada"})
    EXPECT_FALSE(parse_programs_csv(std::string("Program,Specialty,State\nA,IM,") + bad + "\n", "s.csv", nullptr).ok())
        << bad;
}

TEST(CsvColumns, IdsFromNameSpecialtyAndStateAreStableAndNeverMerged) {
  EXPECT_EQ(detail::derived_program_id("St. Mary's  Hospital (IM)", "Internal Medicine", "MS"),
            "MS-internal-medicine-st-mary-s-hospital-im");
  // The same row in another column order, with another spelling of the state: the same id.
  const auto a = parse_programs_csv("Program,Specialty,State\nDelta IM,Internal Medicine,MS\n", "a.csv", nullptr);
  const auto b =
      parse_programs_csv("State,Program,Specialty\nMississippi,Delta IM,Internal Medicine\n", "b.csv", nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.value->programs[0].id, b.value->programs[0].id);
  const auto twice = parse_programs_csv(
      "Program,Specialty,State\nDelta IM,Internal Medicine,MS\nOther,Family Medicine,AR\ndelta im,Internal "
      "Medicine,ms\n",
      "t.csv", nullptr);
  EXPECT_FALSE(twice.ok());
  ASSERT_EQ(twice.diagnostics.size(), 1u) << all_messages(twice.diagnostics);
  EXPECT_EQ(twice.diagnostics[0].line, 4);
  EXPECT_EQ(twice.diagnostics[0].field, "id");
  EXPECT_NE(twice.diagnostics[0].message.find("line 2 give the same id"), std::string::npos);
  // With an id column, the ids are the sheet's own.
  const auto own = parse_programs_csv("NRMP code,Program,Specialty,State\n1234140C0,Delta IM,Internal Medicine,MS\n",
                                      "o.csv", nullptr);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own.value->programs[0].id, "1234140C0");
}

TEST(CsvColumns, AFieldInTwoColumnsIsAnError) {
  const auto r = parse_programs_csv("Program,Program Name,Specialty,State\nA,B,IM,MS\n", "d.csv", nullptr);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r.diagnostics);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            "d.csv:1:2: error: name: columns A \"Program\" and B \"Program Name\" both hold name; expected each "
            "field in one column (leave one out, or map it to another field)");
}

TEST(CsvColumns, AHeaderOverTwoRowsIsNamed) {
  for (const std::string text : {std::string("Program info,,Location,\nProgram,Specialty,City,State\nA,IM,X,MS\n"),
                                 std::string("My list 2027\nProgram,Specialty,State\nA,IM,MS\n")}) {
    const auto r = parse_programs_csv(text, "m.csv", nullptr);
    EXPECT_FALSE(r.ok());
    ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r.diagnostics);
    EXPECT_NE(r.diagnostics[0].message.find("the column names seem to take two rows (lines 1 and 2"), std::string::npos)
        << r.diagnostics[0].message;
  }
  // A header missing a column, above an ordinary row, is only missing that column.
  const auto plain = parse_programs_csv("Program,Specialty\nA,IM\n", "p.csv", nullptr);
  ASSERT_EQ(plain.diagnostics.size(), 1u) << all_messages(plain.diagnostics);
  EXPECT_NE(plain.diagnostics[0].message.find("missing required column \"state\""), std::string::npos);
}

TEST(CsvColumns, TheCallersMappingOverridesTheAutomaticOne) {
  const std::string text = "Program,Specialty,State,Notes,IMG %\nDelta IM,Internal Medicine,MS,Delta Hospital,60%\n";
  CsvMapping m = auto_map_columns({"Program", "Specialty", "State", "Notes", "IMG %"});
  ASSERT_FALSE(m.columns[3].field.has_value());
  m.columns[3].field = CsvField::Institution;  // the applicant's fix
  m.columns[4].field.reset();                  // and a column left out by hand
  const auto r = parse_programs_csv(text, "mine.csv", &m);
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_EQ(r.value->programs[0].institution, "Delta Hospital");
  EXPECT_FALSE(r.value->programs[0].img_share.has_value());
  EXPECT_EQ(r.mapping.columns[3].field, CsvField::Institution);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r.diagnostics);
  EXPECT_NE(r.diagnostics[0].message.find("the column mapping given leaves it out"), std::string::npos);

  // A mapping made for another sheet is refused, naming the column that differs.
  CsvMapping other = auto_map_columns({"Program", "Specialty", "State", "Website", "IMG %"});
  const auto wrong = parse_programs_csv(text, "mine.csv", &other);
  EXPECT_FALSE(wrong.ok());
  ASSERT_EQ(wrong.diagnostics.size(), 1u) << all_messages(wrong.diagnostics);
  EXPECT_EQ(wrong.diagnostics[0].column, 4);
  EXPECT_NE(wrong.diagnostics[0].message.find("made for \"Website\""), std::string::npos);
  CsvMapping narrow = auto_map_columns({"Program", "Specialty", "State"});
  EXPECT_FALSE(parse_programs_csv(text, "mine.csv", &narrow).ok());

  // The caller mapping a field twice gets the same message as a sheet that names it twice.
  CsvMapping twice = auto_map_columns({"Program", "Specialty", "State", "Notes", "IMG %"});
  twice.columns[3].field = CsvField::Name;
  const auto t = parse_programs_csv(text, "mine.csv", &twice);
  EXPECT_FALSE(t.ok());
  EXPECT_NE(all_messages(t.diagnostics).find("both hold name"), std::string::npos) << all_messages(t.diagnostics);
}

TEST(CsvColumns, ARememberedMappingFitsTheNextFileFromTheSameSheet) {
  CsvMapping fixed = auto_map_columns({"Program", "Specialty", "State", "Notes", "IMG %"});
  fixed.columns[3].field = CsvField::Institution;
  fixed.columns[4].field.reset();
  // Next month's export: a column moved, one added, one spelt in other case.
  const CsvMapping next = reuse_mapping(fixed, {"notes", "Program", "State", "Specialty", "IMG %", "J1?"});
  ASSERT_EQ(next.columns.size(), 6u);
  EXPECT_EQ(next.columns[0].field, CsvField::Institution);
  EXPECT_EQ(next.columns[1].field, CsvField::Name);
  EXPECT_EQ(next.columns[3].field, CsvField::Specialty);
  EXPECT_FALSE(next.columns[4].field.has_value());     // left out by hand, left out again
  EXPECT_EQ(next.columns[5].field, CsvField::VisaJ1);  // new: mapped automatically
  EXPECT_EQ(next.columns[0].header, "notes");
  const auto r = parse_programs_csv("notes,Program,State,Specialty,IMG %,J1?\nDelta Hospital,Delta IM,MS,IM,60%,Y\n",
                                    "next.csv", &next);
  ASSERT_TRUE(r.ok()) << all_messages(r.diagnostics);
  EXPECT_EQ(r.value->programs[0].institution, "Delta Hospital");
  EXPECT_EQ(r.value->programs[0].visa.j1, true);
}

TEST(CsvColumns, InStepsWithAMappingReadsAsInOneCall) {
  std::string text = "Program,Specialty,State,Notes,Visa\n";
  for (int k = 0; k < 40; ++k)
    text += "Program " + std::to_string(k) + ",Internal Medicine,MS,Hospital " + std::to_string(k) +
            (k % 3 == 0   ? ",J1/H1B\n"
             : k % 3 == 1 ? ",none\n"
                          : ",J1 (2019 only)\n");
  CsvMapping m = auto_map_columns({"Program", "Specialty", "State", "Notes", "Visa"});
  m.columns[3].field = CsvField::Institution;
  const auto once = parse_programs_csv(text, "s.csv", &m);
  ProgramListImport job(text, "s.csv", m);
  EXPECT_EQ(job.csv_mapping(), nullptr);  // before the header is read
  while (!job.step(1)) {
  }
  ASSERT_NE(job.csv_mapping(), nullptr);
  EXPECT_EQ(job.csv_mapping()->columns[3].field, CsvField::Institution);
  const auto stepped = job.take_result();
  EXPECT_EQ(all_messages(stepped.diagnostics), all_messages(once.diagnostics));
  EXPECT_FALSE(stepped.ok());
  EXPECT_EQ(once.diagnostics.size(), 13u) << all_messages(once.diagnostics);
}

TEST(CsvColumns, TheTemplateReadsAsBeforeThroughEitherCall) {
  const std::string text = "id,name,specialty,state,visa_j1,img_share\nP1,Sample,Internal Medicine,MS,yes,45%\n";
  const auto two = parse_programs_csv(text, "t.csv");
  const auto three = parse_programs_csv(text, "t.csv", nullptr);
  ASSERT_TRUE(two.ok() && three.ok());
  EXPECT_EQ(dataset_to_json(*two.value), dataset_to_json(*three.value));
  EXPECT_TRUE(three.mapping.is_template());
  EXPECT_EQ(three.value->programs[0].id, "P1");
  // Exported programs read back through the automatic mapping unchanged.
  const std::string csv = programs_to_csv(three.value->programs);
  const auto again = parse_programs_csv(csv, "again.csv", nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.mapping.is_template());
  EXPECT_EQ(programs_to_csv(again.value->programs), csv);
}

// The page's preview of a sheet and the mapping it remembers (csv_mapping.cpp).
TEST(CsvColumns, PreviewReadsTheHeaderAndTheFirstRowsOnly) {
  const std::string text = "\xEF\xBB\xBFProgram,\"IMG %\"\r\nOne,\"60%\"\r\nTwo,35%\r\nThree,\"unclosed\r\n";
  const CsvPreview p = preview_csv(text, 2);
  EXPECT_EQ(p.header, (std::vector<std::string>{"Program", "IMG %"}));  // the byte order mark is not a name
  ASSERT_EQ(p.rows.size(), 2u);  // the third row (with its broken quote) is not read
  EXPECT_EQ(p.rows[0], (std::vector<std::string>{"One", "60%"}));
  EXPECT_EQ(p.rows[1], (std::vector<std::string>{"Two", "35%"}));
  EXPECT_TRUE(preview_csv("", 3).header.empty());
  EXPECT_TRUE(preview_csv("a,b\n", 3).rows.empty());
}

TEST(CsvColumns, ARememberedMappingRoundTripsAndAnUnknownFieldIsNotUsed) {
  CsvMapping m = auto_map_columns({"Program", "Sponsor", "IMG %"});
  m.columns[1].field = CsvField::Visa;
  const std::string json = csv_mapping_to_json(m);
  EXPECT_EQ(json, R"({"columns":[{"field":"name","header":"Program"},{"field":"visa","header":"Sponsor"},)"
                  R"({"field":"img_share","header":"IMG %"}]})");
  const auto back = csv_mapping_from_json(json);
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(*back == m);
  m.columns[2].field.reset();
  const auto with_null = csv_mapping_from_json(csv_mapping_to_json(m));
  ASSERT_TRUE(with_null.has_value());
  EXPECT_FALSE(with_null->columns[2].field.has_value());
  // Not a field's template name (an alias is not enough here), not an object, not JSON: not used.
  EXPECT_FALSE(csv_mapping_from_json(R"({"columns":[{"header":"IMG %","field":"IMG %"}]})").has_value());
  EXPECT_FALSE(csv_mapping_from_json(R"({"columns":[{"field":"name"}]})").has_value());
  EXPECT_FALSE(csv_mapping_from_json(R"([1,2])").has_value());
  EXPECT_FALSE(csv_mapping_from_json("{").has_value());
  // Reused on the next file from the sheet, columns moved: "Sponsor" keeps the applicant's field.
  const CsvMapping next = reuse_mapping(*back, {"IMG %", "Notes", "Sponsor", "Program"});
  EXPECT_EQ(next.columns[2].field, CsvField::Visa);
  EXPECT_EQ(next.columns[0].field, CsvField::ImgShare);
  EXPECT_FALSE(next.columns[1].field.has_value());
  EXPECT_EQ(csv_column_name(0), "A");
  EXPECT_EQ(csv_column_name(27), "AB");
}

}  // namespace
