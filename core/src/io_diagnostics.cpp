// DiagnosticSink (io_diagnostics.h).
#include "io_diagnostics.h"

#include <algorithm>

namespace openpick::core::detail {

bool DiagnosticSink::admit(Severity severity) {
  int& count = severity == Severity::Error ? errors_ : warnings_;
  if (count > kMaxImportErrors) return false;
  ++count;
  if (count <= kMaxImportErrors) return true;
  Pending note;
  note.diagnostic = {severity,
                     file_,
                     0,
                     0,
                     "",
                     severity == Severity::Error
                         ? "too many errors; stopped after " + std::to_string(kMaxImportErrors)
                         : "too many warnings; showing the first " + std::to_string(kMaxImportErrors)};
  pending_.push_back(std::move(note));
  return false;
}

void DiagnosticSink::push(Severity severity, std::optional<JsonPath> where, bool at_key, int line, int column,
                          std::string field, std::string message) {
  if (!admit(severity)) return;
  Pending p;
  if (field.empty() && where) field = path_to_string(*where);
  p.diagnostic = {severity, file_, line, column, std::move(field), std::move(message)};
  p.where = std::move(where);
  p.at_key = at_key;
  pending_.push_back(std::move(p));
}

void DiagnosticSink::error_at(const JsonPath& where, std::string message, bool at_key, std::string field) {
  push(Severity::Error, where, at_key, 0, 0, std::move(field), std::move(message));
}
void DiagnosticSink::warning_at(const JsonPath& where, std::string message, bool at_key, std::string field) {
  push(Severity::Warning, where, at_key, 0, 0, std::move(field), std::move(message));
}
void DiagnosticSink::error_pos(int line, int column, std::string field, std::string message) {
  push(Severity::Error, std::nullopt, false, line, column, std::move(field), std::move(message));
}
void DiagnosticSink::warning_pos(int line, int column, std::string field, std::string message) {
  push(Severity::Warning, std::nullopt, false, line, column, std::move(field), std::move(message));
}
void DiagnosticSink::add(Diagnostic d) {
  push(d.severity, std::nullopt, false, d.line, d.column, std::move(d.field), std::move(d.message));
}

std::vector<Diagnostic> DiagnosticSink::finish(std::string_view json_text) {
  std::vector<Diagnostic> out;
  out.reserve(pending_.size());
  for (auto& p : pending_) {
    if (p.where) {
      if (auto offset = locate_json(json_text, *p.where, p.at_key)) {
        const auto [line, column] = line_column_at(json_text, *offset);
        p.diagnostic.line = line;
        p.diagnostic.column = column;
      }
    }
    out.push_back(std::move(p.diagnostic));
  }
  pending_.clear();
  return out;
}

void DiagnosticSink::resolve_piece(std::size_t mark, std::size_t prefix_length, std::string_view piece,
                                   std::size_t piece_offset, const LineCursor& lines) {
  for (std::size_t i = mark; i < pending_.size(); ++i) {
    Pending& p = pending_[i];
    if (!p.where || p.where->size() < prefix_length) continue;
    const JsonPath inner(p.where->begin() + static_cast<std::ptrdiff_t>(prefix_length), p.where->end());
    if (const auto offset = locate_json(piece, inner, p.at_key)) {
      const auto [line, column] = lines.peek(piece_offset + *offset);
      p.diagnostic.line = line;
      p.diagnostic.column = column;
    }
    p.where.reset();
  }
}

void DiagnosticSink::move_to_front(std::size_t mark) {
  std::rotate(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(mark), pending_.end());
}

}  // namespace openpick::core::detail
