// libFuzzer target: planning over a fuzzed profile and dataset.
//
// Input: PROFILE_JSON, the separator line "%%%%", then the dataset (JSON, or a program CSV when
// it does not start with '{'). Both must import; then make_plan runs with what-if off, a short
// curve and at most kMaxPrograms programs, so one input stays well under a second, and the plan
// is exported to JSON and CSV. Properties: no crash, no sanitizer report, probabilities in [0, 1],
// every planned and excluded index inside the dataset.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "openpick/core/advice.h"
#include "openpick/core/io.h"
#include "openpick/core/model.h"
#include "openpick/core/planner.h"

using namespace openpick;

namespace {

constexpr std::string_view kSeparator = "\n%%%%\n";
constexpr std::size_t kMaxPrograms = 300;

bool is_probability(double p) { return std::isfinite(p) && p >= -1e-9 && p <= 1 + 1e-9; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = input.find(kSeparator);
  if (cut == std::string_view::npos) return 0;
  const std::string_view profile_text = input.substr(0, cut);
  const std::string_view dataset_text = input.substr(cut + kSeparator.size());

  auto profile = core::parse_profile_json(profile_text, "profile.json");
  if (!profile.ok()) return 0;
  const bool json = !dataset_text.empty() && dataset_text.front() == '{';
  auto dataset = json ? core::parse_dataset_json(dataset_text, "dataset.json")
                      : core::parse_programs_csv(dataset_text, "programs.csv");
  if (!dataset.ok()) return 0;
  if (dataset.value->programs.size() > kMaxPrograms) dataset.value->programs.resize(kMaxPrograms);

  static const core::Model model;  // built once: its tables do not depend on the input
  core::PlanOptions options;
  options.whatif = false;
  options.curve_length = 40;
  // The input size picks a budget shape, so count, dollar and open-ended plans are all reached.
  switch (size % 3) {
    case 0: options.max_applications = static_cast<int>(size % 41); break;
    case 1: options.budget_usd = static_cast<double>(size % 1500); break;
    default: break;
  }
  if (!dataset.value->programs.empty() && size % 5 == 0) {
    options.pinned_ids.push_back(dataset.value->programs.front().id);
    options.excluded_ids.push_back(dataset.value->programs.back().id);
  }
  const core::Plan plan = core::make_plan(*profile.value, *dataset.value, options, model);

  const std::size_t n = dataset.value->programs.size();
  for (double p : {plan.p_match, plan.p_match_low, plan.p_match_high, plan.p_interview_any})
    if (!is_probability(p)) fuzz::fail("plan probability out of [0, 1]", std::to_string(p));
  if (!std::isfinite(plan.cost_usd) || plan.cost_usd < 0) fuzz::fail("plan cost", std::to_string(plan.cost_usd));
  for (const auto& p : plan.programs) {
    if (p.index >= n) fuzz::fail("planned index outside the dataset");
    if (!is_probability(p.p_interview) || !is_probability(p.p_match) || !is_probability(p.p_match_here))
      fuzz::fail("program probability out of [0, 1]", p.id);
  }
  for (const auto& e : plan.excluded)
    if (e.index >= n) fuzz::fail("excluded index outside the dataset");
  for (const auto& c : plan.curve)
    if (!is_probability(c.p_match)) fuzz::fail("curve probability out of [0, 1]");

  const auto advice = core::advise(*profile.value, &plan);
  (void)core::plan_to_json(plan, *dataset.value, advice);
  (void)core::plan_to_csv(plan, *dataset.value);
  return 0;
}
