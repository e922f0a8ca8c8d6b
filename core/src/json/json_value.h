// The JSON engine's values: JsonValue, JsonDocument (a whole document in one vector). Private to
// core (not installed). The parsers that fill a document are in json_parse.h.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace openpick::core::detail {

// One JSON value of a JsonDocument. A document keeps all its values in one vector in document
// order: a container is followed by its members (each a key, then the value) or elements, and
// knows how many slots its subtree spans, so values need no allocation of their own (a DOM of
// nlohmann values made one per string and member, and building and freeing it was most of the time
// of importing a large dataset). Strings point into the parsed text, or, when they held escapes,
// into the document's own store: a document must not outlive the text it was parsed from.
// Equal keys: most differ in length or first byte, which is checked before calling memcmp.
inline bool same_key(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a.compare(b) == 0));
}

class JsonValue {
 public:
  enum class Type : std::uint8_t { Null, Boolean, Integer, Unsigned, Float, String, Array, Object, Key };

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::Null; }
  bool is_boolean() const { return type_ == Type::Boolean; }
  bool is_string() const { return type_ == Type::String; }
  bool is_array() const { return type_ == Type::Array; }
  bool is_object() const { return type_ == Type::Object; }
  // As in nlohmann_json: a number without fraction or exponent is an integer, Unsigned when it has
  // no minus sign; 1.0 and 1e2 are floats.
  bool is_number() const { return type_ == Type::Integer || type_ == Type::Unsigned || type_ == Type::Float; }
  bool is_number_integer() const { return type_ == Type::Integer || type_ == Type::Unsigned; }
  bool is_number_unsigned() const { return type_ == Type::Unsigned; }
  bool is_number_float() const { return type_ == Type::Float; }

  bool boolean() const { return b_; }
  std::int64_t as_int64() const { return type_ == Type::Unsigned ? static_cast<std::int64_t>(u_) : i_; }
  std::uint64_t as_uint64() const { return type_ == Type::Unsigned ? u_ : static_cast<std::uint64_t>(i_); }
  double as_double() const {
    return type_ == Type::Float ? d_ : type_ == Type::Unsigned ? static_cast<double>(u_) : static_cast<double>(i_);
  }
  std::string_view string() const { return {s_, size_}; }
  // Members of an object, elements of an array.
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // An object's member (the first one with that key), or nullptr.
  const JsonValue* find(std::string_view key) const {
    for (const JsonValue* k = this + 1; k != this + span_; k = k + 1 + k[1].span_)
      if (same_key(k->string(), key)) return k + 1;
    return nullptr;
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  // As find, starting at `hint` (a key of this object, or nullptr) and wrapping around; `hint` then
  // points past the member found. Readers ask for members mostly in document order, so most
  // look-ups compare one key. Keys are unique in a document that parsed without errors.
  const JsonValue* find(std::string_view key, const JsonValue*& hint) const {
    const JsonValue* first = this + 1;
    const JsonValue* last = this + span_;
    const JsonValue* start = hint && hint > this && hint < last ? hint : first;
    for (int pass = 0; pass < 2; ++pass) {
      for (const JsonValue* k = pass == 0 ? start : first; k != (pass == 0 ? last : start); k = k + 1 + k[1].span_) {
        if (same_key(k->string(), key)) {
          hint = k + 1 + k[1].span_;
          return k + 1;
        }
      }
    }
    return nullptr;
  }

  // for (const JsonValue& e : array.elements())   for (const auto& [key, value] : object.members())
  class ElementIterator {
   public:
    explicit ElementIterator(const JsonValue* at) : at_(at) {}
    const JsonValue& operator*() const { return *at_; }
    ElementIterator& operator++() {
      at_ += at_->span_;
      return *this;
    }
    bool operator!=(const ElementIterator& o) const { return at_ != o.at_; }

   private:
    const JsonValue* at_;
  };
  struct Member {
    std::string_view key;
    const JsonValue& value;
  };
  class MemberIterator {
   public:
    explicit MemberIterator(const JsonValue* at) : at_(at) {}
    Member operator*() const { return {at_->string(), at_[1]}; }
    MemberIterator& operator++() {
      at_ += 1 + at_[1].span_;
      return *this;
    }
    bool operator!=(const MemberIterator& o) const { return at_ != o.at_; }

   private:
    const JsonValue* at_;
  };
  template <class It>
  struct Range {
    It b, e;
    It begin() const { return b; }
    It end() const { return e; }
  };
  Range<ElementIterator> elements() const { return {ElementIterator(this + 1), ElementIterator(this + span_)}; }
  Range<MemberIterator> members() const { return {MemberIterator(this + 1), MemberIterator(this + span_)}; }

  // The value as JSON text, for messages ("got 12.5"): numbers exactly as nlohmann_json writes them.
  std::string dump() const;

 private:
  friend class JsonDocumentBuilder;
  Type type_ = Type::Null;
  bool b_ = false;
  std::uint32_t size_ = 0;  // members, elements, or string bytes
  std::uint32_t span_ = 1;  // slots of this value's subtree, itself included
  union {
    std::int64_t i_ = 0;
    std::uint64_t u_;
    double d_;
    const char* s_;
  };
};

class JsonDocument {
 public:
  const JsonValue& root() const { return values_.front(); }
  bool empty() const { return values_.empty(); }

 private:
  friend class JsonDocumentBuilder;
  std::vector<JsonValue> values_;
  std::deque<std::string> strings_;  // decoded strings (a deque never moves its elements)
};

}  // namespace openpick::core::detail
