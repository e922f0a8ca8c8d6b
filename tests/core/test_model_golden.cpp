// The model over fixed inputs, compared bit for bit with tests/data/model_golden.txt (hex floats).
// The core suite also runs as wasm under Node, so this proves native and wasm agree exactly.
//
// Regenerate after an intended model change (then explain the change in the commit):
//   OPENPICK_REGEN_GOLDEN=1 ./core_model_golden
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "openpick/core/calibration.h"
#include "openpick/core/model.h"

using namespace openpick::core;

namespace {

const std::string kGoldenPath = std::string(OPENPICK_TEST_DATA_DIR) + "/model_golden.txt";

std::vector<Profile> fixed_profiles() {
  std::vector<Profile> out;
  Profile p;
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::J1;
  p.step2ck.score = 221;
  p.step1.attempts = 2;
  p.match_year = 2026;
  p.graduation_year = 2019;
  p.usce_months = {3.0, 2.0};
  p.us_letters = 2;
  p.preferred_states = {"MS", "AR"};
  out.push_back(p);  // 0: the brief's applicant: low score, an attempt, older graduate, Delta ties
  p = Profile{};
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::H1b;
  p.step2ck.score = 252;
  p.step3_passed = true;
  p.match_year = 2026;
  p.graduation_year = 2024;
  p.usce_months = {6.0, 0.0};
  p.us_letters = 4;
  out.push_back(p);  // 1: strong H-1B applicant
  p = Profile{};
  p.graduate_type = GraduateType::UsImg;
  p.step2ck.score = 238;
  p.match_year = 2026;
  p.graduation_year = 2023;
  p.us_letters = 3;
  p.usce_months = {1.5, 0.0};
  out.push_back(p);  // 2: US-citizen IMG
  p = Profile{};
  p.graduate_type = GraduateType::UsMd;
  p.step2ck.score = 245;
  p.match_year = 2026;
  p.graduation_year = 2026;
  out.push_back(p);  // 3: US MD senior
  p = Profile{};
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::J1OrH1b;
  p.match_year = 2026;
  p.graduation_year = 2014;  // score not given
  out.push_back(p);  // 4: unknown score, 12 years out
  return out;
}

std::vector<Program> fixed_programs() {
  ReferenceSpecialty im = reference_specialties().at(0);
  im.programs = 12;
  std::vector<Program> out = make_reference_programs(im, 77);
  ReferenceSpecialty fm = reference_specialties().at(1);
  fm.programs = 6;
  for (auto& p : make_reference_programs(fm, 78)) out.push_back(p);
  Program path;  // an uncalibrated specialty, nothing stated
  path.specialty = "Pathology";
  out.push_back(path);
  return out;
}

// Every number the golden file pins, in a fixed order with a readable key.
std::vector<std::pair<std::string, double>> compute() {
  std::vector<std::pair<std::string, double>> out;
  const Model model;
  for (std::size_t k = 0; k < model.nodes().size(); k += 5) {
    out.emplace_back("node." + std::to_string(k), model.nodes()[k]);
    out.emplace_back("weight." + std::to_string(k), model.weights()[k]);
  }
  const auto profiles = fixed_profiles();
  const auto programs = fixed_programs();
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    std::vector<ProgramLogits> list;
    for (std::size_t j = 0; j < programs.size(); ++j) {
      const ProgramChance c = model.score(profiles[i], programs[j], {j % 3 == 0, true});
      const std::string key = "p" + std::to_string(i) + ".prog" + std::to_string(j);
      out.emplace_back(key + ".logit", c.logits.reachable ? c.logits.interview : 0.0);
      out.emplace_back(key + ".p_interview", c.p_interview);
      out.emplace_back(key + ".p_match", c.p_match);
      list.push_back(c.logits);
    }
    const ListOutcome o = model.evaluate_list(list);
    const std::string key = "p" + std::to_string(i) + ".list";
    out.emplace_back(key + ".p_match", o.p_match);
    out.emplace_back(key + ".p_interview_any", o.p_interview_any);
    out.emplace_back(key + ".expected_interviews", o.expected_interviews);
    for (std::size_t j = 0; j < o.p_match_at.size(); j += 4)
      out.emplace_back(key + ".p_match_at." + std::to_string(j), o.p_match_at[j]);
    const Model pessimistic(params_at(default_model_params(), AssumptionEnd::Pessimistic));
    std::vector<ProgramLogits> low;
    for (const auto& p : programs) low.push_back(pessimistic.score(profiles[i], p, {false, false}).logits);
    out.emplace_back(key + ".pessimistic_p_match", pessimistic.evaluate_list(low).p_match);
  }
  return out;
}

}  // namespace

TEST(ModelGolden, MatchesTheStoredValuesBitForBit) {
  const auto values = compute();
  ASSERT_GT(values.size(), 300u);
  if (std::getenv("OPENPICK_REGEN_GOLDEN") != nullptr) {
    std::ofstream f(kGoldenPath);
    f << "# OpenPick model golden values: key hexfloat (decimal). Regenerate with OPENPICK_REGEN_GOLDEN=1.\n";
    for (const auto& [key, v] : values) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "%s %a %.17g\n", key.c_str(), v, v);
      f << buf;
    }
    ASSERT_TRUE(f.good()) << "could not write " << kGoldenPath;
  }
  std::ifstream f(kGoldenPath);
  ASSERT_TRUE(f.good()) << "missing " << kGoldenPath;
  std::map<std::string, double> golden;
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    std::string key, hex;
    in >> key >> hex;
    golden[key] = std::strtod(hex.c_str(), nullptr);
  }
  ASSERT_EQ(golden.size(), values.size());
  int differ = 0;
  for (const auto& [key, v] : values) {
    ASSERT_EQ(golden.count(key), 1u) << key;
    // Exact: the model uses only IEEE-exact operations (det_math.h), so native and wasm agree.
    if (golden[key] != v) {
      ++differ;
      ADD_FAILURE() << key << ": got " << v << " (" << std::hexfloat << v << "), golden " << golden[key];
    }
  }
  EXPECT_EQ(differ, 0);
}

TEST(ModelGolden, ValuesAreMeaningful) {
  // Guard against a golden file of zeros: the fixed inputs span low to high chances.
  double lo = 1.0, hi = 0.0;
  for (const auto& [key, v] : compute())
    if (key.find(".list.p_match") != std::string::npos) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  EXPECT_LT(lo, 0.5);
  EXPECT_GT(hi, 0.9);
}
