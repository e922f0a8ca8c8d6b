// Private to the JSON engine: how a parser appends values to a JsonDocument.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "json_value.h"

namespace openpick::core::detail {

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

}  // namespace openpick::core::detail
