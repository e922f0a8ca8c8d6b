#include "openpick/core/det_math.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace openpick::core::detail {

namespace {

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // high 32 bits of ln 2: k * kLn2Hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;

}  // namespace

double det_exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.782712893383973096) return std::numeric_limits<double>::infinity();
  if (x < -745.13321910194110842) return 0.0;
  // x = k ln2 + r, |r| <= ln2 / 2 (fdlibm e_exp.c).
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double hi = x - k * kLn2Hi;
  const double lo = k * kLn2Lo;
  const double r = hi - lo;
  const double t = r * r;
  const double c =
      r -
      t * (1.66666666666666019037e-01 +
           t * (-2.77777777770155933842e-03 +
                t * (6.61375632143793436117e-05 + t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
  const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  // y is in [0.70, 1.42]: for k in [-1021, 1023], y * 2^k is a normal double, so multiplying by
  // 2^k (built from its bits) is exact and equals ldexp bit for bit, without the library call
  // (a call into libm natively and into musl in wasm, for every exp the planner takes).
  const int e = static_cast<int>(k);
  if (e >= -1021 && e <= 1023) {
    const std::uint64_t bits = static_cast<std::uint64_t>(e + 1023) << 52;
    double scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return y * scale;
  }
  return std::ldexp(y, e);
}

double det_log(double x) {
  if (std::isnan(x) || x < 0.0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0.0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  // x = m 2^k with m in [sqrt(2)/2, sqrt(2)) (fdlibm e_log.c).
  int k = 0;
  double m = std::frexp(x, &k);  // m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    k -= 1;
  }
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01));
  const double t2 =
      z * (6.666666666666735130e-01 +
           w * (2.857142874366239149e-01 + w * (1.818357216161805012e-01 + w * 1.479819860511658591e-01)));
  const double r = t2 + t1;
  const double hfsq = 0.5 * f * f;
  const double dk = static_cast<double>(k);
  return dk * kLn2Hi - ((hfsq - (s * (hfsq + r) + dk * kLn2Lo)) - f);
}

double det_pow(double x, double y) { return det_exp(y * det_log(x)); }

double logistic(double x) {
  if (x >= 0.0) return 1.0 / (1.0 + det_exp(-x));
  const double e = det_exp(x);
  return e / (1.0 + e);
}

double logit(double p) { return det_log(p / (1.0 - p)); }

double normal_quantile(double p) {
  // Acklam (2003) rational approximation, relative error 1.15e-9: ample for placing a synthetic
  // cohort's scores on quantiles.
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01, -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  if (p <= 0.0) return -std::numeric_limits<double>::infinity();
  if (p >= 1.0) return std::numeric_limits<double>::infinity();
  if (p < kLow) {
    const double q = std::sqrt(-2.0 * det_log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  if (p > 1.0 - kLow) {
    const double q = std::sqrt(-2.0 * det_log(1.0 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

NormalQuadrature gauss_hermite_normal(int n) {
  // Physicists' Hermite rule (weight e^{-x^2}) by Newton iteration on the orthonormal recurrence,
  // with the initial guesses of Numerical Recipes' gauher; then x -> sqrt(2) x, w -> w / sqrt(pi).
  NormalQuadrature q;
  if (n < 1) n = 1;
  const auto un = static_cast<std::size_t>(n);
  std::vector<double> x(un, 0.0), w(un, 0.0);
  constexpr double kPiM4 = 0.7511255444649425;  // pi^(-1/4)
  const double dn = static_cast<double>(n);
  const int half = (n + 1) / 2;
  double z = 0.0;
  for (int i = 0; i < half; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    if (i == 0) {
      z = std::sqrt(2.0 * dn + 1.0) - 1.85575 * det_pow(2.0 * dn + 1.0, -0.16667);
    } else if (i == 1) {
      z -= 1.14 * det_pow(dn, 0.426) / z;
    } else if (i == 2) {
      z = 1.86 * z - 0.86 * x[0];
    } else if (i == 3) {
      z = 1.91 * z - 0.91 * x[1];
    } else {
      z = 2.0 * z - x[ui - 2];
    }
    double pp = 1.0;
    for (int it = 0; it < 100; ++it) {
      double p1 = kPiM4, p2 = 0.0;
      for (int j = 0; j < n; ++j) {
        const double p3 = p2;
        p2 = p1;
        const double dj = static_cast<double>(j);
        p1 = z * std::sqrt(2.0 / (dj + 1.0)) * p2 - std::sqrt(dj / (dj + 1.0)) * p3;
      }
      pp = std::sqrt(2.0 * dn) * p2;
      const double z1 = z;
      z = z1 - p1 / pp;
      if (std::fabs(z - z1) <= 1e-15 * (1.0 + std::fabs(z))) break;
    }
    x[ui] = z;
    x[un - 1 - ui] = -z;
    w[ui] = 2.0 / (pp * pp);
    w[un - 1 - ui] = w[ui];
  }
  if (n % 2 == 1) x[un / 2] = 0.0;
  double sum = 0.0;
  for (double v : w) sum += v;
  q.node.resize(un);
  q.weight.resize(un);
  const double root2 = std::sqrt(2.0);
  for (std::size_t k = 0; k < un; ++k) {
    q.node[k] = root2 * x[k];
    q.weight[k] = w[k] / sum;
  }
  // Rounding can leave the sum a hair above 1; then E[1] > 1 and a chance could read 1 + 2e-16.
  // Trim the central weights (symmetrically) by an ulp at a time until the running sum, taken in
  // the order every caller sums, is at most 1. Since rounding is monotone, any sum of
  // weight[k] * x[k] with 0 <= x[k] <= 1 is then at most 1 too.
  for (int guard = 0; guard < 256; ++guard) {
    double total = 0.0;
    for (double v : q.weight) total += v;
    if (total <= 1.0) break;
    const std::size_t hi = un / 2, lo = (un - 1) / 2;
    q.weight[hi] = std::nextafter(q.weight[hi], 0.0);
    if (lo != hi) q.weight[lo] = q.weight[hi];
  }
  return q;
}

}  // namespace openpick::core::detail
