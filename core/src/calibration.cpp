#include "openpick/core/calibration.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "openpick/core/det_math.h"

namespace openpick::core {

namespace {

// Integer-based draws on std::mt19937_64, whose output sequence the C++ standard fixes (std
// distributions are implementation-defined and differ between libstdc++ and libc++).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : g_(seed) {}
  double uniform() { return static_cast<double>(g_() >> 11) * 0x1.0p-53; }  // [0, 1)
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(g_() % static_cast<std::uint64_t>(n)); }
  bool chance(double p) { return uniform() < p; }

 private:
  std::mt19937_64 g_;
};

constexpr int kMatchYear = 2026;

const char* pick_state(Rng& rng) {
  static constexpr const char* kDeepSouth[] = {"AL", "AR", "GA", "LA", "MS", "SC", "TN"};
  static constexpr const char* kOthers[] = {"AK", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "HI", "IA", "ID",
                                            "IL", "IN", "KS", "KY", "MA", "MD", "ME", "MI", "MN", "MO", "MT",
                                            "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR",
                                            "PA", "RI", "SD", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY"};
  // ASSUMPTION: 12% of programs are in the Deep South (close to its share of program tracks).
  if (rng.chance(0.12)) return kDeepSouth[rng.below(7)];
  return kOthers[rng.below(static_cast<int>(sizeof kOthers / sizeof kOthers[0]))];
}

}  // namespace

std::vector<ReferenceSpecialty> reference_specialties() {
  // name, programs, non-US IMG share, J-1, H-1B, match rate, matched, unmatched, sd, applications,
  // signals. Program counts: categorical tracks in program_counts_by_state.csv (2025 Main Match).
  return {
      {"Internal Medicine", 668, 0.327, 0.637, 0.22, 0.485, 249.0, 242.0, 14.0, 80, 15},
      {"Family Medicine", 771, 0.150, 0.55, 0.15, 0.539, 231.0, 232.0, 12.5, 60, 5},
      {"Psychiatry", 379, 0.080, 0.45, 0.15, 0.584, 242.0, 237.0, 14.0, 60, 10},
      {"Pediatrics", 248, 0.188, 0.60, 0.20, 0.685, 241.0, 234.0, 14.0, 45, 5},
      {"Neurology", 146, 0.239, 0.60, 0.25, 0.419, 250.0, 243.0, 14.0, 45, 8},
  };
}

std::vector<Program> make_reference_programs(const ReferenceSpecialty& ref, std::uint64_t seed) {
  Rng rng(seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(ref.programs));
  std::vector<Program> out;
  out.reserve(static_cast<std::size_t>(ref.programs));
  for (int i = 0; i < ref.programs; ++i) {
    Program p;
    char id[32];
    std::snprintf(id, sizeof id, "SYN-%c%c-%04d", ref.name[0], ref.name[1], i + 1);
    p.id = id;
    p.name = ref.name + " program " + std::to_string(i + 1);
    p.institution = "Synthetic hospital " + std::to_string(i + 1);
    p.specialty = ref.name;
    p.track = Track::Categorical;
    p.state = pick_state(rng);
    // ASSUMPTION: 30% university, 30% university-affiliated, 40% community.
    const double u = rng.uniform();
    const Setting setting = u < 0.30 ? Setting::University : u < 0.60 ? Setting::UniversityAffiliated : Setting::Community;
    p.setting = setting;
    p.positions = 4 + rng.below(14);
    // IMG share: the specialty's published share scaled by setting (IM community 55-70% vs
    // university 22-30%, Reddy et al. 2020: ASSUMPTION that other specialties scale alike), with
    // noise; 10% of programs state none.
    const double setting_scale = setting == Setting::Community ? 1.7 : setting == Setting::University ? 0.5 : 0.9;
    if (!rng.chance(0.10))
      p.img_share = std::min(0.95, ref.nonus_img_share * setting_scale * (0.3 + 1.4 * rng.uniform()));
    // Visa: J-1 share as published for IM; community programs sponsor less (JGME 2022). H-1B only
    // among J-1 sponsors, so that about h1b_share of all programs sponsor it. 8% state no policy.
    if (!rng.chance(0.08)) {
      const double visa_scale = setting == Setting::Community ? 0.85 : setting == Setting::University ? 1.15 : 1.05;
      const bool j1 = rng.chance(std::min(0.98, ref.j1_share * visa_scale));
      p.visa.j1 = j1;
      p.visa.h1b = j1 && rng.chance(std::min(0.98, ref.h1b_share / ref.j1_share * visa_scale));
    }
    // Stated cutoffs (ASSUMPTION: how often programs state them, and the values).
    if (rng.chance(0.20)) {
      static constexpr int kMins[] = {210, 215, 220, 220, 225, 230};
      p.cutoffs.step2ck_min = kMins[rng.below(6)] + (setting == Setting::University ? 5 : 0);
    }
    if (rng.chance(0.30)) {
      static constexpr int kYears[] = {3, 5, 5, 7, 10};
      p.cutoffs.max_years_since_graduation = kYears[rng.below(5)];
    }
    if (rng.chance(0.25)) p.cutoffs.max_attempts = rng.chance(0.4) ? 1 : 2;
    if (rng.chance(setting == Setting::Community ? 0.45 : 0.25)) p.cutoffs.usce_required = true;
    p.rural = rng.chance(0.15);
    p.accepts_signals = rng.chance(0.93);  // PUBLISHED: 93% of ERAS programs (2025)
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<CohortApplicant> make_cohort(const ReferenceSpecialty& ref, const std::vector<Program>& programs,
                                         const CohortOptions& options) {
  Rng rng(options.seed * 0xD1B54A32D192ED03ULL + static_cast<std::uint64_t>(ref.programs) * 7919u +
          static_cast<std::uint64_t>(options.graduate_type));
  const bool us_senior = options.graduate_type == GraduateType::UsMd || options.graduate_type == GraduateType::UsDo;
  // Step 2 CK: the published matched/unmatched mixture (mean and total sd); US seniors ASSUMPTION
  // 248 +- 15 (not in FACTS.md).
  const double r = ref.match_rate;
  const double gap = ref.score_gap();
  const double mean = us_senior ? 248.0 : r * ref.matched_mean + (1.0 - r) * ref.unmatched_mean;
  const double sd = us_senior ? 15.0 : std::sqrt(ref.within_sd * ref.within_sd + r * (1.0 - r) * gap * gap);
  const int n = std::max(1, options.applicants);

  std::vector<CohortApplicant> cohort;
  cohort.reserve(static_cast<std::size_t>(n));
  std::vector<std::size_t> eligible;
  for (int i = 0; i < n; ++i) {
    CohortApplicant a;
    Profile& p = a.profile;
    p.graduate_type = options.graduate_type;
    p.match_year = kMatchYear;
    const double q = (static_cast<double>(i) + 0.5) / static_cast<double>(n);
    p.step2ck.score = static_cast<int>(std::floor(mean + sd * detail::normal_quantile(q) + 0.5));
    p.specialties = {{ref.name, 1.0}};
    if (us_senior) {
      p.graduation_year = kMatchYear;
      p.visa = VisaNeed::None;
      p.us_letters = 4;
      p.usce_months.hands_on = 12.0;
    } else {
      // ASSUMPTIONS (the report has no data on these): years since graduation, attempts, visa,
      // Step 3, USCE, letters, geographic preferences.
      const double y = rng.uniform();
      const int years = y < 0.30 ? 1 + rng.below(2) : y < 0.60 ? 3 + rng.below(2) : y < 0.85 ? 5 + rng.below(3) : 8 + rng.below(5);
      p.graduation_year = kMatchYear - years;
      const double a1 = rng.uniform();
      p.step1.attempts = a1 < 0.88 ? 1 : a1 < 0.98 ? 2 : 3;
      const double a2 = rng.uniform();
      p.step2ck.attempts = a2 < 0.92 ? 1 : a2 < 0.99 ? 2 : 3;
      if (options.graduate_type == GraduateType::UsImg) {
        p.visa = VisaNeed::None;
      } else {
        const double v = rng.uniform();
        p.visa = v < 0.55 ? VisaNeed::J1 : v < 0.65 ? VisaNeed::H1b : v < 0.90 ? VisaNeed::J1OrH1b : VisaNeed::None;
      }
      p.step3_passed = rng.chance(0.25);
      const double h = rng.uniform();
      p.usce_months.hands_on = h < 0.35 ? 0.0 : h < 0.70 ? 1.0 + rng.below(3) : h < 0.90 ? 4.0 + rng.below(3) : 7.0 + rng.below(6);
      p.usce_months.observership = rng.chance(0.5) ? 0.0 : 1.0 + rng.below(3);
      const double l = rng.uniform();
      p.us_letters = l < 0.20 ? 0 : l < 0.35 ? 1 : l < 0.55 ? 2 : l < 0.85 ? 3 : 4;
      if (rng.chance(0.30))
        for (int s = 0; s < 3; ++s) p.preferred_states.push_back(pick_state(rng));
    }
    // Applications: about the typical count (ASSUMPTION: US seniors 30), drawn uniformly from the
    // programs the applicant is eligible for.
    eligible.clear();
    for (std::size_t j = 0; j < programs.size(); ++j)
      if (is_eligible(p, programs[j])) eligible.push_back(j);
    const int typical = us_senior ? 30 : ref.applications;
    int count = static_cast<int>(std::floor(typical * (0.5 + rng.uniform()) + 0.5));
    count = std::min(std::max(count, 5), static_cast<int>(eligible.size()));
    for (int k = 0; k < count; ++k) {
      const int pick = k + rng.below(static_cast<int>(eligible.size()) - k);
      std::swap(eligible[static_cast<std::size_t>(k)], eligible[static_cast<std::size_t>(pick)]);
      a.applications.push_back(eligible[static_cast<std::size_t>(k)]);
    }
    a.signals = ref.signals;
    cohort.push_back(std::move(a));
  }
  return cohort;
}

CohortResult evaluate_cohort(const Model& model, const std::vector<Program>& programs,
                             const std::vector<CohortApplicant>& cohort) {
  CohortResult r;
  double sum_p = 0.0, sum_ps = 0.0, sum_q = 0.0, sum_qs = 0.0, apps = 0.0, interviews = 0.0, indep = 0.0;
  for (const auto& a : cohort) {
    ListState list = model.begin_list();
    double none_indep = 1.0;
    int signals_left = a.signals;
    for (std::size_t idx : a.applications) {
      const Program& program = programs[idx];
      ScoreOptions opt;
      opt.explain = false;
      opt.signal = signals_left > 0 && program.accepts_signals != false;
      if (opt.signal) --signals_left;
      const ProgramChance c = model.score(a.profile, program, opt);
      model.append(list, c.logits);
      none_indep *= 1.0 - c.p_match;
    }
    const double p = list.p_match;
    const double s = a.profile.step2ck.score ? static_cast<double>(*a.profile.step2ck.score) : 0.0;
    sum_p += p;
    sum_ps += p * s;
    sum_q += 1.0 - p;
    sum_qs += (1.0 - p) * s;
    apps += static_cast<double>(a.applications.size());
    interviews += list.expected_interviews;
    indep += 1.0 - none_indep;
  }
  const double n = cohort.empty() ? 1.0 : static_cast<double>(cohort.size());
  r.match_rate = sum_p / n;
  r.matched_mean_score = sum_p > 0.0 ? sum_ps / sum_p : 0.0;
  r.unmatched_mean_score = sum_q > 0.0 ? sum_qs / sum_q : 0.0;
  r.score_gap = r.matched_mean_score - r.unmatched_mean_score;
  r.mean_applications = apps / n;
  r.mean_interviews = interviews / n;
  r.mean_independent_match_rate = indep / n;
  return r;
}

namespace {

ModelParams with_specialty(const ModelParams& base, const std::string& name, double intercept, double slope) {
  ModelParams p = base;
  for (auto& s : p.specialties)
    if (s.name == name) {
      s.interview_intercept = intercept;
      s.score_slope = slope;
    }
  return p;
}

// The intercept that hits the match rate for a given slope (the rate rises with the intercept).
double solve_intercept(const ModelParams& base, const ReferenceSpecialty& ref, double slope,
                       const std::vector<Program>& programs, const std::vector<CohortApplicant>& cohort,
                       CohortResult* result) {
  double lo = -12.0, hi = 6.0;
  for (int it = 0; it < 40; ++it) {
    const double mid = 0.5 * (lo + hi);
    const CohortResult r = evaluate_cohort(Model(with_specialty(base, ref.name, mid, slope)), programs, cohort);
    if (r.match_rate < ref.match_rate) lo = mid; else hi = mid;
  }
  const double a = 0.5 * (lo + hi);
  if (result != nullptr) *result = evaluate_cohort(Model(with_specialty(base, ref.name, a, slope)), programs, cohort);
  return a;
}

}  // namespace

SpecialtyFit fit_specialty(const ModelParams& base, const ReferenceSpecialty& ref, const std::vector<Program>& programs,
                           const std::vector<CohortApplicant>& cohort) {
  SpecialtyFit fit;
  auto gap_at = [&](double slope, double* intercept, CohortResult* r) {
    *intercept = solve_intercept(base, ref, slope, programs, cohort, r);
    return r->score_gap;
  };
  double a = 0.0;
  CohortResult r;
  // With slope 0 the gap comes only from stated score minimums; if that already reaches the target
  // (Family Medicine), the slope stays 0.
  if (gap_at(0.0, &a, &r) >= ref.score_gap()) {
    fit.interview_intercept = a;
    fit.score_slope = 0.0;
    fit.result = r;
    return fit;
  }
  double lo = 0.0, hi = 4.0;
  for (int it = 0; it < 24; ++it) {
    const double mid = 0.5 * (lo + hi);
    if (gap_at(mid, &a, &r) < ref.score_gap()) lo = mid; else hi = mid;
  }
  fit.score_slope = 0.5 * (lo + hi);
  gap_at(fit.score_slope, &a, &r);
  fit.interview_intercept = a;
  fit.result = r;
  return fit;
}

double fit_parameter(const ModelParams& base, double ModelParams::*member, double target_rate, double lo, double hi,
                     const std::vector<Program>& programs, const std::vector<CohortApplicant>& cohort) {
  for (int it = 0; it < 40; ++it) {
    const double mid = 0.5 * (lo + hi);
    ModelParams p = base;
    p.*member = mid;
    if (evaluate_cohort(Model(p), programs, cohort).match_rate < target_rate) lo = mid; else hi = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace openpick::core
