#include "openpick/core/csv.h"

#include <cctype>
#include <utility>

namespace openpick::core {

namespace detail {
namespace {

bool is_formula_trigger(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// Whether a spreadsheet could run the text as a formula: it starts with a trigger, or with blanks
// and then one of = + - @ (importers that trim cells, e.g. Google Sheets' "trim whitespace", would
// see the formula).
bool starts_formula(std::string_view s) {
  if (s.empty()) return false;
  if (is_formula_trigger(s[0])) return true;
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  return i > 0 && i < s.size() && is_formula_trigger(s[i]);
}

std::size_t leading_apostrophes(std::string_view cell) {
  std::size_t k = 0;
  while (k < cell.size() && cell[k] == '\'') ++k;
  return k;
}

}  // namespace
}  // namespace detail

// ---- CsvReader: walks the text once, keeping the line and the start of the line so every error
// can name a 1-based line and byte column.

CsvReader::CsvReader(std::string_view text, std::string_view file_name) : text_(text), file_(file_name) {
  // A UTF-8 byte order mark is written by Excel's "CSV UTF-8"; it is not part of the first
  // header name. Columns on line 1 count from after it, as an editor shows them.
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;
}

bool CsvReader::next(CsvRow& row) {
  while (pos_ < text_.size()) {
    row.line = line_;
    row.fields.clear();
    const bool quoted = read_row(row.fields);
    // A line with no characters is not a row (trailing newlines, blank separator lines).
    if (row.fields.size() == 1 && row.fields[0].empty() && !quoted) continue;
    return true;
  }
  return false;
}

int CsvReader::column_at(std::size_t pos) const { return static_cast<int>(pos - line_start_) + 1; }

void CsvReader::error(int line, int column, std::string message) {
  if (errors_ > kMaxCsvErrors) return;
  ++errors_;
  if (errors_ > kMaxCsvErrors) {
    diagnostics_.push_back({Severity::Error, std::string(file_), line, column, "",
                            "too many errors; stopped reporting after " + std::to_string(kMaxCsvErrors)});
    return;
  }
  diagnostics_.push_back({Severity::Error, std::string(file_), line, column, "", std::move(message)});
}

bool CsvReader::at_line_break() const { return pos_ < text_.size() && (text_[pos_] == '\r' || text_[pos_] == '\n'); }

// Consumes one line break (CRLF, LF or a lone CR), appending its bytes to `into` when given.
void CsvReader::take_line_break(std::string* into) {
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
    if (into) into->append("\r\n");
    pos_ += 2;
  } else {
    if (into) into->push_back(text_[pos_]);
    pos_ += 1;
  }
  ++line_;
  line_start_ = pos_;
}

// Reads fields up to and including the row's line break. Returns whether any field was quoted
// (so `""` alone on a line is a row with one empty field, not a blank line).
bool CsvReader::read_row(std::vector<std::string>& fields) {
  bool any_quoted = false;
  for (;;) {
    std::string field;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      any_quoted = true;
      read_quoted(field);
    } else {
      read_unquoted(field);
    }
    fields.push_back(std::move(field));
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (at_line_break()) take_line_break(nullptr);
    return any_quoted;
  }
}

void CsvReader::read_unquoted(std::string& field) {
  bool reported = false;
  const std::size_t begin = pos_;
  while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_break()) {
    if (text_[pos_] == '"' && !reported) {
      error(line_, column_at(pos_),
            "a quote inside an unquoted field; expected the whole field enclosed in quotes, "
            "with each quote inside it doubled (\"\")");
      reported = true;
    }
    ++pos_;
  }
  field.append(text_.substr(begin, pos_ - begin));
}

void CsvReader::read_quoted(std::string& field) {
  const int open_line = line_;
  const int open_column = column_at(pos_);
  ++pos_;  // the opening quote
  for (;;) {
    if (pos_ >= text_.size()) {
      error(open_line, open_column,
            "unterminated quoted field: the quote opened here is never closed (expected a "
            "closing quote before the end of the file)");
      return;
    }
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field.push_back('"');
        pos_ += 2;
        continue;
      }
      ++pos_;  // the closing quote
      break;
    }
    if (c == '\r' || c == '\n') {
      take_line_break(&field);  // a line break inside quotes is part of the value
      continue;
    }
    field.push_back(c);
    ++pos_;
  }
  if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_break()) {
    error(line_, column_at(pos_),
          std::string("expected a comma or the end of the line after the closing quote, got '") + text_[pos_] + "'");
    // Keep the stray text so nothing the user typed is lost silently.
    while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_break()) field.push_back(text_[pos_++]);
  }
}

std::vector<Diagnostic> CsvReader::take_diagnostics() { return std::move(diagnostics_); }

CsvTable parse_csv(std::string_view text, std::string_view file_name) {
  CsvTable table;
  CsvReader reader(text, file_name);
  CsvRow row;
  if (reader.next(row)) {
    table.header = std::move(row.fields);
    table.header_line = row.line;
  }
  while (reader.next(row)) table.rows.push_back(std::move(row));
  table.diagnostics = reader.take_diagnostics();
  return table;
}

bool csv_is_plain_number(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i - from;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t n = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    n += digits();
  }
  if (n == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

std::string csv_escape_cell(std::string_view cell) {
  std::string out;
  // Spreadsheets run a cell starting with = + - @ as a formula (CSV injection); an apostrophe
  // makes them show it as text. Apostrophes already in front get one more, so that
  // csv_unescape_cell can always remove exactly the one added here.
  const std::size_t k = detail::leading_apostrophes(cell);
  if (detail::starts_formula(cell.substr(k)) && !csv_is_plain_number(cell)) out.push_back('\'');
  out.append(cell);
  const bool needs_quotes =
      out.find_first_of(",\"\r\n") != std::string::npos || (!out.empty() && (out.front() == ' ' || out.back() == ' '));
  if (!needs_quotes) return out;
  std::string quoted = "\"";
  for (char c : out) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

std::string csv_unescape_cell(std::string_view cell) {
  const std::size_t k = detail::leading_apostrophes(cell);
  if (k >= 1 && detail::starts_formula(cell.substr(k))) return std::string(cell.substr(1));
  return std::string(cell);
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out.push_back(',');
    out += csv_escape_cell(cells[i]);
  }
  out.push_back('\n');
  return out;
}

}  // namespace openpick::core
