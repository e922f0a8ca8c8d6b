// The plan's JSON and CSV forms: one implementation for the command line, the page's getState()
// and the exports.
#include <nlohmann/json.hpp>

#include "openpick/core/advice.h"
#include "openpick/core/csv.h"
#include "openpick/core/io.h"
#include "openpick/core/planner.h"
#include "plan_range.h"

namespace openpick::core {

namespace {

// `s` as a JSON string, exactly as nlohmann_json's dump writes it (UTF-8 kept, control characters
// escaped, \u00XX in lower case). Our text is UTF-8: import checks it.
void append_json_string(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// The "excluded" array in dump(2)'s layout at depth 1, written directly: with a large dataset it
// holds thousands of entries, and building them as JSON values took most of a plan's time in wasm.
std::string excluded_json(const std::vector<ExcludedProgram>& excluded) {
  if (excluded.empty()) return "[]";
  std::string out = "[\n";
  out.reserve(excluded.size() * 96);
  for (std::size_t i = 0; i < excluded.size(); ++i) {
    out += "    {\n      \"id\": ";
    append_json_string(out, excluded[i].id);
    out += ",\n      \"reason\": ";
    append_json_string(out, excluded[i].reason);
    out += i + 1 < excluded.size() ? "\n    },\n" : "\n    }\n";
  }
  out += "  ]";
  return out;
}

}  // namespace

std::string plan_to_json(const Plan& plan, const Dataset& dataset, const std::vector<Advice>& advice) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["p_match"] = plan.p_match;
  j["p_match_one_year"] = plan.p_match_one_year;
  j["p_match_range"] = {{"low", plan.p_match_low}, {"high", plan.p_match_high}};
  j["p_match_percentiles"] = {detail::kRangeLowPercentile, detail::kRangeHighPercentile};
  j["p_match_extremes"] = {{"low", plan.p_match_extreme_low}, {"high", plan.p_match_extreme_high}};
  j["conditional_on"] = plan.conditional_on;
  auto& sensitivity = j["p_match_sensitivity"] = ordered_json::array();
  for (const auto& e : plan.sensitivity)
    sensitivity.push_back({{"assumption", e.assumption}, {"plain", e.plain}, {"low", e.low}, {"high", e.high}});
  j["p_interview_any"] = plan.p_interview_any;
  j["expected_interviews"] = plan.expected_interviews;
  j["expected_utility"] = plan.expected_utility;
  j["cost_usd"] = plan.cost_usd;
  auto& by_service = j["cost_by_service"] = ordered_json::array();
  for (const auto& c : plan.cost_by_service)
    by_service.push_back({{"service", service_name(c.service)},
                          {"season", c.season},
                          {"applications", c.applications},
                          {"applications_usd", c.applications_usd},
                          {"assistance_discount_usd", c.assistance_discount_usd},
                          {"transcript_usd", c.transcript_usd},
                          {"cost_usd", c.cost_usd},
                          {"source", c.source}});
  j["applications"] = plan.programs.size();
  j["candidates"] = plan.candidates;
  j["diminishing_returns_at"] = plan.diminishing_returns_at;
  j["length_rule"] = plan.length_rule;
  j["match_value_usd"] = plan.match_value_usd;
  j["preferred_share"] = plan.preferred_share;
  j["preferred_share_cost"] = plan.preferred_share_cost;
  auto& programs = j["programs"] = ordered_json::array();
  for (const auto& p : plan.programs) {
    const Program& prog = dataset.programs.at(p.index);
    programs.push_back({{"id", p.id},
                        {"name", prog.name},
                        {"specialty", prog.specialty},
                        {"track", to_string(prog.track)},
                        {"state", prog.state},
                        {"application_service", service_name(application_service_of(prog))},
                        {"p_interview", p.p_interview},
                        {"p_match", p.p_match},
                        {"p_match_here", p.p_match_here},
                        {"tier", to_string(p.tier)},
                        {"signal", to_string(p.signal)},
                        {"pinned", p.pinned},
                        {"reasons", p.reasons}});
  }
  j["excluded"] = ordered_json::array();  // written below
  auto& curve = j["curve"] = ordered_json::array();
  for (const auto& c : plan.curve)
    curve.push_back({{"applications", c.applications}, {"p_match", c.p_match}, {"cost_usd", c.cost_usd}});
  auto& signals = j["signals"] = ordered_json::array();
  for (const auto& s : plan.signals)
    signals.push_back({{"specialty", s.specialty},
                       {"gold_available", s.gold_available},
                       {"gold_used", s.gold_used},
                       {"silver_available", s.silver_available},
                       {"silver_used", s.silver_used}});
  auto& whatif = j["whatif"] = ordered_json::array();
  for (const auto& w : plan.whatif)
    whatif.push_back({{"id", w.id}, {"change", w.change}, {"p_match", w.p_match}, {"gain", w.gain}});
  auto& research = j["research_next"] = ordered_json::array();
  for (const auto& r : plan.research_next)
    research.push_back({{"id", r.id}, {"on_list", r.on_list}, {"fields", r.fields}, {"gain", r.gain}, {"how", r.how}});
  auto& adv = j["advice"] = ordered_json::array();
  for (const auto& a : advice) adv.push_back({{"id", a.id}, {"title", a.title}, {"why", a.why}, {"source", a.source}});
  j["notes"] = plan.notes;
  std::string out = j.dump(2) + "\n";
  const std::string placeholder = "\n  \"excluded\": []";
  const std::size_t at = out.find(placeholder);
  out.replace(at + placeholder.size() - 2, 2, excluded_json(plan.excluded));
  return out;
}

std::string plan_to_csv(const Plan& plan, const Dataset& dataset) {
  auto pct = [](double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", p);
    return std::string(buf);
  };
  std::string out = csv_row({"order", "id", "name", "institution", "specialty", "city", "state", "p_interview",
                             "p_match", "p_match_here", "tier", "signal", "pinned", "reasons"});
  for (std::size_t n = 0; n < plan.programs.size(); ++n) {
    const PlannedProgram& p = plan.programs[n];
    const Program& prog = dataset.programs.at(p.index);
    std::string reasons;
    for (const auto& r : p.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
    out += csv_row({std::to_string(n + 1), p.id, prog.name, prog.institution, prog.specialty, prog.city, prog.state,
                    pct(p.p_interview), pct(p.p_match), pct(p.p_match_here), to_string(p.tier), to_string(p.signal),
                    p.pinned ? "yes" : "no", reasons});
  }
  return out;
}

}  // namespace openpick::core
