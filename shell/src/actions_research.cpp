// The applicant's research: facts they found about a program (with where and when), programs they
// added by hand or hid, undo, and a classmate's or an adviser's research merged in. Every change
// is checked by core's own workspace reader before it is made (what the page keeps is what a
// reload reads back), made at once or not at all, remembered for undo, applied over the loaded
// list and saved.
#include <algorithm>

#include "actions_detail.h"
#include "openpick/core/workspace.h"
#include "openpick/shell/panels.h"

namespace openpick::shell::detail {

namespace {

// The research part of the workspace: what a research change may change.
core::Workspace research_part(const core::Workspace& w) {
  core::Workspace out;
  out.research = w.research;
  out.added_programs = w.added_programs;
  out.hidden = w.hidden;
  return out;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// A program's name for a person: the one planned over, else an added one, else the loaded one.
std::string program_name(const AppState& state, const std::string& id) {
  for (const auto* list : {&state.dataset.programs, &state.workspace.added_programs, &state.loaded_dataset.programs})
    for (const auto& p : *list)
      if (p.id == id) return p.name.empty() ? quoted(id) : p.name;
  return quoted(id);
}

// Makes `next` the research part of the workspace, if core's reader reads it back; `what` is the
// change, for the Undo button. False (and a message naming the problem) when refused.
bool commit(AppState& state, Platform& platform, core::Workspace next, std::string what) {
  const auto check = core::parse_workspace_json(core::workspace_to_json(next), "your research");
  if (!check.ok()) {
    std::string why;
    for (const auto& d : check.diagnostics)
      if (d.severity == core::Severity::Error) {
        why = (d.field.empty() ? "" : d.field + ": ") + d.message;
        break;
      }
    state.research_form.error = "Not saved (" + what + "): " + why + ". Nothing was changed.";
    add_message(state, core::Severity::Error, state.research_form.error, check.diagnostics);
    return false;
  }
  core::Workspace& w = state.workspace;
  state.research_undo.push_back(
      {std::move(what), std::move(w.research), std::move(w.added_programs), std::move(w.hidden)});
  if (state.research_undo.size() > kResearchUndoDepth) state.research_undo.erase(state.research_undo.begin());
  w.research = std::move(next.research);
  w.added_programs = std::move(next.added_programs);
  w.hidden = std::move(next.hidden);
  reapply_workspace(state);
  save_workspace(state, platform);
  return true;
}

void close_form_for(AppState& state, const std::string& id) {
  ResearchForm& f = state.research_form;
  if (f.open && f.id == id) {
    f.open = false;
    f.error.clear();
  }
}

void save_research(AppState& state, Platform& platform, const SaveResearch& a) {
  core::Workspace next = research_part(state.workspace);
  if (a.research.fields.empty())
    next.research.erase(a.id);
  else
    next.research[a.id] = a.research;
  if (commit(state, platform, std::move(next), "your research on " + program_name(state, a.id)))
    close_form_for(state, a.id);
}

void clear_research(AppState& state, Platform& platform, const ClearResearch& a) {
  core::Workspace next = research_part(state.workspace);
  const auto it = next.research.find(a.id);
  if (it == next.research.end()) return;
  std::string what;
  if (a.field.empty()) {
    next.research.erase(it);
    what = "clearing your research on " + program_name(state, a.id);
  } else {
    core::Research& r = it->second;
    if (!r.sets(a.field)) return;
    r.fields.erase(std::find(r.fields.begin(), r.fields.end(), a.field));
    // The sources for that fact alone go with it; one for a group ("visa", "*") stays for the rest.
    r.sources.erase(std::remove_if(r.sources.begin(), r.sources.end(),
                                   [&](const core::ResearchSource& s) { return s.what == a.field; }),
                    r.sources.end());
    if (r.fields.empty()) next.research.erase(it);
    what = "clearing your " + research_fact_label(a.field) + " for " + program_name(state, a.id);
  }
  commit(state, platform, std::move(next), std::move(what));
}

void add_program(AppState& state, Platform& platform, const AddProgram& a) {
  const std::string& id = a.program.id;
  for (const auto* list : {&state.loaded_dataset.programs, &state.workspace.added_programs})
    for (const auto& p : *list)
      if (p.id == id) {
        state.research_form.error = "Not added: a program with the same name, specialty and state (id " + quoted(id) +
                                    ", " + p.name +
                                    ") is already in the list. Edit its research instead, or give "
                                    "yours another name.";
        return;
      }
  core::Workspace next = research_part(state.workspace);
  next.added_programs.push_back(a.program);
  if (!a.research.fields.empty()) next.research[id] = a.research;
  if (commit(state, platform, std::move(next), "adding " + a.program.name)) {
    ResearchForm& f = state.research_form;
    f.open = false;
    f.adding = false;
    f.error.clear();
  }
}

void delete_added_program(AppState& state, Platform& platform, const DeleteAddedProgram& a) {
  core::Workspace next = research_part(state.workspace);
  auto& added = next.added_programs;
  const auto it = std::find_if(added.begin(), added.end(), [&](const core::Program& p) { return p.id == a.id; });
  if (it == added.end()) return;
  const std::string name = it->name;
  added.erase(it);
  next.research.erase(a.id);
  next.hidden.erase(std::remove(next.hidden.begin(), next.hidden.end(), a.id), next.hidden.end());
  if (commit(state, platform, std::move(next), "deleting " + name)) close_form_for(state, a.id);
}

void set_hidden(AppState& state, Platform& platform, const SetHidden& a) {
  core::Workspace next = research_part(state.workspace);
  auto& hidden = next.hidden;
  const bool is_hidden = std::find(hidden.begin(), hidden.end(), a.id) != hidden.end();
  if (is_hidden == a.hidden) return;
  const std::string name = program_name(state, a.id);
  if (a.hidden)
    hidden.push_back(a.id);
  else
    hidden.erase(std::remove(hidden.begin(), hidden.end(), a.id), hidden.end());
  if (commit(state, platform, std::move(next), (a.hidden ? "hiding " : "showing again ") + name) && a.hidden)
    close_form_for(state, a.id);
}

void undo_research(AppState& state, Platform& platform) {
  if (state.research_undo.empty()) return;
  ResearchSnapshot s = std::move(state.research_undo.back());
  state.research_undo.pop_back();
  core::Workspace& w = state.workspace;
  w.research = std::move(s.research);
  w.added_programs = std::move(s.added_programs);
  w.hidden = std::move(s.hidden);
  state.research_form.open = false;  // it showed what is now undone
  state.research_form.error.clear();
  reapply_workspace(state);
  save_workspace(state, platform);
  add_message(state, core::Severity::Warning, "Undone: " + s.what + ".");
}

void merge_research_file(AppState& state, Platform& platform, const MergeResearchFile& a) {
  auto r = core::parse_workspace_json(a.bytes, a.file_name);
  if (!r.ok()) return import_failed(state, "research from", a.file_name, r.diagnostics, "Your research is unchanged.");
  core::MergeResult m = core::merge_research(research_part(state.workspace), *r.value);
  core::Workspace next = research_part(state.workspace);
  next.research = std::move(m.merged.research);
  next.added_programs = std::move(m.merged.added_programs);
  const bool changed = core::workspace_to_json(next) != core::workspace_to_json(research_part(state.workspace));
  if (changed && !commit(state, platform, std::move(next), "merging research from " + a.file_name)) return;
  add_message(state, core::Severity::Warning,
              (changed ? "Merged the research of " + a.file_name + " into yours"
                       : "Nothing to merge from " + a.file_name + ": your research already has all of it") +
                  " (" + plural(m.report.size(), "line") +
                  " below). Where both of you dated a fact, the newer one is used; your own facts that "
                  "were kept or replaced are listed, and both sources stay in the program's research." +
                  (changed ? " Undo takes the merge back." : ""),
              r.diagnostics);
  auto& details = state.messages.back().details;
  for (const std::string& line : m.report) details.push_back(line);
}

}  // namespace

void apply_research_change(AppState& state, Platform& platform, const ResearchChange& a) {
  std::visit(Overloaded{[&](const SaveResearch& c) { save_research(state, platform, c); },
                        [&](const ClearResearch& c) { clear_research(state, platform, c); },
                        [&](const AddProgram& c) { add_program(state, platform, c); },
                        [&](const DeleteAddedProgram& c) { delete_added_program(state, platform, c); },
                        [&](const SetHidden& c) { set_hidden(state, platform, c); },
                        [&](const UndoResearch&) { undo_research(state, platform); },
                        [&](const MergeResearchFile& c) { merge_research_file(state, platform, c); }},
             a.change);
}

}  // namespace openpick::shell::detail
