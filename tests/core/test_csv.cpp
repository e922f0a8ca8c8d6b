#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "openpick/core/csv.h"

using namespace openpick::core;

namespace {

std::vector<std::string> row(std::initializer_list<const char*> cells) {
  std::vector<std::string> out;
  for (const char* c : cells) out.emplace_back(c);
  return out;
}

}  // namespace

TEST(Csv, HeaderAndRowsWithLf) {
  const CsvTable t = parse_csv("id,name\n1,Alpha\n2,Beta\n", "p.csv");
  EXPECT_TRUE(t.diagnostics.empty());
  EXPECT_EQ(t.header, row({"id", "name"}));
  EXPECT_EQ(t.header_line, 1);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[0].fields, row({"1", "Alpha"}));
  EXPECT_EQ(t.rows[1].line, 3);
  EXPECT_EQ(t.rows[1].fields, row({"2", "Beta"}));
}

TEST(Csv, CrlfCrOnlyAndMixedLineEndingsGiveTheSameRows) {
  for (const char* text : {"a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r", "a,b\n1,2\r\n3,4\r", "a,b\r\n1,2\r\n3,4"}) {
    SCOPED_TRACE(text);
    const CsvTable t = parse_csv(text, "x.csv");
    EXPECT_TRUE(t.diagnostics.empty());
    EXPECT_EQ(t.header, row({"a", "b"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].fields, row({"1", "2"}));
    EXPECT_EQ(t.rows[1].fields, row({"3", "4"}));
    EXPECT_EQ(t.rows[1].line, 3);
  }
}

TEST(Csv, ByteOrderMarkIsNotPartOfTheFirstName) {
  const CsvTable t = parse_csv("\xEF\xBB\xBFid,name\r\nx,y\r\n", "bom.csv");
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0], "id");
}

TEST(Csv, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  const CsvTable t = parse_csv(
      "id,name,notes\n"
      "1,\"Sample, Program\",\"says \"\"hi\"\"\"\n"
      "2,\"two\nlines\",\"crlf\r\ninside\"\n"
      "3,plain,\"\"\n",
      "q.csv");
  EXPECT_TRUE(t.diagnostics.empty());
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].fields, row({"1", "Sample, Program", "says \"hi\""}));
  EXPECT_EQ(t.rows[1].fields, row({"2", "two\nlines", "crlf\r\ninside"}));
  EXPECT_EQ(t.rows[1].line, 3);
  // That row holds two embedded line breaks (lines 3-5), so the next one starts on line 6.
  EXPECT_EQ(t.rows[2].line, 6);
  EXPECT_EQ(t.rows[2].fields, row({"3", "plain", ""}));
}

TEST(Csv, BlankLinesAreSkippedButCommaOnlyRowsAreKept) {
  const CsvTable t = parse_csv("a,b\n\n1,2\n,\n\n\n", "b.csv");
  EXPECT_TRUE(t.diagnostics.empty());
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 3);
  EXPECT_EQ(t.rows[1].fields, row({"", ""}));
  EXPECT_EQ(t.rows[1].line, 4);
}

TEST(Csv, EmptyTextHasNoHeader) {
  const CsvTable t = parse_csv("", "e.csv");
  EXPECT_TRUE(t.header.empty());
  EXPECT_EQ(t.header_line, 0);
  EXPECT_TRUE(t.rows.empty());
  EXPECT_TRUE(parse_csv("\xEF\xBB\xBF\r\n\r\n", "e.csv").header.empty());
}

TEST(Csv, UnterminatedQuoteNamesTheOpeningQuote) {
  const CsvTable t = parse_csv("a,b\n1,\"never closed\n2,3\n", "u.csv");
  ASSERT_EQ(t.diagnostics.size(), 1u);
  const Diagnostic& d = t.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.file, "u.csv");
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 3);
  EXPECT_NE(d.message.find("unterminated quoted field"), std::string::npos);
  EXPECT_TRUE(t.has_errors());
}

TEST(Csv, TextAfterClosingQuoteIsAnError) {
  const CsvTable t = parse_csv("a,b\n\"x\"y,2\n", "c.csv");
  ASSERT_EQ(t.diagnostics.size(), 1u);
  EXPECT_EQ(t.diagnostics[0].line, 2);
  EXPECT_EQ(t.diagnostics[0].column, 4);
  EXPECT_NE(t.diagnostics[0].message.find("after the closing quote, got 'y'"), std::string::npos);
  // The stray text is kept rather than dropped.
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].fields[0], "xy");
}

TEST(Csv, QuoteInsideUnquotedFieldIsAnError) {
  const CsvTable t = parse_csv("a,b\n1,say \"hi\"\n", "c.csv");
  ASSERT_EQ(t.diagnostics.size(), 1u);
  EXPECT_EQ(t.diagnostics[0].line, 2);
  EXPECT_EQ(t.diagnostics[0].column, 7);
  EXPECT_NE(t.diagnostics[0].message.find("quote inside an unquoted field"), std::string::npos);
}

TEST(Csv, ColumnsOnTheFirstLineCountFromAfterTheByteOrderMark) {
  const CsvTable t = parse_csv("\xEF\xBB\xBF\"a\"b\n", "c.csv");
  ASSERT_EQ(t.diagnostics.size(), 1u);
  EXPECT_EQ(t.diagnostics[0].column, 4);
}

TEST(Csv, ErrorsAreCapped) {
  std::string text = "a\n";
  for (int i = 0; i < 200; ++i) text += "x\"y\n";
  const CsvTable t = parse_csv(text, "many.csv");
  ASSERT_EQ(t.diagnostics.size(), static_cast<std::size_t>(kMaxCsvErrors) + 1);
  EXPECT_NE(t.diagnostics.back().message.find("too many errors"), std::string::npos);
  EXPECT_EQ(t.rows.size(), 200u);  // reading went on
}

TEST(CsvWrite, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_escape_cell("plain"), "plain");
  EXPECT_EQ(csv_escape_cell(""), "");
  EXPECT_EQ(csv_escape_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_escape_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_escape_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_escape_cell(" padded"), "\" padded\"");
  EXPECT_EQ(csv_row(row({"a", "b,c", ""})), "a,\"b,c\",\n");
}

TEST(CsvWrite, NeutralizesFormulasButNotNumbers) {
  EXPECT_EQ(csv_escape_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_escape_cell("+1+2"), "'+1+2");
  EXPECT_EQ(csv_escape_cell("-cmd"), "'-cmd");
  EXPECT_EQ(csv_escape_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_escape_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_escape_cell("-3"), "-3");
  EXPECT_EQ(csv_escape_cell("+1.5"), "+1.5");
  EXPECT_EQ(csv_escape_cell("-2.5e-3"), "-2.5e-3");
  EXPECT_EQ(csv_escape_cell("'=x"), "''=x");  // so the unescape can take exactly one back
  EXPECT_EQ(csv_escape_cell("it's"), "it's");
  EXPECT_TRUE(csv_is_plain_number("42"));
  EXPECT_TRUE(csv_is_plain_number(".5"));
  EXPECT_FALSE(csv_is_plain_number("-"));
  EXPECT_FALSE(csv_is_plain_number("1e"));
  EXPECT_FALSE(csv_is_plain_number("1-2"));
  EXPECT_FALSE(csv_is_plain_number(""));
}

TEST(CsvWrite, UnescapeUndoesOnlyTheNeutralizingApostrophe) {
  EXPECT_EQ(csv_unescape_cell("'=x"), "=x");
  EXPECT_EQ(csv_unescape_cell("''=x"), "'=x");
  EXPECT_EQ(csv_unescape_cell("'hello"), "'hello");
  EXPECT_EQ(csv_unescape_cell("-3"), "-3");
  EXPECT_EQ(csv_unescape_cell("'"), "'");
}

// Property: any table of cells written with csv_row reads back as the same cells.
TEST(CsvWrite, WriteThenReadGivesTheSameCells) {
  std::mt19937_64 rng(20260701);
  const std::string alphabet = "ab ,\"\n\r'=+-@1.\t";
  const auto draw = [&](std::uint64_t n) { return static_cast<std::size_t>(rng() % n); };
  for (int round = 0; round < 300; ++round) {
    const std::size_t columns = 1 + draw(5);
    std::vector<std::vector<std::string>> cells;
    std::string text = csv_row(std::vector<std::string>(columns, "h"));
    for (std::size_t r = 0, rows = 1 + draw(6); r < rows; ++r) {
      std::vector<std::string> line;
      for (std::size_t c = 0; c < columns; ++c) {
        std::string cell;
        for (std::size_t k = 0, len = draw(7); k < len; ++k) cell.push_back(alphabet[draw(alphabet.size())]);
        line.push_back(cell);
      }
      // A row of one empty cell is a blank line, which the reader skips by design.
      if (columns == 1 && line[0].empty()) line[0] = "x";
      text += csv_row(line);
      cells.push_back(line);
    }
    const CsvTable t = parse_csv(text, "prop.csv");
    ASSERT_TRUE(t.diagnostics.empty()) << text;
    ASSERT_EQ(t.rows.size(), cells.size()) << text;
    for (std::size_t r = 0; r < cells.size(); ++r) {
      ASSERT_EQ(t.rows[r].fields.size(), columns) << text;
      for (std::size_t c = 0; c < columns; ++c) EXPECT_EQ(csv_unescape_cell(t.rows[r].fields[c]), cells[r][c]) << text;
    }
  }
}
