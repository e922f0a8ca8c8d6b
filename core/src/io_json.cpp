// Shared import machinery: diagnostics with positions, the JSON parse, typed field readers, enum
// names. See io_detail.h for the section index.
#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>

#include "io_detail.h"

namespace openpick::core {

namespace detail {

// ---- [SECTION] Paths and diagnostics ------------------------------------------------------------

// One allocation each (a copy then a push_back would reallocate).
JsonPath child(const JsonPath& parent, std::string key) {
  JsonPath out;
  out.reserve(parent.size() + 1);
  out.assign(parent.begin(), parent.end());
  out.push_back({std::move(key), -1});
  return out;
}

JsonPath child(const JsonPath& parent, long index) {
  JsonPath out;
  out.reserve(parent.size() + 1);
  out.assign(parent.begin(), parent.end());
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

LineCursor::LineCursor(std::string_view text) : text_(text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") at_ = line_start_ = 3;
}

void LineCursor::advance_to(std::size_t offset) {
  offset = std::min(offset, text_.size());
  while (at_ < offset) {
    const char c = text_[at_];
    if (c == '\n' || c == '\r') {
      if (c == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') {
        if (at_ + 1 >= offset) break;  // the offset points into the CRLF pair: still this line
        ++at_;
      }
      ++at_;
      ++line_;
      line_start_ = at_;
    } else {
      ++at_;
    }
  }
}

std::pair<int, int> LineCursor::peek(std::size_t offset) const {
  LineCursor c = *this;
  offset = std::min(offset, text_.size());
  c.advance_to(offset);
  return {c.line_, static_cast<int>(offset - std::min(offset, c.line_start_)) + 1};
}

std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) {
  return LineCursor(text).peek(offset);
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

void DiagnosticSink::resolve_piece(std::size_t mark, std::size_t prefix_length, std::string_view piece,
                                   std::size_t piece_offset, const LineCursor& lines) {
  for (std::size_t i = mark; i < pending_.size(); ++i) {
    Pending& p = pending_[i];
    if (!p.where || p.where->size() < prefix_length) continue;
    const JsonPath inner(p.where->begin() + static_cast<std::ptrdiff_t>(prefix_length), p.where->end());
    if (const auto offset = locate_json(piece, inner, p.at_key)) {
      const auto [line, column] = lines.peek(piece_offset + *offset);
      p.diagnostic.line = line;
      p.diagnostic.column = column;
    }
    p.where.reset();
  }
}

void DiagnosticSink::move_to_front(std::size_t mark) {
  std::rotate(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(mark), pending_.end());
}

// ---- [SECTION] JSON parsing ---------------------------------------------------------------------

std::string JsonValue::dump() const {
  switch (type_) {
    case Type::Null: return "null";
    case Type::Boolean: return b_ ? "true" : "false";
    case Type::Integer: return nlohmann::json(i_).dump();
    case Type::Unsigned: return nlohmann::json(u_).dump();
    case Type::Float: return nlohmann::json(d_).dump();
    case Type::String:
    case Type::Key:
      return nlohmann::json(std::string(string())).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    case Type::Array: return "[...]";
    case Type::Object: return "{...}";
  }
  return {};
}

// Appends values to a JsonDocument in document order; both parsers below build through it.
class JsonDocumentBuilder {
 public:
  using Type = JsonValue::Type;
  explicit JsonDocumentBuilder(JsonDocument& doc) : doc_(doc) { reset(); }
  void reset() {
    doc_.values_.clear();
    doc_.strings_.clear();
  }
  void reserve(std::size_t n) { doc_.values_.reserve(n); }

  JsonValue& add(Type type) {
    JsonValue& v = doc_.values_.emplace_back();
    v.type_ = type;
    return v;
  }
  void add_bool(bool b) { add(Type::Boolean).b_ = b; }
  void add_integer(std::int64_t i) { add(Type::Integer).i_ = i; }
  void add_unsigned(std::uint64_t u) { add(Type::Unsigned).u_ = u; }
  void add_float(double d) { add(Type::Float).d_ = d; }
  // A string (or key) that lives as long as the text: no copy.
  void add_string(Type type, const char* s, std::size_t n) {
    JsonValue& v = add(type);
    v.s_ = s;
    v.size_ = static_cast<std::uint32_t>(n);
  }
  // A decoded string, kept by the document.
  void add_owned_string(Type type, std::string&& s) {
    const std::string& kept = doc_.strings_.emplace_back(std::move(s));
    add_string(type, kept.data(), kept.size());
  }
  std::string& new_owned_string() { return doc_.strings_.emplace_back(); }

  std::size_t open(Type type) {
    add(type);
    return doc_.values_.size() - 1;
  }
  void close(std::size_t at, std::size_t count) {
    JsonValue& v = doc_.values_[at];
    v.size_ = static_cast<std::uint32_t>(count);
    v.span_ = static_cast<std::uint32_t>(doc_.values_.size() - at);
  }
  // Whether the open object at `at` has `key` among its members before slot `limit` (those
  // members are complete).
  bool has_key(std::size_t at, std::string_view key, std::size_t limit) const {
    const auto& v = doc_.values_;
    for (std::size_t k = at + 1; k < limit; k += 1 + v[k + 1].span_)
      if (same_key(v[k].string(), key)) return true;
    return false;
  }
  const JsonValue& at(std::size_t i) const { return doc_.values_[i]; }
  std::size_t size() const { return doc_.values_.size(); }

 private:
  JsonDocument& doc_;
};

// The strict parser for the common case: RFC 8259 JSON, UTF-8, at most kMaxJsonDepth levels, no
// duplicate keys, every number finite and (integers) within 64 bits. It returns false at the first
// thing it does not accept; the caller then runs nlohmann's parser for the diagnostics. Everything
// it accepts nlohmann accepts too, with the same values (floats through strtod, as nlohmann does).
class FastJsonParser {
 public:
  using Type = JsonValue::Type;
  FastJsonParser(std::string_view text, JsonDocumentBuilder& out)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), out_(&out) {}

  bool run() {
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;
    skip_ws();
    if (!value(0)) return false;
    skip_ws();
    return p_ == end_;
  }

  // Piecewise use (JsonArrayStream): values parsed one at a time, each into the builder of the
  // caller's choice; the position is kept between calls.
  void set_output(JsonDocumentBuilder& out) { out_ = &out; }
  std::size_t position() const { return static_cast<std::size_t>(p_ - begin_); }
  bool at_end() const { return p_ == end_; }
  void skip_bom() {
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;
  }
  bool take(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool peek(char c) const { return p_ != end_ && *p_ == c; }
  bool parse_value(int depth) { return value(depth); }
  bool parse_key() { return peek('"') && string(Type::Key); }
  void skip_blanks() { skip_ws(); }

 private:
  static bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  void skip_ws() {
    while (p_ != end_ && is_ws(*p_)) ++p_;
  }

  bool value(int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return object(depth + 1);
      case '[': return array(depth + 1);
      case '"': return string(Type::String);
      case 't': return literal("true") && (out_->add_bool(true), true);
      case 'f': return literal("false") && (out_->add_bool(false), true);
      case 'n': return literal("null") && (out_->add(Type::Null), true);
      default: return number();
    }
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0)
      return false;
    p_ += word.size();
    return true;
  }

  bool object(int depth) {
    if (depth > kMaxJsonDepth) return false;
    const std::size_t at = out_->open(Type::Object);
    ++p_;
    skip_ws();
    std::size_t count = 0;
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      out_->close(at, 0);
      return true;
    }
    for (;;) {
      if (p_ == end_ || *p_ != '"') return false;
      const std::size_t key_at = out_->size();
      if (!string(Type::Key)) return false;
      // n(n-1)/2 comparisons per object, most ending at the length: cheap for our <= 16 keys.
      if (out_->has_key(at, out_->at(key_at).string(), key_at)) return false;
      skip_ws();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      skip_ws();
      if (!value(depth)) return false;
      ++count;
      skip_ws();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        skip_ws();
        continue;
      }
      if (*p_ != '}') return false;
      ++p_;
      break;
    }
    out_->close(at, count);
    return true;
  }

  bool array(int depth) {
    if (depth > kMaxJsonDepth) return false;
    const std::size_t at = out_->open(Type::Array);
    ++p_;
    skip_ws();
    std::size_t count = 0;
    if (p_ != end_ && *p_ == ']') {
      ++p_;
      out_->close(at, 0);
      return true;
    }
    for (;;) {
      if (!value(depth)) return false;
      ++count;
      skip_ws();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        skip_ws();
        continue;
      }
      if (*p_ != ']') return false;
      ++p_;
      break;
    }
    out_->close(at, count);
    return true;
  }

  // The end of the well-formed UTF-8 sequence at p (a byte >= 0x80), or nullptr.
  const char* utf8_end(const char* p) const {
    const auto c = static_cast<unsigned char>(*p);
    const auto byte = [&](std::ptrdiff_t k) { return static_cast<unsigned char>(p[k]); };
    const auto cont = [&](std::ptrdiff_t k, unsigned lo, unsigned hi) {
      return end_ - p > k && byte(k) >= lo && byte(k) <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? p + 2 : nullptr;
    if (c == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? p + 3 : nullptr;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? p + 3 : nullptr;
    if (c >= 0xE1 && c <= 0xEF) return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? p + 3 : nullptr;
    if (c == 0xF0) return cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? p + 4 : nullptr;
    if (c >= 0xF1 && c <= 0xF3)
      return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? p + 4 : nullptr;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? p + 4 : nullptr;
    return nullptr;
  }

  bool hex4(unsigned& cp) {
    if (end_ - p_ < 4) return false;
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = *p_++;
      cp <<= 4;
      if (c >= '0' && c <= '9') cp |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') cp |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') cp |= static_cast<unsigned>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  // Whether the 8 bytes at p are all plain: printable ASCII other than '"' and '\\'. Bit tricks on
  // one 64-bit word (exact for "is there such a byte"), which wasm runs as well as native code:
  // the byte loop alone made string scanning the slowest part of the wasm import.
  static bool plain8(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    constexpr std::uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
    const std::uint64_t quote = w ^ (k01 * '"'), backslash = w ^ (k01 * '\\');
    const std::uint64_t special = (w & k80) | ((w - k01 * 0x20) & ~w & k80) |
                                  ((quote - k01) & ~quote & k80) | ((backslash - k01) & ~backslash & k80);
    return special == 0;
  }

  // p_ at the opening quote. Strings without escapes stay in the text.
  bool string(Type type) {
    const char* start = ++p_;
    for (;;) {
      while (end_ - p_ >= 8 && plain8(p_)) p_ += 8;
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out_->add_string(type, start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (c == '\\') return escaped_string(type, start);
      if (c < 0x20) return false;
      if (c < 0x80) {
        ++p_;
      } else if (const char* next = utf8_end(p_)) {
        p_ = next;
      } else {
        return false;
      }
    }
  }

  bool escaped_string(Type type, const char* start) {
    std::string& s = out_->new_owned_string();
    s.assign(start, p_);
    while (p_ != end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        out_->add_string(type, s.data(), s.size());
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        const char* next = utf8_end(p_);
        if (!next) return false;
        s.append(p_, next);
        p_ = next;
        continue;
      }
      if (c != '\\') {
        s.push_back(static_cast<char>(c));
        ++p_;
        continue;
      }
      if (++p_ == end_) return false;
      switch (*p_++) {
        case '"': s.push_back('"'); break;
        case '\\': s.push_back('\\'); break;
        case '/': s.push_back('/'); break;
        case 'b': s.push_back('\b'); break;
        case 'f': s.push_back('\f'); break;
        case 'n': s.push_back('\n'); break;
        case 'r': s.push_back('\r'); break;
        case 't': s.push_back('\t'); break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(s, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  bool number() {
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || !is_digit(*p_)) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    const char* digits_end = p_;
    bool is_float = false;
    if (p_ != end_ && *p_ == '.') {
      is_float = true;
      ++p_;
      if (p_ == end_ || !is_digit(*p_)) return false;
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      is_float = true;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !is_digit(*p_)) return false;
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    if (!is_float) {
      const char* d = start + (negative ? 1 : 0);
      if (digits_end - d > 18) return false;  // may not fit: nlohmann decides (unsigned or float)
      std::uint64_t u = 0;
      for (; d != digits_end; ++d) u = u * 10 + static_cast<unsigned>(*d - '0');
      if (negative) out_->add_integer(-static_cast<std::int64_t>(u));
      else out_->add_unsigned(u);
      return true;
    }
    if (const auto v = exact_decimal(start, p_)) {
      out_->add_float(*v);
      return true;
    }
    // strtod, as nlohmann's lexer does, on a terminated copy; only where the decimal point is '.'.
    char buffer[64];
    const auto n = static_cast<std::size_t>(p_ - start);
    if (n >= sizeof buffer || !decimal_point_is_dot()) return false;
    std::memcpy(buffer, start, n);
    buffer[n] = '\0';
    char* parsed_end = nullptr;
    const double v = std::strtod(buffer, &parsed_end);
    if (parsed_end != buffer + n || !std::isfinite(v)) return false;
    out_->add_float(v);
    return true;
  }

  // Clinger's fast path: when the digits make an integer m <= 2^53 and the decimal exponent e is
  // within +-22, m and 10^|e| are exact doubles and one IEEE multiplication or division rounds
  // correctly, so the result is the one strtod gives (glibc's and musl's strtod round correctly).
  // It spares wasm musl's strtod, which works in software 128-bit long doubles.
  static std::optional<double> exact_decimal(const char* p, const char* end) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const bool negative = *p == '-';
    if (negative) ++p;
    std::uint64_t m = 0;
    int digits = 0;
    int exponent = 0;
    for (; p != end && is_digit(*p); ++p, ++digits) m = m * 10 + static_cast<unsigned>(*p - '0');
    if (p != end && *p == '.') {
      for (++p; p != end && is_digit(*p); ++p, ++digits, --exponent) m = m * 10 + static_cast<unsigned>(*p - '0');
    }
    if (digits > 19) return std::nullopt;  // m may have wrapped
    if (p != end && (*p == 'e' || *p == 'E')) {
      ++p;
      const bool minus = *p == '-';
      if (*p == '+' || *p == '-') ++p;
      int e = 0;
      for (; p != end && is_digit(*p); ++p) {
        if (e > 1000) return std::nullopt;
        e = e * 10 + (*p - '0');
      }
      exponent += minus ? -e : e;
    }
    if (m > (std::uint64_t{1} << 53) || exponent < -22 || exponent > 22) return std::nullopt;
    double v = static_cast<double>(m);
    v = exponent < 0 ? v / kPow10[-exponent] : v * kPow10[exponent];
    return negative ? -v : v;
  }

  static bool decimal_point_is_dot() {
    const char* dp = std::localeconv()->decimal_point;
    return dp && dp[0] == '.' && dp[1] == '\0';
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  JsonDocumentBuilder* out_;
};

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

  bool null() { return put([&] { out_.add(Type::Null); }); }
  bool boolean(bool v) { return put([&] { out_.add_bool(v); }); }
  bool number_integer(number_integer_t v) { return put([&] { out_.add_integer(v); }); }
  bool number_unsigned(number_unsigned_t v) { return put([&] { out_.add_unsigned(v); }); }
  bool number_float(number_float_t v, const string_t& spelled) {
    if (!std::isfinite(v)) {
      sink_.error_at(current_path(), "the number " + spelled +
                                         " is too large to represent; expected a number in the "
                                         "field's range");
      return put([&] { out_.add(Type::Null); });
    }
    return put([&] { out_.add_float(v); });
  }
  bool string(string_t& v) { return put([&] { out_.add_owned_string(Type::String, std::move(v)); }); }
  bool binary(binary_t&) { return put([&] { out_.add(Type::Null); }); }  // JSON text never produces binary

  bool start_object(std::size_t) {
    put([] {});
    frames_.push_back({out_.open(Type::Object), false, 0, std::string()});
    return true;
  }
  bool key(string_t& k) {
    Frame& f = frames_.back();
    if (out_.has_key(f.at, k, out_.size())) {
      sink_.error_at(child(frame_path(frames_.size() - 1), k),
                     "duplicate key \"" + k + "\"; expected each key once per object (the later "
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
      if (f.is_array) path.push_back({std::string(), f.count - 1});
      else path.push_back({f.key, -1});
    }
    return path;
  }
  // The path of the value about to be put.
  JsonPath current_path() const {
    JsonPath path = frame_path(frames_.size() - (frames_.empty() ? 0 : 1));
    if (!frames_.empty()) {
      const Frame& f = frames_.back();
      if (f.is_array) path.push_back({std::string(), f.count});
      else path.push_back({f.key, -1});
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

// ---- JsonArrayStream ----
// Depths as in FastJsonParser::run: the root object is level 1, the array level 2, an element's
// own object level 3.

JsonArrayStream::JsonArrayStream(std::string_view text, std::string_view array_key)
    : text_(text),
      array_key_(array_key),
      root_(std::make_unique<JsonDocumentBuilder>(root_doc_)),
      element_(std::make_unique<JsonDocumentBuilder>(element_doc_)),
      parser_(std::make_unique<FastJsonParser>(text, *root_)) {}

JsonArrayStream::~JsonArrayStream() = default;

const JsonValue& JsonArrayStream::element() const { return element_doc_.root(); }
const JsonValue& JsonArrayStream::root() const { return root_doc_.root(); }
std::size_t JsonArrayStream::position() const { return parser_->position(); }

JsonArrayStream::Status JsonArrayStream::fail() {
  phase_ = Phase::Failed;
  return Failed;
}

JsonArrayStream::Status JsonArrayStream::next() {
  FastJsonParser& in = *parser_;
  switch (phase_) {
    case Phase::Done: return Done;
    case Phase::Failed: return Failed;
    case Phase::Start:
      in.skip_bom();
      in.skip_blanks();
      if (!in.peek('{')) return fail();
      in.take('{');
      root_at_ = root_->open(JsonValue::Type::Object);
      in.skip_blanks();
      if (in.take('}')) {
        root_->close(root_at_, 0);
        in.skip_blanks();
        if (!in.at_end()) return fail();
        phase_ = Phase::Done;
        return Done;
      }
      phase_ = Phase::Member;
      return members();
    case Phase::Member:
    case Phase::AfterMember: return members();
    case Phase::InArray: {
      // One element, then the comma or the closing bracket after it.
      element_->reset();
      in.set_output(*element_);
      element_begin_ = in.position();
      if (!in.parse_value(2)) return fail();
      element_end_ = in.position();
      in.set_output(*root_);
      ++index_;
      in.skip_blanks();
      if (in.take(',')) {
        in.skip_blanks();
        if (in.peek(']')) return fail();  // a trailing comma
      } else if (in.take(']')) {
        phase_ = Phase::AfterMember;
      } else {
        return fail();
      }
      return Element;
    }
  }
  return fail();
}

JsonArrayStream::Status JsonArrayStream::members() {
  FastJsonParser& in = *parser_;
  for (;;) {
    if (phase_ == Phase::AfterMember) {
      ++root_members_;
      in.skip_blanks();
      if (in.take(',')) {
        in.skip_blanks();
        phase_ = Phase::Member;
      } else if (in.take('}')) {
        root_->close(root_at_, root_members_);
        in.skip_blanks();
        if (!in.at_end()) return fail();
        phase_ = Phase::Done;
        return Done;
      } else {
        return fail();
      }
    }
    // Phase::Member: a key, a colon, a value.
    const std::size_t key_at = root_->size();
    if (!in.parse_key()) return fail();
    const std::string_view key = root_->at(key_at).string();
    if (root_->has_key(root_at_, key, key_at)) return fail();
    in.skip_blanks();
    if (!in.take(':')) return fail();
    in.skip_blanks();
    if (same_key(key, array_key_) && in.peek('[')) {
      // The array: an empty one in the root, its elements one by one.
      root_->close(root_->open(JsonValue::Type::Array), 0);
      array_found_ = true;
      in.take('[');
      in.skip_blanks();
      if (in.take(']')) {
        phase_ = Phase::AfterMember;
        continue;
      }
      phase_ = Phase::InArray;
      return next();
    }
    if (!in.parse_value(1)) return fail();
    phase_ = Phase::AfterMember;
  }
}

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

// ---- [SECTION] Field readers --------------------------------------------------------------------

std::string describe_json(const JsonValue& v) {
  switch (v.type()) {
    case JsonValue::Type::Null: return "got null";
    case JsonValue::Type::Object: return "got an object";
    case JsonValue::Type::Array: return "got an array";
    case JsonValue::Type::Boolean: return v.boolean() ? "got true" : "got false";
    case JsonValue::Type::String:
    case JsonValue::Type::Key: return "got \"" + excerpt(v.string()) + "\"";
    default: return "got " + v.dump();
  }
}

void ObjectReader::report_absent(std::string_view key, bool null, const std::string& expected) {
  if (!null)
    sink_.error_at(path_, "missing required field \"" + std::string(key) + "\"; expected " + expected,
                   false, path_to_string(child(path_, std::string(key))));
  else
    error(key, "expected " + expected + ", got null (this field cannot be unknown)");
}

namespace {

std::string number_text(double v) { return json_number(v).dump(); }

std::string range_text(double lo, double hi) {
  if (hi == std::numeric_limits<double>::infinity()) return "at least " + number_text(lo);
  return "from " + number_text(lo) + " to " + number_text(hi);
}

}  // namespace

// The `expected` texts are built only when there is something to report: building them for every
// field of every program was a good part of importing a large dataset.
std::optional<long long> ObjectReader::integer(std::string_view key, FieldRule rule, long long lo,
                                               long long hi, std::string_view what) {
  const auto expected = [&] {
    return std::string(what) + (lo == hi ? " (" + std::to_string(lo) + ")"
                                         : " (a whole number from " + std::to_string(lo) + " to " +
                                               std::to_string(hi) + ")");
  };
  const JsonValue* v = member(key, rule, expected);
  if (!v) return std::nullopt;
  if (v->is_number_integer()) {
    // Unsigned values above the signed range are out of range anyway.
    const bool too_big = v->is_number_unsigned() &&
                         v->as_uint64() > static_cast<std::uint64_t>(std::numeric_limits<long long>::max());
    const long long x = too_big ? std::numeric_limits<long long>::max() : v->as_int64();
    if (!too_big && x >= lo && x <= hi) return x;
    error(key, "expected " + expected() + ", got " + v->dump());
    return std::nullopt;
  }
  if (v->is_number_float()) {
    const double d = v->as_double();
    if (d == std::floor(d) && d >= static_cast<double>(lo) && d <= static_cast<double>(hi))
      return static_cast<long long>(d);
    error(key, "expected " + expected() + ", got " + v->dump());
    return std::nullopt;
  }
  error(key, "expected " + expected() + ", " + describe_json(*v));
  return std::nullopt;
}

std::optional<double> ObjectReader::number(std::string_view key, FieldRule rule, double lo, double hi,
                                           std::string_view what) {
  const auto expected = [&] { return std::string(what) + " (a number " + range_text(lo, hi) + ")"; };
  const JsonValue* v = member(key, rule, expected);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    error(key, "expected " + expected() + ", " + describe_json(*v));
    return std::nullopt;
  }
  const double d = v->as_double();
  if (d >= lo && d <= hi) return d;
  error(key, "expected " + expected() + ", got " + v->dump());
  return std::nullopt;
}

std::optional<double> ObjectReader::share(std::string_view key, FieldRule rule, std::string_view what) {
  const JsonValue* it = object_.find(key, hint_);
  if (it && it->is_number()) {
    const double d = it->as_double();
    if (d > 1.0 && d <= 100.0) {
      error(key, "expected " + std::string(what) + " (a number from 0 to 1), got " + it->dump() + share_hint(d));
      return std::nullopt;
    }
  }
  return number(key, rule, 0.0, 1.0, what);
}

std::optional<bool> ObjectReader::boolean(std::string_view key, FieldRule rule) {
  const char* expected = rule.nullable ? "true, false or null (unknown)" : "true or false";
  const JsonValue* v = member(key, rule, [&] { return std::string(expected); });
  if (!v) return std::nullopt;
  if (v->is_boolean()) return v->boolean();
  error(key, std::string("expected ") + expected + ", " + describe_json(*v));
  return std::nullopt;
}

std::optional<std::string> ObjectReader::string(std::string_view key, FieldRule rule, bool non_empty) {
  const char* expected = non_empty ? "a non-empty string" : "a string";
  const JsonValue* v = member(key, rule, [&] { return std::string(expected); });
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(key, std::string("expected ") + expected + ", " + describe_json(*v));
    return std::nullopt;
  }
  const std::string_view s = v->string();
  if (non_empty && s.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    error(key, std::string("expected ") + expected + ", got \"" + std::string(s) + "\"");
    return std::nullopt;
  }
  return std::string(s);
}

const JsonValue* ObjectReader::object_member(std::string_view key, FieldRule rule, std::string_view what) {
  const auto expected = [&] { return "an object (" + std::string(what) + ")"; };
  const JsonValue* v = member(key, rule, expected);
  if (v && !v->is_object()) {
    error(key, "expected " + expected() + ", " + describe_json(*v));
    return nullptr;
  }
  return v;
}

const JsonValue* ObjectReader::array_member(std::string_view key, FieldRule rule, std::string_view what) {
  const auto expected = [&] { return "an array (" + std::string(what) + ")"; };
  const JsonValue* v = member(key, rule, expected);
  if (v && !v->is_array()) {
    error(key, "expected " + expected() + ", " + describe_json(*v));
    return nullptr;
  }
  return v;
}

bool check_root(const JsonValue& doc, DiagnosticSink& sink, int supported, std::string_view kind) {
  if (!doc.is_object()) {
    sink.error_at({}, "expected a JSON object (" + std::string(kind) + "), " + describe_json(doc));
    return false;
  }
  ObjectReader r(doc, {}, sink);
  const JsonValue* version = doc.find("schema_version");
  if (!version) {
    sink.warning_at({}, "no schema_version; assuming " + std::to_string(supported) +
                            " (expected \"schema_version\": " + std::to_string(supported) + ")",
                    false, "schema_version");
    return true;
  }
  const JsonValue& v = *version;
  const bool newer = v.is_number_unsigned()
                         ? v.as_uint64() > static_cast<std::uint64_t>(supported)
                         : v.is_number_integer() && v.as_int64() > supported;
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
  // Members usually come in the order of `known` (ours are written that way): try the next name
  // first.
  std::size_t next = 0;
  for (const auto& m : object_.members()) {
    if (next < known.size() && same_key(known.begin()[next], m.key)) {
      ++next;
      continue;
    }
    const auto found = std::find_if(known.begin(), known.end(), [&](std::string_view k) { return same_key(k, m.key); });
    if (found != known.end()) {
      next = static_cast<std::size_t>(found - known.begin()) + 1;
      continue;
    }
    const std::string key(m.key);
    const std::vector<std::string_view> names(known);
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

bool looks_like_utf16(std::string_view s) {
  if (s.size() >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'))) return true;
  // Without a byte order mark: text that is mostly ASCII has a zero in every other byte.
  const std::size_t n = std::min<std::size_t>(s.size(), 512) & ~std::size_t{1};
  if (n < 4) return false;
  std::size_t zero[2] = {0, 0};
  for (std::size_t i = 0; i < n; ++i) zero[i & 1] += s[i] == '\0' ? 1 : 0;
  const std::size_t half = n / 2;
  return (zero[0] * 10 >= half * 4 && zero[1] * 20 < half) || (zero[1] * 10 >= half * 4 && zero[0] * 20 < half);
}

const char* kUtf16Message = "the file is UTF-16 text; expected UTF-8: save it as UTF-8 (in a spreadsheet, as \"CSV UTF-8\")";

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
      "img_share", "img_share_non_us", "visa", "visa.j1", "visa.h1b", "cutoffs", "cutoffs.step2ck_min",
      "cutoffs.max_years_since_graduation", "cutoffs.max_attempts", "cutoffs.usce_required",
      "rural", "accepts_signals", "application_service", "*"};
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
std::string_view to_string(TieKind v) { return name_of(v); }
std::string_view to_string(Track v) { return name_of(v); }
std::string_view to_string(Setting v) { return name_of(v); }
std::string_view to_string(ApplicationService v) { return name_of(v); }

DocumentKind detect_document_kind(std::string_view text, std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext;
    for (char c : file_name.substr(dot + 1)) ext.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    if (ext == "csv") return DocumentKind::ProgramsCsv;
  }
  // UTF-16 (which import refuses with its own message): look for the key in the text without its
  // zero bytes, so the message speaks of the right kind of document.
  if (detail::looks_like_utf16(text)) {
    std::string narrow;
    for (char c : text.substr(0, 1 << 16))
      if (c != '\0') narrow.push_back(c);
    return narrow.find("\"programs\"") != std::string::npos ? DocumentKind::Dataset : DocumentKind::Profile;
  }
  // A top-level "programs" key, found by skipping the other members' values without parsing them,
  // and stopping at the key (a dataset may be tens of megabytes).
  using namespace detail;
  std::size_t p = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  p = skip_ws(text, p);
  if (p >= text.size() || text[p] != '{') return DocumentKind::Profile;
  p = skip_ws(text, p + 1);
  while (p < text.size() && text[p] == '"') {
    if (decode_string(text, p) == "programs") return DocumentKind::Dataset;
    p = skip_ws(text, skip_string(text, p));
    if (p < text.size() && text[p] == ':') p = skip_ws(text, p + 1);
    const std::size_t before = p;
    p = skip_ws(text, skip_value(text, p));
    if (p == before) break;  // not JSON here
    if (p < text.size() && text[p] == ',') p = skip_ws(text, p + 1);
  }
  return DocumentKind::Profile;
}

}  // namespace openpick::core
