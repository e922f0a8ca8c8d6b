// The model over fixed inputs, compared bit for bit with tests/data/model_golden.txt (hex floats).
// The core suite also runs as wasm under Node, so this proves native and wasm agree exactly.
//
// Regenerate after an intended model change (then explain the change in the commit):
//   OPENPICK_REGEN_GOLDEN=1 ./core_model_golden
// A golden file cannot vouch for itself: regenerating writes the file and FAILS the run (review the
// diff, then run again without the variable), and under CI (CI set) it is refused outright. The
// numbers' correctness is checked elsewhere (core_model_oracle, core_model_terms); this file pins
// them bit for bit so native and wasm, and one commit and the next, agree.
//
// The inputs reach programs where every term applies: handmade programs cover each setting, the
// Deep South, rural, stated and unstated IMG shares and visa policies, signals refused; the
// profiles cover every graduate type and visa need and every cap (ValuesAreMeaningful checks it).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "openpick/core/calibration.h"
#include "openpick/core/model.h"
#include "test_support.h"

using namespace openpick::core;

namespace {

const std::string kGoldenPath = openpick::testing::data_path("model_golden.txt");

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
  out.push_back(p);          // 4: unknown score, 12 years out
  p = Profile{};
  p.graduate_type = GraduateType::UsDo;
  p.step2ck.score = 232;
  p.match_year = 2026;
  p.graduation_year = 2026;
  p.preferred_states = {"NY", "OH"};
  out.push_back(p);  // 5: US DO senior with state ties
  p = Profile{};
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::H1b;  // Step 3 not passed
  p.step2ck = {262, 2};
  p.match_year = 2026;
  p.graduation_year = 2022;
  p.usce_months = {14.0, 8.0};  // both beyond their caps
  p.us_letters = 6;             // beyond the cap
  p.preferred_states = {"TN", "GA"};
  out.push_back(p);  // 6: high score, an attempt, H-1B without Step 3, every cap reached
  p = Profile{};
  p.graduate_type = GraduateType::NonUsImg;
  p.visa = VisaNeed::J1OrH1b;
  p.step2ck.score = 236;
  p.step3_passed = true;
  p.match_year = 2026;
  p.graduation_year = 2023;
  p.usce_months = {0.0, 3.0};  // observerships only
  p.us_letters = 0;
  out.push_back(p);  // 7: either visa, no hands-on USCE, no US letters
  return out;
}

std::vector<Program> fixed_programs() {
  ReferenceSpecialty im = reference_specialties().at(0);
  im.programs = 12;
  std::vector<Program> out = make_reference_programs(im, 77);
  ReferenceSpecialty fm = reference_specialties().at(1);
  fm.programs = 6;
  for (auto& p : make_reference_programs(fm, 78)) out.push_back(p);
  // Stated cutoffs and visa refusals exclude most of these for most profiles, and a pinned zero
  // pins little: the first four keep theirs (exclusions stay pinned), the rest are reachable.
  for (std::size_t i = 4; i < out.size(); ++i) {
    out[i].cutoffs = Cutoffs{};
    if (out[i].visa.j1 == false) out[i].visa.j1.reset();
    if (out[i].visa.h1b == false) out[i].visa.h1b.reset();
  }
  Program path;  // an uncalibrated specialty, nothing stated
  path.specialty = "Pathology";
  out.push_back(path);
  // Handmade: no cutoffs, so every profile reaches them, and together they make every term apply.
  auto handmade = [&](const char* specialty, const char* state, std::optional<Setting> setting,
                      std::optional<double> share, std::optional<bool> j1, std::optional<bool> h1b,
                      std::optional<bool> rural, std::optional<bool> signals) {
    Program p;
    p.id = "H" + std::to_string(out.size());
    p.specialty = specialty;
    p.state = state;
    p.setting = setting;
    p.img_share = share;
    p.visa.j1 = j1;
    p.visa.h1b = h1b;
    p.rural = rural;
    p.accepts_signals = signals;
    out.push_back(p);
  };
  handmade("Internal Medicine", "MS", Setting::Community, 0.60, true, true, true, true);
  handmade("Family Medicine", "AL", Setting::University, std::nullopt, std::nullopt, std::nullopt, std::nullopt, false);
  handmade("Internal Medicine", "NY", Setting::UniversityAffiliated, 0.10, true, std::nullopt, false, std::nullopt);
  handmade("Psychiatry", "TN", Setting::Community, 0.30, std::nullopt, true, true, true);
  handmade("Pediatrics", "OH", std::nullopt, 0.25, true, true, false, true);
  handmade("Neurology", "GA", Setting::University, 0.50, true, true, std::nullopt, true);
  // A non-US IMG share beside the share of all IMGs, and two flexible cutoffs most profiles miss.
  handmade("Internal Medicine", "LA", Setting::Community, 0.55, true, true, false, true);
  out.back().img_share_non_us = 0.40;
  out.back().cutoffs.step2ck_min = 245;
  out.back().cutoffs.max_years_since_graduation = 2;
  out.back().cutoffs.strict.step2ck_min = false;
  out.back().cutoffs.strict.max_years_since_graduation = false;
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
  const char* regen = std::getenv("OPENPICK_REGEN_GOLDEN");
  if (regen != nullptr && *regen != '\0' && std::string(regen) != "0") {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && *ci != '\0' && std::string(ci) != "false" && std::string(ci) != "0")
      FAIL() << "CI=" << ci << ": refusing to regenerate " << kGoldenPath
             << " (regenerate on your machine, review the diff, commit it with the reason)";
    std::ofstream f(kGoldenPath);
    f << "# OpenPick model golden values: key hexfloat (decimal). Regenerate with OPENPICK_REGEN_GOLDEN=1.\n";
    for (const auto& [key, v] : values) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "%s %a %.17g\n", key.c_str(), v, v);
      f << buf;
    }
    ASSERT_TRUE(f.good()) << "could not write " << kGoldenPath;
    f.close();
    FAIL() << "regenerated " << kGoldenPath << " (" << values.size()
           << " values): review `git diff tests/data/model_golden.txt`, explain the change in the commit, "
              "and run again without OPENPICK_REGEN_GOLDEN";
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

TEST(ModelGolden, MostValuesAreNotZero) {
  // A pinned zero pins little: most inputs must be reachable. (Before the handmade programs and
  // profiles, 115 of 344 values were 0.)
  int zeros = 0, total = 0;
  for (const auto& [key, v] : compute()) {
    ++total;
    zeros += v == 0.0;
  }
  EXPECT_LT(zeros * 5, total) << zeros << " of " << total << " golden values are 0";
}

TEST(ModelGolden, EveryTermApplies) {
  // Over the golden inputs, every documented term of the interview logit is some program's term.
  const Model model;
  std::set<std::string> seen;
  const char* kTerms[] = {"this program's level",
                          "Step 2 CK score not given",
                          "US DO graduate",
                          "US MD graduate",
                          "US-citizen IMG",
                          "% of its residents are IMGs",
                          "program states no IMG share",
                          "community program",
                          "university program",
                          "needs a J-1 visa",
                          "needs an H-1B visa",
                          "needs a J-1 or H-1B visa",
                          "program states no visa policy",
                          "program states no H-1B policy",
                          "program states no J-1 policy",
                          "Step 3 passed",
                          "Step 3 not passed",
                          "attempts on a USMLE Step",
                          "since graduation",
                          "of hands-on US clinical experience",
                          "no hands-on US clinical experience",
                          "of observership",
                          "of recommendation",
                          "no US letters of recommendation",
                          "a state you prefer",
                          "Deep South program",
                          "rural or underserved program",
                          "program signal sent",
                          "program does not accept signals",
                          "no calibration for Pathology"};
  for (const Profile& p : fixed_profiles())
    for (const Program& prog : fixed_programs())
      for (bool signal : {false, true})
        for (const Term& t : model.score(p, prog, {signal, true}).terms)
          for (const char* term : kTerms)
            if (t.text.find(term) != std::string::npos) seen.insert(term);
  for (const char* term : kTerms) EXPECT_TRUE(seen.count(term)) << "no golden input has the term '" << term << "'";
}
