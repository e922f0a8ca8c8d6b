// The program dataset as JSON: reading with validation, and deterministic writing.
// Field meanings, units and ranges: docs/DATA.md and assets/schema/dataset.schema.json.
#include <algorithm>
#include <unordered_map>

#include "io_detail.h"

namespace openpick::core {

namespace detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2026", "2026-07" or "2026-07-15": the as-of date is a month in the contract; a year or a full
// date is accepted too.
bool is_as_of_date(std::string_view s) {
  const auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (i >= s.size() || !is_digit(s[i])) return false;
    return true;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(5, 2)) return false;
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(8, 2)) return false;
    const int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (day < 1 || day > 31) return false;
  }
  return true;
}

void read_visa(ObjectReader& r, Program& p) {
  const JsonValue* v = r.object_member("visa", kOptional, "{\"j1\": ..., \"h1b\": ...}");
  if (!v) return;
  ObjectReader visa(*v, child(r.path(), "visa"), r.sink());
  visa.warn_unknown({"j1", "h1b"});
  p.visa.j1 = visa.boolean("j1", kOptional);
  p.visa.h1b = visa.boolean("h1b", kOptional);
}

void read_cutoffs(ObjectReader& r, Program& p) {
  const JsonValue* v = r.object_member("cutoffs", kOptional, "the program's stated cutoffs");
  if (!v) return;
  ObjectReader c(*v, child(r.path(), "cutoffs"), r.sink());
  c.warn_unknown({"step2ck_min", "max_years_since_graduation", "max_attempts", "usce_required"});
  if (auto x = c.integer("step2ck_min", kOptional, kMinScore, kMaxScore, "a minimum Step 2 CK score")) {
    p.cutoffs.step2ck_min = static_cast<int>(*x);
    if (*x > kSuspiciousScore)
      c.warning("step2ck_min", "a minimum Step 2 CK score of " + std::to_string(*x) +
                                   " would exclude nearly every applicant; check it");
  }
  if (auto x = c.integer("max_years_since_graduation", kOptional, 0, kMaxYearsSinceGraduation,
                         "the most years since graduation accepted"))
    p.cutoffs.max_years_since_graduation = static_cast<int>(*x);
  if (auto x = c.integer("max_attempts", kOptional, 1, kMaxAttempts, "the most attempts accepted on any Step"))
    p.cutoffs.max_attempts = static_cast<int>(*x);
  p.cutoffs.usce_required = c.boolean("usce_required", kOptional);
}

void read_sources(ObjectReader& r, Program& p) {
  const JsonValue* v = r.array_member("sources", kOptional, "where the facts come from");
  if (!v) return;
  const JsonPath base = child(r.path(), "sources");
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    JsonPath path = child(base, ++i);
    if (!item.is_object()) {
      r.sink().error_at(path, "expected an object {\"field\": ..., \"source\": ..., \"year\": ...}, " +
                                  describe_json(item));
      continue;
    }
    ObjectReader s(item, std::move(path), r.sink());
    s.warn_unknown({"field", "source", "year"});
    FactSource fact;
    const auto field = s.string("field", kRequired, true);
    const auto source = s.string("source", kRequired, true);
    const auto year = s.integer("year", kOptional, kMinYear, kMaxYear, "the year of the source");
    if (field) {
      fact.field = std::move(*field);
      const auto& known = program_fact_fields();
      if (std::find(known.begin(), known.end(), fact.field) == known.end()) {
        const std::string guess = closest_name(fact.field, known);
        s.warning("field", "\"" + fact.field + "\" is not a program field" +
                               (guess.empty() ? "; expected a field path such as \"visa.h1b\""
                                              : "; did you mean \"" + guess + "\"?"));
      }
    }
    if (source) fact.source = std::move(*source);
    if (year) fact.year = static_cast<int>(*year);
    p.sources.push_back(std::move(fact));
  }
}

void read_state(ObjectReader& r, Program& p) {
  const auto state = r.string("state", kRequired, true);
  if (!state) return;
  if (!is_usps_code(*state)) {
    std::string upper = *state;
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    r.error("state", "unknown state \"" + *state + "\"; expected a two-letter USPS code" +
                         (is_usps_code(upper) ? " in capitals: \"" + upper + "\"" : std::string(" such as \"MS\"")));
    return;
  }
  p.state = std::move(*state);
}

Program read_program(const JsonValue& item, JsonPath path, DiagnosticSink& sink) {
  Program p;
  ObjectReader r(item, std::move(path), sink);
  r.warn_unknown({"id", "name", "institution", "specialty", "track", "city", "state", "setting",
                  "positions", "img_share", "visa", "cutoffs", "rural", "accepts_signals", "sources"});
  if (auto v = r.string("id", kRequired, true)) p.id = std::move(*v);
  if (auto v = r.string("name", kRequired, true)) p.name = std::move(*v);
  if (auto v = r.string("institution", kOptional, false)) p.institution = std::move(*v);
  if (auto v = r.string("specialty", kRequired, true)) p.specialty = std::move(*v);
  if (auto v = r.enumeration<Track>("track", kOptionalNotNull)) p.track = *v;
  if (auto v = r.string("city", kOptional, false)) p.city = std::move(*v);
  read_state(r, p);
  p.setting = r.enumeration<Setting>("setting", kOptional);
  if (auto v = r.integer("positions", kOptional, 0, kMaxPositions, "the number of PGY-1 positions")) {
    p.positions = static_cast<int>(*v);
    if (*v == 0) r.warning("positions", "0 positions: the program offers no PGY-1 position and cannot match anyone");
  }
  p.img_share = r.share("img_share", kOptional, "the share of residents who are IMGs");
  read_visa(r, p);
  read_cutoffs(r, p);
  p.rural = r.boolean("rural", kOptional);
  p.accepts_signals = r.boolean("accepts_signals", kOptional);
  read_sources(r, p);
  return p;
}

}  // namespace
}  // namespace detail

ImportResult<Dataset> parse_dataset_json(std::string_view text, std::string_view file_name) {
  using namespace detail;
  ImportResult<Dataset> result;
  DiagnosticSink sink(file_name);
  JsonDocument json;
  if (!parse_json_document(text, json, sink) ||
      !check_root(json.root(), sink, kDatasetSchemaVersion, "a dataset")) {
    result.diagnostics = sink.finish(text);
    return result;
  }

  Dataset d;
  ObjectReader r(json.root(), {}, sink);
  r.warn_unknown({"schema_version", "name", "version", "as_of", "source", "programs"});
  if (auto v = r.string("name", kRequired, true)) d.name = std::move(*v);
  if (auto v = r.string("version", kOptional, false)) d.version = *v;
  if (auto v = r.string("as_of", kOptional, false)) {
    if (!v->empty() && !is_as_of_date(*v))
      r.error("as_of", "expected a date like \"2026-07\" (year-month), got \"" + *v + "\"");
    d.as_of = *v;
  }
  if (auto v = r.string("source", kOptional, false)) d.source = *v;

  if (const JsonValue* programs = r.array_member("programs", kRequired, "the programs")) {
    const JsonPath base = child(JsonPath{}, "programs");
    if (programs->empty())
      r.error("programs", "the dataset holds no programs; expected at least one");
    // Reserved in full, so the ids the map points at never move.
    d.programs.reserve(programs->size());
    std::unordered_map<std::string_view, std::size_t> first_with_id;
    first_with_id.reserve(programs->size());
    std::size_t i = 0;
    for (const JsonValue& item : programs->elements()) {
      if (sink.full()) break;
      if (!item.is_object()) {
        sink.error_at(child(base, static_cast<long>(i)), "expected a program (an object), " + describe_json(item));
        ++i;
        continue;
      }
      const Program& p = d.programs.emplace_back(read_program(item, child(base, static_cast<long>(i)), sink));
      if (!p.id.empty()) {
        const auto [it, inserted] = first_with_id.emplace(p.id, i);
        if (!inserted)
          sink.error_at(child(child(base, static_cast<long>(i)), "id"), "duplicate id \"" + p.id + "\" (programs[" +
                                               std::to_string(it->second) +
                                               "] has it too); expected each id once");
      }
      ++i;
    }
  }

  result.diagnostics = sink.finish(text);
  if (sink.errors() == 0) result.value = std::move(d);
  return result;
}

std::string dataset_to_json(const Dataset& d) {
  using detail::json_optional;
  using detail::OrderedJson;
  OrderedJson doc = OrderedJson::object();
  doc["schema_version"] = d.schema_version;
  doc["name"] = d.name;
  doc["version"] = d.version;
  doc["as_of"] = d.as_of;
  doc["source"] = d.source;
  OrderedJson programs = OrderedJson::array();
  for (const Program& p : d.programs) {
    OrderedJson j = OrderedJson::object();
    j["id"] = p.id;
    j["name"] = p.name;
    j["institution"] = p.institution;
    j["specialty"] = p.specialty;
    j["track"] = to_string(p.track);
    j["city"] = p.city;
    j["state"] = p.state;
    j["setting"] = p.setting ? OrderedJson(to_string(*p.setting)) : OrderedJson(nullptr);
    j["positions"] = json_optional(p.positions);
    j["img_share"] = json_optional(p.img_share);
    j["visa"] = {{"j1", json_optional(p.visa.j1)}, {"h1b", json_optional(p.visa.h1b)}};
    j["cutoffs"] = {{"step2ck_min", json_optional(p.cutoffs.step2ck_min)},
                    {"max_years_since_graduation", json_optional(p.cutoffs.max_years_since_graduation)},
                    {"max_attempts", json_optional(p.cutoffs.max_attempts)},
                    {"usce_required", json_optional(p.cutoffs.usce_required)}};
    j["rural"] = json_optional(p.rural);
    j["accepts_signals"] = json_optional(p.accepts_signals);
    if (!p.sources.empty()) {
      OrderedJson sources = OrderedJson::array();
      for (const FactSource& s : p.sources)
        sources.push_back({{"field", s.field}, {"source", s.source}, {"year", json_optional(s.year)}});
      j["sources"] = std::move(sources);
    }
    programs.push_back(std::move(j));
  }
  doc["programs"] = std::move(programs);
  return detail::dump_document(doc);
}

}  // namespace openpick::core
