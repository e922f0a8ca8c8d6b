// The planner's objective (private to the planner): the expected utility of the match for a set
// of programs ranked in true preference order, per quadrature node, with the gain of one more.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace openpick::core::detail {

// What a program's match gives, by track (docs/PLANNER.md, "Tracks"): a residency, a one-year
// (preliminary or transitional) position, or an advanced (PGY-2) position, which completes a
// residency only together with a PGY-1 year from the list's one-year programs. At equal utility
// the applicant ranks in this order (an advanced position is worth its utility only with a PGY-1
// year).
enum class SlotKind { Residency = 0, OneYear = 1, Advanced = 2 };

// One rank-order slot: the programs of one utility and kind, interchangeable in the rank list.
struct Slot {
  double utility = 1.0;
  SlotKind kind = SlotKind::Residency;
  bool operator==(const Slot& o) const { return utility == o.utility && kind == o.kind; }
};

// E[utility of the match | Z = z_k] for a set ranked in true preference order (slots by utility,
// highest first, then by kind). Programs of one slot are interchangeable in the rank list, so only
// the product A[l][k] of (1 - q_jk) over the chosen programs of slot l matters:
//   value_k = sum_l B[l][k] * u_l * f_l * (1 - A[l][k]),  B[l][k] = prod_{l' < l} A[l'][k],
// f_l = 1, except for an advanced slot: f = s_k = 1 - P_k, the chance of a PGY-1 year, P_k the
// product of A over the one-year slots (the supplemental match taken as independent of the
// primary one given Z, as the headline P(match) takes it: plan_tracks.h).
// Adding program j (slot l, q_jk = P(match at j | z_k)) gains B A q (u f - R) at each node, R the
// expected utility from the slots below l given no match at l or above. A one-year program also
// raises s by P q, which adds P q D (D = sum over the advanced slots of B u (1 - A)) and, for the
// advanced slots below it, whose B it lowers by the factor (1 - q), takes P q^2 D_below back:
//   gain = sum_k q_k (C[l][k] + q_k E[l][k]),  E = 0 but for a one-year slot above an advanced one.
// Without advanced slots the sums are the plain per-level ones.
class Objective {
 public:
  Objective(std::vector<Slot> slots, const std::vector<double>& weights)
      : slots_(std::move(slots)),
        w_(weights),
        L_(slots_.size()),
        K_(weights.size()),
        A_(L_ * K_, 1.0),
        C_(L_ * K_, 0.0),
        R_(L_ * K_),
        r_(K_),
        b_(K_),
        vb_(K_),
        vv_(K_),
        vs_(K_) {
    for (std::size_t l = 0; l < L_; ++l) {
      u_.push_back(slots_[l].utility);
      paired_ = paired_ || slots_[l].kind == SlotKind::Advanced;
      if (slots_[l].kind == SlotKind::OneYear) one_year_slots_.push_back(l);
    }
    if (paired_) {
      E_.assign(L_ * K_, 0.0);
      B_.resize(L_ * K_);
      d_.resize(K_);
      none_.resize(K_);
      below_.resize(K_);
      quadratic_.assign(L_, false);
      bool advanced_below = false;
      for (std::size_t l = L_; l-- > 0;) {
        quadratic_[l] = slots_[l].kind == SlotKind::OneYear && advanced_below;
        advanced_below = advanced_below || slots_[l].kind == SlotKind::Advanced;
      }
    }
  }

  double gain(std::size_t level, const std::vector<double>& q) const {
    if (stale_) refresh();
    const double* c = &C_[level * K_];  // the node weight folded in (refresh): one product a node
    double g = 0.0;
    if (paired_ && quadratic_[level]) {
      const double* e = &E_[level * K_];
      for (std::size_t k = 0; k < K_; ++k) g += q[k] * (c[k] + q[k] * e[k]);
      return g;
    }
    for (std::size_t k = 0; k < K_; ++k) g += q[k] * c[k];
    return g;
  }

  void add(std::size_t level, const std::vector<double>& q) {
    advanced_listed_ = advanced_listed_ || (paired_ && slots_[level].kind == SlotKind::Advanced);
    double* a = &A_[level * K_];
    for (std::size_t k = 0; k < K_; ++k) a[k] *= 1.0 - q[k];
    stale_ = true;  // the factors are worked out when next read (adds often come in a row)
  }

  // The value with one slot's product replaced by `a_level` (a signal placed on one of its
  // programs); the objective is left unchanged.
  // Slot by slot, every node at once (each node's sum taken in slot order, as one node at a time).
  double value_with_level(std::size_t level, const std::vector<double>& a_level) const {
    if (paired_) {  // s_k = 1 - P_k
      no_pgy1(level, a_level.data(), vs_);
      for (std::size_t k = 0; k < K_; ++k) vs_[k] = 1.0 - vs_[k];
    }
    std::fill(vb_.begin(), vb_.end(), 1.0);
    std::fill(vv_.begin(), vv_.end(), 0.0);
    for (std::size_t l = 0; l < L_; ++l) {
      const double* a = product(l, level, a_level.data());
      const double u = u_[l];
      if (paired_ && slots_[l].kind == SlotKind::Advanced) {
        for (std::size_t k = 0; k < K_; ++k) {
          vv_[k] += vb_[k] * u * vs_[k] * (1.0 - a[k]);
          vb_[k] *= a[k];
        }
      } else {
        for (std::size_t k = 0; k < K_; ++k) {
          vv_[k] += vb_[k] * u * (1.0 - a[k]);
          vb_[k] *= a[k];
        }
      }
    }
    double total = 0.0;
    for (std::size_t k = 0; k < K_; ++k) total += w_[k] * vv_[k];
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
    advanced_listed_ = advanced_listed_ || (paired_ && slots_[level].kind == SlotKind::Advanced);
    std::copy(a.begin(), a.end(), A_.begin() + static_cast<long>(level * K_));
    stale_ = true;
  }
  // This objective made `o` with one more program added (o.add(level, q) on a copy), `o` an
  // objective of the same slots (a copy of this one, or the one this was copied from): only the
  // products are copied, the factors worked out afresh as add does.
  void assign_and_add(const Objective& o, std::size_t level, const std::vector<double>& q) {
    std::copy(o.A_.begin(), o.A_.end(), A_.begin());
    advanced_listed_ = o.advanced_listed_;
    add(level, q);
  }
  // True when a program's gain in this slot is a sum of its node chances times factors that are
  // all 0 or more: a program with at least another's chance at every node then gains at least as
  // much (the sums taken in the same order, rounding keeps the order). False for a one-year slot
  // above an advanced one (its gain has a quadratic part).
  bool gain_grows_with_chances(std::size_t level) const {
    if (paired_ && quadratic_[level]) return false;
    if (stale_) refresh();
    const double* c = &C_[level * K_];
    for (std::size_t k = 0; k < K_; ++k)
      if (!(c[k] >= 0.0)) return false;
    return true;
  }
  // True when some slot is advanced: its value depends on the one-year slots.
  bool paired() const { return paired_; }
  // True once an advanced program is in: the one-year programs' gains then rise with it.
  bool advanced_listed() const { return advanced_listed_; }

 private:
  // Slot l's products, or `a_level` for slot `level`.
  const double* product(std::size_t l, std::size_t level, const double* a_level) const {
    return l == level ? a_level : &A_[l * K_];
  }
  // P_k, the product of A over the one-year slots (slot `level` read from `a_level`), per node.
  void no_pgy1(std::size_t level, const double* a_level, std::vector<double>& none) const {
    std::fill(none.begin(), none.end(), 1.0);
    for (std::size_t l : one_year_slots_) {
      const double* a = product(l, level, a_level);
      for (std::size_t k = 0; k < K_; ++k) none[k] *= a[k];
    }
  }

  // The gain factors C (and E) from the products A: a function of A alone, worked out when they
  // are read after a change (so const, on mutable members). Slot by slot, every node at once: the
  // nodes are independent and each node's sums are taken in the order one node at a time would
  // take them, so the factors are the same to the bit.
  void refresh() const {
    stale_ = false;
    // R (the expected utility from the slots below) from the bottom slot up, B from the top down.
    std::fill(r_.begin(), r_.end(), 0.0);
    if (!paired_) {
      for (std::size_t l = L_; l-- > 0;) {
        const double* a = &A_[l * K_];
        double* R = &R_[l * K_];
        const double u = u_[l];
        for (std::size_t k = 0; k < K_; ++k) {
          R[k] = r_[k];
          r_[k] = u * (1.0 - a[k]) + a[k] * r_[k];
        }
      }
      std::fill(b_.begin(), b_.end(), 1.0);
      for (std::size_t l = 0; l < L_; ++l) {
        const double* a = &A_[l * K_];
        const double* R = &R_[l * K_];
        double* c = &C_[l * K_];
        const double u = u_[l];
        for (std::size_t k = 0; k < K_; ++k) {
          c[k] = w_[k] * b_[k] * a[k] * (u - R[k]);
          b_[k] *= a[k];
        }
      }
      return;
    }
    // Paired: P (no PGY-1 year), then B from the top down (with D, the advanced slots'
    // B u (1 - A)), then R, the gain factors and D below each slot from the bottom up.
    no_pgy1(L_, nullptr, none_);
    std::fill(b_.begin(), b_.end(), 1.0);
    std::fill(d_.begin(), d_.end(), 0.0);
    for (std::size_t l = 0; l < L_; ++l) {
      const double* a = &A_[l * K_];
      double* B = &B_[l * K_];
      const double u = u_[l];
      const bool advanced = slots_[l].kind == SlotKind::Advanced;
      for (std::size_t k = 0; k < K_; ++k) {
        B[k] = b_[k];
        if (advanced) d_[k] += b_[k] * u * (1.0 - a[k]);
        b_[k] *= a[k];
      }
    }
    std::fill(below_.begin(), below_.end(), 0.0);  // D over the advanced slots below l
    for (std::size_t l = L_; l-- > 0;) {
      const double* a = &A_[l * K_];
      const double* B = &B_[l * K_];
      double* c = &C_[l * K_];
      const SlotKind kind = slots_[l].kind;
      const double ul = u_[l];
      for (std::size_t k = 0; k < K_; ++k) {
        const double none = none_[k];
        const double u = kind == SlotKind::Advanced ? ul * (1.0 - none) : ul;
        double g = B[k] * a[k] * (u - r_[k]);
        if (kind == SlotKind::OneYear) {
          g += none * d_[k];
          E_[l * K_ + k] = -w_[k] * none * below_[k];
        }
        c[k] = w_[k] * g;
        if (kind == SlotKind::Advanced) below_[k] += B[k] * ul * (1.0 - a[k]);
        r_[k] = u * (1.0 - a[k]) + a[k] * r_[k];
      }
    }
  }

  std::vector<Slot> slots_;
  std::vector<double> u_, w_;
  std::size_t L_, K_;
  std::vector<double> A_;
  mutable std::vector<double> C_, E_;  // refresh's, from A_
  std::vector<bool> quadratic_;
  std::vector<std::size_t> one_year_slots_;
  bool paired_ = false, advanced_listed_ = false;
  // refresh's scratch, kept between calls (refresh runs after every add): per node, and per slot
  // and node.
  mutable std::vector<double> R_, r_, b_, B_, d_, none_, below_;
  mutable bool stale_ = true;                 // C_ and E_ not yet worked out from A_
  mutable std::vector<double> vb_, vv_, vs_;  // value_with_level's scratch: B, the value and s per node
};

}  // namespace openpick::core::detail
