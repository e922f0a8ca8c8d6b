// Season: the dates of the Match year with the step due next and the counts so far (core/season.h),
// then the rank list after interviews (rank_list_section, panel_rank_list.cpp), then the
// tracker (the workspace's `tracker`): per program its status and the strategy brief's steps
// (email the coordinator, an open house, a thank-you note, one top-choice letter). A second
// top-choice letter is refused, with the reason. Programs are tracked from here (the plan's list)
// or from the Programs tab ("Track").
#include <ctime>
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
  if (!state.tracker_refusal.empty() && state.tracker_refusal_id == id)
    wrapped_colored(kColorError, ("Not marked: " + state.tracker_refusal).c_str());
  ImGui::PopID();
  ImGui::Separator();
}

// Today on this device's clock (core has none).
core::CalendarDate today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// The season of the profile's Match year: published days where core has them, typical months
// elsewhere, the step due next marked.
void season_table(const AppState& state) {
  const std::vector<core::DatedStep> steps = core::season_steps(state.profile.match_year);
  const std::optional<std::size_t> next = core::next_step(steps, today());
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
