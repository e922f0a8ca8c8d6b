// Equality of two texts, eight bytes at a time (private to core). The planner compares a
// program's specialty and state with the profile's for every program of every pass; in wasm the
// library's memcmp goes a byte at a time, and these compares were a tenth of a plan's time there.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace openpick::core::detail {

inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t u, v;  // a fixed-size memcpy is one load, natively and in wasm
    std::memcpy(&u, x + i, 8);
    std::memcpy(&v, y + i, 8);
    if (u != v) return false;
  }
  for (; i < n; ++i)
    if (x[i] != y[i]) return false;
  return true;
}

// `list` holds `s` (a profile's preferred states, a plan's pinned ids, ...).
inline bool contains_text(const std::vector<std::string>& list, std::string_view s) {
  for (const std::string& x : list)
    if (same_text(x, s)) return true;
  return false;
}

}  // namespace openpick::core::detail
