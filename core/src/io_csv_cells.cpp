// One row of a program CSV, cell by cell (io_csv_cells.h).
// The mapping is documented in docs/DATA.md and assets/templates/programs_template.csv.
#include "io_csv_cells.h"

#include <algorithm>
#include <cstdlib>

namespace openpick::core::detail {

const std::vector<CsvColumn>& csv_template_columns() {
  // Order matches enum Column and is the order programs_to_csv writes.
  static const std::vector<CsvColumn> kColumns = {
      {"id", true,
       "stable program id (NRMP or ACGME code where known); a sheet without an id column gets ids made from "
       "name, specialty and state"},
      {"name", true, "program name"},
      {"institution", false, "sponsoring institution"},
      {"specialty", true, "specialty, e.g. Internal Medicine"},
      {"track", false,
       "categorical, preliminary, transitional, advanced, primary_care or physician; blank = categorical"},
      {"city", false, "city"},
      {"state", true, "two-letter USPS state code, e.g. MS"},
      {"setting", false, "university, university_affiliated or community; blank = unknown"},
      {"positions", false, "PGY-1 positions, a whole number 0..500; blank = unknown"},
      {"img_share", false, "share of residents who are IMGs: 0.45 or 45%; blank = unknown"},
      {"img_share_non_us", false,
       "share of residents who are non-US-citizen IMGs, where known apart: 0.3 or 30%; blank = unknown"},
      {"visa_j1", false, "accepts J-1 residents: yes/no; blank = unknown"},
      {"visa_h1b", false, "sponsors H-1B: yes/no; blank = unknown"},
      {"step2ck_min", false, "stated minimum Step 2 CK score 1..300; blank = none stated"},
      {"max_years_since_graduation", false, "most years since graduation accepted 0..60; blank = none stated"},
      {"max_attempts", false, "most attempts accepted on any USMLE Step 1..6; blank = none stated"},
      {"usce_required", false, "hands-on US clinical experience required: yes/no; blank = unknown"},
      {"step2ck_min_strict", false,
       "is the Step 2 CK minimum strict? no = applied flexibly (lowers the chance instead of excluding); blank = yes"},
      {"max_years_since_graduation_strict", false, "is the years-since-graduation limit strict? yes/no; blank = yes"},
      {"max_attempts_strict", false, "is the attempts limit strict? yes/no; blank = yes"},
      {"usce_required_strict", false, "is the USCE requirement strict? yes/no; blank = yes"},
      {"rural", false, "rural or underserved: yes/no; blank = unknown"},
      {"accepts_signals", false, "takes ERAS program signals: yes/no; blank = unknown"},
      {"application_service", false,
       "ERAS or ResidencyCAS; blank = by specialty (Emergency Medicine, Obstetrics and Gynecology: ResidencyCAS)"},
  };
  return kColumns;
}

bool is_unknown_marker(std::string_view v) {
  const std::string l = lower_ascii(v);
  return l.empty() || l == "unknown" || l == "n/a" || l == "?";
}

std::optional<double> parse_decimal(std::string_view v) {
  if (!csv_is_plain_number(v)) return std::nullopt;
  const std::string s(v);
  return std::strtod(s.c_str(), nullptr);
}

HeaderMap map_header(const CsvRow& header, const CsvMapping* given, const CsvRow* first_row, DiagnosticSink& sink) {
  HeaderMap out;
  out.column_of.assign(kCsvFieldCount, -1);
  const std::size_t width = header.fields.size();
  if (given) {
    if (given->columns.size() != width) {
      sink.error_pos(header.line, 0, "",
                     "the column mapping given is for " + std::to_string(given->columns.size()) +
                         " columns but the header has " + std::to_string(width) +
                         "; expected the header the mapping was made for");
      return out;
    }
    for (std::size_t k = 0; k < width; ++k) {
      const std::string& was = given->columns[k].header;
      if (alias_key(was) != alias_key(header.fields[k]))
        sink.error_pos(header.line, static_cast<int>(k) + 1, excerpt(csv_trim(header.fields[k])),
                       "column " + csv_column_letters(k + 1) + " is \"" + excerpt(csv_trim(header.fields[k])) +
                           "\" but the column mapping given was made for \"" + excerpt(was) +
                           "\"; expected the header the mapping was made for");
    }
    if (sink.errors() > 0) return out;
    out.mapping = *given;
    for (std::size_t k = 0; k < width; ++k) out.mapping.columns[k].header = std::string(csv_trim(header.fields[k]));
  } else {
    out.mapping = auto_map_columns(header.fields);
  }

  // A title or merged-cells row above the names: the header lacks a required field or has blank
  // names, and the next row reads as names. One error says so (the column-by-column ones would
  // only mislead).
  if (first_row && row_names_columns(first_row->fields)) {
    bool suspicious = false;
    for (const CsvColumnMap& c : out.mapping.columns) suspicious = suspicious || c.header.empty();
    for (Column c : {Column::Name, Column::Specialty, Column::State}) {
      bool present = false;
      for (const CsvColumnMap& m : out.mapping.columns) present = present || m.field == c;
      suspicious = suspicious || !present;
    }
    if (suspicious) {
      sink.error_pos(header.line, 0, "",
                     "the column names seem to take two rows (lines " + std::to_string(header.line) + " and " +
                         std::to_string(first_row->line) +
                         ": a title or merged header row above the names); expected one header row with one "
                         "name per column: delete the row above the names, or merge the two into one");
      return out;
    }
  }

  std::vector<std::string_view> known;
  for (const auto& c : csv_template_columns()) known.push_back(c.name);
  for (std::size_t k = 0; k < width; ++k) {
    const CsvColumnMap& column = out.mapping.columns[k];
    const int number = static_cast<int>(k) + 1;
    if (!column.field) {
      const std::string name = template_key(column.header);
      std::string msg;
      if (name.empty()) {
        msg = "column " + csv_column_letters(k + 1) + " has no name; its cells are not read";
      } else if (given) {
        msg = "column \"" + excerpt(column.header) + "\" (column " + csv_column_letters(k + 1) +
              ") is not read: the column mapping given leaves it out";
      } else {
        msg =
            "unknown column \"" + excerpt(column.header) + "\" (column " + csv_column_letters(k + 1) + ") is not read";
        const std::string guess = closest_name(name, known);
        msg += guess.empty() ? "; expected one of " + join_names(known) : "; did you mean \"" + guess + "\"?";
      }
      sink.warning_pos(header.line, number, excerpt(column.header), msg);
      continue;
    }
    const auto field = static_cast<std::size_t>(*column.field);
    if (field >= kCsvFieldCount) {  // a caller's mapping with a value outside the enum
      sink.error_pos(
          header.line, number, "",
          "column " + csv_column_letters(k + 1) + " is mapped to an unknown field; expected one of CsvField");
      continue;
    }
    const std::string name(to_string(*column.field));
    if (const int before = out.column_of[field]; before >= 0) {
      const std::string& first = out.mapping.columns[static_cast<std::size_t>(before)].header;
      if (template_key(first) == template_key(column.header))
        sink.error_pos(header.line, number, name,
                       "column \"" + name + "\" appears twice (columns " +
                           csv_column_letters(static_cast<std::size_t>(before) + 1) + " and " +
                           csv_column_letters(k + 1) + "); expected each column once");
      else
        sink.error_pos(header.line, number, name,
                       "columns " + csv_column_letters(static_cast<std::size_t>(before) + 1) + " \"" + excerpt(first) +
                           "\" and " + csv_column_letters(k + 1) + " \"" + excerpt(column.header) + "\" both hold " +
                           name +
                           "; expected each field in one column (leave one out, or "
                           "map it to another field)");
      continue;
    }
    out.column_of[field] = static_cast<int>(k);
  }
  // A combined visa column and a J-1 or H-1B column would give the same fact twice.
  const int visa = out.column_of[static_cast<std::size_t>(Column::Visa)];
  for (Column single : {Column::VisaJ1, Column::VisaH1b}) {
    const int other = out.column_of[static_cast<std::size_t>(single)];
    if (visa < 0 || other < 0) continue;
    const auto later = static_cast<std::size_t>(std::max(visa, other));
    sink.error_pos(header.line, static_cast<int>(later) + 1, std::string(to_string(single)),
                   "columns " + csv_column_letters(static_cast<std::size_t>(std::min(visa, other)) + 1) + " and " +
                       csv_column_letters(later + 1) + " both give " + std::string(to_string(single)) + " (\"" +
                       excerpt(out.mapping.columns[static_cast<std::size_t>(visa)].header) +
                       "\" lists the visas sponsored); expected one of them");
  }
  for (Column c : {Column::Name, Column::Specialty, Column::State}) {
    if (out.column_of[static_cast<std::size_t>(c)] >= 0) continue;
    const std::string name(to_string(c));
    sink.error_pos(header.line, 0, name,
                   "missing required column \"" + name +
                       "\"; expected a header row naming at least name, specialty, state (and id, or ids are "
                       "made from those three)");
  }
  return out;
}

bool all_blank(const CsvRow& row) {
  return std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return csv_trim(f).empty(); });
}

Program read_program_row(RowReader& r) {
  Program p;
  if (r.has(Column::Id))
    if (auto v = r.required_text(Column::Id, "a program id")) p.id = *v;
  if (auto v = r.required_text(Column::Name, "a program name")) p.name = *v;
  p.institution = r.text(Column::Institution);
  if (auto v = r.required_text(Column::Specialty, "a specialty such as Internal Medicine")) p.specialty = *v;
  if (auto v = r.enumeration<Track>(Column::Track)) p.track = *v;
  p.city = r.text(Column::City);
  if (auto v = r.required_text(Column::State, "a two-letter state code such as MS")) {
    if (auto code = state_code(*v))
      p.state = *code;
    else
      r.error(Column::State, "unknown state \"" + excerpt(*v) + "\"; expected a two-letter USPS code such as MS");
  }
  // A sheet without an id column: the id is made from name, specialty and state (docs/DATA.md).
  if (!r.has(Column::Id) && !p.name.empty() && !p.specialty.empty() && !p.state.empty())
    p.id = derived_program_id(p.name, p.specialty, p.state);
  p.setting = r.enumeration<Setting>(Column::Setting);
  if (auto v = r.integer(Column::Positions, kPositionsFact)) {
    p.positions = static_cast<int>(*v);
    if (*v == 0)
      r.warning(Column::Positions, "0 positions: the program offers no PGY-1 position and cannot match anyone");
  }
  p.img_share = r.share(Column::ImgShare, kImgShareFact);
  p.img_share_non_us = r.share(Column::ImgShareNonUs, kImgShareNonUsFact);
  if (p.img_share && p.img_share_non_us && *p.img_share_non_us > *p.img_share)
    r.warning(Column::ImgShareNonUs,
              "the non-US IMG share is larger than the share of all IMGs (img_share); check both");
  if (r.has(Column::Visa)) {
    if (const auto v = r.visa()) {
      p.visa.j1 = v->j1;
      p.visa.h1b = v->h1b;
    }
  } else {
    p.visa.j1 = r.boolean(Column::VisaJ1);
    p.visa.h1b = r.boolean(Column::VisaH1b);
  }
  if (auto v = r.cutoff(Column::Step2ckMin, kStep2ckMinFact)) {
    p.cutoffs.step2ck_min = static_cast<int>(*v);
    if (*v > kSuspiciousScore)
      r.warning(Column::Step2ckMin, "a minimum Step 2 CK score of " + std::to_string(*v) +
                                        " would exclude nearly every applicant; check it");
  }
  if (auto v = r.cutoff(Column::MaxYearsSinceGraduation, kMaxYearsSinceGraduationFact))
    p.cutoffs.max_years_since_graduation = static_cast<int>(*v);
  if (auto v = r.cutoff(Column::MaxAttempts, kMaxAttemptsFact)) p.cutoffs.max_attempts = static_cast<int>(*v);
  p.cutoffs.usce_required = r.boolean(Column::UsceRequired);
  p.cutoffs.strict.step2ck_min = r.boolean(Column::Step2ckMinStrict).value_or(true);
  p.cutoffs.strict.max_years_since_graduation = r.boolean(Column::MaxYearsSinceGraduationStrict).value_or(true);
  p.cutoffs.strict.max_attempts = r.boolean(Column::MaxAttemptsStrict).value_or(true);
  p.cutoffs.strict.usce_required = r.boolean(Column::UsceRequiredStrict).value_or(true);
  p.rural = r.boolean(Column::Rural);
  p.accepts_signals = r.boolean(Column::AcceptsSignals);
  p.application_service = r.enumeration<ApplicationService>(Column::ApplicationService);
  return p;
}

}  // namespace openpick::core::detail
