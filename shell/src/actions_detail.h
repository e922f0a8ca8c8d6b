// What the files of the action layer share (actions.cpp applies the queue; actions_storage.cpp,
// actions_import.cpp, actions_workspace.cpp, actions_season.cpp and actions_research.cpp hold the
// work of one kind each). Private to shell/src.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/platform.h"

namespace openpick::shell::detail {

// std::visit over an action with one lambda per alternative.
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// --- messages (actions.cpp) ----------------------------------------------------------------------
void add_message(AppState& state, core::Severity severity, std::string text,
                 const std::vector<core::Diagnostic>& diagnostics = {});
std::string plural(std::size_t n, const char* word);  // "1 program", "2 programs"
// An import that failed: one message with every problem, saying what was kept.
void import_failed(AppState& state, const std::string& what, const std::string& file,
                   const std::vector<core::Diagnostic>& diagnostics, const char* kept);

// --- the plan's lifecycle (actions.cpp) ----------------------------------------------------------
void invalidate_plan(AppState& state);
void clear_plan(AppState& state);

// --- storage (actions_storage.cpp) ---------------------------------------------------------------
void save_profile(AppState& state, Platform& platform);
void save_settings(AppState& state, Platform& platform);
void save_workspace(AppState& state, Platform& platform);
void restore(AppState& state, Platform& platform);  // settings, workspace and profile, at start

// --- program lists (actions_import.cpp) ----------------------------------------------------------
void load_file(AppState& state, LoadFile& f);  // a profile at once; a program list in steps
void read_sheet_again(AppState& state, Platform& platform, const core::CsvMapping& mapping);
void finish_import(AppState& state);

// --- the workspace and the tracker (actions_workspace.cpp) ---------------------------------------
void reapply_workspace(AppState& state);
void load_workspace(AppState& state, Platform& platform, const LoadFile& f);
void tracker_changed(AppState& state, Platform& platform);
void set_tracker_status(AppState& state, Platform& platform, const SetTrackerStatus& a);
void set_checklist_item(AppState& state, Platform& platform, const SetChecklistItem& a);
void move_rank(AppState& state, Platform& platform, const MoveRank& a);
void refresh_rank_list(AppState& state);

// --- the season's dates and notes (actions_season.cpp) -------------------------------------------
void set_tracker_date(AppState& state, Platform& platform, const SetTrackerDate& a);
void remove_tracker_date(AppState& state, Platform& platform, const RemoveTrackerDate& a);
void set_tracker_notes(AppState& state, Platform& platform, const SetTrackerNotes& a);
void flush_tracker_drafts(AppState& state, Platform& platform);  // notes still in their field

// --- the applicant's research (actions_research.cpp) ---------------------------------------------
void apply_research_change(AppState& state, Platform& platform, const ResearchChange& a);

}  // namespace openpick::shell::detail
