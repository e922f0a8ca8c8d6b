// What a list's match completes, by track (private to the planner): a residency, only a one-year
// position, or an advanced (PGY-2) position without a PGY-1 year.
#pragma once

#include <vector>

#include "openpick/core/program.h"

namespace openpick::core::detail {

inline bool is_one_year(Track t) { return t == Track::Preliminary || t == Track::Transitional; }

struct TrackOutcome {
  double residency = 0;          // categorical, primary care, advanced with a PGY-1 year
  double one_year = 0;           // only a preliminary or transitional year
  double advanced_unpaired = 0;  // an advanced position and no PGY-1 year
};

// The chance, over the list in rank order, of each outcome. Per quadrature node: the match is at
// the first program of the rank order that matches; an advanced position completes a residency
// only with a PGY-1 year, which the applicant gets when one of the list's one-year programs (ranked
// on the supplemental list) also matches: s = 1 - prod over the one-year programs of (1 - q). That
// treats the supplemental match as independent of the primary one given Z (a simplification: NRMP
// processes it alongside). `q[r][k]` = P(match at the r-th program | z_k), `w` the node weights.
// (Each node's sums run over the programs in rank order; the loops go program by program, all nodes
// at once, which keeps each program's chances together in memory.)
inline TrackOutcome track_outcome(const std::vector<Track>& tracks, const std::vector<const std::vector<double>*>& q,
                                  const std::vector<double>& w) {
  const std::size_t K = w.size();
  std::vector<double> pgy1_none(K, 1.0), none(K, 1.0), residency(K, 0.0), one_year(K, 0.0), unpaired(K, 0.0);
  for (std::size_t r = 0; r < tracks.size(); ++r)
    if (is_one_year(tracks[r]))
      for (std::size_t k = 0; k < K; ++k) pgy1_none[k] *= 1.0 - (*q[r])[k];
  for (std::size_t r = 0; r < tracks.size(); ++r) {
    const double* qr = q[r]->data();
    const bool one = is_one_year(tracks[r]), advanced = tracks[r] == Track::Advanced;
    for (std::size_t k = 0; k < K; ++k) {
      const double m = none[k] * qr[k];
      none[k] *= 1.0 - qr[k];
      if (one) {
        one_year[k] += m;
      } else if (advanced) {
        residency[k] += m * (1.0 - pgy1_none[k]);
        unpaired[k] += m * pgy1_none[k];
      } else {
        residency[k] += m;
      }
    }
  }
  TrackOutcome out;
  for (std::size_t k = 0; k < K; ++k) {
    out.residency += w[k] * residency[k];
    out.one_year += w[k] * one_year[k];
    out.advanced_unpaired += w[k] * unpaired[k];
  }
  return out;
}

}  // namespace openpick::core::detail
