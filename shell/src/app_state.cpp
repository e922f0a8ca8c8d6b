#include "openpick/shell/app_state.h"

#include <nlohmann/json.hpp>
#include <set>

#include "openpick/core/io.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/version.h"
#include "openpick/core/workspace.h"

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

std::string workspace_document(const AppState& state) {
  core::Workspace w;  // field by field: the state's own copy never holds a profile
  w.research = state.workspace.research;
  w.added_programs = state.workspace.added_programs;
  w.hidden = state.workspace.hidden;
  w.tracker = state.workspace.tracker;
  if (state.profile_is_set) w.profile = state.profile;
  return core::workspace_to_json(w);
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
  j["profile"] =
      state.profile_is_set ? nlohmann::json::parse(core::profile_to_json(state.profile)) : nlohmann::json(nullptr);
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
               {"progress", w.import ? w.import->progress()
                            : w.plan ? w.plan->progress()
                                     : 1.0}};
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
  j["embed"] = {
      {"host", state.embed.host_origin.empty() ? nlohmann::json(nullptr) : nlohmann::json(state.embed.host_origin)},
      {"theme", state.embed.dark ? "dark" : "light"},
      {"confirming_share", !state.embed.share_preview.empty()},
      {"shares_sent", state.embed.shares_sent}};
  if (state.sheet.mapping.columns.empty()) {
    j["sheet"] = nullptr;
  } else {
    auto& columns = (j["sheet"] = {{"file", state.sheet.file_name},
                                   {"loaded", state.sheet.loaded},
                                   {"edited", state.sheet.edited},
                                   {"columns", nlohmann::json::array()}})["columns"];
    for (const auto& c : state.sheet.mapping.columns)
      columns.push_back(
          {{"header", c.header},
           {"field", c.field ? nlohmann::json(std::string(core::to_string(*c.field))) : nlohmann::json()}});
  }
  j["sheet_columns_remembered"] = state.remembered_columns.has_value();
  // The workspace: how much of each it holds, the notes about entries whose program is not in the
  // list, and the tracker in the workspace file's own form (docs/DATA.md).
  const core::Workspace& ws = state.workspace;
  std::size_t own_programs = 0;
  for (const auto& o : state.own_facts) own_programs += (o.added || !o.fields.empty()) ? 1 : 0;
  j["workspace"] = {{"research", ws.research.size()}, {"added", ws.added_programs.size()},
                    {"hidden", ws.hidden.size()},     {"tracked", ws.tracker.size()},
                    {"own_programs", own_programs},   {"notes", state.workspace_notes}};
  {
    core::Workspace tracker_only;
    tracker_only.tracker = ws.tracker;
    const auto doc = nlohmann::json::parse(core::workspace_to_json(tracker_only));
    j["tracker"] = doc.contains("tracker") ? doc["tracker"] : nlohmann::json::object();
  }
  j["tracker_refusal"] = state.tracker_refusal;
  // The applicant's research in the workspace file's own form, the ids they added and hid, what
  // Undo would undo, and the research form (the Programs tab's detail view).
  {
    core::Workspace research_only;
    research_only.research = ws.research;
    const auto doc = nlohmann::json::parse(core::workspace_to_json(research_only));
    auto added = nlohmann::json::array();
    for (const auto& p : ws.added_programs) added.push_back(p.id);
    const ResearchForm& f = state.research_form;
    j["research"] = {{"entries", doc.contains("research") ? doc["research"] : nlohmann::json::object()},
                     {"added", added},
                     {"hidden", ws.hidden},
                     {"undo", state.research_undo.empty() ? nlohmann::json(nullptr)
                                                          : nlohmann::json(state.research_undo.back().what)},
                     {"undo_steps", state.research_undo.size()},
                     {"form", {{"open", f.open}, {"adding", f.adding}, {"id", f.id}, {"error", f.error}}}};
  }
  const RankListView& rv = state.rank_view;
  j["rank_list"] = {{"ids", rv.ids}, {"notes", rv.notes}};
  if (rv.outcome) {
    j["rank_list"]["p_match"] = rv.outcome->p_match;
    j["rank_list"]["p_match_here"] = rv.outcome->p_match_at;
    j["rank_list"]["extra_rank_fee_usd"] = rv.outcome->extra_rank_fee_usd;
  } else {
    j["rank_list"]["p_match"] = nullptr;
  }
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
