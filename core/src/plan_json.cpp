// The plan's JSON and CSV forms: one implementation for the command line, the page's getState()
// and the exports.
#include <nlohmann/json.hpp>

#include "openpick/core/advice.h"
#include "openpick/core/csv.h"
#include "openpick/core/planner.h"

namespace openpick::core {

std::string plan_to_json(const Plan& plan, const Dataset& dataset, const std::vector<Advice>& advice) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["p_match"] = plan.p_match;
  j["p_match_range"] = {{"low", plan.p_match_low}, {"high", plan.p_match_high}};
  j["p_interview_any"] = plan.p_interview_any;
  j["expected_interviews"] = plan.expected_interviews;
  j["expected_utility"] = plan.expected_utility;
  j["cost_usd"] = plan.cost_usd;
  j["applications"] = plan.programs.size();
  j["candidates"] = plan.candidates;
  j["diminishing_returns_at"] = plan.diminishing_returns_at;
  auto& programs = j["programs"] = ordered_json::array();
  for (const auto& p : plan.programs) {
    const Program& prog = dataset.programs.at(p.index);
    programs.push_back({{"id", p.id},
                        {"name", prog.name},
                        {"specialty", prog.specialty},
                        {"state", prog.state},
                        {"p_interview", p.p_interview},
                        {"p_match", p.p_match},
                        {"p_match_here", p.p_match_here},
                        {"tier", to_string(p.tier)},
                        {"signal", to_string(p.signal)},
                        {"pinned", p.pinned},
                        {"reasons", p.reasons}});
  }
  auto& excluded = j["excluded"] = ordered_json::array();
  for (const auto& e : plan.excluded) excluded.push_back({{"id", e.id}, {"reason", e.reason}});
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
  auto& adv = j["advice"] = ordered_json::array();
  for (const auto& a : advice) adv.push_back({{"id", a.id}, {"title", a.title}, {"why", a.why}});
  j["notes"] = plan.notes;
  return j.dump(2) + "\n";
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
