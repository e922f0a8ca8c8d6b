#include "openpick/core/advice.h"

#include <algorithm>

#include "openpick/core/eligibility.h"
#include "openpick/core/planner.h"
#include "openpick/core/profile_rules.h"

namespace openpick::core {

namespace {
// The advice names the Mississippi Delta with the Deep South (profile_rules.h has both lists).
bool prefers_deep_south_or_delta(const Profile& p) {
  for (const auto& s : p.preferred_states)
    if (is_deep_south(s) || is_delta_region(s)) return true;
  return false;
}
}  // namespace

std::vector<Advice> advise(const Profile& p, const Plan* plan) {
  std::vector<Advice> out;
  const bool img = is_img(p.graduate_type);
  const int attempts = max_attempts(p);
  const int years = years_since_graduation(p);

  if (needs_visa(p) && (p.visa == VisaNeed::H1b || p.visa == VisaNeed::J1OrH1b) && !p.step3_passed)
    out.push_back({"step3_before_ranking", "Pass Step 3 before rank lists are due",
                   "You are open to H-1B, and programs that sponsor it usually require Step 3 passed before the "
                   "Match or the start date. Without it those programs cannot rank you."});
  if (attempts > 1)
    out.push_back({"lean_on_step2_and_letters", "Lean on Step 2 CK and clinical letters",
                   "You have " + std::to_string(attempts) + " attempts on a Step. Programs read attempts as a risk "
                   "to their board pass rate; a stronger Step 2 CK and letters that speak to your clinical "
                   "strength show the growth they look for. Address it briefly in your personal statement."});
  if (img && p.us_letters < 3)
    out.push_back({"get_us_letters", "Get " + std::to_string(3 - p.us_letters) + " more US letter" +
                                         (3 - p.us_letters == 1 ? "" : "s"),
                   "You have " + std::to_string(p.us_letters) + " US letter" + (p.us_letters == 1 ? "" : "s") +
                       ". For an IMG, strong US letters often matter more than a few more exam points; aim for 3 "
                       "to 4, at least 2 from your target specialty."});
  if (img && p.usce_months.hands_on <= 0.0)
    out.push_back({"get_hands_on_usce", "Get hands-on US clinical experience",
                   "You have no hands-on US clinical experience. Some programs require it (observerships do not "
                   "count), and all of them want evidence you can work in a US hospital."});
  if (img && p.step2ck.score && *p.step2ck.score < 225)
    out.push_back({"target_community_programs", "Aim at community and IMG-friendly programs",
                   "With Step 2 CK " + std::to_string(*p.step2ck.score) + ", large university programs rarely "
                   "interview you; community programs with many IMG residents read the whole application."});
  if (img && (prefers_deep_south_or_delta(p) || (p.step2ck.score && *p.step2ck.score < 230)))
    out.push_back({"underserved_fit", "Show your fit with underserved and Deep South programs",
                   "Programs in the Mississippi Delta and the Deep South serve high-need communities with fewer "
                   "applicants. Rotations, volunteering and a story that shows commitment to such patients make "
                   "them realistic targets" +
                       std::string(p.visa == VisaNeed::J1 || p.visa == VisaNeed::J1OrH1b
                                       ? ", and underserved areas offer J-1 waiver paths (Conrad 30, Delta Doctors)."
                                       : ".")});
  if (img && years > 5)
    out.push_back({"explain_the_gap", "Explain the years since graduation",
                   std::to_string(years) + " years will have passed since graduation by the Match. Many programs "
                   "prefer recent graduates; recent US clinical work and a clear account of those years help."});
  out.push_back({"apply_day_one", "Apply on the first day ERAS opens to programs",
                 "Programs review early applications first and fill interview slots as they go; late applications "
                 "hurt most when scores are low. Have scores, letters and the ECFMG status ready before."});
  if (plan && plan->programs.size() > 0 && plan->diminishing_returns_at > 0 &&
      static_cast<int>(plan->programs.size()) < plan->diminishing_returns_at)
    out.push_back({"apply_more_if_you_can", "Apply to more programs if you can afford it",
                   "Your list stops before the point of diminishing returns (" +
                       std::to_string(plan->diminishing_returns_at) +
                       " applications): each further program still adds at least half a percentage point."});
  out.push_back({"rank_true_preference", "After interviews, rank programs in your true order of preference",
                 "The Match favours the applicant's true order: ranking a program higher never costs you one "
                 "ranked lower. Unmatched IMGs more often ranked by perceived chances."});
  return out;
}

}  // namespace openpick::core
