// Where a value is in JSON text: paths ("programs[3].visa.j1"), line and column of a byte offset,
// and a light scan of well-formed text that finds a path's value without parsing the document.
// Private to core (not installed).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openpick::core::detail {

struct PathSegment {
  std::string key;  // object member name; used when index < 0
  long index = -1;  // array element
};
using JsonPath = std::vector<PathSegment>;

JsonPath child(const JsonPath& parent, std::string key);
JsonPath child(const JsonPath& parent, long index);
// "programs[3].visa.j1"; "" for the root.
std::string path_to_string(const JsonPath& path);

// 1-based line and byte column of a byte offset. CRLF, LF and a lone CR each end a line; a UTF-8
// byte order mark at the start does not count as a column.
std::pair<int, int> line_column_at(std::string_view text, std::size_t offset);

// line_column_at for offsets that only grow (a reader going through a long text once): each call
// scans from where the previous one stopped. `peek` answers for any offset at or after the cursor
// without moving it.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text);
  void advance_to(std::size_t offset);
  std::pair<int, int> peek(std::size_t offset) const;

 private:
  std::string_view text_;
  std::size_t at_ = 0, line_start_ = 0;
  int line_ = 1;
};

// The byte offset of the value at `path` in well-formed JSON text (of its key when `at_key`), or
// nullopt when the path is not in the text. With duplicate keys the last one wins, as in the DOM.
std::optional<std::size_t> locate_json(std::string_view text, const JsonPath& path, bool at_key);

// The scan behind locate_json (and detect_document_kind): offsets into well-formed JSON text.
// skip_ws: past the blanks at p. skip_string: p at an opening quote, the offset after the closing
// one. skip_value: p at a value, the offset after it (containers by bracket counting).
std::size_t skip_ws(std::string_view t, std::size_t p);
std::size_t skip_string(std::string_view t, std::size_t p);
std::size_t skip_value(std::string_view t, std::size_t p);
// Appends the code point as UTF-8 (decode_string, and the fast parser's \u escapes).
inline void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the JSON string at p (at its opening quote), so a key spelled with escapes still matches.
std::string decode_string(std::string_view t, std::size_t p);

}  // namespace openpick::core::detail
