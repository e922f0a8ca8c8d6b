// The two JSON parsers behind parse_json_document give the same document: the fast one (valid
// input, no allocation per value) and nlohmann's SAX parser (every diagnostic). Valid documents of
// every shape our import sees, plus the corners of the grammar: escapes, surrogate pairs, UTF-8,
// numbers at the edges of each type, a BOM, all four whitespace bytes, nesting at the limit.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../../core/src/io_detail.h"
#include "io_generators.h"
#include "openpick/core/io.h"

namespace {

using openpick::core::detail::DiagnosticSink;
using openpick::core::detail::JsonDocument;
using openpick::core::detail::JsonValue;

// Same type, same value, same members in the same order. Floats compare bit for bit (-0.0 too).
void expect_same(const JsonValue& a, const JsonValue& b, const std::string& where) {
  ASSERT_EQ(static_cast<int>(a.type()), static_cast<int>(b.type())) << where;
  switch (a.type()) {
    case JsonValue::Type::Boolean: EXPECT_EQ(a.boolean(), b.boolean()) << where; break;
    case JsonValue::Type::Integer:
    case JsonValue::Type::Unsigned: EXPECT_EQ(a.as_uint64(), b.as_uint64()) << where; break;
    case JsonValue::Type::Float: EXPECT_EQ(a.dump(), b.dump()) << where; EXPECT_EQ(std::signbit(a.as_double()), std::signbit(b.as_double())) << where; break;
    case JsonValue::Type::String:
    case JsonValue::Type::Key: EXPECT_EQ(a.string(), b.string()) << where; break;
    case JsonValue::Type::Array: {
      ASSERT_EQ(a.size(), b.size()) << where;
      std::vector<const JsonValue*> eb;
      for (const JsonValue& e : b.elements()) eb.push_back(&e);
      std::size_t i = 0;
      for (const JsonValue& e : a.elements()) {
        expect_same(e, *eb.at(i), where + "[" + std::to_string(i) + "]");
        ++i;
      }
      EXPECT_EQ(i, a.size()) << where;
      break;
    }
    case JsonValue::Type::Object: {
      ASSERT_EQ(a.size(), b.size()) << where;
      std::vector<JsonValue::Member> mb;
      for (const auto& m : b.members()) mb.push_back(m);
      std::size_t i = 0;
      for (const auto& m : a.members()) {
        EXPECT_EQ(m.key, mb.at(i).key) << where;
        expect_same(m.value, mb.at(i).value, where + "." + std::string(m.key));
        ++i;
      }
      EXPECT_EQ(i, a.size()) << where;
      break;
    }
    case JsonValue::Type::Null: break;
  }
}

void expect_parsers_agree(const std::string& text) {
  SCOPED_TRACE(text.size() < 200 ? text : text.substr(0, 200) + "...");
  JsonDocument fast, careful;
  DiagnosticSink s1("a.json"), s2("b.json");
  ASSERT_TRUE(openpick::core::detail::parse_json_document(text, fast, s1));
  ASSERT_TRUE(openpick::core::detail::parse_json_document_careful(text, careful, s2));
  EXPECT_TRUE(s1.finish(text).empty());
  EXPECT_TRUE(s2.finish(text).empty());
  expect_same(fast.root(), careful.root(), "$");
}

TEST(JsonParsers, AgreeOnGeneratedDatasetsAndProfiles) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    openpick::testing::Draw draw(seed);
    expect_parsers_agree(openpick::core::dataset_to_json(openpick::testing::random_dataset(draw, 30, seed % 2 == 0)));
    expect_parsers_agree(openpick::core::profile_to_json(openpick::testing::random_profile(draw)));
  }
}

TEST(JsonParsers, AgreeOnTheCornersOfTheGrammar) {
  const std::vector<std::string> texts = {
      "{}", "[]", "0", "-0", "-0.0", "\"\"", "null", "true", "false", " \t\r\n{ \t\r\n} \t\r\n",
      "\xEF\xBB\xBF{\"a\": 1}",
      R"({"a": [1, -1, 0, 123456789012345678, -123456789012345678, 999999999999999999]})",
      R"({"big": 1234567890123456789, "bigger": 18446744073709551615, "neg": -9223372036854775808})",
      R"({"f": [0.1, 1e5, 1E-5, -2.5e+3, 1.7976931348623157e308, 5e-324, 123456789.123456789]})",
      R"({"esc": "\"\\\/\b\f\n\r\t", "u": "\u00e9\u4e2d\ud83d\ude00\u0000x", "mixed": "a\u0041b"})",
      "{\"utf8\": \"caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80 \x7F\"}",
      R"({"a": {"b": {"c": [[[{"d": null}]]]}}, "e": [true, false, null, "x", 1.5, {}]})",
      R"({"same prefix": 1, "same prefiy": 2, "a": 3, "b": 4, "": 5})",
  };
  for (const auto& t : texts) expect_parsers_agree(t);
  // Nesting at the limit (kMaxJsonDepth levels) is accepted by both.
  const int depth = openpick::core::kMaxJsonDepth;
  expect_parsers_agree(std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']'));
}

// What the fast parser declines still comes out right: through the careful path, same result.
TEST(JsonParsers, DeclinedInputStillParsesOrFailsAsBefore) {
  JsonDocument doc;
  DiagnosticSink sink("x.json");
  ASSERT_TRUE(openpick::core::detail::parse_json_document(R"({"n": 18446744073709551615})", doc, sink));
  EXPECT_TRUE(doc.root().find("n")->is_number_unsigned());
  EXPECT_EQ(doc.root().find("n")->as_uint64(), 18446744073709551615ull);

  JsonDocument dup;
  DiagnosticSink dup_sink("dup.json");
  const std::string dup_text = "{\"a\": 1,\n \"a\": 2}";
  EXPECT_FALSE(openpick::core::detail::parse_json_document(dup_text, dup, dup_sink));
  const auto d = dup_sink.finish(dup_text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_NE(d[0].message.find("duplicate key \"a\""), std::string::npos);
}

}  // namespace
