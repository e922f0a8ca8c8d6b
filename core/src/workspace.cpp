// The workspace document: its facts table, reading with validation, deterministic writing.
// Format: docs/DATA.md, "Your workspace"; assets/schema/workspace.schema.json.
//
// [SECTION] Facts a research entry sets     research_fact_fields, copy_fact, fact_json
// [SECTION] Dates                           read_calendar_date
// [SECTION] Reading                         parse_workspace_json (profile and programs read by
//                                           io_profile.cpp's and io_dataset.cpp's own readers)
// [SECTION] Writing                         workspace_to_json
#include <algorithm>
#include <set>

#include "workspace_detail.h"

namespace openpick::core {

// ---- [SECTION] Facts a research entry sets ------------------------------------------------------

namespace detail {
namespace {

struct FactCopy {
  std::string_view field;
  void (*copy)(const Program& from, Program& to);
};

// One line per fact; a cutoff's strictness travels with its value.
const FactCopy kFacts[] = {
    {"name", [](const Program& f, Program& t) { t.name = f.name; }},
    {"institution", [](const Program& f, Program& t) { t.institution = f.institution; }},
    {"specialty", [](const Program& f, Program& t) { t.specialty = f.specialty; }},
    {"track", [](const Program& f, Program& t) { t.track = f.track; }},
    {"city", [](const Program& f, Program& t) { t.city = f.city; }},
    {"state", [](const Program& f, Program& t) { t.state = f.state; }},
    {"setting", [](const Program& f, Program& t) { t.setting = f.setting; }},
    {"positions", [](const Program& f, Program& t) { t.positions = f.positions; }},
    {"img_share", [](const Program& f, Program& t) { t.img_share = f.img_share; }},
    {"img_share_non_us", [](const Program& f, Program& t) { t.img_share_non_us = f.img_share_non_us; }},
    {"visa.j1", [](const Program& f, Program& t) { t.visa.j1 = f.visa.j1; }},
    {"visa.h1b", [](const Program& f, Program& t) { t.visa.h1b = f.visa.h1b; }},
    {"cutoffs.step2ck_min",
     [](const Program& f, Program& t) {
       t.cutoffs.step2ck_min = f.cutoffs.step2ck_min;
       t.cutoffs.strict.step2ck_min = f.cutoffs.strict.step2ck_min;
     }},
    {"cutoffs.max_years_since_graduation",
     [](const Program& f, Program& t) {
       t.cutoffs.max_years_since_graduation = f.cutoffs.max_years_since_graduation;
       t.cutoffs.strict.max_years_since_graduation = f.cutoffs.strict.max_years_since_graduation;
     }},
    {"cutoffs.max_attempts",
     [](const Program& f, Program& t) {
       t.cutoffs.max_attempts = f.cutoffs.max_attempts;
       t.cutoffs.strict.max_attempts = f.cutoffs.strict.max_attempts;
     }},
    {"cutoffs.usce_required",
     [](const Program& f, Program& t) {
       t.cutoffs.usce_required = f.cutoffs.usce_required;
       t.cutoffs.strict.usce_required = f.cutoffs.strict.usce_required;
     }},
    {"rural", [](const Program& f, Program& t) { t.rural = f.rural; }},
    {"accepts_signals", [](const Program& f, Program& t) { t.accepts_signals = f.accepts_signals; }},
    {"application_service", [](const Program& f, Program& t) { t.application_service = f.application_service; }},
};

// "visa.j1" -> {"visa", "j1"}; "name" -> {"name", ""}.
std::pair<std::string_view, std::string_view> split_field(std::string_view field) {
  const auto dot = field.find('.');
  if (dot == std::string_view::npos) return {field, {}};
  return {field.substr(0, dot), field.substr(dot + 1)};
}

}  // namespace

bool copy_fact(const Program& from, Program& to, std::string_view field) {
  for (const FactCopy& f : kFacts)
    if (f.field == field) {
      f.copy(from, to);
      return true;
    }
  return false;
}

OrderedJson fact_json(const Program& program, std::string_view field) {
  const OrderedJson j = program_to_ordered_json(program);
  const auto [outer, inner] = split_field(field);
  const auto it = j.find(std::string(outer));
  if (it == j.end()) return OrderedJson(nullptr);  // written only when known (img_share_non_us, ...)
  if (inner.empty()) return *it;
  const auto in = it->find(std::string(inner));
  return in == it->end() ? OrderedJson(nullptr) : *in;
}

std::string fact_text(const Program& program, std::string_view field) { return fact_json(program, field).dump(); }

void add_field(std::vector<std::string>& fields, std::string_view field) {
  if (std::find(fields.begin(), fields.end(), field) != fields.end()) return;
  fields.emplace_back(field);
  const auto& order = research_fact_fields();
  const auto rank = [&](const std::string& f) { return std::find(order.begin(), order.end(), f) - order.begin(); };
  std::sort(fields.begin(), fields.end(),
            [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
}

}  // namespace detail

const std::vector<std::string_view>& research_fact_fields() {
  static const std::vector<std::string_view> kFields = [] {
    std::vector<std::string_view> out;
    for (const auto& f : detail::kFacts) out.push_back(f.field);
    return out;
  }();
  return kFields;
}

bool copy_research_fact(const Program& from, Program& to, std::string_view field) {
  return detail::copy_fact(from, to, field);
}

bool same_research_fact(const Program& a, const Program& b, std::string_view field) {
  return detail::fact_json(a, field) == detail::fact_json(b, field);
}

std::string research_fact_text(const Program& program, std::string_view field) {
  return detail::fact_text(program, field);
}

bool source_covers(std::string_view what, std::string_view field) {
  if (what == "*" || what == field) return true;
  return field.size() > what.size() && field.substr(0, what.size()) == what && field[what.size()] == '.';
}

bool Research::sets(std::string_view field) const {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

std::string fact_date(const Research& research, std::string_view field) {
  std::string newest;
  for (const ResearchSource& s : research.sources)
    if (source_covers(s.what, field) && s.date > newest) newest = s.date;  // "YYYY-MM-DD" sorts as text
  return newest;
}

std::string_view to_string(TrackerStatus status) {
  for (const auto& item : detail::EnumTable<TrackerStatus>::items)
    if (item.value == status) return item.name;
  return "?";
}

// ---- [SECTION] Dates ----------------------------------------------------------------------------

std::optional<CalendarDate> read_calendar_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  const CalendarDate d{number(0, 4), number(5, 2), number(8, 2)};
  if (d.year < kYearRange.min || d.year > kYearRange.max || d.month < 1 || d.month > 12 || d.day < 1)
    return std::nullopt;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = d.month == 2 && leap ? 29 : kDays[d.month - 1];
  if (d.day > days) return std::nullopt;
  return d;
}

// ---- [SECTION] Reading --------------------------------------------------------------------------

namespace detail {
namespace {

constexpr const char* kDateExpected = "a date \"YYYY-MM-DD\" such as \"2026-09-25\"";

// A "YYYY-MM-DD" member; the message says what was written.
std::optional<std::string> read_date(ObjectReader& r, std::string_view key, FieldRule rule) {
  auto v = r.string(key, rule, true);
  if (!v) return std::nullopt;
  if (!read_calendar_date(*v)) {
    r.error(key, std::string("expected ") + kDateExpected + " (year, month, day), got \"" + excerpt(*v) + "\"");
    return std::nullopt;
  }
  return v;
}

// The fields a research entry's JSON object names (present, null included), in table order.
// "visa": null or "cutoffs": null names every fact of the group (all unknown).
std::vector<std::string> named_fields(const JsonValue& entry) {
  std::vector<std::string> out;
  for (std::string_view field : research_fact_fields()) {
    const auto [outer, inner] = split_field(field);
    const JsonValue* v = entry.find(outer);
    if (v && (inner.empty() || v->is_null() || (v->is_object() && v->find(inner)))) out.emplace_back(field);
  }
  return out;
}

void read_research_sources(ObjectReader& r, Research& out) {
  const JsonValue* v = r.array_member("sources", kOptionalNotNull, "where the facts come from");
  if (!v) return;
  const JsonPath base = child(r.path(), "sources");
  std::vector<std::string_view> whats(research_fact_fields());
  for (std::string_view group : {"visa", "cutoffs", "*"}) whats.push_back(group);
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    const JsonPath path = child(base, ++i);
    if (!item.is_object()) {
      r.sink().error_at(
          path, "expected an object {\"what\": ..., \"url\": ..., \"date\": ..., \"by\": ...}, " + describe_json(item));
      continue;
    }
    ObjectReader s(item, path, r.sink());
    s.warn_unknown({"what", "url", "date", "by"});
    ResearchSource source;
    if (auto what = s.string("what", kRequired, true)) {
      if (std::find(whats.begin(), whats.end(), *what) == whats.end()) {
        const std::string guess = closest_name(*what, whats);
        s.warning("what", "\"" + *what + "\" is not a fact a research entry sets" +
                              (guess.empty() ? "; expected a field path such as \"visa.j1\", or \"*\" for all"
                                             : "; did you mean \"" + guess + "\"?"));
      }
      source.what = std::move(*what);
    }
    if (auto url = s.string("url", kOptional, false)) source.url = std::move(*url);
    if (auto date = read_date(s, "date", kRequired)) source.date = std::move(*date);
    if (auto by = s.string("by", kOptional, false)) source.by = std::move(*by);
    out.sources.push_back(std::move(source));
  }
}

void read_research(ObjectReader& root, Workspace& w) {
  const JsonValue* v = root.object_member("research", kOptionalNotNull, "research entries by program id");
  if (!v) return;
  const JsonPath base = child(root.path(), "research");
  for (const auto& [key, entry] : v->members()) {
    if (root.sink().full()) break;
    const JsonPath path = child(base, std::string(key));
    if (key.empty()) {
      root.sink().error_at(
          path, "a research entry with an empty program id; expected the id of the program it is about", true);
      continue;
    }
    if (!entry.is_object()) {
      root.sink().error_at(
          path, "expected the facts you found, as an object {\"visa\": {\"j1\": true}, \"sources\": [...]}, " +
                    describe_json(entry));
      continue;
    }
    Research r;
    r.facts = read_program(entry, path, root.sink(), ProgramFields::Partial);
    r.facts.id = std::string(key);
    r.fields = named_fields(entry);
    ObjectReader e(entry, path, root.sink());
    if (entry.contains("id"))
      e.warning("id", "not read: a research entry's program id is its key (\"" + excerpt(key) + "\")");
    read_research_sources(e, r);
    w.research.emplace(std::string(key), std::move(r));
  }
}

void read_added_programs(ObjectReader& root, Workspace& w) {
  const JsonValue* v = root.array_member("added_programs", kOptionalNotNull, "the programs you added");
  if (!v) return;
  const JsonPath base = child(root.path(), "added_programs");
  std::map<std::string, long> first;
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    if (root.sink().full()) break;
    const JsonPath path = child(base, ++i);
    if (!item.is_object()) {
      root.sink().error_at(path, "expected a program (an object), " + describe_json(item));
      continue;
    }
    Program p = read_program(item, path, root.sink());
    if (!p.id.empty()) {
      const auto [it, inserted] = first.emplace(p.id, i);
      if (!inserted)
        root.sink().error_at(child(path, "id"), "duplicate id \"" + p.id + "\" (added_programs[" +
                                                    std::to_string(it->second) +
                                                    "] has it too); expected each id once");
    }
    w.added_programs.push_back(std::move(p));
  }
}

void read_hidden(ObjectReader& root, Workspace& w) {
  const JsonValue* v = root.array_member("hidden", kOptionalNotNull, "the program ids you hid");
  if (!v) return;
  const JsonPath base = child(root.path(), "hidden");
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    const JsonPath path = child(base, ++i);
    if (!item.is_string() || item.string().empty()) {
      root.sink().error_at(path, "expected a program id (text), " + describe_json(item));
      continue;
    }
    const std::string id(item.string());
    if (std::find(w.hidden.begin(), w.hidden.end(), id) != w.hidden.end()) {
      root.sink().warning_at(path, "program \"" + excerpt(id) + "\" is hidden twice");
      continue;
    }
    w.hidden.push_back(id);
  }
}

void read_checklist(ObjectReader& entry, TrackerEntry& t) {
  const JsonValue* v = entry.object_member("checklist", kOptionalNotNull, "the steps done for this program");
  if (!v) return;
  ObjectReader c(*v, child(entry.path(), "checklist"), entry.sink());
  c.warn_unknown({"email_coordinator", "open_house", "thank_you_sent", "top_choice_letter"});
  Checklist list;
  list.email_coordinator = c.boolean("email_coordinator", kOptionalNotNull).value_or(false);
  list.open_house = c.boolean("open_house", kOptionalNotNull).value_or(false);
  list.thank_you_sent = c.boolean("thank_you_sent", kOptionalNotNull).value_or(false);
  list.top_choice_letter = c.boolean("top_choice_letter", kOptionalNotNull).value_or(false);
  t.checklist = list;
}

void read_tracker_entry(ObjectReader& e, TrackerEntry& t) {
  e.warn_unknown({"status", "rank", "dates", "notes", "checklist"});
  if (auto s = e.enumeration<TrackerStatus>("status", kRequired)) t.status = *s;
  if (auto rank = e.integer("rank", kOptional, 1, kMaxRank, "a place on your rank list (1 = first choice)"))
    t.rank = static_cast<int>(*rank);
  if (const JsonValue* dates = e.object_member("dates", kOptionalNotNull, "dates by what happened")) {
    ObjectReader d(*dates, child(e.path(), "dates"), e.sink());
    for (const auto& member : dates->members()) {
      if (member.key.empty()) {
        e.sink().error_at(child(d.path(), std::string()),
                          "a date without a name; expected what happened, such as \"applied\"", true);
        continue;
      }
      if (auto date = read_date(d, member.key, kRequired))
        t.dates.emplace_back(std::string(member.key), std::move(*date));
    }
  }
  if (auto notes = e.string("notes", kOptional, false)) t.notes = std::move(*notes);
  read_checklist(e, t);
}

void read_tracker(ObjectReader& root, Workspace& w) {
  const JsonValue* v = root.object_member("tracker", kOptionalNotNull, "the season, by program id");
  if (!v) return;
  const JsonPath base = child(root.path(), "tracker");
  for (const auto& [key, entry] : v->members()) {
    if (root.sink().full()) break;
    const JsonPath path = child(base, std::string(key));
    if (key.empty()) {
      root.sink().error_at(path, "a tracker entry with an empty program id; expected the id of the program", true);
      continue;
    }
    if (!entry.is_object()) {
      root.sink().error_at(path, "expected an object {\"status\": \"applied\", ...}, " + describe_json(entry));
      continue;
    }
    ObjectReader e(entry, path, root.sink());
    TrackerEntry t;
    read_tracker_entry(e, t);
    w.tracker.emplace(std::string(key), std::move(t));
  }
  // The rules across entries (check_tracker, shared with the page), each at the field at fault.
  for (const TrackerProblem& p : check_tracker(w.tracker)) {
    JsonPath where = child(base, p.id);
    for (std::string_view rest = p.field; !rest.empty();) {
      const auto dot = rest.find('.');
      where = child(where, std::string(rest.substr(0, dot)));
      rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    }
    root.sink().error_at(where, p.message);
  }
}

// The profile's own schema_version, when it has one, must be one this OpenPick reads.
void read_workspace_profile(ObjectReader& root, Workspace& w) {
  const JsonValue* v = root.object_member("profile", kOptionalNotNull, "your profile");
  if (!v) return;
  const JsonPath path = child(root.path(), "profile");
  ObjectReader p(*v, path, root.sink());
  if (const JsonValue* version = v->find("schema_version")) {
    const bool newer = version->is_number_integer() && version->as_int64() > kProfileSchemaVersion;
    if (newer ||
        (version->is_number_unsigned() && version->as_uint64() > static_cast<std::uint64_t>(kProfileSchemaVersion)))
      p.error("schema_version", "the profile's schema_version " + version->dump() +
                                    " is newer than this OpenPick reads (" + std::to_string(kProfileSchemaVersion) +
                                    "); update OpenPick to open this workspace");
    else
      p.integer("schema_version", kRequired, 1, kProfileSchemaVersion, "the profile's format version");
  }
  w.profile = read_profile(*v, path, root.sink());
}

// A document of another kind, said in words: the fix differs (load it as what it is).
std::string what_it_looks_like(const JsonValue& doc) {
  if (doc.contains("programs")) return " (it looks like a program dataset: load it as the program list)";
  if (doc.contains("graduate_type")) return " (it looks like a profile: load it as the profile)";
  return "";
}

}  // namespace
}  // namespace detail

ImportResult<Workspace> parse_workspace_json(std::string_view text, std::string_view file_name) {
  using namespace detail;
  ImportResult<Workspace> result;
  DiagnosticSink sink(file_name);
  JsonDocument json;
  const auto done = [&](Workspace* w) {
    result.diagnostics = sink.finish(text);
    if (w && sink.errors() == 0) result.value = std::move(*w);
    return result;
  };
  if (!parse_json_document(text, json, sink) || !check_root(json.root(), sink, kWorkspaceSchemaVersion, "a workspace"))
    return done(nullptr);
  // A newer workspace is refused before its fields are read: they may mean something else there.
  if (sink.errors() > 0) return done(nullptr);
  const JsonValue& doc = json.root();
  ObjectReader r(doc, {}, sink);
  const std::string kind_expected = "\"kind\": \"" + std::string(kWorkspaceKind) + "\"";
  const JsonValue* kind = doc.find("kind");
  if (!kind) {
    sink.error_at({}, "no kind; expected " + kind_expected + " (an OpenPick workspace)" + what_it_looks_like(doc),
                  false, "kind");
    return done(nullptr);
  }
  if (!kind->is_string() || kind->string() != kWorkspaceKind) {
    r.error("kind", "expected \"" + std::string(kWorkspaceKind) + "\", " + describe_json(*kind) +
                        ": this file is not an OpenPick workspace" + what_it_looks_like(doc));
    return done(nullptr);
  }
  r.warn_unknown({"schema_version", "kind", "profile", "research", "added_programs", "hidden", "tracker"});
  Workspace w;
  read_workspace_profile(r, w);
  read_research(r, w);
  read_added_programs(r, w);
  read_hidden(r, w);
  read_tracker(r, w);
  return done(&w);
}

bool is_workspace_json(std::string_view text) {
  if (text.find(std::string("\"") + std::string(kWorkspaceKind) + "\"") == std::string_view::npos) return false;
  detail::DiagnosticSink sink("");
  detail::JsonDocument json;
  // Malformed: the workspace reader is the one to say what is wrong with it.
  if (!detail::parse_json_document(text, json, sink)) return true;
  const detail::JsonValue* kind = json.root().is_object() ? json.root().find("kind") : nullptr;
  return kind && kind->is_string() && kind->string() == kWorkspaceKind;
}

// ---- [SECTION] Writing --------------------------------------------------------------------------

namespace {

detail::OrderedJson research_to_json(const Research& r) {
  using detail::OrderedJson;
  OrderedJson out = OrderedJson::object();
  for (const std::string& field : r.fields) {
    const OrderedJson value = detail::fact_json(r.facts, field);
    const auto dot = field.find('.');
    if (dot == std::string::npos)
      out[field] = value;
    else
      out[field.substr(0, dot)][field.substr(dot + 1)] = value;
  }
  OrderedJson sources = OrderedJson::array();
  for (const ResearchSource& s : r.sources) {
    OrderedJson j = OrderedJson::object();
    j["what"] = s.what;
    if (!s.url.empty()) j["url"] = s.url;
    j["date"] = s.date;
    if (!s.by.empty()) j["by"] = s.by;
    sources.push_back(std::move(j));
  }
  out["sources"] = std::move(sources);
  return out;
}

detail::OrderedJson tracker_to_json(const TrackerEntry& t) {
  using detail::OrderedJson;
  OrderedJson j = OrderedJson::object();
  j["status"] = std::string(to_string(t.status));
  if (t.rank) j["rank"] = *t.rank;
  if (!t.dates.empty()) {
    OrderedJson dates = OrderedJson::object();
    for (const auto& [what, date] : t.dates) dates[what] = date;
    j["dates"] = std::move(dates);
  }
  if (!t.notes.empty()) j["notes"] = t.notes;
  if (t.checklist) {
    const Checklist& c = *t.checklist;
    j["checklist"] = {{"email_coordinator", c.email_coordinator},
                      {"open_house", c.open_house},
                      {"thank_you_sent", c.thank_you_sent},
                      {"top_choice_letter", c.top_choice_letter}};
  }
  return j;
}

}  // namespace

std::string workspace_to_json(const Workspace& w) {
  using detail::OrderedJson;
  OrderedJson doc = OrderedJson::object();
  doc["schema_version"] = w.schema_version;
  doc["kind"] = std::string(kWorkspaceKind);
  if (w.profile) doc["profile"] = detail::profile_to_ordered_json(*w.profile);
  OrderedJson research = OrderedJson::object();
  for (const auto& [id, r] : w.research) research[id] = research_to_json(r);
  doc["research"] = std::move(research);
  OrderedJson added = OrderedJson::array();
  for (const Program& p : w.added_programs) added.push_back(detail::program_to_ordered_json(p));
  doc["added_programs"] = std::move(added);
  doc["hidden"] = w.hidden;
  OrderedJson tracker = OrderedJson::object();
  for (const auto& [id, t] : w.tracker) tracker[id] = tracker_to_json(t);
  doc["tracker"] = std::move(tracker);
  return detail::dump_document(doc);
}

}  // namespace openpick::core
