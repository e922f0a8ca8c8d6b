// The JSON engine's own pieces (core/src/json/), apart from the importers that use them: paths and
// their spelling, line and column of an offset, locating a path's value in text, the document's
// values (look-ups, iteration, dump), and reading one long array an element at a time.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../../core/src/io_diagnostics.h"
#include "../../../core/src/json/json_parse.h"
#include "../../../core/src/json/json_path.h"
#include "../../../core/src/json/json_value.h"

namespace {

using namespace openpick::core::detail;

TEST(JsonPath, SpellsMembersAndElements) {
  EXPECT_EQ(path_to_string({}), "");
  const JsonPath p = child(child(child(JsonPath{}, "programs"), 3L), "visa");
  EXPECT_EQ(path_to_string(p), "programs[3].visa");
  EXPECT_EQ(path_to_string(child(p, "j1")), "programs[3].visa.j1");
}

TEST(JsonPath, LineAndColumnCountEveryLineEnding) {
  const std::string t = "a\nb\r\nc\rd";
  EXPECT_EQ(line_column_at(t, 0), std::make_pair(1, 1));
  EXPECT_EQ(line_column_at(t, 2), std::make_pair(2, 1));  // after LF
  EXPECT_EQ(line_column_at(t, 3), std::make_pair(2, 2));  // the CR of a CRLF is still line 2
  EXPECT_EQ(line_column_at(t, 5), std::make_pair(3, 1));  // after CRLF
  EXPECT_EQ(line_column_at(t, 7), std::make_pair(4, 1));  // after a lone CR
  // A byte order mark is not a column.
  EXPECT_EQ(line_column_at("\xEF\xBB\xBFxy", 4), std::make_pair(1, 2));
}

TEST(JsonPath, LineCursorAgreesWithLineColumnAt) {
  const std::string t = "{\n  \"a\": 1,\r\n  \"b\": [2,\r3]\n}";
  LineCursor cursor(t);
  for (std::size_t offset = 0; offset <= t.size(); ++offset) {
    EXPECT_EQ(cursor.peek(offset), line_column_at(t, offset)) << offset;
    cursor.advance_to(offset);
  }
}

TEST(JsonPath, LocatesValuesAndKeys) {
  const std::string t = "{\"a\": 1, \"list\": [10, {\"x\": \"y\"}, [3]], \"esc\\u0061ped\": true}";
  EXPECT_EQ(locate_json(t, {}, false), 0u);
  EXPECT_EQ(locate_json(t, child(JsonPath{}, "a"), false), t.find('1'));
  EXPECT_EQ(locate_json(t, child(JsonPath{}, "a"), true), t.find("\"a\""));
  EXPECT_EQ(locate_json(t, child(child(child(JsonPath{}, "list"), 1L), "x"), false), t.find("\"y\""));
  EXPECT_EQ(locate_json(t, child(child(JsonPath{}, "list"), 2L), false), t.find("[3]"));
  // A key spelled with escapes matches its decoded name.
  EXPECT_EQ(locate_json(t, child(JsonPath{}, "escaped"), false), t.find("true"));
  EXPECT_FALSE(locate_json(t, child(JsonPath{}, "missing"), false));
  EXPECT_FALSE(locate_json(t, child(child(JsonPath{}, "list"), 5L), false));
  // With duplicate keys the last one wins, as in the document.
  const std::string dup = "{\"k\": 1, \"k\": 2}";
  EXPECT_EQ(locate_json(dup, child(JsonPath{}, "k"), false), dup.find('2'));
}

TEST(JsonPath, ScanSkipsWholeValuesAndDecodesStrings) {
  const std::string t = R"(  {"s": "a\"]}", "n": [1, {"x": [2]}]} tail)";
  EXPECT_EQ(skip_ws(t, 0), 2u);
  EXPECT_EQ(skip_value(t, 2), t.find(" tail"));
  const std::size_t s = t.find("\"a");
  EXPECT_EQ(skip_string(t, s), t.find(", \"n\""));
  EXPECT_EQ(decode_string(R"("caf\u00e9 \ud83d\ude00 \n")", 0), "caf\xC3\xA9 \xF0\x9F\x98\x80 \n");
}

TEST(JsonValue, FindsMembersWithAndWithoutAHint) {
  const std::string t = R"({"a": 1, "b": "two", "c": [true, null, 2.5], "d": {"e": -3}})";
  JsonDocument doc;
  DiagnosticSink sink("t.json");
  ASSERT_TRUE(parse_json_document(t, doc, sink));
  const JsonValue& root = doc.root();
  ASSERT_TRUE(root.is_object());
  EXPECT_EQ(root.size(), 4u);
  EXPECT_TRUE(root.contains("c"));
  EXPECT_FALSE(root.contains("z"));
  const JsonValue* hint = nullptr;
  // Asked out of order, the hinted look-up wraps around and finds each one.
  for (const char* key : {"c", "d", "a", "b", "a"}) {
    const JsonValue* v = root.find(key, hint);
    ASSERT_NE(v, nullptr) << key;
    EXPECT_EQ(v, root.find(key)) << key;
  }
  EXPECT_EQ(root.find("z", hint), nullptr);
  EXPECT_EQ(root.find("a")->as_int64(), 1);
  EXPECT_TRUE(root.find("a")->is_number_unsigned());
  EXPECT_EQ(root.find("b")->string(), "two");
  EXPECT_EQ(root.find("d")->find("e")->as_int64(), -3);
  std::vector<std::string> dumps;
  for (const JsonValue& e : root.find("c")->elements()) dumps.push_back(e.dump());
  EXPECT_EQ(dumps, (std::vector<std::string>{"true", "null", "2.5"}));
  std::vector<std::string> keys;
  for (const auto& m : root.members()) keys.emplace_back(m.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(root.find("b")->dump(), "\"two\"");
  EXPECT_EQ(root.dump(), "{...}");
  EXPECT_EQ(root.find("c")->dump(), "[...]");
}

TEST(JsonArrayStream, ReadsElementsOneAtATimeAndKeepsTheOtherMembers) {
  const std::string t = "{\"name\": \"n\", \"programs\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"version\": 2}";
  JsonArrayStream s(t, "programs");
  std::vector<std::string> ids, texts;
  JsonArrayStream::Status st;
  for (st = s.next(); st == JsonArrayStream::Element; st = s.next()) {
    EXPECT_EQ(s.index(), static_cast<long>(ids.size()));
    ids.emplace_back(s.element().find("id")->string());
    texts.emplace_back(s.element_text());
    EXPECT_EQ(t.substr(s.element_offset(), s.element_text().size()), s.element_text());
  }
  ASSERT_EQ(st, JsonArrayStream::Done);
  EXPECT_TRUE(s.array_found());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(texts, (std::vector<std::string>{"{\"id\": \"a\"}", "{\"id\": \"b\"}"}));
  EXPECT_EQ(s.position(), t.size());
  // The root holds the other members, and the array empty.
  EXPECT_EQ(s.root().find("name")->string(), "n");
  EXPECT_EQ(s.root().find("version")->as_int64(), 2);
  EXPECT_TRUE(s.root().find("programs")->is_array());
  EXPECT_TRUE(s.root().find("programs")->empty());
}

TEST(JsonArrayStream, NoArrayOrAnEmptyOne) {
  {
    JsonArrayStream s("{\"name\": \"n\"}", "programs");
    EXPECT_EQ(s.next(), JsonArrayStream::Done);
    EXPECT_FALSE(s.array_found());
  }
  {
    JsonArrayStream s("{\"programs\": []}", "programs");
    EXPECT_EQ(s.next(), JsonArrayStream::Done);
    EXPECT_TRUE(s.array_found());
  }
  {
    JsonArrayStream s("{}", "programs");
    EXPECT_EQ(s.next(), JsonArrayStream::Done);
  }
}

// What the strict parser does not accept ends the stream with Failed (the caller then parses the
// whole text for the diagnostics).
TEST(JsonArrayStream, FailsOnWhatTheStrictParserDeclines) {
  for (const std::string t :
       {"{\"programs\": [1, 2,]}", "{\"programs\": [1 2]}", "[1, 2]", "{\"programs\": [1], \"programs\": [2]}",
        "{\"programs\": [1]} x", "{\"programs\": [18446744073709551616]}"}) {
    JsonArrayStream s(t, "programs");
    JsonArrayStream::Status st;
    int elements = 0;
    for (st = s.next(); st == JsonArrayStream::Element; st = s.next()) ++elements;
    EXPECT_EQ(st, JsonArrayStream::Failed) << t;
    EXPECT_EQ(s.next(), JsonArrayStream::Failed) << t;  // and stays failed
    EXPECT_LE(elements, 2) << t;
  }
}

}  // namespace
