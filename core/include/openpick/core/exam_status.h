// Exam and certification status for the whole Match, before any program: an IMG who has not
// passed Step 1 and Step 2 CK (and so is not ECFMG certified) by the rank order list deadline is
// withdrawn from the Match. A score under the passing mark is a failed attempt, not a low pass.
//
// The plan's chance is then conditional on passing, labelled so, and programs will read the exam
// history as it will be once the applicant has passed: a failure counts as one more attempt, never
// better than passing later. `modelled_attempts` and `modelled_step2ck` are what eligibility and the
// model read.
//
//   ExamStatus s = exam_status(profile);
//   for (const auto& line : s.must) notes.push_back(line);   // first in the plan's notes
//   if (!s.conditional_on.empty()) ...                       // "the chance assumes ..."
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "openpick/core/profile.h"

namespace openpick::core {

// The Step 2 CK passing mark from a date on (PUBLISHED: USMLE announcements; 209 before July 2022,
// 214 from July 2022, 218 for exams on or after 1 July 2025).
struct PassMark {
  int from_year;
  int from_month;
  int score;
};
const std::vector<PassMark>& step2ck_pass_marks();
int step2ck_pass_mark(int year, int month);

struct ExamStatus {
  bool step1_passed = true;
  bool step2ck_taken = true;
  bool step2ck_passed = true;  // false when taken and under the mark, or not taken
  int step2ck_pass_mark = 0;   // the mark that applies to the scored attempt
  bool pass_mark_date_assumed = false;
  std::vector<std::string> must;            // what must happen, and by when: said first, plainly
  std::vector<std::string> conditional_on;  // what every chance in the plan assumes
};

ExamStatus exam_status(const Profile& profile);

// Attempts on the worst Step once every Step still to pass has been passed at the next attempt.
int modelled_attempts(const Profile& profile);
// The Step 2 CK score programs will read: the score when it passed; otherwise the score expected on
// the attempt to come, or (a failed attempt with no expectation given) the passing mark; unknown
// when not taken and nothing expected.
std::optional<int> modelled_step2ck(const Profile& profile);

}  // namespace openpick::core
