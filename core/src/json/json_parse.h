// The JSON engine's parsers: a whole document (parse_json_document), or an object with one long
// array read an element at a time (JsonArrayStream). Private to core (not installed).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "json_value.h"

namespace openpick::core::detail {

class DiagnosticSink;  // io_diagnostics.h

// Parses `text` into `out` (which then refers to `text`). On malformed JSON, over-deep nesting,
// NaN/Infinity tokens, numbers too large for a double or duplicate keys it reports errors and
// returns false.
//
// Two parsers, one result. A strict parser of our own reads valid documents (the common case) in
// one pass with no allocation per value; it accepts a subset of what nlohmann_json accepts and
// gives the same values. On anything else it gives up and nlohmann's SAX parser runs over the text
// from the start, which produces the exact diagnostics (and the values, for the rare valid text the
// fast parser declines, such as a 20-digit integer).
bool parse_json_document(std::string_view text, JsonDocument& out, DiagnosticSink& sink);
// The careful path alone (tests compare the two parsers' documents with it).
bool parse_json_document_careful(std::string_view text, JsonDocument& out, DiagnosticSink& sink);

// A JSON object whose member `array_key` holds a long array, read one element at a time with the
// strict parser, so a large document is never held as one tree and a caller can spread the work
// over many steps. The root's other members (before and after the array) end up in root(), where
// the array itself appears empty. Anything the strict parser does not accept makes next() return
// Failed: the caller then parses the whole text with parse_json_document for the diagnostics.
//
//   JsonArrayStream s(text, "programs");
//   for (auto st = s.next(); st == JsonArrayStream::Element; st = s.next()) use(s.element(), s.index());
class FastJsonParser;
class JsonDocumentBuilder;

class JsonArrayStream {
 public:
  enum Status { Element, Done, Failed };
  JsonArrayStream(std::string_view text, std::string_view array_key);
  ~JsonArrayStream();
  JsonArrayStream(const JsonArrayStream&) = delete;
  JsonArrayStream& operator=(const JsonArrayStream&) = delete;

  Status next();
  const JsonValue& element() const;  // after Element: valid until the next call
  long index() const { return index_; }
  std::string_view element_text() const { return text_.substr(element_begin_, element_end_ - element_begin_); }
  std::size_t element_offset() const { return element_begin_; }
  std::size_t position() const;                      // bytes read so far
  bool array_found() const { return array_found_; }  // the member was there and an array
  const JsonValue& root() const;                     // after Done

 private:
  enum class Phase { Start, Member, InArray, AfterMember, Done, Failed };
  Status fail();
  Status members();  // reads root members up to the array's first element, or to the end

  std::string_view text_;
  std::string array_key_;
  JsonDocument root_doc_, element_doc_;
  std::unique_ptr<JsonDocumentBuilder> root_, element_;
  std::unique_ptr<FastJsonParser> parser_;
  Phase phase_ = Phase::Start;
  std::size_t root_at_ = 0, root_members_ = 0;
  long index_ = -1;
  std::size_t element_begin_ = 0, element_end_ = 0;
  bool array_found_ = false;
};

}  // namespace openpick::core::detail
