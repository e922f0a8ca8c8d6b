// Private to the JSON engine: the strict fast parser, shared by parse_json_document and
// JsonArrayStream (json_parse.h). Its members are defined in the class so both can inline them.
#pragma once

#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include "json_builder.h"
#include "json_path.h"
#include "openpick/core/io.h"

namespace openpick::core::detail {

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
      if (c >= '0' && c <= '9')
        cp |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        cp |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        cp |= static_cast<unsigned>(c - 'A' + 10);
      else
        return false;
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
    const std::uint64_t special = (w & k80) | ((w - k01 * 0x20) & ~w & k80) | ((quote - k01) & ~quote & k80) |
                                  ((backslash - k01) & ~backslash & k80);
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
      if (negative)
        out_->add_integer(-static_cast<std::int64_t>(u));
      else
        out_->add_unsigned(u);
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
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
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

}  // namespace openpick::core::detail
