// Programs as CSV, the form a student's spreadsheet can be saved in: the file read in two passes
// (quoting and limits, then the programs; duplicate ids), the ProgramListImport over both forms,
// and deterministic writing. One row's cells are read by io_csv_cells.h.
// The mapping is documented in docs/DATA.md and assets/templates/programs_template.csv.
#include <algorithm>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include "io_csv_cells.h"
#include "io_program_list.h"
#include "json/json_path.h"

namespace openpick::core {

namespace detail {
namespace {

std::string yes_no(const std::optional<bool>& v) { return !v ? "" : (*v ? "yes" : "no"); }
template <class T>
std::string number_cell(const std::optional<T>& v) {
  return v ? json_optional(v).dump() : std::string();
}

}  // namespace
}  // namespace detail

const std::vector<CsvColumn>& programs_csv_columns() { return detail::csv_template_columns(); }

namespace detail {
namespace {

// Two passes over the text, each a row at a time: the first checks the quoting and counts the
// rows (a file with quoting errors gets only those: its cells may be misaligned, so cell errors
// would mislead), the second reads the programs. Neither holds the file as a table.
class ProgramsCsvReader final : public ProgramListImport::Reader {
 public:
  ProgramsCsvReader(std::string_view text, std::string_view file_name, const CsvMapping* mapping)
      : text_(text), file_(file_name), sink_(file_name), scan_(text, file_name), rows_(text, file_name) {
    if (mapping) given_ = *mapping;
  }

  bool step(std::size_t programs) override {
    if (phase_ == Phase::Start) start();
    for (std::size_t k = 0; k < programs && phase_ != Phase::Done; ++k) {
      if (phase_ == Phase::Scan)
        scan_row();
      else
        read_row_of_programs();
    }
    return phase_ == Phase::Done;
  }

  double progress() const override {
    if (phase_ == Phase::Done || text_.empty()) return 1.0;
    const double size = static_cast<double>(text_.size());
    if (phase_ == Phase::Rows) return 0.4 + 0.6 * static_cast<double>(rows_.position()) / size;
    return 0.4 * static_cast<double>(scan_.position()) / size;
  }

  ImportResult<Dataset> take_result() override { return std::move(result_); }
  const CsvMapping* csv_mapping() const override { return have_mapping_ ? &header_map_.mapping : nullptr; }

 private:
  enum class Phase { Start, Scan, Rows, Done };

  void start() {
    phase_ = Phase::Scan;
    if (looks_like_utf16(text_)) {
      sink_.error_pos(1, 1, "", kUtf16Message);
      return finish();
    }
    if (const auto bad = find_invalid_utf8(text_)) {
      const auto [line, column] = line_column_at(text_, *bad);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text_[*bad])));
      sink_.error_pos(line, column, "",
                      std::string("the file is not UTF-8 (byte ") + hex +
                          "); expected UTF-8 text: in a spreadsheet, save as \"CSV UTF-8\"");
      finish();
    }
  }

  void scan_row() {
    if (!scan_.next(row_)) return end_scan();
    if (!have_header_) {
      header_ = std::move(row_);
      have_header_ = true;
      return;
    }
    if (!have_first_row_ && !all_blank(row_)) {
      first_row_ = row_;  // kept to explain a header over two rows
      have_first_row_ = true;
    }
    if (!all_blank(row_) && ++rows_seen_ > kMaxPrograms) {
      sink_.error_pos(row_.line, 1, "", too_many_programs_message());
      finish();
    }
  }

  void end_scan() {
    for (Diagnostic& d : scan_.take_diagnostics()) sink_.add(std::move(d));
    if (sink_.errors() > 0) return finish();
    if (!have_header_) {
      sink_.error_pos(1, 1, "",
                      "the file is empty; expected a header row (id,name,specialty,state,...) and one row per program");
      return finish();
    }
    // Spreadsheets in many locales save "CSV" with semicolons (or tabs): one giant column results.
    const auto& names = header_.fields;
    if (names.size() == 1 && names[0].find_first_of(";\t") != std::string::npos) {
      const char sep = names[0].find(';') != std::string::npos ? ';' : '\t';
      sink_.error_pos(header_.line, 1, "",
                      std::string("the columns are separated by ") + (sep == ';' ? "semicolons" : "tabs") +
                          "; expected commas (in a spreadsheet, save as \"CSV UTF-8 (comma delimited)\")");
      return finish();
    }
    header_map_ = map_header(header_, given_ ? &*given_ : nullptr, have_first_row_ ? &first_row_ : nullptr, sink_);
    have_mapping_ = true;
    if (sink_.errors() > 0) return finish();
    d_.name = file_;
    d_.source = "CSV file " + file_;
    d_.programs.reserve(rows_seen_);
    CsvRow header;
    rows_.next(header);
    phase_ = Phase::Rows;
  }

  void read_row_of_programs() {
    if (sink_.full() || !rows_.next(row_)) {
      if (d_.programs.empty() && sink_.errors() == 0)
        sink_.error_pos(header_.line, 0, "",
                        "the file has a header but no programs; expected at least one row after the header");
      return finish();
    }
    const CsvRow& row = row_;
    if (all_blank(row)) return;  // spreadsheets export trailing ",,,," rows
    const std::size_t width = header_.fields.size();
    if (row.fields.size() > width) {
      sink_.error_pos(row.line, static_cast<int>(width) + 1, "",
                      "row has " + std::to_string(row.fields.size()) + " cells but the header has " +
                          std::to_string(width) + " columns; expected at most " + std::to_string(width) +
                          " (a value holding a comma must be in quotes)");
      return;
    }
    if (row.fields.size() < width)
      sink_.warning_pos(row.line, static_cast<int>(row.fields.size()) + 1, "",
                        "row has " + std::to_string(row.fields.size()) + " cells but the header has " +
                            std::to_string(width) + " columns; the missing cells are read as blank (unknown)");
    RowReader r(row, header_map_.column_of, header_map_.mapping, sink_);
    Program p = read_program_row(r);
    if (!p.id.empty()) {
      const auto [it, inserted] = line_with_id_.emplace(p.id, row.line);
      if (inserted) {
      } else if (r.has(Column::Id)) {
        r.error(Column::Id, "duplicate id \"" + p.id + "\" (line " + std::to_string(it->second) +
                                " has it too); expected each id once");
      } else {
        // Two rows are never merged silently: they may be two programs the sheet does not tell apart.
        sink_.error_pos(row.line, 0, "id",
                        "this row and line " + std::to_string(it->second) + " give the same id \"" + p.id +
                            "\" (made from name, specialty and state: the sheet has no id column); expected "
                            "each program once: delete the repeated row, or add an id column to tell them apart");
      }
    }
    d_.programs.push_back(std::move(p));
  }

  void finish() {
    result_.diagnostics = sink_.finish("");
    if (sink_.errors() == 0) result_.value = std::move(d_);
    phase_ = Phase::Done;
  }

  std::string_view text_;
  std::string file_;
  DiagnosticSink sink_;
  CsvReader scan_, rows_;
  Phase phase_ = Phase::Start;
  CsvRow row_, header_;
  bool have_header_ = false;
  std::size_t rows_seen_ = 0;
  std::optional<CsvMapping> given_;
  CsvRow first_row_;
  bool have_first_row_ = false;
  HeaderMap header_map_;
  bool have_mapping_ = false;
  Dataset d_;
  std::unordered_map<std::string, int> line_with_id_;
  ImportResult<Dataset> result_;
};

}  // namespace

std::unique_ptr<ProgramListImport::Reader> make_programs_csv_reader(std::string_view text, std::string_view file_name,
                                                                    const CsvMapping* mapping) {
  return std::make_unique<ProgramsCsvReader>(text, file_name, mapping);
}

std::unique_ptr<ProgramListImport::Reader> make_programs_csv_reader(std::string_view text, std::string_view file_name) {
  return make_programs_csv_reader(text, file_name, nullptr);
}

}  // namespace detail

CsvImportResult parse_programs_csv(std::string_view text, std::string_view file_name, const CsvMapping* mapping) {
  const auto reader = detail::make_programs_csv_reader(text, file_name, mapping);
  while (!reader->step(std::numeric_limits<std::size_t>::max())) {
  }
  CsvImportResult out;
  if (const CsvMapping* used = reader->csv_mapping()) out.mapping = *used;
  static_cast<ImportResult<Dataset>&>(out) = reader->take_result();
  return out;
}

ImportResult<Dataset> parse_programs_csv(std::string_view text, std::string_view file_name) {
  return parse_programs_csv(text, file_name, nullptr);
}

// ---- ProgramListImport --------------------------------------------------------------------------

ProgramListImport::ProgramListImport(std::string text, std::string file_name, DocumentKind kind)
    : text_(std::move(text)), file_name_(std::move(file_name)) {
  reader_ = kind == DocumentKind::ProgramsCsv ? detail::make_programs_csv_reader(text_, file_name_)
                                              : detail::make_dataset_json_reader(text_, file_name_);
}

ProgramListImport::ProgramListImport(std::string text, std::string file_name, const CsvMapping& mapping)
    : text_(std::move(text)), file_name_(std::move(file_name)) {
  reader_ = detail::make_programs_csv_reader(text_, file_name_, &mapping);
}

ProgramListImport::~ProgramListImport() = default;

const CsvMapping* ProgramListImport::csv_mapping() const { return reader_->csv_mapping(); }

bool ProgramListImport::step(std::size_t programs) { return reader_->step(programs); }
double ProgramListImport::progress() const { return reader_->progress(); }
ImportResult<Dataset> ProgramListImport::take_result() { return reader_->take_result(); }

std::string programs_to_csv(const std::vector<Program>& programs) {
  using namespace detail;
  std::vector<std::string> cells;
  for (const auto& c : csv_template_columns()) cells.emplace_back(c.name);
  std::string out = csv_row(cells);
  for (const Program& p : programs) {
    cells.assign(kColumnCount, std::string());
    const auto set = [&](Column c, std::string v) { cells[static_cast<std::size_t>(c)] = std::move(v); };
    set(Column::Id, p.id);
    set(Column::Name, p.name);
    set(Column::Institution, p.institution);
    set(Column::Specialty, p.specialty);
    set(Column::Track, std::string(to_string(p.track)));
    set(Column::City, p.city);
    set(Column::State, p.state);
    set(Column::Setting, p.setting ? std::string(to_string(*p.setting)) : std::string());
    set(Column::Positions, number_cell(p.positions));
    set(Column::ImgShare, number_cell(p.img_share));
    set(Column::ImgShareNonUs, number_cell(p.img_share_non_us));
    set(Column::VisaJ1, yes_no(p.visa.j1));
    set(Column::VisaH1b, yes_no(p.visa.h1b));
    set(Column::Step2ckMin, number_cell(p.cutoffs.step2ck_min));
    set(Column::MaxYearsSinceGraduation, number_cell(p.cutoffs.max_years_since_graduation));
    set(Column::MaxAttempts, number_cell(p.cutoffs.max_attempts));
    set(Column::UsceRequired, yes_no(p.cutoffs.usce_required));
    // Strictness is written only where it departs from the default (a flexible cutoff): "no".
    const Cutoffs& c = p.cutoffs;
    const auto flexible = [](bool stated, bool strict) {
      return stated && !strict ? std::string("no") : std::string();
    };
    set(Column::Step2ckMinStrict, flexible(c.step2ck_min.has_value(), c.strict.step2ck_min));
    set(Column::MaxYearsSinceGraduationStrict,
        flexible(c.max_years_since_graduation.has_value(), c.strict.max_years_since_graduation));
    set(Column::MaxAttemptsStrict, flexible(c.max_attempts.has_value(), c.strict.max_attempts));
    set(Column::UsceRequiredStrict, flexible(c.usce_required.has_value(), c.strict.usce_required));
    set(Column::Rural, yes_no(p.rural));
    set(Column::AcceptsSignals, yes_no(p.accepts_signals));
    set(Column::ApplicationService,
        p.application_service ? std::string(to_string(*p.application_service)) : std::string());
    out += csv_row(cells);
  }
  return out;
}

}  // namespace openpick::core
