// Import and export of the planner's documents: text in, values out (core never opens files).
//
//   Profile (JSON)           parse_profile_json / profile_to_json
//   Dataset (JSON)           parse_dataset_json / dataset_to_json
//   Programs (CSV)           parse_programs_csv / programs_to_csv (columns: csv_columns.h)
//   Plan (JSON, CSV)         plan_to_json / plan_to_csv (export only; the plan comes from planner.h)
//
// The formats, every field with its unit and range, and the CSV column mapping are documented in
// docs/DATA.md and assets/schema/*.schema.json.
//
// Import is all or nothing: the result holds a value only when no error was found, so a caller
// keeps its previous data on failure. Every diagnostic names the file, the line, the column (for
// JSON: the byte column of the value; for CSV cell errors: the spreadsheet column number, 1 = A)
// and the field, and says what was expected. Up to kMaxImportErrors errors come back together.
//
//   auto r = parse_dataset_json(text, "programs.json");
//   for (const Diagnostic& d : r.diagnostics) std::puts(format_diagnostic(d).c_str());
//   if (r.ok()) state.dataset = std::move(*r.value);
//
// Export is deterministic: fixed key order, 2-space indent, doubles in their shortest round-trip
// form (integral ones as integers), a trailing newline; export, import, export gives equal bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "openpick/core/csv_columns.h"
#include "openpick/core/diagnostics.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"

namespace openpick::core {

// Errors reported per document before one "too many errors" diagnostic ends the list; warnings
// have the same cap of their own.
inline constexpr int kMaxImportErrors = 50;
// Deeper JSON is rejected before it is parsed (our documents nest 4 levels).
inline constexpr int kMaxJsonDepth = 64;
// The most programs one list may hold: 16 times the 6,264 program tracks of the 2025 Main Match,
// and a bound on the memory an import takes (a longer list is rejected at its 100,001st program).
inline constexpr std::size_t kMaxPrograms = 100000;

ImportResult<Profile> parse_profile_json(std::string_view text, std::string_view file_name);
ImportResult<Dataset> parse_dataset_json(std::string_view text, std::string_view file_name);
// The CSV holds programs only: the dataset's name is the file name, its source says it came from
// that file, version and as_of are empty.
ImportResult<Dataset> parse_programs_csv(std::string_view text, std::string_view file_name);
// The same, with the column mapping: the caller's (`mapping`, made from auto_map_columns of this
// header and edited) or, when null, the automatic one; the result says which it used
// (csv_columns.h). A mapping made for another header is an error naming the column that differs.
CsvImportResult parse_programs_csv(std::string_view text, std::string_view file_name, const CsvMapping* mapping);

// A program list read in steps, for a caller that keeps drawing frames while a large file is read
// (the browser page): construct, call step() until it returns true, then take the result. It reads
// exactly as parse_dataset_json / parse_programs_csv do (they are this, run to the end), one
// program at a time, so a large file is never held as one tree.
//
//   ProgramListImport job(std::move(bytes), "programs.csv", DocumentKind::ProgramsCsv);
//   while (!job.step(2000)) show_progress(job.progress());
//   ImportResult<Dataset> r = job.take_result();
enum class DocumentKind { Profile, Dataset, ProgramsCsv };  // see detect_document_kind below
class ProgramListImport {
 public:
  ProgramListImport(std::string text, std::string file_name, DocumentKind kind);
  // A program CSV read with the caller's column mapping (see parse_programs_csv).
  ProgramListImport(std::string text, std::string file_name, const CsvMapping& mapping);
  ~ProgramListImport();
  ProgramListImport(const ProgramListImport&) = delete;
  ProgramListImport& operator=(const ProgramListImport&) = delete;

  bool step(std::size_t programs);  // reads about `programs` more; true once the file is read
  double progress() const;          // 0..1
  const std::string& file_name() const { return file_name_; }
  ImportResult<Dataset> take_result();  // once step() has returned true
  // For a CSV, the column mapping used, once the header is read (null before, and for JSON).
  const CsvMapping* csv_mapping() const;

  // The reader behind both forms (internal): steps through text it does not own.
  class Reader {
   public:
    virtual ~Reader() = default;
    virtual bool step(std::size_t programs) = 0;
    virtual double progress() const = 0;
    virtual ImportResult<Dataset> take_result() = 0;
    virtual const CsvMapping* csv_mapping() const { return nullptr; }
  };

 private:
  std::string text_, file_name_;
  std::unique_ptr<Reader> reader_;
};

std::string profile_to_json(const Profile& profile);
std::string dataset_to_json(const Dataset& dataset);
// Header row with every column of kProgramsCsvColumns, one row per program. Per-fact sources are
// not part of the CSV form (use JSON to keep them).
std::string programs_to_csv(const std::vector<Program>& programs);

struct Plan;    // planner.h
struct Advice;  // advice.h
// The plan as the command line prints it and window.openpick.getState() reports it:
// clang-format off
//   {"p_match", "p_match_one_year", "p_match_range": {"low", "high"},
//    "p_match_percentiles": [10, 90], "p_match_extremes": {"low", "high"}, "conditional_on": [...],
//    "p_match_sensitivity": [{"assumption", "plain", "low", "high"}]  (widest first),
//    "p_interview_any", "expected_interviews", "expected_utility", "cost_usd",
//    "cost_by_service": [{"service", "season", "applications", "applications_usd",
//                         "assistance_discount_usd", "transcript_usd", "cost_usd", "source"}],
//    "applications", "candidates", "diminishing_returns_at", "length_rule", "match_value_usd",
//    "preferred_share", "preferred_share_cost",
//    "programs": [{"id", "name", "specialty", "track", "state", "application_service",
//                  "p_interview", "p_match", "p_match_here", "tier", "signal", "pinned",
//                  "reasons"}]  (application order),
//    "excluded": [{"id", "reason"}], "curve": [{"applications", "p_match", "cost_usd"}],
//    "signals": [{"specialty", "gold_available", "gold_used", "silver_available", "silver_used"}],
//    "whatif": [{"id", "change", "p_match", "gain"}],
//    "research_next": [{"id", "on_list", "fields", "gain", "how"}]  (largest gain first),
//    "advice": [{"id", "title", "why", "source"}], "notes"}
// clang-format on
std::string plan_to_json(const Plan& plan, const Dataset& dataset, const std::vector<Advice>& advice);
// The programs of the plan, one row each, formula-safe for spreadsheets.
std::string plan_to_csv(const Plan& plan, const Dataset& dataset);

// The CSV columns, in the order programs_to_csv writes them. Required ones must be present in the
// header of an imported file; the others may be left out (every program then has them unknown).
struct CsvColumn {
  const char* name;
  bool required;
  const char* meaning;  // one line, for docs and the UI's template help
};
const std::vector<CsvColumn>& programs_csv_columns();

// What a file holds, decided from its name and content: ".csv" is a program list; JSON with a
// top-level "programs" key is a dataset, other JSON a profile.
DocumentKind detect_document_kind(std::string_view text, std::string_view file_name);

// The names the JSON and CSV forms use for enum values ("non_us_img", "j1_or_h1b", ...).
std::string_view to_string(GraduateType v);
std::string_view to_string(VisaNeed v);
std::string_view to_string(ExamResult v);
std::string_view to_string(TieKind v);
std::string_view to_string(Track v);
std::string_view to_string(Setting v);
std::string_view to_string(ApplicationService v);  // "ERAS", "ResidencyCAS"

}  // namespace openpick::core
