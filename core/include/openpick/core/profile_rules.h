// The profile's rules as data: every field's range, the values a new or blank profile starts
// from, the marks above which a value is suspicious, the Deep South, the names a person reads for
// each choice, the cross-field checks, and which decisive facts are still unanswered.
//
// One home for each rule: the importer (io_profile.cpp), the Profile form, the model, the advice,
// the what-if and the command line all read them here, so a value one of them accepts is never
// refused or clamped by another.
//
//   if (!in_range(kUsLettersRange, p.us_letters)) ...;
//   for (const ProfileCheck& c : check_profile(p)) show(c.field, c.message);
//   if (!unanswered_facts(p).empty()) ask_first();  // no chance before the facts that decide it
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "openpick/core/diagnostics.h"
#include "openpick/core/profile.h"

namespace openpick::core {

// ---- Ranges (inclusive) -------------------------------------------------------------------------

template <class T>
struct Range {
  T min;
  T max;
};
template <class T>
constexpr bool in_range(const Range<T>& r, T v) {
  return v >= r.min && v <= r.max;
}

inline constexpr Range<int> kYearRange{1950, 2100};           // graduation_year, match_year, step2ck.date
inline constexpr Range<int> kAttemptsRange{0, 6};             // step1.attempts, step2ck.attempts
inline constexpr Range<int> kStepScoreRange{1, 300};          // three-digit USMLE scores
inline constexpr Range<int> kMonthRange{1, 12};               // step2ck.date's month
inline constexpr Range<double> kUsceMonthsRange{0.0, 120.0};  // each kind of US clinical experience
inline constexpr Range<int> kUsLettersRange{0, 20};
inline constexpr Range<int> kSpecialtyLettersRange{0, 20};  // letters from the target specialty
inline constexpr Range<int> kResearchItemsRange{0, 1000};
inline constexpr Range<double> kSpecialtyWeightRange{0.0, 1.0};
inline constexpr Range<double> kBudgetUsdRange{0.0, std::numeric_limits<double>::infinity()};
inline constexpr int kMaxStateTies = 60;  // one of each kind in every state is 3x60

// ---- Marks a person is asked to check (a warning, never a refusal) ------------------------------

// A USMLE score above any commonly reported one. Programs' stated minimums use the same mark.
inline constexpr int kSuspiciousStepScore = 290;
// A budget far above what applying costs.
inline constexpr double kSuspiciousBudgetUsd = 50000.0;
// The what-if "Step 2 CK 10 points higher" applies while the raised score stays in range.
inline constexpr int kWhatIfStep2ckGain = 10;
// Step 1 has been reported pass/fail only since 26 January 2022: a numeric Step 1 score exists
// only for attempts before that.
inline constexpr int kStep1PassFailSinceYear = 2022;

// ---- Defaults -----------------------------------------------------------------------------------
// What the form puts in a field when the applicant turns it on (ticks "taken", "limit fees"), and
// what a blank profile starts from. A blank profile marks its decisive facts unanswered (below),
// so none of these stands in for an answer.

inline constexpr int kFormStepScore = 220;  // a score field turned on (a Step 1 score) starts here, to be edited
inline constexpr int kFormExpectedStep2ckScore = 230;
inline constexpr double kFormBudgetUsd = 1500.0;  // "Limit application fees" ticked
inline constexpr double kFormNewSpecialtyWeight = 1.0;
inline constexpr const char* kFormNewSpecialty = "Internal Medicine";  // when the dataset has it
inline constexpr int kBlankGraduationYear = 2024;
inline constexpr int kBlankMatchYear = 2027;

// A profile with nothing answered yet: the years above, every decisive fact unanswered.
Profile blank_profile();

// ---- Months ("YYYY-MM", as step2ck.date holds them) ---------------------------------------------

struct YearMonth {
  int year = 0;
  int month = 0;  // 1..12
};
// The month in "YYYY-MM" (years in kYearRange), or nothing when the text is not one.
std::optional<YearMonth> read_year_month(std::string_view text);

// ---- Geography ----------------------------------------------------------------------------------

// The Deep South as the model reads it (a program there draws fewer applicants): the core Deep
// South (AL, GA, LA, MS, SC) with AR and TN, which share the Mississippi Delta. The Profile form's
// "Add the Deep South" adds exactly these.
inline constexpr const char* kDeepSouthStates[] = {"AL", "AR", "GA", "LA", "MS", "SC", "TN"};
// The Delta Regional Authority's states: the Mississippi Delta the strategy brief points to, with
// its underserved areas and J-1 waiver paths (Delta Doctors). The advice names them with the Deep
// South; the model does not score them.
inline constexpr const char* kDeltaRegionStates[] = {"AL", "AR", "IL", "KY", "LA", "MO", "MS", "TN"};

bool is_deep_south(std::string_view state);
bool is_delta_region(std::string_view state);

// ---- Names a person reads (indexed by the enum's value; the JSON names are io.h's to_string) ----

inline constexpr const char* kGraduateTypeLabels[] = {"Non-US-citizen IMG", "US-citizen IMG", "US MD senior",
                                                      "US DO senior"};
inline constexpr const char* kGraduateTypeShortLabels[] = {"Non-US IMG", "US-citizen IMG", "US MD senior",
                                                           "US DO senior"};
inline constexpr const char* kVisaNeedLabels[] = {"None (citizen or green card)", "J-1", "H-1B", "J-1 or H-1B"};
inline constexpr const char* kVisaNeedPhrases[] = {"no visa needed", "needs J-1", "needs H-1B", "needs J-1 or H-1B"};
inline constexpr const char* kExamResultLabels[] = {"Passed", "Failed", "Not taken"};
inline constexpr const char* kTieKindLabels[] = {"Trained there", "Lived there", "Family there"};

inline const char* label(GraduateType v) { return kGraduateTypeLabels[static_cast<int>(v)]; }
inline const char* label(VisaNeed v) { return kVisaNeedLabels[static_cast<int>(v)]; }
inline const char* label(ExamResult v) { return kExamResultLabels[static_cast<int>(v)]; }
inline const char* label(TieKind v) { return kTieKindLabels[static_cast<int>(v)]; }

// ---- Cross-field checks -------------------------------------------------------------------------

struct ProfileCheck {
  Severity severity = Severity::Warning;
  // Where to report it, as the diagnostics spell fields: "step1.attempts", "specialties[2].name".
  std::string field;
  std::string message;  // what is wrong and what was expected
  // The fields the check reads: an importer reports it only when every one was given and valid,
  // so a field left to its default or already reported never raises a second complaint.
  std::vector<std::string> inputs;
};

// Every check that involves more than one field's range, or a suspicious value: a graduation after
// the Match, attempts that contradict a result, a score with no attempt, a suspicious score or
// budget, a zero or duplicate specialty, a Step 2 CK date with no score. In field order.
std::vector<ProfileCheck> check_profile(const Profile& profile);

// ---- Decisive facts: no chance before they are answered -----------------------------------------

// The facts an applicant's chance depends on most. A profile's number is shown only once each
// has an answer the applicant gave (a blank profile has none; an imported document that leaves one
// out has not answered it; examples and exported profiles answer all).
enum class DecisiveFact { GraduateType, Visa, Step1, Step2ck, Specialty };
inline constexpr DecisiveFact kDecisiveFacts[] = {DecisiveFact::GraduateType, DecisiveFact::Visa, DecisiveFact::Step1,
                                                  DecisiveFact::Step2ck, DecisiveFact::Specialty};

// The decisive facts still unanswered, in the order above (empty: a chance may be shown).
// All but Specialty come from profile.unanswered; Specialty is unanswered while no specialty with a
// name is chosen.
std::vector<DecisiveFact> unanswered_facts(const Profile& profile);
// The question a person answers: "Are you a US graduate or an international medical graduate?"
const char* question(DecisiveFact fact);
// The JSON name in a profile's "unanswered" list: "graduate_type", "visa", "step1", "step2ck"
// ("specialty" is never listed: an empty list of specialties says it).
std::string_view to_string(DecisiveFact fact);
// Marks a fact answered (the applicant chose a value) or unanswered.
void set_answered(Profile& profile, DecisiveFact fact, bool answered = true);

}  // namespace openpick::core
