// An independent oracle for the probability model: a Monte Carlo simulation of the model's own
// story (docs/MODEL.md, sections 2 and 3), written apart from the quadrature code in
// core/src/model.cpp. It shares nothing with that code but the per-program logits the model
// reports (ProgramChance::logits) and the two correlation sds:
//
//   draw Z ~ N(0, 1)                                   (Box-Muller, std::mt19937_64, fixed seed)
//   at each program i: interview with probability logistic(interview_i + sigma_I Z)
//                      if interviewed, an offer with probability logistic(match_i + sigma_M Z)
//   walk the rank list: the applicant matches at the first program in rank order that offered.
//
// Every estimate comes with its standard error, so a test states its tolerance as k standard
// errors (kOracleSigmas) rather than a number tuned to pass:
//   OracleResult r = simulate_list(oracle_programs(logits), params.sigma_interview, params.sigma_match,
//                                  /*seed=*/1, /*draws=*/400000);
//   EXPECT_NEAR(model_value, r.p_match.value, kOracleSigmas * r.p_match.se);
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "openpick/core/model.h"

namespace openpick::test {

// Tolerance of an oracle comparison in standard errors. With a fixed seed each comparison is
// deterministic; 5 SE keeps a correct model far inside (a chance of 6e-7 per comparison of a
// false failure under a fresh seed) while a wrong number of a few tenths of a point is caught.
inline constexpr double kOracleSigmas = 5.0;

struct OracleProgram {
  bool reachable = true;         // false: never interviews, never matches
  double interview_logit = 0.0;  // at Z = 0
  double match_logit = 0.0;      // match given interview, at Z = 0
};

inline std::vector<OracleProgram> oracle_programs(const std::vector<core::ProgramLogits>& logits) {
  std::vector<OracleProgram> out;
  for (const auto& l : logits) out.push_back({l.reachable, l.interview, l.match_given_interview});
  return out;
}

struct OracleEstimate {
  double value = 0.0;  // the sample mean
  double se = 0.0;     // its standard error
};

struct OracleResult {
  std::size_t draws = 0;                       // draws kept (after conditioning)
  OracleEstimate p_match;                      // P(match somewhere)
  OracleEstimate p_interview_any;              // P(at least one interview)
  OracleEstimate expected_interviews;          // E[number of interviews]
  std::vector<OracleEstimate> p_match_at;      // P(match at the i-th program of the rank list)
  std::vector<OracleEstimate> p_interview_at;  // P(interview at i): the program's marginal
  std::vector<OracleEstimate> p_offer_at;      // P(interview and offer at i): its marginal p_match
};

namespace oracle_detail {

class Draws {
 public:
  explicit Draws(std::uint64_t seed) : g_(seed) {}
  // Uniform on (0, 1]: 53 random bits, never 0 (log(0) in Box-Muller).
  double unit() { return (static_cast<double>(g_() >> 11) + 1.0) * (1.0 / 9007199254740992.0); }
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double r = std::sqrt(-2.0 * std::log(unit()));
    const double t = 6.283185307179586476925 * unit();
    spare_ = r * std::sin(t);
    has_spare_ = true;
    return r * std::cos(t);
  }

 private:
  std::mt19937_64 g_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

inline double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// A proportion's estimate from `hits` of `n`.
inline OracleEstimate proportion(double hits, double n) {
  const double p = n > 0 ? hits / n : 0.0;
  return {p, n > 0 ? std::sqrt(std::max(p * (1.0 - p), 1.0 / n) / n) : 0.0};
}

}  // namespace oracle_detail

// Simulates `draws` applicants applying to `programs` (in rank order). With
// `condition_on_interviews`, keeps only the draws where every program on the list interviewed
// the applicant (the rank list after interviews: the interviews are facts, and they are evidence
// about Z), drawing until `draws` are kept or 200 x `draws` tried.
inline OracleResult simulate_list(const std::vector<OracleProgram>& programs, double sigma_interview,
                                  double sigma_match, std::uint64_t seed, std::size_t draws,
                                  bool condition_on_interviews = false) {
  oracle_detail::Draws rng(seed);
  const std::size_t n = programs.size();
  double matched = 0.0, any_interview = 0.0, interviews = 0.0, interviews_sq = 0.0;
  std::vector<double> match_at(n, 0.0), interview_at(n, 0.0), offer_at(n, 0.0);
  std::vector<char> interviewed(n), offered(n);
  std::size_t kept = 0;
  const std::size_t max_tries = condition_on_interviews ? draws * 200 : draws;
  for (std::size_t tries = 0; kept < draws && tries < max_tries; ++tries) {
    const double z = rng.normal();
    int count = 0;
    bool all = true;
    for (std::size_t i = 0; i < n; ++i) {
      const OracleProgram& p = programs[i];
      // Two draws per program every time, so the stream does not depend on earlier outcomes.
      const double u_interview = rng.unit(), u_offer = rng.unit();
      interviewed[i] = p.reachable && u_interview <= oracle_detail::logistic(p.interview_logit + sigma_interview * z);
      offered[i] = interviewed[i] && u_offer <= oracle_detail::logistic(p.match_logit + sigma_match * z);
      count += interviewed[i];
      all = all && interviewed[i];
    }
    if (condition_on_interviews && !all) continue;
    ++kept;
    interviews += count;
    interviews_sq += static_cast<double>(count) * count;
    any_interview += count > 0;
    for (std::size_t i = 0; i < n; ++i) {
      interview_at[i] += interviewed[i];
      offer_at[i] += offered[i];
    }
    for (std::size_t i = 0; i < n; ++i)
      if (offered[i]) {  // the first offer in rank order is the match
        match_at[i] += 1.0;
        matched += 1.0;
        break;
      }
  }
  OracleResult r;
  r.draws = kept;
  const double k = static_cast<double>(kept);
  r.p_match = oracle_detail::proportion(matched, k);
  r.p_interview_any = oracle_detail::proportion(any_interview, k);
  const double mean = k > 0 ? interviews / k : 0.0;
  const double var = k > 1 ? std::max(0.0, (interviews_sq - k * mean * mean) / (k - 1.0)) : 0.0;
  r.expected_interviews = {mean, std::sqrt(std::max(var, 1.0 / k) / k)};
  for (std::size_t i = 0; i < n; ++i) {
    r.p_match_at.push_back(oracle_detail::proportion(match_at[i], k));
    r.p_interview_at.push_back(oracle_detail::proportion(interview_at[i], k));
    r.p_offer_at.push_back(oracle_detail::proportion(offer_at[i], k));
  }
  return r;
}

// True when `value` is within kOracleSigmas standard errors of the oracle's estimate.
inline bool within_oracle(double value, const OracleEstimate& e) {
  return std::fabs(value - e.value) <= kOracleSigmas * e.se;
}

}  // namespace openpick::test
