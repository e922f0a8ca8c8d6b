#include "openpick/core/advice.h"

#include <algorithm>

#include "openpick/core/eligibility.h"
#include "openpick/core/planner.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/season.h"

namespace openpick::core {

namespace {
// Where the advice comes from (each said once).
constexpr const char* kSeedBrief =
    "Residency Advisor, \"Strategies for Non-US Citizen IMGs with Low Step Scores in Mississippi Delta\" "
    "(residencyadvisor.com/resources/low-step-score-strategies)";
constexpr const char* kStep3Source =
    "program visa pages (e.g. University of Pittsburgh Internal Medicine); NRMP Match calendar";
constexpr const char* kJ1Source =
    "ECFMG Exchange Visitor Sponsorship Program; Congressional Research Service RS22584 (Conrad 30); Delta "
    "Regional Authority, Delta Doctors guidelines (2020); Appalachian Regional Commission";
constexpr const char* kRankSource = "Roth and Peranson (1999); Liang et al., JGME 2015; NRMP";

// The advice names the Mississippi Delta with the Deep South (profile_rules.h has both lists).
bool prefers_deep_south_or_delta(const Profile& p) {
  for (const auto& s : p.preferred_states)
    if (is_deep_south(s) || is_delta_region(s)) return true;
  return false;
}
}  // namespace

const char* fee_assistance_eligibility() {
  return "The AAMC Fee Assistance Program (60% off up to 50 ERAS applications) is for applicants who are US "
         "citizens, US nationals, permanent residents or hold a protected status (such as DACA, refugee or "
         "asylee) and meet its income limit: a non-US IMG on a visa rarely qualifies. Check the AAMC's current "
         "criteria before counting on it.";
}

std::vector<Advice> advise(const Profile& p, const Plan* plan) {
  std::vector<Advice> out;
  const bool img = is_img(p.graduate_type);
  const int attempts = max_attempts(p);
  const int years = years_since_graduation(p);

  if (needs_visa(p) && (p.visa == VisaNeed::H1b || p.visa == VisaNeed::J1OrH1b) && !p.step3_passed)
    out.push_back({"step3_before_ranking", "Pass Step 3 before rank lists are due",
                   "You are open to H-1B, and programs that sponsor it usually require Step 3 passed before the "
                   "Match or the start date. Without it those programs cannot rank you. Rank order lists are due "
                   "in " +
                       rank_list_deadline(p.match_year) +
                       " (the NRMP's Match calendar has the day), and "
                       "results take weeks: sit Step 3 early enough that the result is out before then.",
                   kStep3Source});
  if (needs_visa(p) && (p.visa == VisaNeed::J1 || p.visa == VisaNeed::J1OrH1b))
    out.push_back({"j1_route", "Know where the J-1 leads after training",
                   "ECFMG sponsors the J-1 for at most 7 years of clinical training. After it you must spend two "
                   "years in your home country unless the rule is waived; the usual waivers are work in an "
                   "underserved area: Conrad 30 (up to 30 physicians per state per year, 3 years of service; the "
                   "program needs renewal by Congress), the Delta Regional Authority's Delta Doctors (AL, AR, IL, "
                   "KY, LA, MS, MO, TN) and the Appalachian Regional Commission. Programs in those areas know the "
                   "route; say if you mean to stay.",
                   kJ1Source});
  if (img && p.ecfmg_certified != true)
    out.push_back({"oet_for_ecfmg", "Meet ECFMG's English requirement with OET Medicine",
                   "You are not ECFMG certified yet. Certification's English requirement is met with OET Medicine; "
                   "TOEFL does not count toward it, whatever older guides say. A strong OET score also tells "
                   "programs communication will not be a barrier.",
                   "ECFMG / Intealth certification requirements"});
  if (p.graduate_type == GraduateType::NonUsImg && plan != nullptr) {
    bool discounted = false;
    for (const auto& s : plan->cost_by_service) discounted |= s.assistance_discount_usd > 0.0;
    if (discounted)
      out.push_back({"fee_assistance_rarely_applies", "Check that you qualify for AAMC Fee Assistance",
                     std::string("This plan's fees assume the Fee Assistance Program's discount. ") +
                         fee_assistance_eligibility(),
                     "AAMC, Fee Assistance Program"});
  }
  if (attempts > 1)
    out.push_back({"lean_on_step2_and_letters", "Lean on Step 2 CK and clinical letters",
                   "You have " + std::to_string(attempts) +
                       " attempts on a Step. Programs read attempts as a risk "
                       "to their board pass rate; a stronger Step 2 CK and letters that speak to your clinical "
                       "strength show the growth they look for. Address it briefly in your personal statement.",
                   kSeedBrief});
  if (img && p.us_letters < 3)
    out.push_back({"get_us_letters",
                   "Get " + std::to_string(3 - p.us_letters) + " more US letter" + (3 - p.us_letters == 1 ? "" : "s"),
                   "You have " + std::to_string(p.us_letters) + " US letter" + (p.us_letters == 1 ? "" : "s") +
                       ". For an IMG, strong US letters often matter more than a few more exam points; aim for 3 "
                       "to 4, at least 2 from your target specialty.",
                   kSeedBrief});
  if (img && p.usce_months.hands_on <= 0.0)
    out.push_back({"get_hands_on_usce", "Get hands-on US clinical experience",
                   "You have no hands-on US clinical experience. Some programs require it (observerships do not "
                   "count), and all of them want evidence you can work in a US hospital.",
                   kSeedBrief});
  if (img && p.step2ck.score && *p.step2ck.score < 225)
    out.push_back(
        {"target_community_programs", "Aim at community and IMG-friendly programs",
         "With Step 2 CK " + std::to_string(*p.step2ck.score) +
             ", large university programs rarely "
             "interview you; community programs with many IMG residents read the whole application.",
         "Reddy et al., J Gen Intern Med 2020 (IMG shares by setting); Residency Advisor, low Step score strategies"});
  if (img && (prefers_deep_south_or_delta(p) || (p.step2ck.score && *p.step2ck.score < 230)))
    out.push_back({"underserved_fit", "Show your fit with underserved and Deep South programs",
                   "Programs in the Mississippi Delta and the Deep South serve high-need communities with fewer "
                   "applicants. Rotations, volunteering and a story that shows commitment to such patients make "
                   "them realistic targets" +
                       std::string(p.visa == VisaNeed::J1 || p.visa == VisaNeed::J1OrH1b
                                       ? ", and underserved areas offer J-1 waiver paths (Conrad 30, Delta Doctors)."
                                       : "."),
                   kSeedBrief});
  if (img && years > 5)
    out.push_back({"explain_the_gap", "Explain the years since graduation",
                   std::to_string(years) +
                       " years will have passed since graduation by the Match. Many programs "
                       "prefer recent graduates; recent US clinical work and a clear account of those years help.",
                   "Hunter et al., BMC Med Educ 2024 (older IMGs match less often); Residency Advisor, low Step score "
                   "strategies"});
  out.push_back({"apply_day_one", "Apply on the first day ERAS opens to programs",
                 "Programs review early applications first and fill interview slots as they go; late applications "
                 "hurt most when scores are low. Have scores, letters and the ECFMG status ready before.",
                 kSeedBrief});
  if (plan && plan->programs.size() > 0 && plan->diminishing_returns_at > 0 &&
      static_cast<int>(plan->programs.size()) < plan->diminishing_returns_at)
    out.push_back({"apply_more_if_you_can", "Apply to more programs if you can afford it",
                   "Your list stops before the point of diminishing returns (" +
                       std::to_string(plan->diminishing_returns_at) +
                       " applications): each further program still adds at least half a percentage point.",
                   "this plan's curve (docs/PLANNER.md)"});
  if (img && (attempts > 1 || (p.step2ck.score && *p.step2ck.score < 230) || years > 5))
    out.push_back({"own_your_story", "Prepare a short, honest answer about your scores and your path",
                   "You will almost certainly be asked about your " +
                       std::string(attempts > 1 ? "exam attempts"
                                   : years > 5  ? "years since graduation"
                                                : "scores") +
                       ". Acknowledge it, give brief context, say what changed and what you learned, then turn to "
                       "your current strengths (Step 2 CK, clinical evaluations, US letters). Once you have "
                       "interviews, how you come across matters more than the number.",
                   kSeedBrief});
  out.push_back({"rank_true_preference", "After interviews, rank programs in your true order of preference",
                 "The Match favours the applicant's true order: ranking a program higher never costs you one "
                 "ranked lower. Unmatched IMGs more often ranked by perceived chances.",
                 kRankSource});
  if (img)
    out.push_back({"one_top_choice_letter", "Send one \"top choice\" letter, to one program, only if true",
                   "After interviews, a specific thank-you note to each program is welcome; telling a program it "
                   "is your first choice is a promise: make it to one program only, and only if it is true.",
                   kSeedBrief});
  return out;
}

}  // namespace openpick::core
