// The applicant's profile as JSON: reading with validation, and deterministic writing.
// Field meanings, units and ranges: docs/DATA.md and assets/schema/profile.schema.json.
#include <algorithm>
#include <set>

#include "io_readers.h"

namespace openpick::core {

namespace detail {
namespace {

// The fields read from the document itself, present and valid ("step1.result", "specialties[0].name",
// with the document's own indexes): cross-field checks (check_profile) run only over these, so a
// field left to its default or already reported never raises a second complaint.
using Given = std::set<std::string>;

constexpr double kMaxMatchValueUsd = 10000000.0;  // ten million: far above any career's worth of one year
constexpr int kMaxPriorResidencyYears = 15;

// The planner's fields (grouped at the end of struct Profile): each optional, with its default.
void read_planner_fields(ObjectReader& r, Profile& p) {
  if (auto v = r.number("match_value_usd", kOptionalNotNull, 0.0, kMaxMatchValueUsd,
                        "what matching this year is worth to you in US dollars"))
    p.match_value_usd = *v;
  if (auto v = r.number("one_year_value", kOptionalNotNull, 0.0, 1.0,
                        "what a one-year (preliminary or transitional) position is worth, as a fraction of its "
                        "specialty's weight"))
    p.one_year_value = *v;
  if (auto v = r.integer("prior_residency_years", kOptionalNotNull, 0, kMaxPriorResidencyYears,
                         "the years of residency training already completed"))
    p.prior_residency_years = static_cast<int>(*v);
}

void read_step1(ObjectReader& root, Profile& p, Given& given) {
  const JsonValue* v = root.object_member("step1", kOptionalNotNull, "Step 1: result and attempts");
  if (!v) return;  // missing: the defaults (passed on the first attempt) stand, with a warning
  ObjectReader r(*v, child(root.path(), "step1"), root.sink());
  r.warn_unknown({"result", "attempts", "score"});
  const auto result = r.enumeration<ExamResult>("result", kRequired);
  if (result) {
    p.step1.result = *result;
    given.insert("step1.result");
  }
  const long long default_attempts = p.step1.result == ExamResult::NotTaken ? 0 : 1;
  const auto attempts =
      r.integer("attempts", kOptionalNotNull, kAttemptsRange.min, kAttemptsRange.max, "the number of attempts");
  p.step1.attempts = static_cast<int>(attempts.value_or(default_attempts));
  if (attempts) given.insert("step1.attempts");
  if (auto score = r.integer("score", kOptional, kStepScoreRange.min, kStepScoreRange.max,
                             "a Step 1 score (only for exams before 2022)")) {
    p.step1.score = static_cast<int>(*score);
    given.insert("step1.score");
  }
}

void read_step2ck(ObjectReader& root, Profile& p, Given& given) {
  const JsonValue* v = root.object_member("step2ck", kOptionalNotNull, "Step 2 CK: score and attempts");
  if (!v) {
    // Not given: placeholders (not taken), and the exams are a decisive fact still unanswered.
    p.step2ck.score.reset();
    p.step2ck.attempts = 0;
    p.unanswered.step2ck = true;
    return;
  }
  ObjectReader r(*v, child(root.path(), "step2ck"), root.sink());
  r.warn_unknown({"score", "attempts", "expected_score", "date"});
  const auto score = r.integer("score", kOptional, kStepScoreRange.min, kStepScoreRange.max, "a Step 2 CK score");
  if (score) {
    p.step2ck.score = static_cast<int>(*score);
    given.insert("step2ck.score");
  }
  const auto attempts =
      r.integer("attempts", kOptionalNotNull, kAttemptsRange.min, kAttemptsRange.max, "the number of attempts");
  p.step2ck.attempts = static_cast<int>(attempts.value_or(score ? 1 : 0));
  if (attempts) given.insert("step2ck.attempts");
  if (auto x = r.integer("expected_score", kOptional, kStepScoreRange.min, kStepScoreRange.max,
                         "an expected Step 2 CK score")) {
    p.step2ck.expected_score = static_cast<int>(*x);
    given.insert("step2ck.expected_score");
  }
  if (auto date = r.string("date", kOptional, true)) {
    // Checked as "YYYY-MM" by check_profile (its message names what was expected).
    p.step2ck.date = std::move(*date);
    given.insert("step2ck.date");
  }
}

void read_usce(ObjectReader& root, Profile& p) {
  const JsonValue* v = root.object_member("usce_months", kOptionalNotNull, "months of US clinical experience");
  if (!v) return;
  ObjectReader r(*v, child(root.path(), "usce_months"), root.sink());
  r.warn_unknown({"hands_on", "observership"});
  if (auto x = r.number("hands_on", kOptionalNotNull, kUsceMonthsRange.min, kUsceMonthsRange.max,
                        "months of hands-on US clinical experience"))
    p.usce_months.hands_on = *x;
  if (auto x = r.number("observership", kOptionalNotNull, kUsceMonthsRange.min, kUsceMonthsRange.max,
                        "months of observership"))
    p.usce_months.observership = *x;
}

// `json_index[i]` is the document's index of p.specialties[i] (an unreadable entry is skipped).
void read_specialties(ObjectReader& root, Profile& p, Given& given, std::vector<long>& json_index) {
  const JsonValue* v = root.array_member("specialties", kOptionalNotNull, "target specialties");
  if (!v) return;
  const JsonPath base = child(root.path(), "specialties");
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    if (root.sink().full()) break;
    const JsonPath path = child(base, ++i);
    if (!item.is_object()) {
      root.sink().error_at(path, "expected an object {\"name\": ..., \"weight\": ...}, " + describe_json(item));
      continue;
    }
    ObjectReader r(item, path, root.sink());
    r.warn_unknown({"name", "weight"});
    SpecialtyPreference s;
    const auto name = r.string("name", kRequired, true);
    const auto weight =
        r.number("weight", kOptionalNotNull, kSpecialtyWeightRange.min, kSpecialtyWeightRange.max, "a relative weight");
    const std::string at = "specialties[" + std::to_string(i) + "].";
    if (weight) {
      s.weight = *weight;
      given.insert(at + "weight");
    }
    if (!name) continue;
    s.name = *name;
    given.insert(at + "name");
    p.specialties.push_back(std::move(s));
    json_index.push_back(i);
  }
}

// A state code, or the error saying what was expected (with the code in capitals when that is all).
bool check_state_code(DiagnosticSink& sink, const JsonPath& path, const std::string& code) {
  if (is_usps_code(code)) return true;
  std::string upper = code;
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  sink.error_at(path, "unknown state \"" + code + "\"; expected a two-letter USPS code" +
                          (is_usps_code(upper) ? " in capitals: \"" + upper + "\"" : std::string(" such as \"MS\"")));
  return false;
}

void read_states(ObjectReader& root, Profile& p) {
  const JsonValue* v = root.array_member("preferred_states", kOptionalNotNull, "two-letter state codes");
  if (!v) return;
  const JsonPath base = child(root.path(), "preferred_states");
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    if (root.sink().full()) break;
    const JsonPath path = child(base, ++i);
    if (!item.is_string()) {
      root.sink().error_at(path, "expected a two-letter state code such as \"MS\", " + describe_json(item));
      continue;
    }
    const std::string code(item.string());
    if (!check_state_code(root.sink(), path, code)) continue;
    if (std::find(p.preferred_states.begin(), p.preferred_states.end(), code) != p.preferred_states.end()) {
      root.sink().warning_at(path, "state \"" + code + "\" is listed twice");
      continue;
    }
    p.preferred_states.push_back(code);
  }
}

void read_state_ties(ObjectReader& root, Profile& p) {
  const JsonValue* v = root.array_member("state_ties", kOptionalNotNull, "ties to states: {\"state\", \"kind\"}");
  if (!v) return;
  const JsonPath base = child(root.path(), "state_ties");
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    if (root.sink().full()) break;
    const JsonPath path = child(base, ++i);
    if (i == kMaxStateTies) {
      root.sink().error_at(path, "more than " + std::to_string(kMaxStateTies) + " ties to states; expected at most " +
                                     std::to_string(kMaxStateTies));
      break;
    }
    if (!item.is_object()) {
      root.sink().error_at(path,
                           "expected an object {\"state\": \"MS\", \"kind\": \"trained\"}, " + describe_json(item));
      continue;
    }
    ObjectReader r(item, path, root.sink());
    r.warn_unknown({"state", "kind"});
    const auto state = r.string("state", kRequired, true);
    const auto kind = r.enumeration<TieKind>("kind", kRequired);
    if (state && !check_state_code(root.sink(), child(path, "state"), *state)) continue;
    if (!state || !kind) continue;
    const StateTie tie{*state, *kind};
    if (std::find(p.state_ties.begin(), p.state_ties.end(), tie) != p.state_ties.end()) {
      root.sink().warning_at(path,
                             "tie \"" + tie.state + "\", \"" + std::string(to_string(tie.kind)) + "\" is listed twice");
      continue;
    }
    p.state_ties.push_back(tie);
  }
}

void read_unanswered(ObjectReader& root, Profile& p) {
  const JsonValue* v = root.array_member("unanswered", kOptionalNotNull, "the decisive facts not answered yet");
  if (!v) return;
  const JsonPath base = child(root.path(), "unanswered");
  long i = -1;
  for (const JsonValue& item : v->elements()) {
    const JsonPath path = child(base, ++i);
    const std::string_view name = item.is_string() ? item.string() : std::string_view();
    bool known = false;
    for (DecisiveFact f : {DecisiveFact::GraduateType, DecisiveFact::Visa, DecisiveFact::Step1, DecisiveFact::Step2ck})
      if (name == to_string(f)) {
        set_answered(p, f, false);
        known = true;
      }
    if (!known)
      root.sink().warning_at(
          path, "expected one of graduate_type, visa, step1, step2ck, " + describe_json(item) + "; ignored");
  }
}

// "step1.attempts", "specialties[2].name" (a profile index, mapped to the document's) as a path.
JsonPath field_path(const std::string& field, const std::vector<long>& specialty_json_index) {
  JsonPath path;
  std::size_t at = 0;
  while (at < field.size()) {
    std::size_t end = field.find_first_of(".[", at);
    if (end == std::string::npos) end = field.size();
    if (end > at) path = child(path, field.substr(at, end - at));
    if (end < field.size() && field[end] == '[') {
      const std::size_t close = field.find(']', end);
      long index = std::stol(field.substr(end + 1, close - end - 1));
      if (path.size() == 1 && path[0].key == "specialties" && index >= 0 &&
          static_cast<std::size_t>(index) < specialty_json_index.size())
        index = specialty_json_index[static_cast<std::size_t>(index)];
      path = child(path, index);
      end = close + 1;
    }
    at = end + (end < field.size() && field[end] == '.' ? 1 : 0);
  }
  return path;
}

std::string path_with_document_index(const std::string& field, const std::vector<long>& specialty_json_index) {
  return path_to_string(field_path(field, specialty_json_index));
}

}  // namespace

// The profile object at `base` (the root of a profile file, or a workspace's "profile"), with
// every problem reported into `sink` at its path under `base`.
Profile read_profile(const JsonValue& doc, const JsonPath& base, DiagnosticSink& sink) {
  Profile p;
  Given given;
  std::vector<long> specialty_json_index;
  ObjectReader r(doc, base, sink);
  r.warn_unknown({"schema_version",  "graduate_type",     "visa",
                  "step1",           "step2ck",           "step3_passed",
                  "ecfmg_certified", "graduation_year",   "match_year",
                  "usce_months",     "us_letters",        "research_items",
                  "specialties",     "preferred_states",  "budget_usd",
                  "state_ties",      "specialty_letters", "unanswered",
                  "match_value_usd", "one_year_value",    "prior_residency_years"});
  // A fact listed as unanswered may be left out; its value is then only a placeholder.
  read_unanswered(r, p);
  if (auto v = r.enumeration<GraduateType>("graduate_type", p.unanswered.graduate_type ? kOptional : kRequired))
    p.graduate_type = *v;
  if (auto v = r.enumeration<VisaNeed>("visa", p.unanswered.visa ? kOptional : kRequired)) p.visa = *v;
  if (!doc.contains("step1")) {
    sink.warning_at(base, "no step1; assuming Step 1 passed on the first attempt", false,
                    path_to_string(child(base, "step1")));
    p.unanswered.step1 = true;
  }
  read_step1(r, p, given);
  read_step2ck(r, p, given);
  if (auto v = r.boolean("step3_passed", kOptionalNotNull)) p.step3_passed = *v;
  p.ecfmg_certified = r.boolean("ecfmg_certified", kOptional);
  const auto grad = r.integer("graduation_year", kRequired, kYearRange.min, kYearRange.max, "the year of graduation");
  const auto match = r.integer("match_year", kRequired, kYearRange.min, kYearRange.max, "the year of the Match");
  if (grad) {
    p.graduation_year = static_cast<int>(*grad);
    given.insert("graduation_year");
  }
  if (match) {
    p.match_year = static_cast<int>(*match);
    given.insert("match_year");
  }
  read_usce(r, p);
  if (auto v = r.integer("us_letters", kOptionalNotNull, kUsLettersRange.min, kUsLettersRange.max,
                         "the number of US letters of recommendation"))
    p.us_letters = static_cast<int>(*v);
  if (auto v = r.integer("research_items", kOptionalNotNull, kResearchItemsRange.min, kResearchItemsRange.max,
                         "the number of research items"))
    p.research_items = static_cast<int>(*v);
  read_specialties(r, p, given, specialty_json_index);
  read_states(r, p);
  p.budget_usd = r.number("budget_usd", kOptional, kBudgetUsdRange.min, kBudgetUsdRange.max, "a budget in US dollars");
  if (p.budget_usd) given.insert("budget_usd");
  read_state_ties(r, p);
  read_planner_fields(r, p);
  if (auto v = r.integer("specialty_letters", kOptional, kSpecialtyLettersRange.min, kSpecialtyLettersRange.max,
                         "the number of letters from your target specialty"))
    p.specialty_letters = static_cast<int>(*v);

  // The rules that involve more than one field, shared with the Profile form.
  for (const ProfileCheck& c : check_profile(p)) {
    const bool all_given = std::all_of(c.inputs.begin(), c.inputs.end(), [&](const std::string& f) {
      return given.count(path_with_document_index(f, specialty_json_index)) > 0;
    });
    if (!all_given) continue;
    JsonPath where = base;
    for (PathSegment& s : field_path(c.field, specialty_json_index)) where.push_back(std::move(s));
    if (c.severity == Severity::Error)
      sink.error_at(where, c.message);
    else
      sink.warning_at(where, c.message);
  }

  return p;
}

}  // namespace detail

ImportResult<Profile> parse_profile_json(std::string_view text, std::string_view file_name) {
  using namespace detail;
  ImportResult<Profile> result;
  DiagnosticSink sink(file_name);
  JsonDocument json;
  if (!parse_json_document(text, json, sink) || !check_root(json.root(), sink, kProfileSchemaVersion, "a profile")) {
    result.diagnostics = sink.finish(text);
    return result;
  }
  Profile p = read_profile(json.root(), {}, sink);
  result.diagnostics = sink.finish(text);
  if (sink.errors() == 0) result.value = std::move(p);
  return result;
}

// The fields added after schema 1's first release (expected and dated Step 2 CK, numeric Step 1,
// ties, specialty letters, unanswered facts) are written only when given: absent is unknown, and a
// profile without them is written exactly as before.
namespace detail {
OrderedJson profile_to_ordered_json(const Profile& p) {
  OrderedJson doc = OrderedJson::object();
  doc["schema_version"] = p.schema_version;
  doc["graduate_type"] = to_string(p.graduate_type);
  doc["visa"] = to_string(p.visa);
  doc["step1"] = {{"result", to_string(p.step1.result)}, {"attempts", p.step1.attempts}};
  if (p.step1.score) doc["step1"]["score"] = *p.step1.score;
  doc["step2ck"] = {{"score", json_optional(p.step2ck.score)}, {"attempts", p.step2ck.attempts}};
  if (p.step2ck.expected_score) doc["step2ck"]["expected_score"] = *p.step2ck.expected_score;
  if (p.step2ck.date) doc["step2ck"]["date"] = *p.step2ck.date;
  doc["step3_passed"] = p.step3_passed;
  doc["ecfmg_certified"] = json_optional(p.ecfmg_certified);
  doc["graduation_year"] = p.graduation_year;
  doc["match_year"] = p.match_year;
  doc["usce_months"] = {{"hands_on", json_number(p.usce_months.hands_on)},
                        {"observership", json_number(p.usce_months.observership)}};
  doc["us_letters"] = p.us_letters;
  doc["research_items"] = p.research_items;
  OrderedJson specialties = OrderedJson::array();
  for (const auto& s : p.specialties) specialties.push_back({{"name", s.name}, {"weight", json_number(s.weight)}});
  doc["specialties"] = std::move(specialties);
  doc["preferred_states"] = p.preferred_states;
  doc["budget_usd"] = json_optional(p.budget_usd);
  if (!p.state_ties.empty()) {
    OrderedJson ties = OrderedJson::array();
    for (const auto& t : p.state_ties) ties.push_back({{"state", t.state}, {"kind", to_string(t.kind)}});
    doc["state_ties"] = std::move(ties);
  }
  if (p.specialty_letters) doc["specialty_letters"] = *p.specialty_letters;
  OrderedJson unanswered = OrderedJson::array();
  for (DecisiveFact f : unanswered_facts(p))
    if (f != DecisiveFact::Specialty) unanswered.push_back(to_string(f));
  if (!unanswered.empty()) doc["unanswered"] = std::move(unanswered);
  // The planner's fields are written only when they differ from their defaults, so a profile that
  // never set them exports as before.
  if (p.match_value_usd != kDefaultMatchValueUsd) doc["match_value_usd"] = json_number(p.match_value_usd);
  if (p.one_year_value != kDefaultOneYearValue) doc["one_year_value"] = json_number(p.one_year_value);
  if (p.prior_residency_years != 0) doc["prior_residency_years"] = p.prior_residency_years;
  return doc;
}
}  // namespace detail

std::string profile_to_json(const Profile& p) { return detail::dump_document(detail::profile_to_ordered_json(p)); }

}  // namespace openpick::core
