// The profile's rules: cross-field checks and the decisive facts (ranges and names are data in
// profile_rules.h).
#include "openpick/core/profile_rules.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "openpick/core/io.h"

namespace openpick::core {

namespace {

// The first character compared before the rest: the lists are state codes, and comparing two
// characters in place is much cheaper than a call to compare them (this runs for every program
// the planner scores).
template <std::size_t N>
bool in_list(const char* const (&list)[N], std::string_view s) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](const char* x) { return !s.empty() && x[0] == s[0] && s == std::string_view(x); });
}

// A number as a person writes it: 1500, 1500.5 (no trailing zeros, no exponent for money).
std::string number_text(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string specialty_field(std::size_t i, const char* member) {
  return "specialties[" + std::to_string(i) + "]." + member;
}

}  // namespace

Profile blank_profile() {
  Profile p;
  p.graduation_year = kBlankGraduationYear;
  p.match_year = kBlankMatchYear;
  p.unanswered.graduate_type = true;
  p.unanswered.visa = true;
  p.unanswered.step1 = true;
  p.unanswered.step2ck = true;
  p.step2ck.attempts = 0;  // placeholders until answered: not taken
  return p;
}

std::optional<YearMonth> read_year_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  YearMonth ym;
  ym.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  ym.month = (s[5] - '0') * 10 + (s[6] - '0');
  if (!in_range(kYearRange, ym.year) || !in_range(kMonthRange, ym.month)) return std::nullopt;
  return ym;
}

bool is_deep_south(std::string_view state) { return in_list(kDeepSouthStates, state); }
bool is_delta_region(std::string_view state) { return in_list(kDeltaRegionStates, state); }

std::vector<ProfileCheck> check_profile(const Profile& p) {
  std::vector<ProfileCheck> out;
  const auto add = [&](Severity s, std::string field, std::string message, std::vector<std::string> inputs) {
    out.push_back({s, std::move(field), std::move(message), std::move(inputs)});
  };
  const ExamResult s1 = p.step1.result;
  if (s1 == ExamResult::NotTaken && p.step1.attempts != 0)
    add(Severity::Error, "step1.attempts",
        "expected 0 attempts when result is \"not_taken\", got " + std::to_string(p.step1.attempts),
        {"step1.result", "step1.attempts"});
  if (s1 != ExamResult::NotTaken && p.step1.attempts == 0)
    add(Severity::Error, "step1.attempts",
        "expected at least 1 attempt when result is \"" + std::string(to_string(s1)) + "\", got 0",
        {"step1.result", "step1.attempts"});
  if (p.step1.score && s1 == ExamResult::NotTaken)
    add(Severity::Error, "step1.score", "a Step 1 score was given but the result is \"not_taken\"",
        {"step1.result", "step1.score"});
  if (p.step1.score && *p.step1.score > kSuspiciousStepScore)
    add(Severity::Warning, "step1.score",
        "a Step 1 score of " + std::to_string(*p.step1.score) + " is above any commonly reported score (about " +
            std::to_string(kSuspiciousStepScore) + "); check it",
        {"step1.score"});

  const auto& s2 = p.step2ck;
  if (s2.score && *s2.score > kSuspiciousStepScore)
    add(Severity::Warning, "step2ck.score",
        "a Step 2 CK score of " + std::to_string(*s2.score) + " is above any commonly reported score (about " +
            std::to_string(kSuspiciousStepScore) + "); check it",
        {"step2ck.score"});
  if (s2.score && s2.attempts == 0)
    add(Severity::Error, "step2ck.attempts", "expected at least 1 attempt when a score is given, got 0",
        {"step2ck.score", "step2ck.attempts"});
  if (s2.expected_score && *s2.expected_score > kSuspiciousStepScore)
    add(Severity::Warning, "step2ck.expected_score",
        "an expected Step 2 CK score of " + std::to_string(*s2.expected_score) +
            " is above any commonly reported score (about " + std::to_string(kSuspiciousStepScore) + "); check it",
        {"step2ck.expected_score"});
  if (s2.date && !s2.score)
    add(Severity::Warning, "step2ck.date",
        "a date with no Step 2 CK score: the date is that of the scored attempt; give the score too", {"step2ck.date"});
  const auto date = s2.date ? read_year_month(*s2.date) : std::nullopt;
  if (s2.date && !date)
    add(Severity::Error, "step2ck.date",
        "expected the month of the scored attempt as \"YYYY-MM\" (e.g. \"2025-08\", years " +
            std::to_string(kYearRange.min) + " to " + std::to_string(kYearRange.max) + "), got \"" + *s2.date + "\"",
        {"step2ck.date"});
  if (date && date->year > p.match_year)
    add(Severity::Warning, "step2ck.date",
        "Step 2 CK taken in " + std::to_string(date->year) + ", after match_year " + std::to_string(p.match_year) +
            "; expected an attempt before the Match",
        {"step2ck.date", "match_year"});

  if (p.graduation_year > p.match_year)
    add(Severity::Warning, "graduation_year",
        "graduation_year " + std::to_string(p.graduation_year) + " is after match_year " +
            std::to_string(p.match_year) + "; expected graduation no later than the Match",
        {"graduation_year", "match_year"});

  for (std::size_t i = 0; i < p.specialties.size(); ++i) {
    const auto& s = p.specialties[i];
    if (s.weight == 0.0)
      add(Severity::Warning, specialty_field(i, "weight"),
          "a weight of 0 means matching in this specialty is worth nothing; "
          "expected a weight above 0 (remove the specialty instead)",
          {specialty_field(i, "weight")});
    const bool duplicate = std::any_of(p.specialties.begin(), p.specialties.begin() + static_cast<long>(i),
                                       [&](const SpecialtyPreference& o) { return o.name == s.name; });
    if (duplicate && !s.name.empty())
      add(Severity::Error, specialty_field(i, "name"),
          "specialty \"" + s.name + "\" is listed twice; expected each specialty once", {specialty_field(i, "name")});
  }

  if (p.budget_usd && *p.budget_usd > kSuspiciousBudgetUsd)
    add(Severity::Warning, "budget_usd",
        "a budget of $" + number_text(*p.budget_usd) +
            " is far above what applying costs; check it (the unit is US dollars)",
        {"budget_usd"});
  return out;
}

std::vector<DecisiveFact> unanswered_facts(const Profile& p) {
  std::vector<DecisiveFact> out;
  if (p.unanswered.graduate_type) out.push_back(DecisiveFact::GraduateType);
  if (p.unanswered.visa) out.push_back(DecisiveFact::Visa);
  if (p.unanswered.step1) out.push_back(DecisiveFact::Step1);
  if (p.unanswered.step2ck) out.push_back(DecisiveFact::Step2ck);
  const bool has_specialty = std::any_of(p.specialties.begin(), p.specialties.end(),
                                         [](const SpecialtyPreference& s) { return !s.name.empty(); });
  if (!has_specialty) out.push_back(DecisiveFact::Specialty);
  return out;
}

const char* question(DecisiveFact fact) {
  switch (fact) {
    case DecisiveFact::GraduateType: return "Are you a US graduate or an international medical graduate (IMG)?";
    case DecisiveFact::Visa: return "Which visa, if any, do you need to train in the US?";
    case DecisiveFact::Step1: return "Have you passed USMLE Step 1?";
    case DecisiveFact::Step2ck: return "Have you taken USMLE Step 2 CK, and with what score?";
    case DecisiveFact::Specialty: return "Which specialty are you applying to?";
  }
  return "";
}

std::string_view to_string(DecisiveFact fact) {
  switch (fact) {
    case DecisiveFact::GraduateType: return "graduate_type";
    case DecisiveFact::Visa: return "visa";
    case DecisiveFact::Step1: return "step1";
    case DecisiveFact::Step2ck: return "step2ck";
    case DecisiveFact::Specialty: return "specialty";
  }
  return "";
}

void set_answered(Profile& p, DecisiveFact fact, bool answered) {
  switch (fact) {
    case DecisiveFact::GraduateType: p.unanswered.graduate_type = !answered; break;
    case DecisiveFact::Visa: p.unanswered.visa = !answered; break;
    case DecisiveFact::Step1: p.unanswered.step1 = !answered; break;
    case DecisiveFact::Step2ck: p.unanswered.step2ck = !answered; break;
    case DecisiveFact::Specialty: break;  // answered by choosing one
  }
}

}  // namespace openpick::core
