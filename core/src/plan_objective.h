// The planner's objective (private to the planner): the expected utility of the match for a set
// of programs ranked in true preference order, per quadrature node, with the gain of one more.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace openpick::core::detail {


// E[utility of the match | Z = z_k] for a set ranked in true preference order. Programs of one
// utility level are interchangeable in the rank list, so only the product A[l][k] of
// (1 - q_jk) over the chosen programs of level l matters:
//   value_k = sum_l B[l][k] * u_l * (1 - A[l][k]),  B[l][k] = prod_{l' < l} A[l'][k].
// Adding program j (level l, q_jk = P(match at j | z_k)) gains B[l][k] A[l][k] q_jk (u_l - R[l][k]),
// R[l][k] = the expected utility from the levels below l given no match at l or above.
class Objective {
 public:
  Objective(std::vector<double> levels, const std::vector<double>& weights)
      : u_(std::move(levels)), w_(weights), L_(u_.size()), K_(weights.size()),
        A_(L_ * K_, 1.0), C_(L_ * K_, 0.0) {
    refresh();
  }

  double gain(std::size_t level, const std::vector<double>& q) const {
    const double* c = &C_[level * K_];  // the node weight folded in (refresh): one product a node
    double g = 0.0;
    for (std::size_t k = 0; k < K_; ++k) g += q[k] * c[k];
    return g;
  }

  void add(std::size_t level, const std::vector<double>& q) {
    double* a = &A_[level * K_];
    for (std::size_t k = 0; k < K_; ++k) a[k] *= 1.0 - q[k];
    refresh();
  }

  // Replaces one chosen program's chances (a signal placed) and returns the new value; with
  // `commit` false the objective is left unchanged. `level_members` are the q vectors of the
  // level's chosen programs after the change, used when a division would be unstable.
  double value_with_level(std::size_t level, const std::vector<double>& a_level) const {
    double total = 0.0;
    for (std::size_t k = 0; k < K_; ++k) {
      double b = 1.0, v = 0.0;
      for (std::size_t l = 0; l < L_; ++l) {
        const double a = l == level ? a_level[k] : A_[l * K_ + k];
        v += b * u_[l] * (1.0 - a);
        b *= a;
      }
      total += w_[k] * v;
    }
    return total;
  }

  double value() const { return value_with_level(L_, {}); }
  std::vector<double> level_product(std::size_t level) const {
    return {A_.begin() + static_cast<long>(level * K_), A_.begin() + static_cast<long>((level + 1) * K_)};
  }
  void level_product(std::size_t level, std::vector<double>& out) const {
    out.assign(A_.begin() + static_cast<long>(level * K_), A_.begin() + static_cast<long>((level + 1) * K_));
  }
  void set_level_product(std::size_t level, const std::vector<double>& a) {
    std::copy(a.begin(), a.end(), A_.begin() + static_cast<long>(level * K_));
    refresh();
  }

 private:
  void refresh() {
    std::vector<double>& R = r_scratch_;  // kept between calls: refresh runs after every add
    R.assign(L_, 0.0);
    for (std::size_t k = 0; k < K_; ++k) {
      // R from the bottom level up, B from the top down.
      double r = 0.0;
      for (std::size_t l = L_; l-- > 0;) {
        R[l] = r;
        const double a = A_[l * K_ + k];
        r = u_[l] * (1.0 - a) + a * r;
      }
      double b = 1.0;
      for (std::size_t l = 0; l < L_; ++l) {
        const double a = A_[l * K_ + k];
        C_[l * K_ + k] = w_[k] * b * a * (u_[l] - R[l]);
        b *= a;
      }
    }
  }

  std::vector<double> u_, w_;
  std::size_t L_, K_;
  std::vector<double> A_, C_;
  std::vector<double> r_scratch_;
};

}  // namespace openpick::core::detail
