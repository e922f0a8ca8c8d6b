// Programs as CSV, the form a student's spreadsheet can be saved in: the column mapping, lenient
// cell reading (yes/no, 45%, blank = unknown), and deterministic writing.
// The mapping is documented in docs/DATA.md and assets/templates/programs_template.csv.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <unordered_map>

#include "csv_columns.h"
#include "io_detail.h"
#include "openpick/core/csv.h"

namespace openpick::core {

namespace detail {
namespace {

// The template's columns are the first kColumnCount fields (CsvField lists them in this order).
using Column = CsvField;
constexpr std::size_t kColumnCount = static_cast<std::size_t>(CsvField::Visa);

const std::vector<CsvColumn>& columns() {
  // Order matches enum Column and is the order programs_to_csv writes.
  static const std::vector<CsvColumn> kColumns = {
      {"id", true,
       "stable program id (NRMP or ACGME code where known); a sheet without an id column gets ids made from "
       "name, specialty and state"},
      {"name", true, "program name"},
      {"institution", false, "sponsoring institution"},
      {"specialty", true, "specialty, e.g. Internal Medicine"},
      {"track", false, "categorical, preliminary, transitional, advanced, primary_care or physician; blank = categorical"},
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

// Strict decimal syntax first (strtod alone would accept "0x1p3", "inf" and trailing junk).
std::optional<double> parse_decimal(std::string_view v) {
  if (!csv_is_plain_number(v)) return std::nullopt;
  const std::string s(v);
  return std::strtod(s.c_str(), nullptr);
}

// Reads the cells of one row, reporting each problem at the row's line and the cell's column.
class RowReader {
 public:
  RowReader(const CsvRow& row, const std::vector<int>& column_of, const CsvMapping& mapping, DiagnosticSink& sink)
      : row_(row), column_of_(column_of), mapping_(mapping), sink_(sink) {}

  bool has(Column c) const { return column_of_[index(c)] >= 0; }
  std::string_view raw(Column c) const {
    const int k = column_of_[index(c)];
    if (k < 0 || static_cast<std::size_t>(k) >= row_.fields.size()) return {};
    return csv_trim(row_.fields[static_cast<std::size_t>(k)]);
  }

  void error(Column c, const std::string& message) { report(Severity::Error, c, message); }
  void warning(Column c, const std::string& message) { report(Severity::Warning, c, message); }

  std::string text(Column c) { return csv_unescape_cell(raw(c)); }

  std::optional<std::string> required_text(Column c, std::string_view what) {
    std::string v = text(c);
    if (v.empty()) {
      error(c, "expected " + std::string(what) + ", got a blank cell");
      return std::nullopt;
    }
    return v;
  }

  std::optional<long long> integer(Column c, long long lo, long long hi, std::string_view what) {
    const std::string_view v = raw(c);
    if (is_unknown_marker(v)) return std::nullopt;
    return whole_number(c, v, v, lo, hi, what);
  }

  // A stated cutoff as people write it: "none" or "no cutoff" is none stated; "5 yrs" for years,
  // "220+" or ">= 220" for a minimum score.
  std::optional<long long> cutoff(Column c, long long lo, long long hi, std::string_view what) {
    const std::string_view v = raw(c);
    if (is_unknown_marker(v) || says_no_cutoff(v)) return std::nullopt;
    std::string_view number = v;
    if (c == Column::MaxYearsSinceGraduation) number = without_years_unit(v);
    if (c == Column::Step2ckMin) number = without_minimum_mark(v);
    return whole_number(c, v, number, lo, hi, what);
  }

  // The visas a combined column lists; nullopt when blank or unreadable (reported).
  std::optional<VisaCell> visa() {
    const std::string_view v = raw(Column::Visa);
    if (is_unknown_marker(v)) return std::nullopt;
    if (auto cell = read_visa_cell(v)) return cell;
    const std::string l = lower_ascii(v);
    const bool bare_yes = l == "yes" || l == "y" || l == "true" || l == "1";
    error(Column::Visa, "expected the visas the program sponsors (J1, H1B, J1/H1B, both, or none) or blank for "
                        "unknown, got \"" + excerpt(v) + "\"" +
                            (bare_yes ? " (which visa? write J1, H1B or both)" : ""));
    return std::nullopt;
  }

  // 0.45 or 45%: both mean a share of 0.45.
  std::optional<double> share(Column c, std::string_view what) {
    std::string_view v = raw(c);
    if (is_unknown_marker(v)) return std::nullopt;
    std::optional<double> d;
    const bool percent = !v.empty() && v.back() == '%';
    if (percent) {
      const std::string_view digits = csv_trim(v.substr(0, v.size() - 1));
      // "45e-2" is parsed with one rounding, so 33.3% reads as exactly the double 0.333.
      if (csv_is_plain_number(digits) && digits.find_first_of("eE") == std::string_view::npos)
        d = parse_decimal(std::string(digits) + "e-2");
    } else {
      d = parse_decimal(v);
    }
    if (!d || *d < 0.0 || *d > 1.0) {
      std::string message = "expected " + std::string(what) +
                            " (a share from 0 to 1, such as 0.45, or a percentage such as 45%) or "
                            "blank for unknown, got \"" + excerpt(v) + "\"";
      if (d && !percent && *d > 1.0 && *d <= 100.0)
        message += " (a percentage? write " + std::string(v) + "% or " + json_number(*d / 100.0).dump() + ")";
      error(c, message);
      return std::nullopt;
    }
    return d;
  }

  std::optional<bool> boolean(Column c) {
    const std::string_view v = raw(c);
    if (is_unknown_marker(v)) return std::nullopt;
    const std::string l = lower_ascii(v);
    if (l == "yes" || l == "y" || l == "true" || l == "1") return true;
    if (l == "no" || l == "n" || l == "false" || l == "0") return false;
    error(c, "expected yes or no (also true/false, y/n, 1/0) or blank for unknown, got \"" +
                 excerpt(v) + "\"");
    return std::nullopt;
  }

  template <class E>
  std::optional<E> enumeration(Column c) {
    const std::string_view v = raw(c);
    if (is_unknown_marker(v)) return std::nullopt;
    // Cells are read case-blind: "eras" and "ERAS" name the same service.
    const std::string cell = template_key(v);
    for (const auto& item : EnumTable<E>::items)
      if (template_key(item.name) == cell) return item.value;
    if constexpr (std::is_same_v<E, Setting>) {
      if (auto alias = setting_alias(v)) return alias;
    }
    error(c, unknown_enum_message<E>(excerpt(v)) + ", or blank");
    return std::nullopt;
  }

 private:
  static std::size_t index(Column c) { return static_cast<std::size_t>(c); }

  // `v` is the cell as written (for the message), `number` the part that must be the number.
  std::optional<long long> whole_number(Column c, std::string_view v, std::string_view number, long long lo,
                                        long long hi, std::string_view what) {
    const auto d = parse_decimal(number);
    // Range before the whole-number test: casting 1e300 to an integer would be undefined.
    if (!d || *d < static_cast<double>(lo) || *d > static_cast<double>(hi) || *d != std::floor(*d)) {
      std::string message = "expected " + std::string(what) + " (a whole number from " + std::to_string(lo) +
                            " to " + std::to_string(hi) + ") or blank for unknown, got \"" + excerpt(v) + "\"";
      if (c == Column::MaxYearsSinceGraduation && d && *d >= kMinYear && *d <= kMaxYear)
        message += " (a graduation year? write the most years since graduation accepted, such as 5)";
      error(c, message);
      return std::nullopt;
    }
    return static_cast<long long>(*d);
  }

  // Cells are named by the spreadsheet column and, when the header calls it by another name than
  // the template's, by that name too: "(column J)", "(column J, "IMG %")".
  void report(Severity severity, Column c, const std::string& message) {
    const int k = column_of_[index(c)];
    const std::size_t number = static_cast<std::size_t>(k) + 1;
    std::string where = " (column " + csv_column_letters(number);
    const std::string& header = mapping_.columns[static_cast<std::size_t>(k)].header;
    if (template_key(header) != to_string(c)) where += ", \"" + excerpt(header) + "\"";
    Diagnostic d{severity, sink_.file(), row_.line, static_cast<int>(number), std::string(to_string(c)),
                 message + where + ")"};
    sink_.add(std::move(d));
  }

  const CsvRow& row_;
  const std::vector<int>& column_of_;
  const CsvMapping& mapping_;
  DiagnosticSink& sink_;
};

struct HeaderMap {
  CsvMapping mapping;          // the mapping used: the caller's, or the automatic one
  std::vector<int> column_of;  // per CsvField, the 0-based column holding it, or -1
};

// Maps header cells to fields, by the caller's mapping or automatically. Unknown columns are
// warnings (the file still loads, and the user is told which data was not read); a missing
// required column, a field held by two columns, or a header over two rows is an error.
// `first_row` (the row after the header, or null) only explains a header that failed.
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
  for (const auto& c : columns()) known.push_back(c.name);
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
        msg = "unknown column \"" + excerpt(column.header) + "\" (column " + csv_column_letters(k + 1) + ") is not read";
        const std::string guess = closest_name(name, known);
        msg += guess.empty() ? "; expected one of " + join_names(known) : "; did you mean \"" + guess + "\"?";
      }
      sink.warning_pos(header.line, number, excerpt(column.header), msg);
      continue;
    }
    const auto field = static_cast<std::size_t>(*column.field);
    if (field >= kCsvFieldCount) {  // a caller's mapping with a value outside the enum
      sink.error_pos(header.line, number, "", "column " + csv_column_letters(k + 1) +
                                                  " is mapped to an unknown field; expected one of CsvField");
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
                       "columns " + csv_column_letters(static_cast<std::size_t>(before) + 1) + " \"" +
                           excerpt(first) + "\" and " + csv_column_letters(k + 1) + " \"" + excerpt(column.header) +
                           "\" both hold " + name + "; expected each field in one column (leave one out, or "
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
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& f) { return csv_trim(f).empty(); });
}

Program read_row(RowReader& r) {
  Program p;
  if (r.has(Column::Id))
    if (auto v = r.required_text(Column::Id, "a program id")) p.id = *v;
  if (auto v = r.required_text(Column::Name, "a program name")) p.name = *v;
  p.institution = r.text(Column::Institution);
  if (auto v = r.required_text(Column::Specialty, "a specialty such as Internal Medicine")) p.specialty = *v;
  if (auto v = r.enumeration<Track>(Column::Track)) p.track = *v;
  p.city = r.text(Column::City);
  if (auto v = r.required_text(Column::State, "a two-letter state code such as MS")) {
    if (auto code = state_code(*v)) p.state = *code;
    else
      r.error(Column::State, "unknown state \"" + excerpt(*v) +
                                 "\"; expected a two-letter USPS code such as MS");
  }
  // A sheet without an id column: the id is made from name, specialty and state (docs/DATA.md).
  if (!r.has(Column::Id) && !p.name.empty() && !p.specialty.empty() && !p.state.empty())
    p.id = derived_program_id(p.name, p.specialty, p.state);
  p.setting = r.enumeration<Setting>(Column::Setting);
  if (auto v = r.integer(Column::Positions, 0, kMaxPositions, "the number of PGY-1 positions")) {
    p.positions = static_cast<int>(*v);
    if (*v == 0) r.warning(Column::Positions, "0 positions: the program offers no PGY-1 position and cannot match anyone");
  }
  p.img_share = r.share(Column::ImgShare, "the share of residents who are IMGs");
  p.img_share_non_us = r.share(Column::ImgShareNonUs, "the share of residents who are non-US-citizen IMGs");
  if (p.img_share && p.img_share_non_us && *p.img_share_non_us > *p.img_share)
    r.warning(Column::ImgShareNonUs, "the non-US IMG share is larger than the share of all IMGs (img_share); check both");
  if (r.has(Column::Visa)) {
    if (const auto v = r.visa()) {
      p.visa.j1 = v->j1;
      p.visa.h1b = v->h1b;
    }
  } else {
    p.visa.j1 = r.boolean(Column::VisaJ1);
    p.visa.h1b = r.boolean(Column::VisaH1b);
  }
  if (auto v = r.cutoff(Column::Step2ckMin, kMinScore, kMaxScore, "a minimum Step 2 CK score")) {
    p.cutoffs.step2ck_min = static_cast<int>(*v);
    if (*v > kSuspiciousScore)
      r.warning(Column::Step2ckMin, "a minimum Step 2 CK score of " + std::to_string(*v) +
                                        " would exclude nearly every applicant; check it");
  }
  if (auto v = r.cutoff(Column::MaxYearsSinceGraduation, 0, kMaxYearsSinceGraduation,
                         "the most years since graduation accepted"))
    p.cutoffs.max_years_since_graduation = static_cast<int>(*v);
  if (auto v = r.cutoff(Column::MaxAttempts, 1, kMaxAttempts, "the most attempts accepted on any Step"))
    p.cutoffs.max_attempts = static_cast<int>(*v);
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

std::string yes_no(const std::optional<bool>& v) { return !v ? "" : (*v ? "yes" : "no"); }
template <class T>
std::string number_cell(const std::optional<T>& v) {
  return v ? json_optional(v).dump() : std::string();
}

}  // namespace
}  // namespace detail

const std::vector<CsvColumn>& programs_csv_columns() { return detail::columns(); }

namespace detail {
namespace {

// Two passes over the text, each a row at a time: the first checks the quoting and counts the
// rows (a file with quoting errors gets only those: its cells may be misaligned, so cell errors
// would mislead), the second reads the programs. Neither holds the file as a table.
class ProgramsCsvReader final : public ProgramListImport::Reader {
 public:
  ProgramsCsvReader(std::string_view text, std::string_view file_name, const CsvMapping* mapping)
      : text_(text), file_(file_name), sink_(file_name), scan_(text, file_name), rows_(text, file_name) {
    if (mapping) given_ = *mapping;
  }

  bool step(std::size_t programs) override {
    if (phase_ == Phase::Start) start();
    for (std::size_t k = 0; k < programs && phase_ != Phase::Done; ++k) {
      if (phase_ == Phase::Scan) scan_row();
      else read_row_of_programs();
    }
    return phase_ == Phase::Done;
  }

  double progress() const override {
    if (phase_ == Phase::Done || text_.empty()) return 1.0;
    const double size = static_cast<double>(text_.size());
    if (phase_ == Phase::Rows) return 0.4 + 0.6 * static_cast<double>(rows_.position()) / size;
    return 0.4 * static_cast<double>(scan_.position()) / size;
  }

  ImportResult<Dataset> take_result() override { return std::move(result_); }
  const CsvMapping* csv_mapping() const override { return have_mapping_ ? &header_map_.mapping : nullptr; }

 private:
  enum class Phase { Start, Scan, Rows, Done };

  void start() {
    phase_ = Phase::Scan;
    if (looks_like_utf16(text_)) {
      sink_.error_pos(1, 1, "", kUtf16Message);
      return finish();
    }
    if (const auto bad = find_invalid_utf8(text_)) {
      const auto [line, column] = line_column_at(text_, *bad);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text_[*bad])));
      sink_.error_pos(line, column, "",
                      std::string("the file is not UTF-8 (byte ") + hex +
                          "); expected UTF-8 text: in a spreadsheet, save as \"CSV UTF-8\"");
      finish();
    }
  }

  void scan_row() {
    if (!scan_.next(row_)) return end_scan();
    if (!have_header_) {
      header_ = std::move(row_);
      have_header_ = true;
      return;
    }
    if (!have_first_row_ && !all_blank(row_)) {
      first_row_ = row_;  // kept to explain a header over two rows
      have_first_row_ = true;
    }
    if (!all_blank(row_) && ++rows_seen_ > kMaxPrograms) {
      sink_.error_pos(row_.line, 1, "", too_many_programs_message());
      finish();
    }
  }

  void end_scan() {
    for (Diagnostic& d : scan_.take_diagnostics()) sink_.add(std::move(d));
    if (sink_.errors() > 0) return finish();
    if (!have_header_) {
      sink_.error_pos(1, 1, "", "the file is empty; expected a header row (id,name,specialty,state,...) and one row per program");
      return finish();
    }
    // Spreadsheets in many locales save "CSV" with semicolons (or tabs): one giant column results.
    const auto& names = header_.fields;
    if (names.size() == 1 && names[0].find_first_of(";\t") != std::string::npos) {
      const char sep = names[0].find(';') != std::string::npos ? ';' : '\t';
      sink_.error_pos(header_.line, 1, "",
                      std::string("the columns are separated by ") + (sep == ';' ? "semicolons" : "tabs") +
                          "; expected commas (in a spreadsheet, save as \"CSV UTF-8 (comma delimited)\")");
      return finish();
    }
    header_map_ = map_header(header_, given_ ? &*given_ : nullptr, have_first_row_ ? &first_row_ : nullptr, sink_);
    have_mapping_ = true;
    if (sink_.errors() > 0) return finish();
    d_.name = file_;
    d_.source = "CSV file " + file_;
    d_.programs.reserve(rows_seen_);
    CsvRow header;
    rows_.next(header);
    phase_ = Phase::Rows;
  }

  void read_row_of_programs() {
    if (sink_.full() || !rows_.next(row_)) {
      if (d_.programs.empty() && sink_.errors() == 0)
        sink_.error_pos(header_.line, 0, "",
                        "the file has a header but no programs; expected at least one row after the header");
      return finish();
    }
    const CsvRow& row = row_;
    if (all_blank(row)) return;  // spreadsheets export trailing ",,,," rows
    const std::size_t width = header_.fields.size();
    if (row.fields.size() > width) {
      sink_.error_pos(row.line, static_cast<int>(width) + 1, "",
                      "row has " + std::to_string(row.fields.size()) + " cells but the header has " +
                          std::to_string(width) + " columns; expected at most " + std::to_string(width) +
                          " (a value holding a comma must be in quotes)");
      return;
    }
    if (row.fields.size() < width)
      sink_.warning_pos(row.line, static_cast<int>(row.fields.size()) + 1, "",
                        "row has " + std::to_string(row.fields.size()) + " cells but the header has " +
                            std::to_string(width) + " columns; the missing cells are read as blank (unknown)");
    RowReader r(row, header_map_.column_of, header_map_.mapping, sink_);
    Program p = read_row(r);
    if (!p.id.empty()) {
      const auto [it, inserted] = line_with_id_.emplace(p.id, row.line);
      if (inserted) {
      } else if (r.has(Column::Id)) {
        r.error(Column::Id, "duplicate id \"" + p.id + "\" (line " + std::to_string(it->second) +
                                " has it too); expected each id once");
      } else {
        // Two rows are never merged silently: they may be two programs the sheet does not tell apart.
        sink_.error_pos(row.line, 0, "id",
                        "this row and line " + std::to_string(it->second) + " give the same id \"" + p.id +
                            "\" (made from name, specialty and state: the sheet has no id column); expected "
                            "each program once: delete the repeated row, or add an id column to tell them apart");
      }
    }
    d_.programs.push_back(std::move(p));
  }

  void finish() {
    result_.diagnostics = sink_.finish("");
    if (sink_.errors() == 0) result_.value = std::move(d_);
    phase_ = Phase::Done;
  }

  std::string_view text_;
  std::string file_;
  DiagnosticSink sink_;
  CsvReader scan_, rows_;
  Phase phase_ = Phase::Start;
  CsvRow row_, header_;
  bool have_header_ = false;
  std::size_t rows_seen_ = 0;
  std::optional<CsvMapping> given_;
  CsvRow first_row_;
  bool have_first_row_ = false;
  HeaderMap header_map_;
  bool have_mapping_ = false;
  Dataset d_;
  std::unordered_map<std::string, int> line_with_id_;
  ImportResult<Dataset> result_;
};

}  // namespace

std::unique_ptr<ProgramListImport::Reader> make_programs_csv_reader(std::string_view text, std::string_view file_name,
                                                                    const CsvMapping* mapping) {
  return std::make_unique<ProgramsCsvReader>(text, file_name, mapping);
}

std::unique_ptr<ProgramListImport::Reader> make_programs_csv_reader(std::string_view text, std::string_view file_name) {
  return make_programs_csv_reader(text, file_name, nullptr);
}

}  // namespace detail

CsvImportResult parse_programs_csv(std::string_view text, std::string_view file_name, const CsvMapping* mapping) {
  const auto reader = detail::make_programs_csv_reader(text, file_name, mapping);
  while (!reader->step(std::numeric_limits<std::size_t>::max())) {
  }
  CsvImportResult out;
  if (const CsvMapping* used = reader->csv_mapping()) out.mapping = *used;
  static_cast<ImportResult<Dataset>&>(out) = reader->take_result();
  return out;
}

ImportResult<Dataset> parse_programs_csv(std::string_view text, std::string_view file_name) {
  return parse_programs_csv(text, file_name, nullptr);
}

// ---- ProgramListImport ----

ProgramListImport::ProgramListImport(std::string text, std::string file_name, DocumentKind kind)
    : text_(std::move(text)), file_name_(std::move(file_name)) {
  reader_ = kind == DocumentKind::ProgramsCsv ? detail::make_programs_csv_reader(text_, file_name_)
                                              : detail::make_dataset_json_reader(text_, file_name_);
}

ProgramListImport::ProgramListImport(std::string text, std::string file_name, const CsvMapping& mapping)
    : text_(std::move(text)), file_name_(std::move(file_name)) {
  reader_ = detail::make_programs_csv_reader(text_, file_name_, &mapping);
}

ProgramListImport::~ProgramListImport() = default;

const CsvMapping* ProgramListImport::csv_mapping() const { return reader_->csv_mapping(); }

bool ProgramListImport::step(std::size_t programs) { return reader_->step(programs); }
double ProgramListImport::progress() const { return reader_->progress(); }
ImportResult<Dataset> ProgramListImport::take_result() { return reader_->take_result(); }

std::string programs_to_csv(const std::vector<Program>& programs) {
  using namespace detail;
  std::vector<std::string> cells;
  for (const auto& c : columns()) cells.emplace_back(c.name);
  std::string out = csv_row(cells);
  for (const Program& p : programs) {
    cells.assign(kColumnCount, std::string());
    const auto set = [&](Column c, std::string v) { cells[static_cast<std::size_t>(c)] = std::move(v); };
    set(Column::Id, p.id);
    set(Column::Name, p.name);
    set(Column::Institution, p.institution);
    set(Column::Specialty, p.specialty);
    set(Column::Track, std::string(to_string(p.track)));
    set(Column::City, p.city);
    set(Column::State, p.state);
    set(Column::Setting, p.setting ? std::string(to_string(*p.setting)) : std::string());
    set(Column::Positions, number_cell(p.positions));
    set(Column::ImgShare, number_cell(p.img_share));
    set(Column::ImgShareNonUs, number_cell(p.img_share_non_us));
    set(Column::VisaJ1, yes_no(p.visa.j1));
    set(Column::VisaH1b, yes_no(p.visa.h1b));
    set(Column::Step2ckMin, number_cell(p.cutoffs.step2ck_min));
    set(Column::MaxYearsSinceGraduation, number_cell(p.cutoffs.max_years_since_graduation));
    set(Column::MaxAttempts, number_cell(p.cutoffs.max_attempts));
    set(Column::UsceRequired, yes_no(p.cutoffs.usce_required));
    // Strictness is written only where it departs from the default (a flexible cutoff): "no".
    const Cutoffs& c = p.cutoffs;
    const auto flexible = [](bool stated, bool strict) { return stated && !strict ? std::string("no") : std::string(); };
    set(Column::Step2ckMinStrict, flexible(c.step2ck_min.has_value(), c.strict.step2ck_min));
    set(Column::MaxYearsSinceGraduationStrict,
        flexible(c.max_years_since_graduation.has_value(), c.strict.max_years_since_graduation));
    set(Column::MaxAttemptsStrict, flexible(c.max_attempts.has_value(), c.strict.max_attempts));
    set(Column::UsceRequiredStrict, flexible(c.usce_required.has_value(), c.strict.usce_required));
    set(Column::Rural, yes_no(p.rural));
    set(Column::AcceptsSignals, yes_no(p.accepts_signals));
    set(Column::ApplicationService,
        p.application_service ? std::string(to_string(*p.application_service)) : std::string());
    out += csv_row(cells);
  }
  return out;
}

}  // namespace openpick::core
