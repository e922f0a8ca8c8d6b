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
inline TrackOutcome track_outcome(const std::vector<Track>& tracks, const std::vector<const std::vector<double>*>& q,
                                  const std::vector<double>& w) {
  TrackOutcome out;
  for (std::size_t k = 0; k < w.size(); ++k) {
    double pgy1_none = 1.0;
    for (std::size_t r = 0; r < tracks.size(); ++r)
      if (is_one_year(tracks[r])) pgy1_none *= 1.0 - (*q[r])[k];
    double none = 1.0, residency = 0.0, one_year = 0.0, unpaired = 0.0;
    for (std::size_t r = 0; r < tracks.size(); ++r) {
      const double m = none * (*q[r])[k];
      none *= 1.0 - (*q[r])[k];
      if (is_one_year(tracks[r])) {
        one_year += m;
      } else if (tracks[r] == Track::Advanced) {
        residency += m * (1.0 - pgy1_none);
        unpaired += m * pgy1_none;
      } else {
        residency += m;
      }
    }
    out.residency += w[k] * residency;
    out.one_year += w[k] * one_year;
    out.advanced_unpaired += w[k] * unpaired;
  }
  return out;
}

}  // namespace openpick::core::detail
