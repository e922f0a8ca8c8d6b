// A generic RFC 4180 CSV reader and writer: text in, values out (no file system).
//
// Reads what real spreadsheets write: an optional UTF-8 byte order mark, CRLF, LF or CR-only line
// endings (mixed in one file too), quoted fields holding commas, doubled quotes ("") and line
// breaks. Malformed quoting is reported as a Diagnostic with the line and the byte column (both
// 1-based) and reading goes on, so several problems come back together.
//
//   CsvTable t = parse_csv("id,name\r\n1,\"Sample, Program\"\r\n", "programs.csv");
//   // t.header == {"id", "name"}; t.rows[0].line == 2; t.rows[0].fields[1] == "Sample, Program"
//
// Writing: csv_row({"a", "b,c"}) == "a,\"b,c\"\n". Cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return, or with blanks and then = + - @) get a leading
// apostrophe unless they are plain numbers such as -3 or +1.5; csv_unescape_cell undoes exactly
// that on the way back in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "openpick/core/diagnostics.h"

namespace openpick::core {

inline constexpr int kMaxCsvErrors = 50;

struct CsvRow {
  int line = 0;  // 1-based line where the row starts (a quoted field may span several lines)
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;      // the first row; empty when the text has no rows at all
  int header_line = 0;                  // 1-based line of the header, 0 when there is none
  std::vector<CsvRow> rows;             // the rows after the header, lines that are empty skipped
  std::vector<Diagnostic> diagnostics;  // malformed quoting (errors); empty when all is well

  bool has_errors() const {
    for (const auto& d : diagnostics)
      if (d.severity == Severity::Error) return true;
    return false;
  }
};

// Reads one row at a time (a large file need not be held as a table; a caller can stop or pause
// between rows). The first row is the header. Lines with no characters are skipped.
//   CsvReader r(text, "programs.csv");
//   for (CsvRow row; r.next(row);) use(row);
class CsvReader {
 public:
  CsvReader(std::string_view text, std::string_view file_name);
  bool next(CsvRow& row);                        // false at the end of the text
  std::size_t position() const { return pos_; }  // bytes read
  bool has_errors() const { return errors_ > 0; }
  std::vector<Diagnostic> take_diagnostics();  // malformed quoting so far

 private:
  int column_at(std::size_t pos) const;
  void error(int line, int column, std::string message);
  bool at_line_break() const;
  void take_line_break(std::string* into);
  bool read_row(std::vector<std::string>& fields);
  void read_unquoted(std::string& field);
  void read_quoted(std::string& field);

  std::string_view text_;
  std::string_view file_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  int errors_ = 0;
  std::vector<Diagnostic> diagnostics_;
};

// Parses the whole text. A line with no characters at all (e.g. a trailing blank line) is not a
// row; a line of only commas is a row of empty fields (the caller decides what that means).
// Errors are capped at kMaxCsvErrors, then one "too many errors" diagnostic ends the list.
CsvTable parse_csv(std::string_view text, std::string_view file_name);

// True when the cell is a plain decimal number (optional sign, digits, optional fraction and
// exponent): such a cell is safe to write even though it may start with - or +.
bool csv_is_plain_number(std::string_view cell);

// One cell as it must appear in a file: formula-neutralized, then quoted when it contains a comma,
// a quote, a line break, or leading/trailing spaces (which some readers trim).
std::string csv_escape_cell(std::string_view cell);

// Undoes the formula neutralization of csv_escape_cell: "'=x" -> "=x". Any other cell is unchanged
// (an apostrophe that does not precede = + - @ tab or CR is the user's own text).
std::string csv_unescape_cell(std::string_view cell);

// One line: the escaped cells joined by commas, ended by "\n" (LF: every reader above accepts it,
// and it keeps exported files byte-identical across platforms).
std::string csv_row(const std::vector<std::string>& cells);

}  // namespace openpick::core
