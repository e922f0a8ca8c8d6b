// Data: load a program list, a profile or a workspace (file picker; drag and drop is handled by
// the page), export the profile and the workspace, the CSV template, saving on this device, and
// "forget everything".
#include <algorithm>

#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

// The columns of the applicant's own sheet as OpenPick read them, on its first rows; any column
// can be set by hand and the sheet read again (remembered for the next file from the sheet).
void sheet_columns(AppState& state) {
  SheetColumns& sheet = state.sheet;
  heading("Your sheet's columns");
  ImGui::TextWrapped(
      "OpenPick read the columns of %s by their names. Check what each one is read as; "
      "change any that is wrong and read the sheet again. Your changes are remembered "
      "for the next file from this sheet.",
      sheet.file_name.c_str());
  if (!sheet.loaded)
    wrapped_colored(kColorError,
                    "This sheet did not load (the message above says why): the programs you had "
                    "are still loaded. Fix a column below and read it again, or fix the file.");
  // Two columns, so that a phone has room: the sheet's column (letter, name, first values wrapped
  // under it) and what it is read as.
  const float value_width = ImGui::GetFontSize() * 10.0f;
  const float table_width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 44.0f);
  if (ImGui::BeginTable("sheet_columns", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg,
                        ImVec2(table_width, 0.0f))) {
    ImGui::TableSetupColumn("Your column (first rows)", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Read as", ImGuiTableColumnFlags_WidthFixed, value_width);
    ImGui::TableHeadersRow();
    ImGui::PushTextWrapPos(0.0f);  // wrap in the cell, not at the page's reading width
    for (std::size_t k = 0; k < sheet.mapping.columns.size(); ++k) {
      core::CsvColumnMap& column = sheet.mapping.columns[k];
      ImGui::PushID(static_cast<int>(k));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s  %s", core::csv_column_name(k).c_str(),
                  column.header.empty() ? "(no name)" : column.header.c_str());
      std::string values;
      for (const auto& row : sheet.rows) {
        if (k >= row.size() || row[k].empty()) continue;
        if (!values.empty()) values += "  ·  ";
        values += row[k];
      }
      ImGui::TextColored(kColorMuted, "%s", values.empty() ? "(empty)" : values.c_str());
      ImGui::TableNextColumn();
      const std::string current = column.field ? std::string(core::to_string(*column.field)) : "not read";
      ImGui::SetNextItemWidth(-FLT_MIN);
      const std::string combo_id = "read_as_" + core::csv_column_name(k);
      const bool open = ImGui::BeginCombo(("##" + combo_id).c_str(), current.c_str(), ImGuiComboFlags_HeightLargest);
      if (!open) name_item(combo_id.c_str());  // a combo reports no label of its own
      if (open) {
        if (ImGui::Selectable("not read", !column.field)) {
          column.field.reset();
          sheet.edited = true;
        }
        // The combined visa column first (most sheets have one), then the template's columns.
        for (std::size_t n = 0; n < core::kCsvFieldCount; ++n) {
          const auto field = static_cast<core::CsvField>(n == 0 ? core::kCsvFieldCount - 1 : n - 1);
          if (ImGui::Selectable(std::string(core::to_string(field)).c_str(), column.field == field)) {
            column.field = field;
            sheet.edited = true;
          }
        }
        ImGui::EndCombo();
      }
      ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTable();
  }
  if (sheet.text.empty()) {
    ImGui::TextWrapped(
        "This sheet is too big to read again from here: load the file again after "
        "changing the columns.");
  }
  ImGui::BeginDisabled(sheet.text.empty() || !sheet.edited || state.work.import != nullptr);
  if (ImGui::Button("Read the sheet again with these columns"))
    state.actions.emplace_back(ReadSheetAgain{sheet.mapping});
  ImGui::EndDisabled();
  if (state.remembered_columns) {
    same_line_if_fits("Forget my column choices");
    if (ImGui::Button("Forget my column choices")) state.actions.emplace_back(ForgetSheetColumns{});
  }
}

}  // namespace

void panel_data(AppState& state, Platform& platform) {
  push_reading_width();
  heading("Program list");
  if (state.dataset.programs.empty()) {
    ImGui::TextWrapped("No program list loaded.");
  } else {
    ImGui::TextWrapped("%s — %zu programs%s%s.", state.dataset.name.c_str(), state.dataset.programs.size(),
                       state.dataset.as_of.empty() ? "" : ", as of ", state.dataset.as_of.c_str());
    if (!state.dataset.source.empty()) ImGui::TextColored(kColorMuted, "Source: %s", state.dataset.source.c_str());
  }
  if (state.dataset_is_sample)
    wrapped_colored(kColorWarning,
                    "This is sample data: fictional programs for trying the planner. Real planning needs "
                    "a real program list: load a JSON dataset or a CSV file (one row per program, with "
                    "the columns of the template below).");
  // Bytes reach the app frames later, through the platform's callback; they become an action.
  auto load = [&state](std::string name, std::string bytes) {
    state.actions.emplace_back(LoadFile{std::move(name), std::move(bytes), false});
  };
  if (ImGui::Button("Load a program list (JSON or CSV)…"))
    platform.open_file(".json,.csv,application/json,text/csv", load);
  same_line_if_fits("Download the CSV template");
  if (ImGui::Button("Download the CSV template"))
    platform.save_file("openpick-programs-template.csv", "text/csv", core::programs_to_csv({}));
  ImGui::TextColored(kColorMuted, "You can also drop a file anywhere on the page.");
  ImGui::TextWrapped("If a file has problems, OpenPick lists each one with its line and keeps what you had loaded.");

  if (!state.sheet.mapping.columns.empty()) sheet_columns(state);

  heading("Your profile");
  if (ImGui::Button("Load a profile (JSON)…")) platform.open_file(".json,application/json", load);
  ImGui::SameLine();
  ImGui::BeginDisabled(!state.profile_is_set);
  if (ImGui::Button("Export my profile"))
    platform.save_file("openpick-profile.json", "application/json", core::profile_to_json(state.profile));
  ImGui::EndDisabled();

  heading("Your workspace");
  ImGui::TextWrapped(
      "Your profile, what you found out about programs, and your season tracker, in one file. "
      "Loading a workspace replaces the profile, research and tracker you have here.");
  {
    const core::Workspace& w = state.workspace;
    ImGui::TextColored(kColorMuted, "Here now: research on %zu programs, %zu added, %zu hidden, %zu in the tracker.",
                       w.research.size(), w.added_programs.size(), w.hidden.size(), w.tracker.size());
  }
  if (ImGui::Button("Load a workspace (JSON)…")) platform.open_file(".json,application/json", load);
  same_line_if_fits("Export my workspace");
  if (ImGui::Button("Export my workspace"))
    platform.save_file("openpick-workspace.json", "application/json", workspace_document(state));
  // A classmate's or an adviser's workspace file: its research merged into yours, fact by fact.
  if (ImGui::Button("Merge research from a file…"))
    platform.open_file(".json,application/json", [&state](std::string name, std::string bytes) {
      state.actions.emplace_back(ResearchChange{MergeResearchFile{std::move(name), std::move(bytes)}});
    });
  item_tooltip(
      "Another workspace file's research (a classmate's, an adviser's): where you both dated a fact, the "
      "newer is used; both sources stay listed, and the message lists every change and every "
      "disagreement kept. Their profile and tracker are not taken. Undo takes the merge back.");
  if (!state.workspace_notes.empty()) {
    wrapped_colored(kColorWarning, "Kept in your workspace, though the loaded list does not have the program:");
    for (const std::string& note : state.workspace_notes) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", note.c_str());
    }
  }

  heading("Privacy and this device");
  ImGui::TextWrapped(
      "OpenPick sends nothing anywhere. Your profile and workspace can be kept in this browser "
      "so they are here next time.");
  bool persist = state.persist;
  if (ImGui::Checkbox("Keep my profile in this browser", &persist)) state.actions.emplace_back(SetPersistence{persist});
  if (!state.storage_status.empty()) ImGui::TextColored(kColorMuted, "%s", state.storage_status.c_str());
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.30f, 0.25f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.92f, 0.38f, 0.32f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  if (ImGui::Button("Forget everything on this device")) ImGui::OpenPopup("forget");
  ImGui::PopStyleColor(3);
  if (ImGui::BeginPopupModal("forget", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Remove your profile, workspace and settings from this browser?");
    ImGui::TextColored(kColorMuted, "Export your workspace first if you want to keep it.");
    if (ImGui::Button("Remove everything")) {
      state.actions.emplace_back(ForgetEverything{});
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::PopTextWrapPos();
}

}  // namespace openpick::shell
