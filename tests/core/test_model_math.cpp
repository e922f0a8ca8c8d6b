// The deterministic elementary functions and the Gauss-Hermite rule behind the model.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "openpick/core/det_math.h"
#include "openpick/core/text_fixed.h"

using namespace openpick::core::detail;

TEST(DetMath, ExpAndLogAgreeWithLibmToAFewUlps) {
  for (double x = -700.0; x <= 700.0; x += 0.37) {
    const double want = std::exp(x);
    EXPECT_NEAR(det_exp(x), want, 4e-16 * want) << x;
  }
  for (double x = 1e-300; x < 1e300; x *= 3.7) {
    const double want = std::log(x);
    EXPECT_NEAR(det_log(x), want, 4e-16 * std::fabs(want) + 1e-300) << x;
  }
  EXPECT_EQ(det_exp(0.0), 1.0);
  EXPECT_EQ(det_log(1.0), 0.0);
  EXPECT_EQ(det_exp(-800.0), 0.0);
  EXPECT_TRUE(std::isinf(det_exp(800.0)));
  EXPECT_NEAR(det_pow(2.0, 10.0), 1024.0, 1e-12);
}

TEST(DetMath, LogisticIsBoundedAndSymmetric) {
  for (double x = -50.0; x <= 50.0; x += 0.25) {
    const double p = logistic(x);
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
    EXPECT_NEAR(p + logistic(-x), 1.0, 1e-15);
  }
  EXPECT_NEAR(logit(logistic(1.3)), 1.3, 1e-12);
}

TEST(DetMath, NormalQuantileInvertsTheCdf) {
  for (double p = 0.001; p < 1.0; p += 0.0123) {
    const double z = normal_quantile(p);
    EXPECT_NEAR(0.5 * std::erfc(-z / std::sqrt(2.0)), p, 1e-8) << p;
  }
}

TEST(GaussHermite, IntegratesNormalMomentsExactly) {
  for (int n : {8, 16, 32}) {
    const NormalQuadrature q = gauss_hermite_normal(n);
    ASSERT_EQ(q.node.size(), static_cast<std::size_t>(n));
    double m0 = 0, m1 = 0, m2 = 0, m4 = 0, m6 = 0;
    for (std::size_t k = 0; k < q.node.size(); ++k) {
      const double z = q.node[k], w = q.weight[k];
      EXPECT_GT(w, 0.0);
      m0 += w;
      m1 += w * z;
      m2 += w * z * z;
      m4 += w * z * z * z * z;
      m6 += w * z * z * z * z * z * z;
      EXPECT_EQ(q.node[k], -q.node[q.node.size() - 1 - k]);  // symmetric
    }
    EXPECT_NEAR(m0, 1.0, 1e-15) << n;
    EXPECT_NEAR(m1, 0.0, 1e-14) << n;
    EXPECT_NEAR(m2, 1.0, 1e-13) << n;
    EXPECT_NEAR(m4, 3.0, 1e-12) << n;
    EXPECT_NEAR(m6, 15.0, 1e-11) << n;
  }
}

TEST(GaussHermite, LogisticNormalIntegralMatchesAFineRiemannSum) {
  const NormalQuadrature q = gauss_hermite_normal(32);
  for (double eta : {-4.0, -1.0, 0.0, 2.5}) {
    for (double sigma : {0.5, 1.0, 1.5}) {
      double gh = 0.0;
      for (std::size_t k = 0; k < q.node.size(); ++k) gh += q.weight[k] * logistic(eta + sigma * q.node[k]);
      double fine = 0.0;
      const double h = 1e-3;
      for (double z = -10.0; z <= 10.0; z += h)
        fine += h * std::exp(-0.5 * z * z) / std::sqrt(2.0 * 3.14159265358979323846) * logistic(eta + sigma * z);
      EXPECT_NEAR(gh, fine, 1e-9) << eta << " " << sigma;
    }
  }
}

// format_fixed writes what printf writes ("%.0f", "%.1f", "%+.1f"), for ties, near-ties, tiny,
// negative and large values: checked against this platform's snprintf (glibc natively, musl in
// wasm), not against a list typed by hand.
TEST(FormatFixed, WritesWhatPrintfWrites) {
  const auto printf_text = [](double x, int decimals, bool plus) {
    char buf[400];
    std::snprintf(buf, sizeof buf, plus ? "%+.*f" : "%.*f", decimals, x);
    return std::string(buf);
  };
  std::vector<double> xs = {0.0,
                            -0.0,
                            0.05,
                            0.15,
                            0.25,
                            0.35,
                            0.45,
                            2.5,
                            3.5,
                            -2.5,
                            -0.04,
                            -0.05,
                            0.5,
                            1.5,
                            -0.5,
                            1e-300,
                            5e-324,
                            0x1p50,
                            0x1p50 - 1,
                            1e15,
                            1e16,
                            123456.75,
                            std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN()};
  for (int k = 0; k < 20000; ++k) {
    // Exact ties of both forms (k/2 and k/20 where representable) and the doubles beside them.
    for (double t : {k / 2.0, k / 20.0, (k + 0.5) / 10.0, -k / 4.0}) {
      xs.push_back(t);
      xs.push_back(std::nextafter(t, 1e300));
      xs.push_back(std::nextafter(t, -1e300));
    }
  }
  std::mt19937_64 rng(20261203u);
  for (int n = 0; n < 200000; ++n) {
    // Magnitudes from 1e-12 to 2^52, either sign, every mantissa.
    const double magnitude =
        std::ldexp(1.0 + static_cast<double>(rng() >> 12) * 0x1p-52, static_cast<int>(rng() % 93) - 40);
    xs.push_back(rng() & 1 ? magnitude : -magnitude);
  }
  int checked = 0;
  for (double x : xs)
    for (int decimals : {0, 1})
      for (bool plus : {false, true}) {
        ASSERT_EQ(openpick::core::format_fixed(x, decimals, plus), printf_text(x, decimals, plus))
            << "x = " << x << " (" << std::hexfloat << x << std::defaultfloat << "), " << decimals << " decimals";
        ++checked;
      }
  EXPECT_GT(checked, 1000000);
  EXPECT_EQ(openpick::core::format_fixed(0.25, 1), "0.2");  // the tie to the even digit
  EXPECT_EQ(openpick::core::format_fixed(0.35, 1), "0.3");  // 0.35 is 0.34999999999999997...
  EXPECT_EQ(openpick::core::format_fixed(-0.04, 1), "-0.0");
  EXPECT_EQ(openpick::core::format_fixed(3.0, 1, true), "+3.0");
  EXPECT_EQ(openpick::core::format_fixed(2.5, 0), "2");
}
