// The two JSON parsers behind parse_json_document give the same document: the fast one (valid
// input, no allocation per value) and nlohmann's SAX parser (every diagnostic). Valid documents of
// every shape our import sees, plus the corners of the grammar: escapes, surrogate pairs, UTF-8,
// numbers at the edges of each type, a BOM, all four whitespace bytes, nesting at the limit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../../../core/src/io_diagnostics.h"
#include "../../../core/src/json/json_parse.h"
#include "../io_generators.h"
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
    case JsonValue::Type::Float:
      EXPECT_EQ(a.dump(), b.dump()) << where;
      EXPECT_EQ(std::signbit(a.as_double()), std::signbit(b.as_double())) << where;
      break;
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
      "{}",
      "[]",
      "0",
      "-0",
      "-0.0",
      "\"\"",
      "null",
      "true",
      "false",
      " \t\r\n{ \t\r\n} \t\r\n",
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
  expect_parsers_agree(std::string(static_cast<std::size_t>(depth), '[') +
                       std::string(static_cast<std::size_t>(depth), ']'));
}

// Floats: the fast parser computes short decimals exactly (Clinger's fast path) and leaves the rest
// to strtod; either way the same double as nlohmann's strtod, bit for bit.
TEST(JsonParsers, AgreeOnManyDecimals) {
  openpick::testing::Draw draw(7);
  std::string text = "[";
  for (int i = 0; i < 20000; ++i) {
    std::string n = draw.between(0, 3) == 0 ? "-" : "";
    const int int_digits = draw.between(1, 10);
    for (int k = 0; k < int_digits; ++k)
      n += static_cast<char>('0' + (k == 0 && int_digits > 1 ? draw.between(1, 9) : draw.between(0, 9)));
    const int frac_digits = draw.between(0, 12);
    if (frac_digits > 0 || draw.between(0, 1) == 0) {
      n += '.';
      for (int k = 0; k < std::max(frac_digits, 1); ++k) n += static_cast<char>('0' + draw.between(0, 9));
    }
    if (draw.between(0, 2) == 0)
      n += (draw.between(0, 1) ? "e" : "E") + std::string(draw.between(0, 1) ? "-" : "+") +
           std::to_string(draw.between(0, 40));
    text += (i ? "," : "") + n;
  }
  text += "]";
  expect_parsers_agree(text);
}

// Strings are scanned 8 bytes at a time: put each kind of special byte at every offset of a window.
TEST(JsonParsers, AgreeOnSpecialBytesAtEveryOffset) {
  const std::vector<std::string> specials = {
      "\\\"", "\\\\", "\\n", "\\u00e9", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\x7F", "~", " "};
  for (const auto& special : specials) {
    for (std::size_t at = 0; at < 20; ++at) {
      const std::string s = std::string(at, 'a') + special + std::string(19 - at, 'b');
      expect_parsers_agree("{\"" + s + "\": \"" + s + "\", \"k\": [\"" + s + s + "\"]}");
    }
  }
  // A raw control byte or a lone continuation byte in a string: an error at any offset.
  for (const std::string bad : {std::string("\x01"), std::string("\x1F"), std::string("\x80"), std::string("\xC3")}) {
    for (std::size_t at = 0; at < 20; ++at) {
      const std::string text = "{\"a\": \"" + std::string(at, 'a') + bad + std::string(19 - at, 'b') + "\"}";
      JsonDocument doc;
      DiagnosticSink sink("bad.json");
      EXPECT_FALSE(openpick::core::detail::parse_json_document(text, doc, sink)) << at;
      EXPECT_EQ(sink.finish(text).size(), 1u) << at;
    }
  }
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
