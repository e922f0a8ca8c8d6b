#include "openpick/core/calibration.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>

#include "openpick/core/det_math.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/signals.h"

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
  static constexpr const char* kOthers[] = {"AK", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "HI", "IA", "ID",
                                            "IL", "IN", "KS", "KY", "MA", "MD", "ME", "MI", "MN", "MO", "MT",
                                            "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR",
                                            "PA", "RI", "SD", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY"};
  // ASSUMPTION: 12% of programs are in the Deep South (close to its share of program tracks).
  constexpr int kDeepSouthCount = static_cast<int>(sizeof kDeepSouthStates / sizeof kDeepSouthStates[0]);
  if (rng.chance(0.12)) return kDeepSouthStates[rng.below(kDeepSouthCount)];
  return kOthers[rng.below(static_cast<int>(sizeof kOthers / sizeof kOthers[0]))];
}

}  // namespace

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
    const Setting setting = u < 0.30   ? Setting::University
                            : u < 0.60 ? Setting::UniversityAffiliated
                                       : Setting::Community;
    p.setting = setting;
    p.positions = 4 + rng.below(14);
    // IMG share: the specialty's published share scaled by setting (IM community 55-70% vs
    // university 22-30%, Reddy et al. 2020: ASSUMPTION that other specialties scale alike), with
    // noise; 10% of programs state none. Drawn around the non-US IMG fill share, so stated as the
    // non-US IMG share (what the fitted constants were fitted against).
    const double setting_scale = setting == Setting::Community ? 1.7 : setting == Setting::University ? 0.5 : 0.9;
    if (!rng.chance(0.10))
      p.img_share_non_us = std::min(0.95, ref.nonus_img_share * setting_scale * (0.3 + 1.4 * rng.uniform()));
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
                                         const CohortOptions& options, const Model& aim) {
  Rng rng(options.seed * 0xD1B54A32D192ED03ULL + static_cast<std::uint64_t>(ref.programs) * 7919u +
          static_cast<std::uint64_t>(options.graduate_type));
  // The aim's noise has its own stream, so a change of aim leaves every profile as it was.
  Rng aim_rng(options.seed * 0x94D049BB133111EBULL + static_cast<std::uint64_t>(ref.programs));
  const bool us_senior = options.graduate_type == GraduateType::UsMd || options.graduate_type == GraduateType::UsDo;
  // Step 2 CK: the published matched/unmatched mixture (mean and total sd); US seniors ASSUMPTION
  // 248 +- 15 (not in the targets).
  const double r = ref.match_rate;
  const double gap = ref.matched_mean - ref.unmatched_mean;
  const double mean = us_senior ? 248.0 : r * ref.matched_mean + (1.0 - r) * ref.unmatched_mean;
  const double sd = us_senior ? 15.0 : std::sqrt(ref.within_sd * ref.within_sd + r * (1.0 - r) * gap * gap);
  const int n = std::max(1, options.applicants);
  const SignalAllowance signals = signal_allowance(ref.name);

  std::vector<CohortApplicant> cohort;
  cohort.reserve(static_cast<std::size_t>(n));
  std::vector<std::pair<double, std::size_t>> eligible;
  ScoreOptions fast;
  fast.explain = false;
  for (int i = 0; i < n; ++i) {
    CohortApplicant a;
    Profile& p = a.profile;
    p.graduate_type = options.graduate_type;
    p.match_year = kMatchYear;
    const double q = (static_cast<double>(i) + 0.5) / static_cast<double>(n);
    // Every published score is a passing one. ASSUMPTION: the cohort's attempts were scored in
    // January 2022, under the oldest mark (209), so the published lower tail stays a pass.
    p.step2ck.date = "2022-01";
    p.step2ck.score = std::max(209, static_cast<int>(std::floor(mean + sd * detail::normal_quantile(q) + 0.5)));
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
      const int years = y < 0.30   ? 1 + rng.below(2)
                        : y < 0.60 ? 3 + rng.below(2)
                        : y < 0.85 ? 5 + rng.below(3)
                                   : 8 + rng.below(5);
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
      p.usce_months.hands_on = h < 0.35   ? 0.0
                               : h < 0.70 ? 1.0 + rng.below(3)
                               : h < 0.90 ? 4.0 + rng.below(3)
                                          : 7.0 + rng.below(6);
      p.usce_months.observership = rng.chance(0.5) ? 0.0 : 1.0 + rng.below(3);
      const double l = rng.uniform();
      p.us_letters = l < 0.20 ? 0 : l < 0.35 ? 1 : l < 0.55 ? 2 : l < 0.85 ? 3 : 4;
      if (rng.chance(0.30))
        for (int s = 0; s < 3; ++s) p.preferred_states.push_back(pick_state(rng));
    }
    // Applications: about the typical count (ASSUMPTION: US seniors 30), aimed: the programs the
    // applicant is eligible for, ranked by the model's interview logit plus noise.
    eligible.clear();
    for (std::size_t j = 0; j < programs.size(); ++j) {
      if (!is_eligible(p, programs[j])) continue;
      const double noise = options.aim_noise * detail::normal_quantile(std::max(1e-12, aim_rng.uniform()));
      eligible.push_back({aim.score(p, programs[j], fast).logits.interview + noise, j});
    }
    const int typical = us_senior ? 30 : ref.applications;
    int count = static_cast<int>(std::floor(typical * (0.5 + rng.uniform()) + 0.5));
    count = std::min(std::max(count, 5), static_cast<int>(eligible.size()));
    std::partial_sort(eligible.begin(), eligible.begin() + count, eligible.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    for (int k = 0; k < count; ++k) a.applications.push_back(eligible[static_cast<std::size_t>(k)].second);
    a.gold_signals = signals.gold;
    a.silver_signals = signals.silver;
    cohort.push_back(std::move(a));
  }
  return cohort;
}

namespace {

// The cohort's applications reduced to what the fit varies: with the specialty's intercept a,
// score slope b and P(match | interview) constant m, an application's interview logit is
// a + rest + b * d + signal and its match logit m + shift + lambda * (rest + b * d), where rest
// and d do not depend on a, b or m. Scoring each application twice once (b = 0 and b = 1) makes
// every evaluation of the fit a pass over numbers, not over profiles.
struct CachedApplication {
  double rest = 0.0;
  double d = 0.0;
  double signal = 0.0;
};
struct CachedApplicant {
  double score = 0.0;
  std::vector<CachedApplication> apps;
};

ModelParams with_specialty(const ModelParams& base, const std::string& name, double intercept, double slope,
                           double match_given_interview) {
  ModelParams p = base;
  for (auto& s : p.specialties)
    if (s.name == name) {
      s.interview_intercept = intercept;
      s.score_slope = slope;
      s.match_given_interview = match_given_interview;
    }
  return p;
}

std::vector<CachedApplicant> cache_cohort(const ModelParams& params, const std::vector<Program>& programs,
                                          const std::vector<CohortApplicant>& cohort) {
  std::vector<CachedApplicant> out;
  out.reserve(cohort.size());
  ScoreOptions fast;
  fast.explain = false;
  // One model per specialty in the list at slope 0 and one at slope 1, both with intercept 0.
  std::vector<std::pair<std::string, std::pair<Model, Model>>> models;
  auto models_for = [&](const std::string& specialty) -> const std::pair<Model, Model>& {
    for (const auto& m : models)
      if (m.first == specialty) return m.second;
    const std::string name = Model(params, 2).specialty(specialty).name;
    models.push_back({specialty,
                      {Model(with_specialty(params, name, 0.0, 0.0, 0.0), 2),
                       Model(with_specialty(params, name, 0.0, 1.0, 0.0), 2)}});
    return models.back().second;
  };
  for (const auto& a : cohort) {
    CachedApplicant c;
    c.score = a.profile.step2ck.score ? static_cast<double>(*a.profile.step2ck.score) : 0.0;
    int gold = a.gold_signals, silver = a.silver_signals;
    for (std::size_t idx : a.applications) {
      const Program& program = programs[idx];
      const auto& [flat, sloped] = models_for(program.specialty);
      const ProgramChance c0 = flat.score(a.profile, program, fast);
      const ProgramChance c1 = sloped.score(a.profile, program, fast);
      CachedApplication app;
      app.rest = c0.logits.interview;
      app.d = c1.logits.interview - c0.logits.interview;
      if (c0.signal_logit > 0.0 && gold > 0) {
        app.signal = c0.signal_logit;
        --gold;
      } else if (c0.signal_logit > 0.0 && silver > 0) {
        app.signal = kSilverShare * c0.signal_logit;
        --silver;
      }
      c.apps.push_back(app);
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Interpolated quantile of a weighted sample sorted by value (scores in cohort order rise).
double weighted_quantile(const std::vector<CachedApplicant>& cohort, const std::vector<double>& w, double q) {
  double total = 0.0;
  for (double x : w) total += x;
  if (total <= 0.0) return 0.0;
  double cum = 0.0;
  for (std::size_t i = 0; i < cohort.size(); ++i) {
    if (cum + w[i] >= q * total) return cohort[i].score;
    cum += w[i];
  }
  return cohort.back().score;
}

// The median of a distribution over 1, 2, ... (index 0 unused), as for grouped data.
double grouped_median(const std::vector<double>& dist) {
  double total = 0.0;
  for (std::size_t n = 1; n < dist.size(); ++n) total += dist[n];
  if (total <= 0.0) return 0.0;
  double cum = 0.0;
  for (std::size_t n = 1; n < dist.size(); ++n) {
    if (dist[n] > 0.0 && cum + dist[n] >= 0.5 * total)
      return static_cast<double>(n) - 0.5 + (0.5 * total - cum) / dist[n];
    cum += dist[n];
  }
  return static_cast<double>(dist.size() - 1);
}

constexpr std::size_t kMaxRanks = 60;

CohortResult evaluate_cached(const ModelParams& params, const std::string& specialty, double a, double b, double m,
                             const std::vector<CachedApplicant>& cohort, const CohortEvalOptions& options) {
  const Model model(params);
  const std::size_t K = model.nodes().size();
  const double lambda = params.rank_stage_weight;
  const double shift = params.match_given_interview_shift;
  (void)specialty;
  CohortResult r;
  double sum_p = 0.0, sum_any = 0.0, sum_ps = 0.0, sum_us = 0.0, apps = 0.0, interviews = 0.0, indep = 0.0;
  std::vector<double> w_matched(cohort.size()), w_unmatched(cohort.size());
  std::vector<double> ranks_m(kMaxRanks + 1, 0.0), ranks_u(kMaxRanks + 1, 0.0);
  std::vector<double> f, g, f2, g2, pi, pm;
  std::vector<std::vector<double>> node_i, node_m;
  for (std::size_t i = 0; i < cohort.size(); ++i) {
    const CachedApplicant& c = cohort[i];
    ListState list = model.begin_list();
    double none_indep = 1.0;
    if (options.ranks) {
      node_i.assign(c.apps.size(), {});
      node_m.assign(c.apps.size(), {});
    }
    for (std::size_t j = 0; j < c.apps.size(); ++j) {
      const CachedApplication& app = c.apps[j];
      const double t = app.rest + b * app.d;
      ProgramLogits l;
      l.reachable = true;
      l.interview = a + t + app.signal;
      l.match_given_interview = m + shift + lambda * t;
      model.append(list, l);
      none_indep *= 1.0 - model.p_match(l);
      if (options.ranks) model.node_chances(l, node_i[j], node_m[j]);
    }
    const double p = list.p_match;
    sum_p += p;
    sum_any += list.p_interview_any;
    w_matched[i] = p;
    w_unmatched[i] = std::max(0.0, list.p_interview_any - p);
    sum_ps += p * c.score;
    sum_us += w_unmatched[i] * c.score;
    apps += static_cast<double>(c.apps.size());
    interviews += list.expected_interviews;
    indep += 1.0 - none_indep;
    if (options.ranks) {
      // Per node: f[n] = P(n interviews so far, no match yet), g[n] = P(n interviews, matched).
      for (std::size_t k = 0; k < K; ++k) {
        f.assign(kMaxRanks + 1, 0.0);
        g.assign(kMaxRanks + 1, 0.0);
        f[0] = 1.0;
        for (std::size_t j = 0; j < c.apps.size(); ++j) {
          const double pint = node_i[j][k];
          const double mu = pint > 0.0 ? node_m[j][k] / pint : 0.0;
          f2.assign(kMaxRanks + 1, 0.0);
          g2.assign(kMaxRanks + 1, 0.0);
          for (std::size_t n = 0; n <= kMaxRanks; ++n) {
            const std::size_t up = std::min(n + 1, kMaxRanks);
            f2[n] += f[n] * (1.0 - pint);
            f2[up] += f[n] * pint * (1.0 - mu);
            g2[up] += f[n] * pint * mu + g[n] * pint;
            g2[n] += g[n] * (1.0 - pint);
          }
          f.swap(f2);
          g.swap(g2);
        }
        const double w = model.weights()[k];
        for (std::size_t n = 1; n <= kMaxRanks; ++n) {
          ranks_m[n] += w * g[n];
          ranks_u[n] += w * f[n];
        }
      }
    }
  }
  const double n = cohort.empty() ? 1.0 : static_cast<double>(cohort.size());
  r.match_rate = sum_any > 0.0 ? sum_p / sum_any : 0.0;
  r.match_rate_all = sum_p / n;
  r.ranked = sum_any / n;
  r.matched_mean_score = sum_p > 0.0 ? sum_ps / sum_p : 0.0;
  const double sum_u = sum_any - sum_p;
  r.unmatched_mean_score = sum_u > 0.0 ? sum_us / sum_u : 0.0;
  r.score_gap = r.matched_mean_score - r.unmatched_mean_score;
  r.mean_applications = apps / n;
  r.mean_interviews = interviews / n;
  r.mean_independent_match_rate = indep / n;
  for (int q = 0; q < 3; ++q) {
    r.quartiles_matched[q] = weighted_quantile(cohort, w_matched, 0.25 * (q + 1));
    r.quartiles_unmatched[q] = weighted_quantile(cohort, w_unmatched, 0.25 * (q + 1));
  }
  if (options.ranks) {
    double tm = 0.0, tu = 0.0;
    for (std::size_t k = 1; k <= kMaxRanks; ++k) tm += ranks_m[k], tu += ranks_u[k];
    for (std::size_t k = 1; k <= kMaxRanks; ++k) {
      ranks_m[k] = tm > 0.0 ? ranks_m[k] / tm : 0.0;
      ranks_u[k] = tu > 0.0 ? ranks_u[k] / tu : 0.0;
    }
    r.median_ranks_matched = grouped_median(ranks_m);
    r.median_ranks_unmatched = grouped_median(ranks_u);
    r.ranks_matched = std::move(ranks_m);
    r.ranks_unmatched = std::move(ranks_u);
  }
  return r;
}

// The intercept that hits the match rate for a given slope. The rate among applicants with an
// interview rises with the intercept over any plausible range, but not at absurd ones: with almost
// no interviews the few who get one are the strongest, and they match. So the search walks down
// from a high intercept to the first one whose rate is under the target and bisects that step.
double solve_intercept(const ModelParams& base, const ReferenceSpecialty& ref, double slope, double m,
                       const std::vector<CachedApplicant>& cohort, CohortResult* result) {
  auto rate = [&](double a) { return evaluate_cached(base, ref.name, a, slope, m, cohort, {}).match_rate; };
  double hi = 6.0, lo = hi - 1.0;
  while (lo > -10.0 && rate(lo) >= ref.match_rate) hi = lo, lo -= 1.0;
  for (int it = 0; it < 20; ++it) {
    const double mid = 0.5 * (lo + hi);
    if (rate(mid) < ref.match_rate)
      lo = mid;
    else
      hi = mid;
  }
  const double a = 0.5 * (lo + hi);
  if (result != nullptr) *result = evaluate_cached(base, ref.name, a, slope, m, cohort, {});
  return a;
}

SpecialtyFit fit_cached(const ModelParams& base, const ReferenceSpecialty& ref,
                        const std::vector<CachedApplicant>& cohort, double m) {
  SpecialtyFit fit;
  fit.match_given_interview = m;
  auto gap_at = [&](double slope, double* intercept, CohortResult* r) {
    *intercept = solve_intercept(base, ref, slope, m, cohort, r);
    return r->score_gap;
  };
  double a = 0.0;
  CohortResult r;
  // With slope 0 the gap comes only from stated score minimums; if that already reaches the target
  // the slope stays 0.
  if (gap_at(0.0, &a, &r) >= ref.score_gap()) {
    fit.interview_intercept = a;
    fit.score_slope = 0.0;
    fit.result = r;
    return fit;
  }
  double lo = 0.0, hi = 2.0;
  for (int it = 0; it < 16; ++it) {
    const double mid = 0.5 * (lo + hi);
    if (gap_at(mid, &a, &r) < ref.score_gap())
      lo = mid;
    else
      hi = mid;
  }
  fit.score_slope = 0.5 * (lo + hi);
  gap_at(fit.score_slope, &a, &r);
  fit.interview_intercept = a;
  fit.result = r;
  return fit;
}

}  // namespace

CohortResult evaluate_cohort(const Model& model, const std::vector<Program>& programs,
                             const std::vector<CohortApplicant>& cohort, const CohortEvalOptions& options) {
  // Cached at the model's own constants and evaluated at them: one path for the fit and the checks.
  const ModelParams& params = model.params();
  const std::vector<CachedApplicant> cached = cache_cohort(params, programs, cohort);
  std::string specialty;
  for (const auto& a : cohort)
    if (!a.applications.empty()) specialty = programs[a.applications.front()].specialty;
  const SpecialtyParams& sp = model.specialty(specialty);
  return evaluate_cached(params, sp.name, sp.interview_intercept, sp.score_slope, sp.match_given_interview, cached,
                         options);
}

SpecialtyFit fit_specialty(const ModelParams& base, const ReferenceSpecialty& ref, const std::vector<Program>& programs,
                           const std::vector<CohortApplicant>& cohort, double match_given_interview) {
  return fit_cached(base, ref, cache_cohort(base, programs, cohort), match_given_interview);
}

SpecialtyFit fit_specialty_with_ranks(const ModelParams& base, const ReferenceSpecialty& ref,
                                      const std::vector<Program>& programs,
                                      const std::vector<CohortApplicant>& cohort) {
  const std::vector<CachedApplicant> cached = cache_cohort(base, programs, cohort);
  const RankMedians target = ref.median_ranks.value_or(RankMedians{});
  CohortEvalOptions with_ranks;
  with_ranks.ranks = true;
  // The medians' squared miss; a value of m at which the rate cannot be hit (with few interviews the
  // few who get one are strong and match: the rate among them has a floor) loses outright.
  auto loss = [&](double m, SpecialtyFit* out) {
    SpecialtyFit f = fit_cached(base, ref, cached, m);
    f.result = evaluate_cached(base, ref.name, f.interview_intercept, f.score_slope, m, cached, with_ranks);
    const double dm = f.result.median_ranks_matched - target.matched;
    const double du = f.result.median_ranks_unmatched - target.unmatched;
    const bool feasible = std::fabs(f.result.match_rate - ref.match_rate) < 0.002;
    if (out != nullptr) *out = f;
    return (feasible ? 0.0 : 1e6) + dm * dm + du * du;
  };
  // A grid over m, then a finer one around the best point.
  double best_m = -1.0, best = 1e300;
  for (int i = 0; i <= 16; ++i) {
    const double m = -4.0 + 0.25 * i;
    const double l = loss(m, nullptr);
    if (l < best) best = l, best_m = m;
  }
  const double centre = best_m;
  for (double m : {centre - 0.125, centre - 0.0625, centre + 0.0625, centre + 0.125}) {
    const double l = loss(m, nullptr);
    if (l < best) best = l, best_m = m;
  }
  SpecialtyFit fit;
  loss(best_m, &fit);
  return fit;
}

double fit_parameter(const ModelParams& base, double ModelParams::*member, double target_rate, double lo, double hi,
                     const std::vector<Program>& programs, const std::vector<CohortApplicant>& cohort) {
  for (int it = 0; it < 30; ++it) {
    const double mid = 0.5 * (lo + hi);
    ModelParams p = base;
    p.*member = mid;
    if (evaluate_cohort(Model(p), programs, cohort).match_rate < target_rate)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

ModelParams refit_model(const CalibrationTargets& targets, const ModelParams& start, int rounds,
                        const std::function<void(const std::string&)>& log) {
  auto say = [&](const std::string& line) {
    if (log) log(line);
  };
  char buf[256];
  ModelParams params = start;
  for (int round = 0; round < std::max(1, rounds); ++round) {
    const Model aim(params);
    // Specialties with published rank medians first: their m_s is fitted; the others take the mean.
    std::vector<double> fitted_m;
    std::vector<std::pair<const ReferenceSpecialty*, SpecialtyFit>> fits;
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& ref : targets.specialties) {
        if (ref.median_ranks.has_value() != (pass == 0)) continue;
        const std::vector<Program> programs = make_reference_programs(ref, 1);
        const std::vector<CohortApplicant> cohort = make_cohort(ref, programs, CohortOptions{}, aim);
        SpecialtyFit fit;
        if (pass == 0) {
          fit = fit_specialty_with_ranks(params, ref, programs, cohort);
          fitted_m.push_back(fit.match_given_interview);
        } else {
          double mean_m = -1.1;
          if (!fitted_m.empty()) {
            mean_m = 0.0;
            for (double m : fitted_m) mean_m += m;
            mean_m /= static_cast<double>(fitted_m.size());
          }
          // No published medians: the mean of the fitted m_s, lowered in steps while the rate
          // cannot be hit there (its floor, see solve_intercept).
          for (double m = mean_m; m > -6.0; m -= 0.25) {
            fit = fit_specialty(params, ref, programs, cohort, m);
            if (std::fabs(fit.result.match_rate - ref.match_rate) < 0.002) break;
          }
        }
        std::snprintf(
            buf, sizeof buf,
            "round %d %-18s intercept %.4f slope %.4f m %.4f | rate %.4f (target %.4f) gap %+.2f (target %+.2f)",
            round + 1, ref.name.c_str(), fit.interview_intercept, fit.score_slope, fit.match_given_interview,
            fit.result.match_rate, ref.match_rate, fit.result.score_gap, ref.score_gap());
        say(buf);
        fits.push_back({&ref, fit});
      }
    }
    for (const auto& [ref, fit] : fits)
      params = with_specialty(params, ref->name, fit.interview_intercept, fit.score_slope, fit.match_given_interview);
  }
  // Graduate type: US MD and DO seniors' published rates (all specialties), on the first
  // specialty's cohort of seniors as a proxy.
  const ReferenceSpecialty& first = targets.specialties.front();
  const std::vector<Program> programs = make_reference_programs(first, 1);
  const Model aim(params);
  CohortOptions md{300, GraduateType::UsMd, 2026};
  CohortOptions dos{300, GraduateType::UsDo, 2026};
  params.us_md = fit_parameter(params, &ModelParams::us_md, targets.us_md_senior_rate, 0.0, 8.0, programs,
                               make_cohort(first, programs, md, aim));
  params.us_do = fit_parameter(params, &ModelParams::us_do, targets.us_do_senior_rate, 0.0, 8.0, programs,
                               make_cohort(first, programs, dos, aim));
  std::snprintf(buf, sizeof buf, "us_md %.4f us_do %.4f", params.us_md, params.us_do);
  say(buf);
  return params;
}

}  // namespace openpick::core
