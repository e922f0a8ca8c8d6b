// [SECTION] The objective: expected utility by utility level, per quadrature node
// [SECTION] Candidates: eligibility, scoring, node chances
// [SECTION] Greedy order (lazy), list length, signals
// [SECTION] make_plan, what-if
// [SECTION] Exhaustive search
#include "openpick/core/planner.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <queue>
#include <set>
#include <stdexcept>

#include "openpick/core/eligibility.h"
#include "openpick/core/exam_status.h"
#include "openpick/core/fees.h"
#include "openpick/core/profile_rules.h"
#include "openpick/core/signals.h"
#include "plan_range.h"

namespace openpick::core {

Tier tier_for(double p_interview) {
  return p_interview >= kTierLikelyFrom ? Tier::Likely : p_interview >= kTierTargetFrom ? Tier::Target : Tier::Reach;
}

const char* to_string(Tier t) {
  switch (t) {
    case Tier::Likely: return "likely";
    case Tier::Target: return "target";
    default: return "reach";
  }
}

const char* to_string(SignalKind s) {
  switch (s) {
    case SignalKind::Gold: return "gold";
    case SignalKind::Silver: return "silver";
    default: return "none";
  }
}

namespace {

// ---- [SECTION] The objective ---------------------------------------------------------------------

// E[utility of the match | Z = z_k] for a set ranked in true preference order. Programs of one
// utility level are interchangeable in the rank list, so only the product A[l][k] of
// (1 - q_jk) over the chosen programs of level l matters:
//   value_k = sum_l B[l][k] * u_l * (1 - A[l][k]),  B[l][k] = prod_{l' < l} A[l'][k].
// Adding program j (level l, q_jk = P(match at j | z_k)) gains B[l][k] A[l][k] q_jk (u_l - R[l][k]),
// R[l][k] = the expected utility from the levels below l given no match at l or above.
class Objective {
 public:
  Objective(std::vector<double> levels, const std::vector<double>& weights)
      : u_(std::move(levels)), w_(weights), L_(u_.size()), K_(weights.size()),
        A_(L_ * K_, 1.0), C_(L_ * K_, 0.0) {
    refresh();
  }

  double gain(std::size_t level, const std::vector<double>& q) const {
    const double* c = &C_[level * K_];
    double g = 0.0;
    for (std::size_t k = 0; k < K_; ++k) g += w_[k] * q[k] * c[k];
    return g;
  }

  void add(std::size_t level, const std::vector<double>& q) {
    double* a = &A_[level * K_];
    for (std::size_t k = 0; k < K_; ++k) a[k] *= 1.0 - q[k];
    refresh();
  }

  // Replaces one chosen program's chances (a signal placed) and returns the new value; with
  // `commit` false the objective is left unchanged. `level_members` are the q vectors of the
  // level's chosen programs after the change, used when a division would be unstable.
  double value_with_level(std::size_t level, const std::vector<double>& a_level) const {
    double total = 0.0;
    for (std::size_t k = 0; k < K_; ++k) {
      double b = 1.0, v = 0.0;
      for (std::size_t l = 0; l < L_; ++l) {
        const double a = l == level ? a_level[k] : A_[l * K_ + k];
        v += b * u_[l] * (1.0 - a);
        b *= a;
      }
      total += w_[k] * v;
    }
    return total;
  }

  double value() const { return value_with_level(L_, {}); }
  std::vector<double> level_product(std::size_t level) const {
    return {A_.begin() + static_cast<long>(level * K_), A_.begin() + static_cast<long>((level + 1) * K_)};
  }
  void set_level_product(std::size_t level, const std::vector<double>& a) {
    std::copy(a.begin(), a.end(), A_.begin() + static_cast<long>(level * K_));
    refresh();
  }

 private:
  void refresh() {
    for (std::size_t k = 0; k < K_; ++k) {
      // R from the bottom level up, B from the top down.
      double r = 0.0;
      std::vector<double> R(L_, 0.0);
      for (std::size_t l = L_; l-- > 0;) {
        R[l] = r;
        const double a = A_[l * K_ + k];
        r = u_[l] * (1.0 - a) + a * r;
      }
      double b = 1.0;
      for (std::size_t l = 0; l < L_; ++l) {
        const double a = A_[l * K_ + k];
        C_[l * K_ + k] = b * a * (u_[l] - R[l]);
        b *= a;
      }
    }
  }

  std::vector<double> u_, w_;
  std::size_t L_, K_;
  std::vector<double> A_, C_;
};

// ---- [SECTION] Candidates --------------------------------------------------------------------------

struct Candidate {
  std::size_t index = 0;  // into dataset.programs
  ProgramChance chance;   // scored without explanations
  double utility = 1.0;
  std::size_t level = 0;
  std::vector<double> q;  // P(match here | z_k)
  int group = 0;          // the fee-counting group (Fees::group_of)
  bool pinned = false;
  SignalKind signal = SignalKind::None;
};

double specialty_weight(const Profile& profile, const std::string& specialty) {
  if (profile.specialties.empty()) return 1.0;
  for (const auto& s : profile.specialties)
    if (s.name == specialty) return s.weight > 0.0 ? s.weight : 0.0;
  return 0.0;
}

bool in_preferred_states(const Profile& profile, const Program& program) {
  return std::find(profile.preferred_states.begin(), profile.preferred_states.end(), program.state) !=
         profile.preferred_states.end();
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The fee schedule, and the marginal cost of one more program in a counting group (a specialty,
// or one pooled group for a schedule that does not count per specialty). Groups are small
// integers so the greedy loop does no string work.
class Fees {
 public:
  Fees(int season, bool assistance) : assistance_(assistance) {
    auto s = eras_fee_schedule(season);
    if (!s) throw std::invalid_argument("no ERAS fee schedule for season " + std::to_string(season));
    schedule_ = *s;
  }
  int group_of(const Program& p) {
    const std::string key = schedule_.per_specialty ? p.specialty : std::string();
    auto it = std::find(groups_.begin(), groups_.end(), key);
    if (it != groups_.end()) return static_cast<int>(it - groups_.begin());
    groups_.push_back(key);
    return static_cast<int>(groups_.size() - 1);
  }
  std::vector<int> empty_counts() const { return std::vector<int>(groups_.size(), 0); }
  double cost_usd(const std::vector<int>& counts) const {
    int total = 0;
    for (int n : counts) total += n;
    if (total == 0) return 0.0;
    return cents_to_usd(quote_eras_fees(schedule_, counts, assistance_).total_cents);
  }
  // The marginal fee of one more program in `group`, the transcript fee left out: it is paid once
  // whatever the list holds, and counted in the first keys it made them lower bounds of the later
  // ones, which the lazy greedy's stale keys must never be (found by core_plan_numbers).
  double marginal_usd(std::vector<int>& counts, int group) const {
    int total = 0;
    for (int n : counts) total += n;
    if (!assistance_) {
      // Without assistance the quote is a sum of per-program fees: no need to price the list.
      return cents_to_usd(program_fee_cents(schedule_, counts[static_cast<std::size_t>(group)] + 1));
    }
    const double before = cost_usd(counts);
    ++counts[static_cast<std::size_t>(group)];
    const double after = cost_usd(counts);
    --counts[static_cast<std::size_t>(group)];
    return after - before - (total == 0 ? cents_to_usd(schedule_.transcript_cents) : 0.0);
  }

 private:
  FeeSchedule schedule_;
  bool assistance_;
  std::vector<std::string> groups_;
};

// ---- [SECTION] Greedy order ---------------------------------------------------------------------

struct HeapEntry {
  double key;
  std::size_t candidate;
  bool operator<(const HeapEntry& o) const {
    // Larger key first; ties to the lower candidate (dataset order), for determinism.
    return key != o.key ? key < o.key : candidate > o.candidate;
  }
};

// The application order: pinned programs first, then lazy greedy by gain (or gain per dollar
// under a dollar budget), up to `length` programs.
// When the order may stop early: the curve wants `length` programs, but a what-if re-plan only
// needs the list itself, so it stops once the budget is passed or returns have diminished.
struct Stop {
  std::size_t length = 0;
  std::optional<double> past_budget_usd;  // stop after the first program that takes the cost past this
  std::optional<double> min_p_match_gain; // stop after the first program that adds less than this
};

std::vector<std::size_t> greedy_order(std::vector<Candidate>& cands, Objective& objective, const Fees& fees,
                                      bool per_dollar, const Stop& stop, const Model& model) {
  const std::size_t length = stop.length;
  ListState list = model.begin_list();
  double p_before = 0.0;
  std::vector<std::size_t> order;
  std::vector<int> counts = fees.empty_counts();
  std::vector<bool> taken(cands.size(), false);
  for (std::size_t i = 0; i < cands.size() && order.size() < length; ++i) {
    if (!cands[i].pinned) continue;
    objective.add(cands[i].level, cands[i].q);
    ++counts[static_cast<std::size_t>(cands[i].group)];
    order.push_back(i);
    taken[i] = true;
    model.append(list, cands[i].chance.logits);
    p_before = list.p_match;
  }
  auto key_of = [&](std::size_t i) {
    const double g = objective.gain(cands[i].level, cands[i].q);
    if (!per_dollar) return g;
    const double c = fees.marginal_usd(counts, cands[i].group);
    return c > 0.0 ? g / c : g * 1e9;
  };
  std::priority_queue<HeapEntry> heap;
  for (std::size_t i = 0; i < cands.size(); ++i)
    if (!taken[i]) heap.push({key_of(i), i});
  while (order.size() < length && !heap.empty()) {
    const HeapEntry top = heap.top();
    heap.pop();
    const double fresh = key_of(top.candidate);
    // Gains only shrink as the list grows (submodular), and marginal fees only grow, so a stale
    // key is an upper bound: a fresh key that still leads is the greedy choice.
    if (heap.empty() || !(fresh < heap.top().key)) {
      objective.add(cands[top.candidate].level, cands[top.candidate].q);
      ++counts[static_cast<std::size_t>(cands[top.candidate].group)];
      order.push_back(top.candidate);
      if (stop.past_budget_usd && fees.cost_usd(counts) > *stop.past_budget_usd) break;
      if (stop.min_p_match_gain) {
        model.append(list, cands[top.candidate].chance.logits);
        if (list.p_match - p_before < *stop.min_p_match_gain) break;
        p_before = list.p_match;
      }
    } else {
      heap.push({fresh, top.candidate});
    }
  }
  return order;
}

std::vector<double> utility_levels(const std::vector<Candidate>& cands) {
  std::set<double, std::greater<double>> levels;
  for (const auto& c : cands) levels.insert(c.utility);
  if (levels.empty()) levels.insert(1.0);
  return {levels.begin(), levels.end()};
}

// The per-node chances of a candidate with its current signal.
void set_chances(Candidate& c, const Model& model, std::vector<double>& scratch) {
  ProgramLogits l = c.chance.logits;
  if (c.signal == SignalKind::Gold) l.interview += c.chance.signal_logit;
  if (c.signal == SignalKind::Silver) l.interview += kSilverShare * c.chance.signal_logit;
  model.node_chances(l, scratch, c.q);
}

ProgramLogits signalled_logits(const Candidate& c) {
  ProgramLogits l = c.chance.logits;
  if (c.signal == SignalKind::Gold) l.interview += c.chance.signal_logit;
  if (c.signal == SignalKind::Silver) l.interview += kSilverShare * c.chance.signal_logit;
  return l;
}

// Recomputes one level's product from its members (after a change to one of them).
std::vector<double> level_product_of(const std::vector<Candidate>& cands, const std::vector<std::size_t>& chosen,
                                     std::size_t level, std::size_t K) {
  std::vector<double> a(K, 1.0);
  for (std::size_t i : chosen)
    if (cands[i].level == level)
      for (std::size_t k = 0; k < K; ++k) a[k] *= 1.0 - cands[i].q[k];
  return a;
}

// Places each specialty's signals (gold first, then silver) on the chosen programs where they add
// the most expected utility, one at a time. Signals go only to programs on the list: a signal
// goes with an application.
void place_signals(std::vector<Candidate>& cands, const std::vector<std::size_t>& chosen, Objective& objective,
                   const Dataset& dataset, const Model& model, std::vector<SignalSummary>& summary) {
  const std::size_t K = model.nodes().size();
  std::vector<std::string> specialties;
  for (std::size_t i : chosen) {
    const std::string& s = dataset.programs[cands[i].index].specialty;
    if (std::find(specialties.begin(), specialties.end(), s) == specialties.end()) specialties.push_back(s);
  }
  std::vector<double> scratch;
  for (const std::string& specialty : specialties) {
    const SignalAllowance allowance = signal_allowance(specialty);
    SignalSummary sum{specialty, allowance.gold, allowance.silver, 0, 0};
    for (SignalKind kind : {SignalKind::Gold, SignalKind::Silver}) {
      const int available = kind == SignalKind::Gold ? allowance.gold : allowance.silver;
      for (int n = 0; n < available; ++n) {
        const double base = objective.value();
        double best_gain = 0.0;
        std::size_t best = cands.size();
        std::vector<double> best_q, best_a;
        for (std::size_t i : chosen) {
          Candidate& c = cands[i];
          if (c.signal != SignalKind::None || c.chance.signal_logit <= 0.0 ||
              dataset.programs[c.index].specialty != specialty)
            continue;
          Candidate trial = c;
          trial.signal = kind;
          set_chances(trial, model, scratch);
          std::vector<double> a = objective.level_product(c.level);
          bool stable = true;
          for (std::size_t k = 0; k < K; ++k) {
            const double keep = 1.0 - c.q[k];
            if (keep < 1e-9) { stable = false; break; }
            a[k] = a[k] / keep * (1.0 - trial.q[k]);
          }
          if (!stable) {
            std::swap(c.q, trial.q);
            a = level_product_of(cands, chosen, c.level, K);
            std::swap(c.q, trial.q);
          }
          const double gain = objective.value_with_level(c.level, a) - base;
          // Strictly better only: ties keep the earlier program in application order.
          if (gain > best_gain) {
            best_gain = gain;
            best = i;
            best_q = trial.q;
            best_a = a;
          }
        }
        if (best == cands.size()) break;
        cands[best].signal = kind;
        cands[best].q = best_q;
        objective.set_level_product(cands[best].level, best_a);
        (kind == SignalKind::Gold ? sum.gold_used : sum.silver_used) += 1;
      }
    }
    summary.push_back(sum);
  }
}

// ---- [SECTION] make_plan ------------------------------------------------------------------------

struct Built {
  std::vector<Candidate> cands;
  std::vector<std::size_t> order;   // application order, as long as the curve
  std::size_t length = 0;           // how many of `order` the plan applies to
  std::vector<ExcludedProgram> excluded;
};

// The candidates among programs [from, to): in a target specialty, eligible, scored. Called over
// consecutive ranges (PlanWork spreads a large dataset over several steps).
void gather(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model,
            Fees& fees, std::size_t from, std::size_t to, Built& b) {
  const bool explain = options.explain;
  ScoreOptions so;
  so.explain = false;
  std::vector<double> scratch;
  for (std::size_t i = from; i < to; ++i) {
    const Program& p = dataset.programs[i];
    if (!matches_specialty(profile, p)) continue;
    if (options.only_preferred_states && !profile.preferred_states.empty() && !in_preferred_states(profile, p))
      continue;
    const double utility = specialty_weight(profile, p.specialty);
    if (contains(options.excluded_ids, p.id)) {
      if (explain) b.excluded.push_back({i, p.id, "you excluded it"});
      continue;
    }
    if (!is_eligible(profile, p)) {
      if (explain) {
        const EligibilityResult r = check_eligibility(profile, p);
        b.excluded.push_back({i, p.id, r.reasons.empty() ? std::string("not eligible") : r.reasons.front()});
      }
      continue;
    }
    if (utility <= 0.0) continue;
    Candidate c;
    c.index = i;
    c.chance = model.score(profile, p, so);
    if (!c.chance.eligible) continue;
    c.utility = utility;
    c.group = fees.group_of(p);
    c.pinned = contains(options.pinned_ids, p.id);
    set_chances(c, model, scratch);
    b.cands.push_back(std::move(c));
  }
}

// The application order and how much of it to apply to, from the gathered candidates.
void order(const Profile& profile, const PlanOptions& options, const Model& model, Fees& fees, bool list_only,
           Built& b, Plan& plan) {
  plan.candidates = b.cands.size();

  const std::vector<double> levels = utility_levels(b.cands);
  for (auto& c : b.cands)
    c.level = static_cast<std::size_t>(std::find(levels.begin(), levels.end(), c.utility) - levels.begin());

  const std::optional<double> budget = options.budget_usd ? options.budget_usd : profile.budget_usd;
  std::size_t length = static_cast<std::size_t>(std::max(0, options.curve_length));
  if (options.max_applications) length = std::max(length, static_cast<std::size_t>(std::max(0, *options.max_applications)));
  Objective objective(levels, model.weights());
  Stop stop;
  stop.length = length;
  if (list_only) {
    if (budget) stop.past_budget_usd = *budget;
    if (options.max_applications) stop.length = static_cast<std::size_t>(std::max(0, *options.max_applications));
    if (!budget && !options.max_applications) stop.min_p_match_gain = options.diminishing_returns;
  }
  b.order = greedy_order(b.cands, objective, fees, budget.has_value(), stop, model);

  // The curve: P(match) and cost after each application in order.
  ListState list = model.begin_list();
  std::vector<int> counts = fees.empty_counts();
  plan.curve.reserve(b.order.size() + 1);
  plan.curve.push_back({0, 0.0, 0.0});
  for (std::size_t n = 0; n < b.order.size(); ++n) {
    const Candidate& c = b.cands[b.order[n]];
    model.append(list, c.chance.logits);
    ++counts[static_cast<std::size_t>(c.group)];
    plan.curve.push_back({static_cast<int>(n + 1), list.p_match, fees.cost_usd(counts)});
  }
  int pinned = 0;
  for (std::size_t i : b.order) pinned += b.cands[i].pinned ? 1 : 0;
  plan.diminishing_returns_at = static_cast<int>(b.order.size());
  for (std::size_t n = 0; n + 1 < plan.curve.size(); ++n)
    if (plan.curve[n + 1].p_match - plan.curve[n].p_match < options.diminishing_returns) {
      plan.diminishing_returns_at = std::max(static_cast<int>(n), pinned);
      break;
    }

  // How many to apply to: the count budget, else the dollar budget, else where returns diminish.
  std::size_t n = static_cast<std::size_t>(plan.diminishing_returns_at);
  if (options.max_applications) n = std::min<std::size_t>(b.order.size(), static_cast<std::size_t>(std::max(0, *options.max_applications)));
  if (budget) {
    std::size_t fit = 0;
    while (fit < b.order.size() && plan.curve[fit + 1].cost_usd <= *budget + 1e-9) ++fit;
    n = options.max_applications ? std::min(n, fit) : fit;
    if (fit == 0 && !b.order.empty())
      plan.notes.push_back("The budget does not cover one application with the transcript fee.");
  }
  b.length = n;
}

void finish(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model,
            const Fees& fees, Built& b, Plan& plan) {
  std::vector<std::size_t> chosen(b.order.begin(), b.order.begin() + static_cast<long>(b.length));
  Objective objective(utility_levels(b.cands), model.weights());
  for (std::size_t i : chosen) objective.add(b.cands[i].level, b.cands[i].q);
  place_signals(b.cands, chosen, objective, dataset, model, plan.signals);

  // Rank order: true preference (utility), then application order.
  std::vector<std::size_t> rank(chosen.size());
  for (std::size_t r = 0; r < rank.size(); ++r) rank[r] = r;
  std::stable_sort(rank.begin(), rank.end(),
                   [&](std::size_t x, std::size_t y) { return b.cands[chosen[x]].utility > b.cands[chosen[y]].utility; });
  std::vector<ProgramLogits> rank_logits;
  for (std::size_t r : rank) rank_logits.push_back(signalled_logits(b.cands[chosen[r]]));
  const ListOutcome out = model.evaluate_list(rank_logits);
  std::vector<double> here(chosen.size(), 0.0);
  for (std::size_t r = 0; r < rank.size(); ++r) here[rank[r]] = out.p_match_at[r];

  plan.p_match = out.p_match;
  plan.p_interview_any = out.p_interview_any;
  plan.expected_interviews = out.expected_interviews;
  plan.expected_utility = objective.value();
  std::vector<int> counts = fees.empty_counts();
  for (std::size_t i : chosen) ++counts[static_cast<std::size_t>(b.cands[i].group)];
  plan.cost_usd = fees.cost_usd(counts);

  ScoreOptions so;
  so.explain = options.explain;
  for (std::size_t n = 0; n < chosen.size(); ++n) {
    const Candidate& c = b.cands[chosen[n]];
    PlannedProgram pp;
    pp.index = c.index;
    pp.id = dataset.programs[c.index].id;
    pp.utility = c.utility;
    pp.pinned = c.pinned;
    pp.signal = c.signal;
    const ProgramLogits l = signalled_logits(c);
    pp.p_interview = model.p_interview(l);
    pp.p_match = model.p_match(l);
    pp.p_match_here = here[n];
    pp.tier = tier_for(pp.p_interview);
    if (options.explain) {
      so.signal = c.signal != SignalKind::None;
      const ProgramChance explained = model.score(profile, dataset.programs[c.index], so);
      for (const Term& t : explained.terms) pp.reasons.push_back(format_term(t));
      if (c.signal == SignalKind::Silver) pp.reasons.push_back("silver signal: counted as half a gold signal (assumption)");
    }
    plan.programs.push_back(std::move(pp));
  }
  plan.excluded = std::move(b.excluded);

  if (options.assumption_range && !chosen.empty()) {
    std::vector<detail::RankedChoice> ranked;
    for (std::size_t r : rank) ranked.push_back({b.cands[chosen[r]].index, b.cands[chosen[r]].signal});
    detail::assumption_range(profile, dataset, ranked, model, plan);
  } else {
    plan.p_match_low = plan.p_match_high = plan.p_match_extreme_low = plan.p_match_extreme_high = plan.p_match;
  }
  (void)fees;
}

}  // namespace

// One plan (the applicant's, or a what-if re-plan), made over as many steps as it takes:
// candidates gathered kProgramsPerStep programs at a time, then ordered and finished in one more.
// `list_only`: a what-if re-plan, which needs the list and its chance but not the whole curve.
struct PlanWork::Pass {
  static constexpr std::size_t kProgramsPerStep = 8000;
  Profile profile;
  PlanOptions options;
  bool list_only;
  Fees fees;
  Built b;
  std::size_t next = 0;  // the first program not yet gathered
  Plan plan;

  Pass(Profile p, PlanOptions o, bool list)
      : profile(std::move(p)), options(std::move(o)), list_only(list), fees(options.fee_season, options.fee_assistance) {}

  // True once the plan is complete.
  bool step(const Dataset& dataset, const Model& model) {
    const std::size_t size = dataset.programs.size();
    if (next < size) {
      const std::size_t to = std::min(size, next + kProgramsPerStep);
      gather(profile, dataset, options, model, fees, next, to, b);
      next = to;
      if (next < size) return false;
    }
    order(profile, options, model, fees, list_only, b, plan);
    if (b.cands.empty())
      plan.notes.push_back(profile.specialties.empty()
                               ? "No program in the data is within reach of this profile."
                               : "No program in your target specialties is within reach of this profile.");
    finish(profile, dataset, options, model, fees, b, plan);
    return true;
  }
  double progress(std::size_t size) const {
    return size == 0 ? 0.0 : 0.9 * static_cast<double>(next) / static_cast<double>(size);
  }
};

namespace {
}  // namespace

// The what-if changes: each a profile (or option) change the applicant could make, re-planned.
struct PlanWork::Change {
  const char* id;
  const char* words;
  std::function<void(Profile&, PlanOptions&)> apply;
};

PlanWork::PlanWork(Profile profile, const Dataset& dataset, PlanOptions options, const Model& model)
    : profile_(std::move(profile)), dataset_(dataset), options_(std::move(options)), model_(model) {
  if (!options_.whatif) return;
  const Profile& p = profile_;
  const bool img = is_img(p.graduate_type);
  const auto add = [&](bool applies, const char* id, const char* words, std::function<void(Profile&, PlanOptions&)> f) {
    if (applies) changes_.push_back({id, words, std::move(f)});
  };
  add(!p.step3_passed, "step3", "Pass Step 3", [](Profile& q, PlanOptions&) { q.step3_passed = true; });
  add(img, "usce_3_months", "3 more months of hands-on US clinical experience",
      [](Profile& q, PlanOptions&) { q.usce_months.hands_on += 3.0; });
  add(img, "us_letter", "One more US letter of recommendation", [](Profile& q, PlanOptions&) { q.us_letters += 1; });
  // Step 2 CK as programs will read it: a passed score, or the one the applicant expects on the
  // attempt to come (a failed attempt stays on the record).
  const std::optional<int> step2ck = modelled_step2ck(p);
  const bool passed = exam_status(p).step2ck_passed;
  add(step2ck.has_value() && *step2ck + kWhatIfStep2ckGain <= kStepScoreRange.max, "step2ck_plus_10",
      passed ? "Step 2 CK 10 points higher" : "Step 2 CK 10 points higher on your next attempt",
      [passed, step2ck](Profile& q, PlanOptions&) {
        if (passed) q.step2ck.score = *step2ck + kWhatIfStep2ckGain;
        else q.step2ck.expected_score = *step2ck + kWhatIfStep2ckGain;
      });
  add(p.visa == VisaNeed::H1b, "accept_j1", "Accept a J-1 visa, not only H-1B",
      [](Profile& q, PlanOptions&) { q.visa = VisaNeed::J1OrH1b; });
  add(options_.only_preferred_states && !p.preferred_states.empty(), "all_states",
      "Apply in every state, not only your preferred ones",
      [](Profile&, PlanOptions& o) { o.only_preferred_states = false; });
}

PlanWork::~PlanWork() = default;

bool PlanWork::step() {
  if (done()) return true;
  if (!pass_) {
    if (steps_ == 0) {
      pass_ = std::make_unique<Pass>(profile_, options_, false);
    } else {
      PlanOptions o = options_;
      o.whatif = false;
      o.explain = false;
      o.assumption_range = false;
      Profile p = profile_;
      changes_[steps_ - 1].apply(p, o);
      pass_ = std::make_unique<Pass>(std::move(p), std::move(o), true);
    }
  }
  if (!pass_->step(dataset_, model_)) return false;
  if (steps_ == 0) {
    plan_ = std::move(pass_->plan);
    // Exam status comes first: what must happen for any of this to count.
    const ExamStatus exams = exam_status(profile_);
    plan_.notes.insert(plan_.notes.begin(), exams.must.begin(), exams.must.end());
    plan_.conditional_on = exams.conditional_on;
  } else {
    const Change& ch = changes_[steps_ - 1];
    plan_.whatif.push_back({ch.id, ch.words, pass_->plan.p_match, pass_->plan.p_match - plan_.p_match});
  }
  pass_.reset();
  ++steps_;
  if (done())
    std::stable_sort(plan_.whatif.begin(), plan_.whatif.end(), [](const WhatIf& a, const WhatIf& b) { return a.gain > b.gain; });
  return done();
}

bool PlanWork::done() const { return steps_ == 1 + changes_.size(); }
double PlanWork::progress() const {
  const double within = pass_ ? pass_->progress(dataset_.programs.size()) : 0.0;
  return (static_cast<double>(steps_) + within) / static_cast<double>(1 + changes_.size());
}
Plan PlanWork::take() { return std::move(plan_); }

Plan make_plan(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model) {
  PlanWork work(profile, dataset, options, model);
  while (!work.step()) {
  }
  return work.take();
}

// ---- [SECTION] Exhaustive search ---------------------------------------------------------------------

double expected_utility_of(const Profile& profile, const Dataset& dataset, const std::vector<std::size_t>& indexes,
                           const Model& model) {
  std::vector<std::pair<double, ProgramLogits>> ranked;
  ScoreOptions so;
  so.explain = false;
  for (std::size_t i : indexes) {
    const ProgramChance c = model.score(profile, dataset.programs.at(i), so);
    ranked.push_back({specialty_weight(profile, dataset.programs[i].specialty), c.logits});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<ProgramLogits> logits;
  for (const auto& r : ranked) logits.push_back(r.second);
  const ListOutcome out = model.evaluate_list(logits);
  double eu = 0.0;
  for (std::size_t r = 0; r < ranked.size(); ++r) eu += ranked[r].first * out.p_match_at[r];
  return eu;
}

double exhaustive_best_utility(const Profile& profile, const Dataset& dataset, const std::vector<std::size_t>& indexes,
                               int count, const Model& model) {
  if (indexes.size() > 24) throw std::invalid_argument("exhaustive search is for 24 programs or fewer");
  const std::size_t n = indexes.size();
  double best = 0.0;
  for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
    if (__builtin_popcount(mask) != count) continue;
    std::vector<std::size_t> set;
    for (std::size_t j = 0; j < n; ++j)
      if (mask & (1u << j)) set.push_back(indexes[j]);
    best = std::max(best, expected_utility_of(profile, dataset, set, model));
  }
  return best;
}

}  // namespace openpick::core
