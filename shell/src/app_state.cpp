#include "openpick/shell/app_state.h"

#include <nlohmann/json.hpp>
#include <set>

#include "openpick/core/io.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/version.h"

namespace openpick::shell {

const DatasetSummary& dataset_summary(AppState& state) {
  DatasetSummary& s = state.dataset_summary;
  if (s.built_for_revision == state.dataset_revision) return s;
  std::set<std::string> specialties, states;
  for (const auto& p : state.dataset.programs) {
    specialties.insert(p.specialty);
    states.insert(p.state);
  }
  s.specialties.assign(specialties.begin(), specialties.end());
  s.states.assign(states.begin(), states.end());
  s.built_for_revision = state.dataset_revision;
  return s;
}

std::string state_to_json(const AppState& state) {
  nlohmann::json j;
  j["product"] = core::kProductName;
  j["version"] = core::kVersion;
  j["dataset"] = {{"name", state.dataset.name},
                  {"version", state.dataset.version},
                  {"as_of", state.dataset.as_of},
                  {"program_count", state.dataset.programs.size()},
                  {"is_sample", state.dataset_is_sample}};
  // The profile in its own document format, so tests and hosts read one shape.
  j["profile"] = state.profile_is_set ? nlohmann::json::parse(core::profile_to_json(state.profile))
                                      : nlohmann::json(nullptr);
  // The plan in the command line's format (openpick plan), or null before there is one: its text is
  // put in as it is, after the rest (parsing and writing a large plan again took 100 ms in wasm).
  j["plan"] = nullptr;
  j["persist"] = state.persist;
  j["storage_status"] = state.storage_status;  // what happened with storage, as the Data tab says it
  // Long work in progress: tests and hosts wait for busy to turn false before reading the plan.
  const Work& w = state.work;
  j["work"] = {{"busy", w.busy()},
               {"importing", w.import ? nlohmann::json(w.import->file_name()) : nlohmann::json(nullptr)},
               {"planning", w.plan != nullptr},
               {"progress", w.import ? w.import->progress() : w.plan ? w.plan->progress() : 1.0}};
  // What the interface shows, for browser tests that check where a click landed.
  // The decisive facts not answered yet: while any is, there is no plan and no headline.
  auto unanswered = nlohmann::json::array();
  if (state.profile_is_set)
    for (core::DecisiveFact f : core::unanswered_facts(state.profile)) unanswered.push_back(core::to_string(f));
  j["ui"] = {{"active_panel", state.active_panel},
             {"unanswered", unanswered},
             {"plan_revision", state.plan_revision},
             {"programs_search", std::string(state.programs_view.search)},
             {"programs_shown", state.programs_view.rows.size()}};
  j["embed"] = {{"host", state.embed.host_origin.empty() ? nlohmann::json(nullptr)
                                                        : nlohmann::json(state.embed.host_origin)},
                {"theme", state.embed.dark ? "dark" : "light"},
                {"confirming_share", !state.embed.share_preview.empty()},
                {"shares_sent", state.embed.shares_sent}};
  if (state.sheet.mapping.columns.empty()) {
    j["sheet"] = nullptr;
  } else {
    auto& columns = (j["sheet"] = {{"file", state.sheet.file_name}, {"loaded", state.sheet.loaded},
                                   {"edited", state.sheet.edited}, {"columns", nlohmann::json::array()}})["columns"];
    for (const auto& c : state.sheet.mapping.columns)
      columns.push_back({{"header", c.header},
                         {"field", c.field ? nlohmann::json(std::string(core::to_string(*c.field))) : nlohmann::json()}});
  }
  j["sheet_columns_remembered"] = state.remembered_columns.has_value();
  auto& messages = j["messages"] = nlohmann::json::array();
  for (const auto& m : state.messages)
    messages.push_back({{"severity", m.severity == core::Severity::Error ? "error" : "warning"},
                        {"text", m.text},
                        {"details", m.details}});
  std::string out = j.dump();
  if (state.plan_valid && !state.plan_json.empty()) {
    const std::string null_plan = "\"plan\":null";
    const std::size_t at = out.find(null_plan);
    out.replace(at + null_plan.size() - 4, 4, state.plan_json);
  }
  return out;
}

}  // namespace openpick::shell
