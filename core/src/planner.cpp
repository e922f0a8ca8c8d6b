// [SECTION] The objective: expected utility by utility level, per quadrature node
// [SECTION] Candidates: eligibility, scoring, node chances
// [SECTION] Greedy order (lazy), list length, signals
// [SECTION] make_plan, what-if
// [SECTION] Exhaustive search
#include "openpick/core/planner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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
#include "plan_tracks.h"

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
    const double* c = &C_[level * K_];  // the node weight folded in (refresh): one product a node
    double g = 0.0;
    for (std::size_t k = 0; k < K_; ++k) g += q[k] * c[k];
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
    std::vector<double>& R = r_scratch_;  // kept between calls: refresh runs after every add
    R.assign(L_, 0.0);
    for (std::size_t k = 0; k < K_; ++k) {
      // R from the bottom level up, B from the top down.
      double r = 0.0;
      for (std::size_t l = L_; l-- > 0;) {
        R[l] = r;
        const double a = A_[l * K_ + k];
        r = u_[l] * (1.0 - a) + a * r;
      }
      double b = 1.0;
      for (std::size_t l = 0; l < L_; ++l) {
        const double a = A_[l * K_ + k];
        C_[l * K_ + k] = w_[k] * b * a * (u_[l] - R[l]);
        b *= a;
      }
    }
  }

  std::vector<double> u_, w_;
  std::size_t L_, K_;
  std::vector<double> A_, C_;
  std::vector<double> r_scratch_;
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
  bool one_year = false;  // a preliminary or transitional position
  bool advanced = false;  // an advanced (PGY-2) position
  bool preferred = false; // in one of the profile's preferred states
  SignalKind signal = SignalKind::None;
  // Signals chosen with the list: the node chances with a gold or a silver signal (computed by
  // greedy_order when first needed; empty before), and the specialty's index in
  // Built::signal_specialties (-1: the program cannot take a signal).
  std::vector<double> q_gold, q_silver;
  int signal_group = -1;
  bool can_gold = false, can_silver = false;  // its specialty has signals of that kind
  const std::vector<double>& q_with(SignalKind kind) const {
    return kind == SignalKind::Gold ? q_gold : kind == SignalKind::Silver ? q_silver : q;
  }
};

double specialty_weight(const Profile& profile, const std::string& specialty) {
  if (profile.specialties.empty()) return 1.0;
  for (const auto& s : profile.specialties)
    if (s.name == specialty) return s.weight > 0.0 ? s.weight : 0.0;
  return 0.0;
}

using detail::is_one_year;

// The utility of matching at a program: its specialty's weight; a one-year (preliminary or
// transitional) position is worth one_year_value of it (docs/PLANNER.md, "Tracks").
double program_utility(const Profile& profile, const Program& program) {
  const double w = specialty_weight(profile, program.specialty);
  if (is_one_year(program.track)) return w * std::min(1.0, std::max(0.0, profile.one_year_value));
  return w;
}

bool in_preferred_states(const Profile& profile, const Program& program) {
  return std::find(profile.preferred_states.begin(), profile.preferred_states.end(), program.state) !=
         profile.preferred_states.end();
}

// 0.0042 -> "0.42 points" (of expected utility, on the 0-100 scale of P(match)).
std::string format_points(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f points", 100.0 * x);
  return buf;
}

// 30 -> "30", 12.5 -> "12.50".
std::string format_usd(double usd) {
  char buf[32];
  if (std::fabs(usd - std::round(usd)) < 0.005) std::snprintf(buf, sizeof buf, "%.0f", usd);
  else std::snprintf(buf, sizeof buf, "%.2f", usd);
  return buf;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The fee schedules (one per application service), and the marginal cost of one more program in
// a counting group (a service and a specialty, or a service's one pooled group for a schedule that
// does not count per specialty). Groups are small integers so the greedy loop does no string work.
class Fees {
 public:
  Fees(int season, bool assistance) : assistance_(assistance) {
    auto eras = eras_fee_schedule(season);
    if (!eras) throw std::invalid_argument("no ERAS fee schedule for season " + std::to_string(season));
    schedules_.push_back(*eras);
    // A season with no ResidencyCAS schedule prices its programs as ERAS did then (fees.h).
    auto cas = fee_schedule(ApplicationService::ResidencyCas, season);
    cas_priced_as_eras_ = !cas.has_value();
    schedules_.push_back(cas ? *cas : *eras);  // unused when cas_priced_as_eras_
  }
  int group_of(const Program& p) {
    // A season with no ResidencyCAS schedule counts those programs with ERAS's (they applied
    // through ERAS then).
    const std::size_t service =
        application_service_of(p) == ApplicationService::ResidencyCas && !cas_priced_as_eras_ ? 1 : 0;
    const std::string key = schedules_[service].per_specialty ? p.specialty : std::string();
    for (std::size_t g = 0; g < groups_.size(); ++g)
      if (service_of_[g] == service && groups_[g] == key) return static_cast<int>(g);
    groups_.push_back(key);
    service_of_.push_back(service);
    return static_cast<int>(groups_.size() - 1);
  }
  std::vector<int> empty_counts() const { return std::vector<int>(groups_.size(), 0); }
  // The fees of each service used, in service order (ERAS, then ResidencyCAS).
  std::vector<ServiceCost> by_service(const std::vector<int>& counts) const {
    std::vector<ServiceCost> out;
    for (std::size_t service = 0; service < schedules_.size(); ++service) {
      std::vector<int> mine;
      for (std::size_t g = 0; g < groups_.size(); ++g)
        if (service_of_[g] == service) mine.push_back(counts[g]);
      int total = 0;
      for (int n : mine) total += n;
      if (total == 0) continue;
      const FeeQuote q = quote_eras_fees(schedules_[service], mine, assistance_);
      ServiceCost c;
      c.service = service == 1 ? ApplicationService::ResidencyCas : ApplicationService::Eras;
      c.season = schedules_[service].season;
      c.applications = total;
      c.applications_usd = cents_to_usd(q.applications_cents);
      c.assistance_discount_usd = cents_to_usd(q.assistance_discount_cents);
      c.transcript_usd = cents_to_usd(q.transcript_cents);
      c.cost_usd = cents_to_usd(q.total_cents);
      c.source = schedules_[service].source;
      if (service == 0 && cas_priced_as_eras_)
        c.source += "; this season has no ResidencyCAS schedule: Emergency Medicine and OB/GYN are counted here";
      out.push_back(std::move(c));
    }
    return out;
  }
  // The same total, without the words (the greedy asks after every program under a budget).
  double cost_usd(const std::vector<int>& counts) const {
    std::int64_t cents = 0;
    std::vector<int> mine;
    for (std::size_t service = 0; service < schedules_.size(); ++service) {
      mine.clear();
      int total = 0;
      for (std::size_t g = 0; g < groups_.size(); ++g)
        if (service_of_[g] == service) {
          mine.push_back(counts[g]);
          total += counts[g];
        }
      if (total > 0) cents += quote_eras_fees(schedules_[service], mine, assistance_).total_cents;
    }
    return cents_to_usd(cents);
  }
  // What the match-value rule and the per-dollar greedy weigh for one more program in `group`: the
  // program's own fee, with a bracket's flat fee spread over the programs it covers
  // (ResidencyCAS's $99 for programs 1-18 counts $5.50 for each: weighing all $99 against the
  // first program alone would stop a list that the next 17 programs, free once it is paid, make
  // worth it). Neither the transcript fee, paid once whatever the length, nor fee assistance (a
  // discount on some programs only) enters. It never falls as a group grows.
  double rule_fee_usd(const std::vector<int>& counts, int group) const {
    const FeeSchedule& schedule = schedules_[service_of_[static_cast<std::size_t>(group)]];
    const int n = counts[static_cast<std::size_t>(group)] + 1;
    for (const FeeBracket& b : schedule.brackets) {
      if (n < b.first || (b.last && n > *b.last)) continue;
      const double spread = b.last ? static_cast<double>(b.flat_cents) / (*b.last - b.first + 1)
                                   : static_cast<double>(b.flat_cents);
      return (static_cast<double>(b.each_cents) + spread) / 100.0;
    }
    return 0.0;
  }

 private:
  std::vector<FeeSchedule> schedules_;  // [0] ERAS, [1] ResidencyCAS
  bool cas_priced_as_eras_ = false;
  bool assistance_;
  std::vector<std::string> groups_;
  std::vector<std::size_t> service_of_;
};

// ---- [SECTION] Greedy order ---------------------------------------------------------------------

struct HeapEntry {
  double key;
  std::size_t candidate;
  SignalKind kind = SignalKind::None;  // the program with no signal, a gold or a silver one
  bool operator<(const HeapEntry& o) const {
    // Larger key first; ties to the lower candidate (dataset order), then no signal, for determinism.
    if (key != o.key) return key < o.key;
    if (candidate != o.candidate) return candidate > o.candidate;
    return static_cast<int>(kind) > static_cast<int>(o.kind);
  }
};

// Signals left per specialty while the greedy chooses (index: Candidate::signal_group).
struct SignalsLeft {
  std::vector<int> gold, silver;
  bool available(const Candidate& c, SignalKind kind) const {
    if (kind == SignalKind::None) return true;
    if (c.signal_group < 0 || !(kind == SignalKind::Gold ? c.can_gold : c.can_silver)) return false;
    const auto g = static_cast<std::size_t>(c.signal_group);
    return (kind == SignalKind::Gold ? gold[g] : silver[g]) > 0;
  }
  void use(const Candidate& c, SignalKind kind) {
    if (kind == SignalKind::None) return;
    const auto g = static_cast<std::size_t>(c.signal_group);
    --(kind == SignalKind::Gold ? gold[g] : silver[g]);
  }
  // The best kind the program can still take. With a signal a program's chance is higher at every
  // node, so its gain is too: while a gold signal is left, the program's gold entry beats its
  // silver and unsignalled ones, and the greedy needs only one entry per program, downgraded when
  // its kind runs out.
  SignalKind best(const Candidate& c) const {
    if (c.signal_group < 0) return SignalKind::None;
    const auto g = static_cast<std::size_t>(c.signal_group);
    if (c.can_gold && gold[g] > 0) return SignalKind::Gold;
    if (c.can_silver && silver[g] > 0) return SignalKind::Silver;
    return SignalKind::None;
  }
};

// The application order: pinned programs first, then lazy greedy by gain (or gain per dollar
// under a dollar budget), up to `length` programs.
// When the order may stop early: the curve wants `length` programs, but a what-if re-plan only
// needs the list itself, so it stops once the budget is passed or the list is long enough.
// `value_usd`: the match-value rule. The order notes where the first program whose expected gain
// times value_usd is worth less than its application fee would come (`value_stop`); with
// `stop_at_value` it ends there, else it goes on to at least `length` and at least that point.
struct Stop {
  std::size_t length = 0;
  std::optional<double> past_budget_usd;  // stop after the first program that takes the cost past this
  std::optional<double> value_usd;        // the applicant's value of matching this year
  bool stop_at_value = false;
  // At least this share of every prefix of the order in the preferred states (0: no rule). A
  // program elsewhere comes only when the share still holds after it; when no preferred program
  // is left and another would break the share, the order ends.
  double min_share = 0.0;
};

struct Order {
  std::vector<std::size_t> order;
  std::size_t value_stop = 0;  // the match-value rule's length (with Stop::value_usd)
  double value_stop_gain = 0;  // the expected-utility gain of the first program left out
  double value_stop_fee = 0;   // and its fee
};

// With `signals`, the greedy chooses among (program, no signal / gold / silver) while signals are
// left: a signal can bring a program onto the list. The kind chosen is left in Candidate::signal.
Order greedy_order(std::vector<Candidate>& cands, Objective& objective, const Fees& fees, bool per_dollar,
                   const Stop& stop, const Model& model, SignalsLeft signals) {
  Order out;
  std::vector<std::size_t>& order = out.order;
  bool value_found = !stop.value_usd.has_value();
  std::vector<int> counts = fees.empty_counts();
  std::vector<bool> taken(cands.size(), false);
  for (std::size_t i = 0; i < cands.size() && order.size() < stop.length; ++i) {
    if (!cands[i].pinned) continue;
    objective.add(cands[i].level, cands[i].q);
    ++counts[static_cast<std::size_t>(cands[i].group)];
    order.push_back(i);
    taken[i] = true;
  }
  out.value_stop = order.size();
  // Under a dollar budget: gain per dollar of the program's own fee, a flat fee spread over the
  // programs it covers and the once-a-season transcript fee left out (rule_fee_usd). Charging the
  // transcript or a flat fee to the first program would make every key rise once it is paid, and
  // the lazy greedy needs keys that only fall; the budget itself is checked on the real cost.
  auto key_of = [&](std::size_t i, SignalKind kind) {
    const double g = objective.gain(cands[i].level, cands[i].q_with(kind));
    if (!per_dollar) return g;
    const double c = fees.rule_fee_usd(counts, cands[i].group);
    return c > 0.0 ? g / c : g * 1e9;
  };
  // Two heaps when a share of the list must be in the preferred states: [1] those programs, [0] the
  // rest; one heap ([0]) otherwise.
  const bool share_rule = stop.min_share > 0.0;
  std::priority_queue<HeapEntry> heaps[2];
  std::size_t preferred = 0;
  for (std::size_t i : order) preferred += cands[i].preferred ? 1 : 0;
  std::vector<double> scratch;
  // The node chances of a program with a signal, computed the first time they are needed.
  const auto prepare = [&](std::size_t i, SignalKind kind) {
    Candidate& c = cands[i];
    std::vector<double>& q = kind == SignalKind::Gold ? c.q_gold : c.q_silver;
    if (kind == SignalKind::None || !q.empty()) return;
    ProgramLogits l = c.chance.logits;
    l.interview += (kind == SignalKind::Gold ? 1.0 : kSilverShare) * c.chance.signal_logit;
    model.node_chances(l, scratch, q);
  };
  for (std::size_t i = 0; i < cands.size(); ++i) {
    if (taken[i]) continue;
    const SignalKind kind = signals.best(cands[i]);
    prepare(i, kind);
    heaps[share_rule && cands[i].preferred ? 1 : 0].push({key_of(i, kind), i, kind});
  }
  // The best of one heap with its key fresh. Gains only shrink as the list grows (submodular), and
  // marginal fees only grow, so a stale key is an upper bound: a fresh key that still leads is the
  // greedy choice.
  const auto best_of = [&](std::priority_queue<HeapEntry>& heap, HeapEntry& best) {
    while (!heap.empty()) {
      const HeapEntry top = heap.top();
      heap.pop();
      // An entry of a program already taken is dropped; one whose signal kind ran out goes back with
      // the best kind left (a lower key: the heap order stays right).
      if (taken[top.candidate]) continue;
      SignalKind kind = top.kind;
      if (!signals.available(cands[top.candidate], kind)) {
        kind = signals.best(cands[top.candidate]);
        prepare(top.candidate, kind);
      }
      const HeapEntry fresh{key_of(top.candidate, kind), top.candidate, kind};
      if (heap.empty() || !(fresh < heap.top())) {
        best = fresh;
        return true;
      }
      heap.push(fresh);
    }
    return false;
  };
  while (order.size() < stop.length || !value_found) {
    const bool other_allowed =
        !share_rule || static_cast<double>(preferred) >= stop.min_share * static_cast<double>(order.size() + 1) - 1e-9;
    HeapEntry other{}, pref{};
    const bool has_other = other_allowed && best_of(heaps[0], other);
    const bool has_pref = best_of(heaps[1], pref);
    if (!has_other && !has_pref) break;
    HeapEntry pick = has_other ? other : pref;
    if (has_other && has_pref) {
      pick = other < pref ? pref : other;
      const HeapEntry& back = other < pref ? other : pref;
      heaps[&back == &other ? 0 : 1].push(back);
    }
    Candidate& c = cands[pick.candidate];
    const std::vector<double>& q = c.q_with(pick.kind);
    if (!value_found) {
      // The match-value rule: is this application worth its fee? (The transcript fee is paid once
      // whatever the length, so it is not weighed here.)
      const double gain = objective.gain(c.level, q);
      const double fee = fees.rule_fee_usd(counts, c.group);
      if (gain * *stop.value_usd < fee) {
        value_found = true;
        out.value_stop_gain = gain;
        out.value_stop_fee = fee;
        if (stop.stop_at_value) break;
      } else {
        out.value_stop = order.size() + 1;
      }
    }
    if (order.size() >= stop.length && value_found) break;
    objective.add(c.level, q);
    ++counts[static_cast<std::size_t>(c.group)];
    order.push_back(pick.candidate);
    taken[pick.candidate] = true;
    c.signal = pick.kind;
    signals.use(c, pick.kind);
    preferred += c.preferred ? 1 : 0;
    if (stop.past_budget_usd && fees.cost_usd(counts) > *stop.past_budget_usd) break;
  }
  if (!value_found) out.value_stop = order.size();  // every candidate is worth its fee
  return out;
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

// ---- [SECTION] Tracks: what the list's match completes -----------------------------------------

using detail::TrackOutcome;

TrackOutcome track_outcome(const std::vector<Candidate>& cands, const std::vector<std::size_t>& in_rank_order,
                           const Dataset& dataset, const Model& model) {
  std::vector<Track> tracks;
  std::vector<const std::vector<double>*> q;
  for (std::size_t i : in_rank_order) {
    tracks.push_back(dataset.programs[cands[i].index].track);
    q.push_back(&cands[i].q);
  }
  return detail::track_outcome(tracks, q, model.weights());
}

std::string percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * p);
  return buf;
}

// What the list's tracks mean for the applicant, said plainly.
void track_notes(const std::vector<Candidate>& cands, const std::vector<std::size_t>& chosen, const Dataset& dataset,
                 const TrackOutcome& tracks, std::vector<std::string>& notes) {
  int advanced = 0, one_year = 0;
  for (std::size_t i : chosen) {
    const Track t = dataset.programs[cands[i].index].track;
    advanced += t == Track::Advanced;
    one_year += is_one_year(t);
  }
  if (one_year > 0)
    notes.push_back(std::to_string(one_year) +
                    " one-year (preliminary or transitional) program(s) on the list, as a bridge: a one-year position "
                    "is not a residency, so P(match) leaves it out; the chance of ending with only a one-year "
                    "position is " + percent(tracks.one_year) + " (p_match_one_year).");
  if (advanced > 0 && one_year == 0)
    notes.push_back(std::to_string(advanced) +
                    " advanced (PGY-2) program(s) on the list need a PGY-1 year: rank preliminary or transitional "
                    "programs on a supplemental list (add Transitional Year or a preliminary specialty to your targets "
                    "to plan them). P(match) counts an advanced position only together with a PGY-1 year, and this "
                    "list has none.");
  else if (advanced > 0)
    notes.push_back(std::to_string(advanced) +
                    " advanced (PGY-2) program(s) on the list need a PGY-1 year: the list's one-year programs serve "
                    "as their supplemental list; the chance of an advanced position with no PGY-1 year is " +
                    percent(tracks.advanced_unpaired) + ".");
}

// Unused signals, each with the reason.
void signal_notes(const Profile& profile, std::vector<SignalSummary>& summary, std::vector<std::string>& notes) {
  // Target specialties with signals and no program on the list: all unused.
  for (const SpecialtyPreference& s : profile.specialties) {
    const SignalAllowance a = signal_allowance(s.name);
    if (a.gold + a.silver == 0) continue;
    const bool listed = std::any_of(summary.begin(), summary.end(),
                                    [&](const SignalSummary& x) { return x.specialty == s.name; });
    if (!listed) summary.push_back({s.name, a.gold, a.silver, 0, 0});
  }
  for (const SignalSummary& s : summary) {
    const int gold = s.gold_available - s.gold_used, silver = s.silver_available - s.silver_used;
    if (gold + silver == 0) continue;
    std::string what;
    if (gold > 0) what = std::to_string(gold) + (s.silver_available > 0 ? " gold" : "");
    if (silver > 0) what += (what.empty() ? "" : " and ") + std::to_string(silver) + " silver";
    const bool none_used = s.gold_used + s.silver_used == 0;
    notes.push_back(s.specialty + ": " + what + " signal(s) unused: " +
                    (none_used ? "no program of that specialty on the list accepts one, or the list has none "
                                 "(signals go only with applications)."
                               : "every program of that specialty on the list that accepts signals already has one; "
                                 "a longer list, or programs that accept signals, would use them."));
  }
}

// ---- [SECTION] make_plan ------------------------------------------------------------------------

struct Built {
  std::vector<Candidate> cands;
  std::vector<std::size_t> order;   // application order, as long as the curve
  std::size_t length = 0;           // how many of `order` the plan applies to
  std::vector<ExcludedProgram> excluded;
  std::vector<std::string> signal_specialties;  // Candidate::signal_group indexes these
};

// The candidates among programs [from, to): in a target specialty, eligible, scored. Called over
// consecutive ranges (PlanWork spreads a large dataset over several steps).
void gather(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model,
            Fees& fees, std::size_t from, std::size_t to, Built& b) {
  const bool explain = options.explain;
  ScoreOptions so;
  so.explain = false;
  std::vector<double> scratch;
  // Lists are usually grouped by specialty: the specialty's answers are kept from one program to
  // the next rather than looked up by name for each.
  const std::string* last_specialty = nullptr;
  bool target = false;
  for (std::size_t i = from; i < to; ++i) {
    const Program& p = dataset.programs[i];
    if (last_specialty == nullptr || p.specialty != *last_specialty) {
      last_specialty = &p.specialty;
      target = matches_specialty(profile, p);
    }
    if (!target) continue;
    if (options.only_preferred_states && !profile.preferred_states.empty() && !in_preferred_states(profile, p))
      continue;
    const double utility = program_utility(profile, p);
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
    c.one_year = is_one_year(p.track);
    c.advanced = p.track == Track::Advanced;
    c.preferred = in_preferred_states(profile, p);
    set_chances(c, model, scratch);
    if (options.choose_signals && c.chance.signal_logit > 0.0) {
      const SignalAllowance allowance = signal_allowance(p.specialty);
      if (allowance.gold > 0 || allowance.silver > 0) {
        auto it = std::find(b.signal_specialties.begin(), b.signal_specialties.end(), p.specialty);
        if (it == b.signal_specialties.end()) it = b.signal_specialties.insert(it, p.specialty);
        c.signal_group = static_cast<int>(it - b.signal_specialties.begin());
        c.can_gold = allowance.gold > 0;
        c.can_silver = allowance.silver > 0;
      }
    }
    b.cands.push_back(std::move(c));
  }
}

// The application order and how much of it to apply to, from the gathered candidates.
// `drop_advanced`: the second pass when the first list held advanced positions and no one-year
// program to pair them with (below).
void order(const Profile& profile, const PlanOptions& options, const Model& model, Fees& fees, bool list_only,
           Built& b, Plan& plan, bool drop_advanced = false) {
  // An advanced (PGY-2) position completes a residency only with a PGY-1 year. With no one-year
  // program among the candidates to pair it with, it cannot count toward P(match): it is left out
  // (unless pinned), with the reason, and the notes say what would bring it back.
  const bool pgy1_available =
      std::any_of(b.cands.begin(), b.cands.end(), [](const Candidate& c) { return c.one_year; });
  if (!pgy1_available || drop_advanced) {
    int left_out = 0;
    std::vector<Candidate> kept;
    kept.reserve(b.cands.size());
    for (Candidate& c : b.cands) {
      if (c.advanced && !c.pinned) {
        ++left_out;
        if (options.explain)
          b.excluded.push_back({c.index, "", "advanced position (starts at PGY-2) and no PGY-1 year to pair it with"});
        continue;
      }
      kept.push_back(std::move(c));
    }
    b.cands = std::move(kept);
    if (left_out > 0 && !list_only)
      plan.notes.push_back(
          std::to_string(left_out) + " advanced (PGY-2) program(s) left out: each needs a PGY-1 year, and " +
          (drop_advanced ? std::string("the list chose no preliminary or transitional program to pair them with (a "
                                       "list with advanced positions came out with none: the planner cannot yet pair "
                                       "them). Pin a preliminary or transitional program, or an advanced one, to plan "
                                       "such a pair.")
                         : std::string("none of your target specialties offers a preliminary or transitional program "
                                       "to pair it with. Add Transitional Year or a preliminary specialty to your "
                                       "targets to plan them.")));
  }
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
  const bool by_value = !budget && !options.max_applications;
  if (by_value) {
    // The profile reader keeps it in range; a value set another way that is not a dollar amount
    // falls back to the default, said in the notes.
    const double v = profile.match_value_usd;
    const bool usable = std::isfinite(v) && v >= 0.0;
    stop.value_usd = usable ? v : kDefaultMatchValueUsd;
    if (!usable && !list_only)
      plan.notes.push_back("match_value_usd must be a dollar amount of 0 or more; the default ($" +
                           format_usd(kDefaultMatchValueUsd) + ") was used.");
  }
  const double share = options.min_preferred_share;
  if (!(share >= 0.0 && share <= 1.0)) {
    if (!list_only)
      plan.notes.push_back("min_preferred_share must be a share from 0 to 1 (e.g. 0.5 for half); it was not applied.");
  } else if (share > 0.0 && profile.preferred_states.empty()) {
    if (!list_only)
      plan.notes.push_back("min_preferred_share asks for a share of the list in your preferred states, but the profile "
                           "names none; it was not applied.");
  } else {
    stop.min_share = share;
  }
  if (list_only) {
    if (budget) stop.past_budget_usd = *budget;
    if (options.max_applications) stop.length = static_cast<std::size_t>(std::max(0, *options.max_applications));
    if (by_value) {
      stop.length = 0;
      stop.stop_at_value = true;
    }
  }
  SignalsLeft signals;
  for (const std::string& specialty : b.signal_specialties) {
    const SignalAllowance a = signal_allowance(specialty);
    signals.gold.push_back(a.gold);
    signals.silver.push_back(a.silver);
  }
  const Order greedy = greedy_order(b.cands, objective, fees, budget.has_value(), stop, model, signals);
  b.order = greedy.order;

  // The curve: P(match) and cost after each application in order.
  ListState list = model.begin_list();
  std::vector<int> counts = fees.empty_counts();
  plan.curve.reserve(b.order.size() + 1);
  plan.curve.push_back({0, 0.0, 0.0});
  for (std::size_t n = 0; n < b.order.size(); ++n) {
    const Candidate& c = b.cands[b.order[n]];
    // The curve counts positions that complete a residency (advanced ones as if paired with a
    // PGY-1 year), as P(match) does; a one-year program adds nothing to it. Each program comes with
    // the signal the greedy chose it with.
    if (!c.one_year) model.append(list, signalled_logits(c));
    ++counts[static_cast<std::size_t>(c.group)];
    plan.curve.push_back({static_cast<int>(n + 1), list.p_match, list_only ? 0.0 : fees.cost_usd(counts)});
  }
  int pinned = 0;
  for (std::size_t i : b.order) pinned += b.cands[i].pinned ? 1 : 0;
  plan.diminishing_returns_at = static_cast<int>(b.order.size());
  for (std::size_t n = 0; n + 1 < plan.curve.size(); ++n)
    if (plan.curve[n + 1].p_match - plan.curve[n].p_match < options.diminishing_returns) {
      plan.diminishing_returns_at = std::max(static_cast<int>(n), pinned);
      break;
    }

  // How many to apply to: the count budget, else the dollar budget, else the match-value rule.
  std::size_t n = std::min(greedy.value_stop, b.order.size());
  plan.length_rule = "match_value";
  if (by_value) plan.match_value_usd = *stop.value_usd;
  if (options.max_applications) {
    n = std::min<std::size_t>(b.order.size(), static_cast<std::size_t>(std::max(0, *options.max_applications)));
    plan.length_rule = "max_applications";
  }
  if (budget) {
    std::size_t fit = 0;
    std::vector<int> fit_counts = fees.empty_counts();
    while (fit < b.order.size()) {
      ++fit_counts[static_cast<std::size_t>(b.cands[b.order[fit]].group)];
      if (fees.cost_usd(fit_counts) > *budget + 1e-9) break;
      ++fit;
    }
    if (!options.max_applications || fit < n) plan.length_rule = "budget";
    n = options.max_applications ? std::min(n, fit) : fit;
    if (fit == 0 && !b.order.empty())
      plan.notes.push_back("The budget does not cover one application with the transcript fee.");
  }
  // A list that holds advanced positions and no one-year program would count none of them in
  // P(match): made again without them (pinned ones stay, and the notes speak for them).
  if (!drop_advanced) {
    bool advanced = false, one_year = false;
    for (std::size_t k = 0; k < n; ++k) {
      const Candidate& c = b.cands[b.order[k]];
      advanced = advanced || (c.advanced && !c.pinned);
      one_year = one_year || c.one_year;
    }
    if (advanced && !one_year) {
      for (Candidate& c : b.cands) c.signal = SignalKind::None;
      plan.curve.clear();
      b.order.clear();
      return order(profile, options, model, fees, list_only, b, plan, true);
    }
  }
  if (by_value && !list_only && n < b.order.size())
    plan.notes.push_back("The list stops at " + std::to_string(n) + " applications: one more would add " +
                         format_points(greedy.value_stop_gain) + " to the expected value of your match, worth $" +
                         format_usd(greedy.value_stop_gain * *stop.value_usd) + " at your value of matching this year ($" +
                         format_usd(*stop.value_usd) + ", match_value_usd), less than its $" +
                         format_usd(greedy.value_stop_fee) + " fee.");
  b.length = n;
}

void finish(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model,
            const Fees& fees, Built& b, Plan& plan) {
  std::vector<std::size_t> chosen(b.order.begin(), b.order.begin() + static_cast<long>(b.length));
  Objective objective(utility_levels(b.cands), model.weights());
  for (std::size_t i : chosen) objective.add(b.cands[i].level, b.cands[i].q);
  // The greedy chose the list with its signals (a signal can bring a program onto it); on that
  // list the signals are placed afresh where they add the most, as before: the greedy spends a
  // signal on the first program it takes with one, not always where it adds the most.
  for (std::size_t i : b.order) b.cands[i].signal = SignalKind::None;
  place_signals(b.cands, chosen, objective, dataset, model, plan.signals);
  signal_notes(profile, plan.signals, plan.notes);

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

  // P(match) counts only positions that complete a residency; a one-year position apart.
  std::vector<std::size_t> in_rank_order;
  for (std::size_t r : rank) in_rank_order.push_back(chosen[r]);
  const TrackOutcome tracks = track_outcome(b.cands, in_rank_order, dataset, model);
  plan.p_match = tracks.residency;
  plan.p_match_one_year = tracks.one_year;
  track_notes(b.cands, chosen, dataset, tracks, plan.notes);
  if (!chosen.empty()) {
    std::size_t preferred = 0;
    for (std::size_t i : chosen) preferred += b.cands[i].preferred ? 1 : 0;
    plan.preferred_share = static_cast<double>(preferred) / static_cast<double>(chosen.size());
  }
  plan.p_interview_any = out.p_interview_any;
  plan.expected_interviews = out.expected_interviews;
  plan.expected_utility = objective.value();
  std::vector<int> counts = fees.empty_counts();
  for (std::size_t i : chosen) ++counts[static_cast<std::size_t>(b.cands[i].group)];
  plan.cost_by_service = fees.by_service(counts);
  plan.cost_usd = 0.0;
  for (const ServiceCost& c : plan.cost_by_service) plan.cost_usd += c.cost_usd;

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
      const Track t = dataset.programs[c.index].track;
      if (is_one_year(t))
        pp.reasons.push_back("one-year position (PGY-1 only): worth " + format_usd(100.0 * profile.one_year_value) +
                             "% of its specialty's weight (one_year_value); not counted in P(match)");
      if (t == Track::Advanced)
        pp.reasons.push_back("advanced position (starts at PGY-2): needs a PGY-1 year, a preliminary or transitional "
                             "program on a supplemental rank list");
    }
    plan.programs.push_back(std::move(pp));
  }
  for (ExcludedProgram& e : b.excluded)
    if (e.id.empty()) e.id = dataset.programs[e.index].id;
  plan.excluded = std::move(b.excluded);

  if (options.assumption_range && !chosen.empty()) {
    std::vector<detail::RankedChoice> ranked;
    for (std::size_t r : rank) ranked.push_back({b.cands[chosen[r]].index, b.cands[chosen[r]].signal});
    detail::assumption_range(profile, dataset, ranked, model, plan);
  } else {
    plan.p_match_low = plan.p_match_high = plan.p_match_extreme_low = plan.p_match_extreme_high = plan.p_match;
  }
  if (options.explain) plan.research_next = research_next(profile, dataset, plan, options, model);
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

// The what-if id of the plan without the min_preferred_share rule: its gain is what the rule costs.
constexpr const char* kNoShareRule = "no_preferred_share";

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
  add(options_.min_preferred_share > 0.0 && options_.min_preferred_share <= 1.0 && !p.preferred_states.empty() &&
          !options_.only_preferred_states,
      kNoShareRule, "No minimum share of applications in your preferred states",
      [](Profile&, PlanOptions& o) { o.min_preferred_share = 0.0; });
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
      // A list whose length came from the match-value rule keeps that length in the re-plans: a
      // stronger profile needs fewer applications for the same worth, and a shorter list would show
      // an improvement as a loss in P(match). The what-if compares chances at the same length.
      if (plan_.length_rule == "match_value") o.max_applications = static_cast<int>(plan_.programs.size());
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
  if (done()) {
    std::stable_sort(plan_.whatif.begin(), plan_.whatif.end(), [](const WhatIf& a, const WhatIf& b) { return a.gain > b.gain; });
    for (const WhatIf& w : plan_.whatif) {
      if (w.id != std::string(kNoShareRule)) continue;
      plan_.preferred_share_cost = w.gain;
      char buf[400];
      std::snprintf(buf, sizeof buf,
                    "Keeping at least %.0f%% of the applications in your preferred states (%.0f%% of this list) costs "
                    "%.1f points of P(match): %.1f%% without the rule, %.1f%% with it.",
                    100.0 * options_.min_preferred_share, 100.0 * plan_.preferred_share, 100.0 * w.gain,
                    100.0 * w.p_match, 100.0 * plan_.p_match);
      plan_.notes.push_back(buf);
    }
  }
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
                           const Model& model, const std::vector<SignalKind>& signals) {
  std::vector<std::pair<double, ProgramLogits>> ranked;
  ScoreOptions so;
  so.explain = false;
  for (std::size_t n = 0; n < indexes.size(); ++n) {
    const std::size_t i = indexes[n];
    const ProgramChance c = model.score(profile, dataset.programs.at(i), so);
    ProgramLogits l = c.logits;
    const SignalKind kind = n < signals.size() ? signals[n] : SignalKind::None;
    if (kind == SignalKind::Gold) l.interview += c.signal_logit;
    if (kind == SignalKind::Silver) l.interview += kSilverShare * c.signal_logit;
    ranked.push_back({program_utility(profile, dataset.programs[i]), l});
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
