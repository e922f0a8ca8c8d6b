// The applicant's profile: the document the planner reads for one person.
//
// Unknown is a value: a field the applicant has not given is std::nullopt, never zero.
// The JSON form is documented in assets/schema/profile.schema.json and docs/DATA.md; each field's
// range, default and cross-field checks are in profile_rules.h.
//
//   Profile p;
//   p.graduate_type = GraduateType::NonUsImg;
//   p.visa = VisaNeed::J1;
//   p.step2ck.score = 221;
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace openpick::core {

inline constexpr int kProfileSchemaVersion = 1;
// Defaults of the planner's profile fields; the reasoning is in docs/PLANNER.md ("How many
// programs", "Tracks").
inline constexpr double kDefaultMatchValueUsd = 50000.0;
inline constexpr double kDefaultOneYearValue = 0.25;

enum class GraduateType { NonUsImg, UsImg, UsMd, UsDo };
enum class VisaNeed { None, J1, H1b, J1OrH1b };
enum class ExamResult { Pass, Fail, NotTaken };
enum class TieKind { Trained, Lived, Family };

struct Step1 {
  ExamResult result = ExamResult::Pass;
  int attempts = 1;  // attempts so far, 0 when not taken
  // Numeric score, only for an exam taken before 2022 (Step 1 is pass/fail since); unknown otherwise.
  std::optional<int> score;
};

struct Step2ck {
  std::optional<int> score;  // three-digit score; unknown when not yet taken or not given
  int attempts = 1;
  std::optional<int> expected_score;  // what the applicant expects on the attempt still to come
  std::optional<std::string> date;    // "YYYY-MM" of the scored attempt: the passing mark depends on it
};

// Ties to a state count for more than a preference: programs favour applicants who trained, lived
// or have family there.
struct StateTie {
  std::string state;  // two-letter USPS code
  TieKind kind = TieKind::Lived;
  bool operator==(const StateTie& o) const { return state == o.state && kind == o.kind; }
};

// Decisive facts the applicant has not answered yet: a blank profile, or an imported document that
// leaves them out. The value in the field is then only a placeholder (profile_rules.h:
// unanswered_facts; a specialty is unanswered while none is chosen).
struct Unanswered {
  bool graduate_type = false;
  bool visa = false;
  bool step1 = false;
  bool step2ck = false;
};

struct UsceMonths {
  double hands_on = 0.0;      // externships, sub-internships: direct patient care in the US
  double observership = 0.0;  // observerships: no hands-on care
};

struct SpecialtyPreference {
  std::string name;     // as the dataset spells it, e.g. "Internal Medicine"
  double weight = 1.0;  // relative utility of matching in this specialty (0..1]
};

struct Profile {
  int schema_version = kProfileSchemaVersion;
  GraduateType graduate_type = GraduateType::NonUsImg;
  VisaNeed visa = VisaNeed::None;
  Step1 step1;
  Step2ck step2ck;
  bool step3_passed = false;
  std::optional<bool> ecfmg_certified;  // meaningful for IMGs; unknown for US graduates
  int graduation_year = 0;              // required
  int match_year = 0;                   // required: the year of the Match applied to
  UsceMonths usce_months;
  int us_letters = 0;
  int research_items = 0;
  std::vector<SpecialtyPreference> specialties;
  std::vector<std::string> preferred_states;  // two-letter USPS codes
  std::optional<double> budget_usd;           // unknown: no dollar limit given

  // What the applicant can change; step1.score and step2ck.expected_score/date
  // are with their exams above.
  std::vector<StateTie> state_ties;
  std::optional<int> specialty_letters;  // letters from the target specialty; unknown when not given

  Unanswered unanswered;

  // The planner's economics and tracks (docs/PLANNER.md says why each default).
  // What matching this year is worth to the applicant, in US dollars: with no budget and no cap
  // the list stops where one more application's expected gain times this is less than its fee.
  double match_value_usd = kDefaultMatchValueUsd;
  // What a one-year (preliminary or transitional) position is worth, as a fraction of the weight
  // of its specialty (0..1).
  double one_year_value = kDefaultOneYearValue;
  // Years of residency (GME) training already completed: physician-only (reserved) positions take
  // only applicants with at least one.
  int prior_residency_years = 0;
};

// Years since graduation as programs compare it: match_year - graduation_year.
inline int years_since_graduation(const Profile& p) { return p.match_year - p.graduation_year; }

// The most attempts on any USMLE Step, as `max_attempts` cutoffs compare it.
inline int max_attempts(const Profile& p) {
  return p.step1.attempts > p.step2ck.attempts ? p.step1.attempts : p.step2ck.attempts;
}

inline bool is_img(GraduateType t) { return t == GraduateType::NonUsImg || t == GraduateType::UsImg; }

}  // namespace openpick::core
