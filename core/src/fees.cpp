#include "openpick/core/fees.h"

#include <algorithm>
#include <stdexcept>

namespace openpick::core {

namespace {

// ---- The data (each row names its public source; fees.h says which parts are assumed) -----------

struct BracketRow {
  int first;
  int last;
  std::int64_t flat_cents;
  std::int64_t each_cents;
};  // last 0: open
struct ScheduleRow {
  ApplicationService service;
  int season;
  bool per_specialty;
  BracketRow brackets[4];
  int bracket_count;
  std::int64_t transcript_cents;
  int assistance_percent_off;  // 0: no figures
  int assistance_max_applications;
  const char* source;
};

// clang-format off
constexpr ScheduleRow kSchedules[] = {
    {ApplicationService::Eras, 2024, false, {{1, 10, 9900, 0}, {11, 20, 0, 1900}, {21, 30, 0, 2300}, {31, 0, 0, 2700}}, 4, 8000, 0, 0,
     "AAMC ERAS fee page, 2024 season; USMLE transcript fee AAMC 2024"},
    {ApplicationService::Eras, 2026, true, {{1, 30, 0, 1100}, {31, 0, 0, 3000}, {}, {}}, 2, 8000, 60, 50,
     "AAMC, \"Fees for 2026 ERAS Season\"; USMLE transcript fee AAMC 2024 (assumed unchanged); "
     "Fee Assistance Program, AAMC"},
    // $99 once covers programs 1-18; 19-30 at $18; 31+ at $23. Per specialty and the transcript
    // fee: assumptions (fees.h).
    {ApplicationService::ResidencyCas, 2026, true, {{1, 18, 9900, 0}, {19, 30, 0, 1800}, {31, 0, 0, 2300}, {}}, 3,
     8000, 0, 0,
     "ResidencyCAS fees as published by the specialty organisations (SAEM, CORD), 2025; count per specialty and "
     "the $80 USMLE transcript fee assumed as for ERAS"},
};
// clang-format on

// PUBLISHED: NRMP match fees page (an older table; the current base fee is uncertain).
constexpr int kNrmpIncludedRanks = 20;
constexpr std::int64_t kNrmpEachExtraRankCents = 3000;

FeeSchedule to_schedule(const ScheduleRow& row) {
  FeeSchedule s;
  s.service = row.service;
  s.season = row.season;
  s.per_specialty = row.per_specialty;
  for (int i = 0; i < row.bracket_count; ++i) {
    const BracketRow& b = row.brackets[i];
    FeeBracket fb;
    fb.first = b.first;
    if (b.last != 0) fb.last = b.last;
    fb.flat_cents = b.flat_cents;
    fb.each_cents = b.each_cents;
    s.brackets.push_back(fb);
  }
  s.transcript_cents = row.transcript_cents;
  if (row.assistance_percent_off > 0)
    s.assistance = FeeAssistance{row.assistance_percent_off, row.assistance_max_applications};
  s.source = row.source;
  return s;
}

}  // namespace

const char* service_name(ApplicationService s) {
  return s == ApplicationService::ResidencyCas ? "ResidencyCAS" : "ERAS";
}

ApplicationService service_for_specialty(const std::string& specialty) {
  // Emergency Medicine (from the 2026 Match) and OB/GYN (from the 2025 Match) apply through
  // ResidencyCAS (ResidencyCAS and the specialty organisations SAEM and CORD, 2025). Combined
  // programs (e.g. "Internal Medicine/Emergency Medicine") stay on ERAS: the move names the two
  // specialties, not their combinations (our reading).
  if (specialty == "Emergency Medicine" || specialty == "Obstetrics and Gynecology")
    return ApplicationService::ResidencyCas;
  return ApplicationService::Eras;
}

ApplicationService application_service_of(const Program& program) {
  return program.application_service ? *program.application_service : service_for_specialty(program.specialty);
}

std::vector<int> fee_seasons(ApplicationService service) {
  std::vector<int> out;
  for (const auto& row : kSchedules)
    if (row.service == service) out.push_back(row.season);
  return out;
}

std::optional<FeeSchedule> fee_schedule(ApplicationService service, int season) {
  for (const auto& row : kSchedules)
    if (row.service == service && row.season == season) return to_schedule(row);
  return std::nullopt;
}

std::vector<int> eras_fee_seasons() { return fee_seasons(ApplicationService::Eras); }
std::optional<FeeSchedule> eras_fee_schedule(int season) { return fee_schedule(ApplicationService::Eras, season); }

RankListFee nrmp_rank_list_fee() {
  return {kNrmpIncludedRanks, kNrmpEachExtraRankCents,
          "NRMP match fees page (older table; the current base fee is uncertain): registration covers 20 "
          "ranked programs, $30 for each further one"};
}

std::int64_t nrmp_extra_ranks_cents(const RankListFee& fee, int ranks) {
  return ranks > fee.included_ranks ? fee.each_extra_cents * (ranks - fee.included_ranks) : 0;
}

std::int64_t program_fee_cents(const FeeSchedule& schedule, int n) {
  if (n < 1) return 0;
  for (const FeeBracket& b : schedule.brackets)
    if (n >= b.first && (!b.last || n <= *b.last)) return b.each_cents + (n == b.first ? b.flat_cents : 0);
  return 0;  // past a closed last bracket: not priced by the schedule
}

std::int64_t applications_fee_cents(const FeeSchedule& schedule, int count) {
  std::int64_t total = 0;
  for (const FeeBracket& b : schedule.brackets) {
    if (count < b.first) break;
    const int last = b.last ? std::min(*b.last, count) : count;
    total += b.flat_cents + b.each_cents * (last - b.first + 1);
  }
  return total;
}

FeeQuote quote_eras_fees(const FeeSchedule& schedule, const std::vector<int>& counts_per_specialty,
                         bool fee_assistance) {
  std::vector<int> groups;
  int all = 0;
  for (int c : counts_per_specialty) {
    if (c < 0) throw std::invalid_argument("a count of programs must be >= 0");
    all += c;
  }
  if (schedule.per_specialty)
    groups = counts_per_specialty;
  else
    groups = {all};

  FeeQuote q;
  q.applications = all;
  for (int c : groups) q.applications_cents += applications_fee_cents(schedule, c);
  if (fee_assistance && schedule.assistance && all > 0) {
    // The cheapest max_applications program fees get percent_off (see fees.h for why the cheapest).
    std::vector<std::int64_t> fees;
    for (int c : groups)
      for (int n = 1; n <= c; ++n) fees.push_back(program_fee_cents(schedule, n));
    const std::size_t k =
        std::min(fees.size(), static_cast<std::size_t>(std::max(0, schedule.assistance->max_applications)));
    std::partial_sort(fees.begin(), fees.begin() + static_cast<long>(k), fees.end());
    for (std::size_t i = 0; i < k; ++i)
      q.assistance_discount_cents += (fees[i] * schedule.assistance->percent_off + 50) / 100;
    q.assistance_applied = true;
  }
  q.transcript_cents = all > 0 ? schedule.transcript_cents : 0;
  q.total_cents = q.applications_cents - q.assistance_discount_cents + q.transcript_cents;
  return q;
}

}  // namespace openpick::core
