// The plan's fees (private to the planner): each application service's schedule, programs counted
// per service and specialty, and the marginal fee the greedy and the match-value rule weigh.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "openpick/core/fees.h"
#include "openpick/core/program.h"

namespace openpick::core::detail {

// The fee schedules (one per application service), and the marginal cost of one more program in
// a counting group (a service and a specialty, or a service's one pooled group for a schedule that
// does not count per specialty). Groups are small integers so the greedy loop does no string work.
class Fees {
 public:
  Fees(int season, bool assistance) : assistance_(assistance) {
    auto eras = eras_fee_schedule(season);
    if (!eras) throw std::invalid_argument("no ERAS fee schedule for season " + std::to_string(season));
    schedules_.push_back(*eras);
    // A season with no ResidencyCAS schedule prices its programs as ERAS did then (fees.h).
    auto cas = fee_schedule(ApplicationService::ResidencyCas, season);
    cas_priced_as_eras_ = !cas.has_value();
    schedules_.push_back(cas ? *cas : *eras);  // unused when cas_priced_as_eras_
  }
  int group_of(const Program& p) {
    // A season with no ResidencyCAS schedule counts those programs with ERAS's (they applied
    // through ERAS then).
    const std::size_t service =
        application_service_of(p) == ApplicationService::ResidencyCas && !cas_priced_as_eras_ ? 1 : 0;
    const std::string key = schedules_[service].per_specialty ? p.specialty : std::string();
    for (std::size_t g = 0; g < groups_.size(); ++g)
      if (service_of_[g] == service && groups_[g] == key) return static_cast<int>(g);
    groups_.push_back(key);
    service_of_.push_back(service);
    return static_cast<int>(groups_.size() - 1);
  }
  std::vector<int> empty_counts() const { return std::vector<int>(groups_.size(), 0); }
  // The fees of each service used, in service order (ERAS, then ResidencyCAS).
  std::vector<ServiceCost> by_service(const std::vector<int>& counts) const {
    std::vector<ServiceCost> out;
    for (std::size_t service = 0; service < schedules_.size(); ++service) {
      std::vector<int> mine;
      for (std::size_t g = 0; g < groups_.size(); ++g)
        if (service_of_[g] == service) mine.push_back(counts[g]);
      int total = 0;
      for (int n : mine) total += n;
      if (total == 0) continue;
      const FeeQuote q = quote_eras_fees(schedules_[service], mine, assistance_);
      ServiceCost c;
      c.service = service == 1 ? ApplicationService::ResidencyCas : ApplicationService::Eras;
      c.season = schedules_[service].season;
      c.applications = total;
      c.applications_usd = cents_to_usd(q.applications_cents);
      c.assistance_discount_usd = cents_to_usd(q.assistance_discount_cents);
      c.transcript_usd = cents_to_usd(q.transcript_cents);
      c.cost_usd = cents_to_usd(q.total_cents);
      c.source = schedules_[service].source;
      if (service == 0 && cas_priced_as_eras_)
        c.source += "; this season has no ResidencyCAS schedule: Emergency Medicine and OB/GYN are counted here";
      out.push_back(std::move(c));
    }
    return out;
  }
  // The same total, without the words (the greedy asks after every program under a budget).
  double cost_usd(const std::vector<int>& counts) const {
    std::int64_t cents = 0;
    std::vector<int> mine;
    for (std::size_t service = 0; service < schedules_.size(); ++service) {
      mine.clear();
      int total = 0;
      for (std::size_t g = 0; g < groups_.size(); ++g)
        if (service_of_[g] == service) {
          mine.push_back(counts[g]);
          total += counts[g];
        }
      if (total > 0) cents += quote_eras_fees(schedules_[service], mine, assistance_).total_cents;
    }
    return cents_to_usd(cents);
  }
  // What the match-value rule and the per-dollar greedy weigh for one more program in `group`: the
  // program's own fee, with a bracket's flat fee spread over the programs it covers
  // (ResidencyCAS's $99 for programs 1-18 counts $5.50 for each: weighing all $99 against the
  // first program alone would stop a list that the next 17 programs, free once it is paid, make
  // worth it). Neither the transcript fee, paid once whatever the length, nor fee assistance (a
  // discount on some programs only) enters. It never falls as a group grows.
  double rule_fee_usd(const std::vector<int>& counts, int group) const {
    const FeeSchedule& schedule = schedules_[service_of_[static_cast<std::size_t>(group)]];
    const int n = counts[static_cast<std::size_t>(group)] + 1;
    for (const FeeBracket& b : schedule.brackets) {
      if (n < b.first || (b.last && n > *b.last)) continue;
      const double spread =
          b.last ? static_cast<double>(b.flat_cents) / (*b.last - b.first + 1) : static_cast<double>(b.flat_cents);
      return (static_cast<double>(b.each_cents) + spread) / 100.0;
    }
    return 0.0;
  }

 private:
  std::vector<FeeSchedule> schedules_;  // [0] ERAS, [1] ResidencyCAS
  bool cas_priced_as_eras_ = false;
  bool assistance_;
  std::vector<std::string> groups_;
  std::vector<std::size_t> service_of_;
};

}  // namespace openpick::core::detail
