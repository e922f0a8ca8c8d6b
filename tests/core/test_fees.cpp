#include <gtest/gtest.h>

#include <stdexcept>

#include "openpick/core/fees.h"

using namespace openpick::core;

namespace {
FeeSchedule season(int s) {
  auto r = eras_fee_schedule(s);
  EXPECT_TRUE(r.has_value()) << s;
  return r ? *r : FeeSchedule{};
}
}  // namespace

TEST(Fees, ShipsTheSeasonsOfFacts) {
  EXPECT_EQ(eras_fee_seasons(), (std::vector<int>{2024, 2026}));
  EXPECT_FALSE(eras_fee_schedule(2025).has_value());
  EXPECT_FALSE(season(2026).source.empty());
}

TEST(Fees, AamcExample2026) {
  // AAMC: 43 IM + 7 radiology = $797. That figure is application fees only: 30 x $11 + 13 x $30 for
  // IM and 7 x $11 for radiology. The $80 USMLE transcript fee comes on top.
  const FeeQuote q = quote_eras_fees(season(2026), {43, 7}, false);
  EXPECT_EQ(q.applications, 50);
  EXPECT_EQ(q.applications_cents, 79700);
  EXPECT_EQ(q.transcript_cents, 8000);
  EXPECT_EQ(q.total_cents, 87700);
  EXPECT_FALSE(q.assistance_applied);
}

TEST(Fees, BracketEdges2026) {
  const FeeSchedule s = season(2026);
  EXPECT_EQ(program_fee_cents(s, 1), 1100);
  EXPECT_EQ(program_fee_cents(s, 30), 1100);
  EXPECT_EQ(program_fee_cents(s, 31), 3000);
  EXPECT_EQ(program_fee_cents(s, 500), 3000);
  EXPECT_EQ(applications_fee_cents(s, 0), 0);
  EXPECT_EQ(applications_fee_cents(s, 30), 33000);
  EXPECT_EQ(applications_fee_cents(s, 31), 36000);
  // The count restarts per specialty: 30 + 30 is cheaper than 60 in one.
  EXPECT_EQ(quote_eras_fees(s, {30, 30}, false).applications_cents, 66000);
  EXPECT_EQ(quote_eras_fees(s, {60}, false).applications_cents, 33000 + 30 * 3000);
}

TEST(Fees, Schedule2024CountsAllProgramsTogether) {
  const FeeSchedule s = season(2024);
  EXPECT_EQ(applications_fee_cents(s, 1), 9900);  // the $99 covers up to 10
  EXPECT_EQ(applications_fee_cents(s, 10), 9900);
  EXPECT_EQ(applications_fee_cents(s, 11), 9900 + 1900);
  EXPECT_EQ(applications_fee_cents(s, 30), 9900 + 10 * 1900 + 10 * 2300);
  EXPECT_EQ(applications_fee_cents(s, 31), 9900 + 10 * 1900 + 10 * 2300 + 2700);
  EXPECT_EQ(program_fee_cents(s, 1), 9900);
  EXPECT_EQ(program_fee_cents(s, 2), 0);
  // 43 + 7 = 50 programs in one count: $99 + $190 + $230 + 20 x $27 = $1,059.
  EXPECT_EQ(quote_eras_fees(s, {43, 7}, false).applications_cents, 105900);
}

TEST(Fees, TotalsAreMonotoneAndMarginalsAddUp) {
  for (int y : eras_fee_seasons()) {
    const FeeSchedule s = season(y);
    std::int64_t sum = 0;
    for (int n = 1; n <= 120; ++n) {
      sum += program_fee_cents(s, n);
      ASSERT_EQ(applications_fee_cents(s, n), sum) << y << " n=" << n;
      ASSERT_GE(applications_fee_cents(s, n), applications_fee_cents(s, n - 1));
    }
  }
}

TEST(Fees, FeeAssistance2026) {
  const FeeSchedule s = season(2026);
  // 43 IM: every application discounted 60%: $720 - $432 = $288, plus the $80 transcript.
  FeeQuote q = quote_eras_fees(s, {43}, true);
  EXPECT_TRUE(q.assistance_applied);
  EXPECT_EQ(q.assistance_discount_cents, 43200);
  EXPECT_EQ(q.total_cents, 72000 - 43200 + 8000);
  // 43 IM + 20 FM = 63: the 50 cheapest are the 50 at $11 (30 IM + 20 FM): 50 x $6.60 off.
  q = quote_eras_fees(s, {43, 20}, true);
  EXPECT_EQ(q.assistance_discount_cents, 33000);
  EXPECT_EQ(q.applications_cents, 72000 + 22000);
  // No figures for 2024: nothing applied, and it says so.
  q = quote_eras_fees(season(2024), {20}, true);
  EXPECT_FALSE(q.assistance_applied);
  EXPECT_EQ(q.assistance_discount_cents, 0);
}

TEST(Fees, NoApplicationsCostNothingAndBadCountsThrow) {
  const FeeQuote q = quote_eras_fees(season(2026), {0, 0}, true);
  EXPECT_EQ(q.total_cents, 0);
  EXPECT_THROW(quote_eras_fees(season(2026), {3, -1}, false), std::invalid_argument);
  EXPECT_DOUBLE_EQ(cents_to_usd(79700), 797.0);
}

// ---- Application services -----------------------------------------------------------------------

TEST(Fees, ResidencyCas2026ByHand) {
  // ResidencyCAS (SAEM, CORD, 2025): $99 for programs 1-18, $18 each for 19-30, $23 each from the 31st.
  const auto s = fee_schedule(ApplicationService::ResidencyCas, 2026);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->service, ApplicationService::ResidencyCas);
  EXPECT_FALSE(s->source.empty());
  EXPECT_FALSE(s->assistance.has_value());    // AAMC's Fee Assistance Program is an ERAS programme
  EXPECT_EQ(program_fee_cents(*s, 1), 9900);  // the flat fee comes with the first program
  EXPECT_EQ(program_fee_cents(*s, 2), 0);
  EXPECT_EQ(program_fee_cents(*s, 18), 0);
  EXPECT_EQ(program_fee_cents(*s, 19), 1800);
  EXPECT_EQ(program_fee_cents(*s, 30), 1800);
  EXPECT_EQ(program_fee_cents(*s, 31), 2300);
  EXPECT_EQ(applications_fee_cents(*s, 1), 9900);
  EXPECT_EQ(applications_fee_cents(*s, 18), 9900);
  // The example: 20 EM applications = $99 + 2 x $18 = $135 (ERAS would charge 20 x $11 = $220;
  // the "$300" was the old planner's figure with the transcript fee).
  EXPECT_EQ(applications_fee_cents(*s, 20), 13500);
  EXPECT_EQ(applications_fee_cents(*s, 30), 9900 + 12 * 1800);             // $315
  EXPECT_EQ(applications_fee_cents(*s, 33), 9900 + 12 * 1800 + 3 * 2300);  // $384
  // Two specialties through the service (EM 20, OB/GYN 5), each counted from 1, one transcript fee.
  const FeeQuote q = quote_eras_fees(*s, {20, 5}, false);
  EXPECT_EQ(q.applications_cents, 13500 + 9900);
  EXPECT_EQ(q.total_cents, 13500 + 9900 + 8000);
  EXPECT_EQ(fee_seasons(ApplicationService::ResidencyCas), (std::vector<int>{2026}));
}

TEST(Fees, EveryProgramHasAnApplicationService) {
  EXPECT_STREQ(service_name(ApplicationService::Eras), "ERAS");
  EXPECT_STREQ(service_name(ApplicationService::ResidencyCas), "ResidencyCAS");
  EXPECT_EQ(service_for_specialty("Emergency Medicine"), ApplicationService::ResidencyCas);
  EXPECT_EQ(service_for_specialty("Obstetrics and Gynecology"), ApplicationService::ResidencyCas);
  EXPECT_EQ(service_for_specialty("Internal Medicine"), ApplicationService::Eras);
  EXPECT_EQ(service_for_specialty("Internal Medicine/Emergency Medicine"), ApplicationService::Eras);
  Program p;
  p.specialty = "Emergency Medicine";
  EXPECT_EQ(application_service_of(p), ApplicationService::ResidencyCas);
  p.application_service = ApplicationService::Eras;  // the program's own statement wins
  EXPECT_EQ(application_service_of(p), ApplicationService::Eras);
}

TEST(Fees, NrmpRanksBeyondTwenty) {
  // NRMP match fees page: registration covers 20 ranked programs; $30 for each further one.
  const RankListFee f = nrmp_rank_list_fee();
  EXPECT_EQ(f.included_ranks, 20);
  EXPECT_FALSE(f.source.empty());
  EXPECT_EQ(nrmp_extra_ranks_cents(f, 0), 0);
  EXPECT_EQ(nrmp_extra_ranks_cents(f, 20), 0);
  EXPECT_EQ(nrmp_extra_ranks_cents(f, 21), 3000);
  EXPECT_EQ(nrmp_extra_ranks_cents(f, 25), 15000);
}
