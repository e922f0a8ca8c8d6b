// Paths, positions and the light scan of JSON text (json_path.h).
#include "json_path.h"

#include <algorithm>

namespace openpick::core::detail {

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

std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) { return LineCursor(text).peek(offset); }

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
  while (p < t.size() && t[p] != ',' && t[p] != '}' && t[p] != ']' && t[p] != ' ' && t[p] != '\t' && t[p] != '\n' &&
         t[p] != '\r')
    ++p;
  return p;
}

namespace {

unsigned read_hex4(std::string_view t, std::size_t p) {
  unsigned v = 0;
  for (std::size_t k = 0; k < 4 && p + k < t.size(); ++k) {
    const char c = t[p + k];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= static_cast<unsigned>(c - 'A' + 10);
  }
  return v;
}

}  // namespace

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

}  // namespace openpick::core::detail
