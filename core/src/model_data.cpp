// The model's data documents: the published targets (assets/model/targets.json) and the fitted
// constants (assets/model/fitted.json), both compiled into core as text (generated/model_data.cpp),
// and the default parameters built from them.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "openpick/core/calibration.h"
#include "openpick/core/model.h"

namespace openpick::core {

namespace detail {
extern const char kCalibrationTargetsJson[];
extern const char kFittedParamsJson[];
}  // namespace detail

namespace {

using nlohmann::json;

// Field readers that name the field on failure.
struct Reader {
  std::string& error;
  bool ok = true;
  void fail(const std::string& where, const std::string& what) {
    if (ok) error = where + ": " + what;
    ok = false;
  }
  const json* child(const json& j, const std::string& key, const std::string& where) {
    if (!j.is_object() || !j.contains(key)) {
      fail(where + "." + key, "missing");
      return nullptr;
    }
    return &j.at(key);
  }
  double number(const json& j, const std::string& key, const std::string& where) {
    const json* c = child(j, key, where);
    if (c == nullptr) return 0.0;
    if (!c->is_number()) {
      fail(where + "." + key, "must be a number");
      return 0.0;
    }
    return c->get<double>();
  }
  // {"value": x, "source": ..., "year": ...}
  double figure(const json& j, const std::string& key, const std::string& where) {
    const json* c = child(j, key, where);
    if (c == nullptr) return 0.0;
    return number(*c, "value", where + "." + key);
  }
  std::string text(const json& j, const std::string& key, const std::string& where) {
    const json* c = child(j, key, where);
    if (c == nullptr) return {};
    if (!c->is_string()) {
      fail(where + "." + key, "must be a string");
      return {};
    }
    return c->get<std::string>();
  }
  std::vector<double> numbers(const json& j, const std::string& key) {
    std::vector<double> out;
    if (j.contains(key) && j.at(key).is_array())
      for (const auto& x : j.at(key))
        if (x.is_number()) out.push_back(x.get<double>());
    return out;
  }
};

}  // namespace

double ReferenceSpecialty::score_gap() const {
  if (step2ck.empty()) return matched_mean - unmatched_mean;
  double sum = 0.0;
  for (const auto& e : step2ck) sum += e.matched - e.unmatched;
  return sum / static_cast<double>(step2ck.size());
}

const HeldOutFigure* CalibrationTargets::find_held_out(const std::string& id) const {
  for (const auto& h : held_out)
    if (h.id == id) return &h;
  return nullptr;
}

std::optional<CalibrationTargets> parse_calibration_targets(const std::string& text, std::string& error) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    error = "not valid JSON";
    return std::nullopt;
  }
  Reader r{error};
  CalibrationTargets t;
  if (r.text(doc, "kind", "targets") != "openpick-calibration-targets")
    r.fail("targets.kind", "must be \"openpick-calibration-targets\"");
  if (doc.contains("sources") && doc.at("sources").is_object())
    for (const auto& [key, value] : doc.at("sources").items())
      if (value.is_string()) t.sources.push_back({key, value.get<std::string>()});
  const json* specialties = r.child(doc, "specialties", "targets");
  if (specialties != nullptr && (!specialties->is_array() || specialties->empty()))
    r.fail("targets.specialties", "must be a non-empty array");
  if (r.ok) {
    for (std::size_t i = 0; i < specialties->size(); ++i) {
      const json& s = specialties->at(i);
      const std::string where = "targets.specialties[" + std::to_string(i) + "]";
      ReferenceSpecialty ref;
      ref.name = r.text(s, "name", where);
      ref.programs = static_cast<int>(r.figure(s, "programs", where));
      ref.nonus_img_share = r.figure(s, "nonus_img_share", where);
      ref.j1_share = r.figure(s, "j1_share", where);
      ref.h1b_share = r.figure(s, "h1b_share", where);
      ref.match_rate = r.figure(s, "match_rate", where);
      ref.applications = static_cast<int>(r.figure(s, "applications", where));
      const json* scores = r.child(s, "step2ck", where);
      if (scores != nullptr && (!scores->is_array() || scores->empty()))
        r.fail(where + ".step2ck", "must be a non-empty array");
      if (!r.ok) return std::nullopt;
      for (std::size_t e = 0; e < scores->size(); ++e) {
        const json& edition = scores->at(e);
        const std::string w = where + ".step2ck[" + std::to_string(e) + "]";
        ScoreMeans m;
        m.matched = r.number(edition, "matched", w);
        m.unmatched = r.number(edition, "unmatched", w);
        m.year = static_cast<int>(r.number(edition, "year", w));
        m.source = r.text(edition, "source", w);
        if (e == 0) {
          ref.matched_mean = m.matched;
          ref.unmatched_mean = m.unmatched;
          if (edition.contains("within_sd")) ref.within_sd = r.number(edition, "within_sd", w);
        }
        ref.step2ck.push_back(m);
      }
      if (s.contains("median_contiguous_ranks")) {
        const json& m = s.at("median_contiguous_ranks");
        ref.median_ranks = RankMedians{r.number(m, "matched", where + ".median_contiguous_ranks"),
                                       r.number(m, "unmatched", where + ".median_contiguous_ranks")};
      }
      if (ref.programs <= 0 || ref.match_rate <= 0.0 || ref.match_rate >= 1.0 || ref.applications <= 0)
        r.fail(where, "programs, applications must be positive and match_rate within (0, 1)");
      if (!r.ok) return std::nullopt;
      t.specialties.push_back(std::move(ref));
    }
  }
  if (const json* g = r.child(doc, "graduate_types", "targets")) {
    if (const json* md = r.child(*g, "us_md_senior", "targets.graduate_types"))
      t.us_md_senior_rate = r.number(*md, "match_rate", "targets.graduate_types.us_md_senior");
    if (const json* dos = r.child(*g, "us_do_senior", "targets.graduate_types"))
      t.us_do_senior_rate = r.number(*dos, "match_rate", "targets.graduate_types.us_do_senior");
  }
  if (doc.contains("held_out") && doc.at("held_out").is_array()) {
    for (std::size_t i = 0; i < doc.at("held_out").size(); ++i) {
      const json& h = doc.at("held_out").at(i);
      const std::string where = "targets.held_out[" + std::to_string(i) + "]";
      HeldOutFigure f;
      f.id = r.text(h, "id", where);
      f.what = r.text(h, "what", where);
      f.source = r.text(h, "source", where);
      f.year = static_cast<int>(r.number(h, "year", where));
      f.matched = r.numbers(h, "matched");
      f.unmatched = r.numbers(h, "unmatched");
      if (f.matched.empty() && h.contains("matched")) f.matched.push_back(r.number(h, "matched", where));
      if (f.unmatched.empty() && h.contains("unmatched")) f.unmatched.push_back(r.number(h, "unmatched", where));
      if (h.contains("value")) f.value = r.number(h, "value", where);
      t.held_out.push_back(std::move(f));
    }
  }
  if (!r.ok) return std::nullopt;
  return t;
}

const CalibrationTargets& calibration_targets() {
  // Parsed once: the text is a constant compiled into core (a test checks it parses).
  static const CalibrationTargets targets = [] {
    std::string error;
    std::optional<CalibrationTargets> t = parse_calibration_targets(detail::kCalibrationTargetsJson, error);
    if (!t) {
      std::fprintf(stderr, "openpick: the compiled-in assets/model/targets.json is unreadable: %s\n", error.c_str());
      CalibrationTargets fallback;
      ReferenceSpecialty im;
      im.name = "Internal Medicine";
      fallback.specialties.push_back(im);
      return fallback;
    }
    return *t;
  }();
  return targets;
}

std::vector<ReferenceSpecialty> reference_specialties() { return calibration_targets().specialties; }

std::string fitted_params_to_json(const ModelParams& params) {
  // Four decimals, as short decimals read back to the same double under every strtod.
  auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return std::string(buf);
  };
  std::string out =
      "{\n  \"kind\": \"openpick-fitted-params\",\n  \"schema_version\": 1,\n"
      "  \"note\": \"Written by `make refit` (openpick calibrate) from assets/model/targets.json. Do not edit by "
      "hand.\",\n"
      "  \"specialties\": [\n";
  for (std::size_t i = 0; i < params.specialties.size(); ++i) {
    const SpecialtyParams& s = params.specialties[i];
    out += "    {\"name\": " + json(s.name).dump() + ", \"interview_intercept\": " + num(s.interview_intercept) +
           ", \"score_slope\": " + num(s.score_slope) + ", \"match_given_interview\": " + num(s.match_given_interview) +
           "}" + (i + 1 < params.specialties.size() ? ",\n" : "\n");
  }
  out += "  ],\n  \"us_md\": " + num(params.us_md) + ",\n  \"us_do\": " + num(params.us_do) + "\n}\n";
  return out;
}

bool apply_fitted_params(const std::string& text, ModelParams& params, std::string& error) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    error = "not valid JSON";
    return false;
  }
  Reader r{error};
  if (r.text(doc, "kind", "fitted") != "openpick-fitted-params")
    r.fail("fitted.kind", "must be \"openpick-fitted-params\"");
  const json* specialties = r.child(doc, "specialties", "fitted");
  if (!r.ok) return false;
  ModelParams out = params;
  for (std::size_t i = 0; i < specialties->size(); ++i) {
    const json& s = specialties->at(i);
    const std::string where = "fitted.specialties[" + std::to_string(i) + "]";
    const std::string name = r.text(s, "name", where);
    SpecialtyParams* sp = nullptr;
    for (auto& x : out.specialties)
      if (x.name == name) sp = &x;
    if (sp == nullptr && r.ok) r.fail(where + ".name", "'" + name + "' is not a specialty of the targets");
    if (!r.ok) return false;
    sp->interview_intercept = r.number(s, "interview_intercept", where);
    sp->score_slope = r.number(s, "score_slope", where);
    sp->match_given_interview = r.number(s, "match_given_interview", where);
    if (r.ok && sp->score_slope < 0.0) r.fail(where + ".score_slope", "must be 0 or more");
  }
  out.us_md = r.number(doc, "us_md", "fitted");
  out.us_do = r.number(doc, "us_do", "fitted");
  if (!r.ok) return false;
  params = std::move(out);
  return true;
}

ModelParams default_model_params() {
  static const ModelParams defaults = [] {
    ModelParams p;
    // Per specialty: DERIVED reference score (the latest edition's matched and unmatched means
    // weighted by the match rate, e.g. IM 0.485 * 249 + 0.515 * 242 = 245.4) and PUBLISHED share
    // from the targets; FITTED constants from fitted.json.
    for (const ReferenceSpecialty& ref : calibration_targets().specialties) {
      SpecialtyParams s;
      s.name = ref.name;
      s.score_reference = ref.match_rate * ref.matched_mean + (1.0 - ref.match_rate) * ref.unmatched_mean;
      s.typical_img_share = ref.nonus_img_share;
      p.specialties.push_back(s);
    }
    std::string error;
    if (!apply_fitted_params(detail::kFittedParamsJson, p, error))
      std::fprintf(stderr, "openpick: the compiled-in assets/model/fitted.json is unreadable: %s\n", error.c_str());
    return p;
  }();
  return defaults;
}

}  // namespace openpick::core
