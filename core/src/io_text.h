// Text helpers of the import: names close to a typo, lists of names, excerpts cut on a UTF-8
// boundary, UTF-16 and invalid UTF-8 detection. Private to core (not installed).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openpick::core::detail {

// Closest of `candidates` to `name` within a small edit distance, or "" when none is close.
std::string closest_name(std::string_view name, const std::vector<std::string_view>& candidates);
std::string join_names(const std::vector<std::string_view>& names);

// At most `max_bytes` of `s`, cut on a UTF-8 character boundary, "..." added when cut.
std::string excerpt(std::string_view s, std::size_t max_bytes = 40);

// Whether the bytes are UTF-16 text (a byte order mark, or a zero in every other byte), and what
// import says about such a file.
bool looks_like_utf16(std::string_view s);
extern const char* kUtf16Message;

// The first byte offset that is not well-formed UTF-8 (overlong forms, surrogates and code points
// above U+10FFFF included), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

}  // namespace openpick::core::detail
