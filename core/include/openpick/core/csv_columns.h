// Which program field each column of a spreadsheet holds: the header cells of a program CSV
// mapped to fields by what people call them ("Program Name", "IMG %", "J1?", "Step 2 cutoff"),
// from one table of aliases (docs/DATA.md lists it), or by a mapping the caller gives.
//
//   CsvMapping m = auto_map_columns({"Program", "State", "Specialty", "IMG %", "Notes"});
//   // m.columns[3].field == CsvField::ImgShare; m.columns[4].field is empty (not read)
//   m.columns[4].field = CsvField::Institution;          // the applicant fixes a column by hand
//   CsvImportResult r = parse_programs_csv(text, "mine.csv", &m);
//   // r.mapping is the mapping used (the automatic one when none was given)
//
// Matching ignores case, spaces and punctuation ("IMG %" and "img%" are one name; "%" and "#"
// count as the words "pct" and "num", so "IMG %" is not "IMG").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/core/program.h"

namespace openpick::core {

// The fields a column can hold: the template's columns, in the order programs_to_csv writes them,
// then Visa, a column listing the visas a program sponsors ("J1/H1B", "None"), which sets both
// visa.j1 and visa.h1b.
enum class CsvField {
  Id,
  Name,
  Institution,
  Specialty,
  Track,
  City,
  State,
  Setting,
  Positions,
  ImgShare,
  ImgShareNonUs,
  VisaJ1,
  VisaH1b,
  Step2ckMin,
  MaxYearsSinceGraduation,
  MaxAttempts,
  UsceRequired,
  Step2ckMinStrict,
  MaxYearsSinceGraduationStrict,
  MaxAttemptsStrict,
  UsceRequiredStrict,
  Rural,
  AcceptsSignals,
  ApplicationService,
  Visa
};
inline constexpr std::size_t kCsvFieldCount = static_cast<std::size_t>(CsvField::Visa) + 1;

// The field's column name in the template ("img_share"; "visa" for the combined column).
std::string_view to_string(CsvField field);
// The field a column name or alias names ("IMG %" -> ImgShare), or nullopt.
std::optional<CsvField> csv_field_from_name(std::string_view header_cell);

struct CsvColumnMap {
  std::string header;             // the header cell as written, trimmed
  std::optional<CsvField> field;  // empty: the column is not read
};
inline bool operator==(const CsvColumnMap& a, const CsvColumnMap& b) {
  return a.header == b.header && a.field == b.field;
}

struct CsvMapping {
  std::vector<CsvColumnMap> columns;  // one per header cell, in the file's order

  // True when every column read is named as in the template (case, spaces and hyphens aside):
  // such a file needs no explanation of where its columns went.
  bool is_template() const;
};
inline bool operator==(const CsvMapping& a, const CsvMapping& b) { return a.columns == b.columns; }

// The automatic mapping of a header row: each cell to the field its name or alias names, or to
// nothing. A field named by two cells is kept on both (parse_programs_csv reports it).
CsvMapping auto_map_columns(const std::vector<std::string>& header);

// A mapping the applicant fixed, remembered, applied to the header of the next file from the same
// sheet: each cell whose name matches a remembered column's (as column names match: case, spaces
// and punctuation aside) takes that column's field, or its "not read"; any other cell is mapped
// automatically. Columns may have moved or been added.
CsvMapping reuse_mapping(const CsvMapping& remembered, const std::vector<std::string>& header);

// "column J "IMG %" -> img_share" / "column E "Notes" -> not read", one line per column, for a
// person to check the mapping (the command line prints these on stderr).
std::vector<std::string> describe_mapping(const CsvMapping& mapping);

// A column's name as a spreadsheet shows it: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string csv_column_name(std::size_t index);

// The header row of a program CSV (its first row, cells as written; empty when the text has no
// rows), and up to `rows` rows after it, for a person to see what each column holds before or
// after an import. Reads no further than that.
struct CsvPreview {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
CsvPreview preview_csv(std::string_view text, std::size_t rows);

// A mapping kept to be reused for the next file from the same sheet (reuse_mapping):
//   {"columns": [{"header": "IMG %", "field": "img_share"}, {"header": "Notes", "field": null}]}
// A field is written by its template column name (to_string). Reading gives nullopt for anything
// that is not such a document (an unknown field name included): a remembered mapping that cannot
// be read is not used.
std::string csv_mapping_to_json(const CsvMapping& mapping);
std::optional<CsvMapping> csv_mapping_from_json(std::string_view text);

// "MS", "ms", "Mississippi", "new york", "N.Y.", "District of Columbia" -> the USPS code; nothing
// for anything else. The CSV reader reads a sheet's state cells with it, the page its forms.
std::optional<std::string> state_code(std::string_view text);

// The id of a program from a sheet without an id column: "<STATE>-<specialty>-<name>", words in
// lower case joined by hyphens ("MS-internal-medicine-sample-one-program"); bytes outside ASCII
// kept as they are. The page gives a program added by hand its id the same way.
std::string derived_program_id(std::string_view name, std::string_view specialty, std::string_view state);

// An import of a program CSV, with the mapping it used (empty when the file has no header).
struct CsvImportResult : ImportResult<Dataset> {
  CsvMapping mapping;
};

}  // namespace openpick::core
