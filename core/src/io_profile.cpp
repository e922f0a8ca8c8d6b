// The applicant's profile as JSON: reading with validation, and deterministic writing.
// Field meanings, units and ranges: docs/DATA.md and assets/schema/profile.schema.json.
#include <algorithm>
#include <limits>

#include "io_detail.h"

namespace openpick::core {

namespace detail {
namespace {

constexpr double kMaxUsceMonths = 120.0;
constexpr int kMaxLetters = 20;
constexpr int kMaxResearchItems = 1000;
constexpr double kSuspiciousBudget = 50000.0;
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

void read_step1(ObjectReader& root, Profile& p) {
  const JsonValue* v = root.object_member("step1", kOptionalNotNull, "Step 1: result and attempts");
  if (!v) return;  // missing: the defaults (passed on the first attempt) stand, with a warning
  ObjectReader r(*v, child(root.path(), "step1"), root.sink());
  r.warn_unknown({"result", "attempts"});
  const auto result = r.enumeration<ExamResult>("result", kRequired);
  if (result) p.step1.result = *result;
  const long long default_attempts = p.step1.result == ExamResult::NotTaken ? 0 : 1;
  const auto attempts = r.integer("attempts", kOptionalNotNull, 0, kMaxAttempts, "the number of attempts");
  p.step1.attempts = static_cast<int>(attempts.value_or(default_attempts));
  if (result && attempts) {
    if (*result == ExamResult::NotTaken && *attempts != 0)
      r.error("attempts", "expected 0 attempts when result is \"not_taken\", got " + std::to_string(*attempts));
    if (*result != ExamResult::NotTaken && *attempts == 0)
      r.error("attempts", "expected at least 1 attempt when result is \"" +
                              std::string(to_string(*result)) + "\", got 0");
  }
}

void read_step2ck(ObjectReader& root, Profile& p) {
  const JsonValue* v = root.object_member("step2ck", kOptionalNotNull, "Step 2 CK: score and attempts");
  if (!v) {
    // Not given: not taken yet.
    p.step2ck.score.reset();
    p.step2ck.attempts = 0;
    return;
  }
  ObjectReader r(*v, child(root.path(), "step2ck"), root.sink());
  r.warn_unknown({"score", "attempts"});
  const auto score = r.integer("score", kOptional, kMinScore, kMaxScore, "a Step 2 CK score");
  if (score) p.step2ck.score = static_cast<int>(*score);
  const auto attempts = r.integer("attempts", kOptionalNotNull, 0, kMaxAttempts, "the number of attempts");
  p.step2ck.attempts = static_cast<int>(attempts.value_or(score ? 1 : 0));
  if (score && *score > kSuspiciousScore)
    r.warning("score", "a Step 2 CK score of " + std::to_string(*score) +
                           " is above any commonly reported score (about " +
                           std::to_string(kSuspiciousScore) + "); check it");
  if (score && attempts && *attempts == 0)
    r.error("attempts", "expected at least 1 attempt when a score is given, got 0");
}

void read_usce(ObjectReader& root, Profile& p) {
  const JsonValue* v = root.object_member("usce_months", kOptionalNotNull, "months of US clinical experience");
  if (!v) return;
  ObjectReader r(*v, child(root.path(), "usce_months"), root.sink());
  r.warn_unknown({"hands_on", "observership"});
  if (auto x = r.number("hands_on", kOptionalNotNull, 0.0, kMaxUsceMonths, "months of hands-on US clinical experience"))
    p.usce_months.hands_on = *x;
  if (auto x = r.number("observership", kOptionalNotNull, 0.0, kMaxUsceMonths, "months of observership"))
    p.usce_months.observership = *x;
}

void read_specialties(ObjectReader& root, Profile& p) {
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
    const auto weight = r.number("weight", kOptionalNotNull, 0.0, 1.0, "a relative weight");
    if (weight) {
      s.weight = *weight;
      if (*weight == 0.0)
        r.warning("weight", "a weight of 0 means matching in this specialty is worth nothing; "
                            "expected a weight above 0 (remove the specialty instead)");
    }
    if (!name) continue;
    s.name = *name;
    const bool duplicate = std::any_of(p.specialties.begin(), p.specialties.end(),
                                       [&](const SpecialtyPreference& o) { return o.name == s.name; });
    if (duplicate)
      r.error("name", "specialty \"" + s.name + "\" is listed twice; expected each specialty once");
    p.specialties.push_back(std::move(s));
  }
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
    if (!is_usps_code(code)) {
      std::string upper = code;
      for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      root.sink().error_at(path, "unknown state \"" + code + "\"; expected a two-letter USPS code" +
                                     (is_usps_code(upper) ? " in capitals: \"" + upper + "\""
                                                          : std::string(" such as \"MS\"")));
      continue;
    }
    if (std::find(p.preferred_states.begin(), p.preferred_states.end(), code) != p.preferred_states.end()) {
      root.sink().warning_at(path, "state \"" + code + "\" is listed twice");
      continue;
    }
    p.preferred_states.push_back(code);
  }
}

}  // namespace
}  // namespace detail

ImportResult<Profile> parse_profile_json(std::string_view text, std::string_view file_name) {
  using namespace detail;
  ImportResult<Profile> result;
  DiagnosticSink sink(file_name);
  JsonDocument json;
  if (!parse_json_document(text, json, sink) ||
      !check_root(json.root(), sink, kProfileSchemaVersion, "a profile")) {
    result.diagnostics = sink.finish(text);
    return result;
  }

  const JsonValue& doc = json.root();
  Profile p;
  ObjectReader r(doc, {}, sink);
  r.warn_unknown({"schema_version", "graduate_type", "visa", "step1", "step2ck", "step3_passed",
                  "ecfmg_certified", "graduation_year", "match_year", "usce_months", "us_letters",
                  "research_items", "specialties", "preferred_states", "budget_usd", "match_value_usd",
                  "one_year_value", "prior_residency_years"});
  if (auto v = r.enumeration<GraduateType>("graduate_type", kRequired)) p.graduate_type = *v;
  if (auto v = r.enumeration<VisaNeed>("visa", kRequired)) p.visa = *v;
  if (!doc.contains("step1"))
    sink.warning_at({}, "no step1; assuming Step 1 passed on the first attempt", false, "step1");
  read_step1(r, p);
  read_step2ck(r, p);
  if (auto v = r.boolean("step3_passed", kOptionalNotNull)) p.step3_passed = *v;
  p.ecfmg_certified = r.boolean("ecfmg_certified", kOptional);
  const auto grad = r.integer("graduation_year", kRequired, kMinYear, kMaxYear, "the year of graduation");
  const auto match = r.integer("match_year", kRequired, kMinYear, kMaxYear, "the year of the Match");
  if (grad) p.graduation_year = static_cast<int>(*grad);
  if (match) p.match_year = static_cast<int>(*match);
  if (grad && match && *grad > *match)
    r.warning("graduation_year", "graduation_year " + std::to_string(*grad) + " is after match_year " +
                                     std::to_string(*match) +
                                     "; expected graduation no later than the Match");
  read_usce(r, p);
  if (auto v = r.integer("us_letters", kOptionalNotNull, 0, kMaxLetters, "the number of US letters of recommendation"))
    p.us_letters = static_cast<int>(*v);
  if (auto v = r.integer("research_items", kOptionalNotNull, 0, kMaxResearchItems, "the number of research items"))
    p.research_items = static_cast<int>(*v);
  read_specialties(r, p);
  read_states(r, p);
  p.budget_usd = r.number("budget_usd", kOptional, 0.0, std::numeric_limits<double>::infinity(),
                          "a budget in US dollars");
  if (p.budget_usd && *p.budget_usd > kSuspiciousBudget)
    r.warning("budget_usd", "a budget of $" + json_number(*p.budget_usd).dump() +
                                " is far above what applying costs; check it (the unit is US dollars)");
  read_planner_fields(r, p);

  result.diagnostics = sink.finish(text);
  if (sink.errors() == 0) result.value = std::move(p);
  return result;
}

std::string profile_to_json(const Profile& p) {
  using detail::json_number;
  using detail::json_optional;
  using detail::OrderedJson;
  OrderedJson doc = OrderedJson::object();
  doc["schema_version"] = p.schema_version;
  doc["graduate_type"] = to_string(p.graduate_type);
  doc["visa"] = to_string(p.visa);
  doc["step1"] = {{"result", to_string(p.step1.result)}, {"attempts", p.step1.attempts}};
  doc["step2ck"] = {{"score", json_optional(p.step2ck.score)}, {"attempts", p.step2ck.attempts}};
  doc["step3_passed"] = p.step3_passed;
  doc["ecfmg_certified"] = json_optional(p.ecfmg_certified);
  doc["graduation_year"] = p.graduation_year;
  doc["match_year"] = p.match_year;
  doc["usce_months"] = {{"hands_on", json_number(p.usce_months.hands_on)},
                        {"observership", json_number(p.usce_months.observership)}};
  doc["us_letters"] = p.us_letters;
  doc["research_items"] = p.research_items;
  OrderedJson specialties = OrderedJson::array();
  for (const auto& s : p.specialties)
    specialties.push_back({{"name", s.name}, {"weight", json_number(s.weight)}});
  doc["specialties"] = std::move(specialties);
  doc["preferred_states"] = p.preferred_states;
  doc["budget_usd"] = json_optional(p.budget_usd);
  // The planner's fields are written only when they differ from their defaults, so a profile that
  // never set them exports as before.
  if (p.match_value_usd != kDefaultMatchValueUsd) doc["match_value_usd"] = json_number(p.match_value_usd);
  if (p.one_year_value != kDefaultOneYearValue) doc["one_year_value"] = json_number(p.one_year_value);
  if (p.prior_residency_years != 0) doc["prior_residency_years"] = p.prior_residency_years;
  return detail::dump_document(doc);
}

}  // namespace openpick::core
