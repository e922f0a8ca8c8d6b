// A number as printf's "%.0f" and "%.1f" write it, without printf: the same text, found from the
// double's exact value with integer arithmetic. In wasm, musl's printf works in 128-bit long
// double emulated in software, and the reasons of a plan (a few numbers in each of a thousand
// texts) spent a twentieth of the planner's time there.
//
//   format_fixed(0.25, 1)                    // "0.2" (the tie goes to the even digit, as printf)
//   format_fixed(-0.04, 1)                   // "-0.0"
//   format_fixed(3.0, 1, /*plus_sign=*/true) // "+3.0"
#pragma once

#include <string>

namespace openpick::core {

// printf("%.*f") with `decimals` 0 or 1 ("%+.*f" with plus_sign): the same characters for every
// double (very large ones, infinities, NaN and other decimals are handed to snprintf).
std::string format_fixed(double x, int decimals, bool plus_sign = false);

}  // namespace openpick::core
