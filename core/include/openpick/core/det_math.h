// Deterministic elementary functions for the probability model.
//
// Why not <cmath>: the core suite also runs as WebAssembly, whose libm (Emscripten's musl) and
// glibc may round exp and log differently in the last bit. These versions use only +, -, *, /,
// sqrt, floor, frexp and ldexp, which IEEE 754 defines exactly, so native and wasm builds give
// bit-identical results (as long as the compiler does not fuse multiply-adds: x86-64 without
// -march and wasm have no FMA instruction, and C++17 ISO mode keeps -ffp-contract=off in GCC).
// The algorithms are the classic fdlibm ones (Sun Microsystems, freely redistributable), accurate
// to within one unit in the last place.
//
//   double p = openpick::core::detail::logistic(0.4);   // 1 / (1 + e^-0.4)
#pragma once

#include <vector>

namespace openpick::core::detail {

// e^x; +inf above about 709.78, 0 below about -745.1.
double det_exp(double x);
// Natural logarithm for x > 0 (NaN for x < 0, -inf for 0).
double det_log(double x);
// x^y for x > 0.
double det_pow(double x, double y);
// 1 / (1 + e^-x), exactly 0 or 1 only at the far tails.
double logistic(double x);
// ln(p / (1 - p)) for 0 < p < 1.
double logit(double p);
// The standard normal quantile (Acklam's rational approximation, relative error 1.2e-9), 0 < p < 1.
double normal_quantile(double p);

// Gauss-Hermite rule for E[f(Z)], Z ~ N(0, 1): E[f(Z)] ~= sum_k weight[k] * f(node[k]).
// Nodes are found by Newton's method on the orthonormal Hermite recurrence (Numerical Recipes'
// gauher), not copied from a table; weights are normalized to sum to 1 (never above 1 when summed
// in index order, so weighted averages of chances stay within [0, 1]). Nodes are in decreasing
// order and symmetric about 0.
struct NormalQuadrature {
  std::vector<double> node;
  std::vector<double> weight;
};
NormalQuadrature gauss_hermite_normal(int n);

}  // namespace openpick::core::detail
