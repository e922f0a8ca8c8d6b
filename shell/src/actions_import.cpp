// Program lists in: a profile file at once, a program list (JSON, the CSV template or an own sheet)
// in steps; an own sheet's columns kept so the Data tab can show them and read the sheet again.
#include "actions_detail.h"
#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"

namespace openpick::shell::detail {

void load_file(AppState& state, LoadFile& f) {
  using core::DocumentKind;
  const DocumentKind kind = core::detect_document_kind(f.bytes, f.file_name);
  if (kind == DocumentKind::Profile) {
    auto r = core::parse_profile_json(f.bytes, f.file_name);
    if (!r.ok())
      return import_failed(state, "the profile", f.file_name, r.diagnostics, "Your current profile is unchanged.");
    state.profile = *r.value;
    state.profile_draft = state.profile;
    state.profile_draft_edited = false;
    state.profile_is_set = true;
    if (!r.diagnostics.empty())
      add_message(state, core::Severity::Warning,
                  "Loaded the profile " + f.file_name + " with " + plural(r.diagnostics.size(), "warning") + ".",
                  r.diagnostics);
    return;
  }
  // A program list is read in steps (advance_work); a newer file replaces one still being read.
  state.work.sheet.reset();
  state.work.import_is_sample = f.is_sample;
  if (kind == DocumentKind::ProgramsCsv) {
    core::CsvPreview preview = core::preview_csv(f.bytes, kSheetPreviewRows);
    const core::CsvMapping automatic = core::auto_map_columns(preview.header);
    core::CsvMapping mapping =
        state.remembered_columns ? core::reuse_mapping(*state.remembered_columns, preview.header) : automatic;
    if (!mapping.is_template()) {
      // An own sheet: keep what the Data tab needs to show its columns and read it again.
      SheetColumns sheet{f.file_name, f.bytes.size() <= kMaxSheetBytes ? f.bytes : std::string(),
                         mapping,     std::move(preview.rows),
                         false,       false};
      state.work.sheet = std::move(sheet);
      if (!(mapping == automatic)) {
        state.work.import = std::make_shared<core::ProgramListImport>(std::move(f.bytes), f.file_name, mapping);
        return;
      }
    }
  }
  state.work.import = std::make_shared<core::ProgramListImport>(std::move(f.bytes), f.file_name, kind);
}

void read_sheet_again(AppState& state, Platform& platform, const core::CsvMapping& mapping) {
  if (state.sheet.text.empty() || mapping.columns.size() != state.sheet.mapping.columns.size()) return;
  SheetColumns sheet = state.sheet;
  sheet.mapping = mapping;
  sheet.edited = false;
  state.work.import = std::make_shared<core::ProgramListImport>(sheet.text, sheet.file_name, mapping);
  state.work.import_is_sample = false;
  state.work.sheet = std::move(sheet);
  state.remembered_columns = mapping;
  save_settings(state, platform);
}

// The program list has been read: it replaces the programs, or says why not and keeps them.
void finish_import(AppState& state) {
  core::ProgramListImport& job = *state.work.import;
  const std::string file = job.file_name();
  // An own sheet's columns were read by their names: said, so that nothing is guessed silently.
  std::vector<std::string> own_columns;
  std::optional<SheetColumns> sheet = std::move(state.work.sheet);
  state.work.sheet.reset();
  if (const core::CsvMapping* mapping = job.csv_mapping(); mapping && !mapping->is_template()) {
    own_columns = core::describe_mapping(*mapping);
    if (sheet) sheet->mapping = *mapping;
  } else {
    sheet.reset();
  }
  auto r = job.take_result();
  const bool is_sample = state.work.import_is_sample;
  state.work.import.reset();
  // The Data tab shows the own sheet read last, loaded or not (its columns can be fixed there);
  // any other list that loads replaces it.
  if (sheet) {
    sheet->loaded = r.ok();
    state.sheet = std::move(*sheet);
  } else if (r.ok()) {
    state.sheet = SheetColumns{};
  }
  if (!r.ok())
    return import_failed(state, "the program list", file, r.diagnostics, "The programs you had are still loaded.");
  // The workspace is applied over the new list (reapply_workspace drops the plan first: it points
  // into the old programs).
  state.loaded_dataset = std::move(*r.value);
  state.dataset_is_sample = is_sample;
  reapply_workspace(state);
  if (!state.workspace_notes.empty()) {
    add_message(state, core::Severity::Warning,
                "Your workspace has " + plural(state.workspace_notes.size(), "entry") + " for programs not in " + file +
                    ": they are kept in your workspace (the Data tab lists them).");
    for (const std::string& note : state.workspace_notes) state.messages.back().details.push_back(note);
  }
  if (own_columns.empty() && r.diagnostics.empty()) return;
  // One message for the list: where an own sheet's columns went (first), then the reader's warnings.
  add_message(state, core::Severity::Warning,
              "Loaded " + plural(state.loaded_dataset.programs.size(), "program") + " from " + file +
                  (own_columns.empty() ? " with " + plural(r.diagnostics.size(), "warning") + "."
                                       : std::string(", reading its columns by their names: check that each "
                                                     "column went where you meant.")),
              r.diagnostics);
  auto& details = state.messages.back().details;
  details.insert(details.begin(), own_columns.begin(), own_columns.end());
}

}  // namespace openpick::shell::detail
