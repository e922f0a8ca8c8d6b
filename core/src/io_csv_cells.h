// One row of a program CSV, cell by cell: the template's columns, the header mapped to fields,
// lenient cell reading (yes/no, 45%, blank = unknown) with each problem reported at its cell, and
// a row read into a Program. The file around the rows (two passes, limits, duplicate ids) is
// io_csv.cpp. Private to core (not installed).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "csv_columns.h"
#include "io_diagnostics.h"
#include "io_enum_names.h"
#include "io_fields.h"
#include "io_program_checks.h"
#include "io_text.h"
#include "openpick/core/csv.h"
#include "openpick/core/io.h"

namespace openpick::core::detail {

// The template's columns are the first kColumnCount fields (CsvField lists them in this order).
using Column = CsvField;
constexpr std::size_t kColumnCount = static_cast<std::size_t>(CsvField::Visa);

// The template's columns in the order programs_to_csv writes them (programs_csv_columns, io.h).
const std::vector<CsvColumn>& csv_template_columns();

// A cell that says "unknown": blank, "unknown", "n/a", "?".
bool is_unknown_marker(std::string_view v);
// Strict decimal syntax first (strtod alone would accept "0x1p3", "inf" and trailing junk).
std::optional<double> parse_decimal(std::string_view v);

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

  // A whole-number fact, against its range (program_rules.h).
  std::optional<long long> integer(Column c, const WholeNumberFact& fact) {
    const std::string_view v = raw(c);
    if (is_unknown_marker(v)) return std::nullopt;
    return whole_number(c, v, v, fact);
  }

  // A stated cutoff as people write it: "none" or "no cutoff" is none stated; "5 yrs" for years,
  // "220+" or ">= 220" for a minimum score.
  std::optional<long long> cutoff(Column c, const WholeNumberFact& fact) {
    const std::string_view v = raw(c);
    if (is_unknown_marker(v) || says_no_cutoff(v)) return std::nullopt;
    std::string_view number = v;
    if (c == Column::MaxYearsSinceGraduation) number = without_years_unit(v);
    if (c == Column::Step2ckMin) number = without_minimum_mark(v);
    return whole_number(c, v, number, fact);
  }

  // The visas a combined column lists; nullopt when blank or unreadable (reported).
  std::optional<VisaCell> visa() {
    const std::string_view v = raw(Column::Visa);
    if (is_unknown_marker(v)) return std::nullopt;
    if (auto cell = read_visa_cell(v)) return cell;
    const std::string l = lower_ascii(v);
    const bool bare_yes = l == "yes" || l == "y" || l == "true" || l == "1";
    error(Column::Visa,
          "expected the visas the program sponsors (J1, H1B, J1/H1B, both, or none) or blank for "
          "unknown, got \"" +
              excerpt(v) + "\"" + (bare_yes ? " (which visa? write J1, H1B or both)" : ""));
    return std::nullopt;
  }

  // 0.45 or 45%: both mean a share of 0.45.
  std::optional<double> share(Column c, const ShareFact& fact) {
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
    if (!d || !in_range(kShareRange, *d)) {
      std::string message = "expected " + std::string(fact.what) +
                            " (a share from 0 to 1, such as 0.45, or a percentage such as 45%) or "
                            "blank for unknown, got \"" +
                            excerpt(v) + "\"";
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
    error(c, "expected yes or no (also true/false, y/n, 1/0) or blank for unknown, got \"" + excerpt(v) + "\"");
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
  std::optional<long long> whole_number(Column c, std::string_view v, std::string_view number,
                                        const WholeNumberFact& fact) {
    const long long lo = fact.range.min;
    const long long hi = fact.range.max;
    const auto d = parse_decimal(number);
    // Range before the whole-number test: casting 1e300 to an integer would be undefined.
    if (!d || *d < static_cast<double>(lo) || *d > static_cast<double>(hi) || *d != std::floor(*d)) {
      std::string message = "expected " + std::string(fact.what) + " (a whole number from " + std::to_string(lo) +
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
    Diagnostic d{
        severity, sink_.file(), row_.line, static_cast<int>(number), std::string(to_string(c)), message + where + ")"};
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
HeaderMap map_header(const CsvRow& header, const CsvMapping* given, const CsvRow* first_row, DiagnosticSink& sink);
bool all_blank(const CsvRow& row);
// The program one row holds (its problems reported through `r`).
Program read_program_row(RowReader& r);

}  // namespace openpick::core::detail
