// Reading the fields of a JSON document, and the export helpers for numbers (io_fields.h).
#include "io_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "io_program_checks.h"

namespace openpick::core::detail {

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
    sink_.error_at(path_, "missing required field \"" + std::string(key) + "\"; expected " + expected, false,
                   path_to_string(child(path_, std::string(key))));
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
std::optional<long long> ObjectReader::integer(std::string_view key, FieldRule rule, long long lo, long long hi,
                                               std::string_view what) {
  const auto expected = [&] {
    return std::string(what) +
           (lo == hi ? " (" + std::to_string(lo) + ")"
                     : " (a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ")");
  };
  const JsonValue* v = member(key, rule, expected);
  if (!v) return std::nullopt;
  if (v->is_number_integer()) {
    // Unsigned values above the signed range are out of range anyway.
    const bool too_big =
        v->is_number_unsigned() && v->as_uint64() > static_cast<std::uint64_t>(std::numeric_limits<long long>::max());
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

std::optional<double> ObjectReader::share(std::string_view key, FieldRule rule, const ShareFact& fact) {
  const JsonValue* it = object_.find(key, hint_);
  if (it && it->is_number()) {
    const double d = it->as_double();
    if (d > kShareRange.max && d <= 100.0) {
      error(key, "expected " + std::string(fact.what) + " (a number " + range_text(kShareRange.min, kShareRange.max) +
                     "), got " + it->dump() + share_hint(d));
      return std::nullopt;
    }
  }
  return number(key, rule, kShareRange.min, kShareRange.max, fact.what);
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
    sink.warning_at({},
                    "no schema_version; assuming " + std::to_string(supported) +
                        " (expected \"schema_version\": " + std::to_string(supported) + ")",
                    false, "schema_version");
    return true;
  }
  const JsonValue& v = *version;
  const bool newer = v.is_number_unsigned() ? v.as_uint64() > static_cast<std::uint64_t>(supported)
                                            : v.is_number_integer() && v.as_int64() > supported;
  if (newer) {
    r.error("schema_version", "schema_version " + v.dump() + " is newer than this OpenPick reads (" +
                                  std::to_string(supported) + "); expected " + std::to_string(supported) +
                                  ": update OpenPick to open this file");
    return true;
  }
  r.integer("schema_version", kRequired, 1, supported, "the format version");
  return true;
}

OrderedJson json_number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e15) return OrderedJson(static_cast<long long>(v));
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

}  // namespace openpick::core::detail
