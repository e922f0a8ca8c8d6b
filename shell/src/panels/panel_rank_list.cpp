// The rank list (after interviews), drawn by the Season tab: the programs whose tracker status is
// interviewed or ranked, in the applicant's rank order (Up / Down), the chance of matching with
// that list and at each program (core::rank_list_outcome, as `openpick ranklist` prints it), the
// advice to rank by true preference, and the NRMP fee for ranks beyond those the registration
// covers.
#include <cstdio>
#include <string>

#include "openpick/core/fees.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

std::string percent(double p) {
  if (p > 0.0 && p < 0.01) return "<1%";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", p * 100.0);
  return buf;
}

}  // namespace

void rank_list_section(AppState& state) {
  push_reading_width();
  heading("After interviews: your rank list");
  const RankListView& v = state.rank_view;
  if (v.built_for_dataset != state.dataset_revision || v.built_for_tracker != state.tracker_revision) {
    ImGui::TextColored(kColorMuted, "Updating…");
    ImGui::PopTextWrapPos();
    return;
  }
  if (v.order.empty()) {
    ImGui::TextWrapped(
        "No program has the status interviewed or ranked yet. When a program interviews you, "
        "set its status below: it joins this list, where you put the programs in "
        "the order you would rank them.");
    for (const auto& note : v.notes) wrapped_colored(kColorMuted, note.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  const std::optional<core::RankListOutcome>& out = v.outcome;
  if (out) {
    ImGui::Text("Chance of matching with this list: %s", percent(out->p_match).c_str());
    for (const auto& c : out->conditional_on) wrapped_colored(kColorMuted, ("Assumes " + c).c_str());
  } else {
    wrapped_colored(kColorWarning, "Answer the questions in the Profile tab to see your chance with this list.");
  }

  // Rank, program (wrapped in its cell), chance here, Up / Down.
  const float w = ImGui::GetFontSize();
  const float table_width = std::min(ImGui::GetContentRegionAvail().x, w * 40.0f);
  if (ImGui::BeginTable("rank_list", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImVec2(table_width, 0.0f))) {
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, w * 1.6f);
    ImGui::TableSetupColumn("Program", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Chance here", ImGuiTableColumnFlags_WidthFixed, w * 4.5f);
    // Room for both small buttons (on a phone "Down" touched the border at a width in font sizes).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float move_width = ImGui::CalcTextSize("Up").x + ImGui::CalcTextSize("Down").x + style.FramePadding.x * 4.0f +
                             style.ItemSpacing.x + 2.0f;
    ImGui::TableSetupColumn("Move", ImGuiTableColumnFlags_WidthFixed, move_width);
    ImGui::TableHeadersRow();
    ImGui::PushTextWrapPos(0.0f);  // wrap in the cell, not at the page's reading width
    for (std::size_t r = 0; r < v.order.size(); ++r) {
      const core::Program& p = state.dataset.programs[v.order[r]];
      ImGui::PushID(static_cast<int>(r));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%zu", r + 1);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", p.name.c_str());
      ImGui::TextColored(kColorMuted, "%s, %s", p.city.c_str(), p.state.c_str());
      ImGui::TableNextColumn();
      if (out && r < out->p_match_at.size()) ImGui::TextUnformatted(percent(out->p_match_at[r]).c_str());
      ImGui::TableNextColumn();
      ImGui::BeginDisabled(r == 0);
      if (ImGui::SmallButton(("Up##" + p.id).c_str())) state.actions.emplace_back(MoveRank{p.id, -1});
      ImGui::EndDisabled();
      ImGui::SameLine();
      ImGui::BeginDisabled(r + 1 == v.order.size());
      if (ImGui::SmallButton(("Down##" + p.id).c_str())) state.actions.emplace_back(MoveRank{p.id, +1});
      ImGui::EndDisabled();
      ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTable();
  }
  wrapped_colored(kColorMuted,
                  "\"Chance here\": that you match at this program with this list (you match at the "
                  "first program on your list that ranks you high enough).");

  heading("How to rank");
  if (out && !out->advice.empty())
    ImGui::TextWrapped("%s", out->advice.c_str());
  else
    ImGui::TextWrapped(
        "Rank the programs in your true order of preference: the match algorithm favours you, "
        "so ranking a program higher never lowers your chance elsewhere.");
  const core::RankListFee fee = core::nrmp_rank_list_fee();
  const int ranks = static_cast<int>(v.order.size());
  const double each = core::cents_to_usd(fee.each_extra_cents);
  if (ranks > fee.included_ranks)
    ImGui::TextWrapped("The NRMP registration covers %d ranks; each further one costs $%.0f: $%.0f for your %d.",
                       fee.included_ranks, each, core::cents_to_usd(core::nrmp_extra_ranks_cents(fee, ranks)), ranks);
  else
    ImGui::TextWrapped("Your %d %s within the %d the NRMP registration covers; each rank beyond them costs $%.0f.",
                       ranks, ranks == 1 ? "rank is" : "ranks are", fee.included_ranks, each);
  if (!fee.source.empty()) ImGui::TextColored(kColorMuted, "Source: %s", fee.source.c_str());
  if (!v.notes.empty() || (out && !out->notes.empty())) {
    heading("Notes");
    for (const auto& note : v.notes) wrapped_colored(kColorMuted, note.c_str());
    if (out)
      for (const auto& note : out->notes) wrapped_colored(kColorMuted, note.c_str());
  }
  ImGui::PopTextWrapPos();
}

}  // namespace openpick::shell
