// Reading the fields of a JSON document: typed getters that report a wrong type, a missing field
// or an out-of-range value with its path (ObjectReader), the schema_version check, and the export
// helpers for numbers. Private to core (not installed).
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "io_diagnostics.h"
#include "io_enum_names.h"
#include "io_text.h"
#include "json/json_path.h"
#include "json/json_value.h"
#include "openpick/core/program_rules.h"

namespace openpick::core::detail {

// How a field may be absent: Required fields must be present; Nullable ones may be null (unknown).
struct FieldRule {
  bool required = false;
  bool nullable = true;
};
inline constexpr FieldRule kRequired{true, false};
inline constexpr FieldRule kRequiredNullable{true, true};   // must be present, may be null
inline constexpr FieldRule kOptional{false, true};          // missing or null: unknown
inline constexpr FieldRule kOptionalNotNull{false, false};  // missing: default; null: error

// The members of one JSON object, read one field at a time. Each getter returns a value only when
// the field is present, of the right type and in range; otherwise it reports why (or, for a
// missing optional field or an allowed null, stays quiet) and returns nullopt.
class ObjectReader {
 public:
  ObjectReader(const JsonValue& object, JsonPath path, DiagnosticSink& sink)
      : object_(object), path_(std::move(path)), sink_(sink) {}

  const JsonPath& path() const { return path_; }
  DiagnosticSink& sink() { return sink_; }
  // The member, or nullptr when missing (reporting it when required) or null (reporting it when not
  // nullable). `expected()` gives the text for "expected X" and is called only to report.
  template <class Expected>
  const JsonValue* member(std::string_view key, FieldRule rule, const Expected& expected) {
    const JsonValue* v = object_.find(key, hint_);
    if (v && !v->is_null()) return v;
    if (v ? !rule.nullable : rule.required) report_absent(key, v != nullptr, expected());
    return nullptr;
  }

  std::optional<long long> integer(std::string_view key, FieldRule rule, long long lo, long long hi,
                                   std::string_view what);
  std::optional<double> number(std::string_view key, FieldRule rule, double lo, double hi, std::string_view what);
  // A program's whole-number fact, against its range (program_rules.h).
  std::optional<long long> integer(std::string_view key, FieldRule rule, const WholeNumberFact& fact) {
    return integer(key, rule, fact.range.min, fact.range.max, fact.what);
  }
  // A share (kShareRange); a value such as 45 gets the hint that 0.45 was probably meant.
  std::optional<double> share(std::string_view key, FieldRule rule, const ShareFact& fact);
  std::optional<bool> boolean(std::string_view key, FieldRule rule);
  std::optional<std::string> string(std::string_view key, FieldRule rule, bool non_empty);
  template <class E>
  std::optional<E> enumeration(std::string_view key, FieldRule rule);

  // An object or array member, or nullptr (reporting a wrong type like the getters above).
  const JsonValue* object_member(std::string_view key, FieldRule rule, std::string_view what);
  const JsonValue* array_member(std::string_view key, FieldRule rule, std::string_view what);

  // Warns about every member not in `known`, suggesting the closest known name.
  void warn_unknown(std::initializer_list<std::string_view> known);

  void error(std::string_view key, std::string message) {
    sink_.error_at(child(path_, std::string(key)), std::move(message));
  }
  void warning(std::string_view key, std::string message) {
    sink_.warning_at(child(path_, std::string(key)), std::move(message));
  }

 private:
  void report_absent(std::string_view key, bool null, const std::string& expected);

  const JsonValue& object_;
  const JsonValue* hint_ = nullptr;  // where the next member look-up starts
  JsonPath path_;
  DiagnosticSink& sink_;
};

// Checks the root is an object and reads its schema_version: newer than `supported` is an error;
// missing is tolerated (assumed `supported`) with a warning. Returns false when the root is not an
// object (nothing more can be read).
bool check_root(const JsonValue& doc, DiagnosticSink& sink, int supported, std::string_view kind);

// Export helpers: doubles that are whole numbers are written as integers ("budget_usd": 1500),
// others in nlohmann's shortest round-trip form; unknown is null.
using OrderedJson = nlohmann::ordered_json;
OrderedJson json_number(double v);
template <class T>
OrderedJson json_optional(const std::optional<T>& v) {
  if (!v) return OrderedJson(nullptr);
  if constexpr (std::is_same_v<T, double>)
    return json_number(*v);
  else
    return OrderedJson(*v);
}
// Two-space indent, UTF-8 kept as is (invalid bytes replaced, so export never throws), newline.
std::string dump_document(const OrderedJson& doc);

// "got "abc"", "got an object", "got 12.5": what the user wrote, for "expected X, got Y".
// Long strings are cut (on a UTF-8 character boundary) so one message stays one line.
std::string describe_json(const JsonValue& value);

template <class E>
std::optional<E> ObjectReader::enumeration(std::string_view key, FieldRule rule) {
  const JsonValue* v = member(key, rule, [] { return "one of " + join_names(enum_names<E>()); });
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(key, "expected one of " + join_names(enum_names<E>()) + ", " + describe_json(*v));
    return std::nullopt;
  }
  const std::string_view s = v->string();
  if (auto e = enum_from_name<E>(s)) return e;
  error(key, unknown_enum_message<E>(s));
  return std::nullopt;
}

}  // namespace openpick::core::detail
