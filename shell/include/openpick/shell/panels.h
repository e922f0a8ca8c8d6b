// One panel = one file = one function, listed once in kPanels (panels.cpp). The frame loop and
// the View menu both walk this table, so a new panel is one file and one line.
#pragma once

#include <string>
#include <string_view>

#include "openpick/core/season.h"  // CalendarDate
#include "openpick/shell/app_state.h"
#include "openpick/shell/platform.h"

namespace openpick::shell {

using PanelFn = void (*)(AppState&, Platform&);

struct PanelInfo {
  const char* name;
  PanelFn draw;
  bool (*visible)(const AppState&) = nullptr;  // null: always shown
};

void panel_start(AppState& state, Platform& platform);
void panel_profile(AppState& state, Platform& platform);
void panel_plan(AppState& state, Platform& platform);
void panel_programs(AppState& state, Platform& platform);
void panel_season(AppState& state, Platform& platform);
void panel_data(AppState& state, Platform& platform);
void panel_about(AppState& state, Platform& platform);
void panel_share(AppState& state, Platform& platform);
bool panel_share_visible(const AppState& state);  // only when embedded in an adviser's page

// The decisive facts still unanswered (core::unanswered_facts), asked as questions with the
// Profile form's own fields; nothing while all are answered. Drawn by the Start and Plan tabs.
void profile_questions(AppState& state);
// After interviews: the rank list in the applicant's order (Up / Down), its chance, the advice and
// the NRMP fee. Drawn by the Season tab, above the tracker (a tab of its own did not fit a phone).
void rank_list_section(AppState& state);
// Today on this device's clock (core has none): the Season tab's "next step" and "record today",
// the research form's default date.
core::CalendarDate local_today();
// Commits the profile form's draft once an edit is finished (SetProfile, saved on a debounce).
// The form calls it; draw_frame calls it too, for an edit left by switching tabs.
void commit_profile_draft(AppState& state);

// The research form (panel_research.cpp), the Programs tab's detail view: the applicant's own
// facts about one program of the list planned over (by id), or a program added by hand.
void open_research_form(AppState& state, const std::string& id);
void open_add_program_form(AppState& state);
void research_form(AppState& state);  // draws state.research_form (while it is open)
// Above the Programs table: "Add a program by hand", the hidden programs (and "Show again"), Undo.
void research_bar(AppState& state);
// A person's name for a research fact ("visa.j1" -> "Accepts J-1").
std::string research_fact_label(std::string_view field);

const PanelInfo* panels_begin();
const PanelInfo* panels_end();

}  // namespace openpick::shell
