// The import's diagnostics: DiagnosticSink collects errors and warnings up to the caps and gives
// JSON ones their line and column at the end. Private to core (not installed).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/json_path.h"
#include "openpick/core/diagnostics.h"
#include "openpick/core/io.h"

namespace openpick::core::detail {

// Collects diagnostics up to the caps. JSON diagnostics carry a path and get their line and column
// from the text once, at the end (finish), so the happy path pays nothing for positions.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::string_view file_name) : file_(file_name) {}

  // A problem with the value at `where` (or its key); `field` defaults to the path's spelling.
  void error_at(const JsonPath& where, std::string message, bool at_key = false, std::string field = {});
  void warning_at(const JsonPath& where, std::string message, bool at_key = false, std::string field = {});
  // A problem with a known position (CSV cells, JSON syntax errors).
  void error_pos(int line, int column, std::string field, std::string message);
  void warning_pos(int line, int column, std::string field, std::string message);
  void add(Diagnostic d);  // passes an already positioned diagnostic through the caps

  int errors() const { return errors_; }
  // True once the error cap is passed (the "too many errors" note is out): callers stop early (a 100k-row file full of
  // errors should not take long to reject).
  bool full() const { return errors_ > kMaxImportErrors; }
  const std::string& file() const { return file_; }

  // Resolves JSON paths against `json_text` (pass "" for CSV) and returns the list in the order
  // the problems were found.
  std::vector<Diagnostic> finish(std::string_view json_text);

  // For a reader that goes through a document one piece at a time: the diagnostics pushed since
  // `mark` (a pending_count()) whose paths start with the `prefix_length` segments naming the piece
  // get their position now, from the piece's text (which starts at `piece_offset` of the whole text
  // that `lines` walks), so finish() does not search the whole text for them.
  std::size_t pending_count() const { return pending_.size(); }
  void resolve_piece(std::size_t mark, std::size_t prefix_length, std::string_view piece, std::size_t piece_offset,
                     const LineCursor& lines);
  // Moves the diagnostics pushed since `mark` ahead of the others (a document's own fields are
  // reported before its list's, whatever order they were read in).
  void move_to_front(std::size_t mark);

 private:
  struct Pending {
    Diagnostic diagnostic;
    std::optional<JsonPath> where;  // resolved in finish()
    bool at_key = false;
  };
  bool admit(Severity severity);
  void push(Severity severity, std::optional<JsonPath> where, bool at_key, int line, int column, std::string field,
            std::string message);

  std::string file_;
  int errors_ = 0;
  int warnings_ = 0;
  std::vector<Pending> pending_;
};

}  // namespace openpick::core::detail
