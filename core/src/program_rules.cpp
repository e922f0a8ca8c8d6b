// The ranges of a program's numbers (program_rules.h).
#include "openpick/core/program_rules.h"

#include <cstdio>
#include <optional>

namespace openpick::core {

namespace {

// Where each fact with a range lives in a Program: the one mapping from field to value.
struct WholeNumberValue {
  const WholeNumberFact* fact;
  const std::optional<int>& (*value)(const Program&);
};
const WholeNumberValue kWholeNumbers[] = {
    {&kPositionsFact, [](const Program& p) -> const std::optional<int>& { return p.positions; }},
    {&kStep2ckMinFact, [](const Program& p) -> const std::optional<int>& { return p.cutoffs.step2ck_min; }},
    {&kMaxYearsSinceGraduationFact,
     [](const Program& p) -> const std::optional<int>& { return p.cutoffs.max_years_since_graduation; }},
    {&kMaxAttemptsFact, [](const Program& p) -> const std::optional<int>& { return p.cutoffs.max_attempts; }},
};

struct ShareValue {
  const ShareFact* fact;
  const std::optional<double>& (*value)(const Program&);
};
const ShareValue kShares[] = {
    {&kImgShareFact, [](const Program& p) -> const std::optional<double>& { return p.img_share; }},
    {&kImgShareNonUsFact, [](const Program& p) -> const std::optional<double>& { return p.img_share_non_us; }},
};

// Up to four significant digits, no trailing zeros: 1.5, 0.455, 150.
std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

const WholeNumberFact* whole_number_fact(std::string_view field) {
  for (const auto& w : kWholeNumbers)
    if (w.fact->field == field) return w.fact;
  return nullptr;
}

const ShareFact* share_fact(std::string_view field) {
  for (const auto& s : kShares)
    if (s.fact->field == field) return s.fact;
  return nullptr;
}

std::string check_research_fact(const Program& program, std::string_view field) {
  for (const auto& w : kWholeNumbers) {
    if (w.fact->field != field) continue;
    const std::optional<int>& v = w.value(program);
    if (!v || in_range(w.fact->range, *v)) return {};
    return std::string(w.fact->what) + " is a whole number from " + std::to_string(w.fact->range.min) + " to " +
           std::to_string(w.fact->range.max) + ", not " + std::to_string(*v);
  }
  for (const auto& s : kShares) {
    if (s.fact->field != field) continue;
    const std::optional<double>& v = s.value(program);
    if (!v || in_range(kShareRange, *v)) return {};
    return std::string(s.fact->what) + " is from " + short_number(kShareRange.min) + " to " +
           short_number(kShareRange.max) + " (0 to 100%), not " + short_number(*v) + " (" + short_number(*v * 100.0) +
           "%)";
  }
  return {};
}

}  // namespace openpick::core
