#include "openpick/core/eligibility.h"

#include <string>

#include "openpick/core/exam_status.h"
#include "text_equal.h"

namespace openpick::core {

namespace {

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// One walk over the filters. With `out` null it stops at the first failure and builds no text but
// that failure's reason, in `*first_reason` when given; a flexible cutoff the applicant misses is
// counted in `*flexible_missed` (when given) and, with `out`, described in out->flexible_misses.
bool evaluate(const Profile& profile, const Program& program, EligibilityResult* out, int* flexible_missed,
              const ProfileFacts* facts, std::string* first_reason = nullptr) {
  bool ok = true;
  auto fail = [&](const char* reason) {  // a text, not a std::string: none is built when none is wanted
    ok = false;
    if (out != nullptr) out->reasons.emplace_back(reason);
    if (first_reason != nullptr && out == nullptr) *first_reason = reason;
  };
  // A missed cutoff: strict ones exclude, flexible ones are counted. `reason` is only built for text.
  auto miss = [&](bool strict, auto&& reason) {
    if (strict) {
      ok = false;
      if (out != nullptr) out->reasons.push_back(reason());
      if (first_reason != nullptr && out == nullptr) *first_reason = reason();
    } else {
      if (flexible_missed != nullptr) ++*flexible_missed;
      if (out != nullptr) out->flexible_misses.push_back(reason());
    }
  };
  auto unknown = [&](const std::string& what) {
    if (out != nullptr) out->unknowns.push_back("unknown: " + what);
  };

  // 1. Visa.
  if (facts != nullptr ? facts->needs_visa : needs_visa(profile)) {
    const auto& v = program.visa;
    switch (profile.visa) {
      case VisaNeed::J1:
        if (v.j1 == false) {
          fail("needs a J-1 visa; program does not accept J-1");
        } else if (!v.j1.has_value()) {
          unknown(v.h1b.has_value() ? "program states no J-1 policy" : "program states no visa policy");
        }
        break;
      case VisaNeed::H1b:
        if (v.h1b == false) {
          fail("needs an H-1B visa; program does not sponsor H-1B");
        } else if (!v.h1b.has_value()) {
          unknown(v.j1.has_value() ? "program states no H-1B policy" : "program states no visa policy");
        }
        break;
      case VisaNeed::J1OrH1b:
        if (v.j1 == false && v.h1b == false) {
          fail("needs a J-1 or H-1B visa; program sponsors neither");
        } else if (!v.j1.has_value() && !v.h1b.has_value()) {
          unknown("program states no visa policy");
        } else if (v.j1 != true && v.h1b != true) {
          unknown("program states only part of its visa policy");
        }
        break;
      case VisaNeed::None: break;
    }
    if (!ok && out == nullptr) return false;
  }

  // 2. Years since graduation.
  const Cutoffs& cut = program.cutoffs;
  if (cut.max_years_since_graduation) {
    const int years = facts != nullptr ? facts->years_since_graduation : years_since_graduation(profile);
    const int limit = *cut.max_years_since_graduation;
    if (years > limit) {
      miss(cut.strict.max_years_since_graduation, [&] {
        return plural(years, "year", "years") + " since graduation; program accepts " + std::to_string(limit) +
               " or fewer";
      });
      if (!ok && out == nullptr) return false;
    }
  }

  // 3. Attempts on any USMLE Step.
  if (cut.max_attempts) {
    const int attempts = facts != nullptr ? facts->attempts : modelled_attempts(profile);
    const int limit = *cut.max_attempts;
    if (attempts > limit) {
      miss(cut.strict.max_attempts, [&] {
        return plural(attempts, "attempt", "attempts") + " on a USMLE Step; program accepts " +
               plural(limit, "attempt", "attempts") + " at most";
      });
      if (!ok && out == nullptr) return false;
    }
  }

  // 4. Step 2 CK minimum.
  if (cut.step2ck_min) {
    const int minimum = *cut.step2ck_min;
    const std::optional<int> score = facts != nullptr ? facts->step2ck : modelled_step2ck(profile);
    if (!score) {
      unknown("Step 2 CK score not given; program requires " + std::to_string(minimum) + " or more");
    } else if (*score < minimum) {
      miss(cut.strict.step2ck_min, [&] {
        return "Step 2 CK " + std::to_string(*score) + "; program requires " + std::to_string(minimum) + " or more";
      });
      if (!ok && out == nullptr) return false;
    }
  }

  // 5. Hands-on US clinical experience (observerships do not count). US graduates trained in the US.
  const bool us_graduate = profile.graduate_type == GraduateType::UsMd || profile.graduate_type == GraduateType::UsDo;
  if (cut.usce_required == true && !us_graduate && !(profile.usce_months.hands_on > 0.0)) {
    miss(cut.strict.usce_required, [] {
      return std::string("no hands-on US clinical experience; program requires it (observerships do not count)");
    });
    if (!ok && out == nullptr) return false;
  }

  // 6. Physician-only (reserved) positions take only applicants who already trained in residency.
  if (program.track == Track::Physician && profile.prior_residency_years < 1) {
    fail(
        "physician-only (reserved) position: takes only applicants with prior residency training; "
        "your profile has none (prior_residency_years 0)");
    if (out == nullptr) return false;
  }

  if (out != nullptr) out->eligible = ok;
  return ok;
}

}  // namespace

bool needs_visa(const Profile& profile) {
  if (profile.graduate_type == GraduateType::UsMd || profile.graduate_type == GraduateType::UsDo) return false;
  return profile.visa != VisaNeed::None;
}

EligibilityResult check_eligibility(const Profile& profile, const Program& program) {
  EligibilityResult r;
  int flexible = 0;
  evaluate(profile, program, &r, &flexible, nullptr);
  return r;
}

std::string exclusion_reason(const Profile& profile, const Program& program, const ProfileFacts* facts) {
  std::string reason;
  evaluate(profile, program, nullptr, nullptr, facts, &reason);
  return reason;
}

bool is_eligible(const Profile& profile, const Program& program, int* flexible_missed) {
  return is_eligible(profile, program, flexible_missed, nullptr);
}

ProfileFacts profile_facts(const Profile& profile) {
  ProfileFacts f;
  f.needs_visa = needs_visa(profile);
  f.years_since_graduation = years_since_graduation(profile);
  f.attempts = modelled_attempts(profile);
  f.step2ck = modelled_step2ck(profile);
  return f;
}

bool is_eligible(const Profile& profile, const Program& program, int* flexible_missed, const ProfileFacts* facts) {
  if (flexible_missed != nullptr) *flexible_missed = 0;
  return evaluate(profile, program, nullptr, flexible_missed, facts);
}

bool matches_specialty(const Profile& profile, const Program& program) {
  if (profile.specialties.empty()) return true;
  for (const auto& s : profile.specialties)
    if (detail::same_text(s.name, program.specialty)) return true;
  return false;
}

}  // namespace openpick::core
