// "Research these next" (research.h): the value of learning each program's unknown facts, with the
// plan's list kept at its length and one program swapped once the fact is known.
#include "openpick/core/research.h"

#include <algorithm>

#include "openpick/core/calibration.h"
#include "openpick/core/eligibility.h"
#include "openpick/core/planner.h"
#include "openpick/core/signals.h"
#include "text_equal.h"

namespace openpick::core {

namespace {

bool is_one_year(Track t) { return t == Track::Preliminary || t == Track::Transitional; }

// How many programs off the list are weighed: the best as replacements, the most promising of
// those with unknown facts as research targets.
constexpr std::size_t kReplacements = 5;
constexpr std::size_t kNearTargets = 20;

const char* kHowJ1 = "its visa page or GME office: does it take J-1 residents (ECFMG sponsors the visa)?";
const char* kHowH1b = "its visa page or GME office: does it sponsor H-1B, and does it ask for Step 3 first?";
const char* kHowShare = "its current residents (program website, FREIDA, social media): how many are IMGs";
const char* kHowShareNonUs = "the same roster: how many residents are non-US citizens";

// One way a fact may turn out: its chance, and what it does to the interview logit (the rank stage
// reads the same term, times lambda), or that the program then cannot take the applicant.
struct Outcome {
  double chance = 1.0;
  double delta = 0.0;
  bool excluded = false;
};

struct Facts {
  std::vector<Outcome> outcomes;  // every combination of the unknown facts' outcomes
  std::vector<std::string> fields, how;
};

// Published visa shares of the specialty's programs (calibration targets; IM's for a specialty
// without its own).
void visa_shares(const std::string& specialty, double& j1, double& h1b) {
  const auto& refs = calibration_targets().specialties;
  const ReferenceSpecialty* use = refs.empty() ? nullptr : &refs.front();
  for (const auto& r : refs)
    if (r.name == specialty) use = &r;
  j1 = use ? use->j1_share : 0.637;
  h1b = use ? use->h1b_share : 0.22;
}

// Multiplies the outcome sets: learning two facts is learning every combination.
void combine(std::vector<Outcome>& into, const std::vector<Outcome>& with) {
  if (with.empty()) return;
  if (into.empty()) {
    into = with;
    return;
  }
  std::vector<Outcome> out;
  for (const Outcome& a : into)
    for (const Outcome& b : with) out.push_back({a.chance * b.chance, a.delta + b.delta, a.excluded || b.excluded});
  into = std::move(out);
}

Facts unknown_facts(const Profile& profile, const Program& program, const Model& model) {
  Facts f;
  const ModelParams& P = model.params();
  // The visa policy the applicant needs, where the program does not state it (the model's
  // unknown-policy term applies exactly then).
  if (needs_visa(profile)) {
    const VisaPolicy& v = program.visa;
    double j1 = 0, h1b = 0;
    visa_shares(program.specialty, j1, h1b);
    double accepts = -1.0;
    switch (profile.visa) {
      case VisaNeed::J1:
        if (!v.j1) {
          accepts = j1;
          f.fields.push_back("visa.j1");
          f.how.push_back(kHowJ1);
        }
        break;
      case VisaNeed::H1b:
        // H-1B sponsors are nearly all J-1 programs too (JGME 2022: 22% of all, 63.7% J-1).
        if (!v.h1b) {
          accepts = v.j1 == true && j1 > 0 ? std::min(1.0, h1b / j1) : h1b;
          f.fields.push_back("visa.h1b");
          f.how.push_back(kHowH1b);
        }
        break;
      case VisaNeed::J1OrH1b:
        if (v.j1 != true && v.h1b != true) {
          accepts = !v.j1 ? j1 : h1b;
          if (!v.j1) {
            f.fields.push_back("visa.j1");
            f.how.push_back(kHowJ1);
          }
          if (!v.h1b) {
            f.fields.push_back("visa.h1b");
            f.how.push_back(kHowH1b);
          }
        }
        break;
      case VisaNeed::None: break;
    }
    if (accepts >= 0.0) combine(f.outcomes, {{accepts, -P.visa_unknown_policy, false}, {1.0 - accepts, 0.0, true}});
  }
  // The IMG share, for an IMG, where neither share is stated: half or one and a half times the
  // specialty's typical non-US share, in place of the unknown-share term (ASSUMPTION).
  if (is_img(profile.graduate_type) && !program.img_share && !program.img_share_non_us) {
    const SpecialtyParams& sp = model.specialty(program.specialty);
    const double spread = P.img_share_slope * 0.5 * sp.typical_img_share;
    combine(f.outcomes, {{0.5, -P.unknown_img_share - spread, false}, {0.5, -P.unknown_img_share + spread, false}});
    f.fields.push_back("img_share");
    f.how.push_back(kHowShare);
    if (profile.graduate_type == GraduateType::NonUsImg) {
      f.fields.push_back("img_share_non_us");
      f.how.push_back(kHowShareNonUs);
    }
  }
  return f;
}

// P(match at this program | z_k) with the interview logit moved by `delta` (the rank stage by
// lambda times it).
std::vector<double> node_match(const Model& model, ProgramLogits l, double delta) {
  l.interview += delta;
  l.match_given_interview += model.params().rank_stage_weight * delta;
  std::vector<double> interview, match;
  model.node_chances(l, interview, match);
  return match;
}

// 1 - sum_k w_k * none[k] * (1 - m[k]): P(match) of a list whose other members leave `none`.
double p_with(const std::vector<double>& w, const std::vector<double>& none, const std::vector<double>& m) {
  double miss = 0.0;
  for (std::size_t k = 0; k < w.size(); ++k) miss += w[k] * none[k] * (1.0 - m[k]);
  return 1.0 - miss;
}

struct Scored {
  std::size_t index = 0;
  ProgramLogits logits;
  Facts facts;
  double rank_key = 0.0;  // for choosing which programs off the list to weigh
};

}  // namespace

std::vector<ResearchItem> research_next(const Profile& profile, const Dataset& dataset, const Plan& plan,
                                        const PlanOptions& options, const Model& model) {
  const std::vector<double>& w = model.weights();
  const std::size_t K = w.size();
  ScoreOptions so;
  so.explain = false;
  const ProfileFacts facts = profile_facts(profile);  // found once, for every program scored
  so.facts = &facts;

  // The list: the plan's programs that complete a residency, with their signals.
  std::vector<Scored> list;
  std::vector<bool> on_list(dataset.programs.size(), false);
  for (const PlannedProgram& pp : plan.programs) {
    on_list[pp.index] = true;
    const Program& program = dataset.programs[pp.index];
    if (is_one_year(program.track)) continue;
    const ProgramChance c = model.score(profile, program, so);
    if (!c.eligible) continue;
    Scored s{pp.index, c.logits, unknown_facts(profile, program, model), 0.0};
    if (pp.signal == SignalKind::Gold) s.logits.interview += c.signal_logit;
    if (pp.signal == SignalKind::Silver) s.logits.interview += kSilverShare * c.signal_logit;
    list.push_back(std::move(s));
  }
  if (list.empty()) return {};
  const std::size_t n = list.size();
  std::vector<std::vector<double>> m(n);
  for (std::size_t j = 0; j < n; ++j) m[j] = node_match(model, list[j].logits, 0.0);
  // without[j][k]: P(no match at any other member | z_k), from prefix and suffix products.
  std::vector<std::vector<double>> without(n, std::vector<double>(K, 1.0));
  std::vector<double> run(K, 1.0);
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t k = 0; k < K; ++k) {
      without[j][k] = run[k];
      run[k] *= 1.0 - m[j][k];
    }
  std::fill(run.begin(), run.end(), 1.0);
  for (std::size_t j = n; j-- > 0;)
    for (std::size_t k = 0; k < K; ++k) {
      without[j][k] *= run[k];
      run[k] *= 1.0 - m[j][k];
    }
  const double p_list = p_with(w, without[0], m[0]);
  std::size_t weakest = 0;
  std::vector<double> p_less(n);  // P(match) of the list without member j
  for (std::size_t j = 0; j < n; ++j) {
    p_less[j] = p_with(w, without[j], std::vector<double>(K, 0.0));
    if (p_less[j] > p_less[weakest]) weakest = j;  // losing it costs least
  }

  // Off the list: the best replacements, and the most promising programs with unknown facts.
  std::vector<Scored> replacements, near;
  for (std::size_t i = 0; i < dataset.programs.size(); ++i) {
    const Program& program = dataset.programs[i];
    if (on_list[i] || is_one_year(program.track) || !matches_specialty(profile, program)) continue;
    if (detail::contains_text(options.excluded_ids, program.id)) continue;
    if (options.only_preferred_states && !profile.preferred_states.empty() &&
        !detail::contains_text(profile.preferred_states, program.state))
      continue;
    const ProgramChance c = model.score(profile, program, so);
    if (!c.eligible) continue;
    Scored s{i, c.logits, unknown_facts(profile, program, model), c.p_match};
    replacements.push_back(s);
    if (!s.facts.outcomes.empty()) {
      double best = 0.0;
      for (const Outcome& o : s.facts.outcomes)
        if (!o.excluded) best = std::max(best, o.delta);
      ProgramLogits l = s.logits;
      l.interview += best;
      l.match_given_interview += model.params().rank_stage_weight * best;
      s.rank_key = model.p_match(l);
      near.push_back(std::move(s));
    }
  }
  const auto by_key = [](const Scored& a, const Scored& b) {
    return a.rank_key != b.rank_key ? a.rank_key > b.rank_key : a.index < b.index;
  };
  // Only the first few are kept: sorted as far as those (by_key breaks every tie, so they are the
  // ones a whole sort puts first, in the same order).
  const auto first_sorted = [&](std::vector<Scored>& v, std::size_t keep) {
    const std::size_t k = std::min(keep, v.size());
    std::partial_sort(v.begin(), v.begin() + static_cast<long>(k), v.end(), by_key);
    v.erase(v.begin() + static_cast<long>(k), v.end());
  };
  first_sorted(replacements, kReplacements);
  first_sorted(near, kNearTargets);
  std::vector<std::vector<double>> mr;
  for (const Scored& r : replacements) mr.push_back(node_match(model, r.logits, 0.0));

  std::vector<ResearchItem> out;
  auto keep = [&](const Scored& s, bool listed, double gain) {
    if (gain < kResearchFloor) return;
    out.push_back({s.index, dataset.programs[s.index].id, listed, s.facts.fields, gain, s.facts.how});
  };
  // On the list: once the fact is known, keep the program or swap in the best replacement.
  for (std::size_t j = 0; j < n; ++j) {
    if (list[j].facts.outcomes.empty()) continue;
    double swap = p_less[j];
    for (const auto& r : mr) swap = std::max(swap, p_with(w, without[j], r));
    double gain = 0.0;
    for (const Outcome& o : list[j].facts.outcomes) {
      const double keep_it = o.excluded ? p_less[j] : p_with(w, without[j], node_match(model, list[j].logits, o.delta));
      gain += o.chance * std::max(0.0, swap - keep_it);
    }
    keep(list[j], true, gain);
  }
  // Near the list: once known, swap it in for the list's weakest member where it then does better.
  for (const Scored& s : near) {
    double gain = 0.0;
    for (const Outcome& o : s.facts.outcomes)
      if (!o.excluded)
        gain += o.chance * std::max(0.0, p_with(w, without[weakest], node_match(model, s.logits, o.delta)) - p_list);
    keep(s, false, gain);
  }
  std::stable_sort(out.begin(), out.end(), [](const ResearchItem& a, const ResearchItem& b) {
    return a.gain != b.gain ? a.gain > b.gain : a.index < b.index;
  });
  if (out.size() > kResearchShown) out.resize(kResearchShown);
  return out;
}

}  // namespace openpick::core
