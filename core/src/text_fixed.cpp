#include "openpick/core/text_fixed.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace openpick::core {

namespace {

std::string with_printf(double x, int decimals, bool plus_sign) {
  char buf[400];
  std::snprintf(buf, sizeof buf, plus_sign ? "%+.*f" : "%.*f", decimals, x);
  return buf;
}

}  // namespace

std::string format_fixed(double x, int decimals, bool plus_sign) {
  // Below 2^50 the value is m 2^-s with s >= 3 and m < 2^53, so m 10 fits in 64 bits; larger
  // values, and what is not a number, go to printf.
  if ((decimals != 0 && decimals != 1) || !std::isfinite(x) || std::fabs(x) >= 0x1p50)
    return with_printf(x, decimals, plus_sign);
  const bool negative = std::signbit(x);
  // |x| = m 2^-s exactly, m a 53-bit integer (0 for zero).
  int exponent = 0;
  const double fraction = std::frexp(std::fabs(x), &exponent);
  const std::uint64_t m = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
  const int s = 53 - exponent;                               // 3 or more
  const std::uint64_t scaled = decimals == 1 ? m * 10u : m;  // |x| 10^decimals = scaled 2^-s
  std::uint64_t q = 0;                                       // that, rounded to an integer
  if (s < 64) {
    q = scaled >> s;
    const std::uint64_t rest = scaled & ((std::uint64_t{1} << s) - 1);
    const std::uint64_t half = std::uint64_t{1} << (s - 1);
    // Round to nearest, a tie to the even digit: printf's rounding of the exact value.
    if (rest > half || (rest == half && (q & 1u) != 0)) ++q;
  }  // else: below 2^57 / 2^64 < 0.5, which rounds to 0
  char buf[32];
  char* end = buf + sizeof buf;
  char* p = end;
  if (decimals == 1) {
    *--p = static_cast<char>('0' + q % 10);
    *--p = '.';
    q /= 10;
  }
  do {
    *--p = static_cast<char>('0' + q % 10);
    q /= 10;
  } while (q != 0);
  if (negative)
    *--p = '-';
  else if (plus_sign)
    *--p = '+';
  return std::string(p, end);
}

}  // namespace openpick::core
