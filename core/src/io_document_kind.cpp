// detect_document_kind (io.h): what a file holds, from its name and a light scan of its text.
#include <string>

#include "io_text.h"
#include "json/json_path.h"
#include "openpick/core/io.h"

namespace openpick::core {

DocumentKind detect_document_kind(std::string_view text, std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext;
    for (char c : file_name.substr(dot + 1)) ext.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    if (ext == "csv") return DocumentKind::ProgramsCsv;
  }
  // UTF-16 (which import refuses with its own message): look for the key in the text without its
  // zero bytes, so the message speaks of the right kind of document.
  if (detail::looks_like_utf16(text)) {
    std::string narrow;
    for (char c : text.substr(0, 1 << 16))
      if (c != '\0') narrow.push_back(c);
    return narrow.find("\"programs\"") != std::string::npos ? DocumentKind::Dataset : DocumentKind::Profile;
  }
  // A top-level "programs" key, found by skipping the other members' values without parsing them,
  // and stopping at the key (a dataset may be tens of megabytes).
  using namespace detail;
  std::size_t p = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  p = skip_ws(text, p);
  if (p >= text.size() || text[p] != '{') return DocumentKind::Profile;
  p = skip_ws(text, p + 1);
  while (p < text.size() && text[p] == '"') {
    if (decode_string(text, p) == "programs") return DocumentKind::Dataset;
    p = skip_ws(text, skip_string(text, p));
    if (p < text.size() && text[p] == ':') p = skip_ws(text, p + 1);
    const std::size_t before = p;
    p = skip_ws(text, skip_value(text, p));
    if (p == before) break;  // not JSON here
    if (p < text.size() && text[p] == ',') p = skip_ws(text, p + 1);
  }
  return DocumentKind::Profile;
}

}  // namespace openpick::core
