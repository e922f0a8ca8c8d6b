// `openpick plan` on a small handmade list, every number worked out here from the documented
// formulas (docs/MODEL.md sections 2-3, docs/PLANNER.md), not copied from the program's output:
//
//   interview logit  = a_s + the documented terms (values read from default_model_params())
//   P(interview | z) = logistic(logit + sigma_I z),   P(match here | z) = that x
//                      logistic(m_s + shift + lambda (logit - a_s) + sigma_M z)   (the rank stage)
//   the order        = greedy on expected utility (IM weight 1, FM 0.5), each program with its signal
//   signals          = Internal Medicine's gold signals on the listed programs that accept them
//   rank order       = true preference (utility, then application order)
//   chance here      = E_z[ prod over programs ranked above (1 - q_j(z)) x q_i(z) ]
//   tier             = likely from 30% interview chance, target from 10%, reach below
//   cost             = $11 per program per specialty (first 30) + the USMLE transcript fee
//
// The integrals over z are Simpson's rule on a fine grid, apart from the model's Gauss-Hermite
// quadrature, so an error in the quadrature, the terms, the order, the signals or the rank order
// shows as a difference far above the 1e-7 tolerance.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "openpick/core/fees.h"
#include "openpick/core/model.h"

using namespace openpick::core;
using nlohmann::json;

namespace {

const ModelParams P = default_model_params();

const SpecialtyParams& specialty(const std::string& name) {
  for (const auto& s : P.specialties)
    if (s.name == name) return s;
  throw std::runtime_error("no constants for " + name);
}

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// E[f(Z)], Z ~ N(0, 1): Simpson's rule over [-12, 12] (the tails beyond hold < 1e-32).
double expect_over_z(const std::function<double(double)>& f) {
  const int n = 6000;
  const double a = -12.0, h = 24.0 / n;
  double sum = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double z = a + h * i;
    const double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    sum += w * std::exp(-0.5 * z * z) * f(z);
  }
  return sum * h / 3.0 / std::sqrt(2.0 * M_PI);
}

struct Hand {
  std::string id;
  double utility;
  double logit;               // interview logit at z = 0, unsignalled
  const SpecialtyParams* sp;  // a_s and m_s
  double p_interview(double signal) const {
    return expect_over_z([&](double z) { return logistic(logit + signal + P.sigma_interview * z); });
  }
  double q(double z, double signal) const {
    const double t = logit - sp->interview_intercept;  // the terms the program reads again when it ranks
    return logistic(logit + signal + P.sigma_interview * z) *
           logistic(sp->match_given_interview + P.match_given_interview_shift + P.rank_stage_weight * t +
                    P.sigma_match * z);
  }
};

// Expected utility of `list` (with each program's signal), ranked in true preference order.
double expected_utility(std::vector<std::pair<Hand, double>> list) {
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.first.utility > b.first.utility; });
  return expect_over_z([&](double z) {
    double none = 1.0, eu = 0.0;
    for (const auto& [h, signal] : list) {
      eu += h.utility * none * h.q(z, signal);
      none *= 1.0 - h.q(z, signal);
    }
    return eu;
  });
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  EXPECT_EQ(pclose(pipe), 0) << command;
  return out;
}

}  // namespace

TEST(CliPlanNumbers, SmallHandmadeListMatchesTheDocumentedFormulas) {
  const std::string dir = OPENPICK_WORK_DIR;
  std::system(("mkdir -p '" + dir + "'").c_str());
  const std::string profile_path = dir + "/profile.json", programs_path = dir + "/programs.json";
  // A non-US IMG needing a J-1: Step 2 CK 240, one attempt, 2 years out (free), 3 months hands-on
  // USCE, no observership, 2 US letters, Mississippi preferred; IM weight 1, FM 0.5.
  std::ofstream(profile_path) << R"({"schema_version": 1, "graduate_type": "non_us_img", "visa": "j1",
    "step1": {"result": "pass", "attempts": 1}, "step2ck": {"score": 240, "attempts": 1},
    "step3_passed": false, "ecfmg_certified": true, "graduation_year": 2024, "match_year": 2026,
    "usce_months": {"hands_on": 3, "observership": 0}, "us_letters": 2, "research_items": 0,
    "specialties": [{"name": "Internal Medicine", "weight": 1}, {"name": "Family Medicine", "weight": 0.5}],
    "preferred_states": ["MS"]})";
  auto program = [](const char* id, const char* specialty, const char* state, const char* setting, const char* share,
                    const char* j1, const char* rural, const char* signals) {
    return std::string(R"({"id": ")") + id + R"(", "name": ")" + id + R"( program", "institution": "Hand",
      "specialty": ")" +
           specialty + R"(", "track": "categorical", "city": "Town", "state": ")" + state + R"(", "setting": )" +
           setting + R"(, "positions": 6, "img_share": )" + share + R"(,
      "visa": {"j1": )" +
           j1 + R"(, "h1b": null}, "cutoffs": {"step2ck_min": null,
      "max_years_since_graduation": null, "max_attempts": null, "usce_required": null},
      "rural": )" +
           rural + R"(, "accepts_signals": )" + signals + "}";
  };
  std::ofstream(programs_path)
      << R"({"schema_version": 1, "name": "handmade", "version": "1", "as_of": "2026-01",
    "source": "tests/cli/test_plan_numbers.cpp", "programs": [)"
      << program("HA", "Internal Medicine", "MS", "\"community\"", "0.5", "true", "true", "true") << ","
      << program("HB", "Internal Medicine", "NY", "\"university\"", "0.2", "true", "false", "false") << ","
      << program("HC", "Internal Medicine", "OH", "\"university_affiliated\"", "null", "null", "null", "null") << ","
      << program("HD", "Internal Medicine", "CA", "\"community\"", "0.4", "false", "false", "true") << ","
      << program("HE", "Family Medicine", "LA", "\"community\"", "0.3", "true", "false", "false") << "]}";

  // The interview logits by hand, term by term (docs/MODEL.md's table).
  const SpecialtyParams& im = specialty("Internal Medicine");
  const SpecialtyParams& fm = specialty("Family Medicine");
  const double applicant = P.visa_j1 + 3 * P.per_month_hands_on + 2 * P.per_us_letter;  // every program
  const Hand a{"HA", 1.0,
               im.interview_intercept + im.score_slope * (240 - (im.score_reference + P.level_community)) / 10 +
                   P.img_share_slope * (0.5 - im.typical_img_share / P.non_us_part_of_img_share) + P.community_setting +
                   applicant + P.preferred_state + P.deep_south + P.rural_underserved,
               &im};
  const Hand b{"HB", 1.0,
               im.interview_intercept + im.score_slope * (240 - (im.score_reference + P.level_university)) / 10 +
                   P.img_share_slope * (0.2 - im.typical_img_share / P.non_us_part_of_img_share) +
                   P.university_setting + applicant,
               &im};
  const Hand c{"HC", 1.0,
               im.interview_intercept + im.score_slope * (240 - im.score_reference) / 10 + P.unknown_img_share +
                   applicant + P.visa_unknown_policy,
               &im};
  const Hand e{"HE", 0.5,
               fm.interview_intercept + fm.score_slope * (240 - (fm.score_reference + P.level_community)) / 10 +
                   P.img_share_slope * (0.3 - fm.typical_img_share / P.non_us_part_of_img_share) + P.community_setting +
                   applicant + P.deep_south,
               &fm};
  // HD does not accept J-1: excluded.

  // Signals: IM has 3 gold signals; HA and HC accept them (HC states nothing: counted as accepting),
  // HB and HE do not. Each gold signal adds P.signal_img (an IMG) to the interview logit.
  auto signal_of = [](const Hand& h) { return h.id == "HA" || h.id == "HC" ? P.signal_img : 0.0; };
  // The greedy order by hand: the largest gain in expected utility at each step, each program with
  // the best signal it can still get (docs/PLANNER.md: signals are chosen with the list). IM's
  // 3 gold signals outnumber the 2 IM programs that accept one, so each gets a gold one.
  std::vector<Hand> left = {a, b, c, e}, order;
  std::vector<std::pair<Hand, double>> chosen;
  while (!left.empty()) {
    const double now = expected_utility(chosen);
    std::size_t best = 0;
    double best_gain = -1.0;
    for (std::size_t i = 0; i < left.size(); ++i) {
      auto with = chosen;
      with.push_back({left[i], signal_of(left[i])});
      const double gain = expected_utility(with) - now;
      if (gain > best_gain) {
        best_gain = gain;
        best = i;
      }
    }
    order.push_back(left[best]);
    chosen.push_back({left[best], signal_of(left[best])});
    left.erase(left.begin() + static_cast<long>(best));
  }

  const std::string out = run("'" + std::string(OPENPICK_CLI) + "' plan --profile '" + profile_path + "' --programs '" +
                              programs_path + "' --max-applications 4 --no-whatif");
  const json plan = json::parse(out);
  ASSERT_EQ(plan["programs"].size(), 4u) << out;
  ASSERT_EQ(plan["excluded"].size(), 1u);
  EXPECT_EQ(plan["excluded"][0]["id"], "HD");
  EXPECT_NE(plan["excluded"][0]["reason"].get<std::string>().find("J-1"), std::string::npos);

  // Rank order: IM programs in application order, then FM.
  std::vector<std::pair<Hand, double>> ranked;
  for (const Hand& h : order) ranked.push_back({h, signal_of(h)});
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.first.utility > y.first.utility; });

  constexpr double kTol = 1e-7;
  double p_match = 0.0, expected_interviews = 0.0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Hand& h = order[i];
    const json& got = plan["programs"][i];
    ASSERT_EQ(got["id"], h.id) << "application order, position " << i;
    const double s = signal_of(h);
    EXPECT_EQ(got["signal"], s > 0 ? "gold" : "none") << h.id;
    const double pi = h.p_interview(s);
    const double pm = expect_over_z([&](double z) { return h.q(z, s); });
    EXPECT_NEAR(got["p_interview"].get<double>(), pi, kTol) << h.id;
    EXPECT_NEAR(got["p_match"].get<double>(), pm, kTol) << h.id;
    const std::string tier = pi >= 0.30 ? "likely" : pi >= 0.10 ? "target" : "reach";
    EXPECT_EQ(got["tier"], tier) << h.id << " p_interview " << pi;
    std::size_t r = 0;
    while (ranked[r].first.id != h.id) ++r;
    const double here = expect_over_z([&](double z) {
      double none = 1.0;
      for (std::size_t j = 0; j < r; ++j) none *= 1.0 - ranked[j].first.q(z, ranked[j].second);
      return none * h.q(z, s);
    });
    EXPECT_NEAR(got["p_match_here"].get<double>(), here, kTol) << h.id << " at rank " << r;
    p_match += here;
    expected_interviews += pi;
  }
  const double p_interview_any = 1.0 - expect_over_z([&](double z) {
                                   double none = 1.0;
                                   for (const auto& [h, s] : ranked)
                                     none *= 1.0 - logistic(h.logit + s + P.sigma_interview * z);
                                   return none;
                                 });
  EXPECT_NEAR(plan["p_match"].get<double>(), p_match, kTol);
  EXPECT_NEAR(plan["expected_interviews"].get<double>(), expected_interviews, kTol);
  EXPECT_NEAR(plan["p_interview_any"].get<double>(), p_interview_any, kTol);
  EXPECT_NEAR(plan["expected_utility"].get<double>(), expected_utility(ranked), kTol);
  // Fees: 3 IM + 1 FM programs at $11 each (each specialty counted apart), and the transcript fee.
  const double transcript = static_cast<double>(eras_fee_schedule(2026)->transcript_cents) / 100.0;
  EXPECT_DOUBLE_EQ(plan["cost_usd"].get<double>(), 4 * 11.0 + transcript);
  // The curve: P(match) after each application in application order, each with its signal.
  ASSERT_GE(plan["curve"].size(), 5u);
  std::vector<std::pair<Hand, double>> prefix;
  for (std::size_t n = 1; n <= 4; ++n) {
    prefix.push_back({order[n - 1], signal_of(order[n - 1])});
    const double p = expect_over_z([&](double z) {
      double none = 1.0;
      for (const auto& [h, s] : prefix) none *= 1.0 - h.q(z, s);
      return 1.0 - none;
    });
    EXPECT_NEAR(plan["curve"][n]["p_match"].get<double>(), p, kTol) << n << " applications";
  }
}
