// The program dataset as JSON: reading with validation, and deterministic writing.
// Field meanings, units and ranges: docs/DATA.md and assets/schema/dataset.schema.json.
#include <algorithm>
#include <limits>
#include <unordered_map>

#include "io_readers.h"

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

// A stated cutoff is a plain value (strict) or {"value": V, "strict": false} (applied flexibly:
// failing it lowers the chance instead of excluding). `read_value(reader, key, rule)` reads V.
template <class ReadValue>
void read_cutoff(ObjectReader& c, std::string_view key, bool& strict, ReadValue&& read_value) {
  const JsonValue* v = c.member(key, kOptional, [] { return std::string(); });
  if (v == nullptr || !v->is_object()) {
    read_value(c, key, kOptional);
    return;
  }
  ObjectReader o(*v, child(c.path(), std::string(key)), c.sink());
  o.warn_unknown({"value", "strict"});
  read_value(o, "value", kRequiredNullable);
  strict = o.boolean("strict", kOptionalNotNull).value_or(true);
}

void read_cutoffs(ObjectReader& r, Program& p) {
  const JsonValue* v = r.object_member("cutoffs", kOptional, "the program's stated cutoffs");
  if (!v) return;
  ObjectReader c(*v, child(r.path(), "cutoffs"), r.sink());
  c.warn_unknown({"step2ck_min", "max_years_since_graduation", "max_attempts", "usce_required"});
  Cutoffs& out = p.cutoffs;
  read_cutoff(c, "step2ck_min", out.strict.step2ck_min, [&](ObjectReader& o, std::string_view key, FieldRule rule) {
    if (auto x = o.integer(key, rule, kStep2ckMinFact)) {
      out.step2ck_min = static_cast<int>(*x);
      if (*x > kSuspiciousScore)
        o.warning(key, "a minimum Step 2 CK score of " + std::to_string(*x) +
                           " would exclude nearly every applicant; check it");
    }
  });
  read_cutoff(c, "max_years_since_graduation", out.strict.max_years_since_graduation,
              [&](ObjectReader& o, std::string_view key, FieldRule rule) {
                if (auto x = o.integer(key, rule, kMaxYearsSinceGraduationFact))
                  out.max_years_since_graduation = static_cast<int>(*x);
              });
  read_cutoff(c, "max_attempts", out.strict.max_attempts, [&](ObjectReader& o, std::string_view key, FieldRule rule) {
    if (auto x = o.integer(key, rule, kMaxAttemptsFact)) out.max_attempts = static_cast<int>(*x);
  });
  read_cutoff(c, "usce_required", out.strict.usce_required,
              [&](ObjectReader& o, std::string_view key, FieldRule rule) { out.usce_required = o.boolean(key, rule); });
}

void read_sources(ObjectReader& r, Program& p) {
  const JsonValue* v = r.array_member("sources", kOptional, "where the facts come from");
  if (!v) return;
  const JsonPath base = child(r.path(), "sources");
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    JsonPath path = child(base, ++i);
    if (!item.is_object()) {
      r.sink().error_at(path,
                        "expected an object {\"field\": ..., \"source\": ..., \"year\": ...}, " + describe_json(item));
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

void read_state(ObjectReader& r, Program& p, FieldRule rule) {
  const auto state = r.string("state", rule, true);
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

}  // namespace

Program read_program(const JsonValue& item, JsonPath path, DiagnosticSink& sink, ProgramFields fields) {
  // A research entry (Partial) sets only the facts it names: no field is required there, the
  // sources are the workspace's own kind (workspace.h), and a name, specialty or state given must
  // not be null (a program always has them).
  const bool full = fields == ProgramFields::Full;
  const FieldRule required = full ? kRequired : kOptionalNotNull;
  Program p;
  ObjectReader r(item, std::move(path), sink);
  r.warn_unknown({"id", "name", "institution", "specialty", "track", "city", "state", "setting", "positions",
                  "img_share", "img_share_non_us", "visa", "cutoffs", "rural", "accepts_signals", "sources",
                  "application_service"});
  if (full) {
    if (auto v = r.string("id", kRequired, true)) p.id = std::move(*v);
  }
  if (auto v = r.string("name", required, true)) p.name = std::move(*v);
  if (auto v = r.string("institution", kOptional, false)) p.institution = std::move(*v);
  if (auto v = r.string("specialty", required, true)) p.specialty = std::move(*v);
  if (auto v = r.enumeration<Track>("track", kOptionalNotNull)) p.track = *v;
  if (auto v = r.string("city", kOptional, false)) p.city = std::move(*v);
  read_state(r, p, required);
  p.setting = r.enumeration<Setting>("setting", kOptional);
  if (auto v = r.integer("positions", kOptional, kPositionsFact)) {
    p.positions = static_cast<int>(*v);
    if (*v == 0) r.warning("positions", "0 positions: the program offers no PGY-1 position and cannot match anyone");
  }
  p.img_share = r.share("img_share", kOptional, kImgShareFact);
  p.img_share_non_us = r.share("img_share_non_us", kOptional, kImgShareNonUsFact);
  if (p.img_share && p.img_share_non_us && *p.img_share_non_us > *p.img_share)
    r.warning("img_share_non_us", "the non-US IMG share is larger than the share of all IMGs (img_share); check both");
  read_visa(r, p);
  read_cutoffs(r, p);
  p.rural = r.boolean("rural", kOptional);
  p.accepts_signals = r.boolean("accepts_signals", kOptional);
  if (full) read_sources(r, p);
  // Unknown (absent or null): decided by the specialty when the list is priced (fees.h).
  p.application_service = r.enumeration<ApplicationService>("application_service", kOptional);
  return p;
}

}  // namespace detail

namespace detail {

std::string too_many_programs_message() {
  static_assert(kMaxPrograms == 100000, "the message spells the limit out");
  return std::string("more than 100,000") +
         " programs; OpenPick reads at most that many in one list (the 2025 Main Match had 6,264 "
         "program tracks): split the file, or leave out programs you would not apply to";
}

namespace {

// Reads a dataset document one program at a time (JsonArrayStream), so neither the time nor the
// memory of a large file is spent at once. Anything the strict streaming parser declines (a syntax
// error, NaN, a 20-digit number, a duplicate key...) sends the whole text through
// parse_json_document, whose careful path gives the exact diagnostics.
class DatasetJsonReader final : public ProgramListImport::Reader {
 public:
  DatasetJsonReader(std::string_view text, std::string_view file_name, bool whole)
      : text_(text), file_(file_name), sink_(file_name), stream_(text, "programs"), lines_(text) {
    if (whole) read_whole();
  }

  bool step(std::size_t programs) override {
    for (std::size_t k = 0; k < programs && !done_; ++k) {
      switch (stream_.next()) {
        case JsonArrayStream::Element: take_streamed_element(); break;
        case JsonArrayStream::Done: finish_streamed(); break;
        case JsonArrayStream::Failed: read_whole(); break;
      }
    }
    return done_;
  }

  double progress() const override {
    return done_ || text_.empty() ? 1.0 : static_cast<double>(stream_.position()) / static_cast<double>(text_.size());
  }

  ImportResult<Dataset> take_result() override { return std::move(result_); }

 private:
  // One element of "programs": a program, checked, its id compared with the ones before.
  void add_program(const JsonValue& item, std::size_t i) {
    const JsonPath path = child(base_, static_cast<long>(i));
    if (!item.is_object()) {
      sink_.error_at(path, "expected a program (an object), " + describe_json(item));
      return;
    }
    const Program& p = d_.programs.emplace_back(read_program(item, path, sink_));
    if (p.id.empty()) return;
    const auto [it, inserted] = first_with_id_.emplace(p.id, i);
    if (!inserted)
      sink_.error_at(child(path, "id"), "duplicate id \"" + p.id + "\" (programs[" + std::to_string(it->second) +
                                            "] has it too); expected each id once");
  }

  void take_streamed_element() {
    const auto i = static_cast<std::size_t>(stream_.index());
    if (i >= kMaxPrograms) {
      lines_.advance_to(stream_.element_offset());
      const auto [line, column] = lines_.peek(stream_.element_offset());
      sink_.error_pos(line, column, path_to_string(child(base_, static_cast<long>(i))), too_many_programs_message());
      return finish();
    }
    if (sink_.full()) return;  // read on to the end for the document's own fields, but quietly
    const std::size_t mark = sink_.pending_count();
    add_program(stream_.element(), i);
    if (sink_.pending_count() > mark) resolve_element(mark);
  }

  // Positions for the element's diagnostics, found in the element's own text.
  void resolve_element(std::size_t mark) {
    lines_.advance_to(stream_.element_offset());
    sink_.resolve_piece(mark, 2, stream_.element_text(), stream_.element_offset(), lines_);
  }

  // The document's own fields; `streamed` when its programs were read element by element.
  bool read_document(const JsonValue& root, bool streamed) {
    if (!check_root(root, sink_, kDatasetSchemaVersion, "a dataset")) return false;
    ObjectReader r(root, {}, sink_);
    r.warn_unknown({"schema_version", "name", "version", "as_of", "source", "programs"});
    if (auto v = r.string("name", kRequired, true)) d_.name = std::move(*v);
    if (auto v = r.string("version", kOptional, false)) d_.version = *v;
    if (auto v = r.string("as_of", kOptional, false)) {
      if (!v->empty() && !is_as_of_date(*v))
        r.error("as_of", "expected a date like \"2026-07\" (year-month), got \"" + *v + "\"");
      d_.as_of = *v;
    }
    if (auto v = r.string("source", kOptional, false)) d_.source = *v;
    const JsonValue* programs = streamed ? nullptr : r.array_member("programs", kRequired, "the programs");
    const std::size_t count = streamed   ? static_cast<std::size_t>(stream_.index() + 1)
                              : programs ? programs->size()
                                         : 1;
    if (count == 0) r.error("programs", "the dataset holds no programs; expected at least one");
    if (!programs) return true;
    if (programs->size() > kMaxPrograms) {
      r.error("programs", too_many_programs_message());
      return true;
    }
    d_.programs.reserve(programs->size());
    std::size_t i = 0;
    for (const JsonValue& item : programs->elements()) {
      if (sink_.full()) break;
      add_program(item, i++);
    }
    return true;
  }

  void finish_streamed() {
    const std::size_t mark = sink_.pending_count();
    read_document(stream_.root(), stream_.array_found());
    sink_.move_to_front(mark);
    finish();
  }

  // The strict parser declined the text: read it whole, the careful way, from the start.
  void read_whole() {
    sink_ = DiagnosticSink(file_);
    d_ = Dataset{};
    first_with_id_.clear();
    JsonDocument json;
    if (parse_json_document(text_, json, sink_)) read_document(json.root(), false);
    finish();
  }

  void finish() {
    result_.diagnostics = sink_.finish(text_);
    if (sink_.errors() == 0) result_.value = std::move(d_);
    done_ = true;
  }

  std::string_view text_;
  std::string file_;
  DiagnosticSink sink_;
  JsonArrayStream stream_;
  LineCursor lines_;
  const JsonPath base_ = child(JsonPath{}, "programs");
  Dataset d_;
  std::unordered_map<std::string, std::size_t> first_with_id_;
  ImportResult<Dataset> result_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ProgramListImport::Reader> make_dataset_json_reader(std::string_view text, std::string_view file_name) {
  return std::make_unique<DatasetJsonReader>(text, file_name, false);
}

ImportResult<Dataset> parse_dataset_json_whole(std::string_view text, std::string_view file_name) {
  return DatasetJsonReader(text, file_name, true).take_result();
}

}  // namespace detail

ImportResult<Dataset> parse_dataset_json(std::string_view text, std::string_view file_name) {
  const auto reader = detail::make_dataset_json_reader(text, file_name);
  while (!reader->step(std::numeric_limits<std::size_t>::max())) {
  }
  return reader->take_result();
}

std::string dataset_to_json(const Dataset& d) {
  using detail::OrderedJson;
  OrderedJson doc = OrderedJson::object();
  doc["schema_version"] = d.schema_version;
  doc["name"] = d.name;
  doc["version"] = d.version;
  doc["as_of"] = d.as_of;
  doc["source"] = d.source;
  OrderedJson programs = OrderedJson::array();
  for (const Program& p : d.programs) programs.push_back(detail::program_to_ordered_json(p));
  doc["programs"] = std::move(programs);
  return detail::dump_document(doc);
}

namespace detail {
OrderedJson program_to_ordered_json(const Program& p) {
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
  if (p.img_share_non_us) j["img_share_non_us"] = json_number(*p.img_share_non_us);
  j["visa"] = {{"j1", json_optional(p.visa.j1)}, {"h1b", json_optional(p.visa.h1b)}};
  // A flexible cutoff is written {"value": V, "strict": false}; a strict one as its plain value.
  const auto cutoff = [](OrderedJson value, bool strict) {
    if (strict || value.is_null()) return value;
    return OrderedJson{{"value", std::move(value)}, {"strict", false}};
  };
  const Cutoffs& c = p.cutoffs;
  j["cutoffs"] = {{"step2ck_min", cutoff(json_optional(c.step2ck_min), c.strict.step2ck_min)},
                  {"max_years_since_graduation",
                   cutoff(json_optional(c.max_years_since_graduation), c.strict.max_years_since_graduation)},
                  {"max_attempts", cutoff(json_optional(c.max_attempts), c.strict.max_attempts)},
                  {"usce_required", cutoff(json_optional(c.usce_required), c.strict.usce_required)}};
  j["rural"] = json_optional(p.rural);
  j["accepts_signals"] = json_optional(p.accepts_signals);
  if (p.application_service) j["application_service"] = std::string(to_string(*p.application_service));
  if (!p.sources.empty()) {
    OrderedJson sources = OrderedJson::array();
    for (const FactSource& s : p.sources)
      sources.push_back({{"field", s.field}, {"source", s.source}, {"year", json_optional(s.year)}});
    j["sources"] = std::move(sources);
  }
  return j;
}
}  // namespace detail

}  // namespace openpick::core
