#include "openpick/core/exam_status.h"

#include <cstdio>

namespace openpick::core {

namespace {

// "YYYY-MM" into year and month; false when it is not that.
bool parse_year_month(const std::string& s, int& year, int& month) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (s[i] < '0' || s[i] > '9') return false;
  year = std::stoi(s.substr(0, 4));
  month = std::stoi(s.substr(5, 2));
  return month >= 1 && month <= 12;
}

bool is_img_profile(const Profile& p) { return is_img(p.graduate_type); }

bool step1_passed(const Profile& p) { return p.step1.result == ExamResult::Pass; }

// The mark for the scored attempt, and whether its date was assumed.
int mark_for(const Profile& p, bool* assumed) {
  int year = 0, month = 0;
  if (p.step2ck.date && parse_year_month(*p.step2ck.date, year, month)) {
    if (assumed != nullptr) *assumed = false;
    return step2ck_pass_mark(year, month);
  }
  // ASSUMPTION: taken in the season before the Match, from July of the year before (the latest
  // mark then in force, so a score near the mark is never read as a pass it may not be).
  if (assumed != nullptr) *assumed = true;
  return step2ck_pass_mark(p.match_year - 1, 7);
}

bool step2ck_taken(const Profile& p) { return p.step2ck.score.has_value() || p.step2ck.attempts > 0; }

bool step2ck_failed(const Profile& p) { return p.step2ck.score && *p.step2ck.score < mark_for(p, nullptr); }

}  // namespace

const std::vector<PassMark>& step2ck_pass_marks() {
  static const std::vector<PassMark> marks = {{0, 1, 209}, {2022, 7, 214}, {2025, 7, 218}};
  return marks;
}

int step2ck_pass_mark(int year, int month) {
  int mark = step2ck_pass_marks().front().score;
  for (const PassMark& m : step2ck_pass_marks())
    if (year > m.from_year || (year == m.from_year && month >= m.from_month)) mark = m.score;
  return mark;
}

int modelled_attempts(const Profile& p) {
  const int step1 = step1_passed(p) ? p.step1.attempts : p.step1.attempts + 1;
  int step2 = p.step2ck.attempts;
  if (!step2ck_taken(p))
    step2 = 1;
  else if (step2ck_failed(p))
    step2 = p.step2ck.attempts + 1;
  return step1 > step2 ? step1 : step2;
}

std::optional<int> modelled_step2ck(const Profile& p) {
  if (p.step2ck.score && !step2ck_failed(p)) return p.step2ck.score;
  if (p.step2ck.expected_score) return p.step2ck.expected_score;
  if (p.step2ck.score) return mark_for(p, nullptr);  // failed, nothing expected: a pass at the mark
  return std::nullopt;
}

ExamStatus exam_status(const Profile& p) {
  ExamStatus s;
  s.step1_passed = step1_passed(p);
  s.step2ck_taken = step2ck_taken(p);
  s.step2ck_pass_mark = mark_for(p, &s.pass_mark_date_assumed);
  s.step2ck_passed = p.step2ck.score.has_value() && !step2ck_failed(p);
  const bool img = is_img_profile(p);
  const std::string deadline = "by the rank order list deadline of the " + std::to_string(p.match_year) + " Match";
  const std::string withdrawn =
      img ? " An IMG who has not passed Step 1 and Step 2 CK by then cannot be certified by ECFMG and is withdrawn "
            "from the Match."
          : "";
  char buf[512];
  if (!s.step1_passed) {
    const int next = p.step1.attempts + 1;
    std::snprintf(buf, sizeof buf, "Step 1 is not passed yet: you must pass it %s.%s", deadline.c_str(),
                  withdrawn.c_str());
    s.must.push_back(buf);
    std::snprintf(buf, sizeof buf, "passing Step 1 on your next attempt (attempt %d), which programs will see", next);
    s.conditional_on.push_back(buf);
  }
  if (p.step2ck.score && step2ck_failed(p)) {
    std::snprintf(buf, sizeof buf,
                  "Step 2 CK %d is under the passing score of %d%s: it is a failed attempt, not a low pass. You must "
                  "pass Step 2 CK %s.%s",
                  *p.step2ck.score, s.step2ck_pass_mark,
                  s.pass_mark_date_assumed ? " (assumed taken from July of the year before the Match; give the exam "
                                             "date if it was earlier)"
                                           : "",
                  deadline.c_str(), withdrawn.c_str());
    s.must.push_back(buf);
    const std::optional<int> score = modelled_step2ck(p);
    std::snprintf(
        buf, sizeof buf, "passing Step 2 CK on your next attempt (attempt %d) with %d%s", p.step2ck.attempts + 1,
        score.value_or(0),
        p.step2ck.expected_score ? ", the score you expect" : ", the passing score (give the score you expect)");
    s.conditional_on.push_back(buf);
  } else if (!s.step2ck_taken) {
    std::snprintf(buf, sizeof buf, "Step 2 CK is not taken yet: you must pass it %s.%s", deadline.c_str(),
                  withdrawn.c_str());
    s.must.push_back(buf);
    if (p.step2ck.expected_score) {
      std::snprintf(buf, sizeof buf, "passing Step 2 CK at the first attempt with %d, the score you expect",
                    *p.step2ck.expected_score);
    } else {
      std::snprintf(buf, sizeof buf,
                    "passing Step 2 CK at the first attempt with a score programs cannot see yet (give the score you "
                    "expect to see your own chance)");
    }
    s.conditional_on.push_back(buf);
  }
  if (img && p.ecfmg_certified == false && s.must.empty()) {
    s.must.push_back(
        "You are not ECFMG certified yet: certification (Step 1, Step 2 CK, OET Medicine and your "
        "verified diploma) must be complete " +
        deadline + ", or the Match withdraws you.");
    s.conditional_on.push_back("ECFMG certification " + deadline);
  }
  return s;
}

}  // namespace openpick::core
