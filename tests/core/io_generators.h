// Random but legal profiles and datasets for the round-trip properties and the import benchmark.
// Every draw comes from test_support.h's seeded Draw, so native and wasm runs see the same documents.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "openpick/core/profile.h"
#include "openpick/core/program.h"
#include "test_support.h"

namespace openpick::testing {

// Draw: test_support.h.

inline const std::vector<std::string>& state_codes() {
  static const std::vector<std::string> kCodes = {"AL", "AR", "AZ", "CA", "CO", "CT", "DC", "FL", "GA", "IL",
                                                  "IN", "KY", "LA", "MA", "MD", "MI", "MN", "MO", "MS", "NC",
                                                  "NJ", "NY", "OH", "PA", "PR", "SC", "TN", "TX", "VA", "WV"};
  return kCodes;
}

inline core::Profile random_profile(Draw& d) {
  using namespace core;
  Profile p;
  p.graduate_type = static_cast<GraduateType>(d.below(4));
  p.visa = static_cast<VisaNeed>(d.below(4));
  p.step1.result = static_cast<ExamResult>(d.below(3));
  p.step1.attempts = p.step1.result == ExamResult::NotTaken ? 0 : d.between(1, 6);
  if (d.percent(70)) {
    p.step2ck.score = d.between(1, 300);
    p.step2ck.attempts = d.between(1, 6);
  } else {
    p.step2ck.score.reset();
    p.step2ck.attempts = d.between(0, 6);
  }
  p.step3_passed = d.percent(30);
  p.ecfmg_certified = d.maybe_bool();
  p.graduation_year = d.between(1950, 2100);
  p.match_year = d.between(1950, 2100);
  p.usce_months.hands_on = d.between(0, 1200) / 10.0;
  p.usce_months.observership = d.between(0, 240) / 2.0;
  p.us_letters = d.between(0, 20);
  p.research_items = d.between(0, 1000);
  const std::vector<std::string> specialties = {"Internal Medicine", "Family Medicine", "Pediatrics",
                                                "Psychiatry",        "Neurology",       "Pathology"};
  for (const auto& s : specialties)
    if (d.percent(40))
      p.specialties.push_back({s + (d.percent(20) ? " " + d.text(true) : ""), d.between(1, 100) / 100.0});
  for (const auto& code : state_codes())
    if (d.percent(10)) p.preferred_states.push_back(code);
  if (d.percent(70)) p.budget_usd = d.between(0, 2000000) / 100.0;
  return p;
}

inline core::Program random_program(Draw& d, int index, bool tricky) {
  using namespace core;
  static const std::vector<std::string> kFacts = {"visa.j1",   "visa.h1b",  "cutoffs.step2ck_min",
                                                  "img_share", "positions", "*"};
  Program p;
  p.id = "SAMPLE-" + std::to_string(index) + (tricky && d.percent(10) ? "," + d.text(true) : "");
  p.name = "Sample " + d.text(tricky) + " Program";
  p.institution = d.percent(90) ? "Sample " + d.text(tricky) + " Hospital" : "";
  p.specialty = d.percent(60) ? "Internal Medicine" : d.text(tricky);
  p.track = static_cast<Track>(d.below(6));
  p.city = d.percent(90) ? d.text(tricky) : "";
  p.state = d.pick(state_codes());
  if (d.percent(80)) p.setting = static_cast<Setting>(d.below(3));
  p.positions = d.maybe(d.between(1, 500));
  p.img_share = d.maybe(d.between(0, 1000) / 1000.0);
  p.visa.j1 = d.maybe_bool();
  p.visa.h1b = d.maybe_bool();
  if (d.percent(25)) p.cutoffs.step2ck_min = d.between(180, 250);
  if (d.percent(25)) p.cutoffs.max_years_since_graduation = d.between(0, 60);
  if (d.percent(25)) p.cutoffs.max_attempts = d.between(1, 6);
  p.cutoffs.usce_required = d.maybe_bool();
  p.rural = d.maybe_bool();
  p.accepts_signals = d.maybe_bool();
  // Drawn after the older fields, so those keep their values for a given seed.
  if (p.img_share && d.percent(40))
    p.img_share_non_us = d.between(0, static_cast<int>(*p.img_share * 1000.0 + 0.5)) / 1000.0;
  // A stated cutoff is flexible now and then (strictness only means something for a stated one).
  core::CutoffStrictness& strict = p.cutoffs.strict;
  if (p.cutoffs.step2ck_min && d.percent(30)) strict.step2ck_min = false;
  if (p.cutoffs.max_years_since_graduation && d.percent(30)) strict.max_years_since_graduation = false;
  if (p.cutoffs.max_attempts && d.percent(30)) strict.max_attempts = false;
  if (p.cutoffs.usce_required && d.percent(30)) strict.usce_required = false;
  for (int k = d.between(0, 2); k > 0; --k)
    p.sources.push_back({d.pick(kFacts), "Sample source " + d.text(tricky), d.maybe(d.between(1990, 2030))});
  return p;
}

inline core::Dataset random_dataset(Draw& d, int programs, bool tricky) {
  core::Dataset ds;
  ds.name = "Sample dataset " + d.text(tricky);
  ds.version = d.percent(50) ? std::to_string(d.between(1, 9)) + "." + std::to_string(d.between(0, 9)) : "";
  ds.as_of = d.percent(80) ? std::to_string(d.between(2000, 2030)) + "-0" + std::to_string(d.between(1, 9)) : "";
  ds.source = d.percent(80) ? "generated " + d.text(tricky) : "";
  for (int i = 0; i < programs; ++i) ds.programs.push_back(random_program(d, i, tricky));
  return ds;
}

}  // namespace openpick::testing
