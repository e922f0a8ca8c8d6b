// Application fees as data: one schedule per application service and season, a list of brackets,
// and functions that price a list (counts of programs per specialty). Money is in integer cents.
// Also the NRMP's fee for ranks beyond those its registration covers.
//
// Schedules shipped, each with its public source:
// ERAS
//   2026: $11 per program for programs 1-30 in each specialty, $30 each from the 31st; the count
//         restarts per specialty (AAMC, "Fees for 2026 ERAS Season").
//   2024: $99 for up to 10 programs, then $19 each (11-20), $23 (21-30), $27 (31+) (AAMC fee page,
//         2024). That schedule counted all programs together, whatever the specialty (our reading
//         of the pre-2025 page, which states only the brackets).
//   Both: the USMLE transcript, $80 once per season (AAMC, 2024; assumed unchanged for 2026).
//   2026: Fee Assistance Program, 60% off up to 50 applications for approved applicants (AAMC).
//         AAMC does not say which 50 when there are more: we discount the 50 cheapest, so the
//         estimate never understates the cost. The transcript fee is not discounted.
// ResidencyCAS (Emergency Medicine from the 2026 Match, OB/GYN from the 2025 Match)
//   2026: $99 for programs 1-18 (one flat fee), $18 each for 19-30, $23 each from the 31st
//         (ResidencyCAS / SAEM, CORD, 2025). ASSUMPTION: the count restarts per specialty, as ERAS
//         2026 does (the published fees do not say). ASSUMPTION: the USMLE transcript ($80) is paid once
//         more for ResidencyCAS (AAMC states the fee only for ERAS; counting it again never
//         understates the cost). No fee assistance figures: none is applied.
//   A season with no ResidencyCAS schedule (2024) prices those programs by that season's ERAS
//   schedule: before the move, EM and OB/GYN applied through ERAS.
// NRMP rank list: registration covers 20 ranked programs, $30 for each further one (NRMP match
//   fees page, an older table; the current base fee is uncertain).
//
//   const FeeSchedule s = *eras_fee_schedule(2026);
//   FeeQuote q = quote_eras_fees(s, {43, 7}, false);
//   // q.applications_cents == 79700 ($797, AAMC's own example: 43 IM + 7 radiology)
//   // q.total_cents == 87700 (with the $80 transcript fee, which AAMC's example leaves out)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "openpick/core/program.h"

namespace openpick::core {

// "ERAS", "ResidencyCAS": the names the dataset's `application_service` field uses.
const char* service_name(ApplicationService s);
// The service a specialty applies through when the program does not say (see program.h).
ApplicationService service_for_specialty(const std::string& specialty);
// The program's own `application_service`, else the specialty's.
ApplicationService application_service_of(const Program& program);

struct FeeBracket {
  int first = 1;                // 1-based number of the first program the bracket covers
  std::optional<int> last;      // inclusive; none: no upper end
  std::int64_t flat_cents = 0;  // charged once, with program number `first`
  std::int64_t each_cents = 0;  // charged for every program in [first, last]
};

struct FeeAssistance {
  int percent_off = 0;
  int max_applications = 0;
};

struct FeeSchedule {
  ApplicationService service = ApplicationService::Eras;
  int season = 0;                           // the application season (the Match year it applies to)
  bool per_specialty = true;                // the count restarts for each specialty
  std::vector<FeeBracket> brackets;         // ascending, contiguous from program 1
  std::int64_t transcript_cents = 0;        // USMLE transcript, once per season with any application
  std::optional<FeeAssistance> assistance;  // none: no Fee Assistance figures for this season
  std::string source;                       // where the figures come from
};

// The shipped seasons, ascending; and one of them (none for a season not shipped).
std::vector<int> eras_fee_seasons();
std::optional<FeeSchedule> eras_fee_schedule(int season);
// The same for any service.
std::vector<int> fee_seasons(ApplicationService service);
std::optional<FeeSchedule> fee_schedule(ApplicationService service, int season);

// What adding the n-th program (1-based) of one counting group costs: its bracket's `each`, plus
// the bracket's flat fee when n is the bracket's first program.
std::int64_t program_fee_cents(const FeeSchedule& schedule, int n);
// Application fees for `count` programs in one counting group (a specialty when per_specialty).
std::int64_t applications_fee_cents(const FeeSchedule& schedule, int count);

struct FeeQuote {
  int applications = 0;
  std::int64_t applications_cents = 0;  // before assistance
  std::int64_t assistance_discount_cents = 0;
  std::int64_t transcript_cents = 0;
  std::int64_t total_cents = 0;     // applications - discount + transcript
  bool assistance_applied = false;  // false when not asked for or the schedule has no figures
};

// The season's cost of a list with counts_per_specialty[i] programs in specialty i (each >= 0,
// else std::invalid_argument). With per_specialty false the counts are added into one group.
FeeQuote quote_eras_fees(const FeeSchedule& schedule, const std::vector<int>& counts_per_specialty,
                         bool fee_assistance);

// The NRMP's fee for a rank list: the registration covers `included_ranks`; each further ranked
// program costs `each_extra_cents`.
struct RankListFee {
  int included_ranks = 20;
  std::int64_t each_extra_cents = 3000;
  std::string source;
};
RankListFee nrmp_rank_list_fee();
// The extra fee for a rank list of `ranks` programs (0 up to included_ranks).
std::int64_t nrmp_extra_ranks_cents(const RankListFee& fee, int ranks);

inline double cents_to_usd(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }

}  // namespace openpick::core
