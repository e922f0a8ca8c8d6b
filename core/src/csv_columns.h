// Internals of the program CSV reader (not installed): the spellings people use, as data, and the
// readers of cells written the way people write them. The tables are in csv_columns.cpp;
// io_csv.cpp reads rows with them. docs/DATA.md lists every alias and spelling.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"

namespace openpick::core::detail {

std::string_view csv_trim(std::string_view s);
std::string lower_ascii(std::string_view s);
// The template's own matching: case-blind, spaces and hyphens as underscores ("Visa J1" =
// "visa_j1"); also used for enum cells ("University affiliated").
std::string template_key(std::string_view s);
// The alias matching: case-blind, every space and punctuation mark dropped, "%" read as "pct" and
// "#" as "num" ("IMG %" -> "imgpct", "J-1?" -> "j1", "# positions" -> "numpositions").
std::string alias_key(std::string_view s);

// Spreadsheet column letters, as a user sees them: 1 -> A, 27 -> AA.
std::string csv_column_letters(std::size_t n);

// The aliases of one field in the table (the template's own name not included), in table order.
std::vector<std::string_view> column_aliases(CsvField field);

// The two visa facts a combined visa cell gives ("J1/H1B", "H-1B only", "None", "yes (J-1)").
struct VisaCell {
  bool j1 = false, h1b = false;
};
// nullopt when the cell cannot be read unambiguously ("yes" alone, "J1 (2019 only)", "maybe");
// the caller has already taken blank and unknown markers.
std::optional<VisaCell> read_visa_cell(std::string_view cell);

using core::state_code;  // public: csv_columns.h

// Cells that say a cutoff column states none: "none", "no cutoff", "no minimum", "no limit", "no".
bool says_no_cutoff(std::string_view cell);
// The number in "5 yrs", "5 years", "5 y" (the cell unchanged when it has no such unit).
std::string_view without_years_unit(std::string_view cell);
// The number in "220+", ">=220", "≥ 220", "min 220" (the cell unchanged otherwise).
std::string_view without_minimum_mark(std::string_view cell);

// Spellings of a setting beyond its names ("Community-based", "University-based",
// "Community-based, university affiliated"), by alias_key; nullopt when the cell is none of them.
// "Academic" is not one: it could mean university or university-affiliated.
std::optional<Setting> setting_alias(std::string_view cell);

using core::derived_program_id;  // public: csv_columns.h

// Whether a row (the first after the header) names columns rather than holding a program: most of
// its cells are column names or aliases. Used only to explain a header that failed to map.
bool row_names_columns(const std::vector<std::string>& cells);

// The CSV reader behind parse_programs_csv and ProgramListImport; `mapping` (may be null: the
// automatic one) is copied.
std::unique_ptr<ProgramListImport::Reader> make_programs_csv_reader(std::string_view text, std::string_view file_name,
                                                                    const CsvMapping* mapping);

}  // namespace openpick::core::detail
