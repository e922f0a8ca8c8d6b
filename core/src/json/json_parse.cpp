// parse_json_document: the fast parser, and the careful path (nlohmann's SAX parser) for the
// exact diagnostics (json_parse.h).
#include "json_parse.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../io_diagnostics.h"
#include "../io_text.h"
#include "json_fast_parser.h"
#include "json_path.h"

namespace openpick::core::detail {

namespace {

// Builds the document from nlohmann's SAX events (the fallback parse), and on the way catches what
// a plain DOM would hide: duplicate keys (the last silently wins) and numbers too large for a double
// (nlohmann stores them as infinity).
class SaxDocumentBuilder {
 public:
  using number_integer_t = nlohmann::json::number_integer_t;
  using number_unsigned_t = nlohmann::json::number_unsigned_t;
  using number_float_t = nlohmann::json::number_float_t;
  using string_t = nlohmann::json::string_t;
  using binary_t = nlohmann::json::binary_t;
  using Type = JsonValue::Type;

  SaxDocumentBuilder(JsonDocument& doc, DiagnosticSink& sink) : out_(doc), sink_(sink) {}

  bool null() {
    return put([&] { out_.add(Type::Null); });
  }
  bool boolean(bool v) {
    return put([&] { out_.add_bool(v); });
  }
  bool number_integer(number_integer_t v) {
    return put([&] { out_.add_integer(v); });
  }
  bool number_unsigned(number_unsigned_t v) {
    return put([&] { out_.add_unsigned(v); });
  }
  bool number_float(number_float_t v, const string_t& spelled) {
    if (!std::isfinite(v)) {
      sink_.error_at(current_path(), "the number " + spelled +
                                         " is too large to represent; expected a number in the "
                                         "field's range");
      return put([&] { out_.add(Type::Null); });
    }
    return put([&] { out_.add_float(v); });
  }
  bool string(string_t& v) {
    return put([&] { out_.add_owned_string(Type::String, std::move(v)); });
  }
  bool binary(binary_t&) {
    return put([&] { out_.add(Type::Null); });
  }  // JSON text never produces binary

  bool start_object(std::size_t) {
    put([] {});
    frames_.push_back({out_.open(Type::Object), false, 0, std::string()});
    return true;
  }
  bool key(string_t& k) {
    Frame& f = frames_.back();
    if (out_.has_key(f.at, k, out_.size())) {
      sink_.error_at(child(frame_path(frames_.size() - 1), k),
                     "duplicate key \"" + k +
                         "\"; expected each key once per object (the later "
                         "value would silently replace the earlier one)",
                     true);
    }
    f.key = k;
    out_.add_owned_string(Type::Key, std::move(k));
    return true;
  }
  bool end_object() { return end(); }
  bool start_array(std::size_t) {
    put([] {});
    frames_.push_back({out_.open(Type::Array), true, 0, std::string()});
    return true;
  }
  bool end_array() { return end(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    failed_ = true;
    error_position_ = position;
    error_message_ = ex.what();
    return false;
  }

  bool failed() const { return failed_; }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_message() const { return error_message_; }

 private:
  struct Frame {
    std::size_t at;  // the container's slot
    bool is_array;
    long count;       // members or elements put so far (an open child included)
    std::string key;  // the member being filled, for objects
  };

  // Counts the value about to be added in its container, then adds it.
  template <class Add>
  bool put(const Add& add) {
    if (!frames_.empty()) ++frames_.back().count;
    add();
    return true;
  }
  bool end() {
    out_.close(frames_.back().at, static_cast<std::size_t>(frames_.back().count));
    frames_.pop_back();
    return true;
  }

  // The path of frame `depth` itself (each frame is a member or an element of the one before).
  JsonPath frame_path(std::size_t depth) const {
    JsonPath path;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& f = frames_[i];
      if (f.is_array)
        path.push_back({std::string(), f.count - 1});
      else
        path.push_back({f.key, -1});
    }
    return path;
  }
  // The path of the value about to be put.
  JsonPath current_path() const {
    JsonPath path = frame_path(frames_.size() - (frames_.empty() ? 0 : 1));
    if (!frames_.empty()) {
      const Frame& f = frames_.back();
      if (f.is_array)
        path.push_back({std::string(), f.count});
      else
        path.push_back({f.key, -1});
    }
    return path;
  }

  JsonDocumentBuilder out_;
  DiagnosticSink& sink_;
  std::vector<Frame> frames_;
  bool failed_ = false;
  std::size_t error_position_ = 0;
  std::string error_message_;
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix:
// we print our own position in the compiler form.
std::string clean_parse_message(const std::string& what) {
  const std::size_t at = what.find("column ");
  if (at != std::string::npos) {
    const std::size_t colon = what.find(": ", at);
    if (colon != std::string::npos) return what.substr(colon + 2);
  }
  const std::size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

}  // namespace

bool parse_json_document(std::string_view text, JsonDocument& out, DiagnosticSink& sink) {
  {
    JsonDocumentBuilder builder(out);
    builder.reserve(text.size() / 12 + 16);  // about one value per 12-25 bytes of our documents
    if (FastJsonParser(text, builder).run()) return true;
  }
  // The fast parser declined: the checks and messages of the careful path.
  return parse_json_document_careful(text, out, sink);
}

bool parse_json_document_careful(std::string_view text, JsonDocument& out, DiagnosticSink& sink) {
  // Depth first, with a plain scan: a hostile 100,000-deep document is rejected before any
  // parser or validator sees it, at the bracket where it goes too deep.
  {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
        continue;
      }
      if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        if (++depth > kMaxJsonDepth) {
          const auto [line, column] = line_column_at(text, i);
          sink.error_pos(line, column, "",
                         "nesting deeper than " + std::to_string(kMaxJsonDepth) +
                             " levels; expected an OpenPick document (at most 4 levels deep)");
          return false;
        }
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
  }

  if (looks_like_utf16(text)) {
    sink.error_pos(1, 1, "", kUtf16Message);
    return false;
  }

  std::size_t first = 0;
  if (starts_with(text, "\xEF\xBB\xBF")) first = 3;
  first = skip_ws(text, first);
  if (first >= text.size()) {
    sink.error_pos(1, 1, "", "the file is empty; expected a JSON object");
    return false;
  }

  // Not UTF-8 (a file saved as Latin-1 or Windows-1252): say so plainly rather than pass on
  // the parser's message, which would quote the invalid bytes.
  if (const auto bad = find_invalid_utf8(text)) {
    const auto [line, column] = line_column_at(text, *bad);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
    sink.error_pos(line, column, "",
                   std::string("the file is not UTF-8 (byte ") + hex + "); expected UTF-8 text: save it as UTF-8");
    return false;
  }

  SaxDocumentBuilder builder(out, sink);
  const char* begin = text.data();
  nlohmann::json::sax_parse(begin, begin + text.size(), &builder);
  if (!builder.failed()) return sink.errors() == 0;

  // nlohmann counts the failing character as read: the offset of that character is one less.
  const std::size_t pos = builder.error_position();
  const std::size_t offset = std::min(pos > 0 ? pos - 1 : 0, text.size());
  const auto [line, column] = line_column_at(text, offset);
  const std::string_view rest = text.substr(offset);
  const bool minus_before = offset > 0 && text[offset - 1] == '-';
  if (starts_with(rest, "NaN") || starts_with(rest, "nan") || starts_with(rest, "Infinity") ||
      starts_with(rest, "inf")) {
    const auto [l2, c2] = line_column_at(text, minus_before ? offset - 1 : offset);
    sink.error_pos(l2, c2, "",
                   "NaN and Infinity are not JSON numbers; expected a finite number, or null for "
                   "an unknown value");
  } else {
    sink.error_pos(line, column, "", "malformed JSON: " + clean_parse_message(builder.error_message()));
  }
  return false;
}

}  // namespace openpick::core::detail
