// [SECTION] Parameters: defaults, fitted constants, assumption ranges
// [SECTION] One program: eligibility, interview terms, marginal chances
// [SECTION] Lists: per-node running state, rank-order match chances
#include "openpick/core/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "openpick/core/det_math.h"
#include "openpick/core/exam_status.h"
#include "openpick/core/profile_rules.h"  // is_deep_south
#include "openpick/core/text_fixed.h"
#include "text_equal.h"

namespace openpick::core {

// ---- [SECTION] Parameters -----------------------------------------------------------------------

std::vector<AssumptionRange> model_assumptions() {
  using P = ModelParams;
  // name (for docs and JSON), member, range, monotone, what it means in plain words.
  return {
      {"match given interview shift", &P::match_given_interview_shift, -0.5, 0.5, true,
       "how often an interview turns into a match"},
      {"rank stage weight", &P::rank_stage_weight, 0.25, 0.75, false,
       "how much programs weigh your profile again when they rank"},
      {"correlation sd, interview", &P::sigma_interview, 0.6, 1.4, false,
       "how much luck and unseen strengths move all your invitations together"},
      {"correlation sd, match given interview", &P::sigma_match, 0.25, 0.75, false,
       "how much interview skill moves all your rankings together"},
      {"Step 2 CK not given", &P::unknown_score, -0.8, -0.1, true, "what a missing Step 2 CK score costs"},
      {"US-citizen IMG", &P::us_img, 0.1, 0.8, true, "how much US citizenship helps an IMG"},
      {"IMG share slope", &P::img_share_slope, 1.5, 4.5, false, "how much a program's share of IMGs matters"},
      {"community setting (IMGs)", &P::community_setting, 0.1, 0.5, true, "how much friendlier community programs are"},
      {"university setting (IMGs)", &P::university_setting, -0.7, -0.2, true,
       "how much harder university programs are"},
      {"IMG share not stated", &P::unknown_img_share, -0.3, 0.0, true, "what an unstated IMG share costs"},
      {"non-US part of a program's IMG share", &P::non_us_part_of_img_share, 0.67, 0.83, true,
       "how many of a program's IMG residents are non-US citizens, where only all IMGs are counted"},
      {"flexible cutoff missed", &P::flexible_cutoff_missed, -2.0, -0.5, true,
       "how much missing a program's flexible cutoff costs"},
      {"J-1 need", &P::visa_j1, -0.6, -0.1, true, "how much needing a J-1 visa costs"},
      {"H-1B need", &P::visa_h1b, -1.4, -0.4, true, "how much needing an H-1B visa costs"},
      {"J-1 or H-1B need", &P::visa_either, -0.3, 0.0, true, "how much needing a visa costs"},
      {"visa policy not stated", &P::visa_unknown_policy, -1.2, -0.2, true, "what an unstated visa policy costs"},
      {"Step 3 passed", &P::step3_passed, 0.0, 0.4, true, "how much a passed Step 3 helps"},
      {"H-1B without Step 3", &P::step3_missing_h1b, -1.6, -0.5, true, "how much an H-1B need without Step 3 costs"},
      {"per extra attempt", &P::per_extra_attempt, -1.0, -0.3, true, "how much each extra exam attempt costs"},
      {"per year since graduation beyond the free years", &P::per_year_since_graduation, -0.28, -0.1, true,
       "how much each year since graduation costs"},
      {"no hands-on USCE", &P::no_hands_on_usce, -1.0, -0.3, true, "how much having no hands-on US experience costs"},
      {"per month of hands-on USCE", &P::per_month_hands_on, 0.06, 0.2, true,
       "how much each month of hands-on US experience helps"},
      {"per month of observership", &P::per_month_observership, 0.0, 0.08, true, "how much observerships help"},
      {"no US letters", &P::no_us_letters, -0.9, -0.2, true, "how much having no US letters costs"},
      {"per US letter", &P::per_us_letter, 0.1, 0.3, true, "how much each US letter helps"},
      {"preferred state", &P::preferred_state, 0.0, 0.5, true, "how much preferring a state helps there"},
      {"trained in the state", &P::tie_trained, 0.2, 0.8, true, "how much having trained in a state helps there"},
      {"lived in the state", &P::tie_lived, 0.1, 0.6, true, "how much having lived in a state helps there"},
      {"family in the state", &P::tie_family, 0.1, 0.5, true, "how much family in a state helps there"},
      {"per letter from the specialty", &P::per_specialty_letter, 0.0, 0.2, true,
       "how much each letter from your target specialty helps"},
      {"per point of Step 2 CK over Step 1", &P::per_point_improvement, 0.0, 0.03, true,
       "how much a Step 2 CK above your Step 1 helps"},
      {"Deep South (IMGs)", &P::deep_south, 0.0, 0.4, true, "how much easier Deep South programs are"},
      {"rural or underserved (IMGs)", &P::rural_underserved, 0.0, 0.4, true,
       "how much easier rural and underserved programs are"},
      {"signal, IMG (log odds ratio)", &P::signal_img, 0.26, 1.08, true, "how much a program signal helps"},
  };
}

ModelParams params_at(const ModelParams& base, AssumptionEnd end) {
  ModelParams p = base;
  for (const auto& a : model_assumptions())
    if (a.monotone) p.*(a.member) = end == AssumptionEnd::Pessimistic ? a.low : a.high;
  return p;
}

ModelParams params_with(const ModelParams& base, const AssumptionRange& which, double value) {
  ModelParams p = base;
  p.*(which.member) = value;
  return p;
}

// ---- [SECTION] One program ----------------------------------------------------------------------

std::string format_term(const Term& term) {
  const std::string value = format_fixed(term.value, 1, /*plus_sign=*/true);
  std::string out;
  out.reserve(value.size() + term.text.size() + 12);
  if (term.unknown) out += "unknown (";
  out += value;
  out += term.unknown ? "): " : ": ";
  out += term.text;
  return out;
}

namespace {

constexpr double kLogitClamp = 600.0;  // keeps e^{-eta} * e^{-sigma z} finite

double clamp_logit(double eta) { return std::max(-kLogitClamp, std::min(kLogitClamp, eta)); }

std::string plural(double n, const char* one, const char* many) {
  const bool whole = n == std::floor(n);
  std::string num = whole ? format_fixed(n, 0) : format_fixed(n, 1);
  return num + " " + (n == 1.0 ? one : many);
}

// P(interview | z_k) and P(match here | z_k) from e^{-eta}, e^{-m} and the node's scales. The one
// expression every caller uses, so a one-program list equals the marginal bit for bit.
struct NodePair {
  double interview;
  double match;
};
inline NodePair node_pair(double ei, double em, double si, double sm) {
  const double a = 1.0 + ei * si;
  const double b = 1.0 + em * sm;
  return {1.0 / a, 1.0 / (a * b)};
}

}  // namespace

Model::Model(ModelParams params, int quadrature_nodes) : params_(std::move(params)) {
  if (params_.specialties.empty()) params_.specialties = default_model_params().specialties;
  const detail::NormalQuadrature q = detail::gauss_hermite_normal(quadrature_nodes);
  node_ = q.node;
  weight_ = q.weight;
  scale_nodes();
}

Model Model::with_params(ModelParams params) const {
  Model m = *this;
  m.params_ = std::move(params);
  if (m.params_.specialties.empty()) m.params_.specialties = params_.specialties;
  m.scale_nodes();
  return m;
}

void Model::assign_with_params(const Model& model, const ModelParams& params) {
  const double sigma_interview = params_.sigma_interview, sigma_match = params_.sigma_match;
  params_ = params;
  if (params_.specialties.empty()) params_.specialties = model.params_.specialties;
  // The scales follow the sigmas alone (the nodes are the same): worked out again only when one
  // of them changed.
  const auto same_bits = [](double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; };
  if (!same_bits(sigma_interview, params_.sigma_interview) || !same_bits(sigma_match, params_.sigma_match))
    scale_nodes();
}

void Model::scale_nodes() {
  scale_interview_.resize(node_.size());
  scale_match_.resize(node_.size());
  for (std::size_t k = 0; k < node_.size(); ++k) {
    scale_interview_[k] = detail::det_exp(-params_.sigma_interview * node_[k]);
    scale_match_[k] = detail::det_exp(-params_.sigma_match * node_[k]);
  }
}

const SpecialtyParams& Model::specialty(const std::string& name) const {
  for (const auto& s : params_.specialties)
    if (s.name == name) return s;
  return params_.specialties.front();
}

ProgramFacts program_facts(const Profile& profile, const Program& program) {
  ProgramFacts f;
  f.deep_south = is_deep_south(program.state);
  if (program.state.empty()) return f;
  f.preferred_state = detail::contains_text(profile.preferred_states, program.state);
  for (const StateTie& t : profile.state_ties) {
    if (t.state != program.state) continue;
    if (f.ties < 4) f.tie_kinds[f.ties] = t.kind;
    ++f.ties;
  }
  return f;
}

int Model::specialty_index(const std::string& name) const {
  for (std::size_t i = 0; i < params_.specialties.size(); ++i)
    if (params_.specialties[i].name == name) return static_cast<int>(i);
  return 0;
}

bool Model::is_calibrated(const std::string& name) const {
  for (const auto& s : params_.specialties)
    if (s.name == name) return true;
  return false;
}

ProgramChance Model::score(const Profile& profile, const Program& program, const ScoreOptions& options) const {
  ProgramChance c;
  const bool explain = options.explain;
  std::vector<std::string> flexible_misses;
  int flexible_missed = 0;
  if (explain) {
    EligibilityResult e = check_eligibility(profile, program);
    c.eligible = e.eligible;
    c.exclusion_reasons = std::move(e.reasons);
    flexible_misses = std::move(e.flexible_misses);
    flexible_missed = static_cast<int>(flexible_misses.size());
  } else if (options.known_flexible_missed >= 0) {
    c.eligible = true;
    flexible_missed = options.known_flexible_missed;
  } else {
    c.eligible = is_eligible(profile, program, &flexible_missed, options.facts);
  }
  if (!c.eligible) return c;

  const ModelParams& P = params_;
  const ProfileFacts* facts = options.facts;
  const SpecialtyParams& sp =
      options.specialty_index >= 0 && static_cast<std::size_t>(options.specialty_index) < params_.specialties.size()
          ? params_.specialties[static_cast<std::size_t>(options.specialty_index)]
          : specialty(program.specialty);
  const bool img = is_img(profile.graduate_type);
  double eta = sp.interview_intercept;
  // `text` is only evaluated when explaining: the hot path builds no strings.
  auto add = [&](double value, bool unknown, auto&& text) {
    eta += value;
    if (explain) c.terms.push_back({value, text(), unknown});
  };

  if (explain && !is_calibrated(program.specialty))
    c.terms.push_back({0.0, "no calibration for " + program.specialty + "; " + sp.name + " values used", true});

  // Step 2 CK against the program's level.
  const std::optional<int> step2ck = facts != nullptr ? facts->step2ck : modelled_step2ck(profile);
  const bool step2ck_expected = step2ck && step2ck != profile.step2ck.score;
  if (step2ck) {
    double level = sp.score_reference;
    if (program.setting == Setting::University) level += P.level_university;
    if (program.setting == Setting::Community) level += P.level_community;
    const double score = *step2ck;
    const double diff = std::max(-P.score_effect_cap, std::min(P.score_effect_cap, score - level));
    add(sp.score_slope * diff / 10.0, false, [&] {
      const double gap = std::round(score - level);
      std::string s = "Step 2 CK " + format_fixed(score, 0) + (step2ck_expected ? " (on your next attempt), " : ", ");
      if (gap == 0.0)
        s += "at this program's level (about " + format_fixed(level, 0) + ")";
      else
        s += format_fixed(std::fabs(gap), 0) + (gap > 0 ? " above" : " below") + " this program's level (about " +
             format_fixed(level, 0) + ")";
      if (sp.score_slope < 0.05) s += "; scores barely separate matched from unmatched in " + sp.name;
      return s;
    });
  } else {
    add(P.unknown_score, true, [] { return std::string("Step 2 CK score not given"); });
  }

  // Graduate type.
  switch (profile.graduate_type) {
    case GraduateType::UsMd: add(P.us_md, false, [] { return std::string("US MD graduate"); }); break;
    case GraduateType::UsDo: add(P.us_do, false, [] { return std::string("US DO graduate"); }); break;
    case GraduateType::UsImg: add(P.us_img, false, [] { return std::string("US-citizen IMG"); }); break;
    case GraduateType::NonUsImg: break;
  }

  // IMG friendliness: a non-US IMG reads the program's non-US IMG share where it is given; a share
  // of all IMGs is set against the specialty's typical share counting US-citizen IMGs too. A
  // US-citizen IMG is one of all IMGs, so reads that share first.
  if (img) {
    const bool non_us = profile.graduate_type == GraduateType::NonUsImg;
    const bool use_non_us = program.img_share_non_us && (non_us || !program.img_share);
    if (use_non_us) {
      const double share = *program.img_share_non_us;
      add(P.img_share_slope * (share - sp.typical_img_share), false, [&] {
        return format_fixed(share * 100.0, 0) + "% of its residents are non-US IMGs (typical in " + sp.name + ": " +
               format_fixed(sp.typical_img_share * 100.0, 0) + "%)";
      });
    } else if (program.img_share) {
      const double share = *program.img_share;
      const double typical = sp.typical_img_share / P.non_us_part_of_img_share;
      add(P.img_share_slope * (share - typical), false, [&] {
        return format_fixed(share * 100.0, 0) + "% of its residents are IMGs (typical in " + sp.name + ": about " +
               format_fixed(typical * 100.0, 0) + "% counting US-citizen IMGs)";
      });
    } else {
      add(P.unknown_img_share, true, [] { return std::string("program states no IMG share"); });
    }
    if (program.setting == Setting::Community)
      add(P.community_setting, false, [] { return std::string("community program: friendlier to IMGs"); });
    if (program.setting == Setting::University)
      add(P.university_setting, false, [] { return std::string("university program: fewer IMGs interviewed"); });
  }

  // Visa.
  const bool visa_needed = facts != nullptr ? facts->needs_visa : needs_visa(profile);
  if (visa_needed) {
    const auto& v = program.visa;
    switch (profile.visa) {
      case VisaNeed::J1: add(P.visa_j1, false, [] { return std::string("needs a J-1 visa"); }); break;
      case VisaNeed::H1b:
        add(P.visa_h1b, false, [] { return std::string("needs an H-1B visa: fewer programs sponsor it"); });
        break;
      case VisaNeed::J1OrH1b: add(P.visa_either, false, [] { return std::string("needs a J-1 or H-1B visa"); }); break;
      case VisaNeed::None: break;
    }
    bool unknown_policy = false;
    if (profile.visa == VisaNeed::J1) unknown_policy = !v.j1.has_value();
    if (profile.visa == VisaNeed::H1b) unknown_policy = !v.h1b.has_value();
    if (profile.visa == VisaNeed::J1OrH1b) unknown_policy = v.j1 != true && v.h1b != true;
    if (unknown_policy)
      add(P.visa_unknown_policy, true, [&] {
        if (!v.j1 && !v.h1b) return std::string("program states no visa policy");
        return std::string(profile.visa == VisaNeed::H1b ? "program states no H-1B policy"
                                                         : "program states no J-1 policy");
      });
  }

  // Step 3.
  if (profile.step3_passed) {
    add(P.step3_passed, false, [] { return std::string("Step 3 passed"); });
  } else if (visa_needed && profile.visa == VisaNeed::H1b) {
    add(P.step3_missing_h1b, false,
        [] { return std::string("Step 3 not passed: H-1B programs usually require it before ranking"); });
  }

  // Attempts and years since graduation.
  const int attempts = facts != nullptr ? facts->attempts : modelled_attempts(profile);
  if (attempts > 1)
    add(P.per_extra_attempt * (attempts - 1), false,
        [&] { return plural(attempts, "attempt", "attempts") + " on a USMLE Step"; });
  const int years = facts != nullptr ? facts->years_since_graduation : years_since_graduation(profile);
  if (years > P.years_free)
    add(P.per_year_since_graduation * (years - P.years_free), false,
        [&] { return plural(years, "year", "years") + " since graduation"; });

  // US clinical experience and letters: US graduates have both by training.
  if (img) {
    const double hands_on = std::max(0.0, profile.usce_months.hands_on);
    if (hands_on > 0.0)
      add(P.per_month_hands_on * std::min(hands_on, P.hands_on_cap_months), false,
          [&] { return plural(hands_on, "month", "months") + " of hands-on US clinical experience"; });
    else
      add(P.no_hands_on_usce, false, [] { return std::string("no hands-on US clinical experience"); });
    const double obs = std::max(0.0, profile.usce_months.observership);
    if (obs > 0.0)
      add(P.per_month_observership * std::min(obs, P.observership_cap_months), false,
          [&] { return plural(obs, "month", "months") + " of observership"; });
    const int letters = std::max(0, profile.us_letters);
    if (letters > 0)
      add(P.per_us_letter * std::min(static_cast<double>(letters), P.us_letters_cap), false,
          [&] { return plural(letters, "US letter", "US letters") + " of recommendation"; });
    else
      add(P.no_us_letters, false, [] { return std::string("no US letters of recommendation"); });
  }

  // Letters from the target specialty.
  if (profile.specialty_letters && *profile.specialty_letters > 0) {
    const double n = std::min(static_cast<double>(*profile.specialty_letters), P.specialty_letters_cap);
    add(P.per_specialty_letter * n, false,
        [&] { return plural(*profile.specialty_letters, "letter", "letters") + " from your target specialty"; });
  }

  // An upward trajectory from a numeric Step 1 (before 2022) to Step 2 CK.
  if (profile.step1.score && step2ck && *step2ck > *profile.step1.score) {
    const double points = std::min(static_cast<double>(*step2ck - *profile.step1.score), P.improvement_cap_points);
    add(P.per_point_improvement * points, false, [&] {
      return "Step 2 CK " + format_fixed(static_cast<double>(*step2ck - *profile.step1.score), 0) +
             " points above your Step 1: an upward trajectory";
    });
  }

  // Place: the strongest tie to the program's state, or else a stated preference.
  if (!program.state.empty()) {
    double tie = 0.0;
    const char* why = nullptr;
    const ProgramFacts* pf = explain ? nullptr : options.program_facts;
    if (pf != nullptr && pf->ties <= 4) {
      // The same choice from the kinds found once (why is only read when explaining).
      for (int n = 0; n < pf->ties; ++n) {
        const TieKind kind = pf->tie_kinds[n];
        const double v = kind == TieKind::Trained ? P.tie_trained : kind == TieKind::Lived ? P.tie_lived : P.tie_family;
        if (why == nullptr || v > tie) {
          tie = v;
          why = "";
        }
      }
      if (why != nullptr)
        eta += tie;  // as add() does, bit for bit
      else if (pf->preferred_state)
        eta += P.preferred_state;
    } else {
      for (const StateTie& t : profile.state_ties) {
        if (t.state != program.state) continue;
        const double v = t.kind == TieKind::Trained ? P.tie_trained
                         : t.kind == TieKind::Lived ? P.tie_lived
                                                    : P.tie_family;
        if (why == nullptr || v > tie) {
          tie = v;
          why = t.kind == TieKind::Trained ? "you trained there"
                : t.kind == TieKind::Lived ? "you lived there"
                                           : "you have family there";
        }
      }
      if (why != nullptr)
        add(tie, false, [&] { return "in " + program.state + ": " + why; });
      else if (detail::contains_text(profile.preferred_states, program.state))
        add(P.preferred_state, false, [&] { return "in " + program.state + ", a state you prefer"; });
    }
  }
  const bool deep_south =
      !explain && options.program_facts != nullptr ? options.program_facts->deep_south : is_deep_south(program.state);
  if (img && deep_south)
    add(P.deep_south, false, [&] { return "Deep South program (" + program.state + "): fewer applicants"; });
  if (img && program.rural == true)
    add(P.rural_underserved, false, [] { return std::string("rural or underserved program"); });

  // Flexible cutoffs missed: each lowers the chance instead of excluding.
  if (explain) {
    for (const std::string& why : flexible_misses)
      add(P.flexible_cutoff_missed, false, [&] { return why + " (a flexible cutoff: it lowers the chance)"; });
  } else {
    for (int i = 0; i < flexible_missed; ++i) eta += P.flexible_cutoff_missed;  // as add() does, bit for bit
  }

  // What the program reads of the applicant, for the rank stage: every term, not the intercept or
  // the signal.
  const double profile_terms = eta - sp.interview_intercept;

  // Signal: unknown acceptance counts as accepting (93% of ERAS programs accepted signals in 2025).
  if (program.accepts_signals != false) c.signal_logit = img ? P.signal_img : P.signal_us;
  if (options.signal) {
    if (c.signal_logit > 0.0)
      add(c.signal_logit, false, [] { return std::string("program signal sent"); });
    else if (explain)
      c.terms.push_back({0.0, "program does not accept signals", false});
  }

  c.logits.reachable = true;
  c.logits.interview = eta;
  c.logits.match_given_interview =
      sp.match_given_interview + P.match_given_interview_shift + P.rank_stage_weight * profile_terms;
  if (!options.marginals) return c;
  // Both marginals in one pass over the nodes (the same sums as p_interview() and p_match()).
  const double ei = detail::det_exp(-clamp_logit(c.logits.interview));
  const double em = detail::det_exp(-clamp_logit(c.logits.match_given_interview));
  double sum_interview = 0.0, sum_match = 0.0;
  for (std::size_t k = 0; k < node_.size(); ++k) {
    const NodePair q = node_pair(ei, em, scale_interview_[k], scale_match_[k]);
    sum_interview += weight_[k] * q.interview;
    sum_match += weight_[k] * q.match;
  }
  c.p_interview = sum_interview;
  c.p_match = sum_match;
  if (explain) {
    std::stable_sort(c.terms.begin(), c.terms.end(),
                     [](const Term& a, const Term& b) { return std::fabs(a.value) > std::fabs(b.value); });
  }
  return c;
}

std::vector<ProgramChance> Model::score_all(const Profile& profile, const std::vector<Program>& programs,
                                            const ScoreOptions& options) const {
  std::vector<ProgramChance> out;
  out.reserve(programs.size());
  for (const auto& p : programs) out.push_back(score(profile, p, options));
  return out;
}

double Model::p_interview(const ProgramLogits& logits) const {
  if (!logits.reachable) return 0.0;
  const double ei = detail::det_exp(-clamp_logit(logits.interview));
  const double em = detail::det_exp(-clamp_logit(logits.match_given_interview));
  double sum = 0.0;
  for (std::size_t k = 0; k < node_.size(); ++k)
    sum += weight_[k] * node_pair(ei, em, scale_interview_[k], scale_match_[k]).interview;
  return sum;
}

double Model::p_match(const ProgramLogits& logits) const {
  if (!logits.reachable) return 0.0;
  const double ei = detail::det_exp(-clamp_logit(logits.interview));
  const double em = detail::det_exp(-clamp_logit(logits.match_given_interview));
  double sum = 0.0;
  for (std::size_t k = 0; k < node_.size(); ++k)
    sum += weight_[k] * node_pair(ei, em, scale_interview_[k], scale_match_[k]).match;
  return sum;
}

void Model::node_chances(const ProgramLogits& logits, std::vector<double>& interview,
                         std::vector<double>& match) const {
  // Every element is written below (or zeroed): no fill first (this runs for every candidate).
  interview.resize(node_.size());
  match.resize(node_.size());
  if (!logits.reachable) {
    std::fill(interview.begin(), interview.end(), 0.0);
    std::fill(match.begin(), match.end(), 0.0);
    return;
  }
  const double ei = detail::det_exp(-clamp_logit(logits.interview));
  const double em = detail::det_exp(-clamp_logit(logits.match_given_interview));
  for (std::size_t k = 0; k < node_.size(); ++k) {
    const NodePair q = node_pair(ei, em, scale_interview_[k], scale_match_[k]);
    interview[k] = q.interview;
    match[k] = q.match;
  }
}

void Model::node_match_chances(const ProgramLogits& logits, std::vector<double>& match) const {
  match.resize(node_.size());
  if (!logits.reachable) {
    std::fill(match.begin(), match.end(), 0.0);
    return;
  }
  const double ei = detail::det_exp(-clamp_logit(logits.interview));
  const double em = detail::det_exp(-clamp_logit(logits.match_given_interview));
  for (std::size_t k = 0; k < node_.size(); ++k) {
    // node_pair's match, written out: 1 / (a b).
    const double a = 1.0 + ei * scale_interview_[k];
    const double b = 1.0 + em * scale_match_[k];
    match[k] = 1.0 / (a * b);
  }
}

std::pair<double, double> Model::node_factors(const ProgramLogits& logits) const {
  return {interview_factor(logits), detail::det_exp(-clamp_logit(logits.match_given_interview))};
}

double Model::interview_factor(const ProgramLogits& logits) const {
  return detail::det_exp(-clamp_logit(logits.interview));
}

// ---- [SECTION] Lists ----------------------------------------------------------------------------

ListState Model::begin_list() const {
  ListState s;
  s.no_match.assign(node_.size(), 1.0);
  s.no_interview.assign(node_.size(), 1.0);
  return s;
}

void Model::append(ListState& list, const ProgramLogits& logits) const {
  double match_here = 0.0, first_interview_here = 0.0, interview_here = 0.0;
  if (logits.reachable) {
    const double ei = detail::det_exp(-clamp_logit(logits.interview));
    const double em = detail::det_exp(-clamp_logit(logits.match_given_interview));
    for (std::size_t k = 0; k < node_.size(); ++k) {
      const NodePair q = node_pair(ei, em, scale_interview_[k], scale_match_[k]);
      match_here += weight_[k] * list.no_match[k] * q.match;
      first_interview_here += weight_[k] * list.no_interview[k] * q.interview;
      interview_here += weight_[k] * q.interview;
      list.no_match[k] *= 1.0 - q.match;
      list.no_interview[k] *= 1.0 - q.interview;
    }
  }
  // Each sum is a probability up to rounding; keep the totals within [0, 1].
  list.p_match = std::min(1.0, list.p_match + match_here);
  list.p_interview_any = std::min(1.0, list.p_interview_any + first_interview_here);
  list.expected_interviews += interview_here;
  list.p_match_at.push_back(match_here);
}

double Model::gain_if_appended(const ListState& list, const ProgramLogits& logits) const {
  if (!logits.reachable) return 0.0;
  const double ei = detail::det_exp(-clamp_logit(logits.interview));
  const double em = detail::det_exp(-clamp_logit(logits.match_given_interview));
  double gain = 0.0;
  for (std::size_t k = 0; k < node_.size(); ++k)
    gain += weight_[k] * list.no_match[k] * node_pair(ei, em, scale_interview_[k], scale_match_[k]).match;
  return gain;
}

ListOutcome Model::evaluate_list(const std::vector<ProgramLogits>& in_rank_order) const {
  ListState s = begin_list();
  for (const auto& l : in_rank_order) append(s, l);
  return {s.p_match, s.p_interview_any, s.expected_interviews, std::move(s.p_match_at)};
}

}  // namespace openpick::core
