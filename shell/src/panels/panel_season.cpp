// Season: the dates of the Match year with the step due next and the counts so far (core/season.h),
// then the rank list after interviews (rank_list_section, panel_rank_list.cpp), then the
// tracker (the workspace's `tracker`): per program its status, the strategy brief's steps
// (email the coordinator, an open house, a thank-you note, one top-choice letter), and under
// "Dates and notes" its dated events (applied, invited, interview, ...: a day as YYYY-MM-DD) and
// its notes. A second top-choice letter and a date not written YYYY-MM-DD are refused, with the
// reason, and what was typed stays in its field. Notes are committed once per edit, when their
// field is left. An entry whose program is not in the loaded list is kept and shown, and so are
// the tracker's own problems (core::check_tracker). Programs are tracked from here (the plan's
// list) or from the Programs tab ("Track").
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include "openpick/core/season.h"
#include "openpick/core/workspace.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

constexpr core::TrackerStatus kStatuses[] = {core::TrackerStatus::Considering, core::TrackerStatus::Applied,
                                             core::TrackerStatus::Invited,     core::TrackerStatus::Interviewed,
                                             core::TrackerStatus::Ranked,      core::TrackerStatus::Withdrawn,
                                             core::TrackerStatus::Rejected};

struct ChecklistBox {
  ChecklistItem item;
  const char* label;
  bool core::Checklist::*field;
  const char* help;
};
const ChecklistBox kChecklist[] = {
    {ChecklistItem::EmailCoordinator, "Emailed the coordinator", &core::Checklist::email_coordinator,
     "A short, polite email to the program coordinator or director: who you are, why this program."},
    {ChecklistItem::OpenHouse, "Open house", &core::Checklist::open_house,
     "Attended the program's (virtual) open house or information session."},
    {ChecklistItem::ThankYouSent, "Thank-you note", &core::Checklist::thank_you_sent,
     "A thank-you note after the interview."},
    {ChecklistItem::TopChoiceLetter, "Top-choice letter", &core::Checklist::top_choice_letter,
     "\"You are my top choice\": to one program only, and only if it is true."},
};

// The names the new-date row offers, as the workspace file writes them; the last is "other" (a
// name typed by the applicant).
constexpr const char* kDateKinds[] = {"applied", "invited", "interview", "thank-you", "other"};
constexpr int kOtherKind = static_cast<int>(std::size(kDateKinds)) - 1;

// The date a status is recorded under, for the offer to record today's (none: nothing to date).
const char* status_date_name(core::TrackerStatus s) {
  switch (s) {
    case core::TrackerStatus::Applied: return "applied";
    case core::TrackerStatus::Invited: return "invited";
    case core::TrackerStatus::Interviewed: return "interview";
    case core::TrackerStatus::Withdrawn: return "withdrawn";
    case core::TrackerStatus::Rejected: return "rejected";
    default: return nullptr;
  }
}

bool has_date(const core::TrackerEntry& entry, const std::string& what) {
  for (const auto& [name, day] : entry.dates)
    if (name == what) return true;
  return false;
}

// The field a refusal is about, drawn with a red edge.
bool refused_at(const AppState& state, const std::string& id, const std::string& field) {
  return !state.tracker_refusal.empty() && state.tracker_refusal_id == id && state.tracker_refusal_field == field;
}

// A day field (YYYY-MM-DD) of a fixed width, red-edged when a refusal is about it.
bool day_field(const char* id, std::string& text, bool refused) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  if (refused) ImGui::PushStyleColor(ImGuiCol_Border, kColorError);
  const bool changed = input_string(id, "YYYY-MM-DD", text, ImGuiInputTextFlags_CharsNoBlank);
  if (refused) ImGui::PopStyleColor();
  return changed;
}

// Right after a status is set here: one press records today as that status's date. Never
// recorded without the press.
void offer_today(AppState& state, const std::string& id, const core::TrackerEntry& entry) {
  if (state.season_edit.offer_today_id != id) return;
  const char* what = status_date_name(entry.status);
  if (!what || has_date(entry, what)) return;
  const std::string day = core::iso_date(local_today());
  const std::string label = "Record today (" + day + ") as \"" + std::string(what) + "\"";
  if (ImGui::SmallButton(label.c_str())) state.actions.emplace_back(SetTrackerDate{id, what, day, true});
  ImGui::SameLine();
  if (ImGui::SmallButton("Not now")) state.season_edit.offer_today_id.clear();  // the offer only (interface state)
}

// "applied 2026-09-25, interview 2026-11-12; notes": what the closed section holds.
std::string dates_summary(const core::TrackerEntry& entry) {
  std::string out;
  for (const auto& [what, day] : entry.dates) out += (out.empty() ? "" : ", ") + what + " " + day;
  if (!entry.notes.empty()) out += out.empty() ? "notes" : "; notes";
  return out.empty() ? "none yet" : out;
}

// A tracked program's dates (each editable, committed when its field is left, or removed), a new
// date (a name and a day, added by its button or Enter), and its notes (committed once per edit:
// when the field is left, or when the section is closed or the page hidden with them unsaved).
void dates_and_notes(AppState& state, const std::string& id, const core::TrackerEntry& entry) {
  TrackerDraft& draft = state.season_edit.drafts[id];
  const bool open = ImGui::TreeNode(("Dates and notes##" + id).c_str());
  if (!open) {
    ImGui::SameLine();
    ImGui::TextColored(kColorMuted, "%s", dates_summary(entry).c_str());
    if (draft.notes) state.actions.emplace_back(SetTrackerNotes{id, *draft.notes});
    return;
  }
  const float w = ImGui::GetFontSize();
  // The names in a column of their own (a name typed by the applicant may be long).
  const float x0 = ImGui::GetCursorPosX();
  float names = w * 5.0f;
  for (const auto& [what, day] : entry.dates) names = std::max(names, ImGui::CalcTextSize(what.c_str()).x);
  names = std::min(names, w * 12.0f) + ImGui::GetStyle().ItemSpacing.x;
  for (const auto& [what, day] : entry.dates) {
    const std::string name = "date_" + id + "_" + what;
    ImGui::PushID(what.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(what.c_str());
    ImGui::SameLine(x0 + names);
    const auto typed = draft.days.find(what);
    std::string text = typed != draft.days.end() ? typed->second : day;
    if (day_field("##day", text, refused_at(state, id, "dates." + what))) draft.days[what] = text;
    name_item(name.c_str());
    if (ImGui::IsItemDeactivatedAfterEdit()) state.actions.emplace_back(SetTrackerDate{id, what, text, false});
    ImGui::SameLine();
    if (ImGui::SmallButton(("Remove##" + name).c_str())) state.actions.emplace_back(RemoveTrackerDate{id, what});
    ImGui::PopID();
  }
  // A new date: its name (first offered: the first the program has no date for), then its day.
  int kind = draft.new_kind;
  if (kind < 0 || kind > kOtherKind) {
    kind = 0;
    while (kind < kOtherKind && has_date(entry, kDateKinds[kind])) ++kind;
  }
  ImGui::SetNextItemWidth(w * 7.0f);
  if (ImGui::Combo("##new_kind", &kind, kDateKinds, static_cast<int>(std::size(kDateKinds)))) draft.new_kind = kind;
  name_item(("new_date_kind_" + id).c_str());
  if (kind == kOtherKind) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w * 9.0f);
    input_string("##new_what", "what happened", draft.new_other);
    name_item(("new_date_what_" + id).c_str());
  }
  same_line_if_fits("YYYY-MM-DD");
  day_field("##new_day", draft.new_day, refused_at(state, id, "dates"));
  name_item(("new_date_" + id).c_str());
  const bool entered = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
  same_line_if_fits("Add date");
  if (ImGui::Button(("Add date##" + id).c_str()) || entered) {
    const std::string what = kind == kOtherKind ? draft.new_other : kDateKinds[kind];
    state.actions.emplace_back(SetTrackerDate{id, what, draft.new_day, true});
  }
  if (!state.tracker_refusal.empty() && state.tracker_refusal_id == id &&
      state.tracker_refusal_field.rfind("dates", 0) == 0)
    wrapped_colored(kColorError, ("Not saved: " + state.tracker_refusal).c_str());

  ImGui::TextUnformatted("Notes");
  help_marker("Kept in your workspace with the rest of the tracker; saved when you leave the field.");
  std::string text = draft.notes ? *draft.notes : entry.notes;
  const ImVec2 size(std::min(ImGui::GetContentRegionAvail().x, w * 30.0f),
                    ImGui::GetTextLineHeight() * 4.0f + ImGui::GetStyle().FramePadding.y * 2.0f);
  if (input_string_multiline("##notes", text, size)) draft.notes = text;
  name_item(("notes_" + id).c_str());
  // Dear ImGui's field does not wrap its lines: a line wider than the field (on a phone, most) is
  // shown in full under it, wrapped, while the field is not being typed in.
  if (!ImGui::IsItemActive() && ImGui::CalcTextSize(text.c_str()).x > size.x - ImGui::GetStyle().FramePadding.x * 2.0f)
    wrapped_colored(kColorMuted, text.c_str());
  // One commit per edit: once the field is no longer being typed in, not at each key.
  if (draft.notes && !ImGui::IsItemActive()) state.actions.emplace_back(SetTrackerNotes{id, *draft.notes});
  ImGui::TreePop();
}

void status_combo(AppState& state, const std::string& id, core::TrackerStatus current) {
  const std::string combo_id = "status_" + id;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
  const bool open = ImGui::BeginCombo(("##" + combo_id).c_str(), std::string(core::to_string(current)).c_str());
  if (!open) name_item(combo_id.c_str());  // a combo reports no label of its own
  if (!open) return;
  for (core::TrackerStatus s : kStatuses)
    if (ImGui::Selectable(std::string(core::to_string(s)).c_str(), s == current) && s != current)
      state.actions.emplace_back(SetTrackerStatus{id, s});
  ImGui::EndCombo();
}

void tracked_program(AppState& state, const std::string& id, const core::TrackerEntry& entry,
                     const std::optional<std::size_t>& index) {
  ImGui::PushID(id.c_str());
  if (index) {
    const core::Program& p = state.dataset.programs[*index];
    ImGui::TextWrapped("%s — %s, %s", p.name.c_str(), p.city.c_str(), p.state.c_str());
  } else {
    ImGui::TextWrapped("%s", id.c_str());
    wrapped_colored(kColorWarning, "Not in the loaded list: kept in your workspace.");
  }
  status_combo(state, id, entry.status);
  if (entry.rank) {
    ImGui::SameLine();
    ImGui::TextColored(kColorMuted, "rank %d", *entry.rank);
  }
  const core::Checklist checklist = entry.checklist.value_or(core::Checklist{});
  for (std::size_t k = 0; k < std::size(kChecklist); ++k) {
    const ChecklistBox& box = kChecklist[k];
    const std::string label = std::string(box.label) + "##" + id;
    // Beside the status on a wide screen (one line per program); wrapped on a phone.
    same_line_if_fits(box.label);
    bool done = checklist.*box.field;
    if (ImGui::Checkbox(label.c_str(), &done)) state.actions.emplace_back(SetChecklistItem{id, box.item, done});
    item_tooltip(box.help);
  }
  // Last on the line, away from the status (it drops the program's status and checklist).
  same_line_if_fits("Stop tracking");
  if (ImGui::SmallButton("Stop tracking")) state.actions.emplace_back(UntrackProgram{id});
  if (!state.tracker_refusal.empty() && state.tracker_refusal_id == id &&
      state.tracker_refusal_field.rfind("checklist", 0) == 0)
    wrapped_colored(kColorError, ("Not marked: " + state.tracker_refusal).c_str());
  offer_today(state, id, entry);
  dates_and_notes(state, id, entry);
  ImGui::PopID();
  ImGui::Separator();
}

// The season of the profile's Match year: published days where core has them, typical months
// elsewhere, the step due next marked.
void season_table(const AppState& state) {
  const std::vector<core::DatedStep> steps = core::season_steps(state.profile.match_year);
  const std::optional<std::size_t> next = core::next_step(steps, local_today());
  heading(("The " + std::to_string(state.profile.match_year) + " Match season").c_str());
  if (ImGui::BeginTable("season", 2, ImGuiTableFlags_SizingFixedFit)) {
    // The date column fits its text; the description takes the rest and wraps there (a wrapped
    // cell in a fit-to-content column would size itself to one letter).
    ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
    bool any_typical = false;
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const core::DatedStep& step = steps[k];
      any_typical = any_typical || !step.dated;
      ImGui::TableNextColumn();
      ImGui::TextColored(next == k ? kColorGood : kColorAccent, "%s", step.when.c_str());
      ImGui::TableNextColumn();
      if (next == k) {
        ImGui::TextColored(kColorGood, "Next:");
        ImGui::SameLine();
      }
      ImGui::TextWrapped("%s", step.what);
      if (step.dated) {
        ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
        ImGui::TextWrapped("Source: %s", step.source.c_str());
        ImGui::PopStyleColor();
      }
    }
    ImGui::EndTable();
  }
  if (!next) wrapped_colored(kColorMuted, "This season is over by this device's date.");
  // The counts so far, from the tracker, beside what the plan expected.
  int applied = 0, invited = 0, interviewed = 0;
  for (const auto& [id, entry] : state.workspace.tracker) {
    const core::TrackerStatus st = entry.status;
    const bool got_interview = st == core::TrackerStatus::Interviewed || st == core::TrackerStatus::Ranked;
    const bool got_invite = got_interview || st == core::TrackerStatus::Invited;
    applied += got_invite || st == core::TrackerStatus::Applied || st == core::TrackerStatus::Rejected ? 1 : 0;
    invited += got_invite ? 1 : 0;
    interviewed += got_interview ? 1 : 0;
  }
  if (state.plan_valid)
    ImGui::TextWrapped(
        "So far: %d applied, %d invited, %d interviewed. Your plan: %zu applications, about %.1f "
        "interviews expected.",
        applied, invited, interviewed, state.plan.programs.size(), state.plan.expected_interviews);
  else
    ImGui::TextWrapped("So far: %d applied, %d invited, %d interviewed.", applied, invited, interviewed);
  wrapped_colored(kColorMuted, (std::string("Typical months are marked so: the days move each year. Check ") +
                                core::kSeasonSource + ".")
                                   .c_str());
}

}  // namespace

void panel_season(AppState& state, Platform&) {
  push_reading_width();
  season_table(state);
  ImGui::PopTextWrapPos();
  rank_list_section(state);
  push_reading_width();
  heading("Your season");
  ImGui::TextWrapped(
      "Each program's status and the steps the strategy brief recommends. Kept in your workspace "
      "(Data tab: export it to keep a copy). Programs that interviewed you go on your rank list "
      "(above).");
  const RankListView& v = state.rank_view;
  if (state.workspace.tracker.empty()) {
    wrapped_colored(kColorMuted,
                    "No program in your tracker yet: track the programs on your plan, or press "
                    "\"Track\" beside a program in the Programs tab.");
  } else if (v.built_for_dataset != state.dataset_revision || v.built_for_tracker != state.tracker_revision) {
    ImGui::TextColored(kColorMuted, "Updating…");
  } else {
    // The tracker's own rules (each rank once, a rank only after an interview, one top-choice
    // letter): a workspace breaking them is refused at loading, so this is a last line of defence.
    for (const core::TrackerProblem& problem : v.problems) {
      std::string who = problem.id;
      for (const auto& [id, index] : v.tracked)
        if (id == problem.id && index) who = state.dataset.programs[*index].name + " (" + id + ")";
      wrapped_colored(kColorError, (who + ", " + problem.field + ": " + problem.message).c_str());
    }
    for (const auto& [id, index] : v.tracked) {
      const auto it = state.workspace.tracker.find(id);
      if (it != state.workspace.tracker.end()) tracked_program(state, id, it->second, index);
    }
  }
  // The plan's programs not yet tracked, in one press.
  std::size_t untracked = 0;
  if (state.plan_valid)
    for (const auto& p : state.plan.programs)
      untracked += state.workspace.tracker.count(state.dataset.programs[p.index].id) ? 0 : 1;
  if (untracked > 0 && ImGui::Button("Track the programs on my plan")) {
    for (const auto& p : state.plan.programs) {
      const std::string& id = state.dataset.programs[p.index].id;
      if (!state.workspace.tracker.count(id))
        state.actions.emplace_back(SetTrackerStatus{id, core::TrackerStatus::Considering});
    }
  }
  ImGui::PopTextWrapPos();
}

}  // namespace openpick::shell
