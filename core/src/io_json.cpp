// Shared import machinery: diagnostics with positions, the JSON parse, typed field readers, enum
// names. See io_detail.h for the section index.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "io_detail.h"

namespace openpick::core {

namespace detail {

// ---- [SECTION] Paths and diagnostics ------------------------------------------------------------

JsonPath child(const JsonPath& parent, std::string key) {
  JsonPath out = parent;
  out.push_back({std::move(key), -1});
  return out;
}

JsonPath child(const JsonPath& parent, long index) {
  JsonPath out = parent;
  out.push_back({std::string(), index});
  return out;
}

std::string path_to_string(const JsonPath& path) {
  std::string out;
  for (const auto& seg : path) {
    if (seg.index >= 0) {
      out += '[' + std::to_string(seg.index) + ']';
    } else {
      if (!out.empty()) out += '.';
      out += seg.key;
    }
  }
  return out;
}

std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t i = 0;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  std::size_t line_start = i;
  int line = 1;
  while (i < offset) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        if (i + 1 >= offset) break;  // the offset points into the CRLF pair: still this line
        ++i;
      }
      ++i;
      ++line;
      line_start = i;
    } else {
      ++i;
    }
  }
  return {line, static_cast<int>(offset - std::min(offset, line_start)) + 1};
}

namespace {

std::size_t skip_ws(std::string_view t, std::size_t p) {
  while (p < t.size() && (t[p] == ' ' || t[p] == '\t' || t[p] == '\n' || t[p] == '\r')) ++p;
  return p;
}

// p at the opening quote; returns the offset after the closing quote.
std::size_t skip_string(std::string_view t, std::size_t p) {
  for (++p; p < t.size(); ++p) {
    if (t[p] == '\\') {
      ++p;
    } else if (t[p] == '"') {
      return p + 1;
    }
  }
  return t.size();
}

std::size_t skip_value(std::string_view t, std::size_t p) {
  if (p >= t.size()) return p;
  if (t[p] == '"') return skip_string(t, p);
  if (t[p] == '{' || t[p] == '[') {
    int depth = 0;
    while (p < t.size()) {
      const char c = t[p];
      if (c == '"') {
        p = skip_string(t, p);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return p + 1;
      }
      ++p;
    }
    return p;
  }
  while (p < t.size() && t[p] != ',' && t[p] != '}' && t[p] != ']' && t[p] != ' ' && t[p] != '\t' &&
         t[p] != '\n' && t[p] != '\r')
    ++p;
  return p;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

unsigned read_hex4(std::string_view t, std::size_t p) {
  unsigned v = 0;
  for (std::size_t k = 0; k < 4 && p + k < t.size(); ++k) {
    const char c = t[p + k];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
  }
  return v;
}

// Decodes the JSON string at p (at its opening quote), so a key spelled with escapes still matches.
std::string decode_string(std::string_view t, std::size_t p) {
  std::string out;
  for (++p; p < t.size() && t[p] != '"'; ++p) {
    if (t[p] != '\\') {
      out.push_back(t[p]);
      continue;
    }
    if (++p >= t.size()) break;
    switch (t[p]) {
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        unsigned cp = read_hex4(t, p + 1);
        p += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && p + 6 < t.size() && t[p + 1] == '\\' && t[p + 2] == 'u') {
          const unsigned low = read_hex4(t, p + 3);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          p += 6;
        }
        append_utf8(out, cp);
        break;
      }
      default: out.push_back(t[p]);
    }
  }
  return out;
}

}  // namespace

std::optional<std::size_t> locate_json(std::string_view t, const JsonPath& path, bool at_key) {
  std::size_t p = 0;
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") p = 3;
  p = skip_ws(t, p);
  for (std::size_t level = 0; level < path.size(); ++level) {
    const PathSegment& seg = path[level];
    const bool last = level + 1 == path.size();
    if (p >= t.size()) return std::nullopt;
    if (seg.index >= 0) {
      if (t[p] != '[') return std::nullopt;
      p = skip_ws(t, p + 1);
      for (long i = 0;; ++i) {
        if (p >= t.size() || t[p] == ']') return std::nullopt;
        if (i == seg.index) break;
        const std::size_t before = p;
        p = skip_ws(t, skip_value(t, p));
        if (p == before && (p >= t.size() || t[p] != ',')) return std::nullopt;  // not JSON here
        if (p < t.size() && t[p] == ',') p = skip_ws(t, p + 1);
      }
    } else {
      if (t[p] != '{') return std::nullopt;
      p = skip_ws(t, p + 1);
      std::optional<std::size_t> found_value, found_key;
      // Scan every member: with duplicate keys the DOM keeps the last, so point at that one.
      while (p < t.size() && t[p] == '"') {
        const std::size_t key_at = p;
        const bool match = decode_string(t, p) == seg.key;
        p = skip_ws(t, skip_string(t, p));
        if (p < t.size() && t[p] == ':') p = skip_ws(t, p + 1);
        if (match) {
          found_key = key_at;
          found_value = p;
        }
        p = skip_ws(t, skip_value(t, p));
        if (p < t.size() && t[p] == ',') p = skip_ws(t, p + 1);
      }
      if (!found_value) return std::nullopt;
      if (last && at_key) return found_key;
      p = *found_value;
    }
  }
  return p;
}

bool DiagnosticSink::admit(Severity severity) {
  int& count = severity == Severity::Error ? errors_ : warnings_;
  if (count > kMaxImportErrors) return false;
  ++count;
  if (count <= kMaxImportErrors) return true;
  Pending note;
  note.diagnostic = {severity, file_, 0, 0, "",
                     severity == Severity::Error
                         ? "too many errors; stopped after " + std::to_string(kMaxImportErrors)
                         : "too many warnings; showing the first " + std::to_string(kMaxImportErrors)};
  pending_.push_back(std::move(note));
  return false;
}

void DiagnosticSink::push(Severity severity, std::optional<JsonPath> where, bool at_key, int line,
                          int column, std::string field, std::string message) {
  if (!admit(severity)) return;
  Pending p;
  if (field.empty() && where) field = path_to_string(*where);
  p.diagnostic = {severity, file_, line, column, std::move(field), std::move(message)};
  p.where = std::move(where);
  p.at_key = at_key;
  pending_.push_back(std::move(p));
}

void DiagnosticSink::error_at(const JsonPath& where, std::string message, bool at_key, std::string field) {
  push(Severity::Error, where, at_key, 0, 0, std::move(field), std::move(message));
}
void DiagnosticSink::warning_at(const JsonPath& where, std::string message, bool at_key,
                                std::string field) {
  push(Severity::Warning, where, at_key, 0, 0, std::move(field), std::move(message));
}
void DiagnosticSink::error_pos(int line, int column, std::string field, std::string message) {
  push(Severity::Error, std::nullopt, false, line, column, std::move(field), std::move(message));
}
void DiagnosticSink::warning_pos(int line, int column, std::string field, std::string message) {
  push(Severity::Warning, std::nullopt, false, line, column, std::move(field), std::move(message));
}
void DiagnosticSink::add(Diagnostic d) {
  push(d.severity, std::nullopt, false, d.line, d.column, std::move(d.field), std::move(d.message));
}

std::vector<Diagnostic> DiagnosticSink::finish(std::string_view json_text) {
  std::vector<Diagnostic> out;
  out.reserve(pending_.size());
  for (auto& p : pending_) {
    if (p.where) {
      if (auto offset = locate_json(json_text, *p.where, p.at_key)) {
        const auto [line, column] = line_column_at(json_text, *offset);
        p.diagnostic.line = line;
        p.diagnostic.column = column;
      }
    }
    out.push_back(std::move(p.diagnostic));
  }
  pending_.clear();
  return out;
}

// ---- [SECTION] JSON parsing ---------------------------------------------------------------------

namespace {

// Builds the DOM from SAX events (as nlohmann's own DOM parser does), and on the way catches what
// the DOM would hide: duplicate keys (the last silently wins) and numbers too large for a double
// (nlohmann stores them as infinity).
class DomBuilder {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  DomBuilder(Json& root, DiagnosticSink& sink) : root_(root), sink_(sink) {}

  bool null() { return put(Json(nullptr)); }
  bool boolean(bool v) { return put(Json(v)); }
  bool number_integer(number_integer_t v) { return put(Json(v)); }
  bool number_unsigned(number_unsigned_t v) { return put(Json(v)); }
  bool number_float(number_float_t v, const string_t& spelled) {
    if (!std::isfinite(v)) {
      sink_.error_at(current_path(), "the number " + spelled +
                                         " is too large to represent; expected a number in the "
                                         "field's range");
      return put(Json(nullptr));
    }
    return put(Json(v));
  }
  bool string(string_t& v) { return put(Json(std::move(v))); }
  bool binary(binary_t&) { return put(Json(nullptr)); }  // JSON text never produces binary

  bool start_object(std::size_t) {
    Json* v = put_ref(Json::object());
    frames_.push_back({v, std::string(), nullptr});
    return true;
  }
  bool key(string_t& k) {
    Frame& f = frames_.back();
    if (f.value->contains(k)) {
      sink_.error_at(child(frame_path(frames_.size() - 1), k),
                     "duplicate key \"" + k + "\"; expected each key once per object (the later "
                     "value would silently replace the earlier one)",
                     true);
    }
    f.key = k;
    f.slot = &(*f.value)[k];
    return true;
  }
  bool end_object() {
    frames_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    Json* v = put_ref(Json::array());
    frames_.push_back({v, std::string(), nullptr});
    return true;
  }
  bool end_array() {
    frames_.pop_back();
    return true;
  }
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
    Json* value;  // stable while open: a parent grows only after its child closes
    std::string key;
    Json* slot;  // the member being filled, for objects
  };

  // The path of frame `depth` itself (each frame is a member or an element of the one before).
  JsonPath frame_path(std::size_t depth) const {
    JsonPath path;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& f = frames_[i];
      if (f.value->is_array()) path.push_back({std::string(), static_cast<long>(f.value->size()) - 1});
      else path.push_back({f.key, -1});
    }
    return path;
  }
  // The path of the value about to be put.
  JsonPath current_path() const {
    JsonPath path = frame_path(frames_.size() - (frames_.empty() ? 0 : 1));
    if (!frames_.empty()) {
      const Frame& f = frames_.back();
      if (f.value->is_array()) path.push_back({std::string(), static_cast<long>(f.value->size())});
      else path.push_back({f.key, -1});
    }
    return path;
  }

  Json* put_ref(Json&& v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Frame& f = frames_.back();
    if (f.value->is_array()) {
      f.value->push_back(std::move(v));
      return &f.value->back();
    }
    *f.slot = std::move(v);
    return f.slot;
  }
  bool put(Json&& v) {
    put_ref(std::move(v));
    return true;
  }

  Json& root_;
  DiagnosticSink& sink_;
  std::vector<Frame> frames_;
  bool failed_ = false;
  std::size_t error_position_ = 0;
  std::string error_message_;
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

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

bool parse_json_document(std::string_view text, Json& out, DiagnosticSink& sink) {
  // Depth first, with a plain scan: a hostile 100,000-deep document is rejected before any
  // parser or validator sees it, at the bracket where it goes too deep.
  {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
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

  DomBuilder builder(out, sink);
  const char* begin = text.data();
  Json::sax_parse(begin, begin + text.size(), &builder);
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

// ---- [SECTION] Field readers --------------------------------------------------------------------

std::string describe_json(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "got null";
    case Json::value_t::object: return "got an object";
    case Json::value_t::array: return "got an array";
    case Json::value_t::boolean: return v.get<bool>() ? "got true" : "got false";
    case Json::value_t::string: return "got \"" + excerpt(v.get_ref<const std::string&>()) + "\"";
    default: return "got " + v.dump();
  }
}

const Json* ObjectReader::member(std::string_view key, FieldRule rule, std::string_view expected) {
  const auto it = object_.find(key);
  if (it == object_.end()) {
    if (rule.required)
      sink_.error_at(path_, "missing required field \"" + std::string(key) + "\"; expected " +
                                std::string(expected),
                     false, path_to_string(child(path_, std::string(key))));
    return nullptr;
  }
  if (it->is_null()) {
    if (!rule.nullable)
      error(key, "expected " + std::string(expected) + ", got null (this field cannot be unknown)");
    return nullptr;
  }
  return &*it;
}

namespace {

std::string number_text(double v) { return json_number(v).dump(); }

std::string range_text(double lo, double hi) {
  if (hi == std::numeric_limits<double>::infinity()) return "at least " + number_text(lo);
  return "from " + number_text(lo) + " to " + number_text(hi);
}

}  // namespace

std::optional<long long> ObjectReader::integer(std::string_view key, FieldRule rule, long long lo,
                                               long long hi, std::string_view what) {
  const std::string expected =
      std::string(what) + (lo == hi ? " (" + std::to_string(lo) + ")"
                                    : " (a whole number from " + std::to_string(lo) + " to " +
                                          std::to_string(hi) + ")");
  const Json* v = member(key, rule, expected);
  if (!v) return std::nullopt;
  if (v->is_number_integer()) {
    // Unsigned values above the signed range are out of range anyway.
    const bool too_big = v->is_number_unsigned() &&
                         v->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<long long>::max());
    const long long x = too_big ? std::numeric_limits<long long>::max() : v->get<long long>();
    if (!too_big && x >= lo && x <= hi) return x;
    error(key, "expected " + expected + ", got " + v->dump());
    return std::nullopt;
  }
  if (v->is_number_float()) {
    const double d = v->get<double>();
    if (d == std::floor(d) && d >= static_cast<double>(lo) && d <= static_cast<double>(hi))
      return static_cast<long long>(d);
    error(key, "expected " + expected + ", got " + v->dump());
    return std::nullopt;
  }
  error(key, "expected " + expected + ", " + describe_json(*v));
  return std::nullopt;
}

std::optional<double> ObjectReader::number(std::string_view key, FieldRule rule, double lo, double hi,
                                           std::string_view what) {
  const std::string expected = std::string(what) + " (a number " + range_text(lo, hi) + ")";
  const Json* v = member(key, rule, expected);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    error(key, "expected " + expected + ", " + describe_json(*v));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (d >= lo && d <= hi) return d;
  error(key, "expected " + expected + ", got " + v->dump());
  return std::nullopt;
}

std::optional<double> ObjectReader::share(std::string_view key, FieldRule rule, std::string_view what) {
  const auto it = object_.find(key);
  if (it != object_.end() && it->is_number()) {
    const double d = it->get<double>();
    if (d > 1.0 && d <= 100.0) {
      error(key, "expected " + std::string(what) + " (a number from 0 to 1), got " + it->dump() + share_hint(d));
      return std::nullopt;
    }
  }
  return number(key, rule, 0.0, 1.0, what);
}

std::optional<bool> ObjectReader::boolean(std::string_view key, FieldRule rule) {
  const char* expected = rule.nullable ? "true, false or null (unknown)" : "true or false";
  const Json* v = member(key, rule, expected);
  if (!v) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  error(key, std::string("expected ") + expected + ", " + describe_json(*v));
  return std::nullopt;
}

std::optional<std::string> ObjectReader::string(std::string_view key, FieldRule rule, bool non_empty) {
  const char* expected = non_empty ? "a non-empty string" : "a string";
  const Json* v = member(key, rule, expected);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(key, std::string("expected ") + expected + ", " + describe_json(*v));
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (non_empty && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    error(key, std::string("expected ") + expected + ", got \"" + s + "\"");
    return std::nullopt;
  }
  return s;
}

const Json* ObjectReader::object_member(std::string_view key, FieldRule rule, std::string_view what) {
  const std::string expected = "an object (" + std::string(what) + ")";
  const Json* v = member(key, rule, expected);
  if (v && !v->is_object()) {
    error(key, "expected " + expected + ", " + describe_json(*v));
    return nullptr;
  }
  return v;
}

const Json* ObjectReader::array_member(std::string_view key, FieldRule rule, std::string_view what) {
  const std::string expected = "an array (" + std::string(what) + ")";
  const Json* v = member(key, rule, expected);
  if (v && !v->is_array()) {
    error(key, "expected " + expected + ", " + describe_json(*v));
    return nullptr;
  }
  return v;
}

bool check_root(const Json& doc, DiagnosticSink& sink, int supported, std::string_view kind) {
  if (!doc.is_object()) {
    sink.error_at({}, "expected a JSON object (" + std::string(kind) + "), " + describe_json(doc));
    return false;
  }
  ObjectReader r(doc, {}, sink);
  if (!doc.contains("schema_version")) {
    sink.warning_at({}, "no schema_version; assuming " + std::to_string(supported) +
                            " (expected \"schema_version\": " + std::to_string(supported) + ")",
                    false, "schema_version");
    return true;
  }
  const Json& v = doc["schema_version"];
  const bool newer = v.is_number_unsigned()
                         ? v.get<std::uint64_t>() > static_cast<std::uint64_t>(supported)
                         : v.is_number_integer() && v.get<long long>() > supported;
  if (newer) {
    r.error("schema_version", "schema_version " + v.dump() + " is newer than this OpenPick reads (" +
                                  std::to_string(supported) + "); expected " +
                                  std::to_string(supported) + ": update OpenPick to open this file");
    return true;
  }
  r.integer("schema_version", kRequired, 1, supported, "the format version");
  return true;
}

OrderedJson json_number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e15)
    return OrderedJson(static_cast<long long>(v));
  return OrderedJson(v);
}

std::string dump_document(const OrderedJson& doc) {
  return doc.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

void ObjectReader::warn_unknown(std::initializer_list<std::string_view> known) {
  const std::vector<std::string_view> names(known);
  for (const auto& item : object_.items()) {
    const std::string& key = item.key();
    if (std::find(names.begin(), names.end(), key) != names.end()) continue;
    std::string msg = "unknown field \"" + key + "\" is ignored";
    const std::string guess = closest_name(key, names);
    msg += guess.empty() ? "; expected one of " + join_names(names) : "; did you mean \"" + guess + "\"?";
    sink_.warning_at(child(path_, key), std::move(msg), true);
  }
}

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_name(std::string_view name, const std::vector<std::string_view>& candidates) {
  if (name.size() > 64) return {};
  std::string best;
  std::size_t best_distance = 3;  // a typo or two, not a different word
  for (std::string_view c : candidates) {
    const std::size_t limit = std::min<std::size_t>(2, std::max<std::size_t>(1, c.size() / 3));
    const std::size_t d = edit_distance(name, c);
    if (d <= limit && d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

std::string excerpt(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = max_bytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto cont = [&](std::size_t k) {
    return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
  };
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    unsigned cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07u;
    } else {
      return i;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (!cont(i + k)) return i;
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += n + 1;
  }
  return std::nullopt;
}

std::string join_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

// ---- [SECTION] Shared checks --------------------------------------------------------------------

bool is_usps_code(std::string_view code) {
  static constexpr std::string_view kCodes[] = {
      "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL",
      "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE",
      "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
      "VA", "VT", "WA", "WI", "WV", "WY", "PR", "GU", "VI", "AS", "MP"};
  return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

const std::vector<std::string_view>& program_fact_fields() {
  static const std::vector<std::string_view> kFields = {
      "id", "name", "institution", "specialty", "track", "city", "state", "setting", "positions",
      "img_share", "visa", "visa.j1", "visa.h1b", "cutoffs", "cutoffs.step2ck_min",
      "cutoffs.max_years_since_graduation", "cutoffs.max_attempts", "cutoffs.usce_required",
      "rural", "accepts_signals", "*"};
  return kFields;
}

std::string share_hint(double value) {
  if (value > 1.0 && value <= 100.0)
    return " (it looks like a percentage: write " + json_number(value / 100.0).dump() + " for " +
           json_number(value).dump() + "%)";
  return {};
}

}  // namespace detail

// ---- Public helpers ----------------------------------------------------------------------------

namespace {
template <class E>
std::string_view name_of(E v) {
  for (const auto& item : detail::EnumTable<E>::items)
    if (item.value == v) return item.name;
  return "?";
}
}  // namespace

std::string_view to_string(GraduateType v) { return name_of(v); }
std::string_view to_string(VisaNeed v) { return name_of(v); }
std::string_view to_string(ExamResult v) { return name_of(v); }
std::string_view to_string(Track v) { return name_of(v); }
std::string_view to_string(Setting v) { return name_of(v); }

DocumentKind detect_document_kind(std::string_view text, std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext;
    for (char c : file_name.substr(dot + 1)) ext.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    if (ext == "csv") return DocumentKind::ProgramsCsv;
  }
  // A top-level "programs" key: find it without a full parse (a dataset may be megabytes).
  const std::vector<detail::PathSegment> path = {{"programs", -1}};
  return detail::locate_json(text, path, true) ? DocumentKind::Dataset : DocumentKind::Profile;
}

}  // namespace openpick::core
