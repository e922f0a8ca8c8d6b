// The one place the product's name and version are spelled.
#pragma once

namespace openpick::core {

inline constexpr const char* kProductName = "OpenPick";
inline constexpr const char* kVersion = "0.1.0";

}  // namespace openpick::core
