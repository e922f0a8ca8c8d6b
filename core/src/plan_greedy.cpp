#include "plan_greedy.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <queue>
#include <tuple>

#include "openpick/core/det_math.h"

namespace openpick::core::detail {

namespace {

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

std::uint64_t bits(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

// What a candidate's key depends on: its level, fee group, signal options, side of the share rule
// and logits (the node chances follow from them). Candidates alike in all of these have equal keys
// at every step of the greedy, whatever it has chosen. All but the logits make its kind (numbered
// per greedy: a plan has a few), which the chains of dominance share too (greedy_order).
struct KindOf {
  std::size_t level;
  int group, signal_group;
  unsigned flags;  // can_gold, can_silver, preferred, reachable
  std::uint64_t signal_logit;
  bool operator==(const KindOf& o) const {
    return level == o.level && group == o.group && signal_group == o.signal_group && flags == o.flags &&
           signal_logit == o.signal_logit;
  }
};

KindOf kind_of(const Candidate& c) {
  const unsigned flags = (c.can_gold ? 8u : 0u) | (c.can_silver ? 4u : 0u) | (c.preferred ? 2u : 0u) |
                         (c.chance.logits.reachable ? 1u : 0u);
  return {c.level, c.group, c.signal_group, flags, bits(c.chance.signal_logit)};
}

// A double's bits as an integer in the double's order (-0 just below +0).
std::uint64_t order_key(double x) {
  const std::uint64_t u = bits(x);
  return (u >> 63) != 0 ? ~u : u | (std::uint64_t{1} << 63);
}

// Sorted: by kind, then the most likely first (larger logits), alike candidates together in
// candidate order.
struct Alike {
  std::uint32_t kind;
  std::uint64_t interview, match;  // order_key of the logits, complemented: larger logits first
  std::size_t candidate;
  bool same_as(const Alike& o) const { return kind == o.kind && interview == o.interview && match == o.match; }
  bool operator<(const Alike& o) const {
    if (kind != o.kind) return kind < o.kind;
    if (interview != o.interview) return interview < o.interview;
    if (match != o.match) return match < o.match;
    return candidate < o.candidate;
  }
};

}  // namespace

Order greedy_order(std::vector<Candidate>& cands, Objective& objective, const Fees& fees, bool per_dollar,
                   const Stop& stop, const Model& model, SignalsLeft signals) {
  Order out;
  std::vector<std::size_t>& order = out.order;
  bool value_found = !stop.value_usd.has_value();
  std::vector<int> counts = fees.empty_counts();
  std::vector<bool> taken(cands.size(), false);
  for (std::size_t i = 0; i < cands.size() && order.size() < stop.length; ++i) {
    if (!cands[i].pinned) continue;
    objective.add(cands[i].level, chances_with(cands[i], SignalKind::None, model));
    ++counts[static_cast<std::size_t>(cands[i].group)];
    order.push_back(i);
    taken[i] = true;
  }
  out.value_stop = order.size();
  // Under a dollar budget: gain per dollar of the program's own fee, a flat fee spread over the
  // programs it covers and the once-a-season transcript fee left out (rule_fee_usd). Charging the
  // transcript or a flat fee to the first program would make every key rise once it is paid, and
  // the lazy greedy needs keys that only fall; the budget itself is checked on the real cost.
  const auto per_fee = [&](std::size_t i, double g) {
    if (!per_dollar) return g;
    const double c = fees.rule_fee_usd(counts, cands[i].group);
    return c > 0.0 ? g / c : g * 1e9;
  };
  const auto key_of = [&](std::size_t i, SignalKind kind) {
    return per_fee(i, objective.gain(cands[i].level, chances_with(cands[i], kind, model)));
  };
  // A program's first key, before its node chances are computed: an upper bound of its gain. On an
  // empty list the gain is utility x the marginal P(match) (the objective's factors are the node
  // weights times the utility), and gains only fall as the list grows. A signal of log odds s
  // multiplies the chance at every node by at most e^s (1/(1 + x e^-s) <= e^s/(1 + x)). The margin
  // covers rounding (the two sums differ in their last bits).
  const auto first_gain_bound = [&](std::size_t i, SignalKind kind) {
    Candidate& c = cands[i];
    double& known = c.first_bound[static_cast<int>(kind)];
    if (known >= 0.0) return known;
    double bound = c.utility * c.marginal_p_match(model);
    if (kind != SignalKind::None) {
      const double s = (kind == SignalKind::Gold ? 1.0 : kSilverShare) * c.chance.signal_logit;
      bound = std::min(c.utility, bound * det_exp(s));
    }
    known = bound * (1.0 + 1e-9);
    return known;
  };
  const auto first_key = [&](std::size_t i, SignalKind kind) { return per_fee(i, first_gain_bound(i, kind)); };
  // Tracks (docs/PLANNER.md, "Tracks"): with advanced (PGY-2) positions and one-year programs among
  // the candidates, the objective counts an advanced match only with a PGY-1 year (its chance s).
  // An advanced program then gains nothing while the list has no one-year program, and a one-year
  // program gains more once advanced ones are on it: in those two kinds the gains are not
  // submodular. So, when pairing: the advanced candidates are kept out of the heaps and evaluated
  // afresh at every step; while the list has no one-year program, each comes as a bundle with the
  // best one-year program (that one first, then the advanced one), valued by the gain of the two
  // together per application (or per dollar); and after an advanced program is taken, every key
  // whose node chances are known is made fresh (the one-year programs' gains rise with it). With no
  // advanced candidate none of this runs.
  const bool share_rule = stop.min_share > 0.0;
  bool one_year_listed = false, advanced_left = false, one_year_candidates = false;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    one_year_listed = one_year_listed || (taken[i] && cands[i].one_year);
    advanced_left = advanced_left || (!taken[i] && cands[i].advanced);
    one_year_candidates = one_year_candidates || cands[i].one_year;
  }
  const bool pairing = objective.paired() && advanced_left && one_year_candidates;
  // Heaps [side * 2 + role]: side 1 holds the preferred states' programs when a share must be there
  // (else every program is on side 0); role 1 the one-year programs when pairing (else 0).
  const auto heap_of = [&](const Candidate& c) {
    return (share_rule && c.preferred ? 2 : 0) + (pairing && c.one_year ? 1 : 0);
  };
  std::priority_queue<HeapEntry> heaps[4];
  std::vector<std::size_t> advanced;  // pairing: the advanced candidates in play, one of each class
  std::size_t preferred = 0;
  for (std::size_t i : order) preferred += cands[i].preferred ? 1 : 0;
  // Candidates alike (likeness) have equal keys always, so ties go to the lowest candidate: only the
  // lowest of each such class not yet taken is in a heap, and when it is taken the next of its class
  // comes in with the taken one's key (an upper bound, as every key in the heap is). For a strong
  // applicant, to whom most programs of a specialty look alike, this keeps the heap and the
  // re-evaluations small; the order is the one the greedy makes over every candidate.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> next_alike(cands.size(), kNone);
  // Dominance (a program that is at least as likely at every node gains at least as much): classes
  // of the same slot, fee group, signal options and side whose node chances, with each signal kind
  // they can take, are each at least another's lie on a chain, the most likely first. Keys along a
  // chain only fall, so a class is left out of the heaps while one before it on its chain, not yet
  // taken, comes earlier in candidate order (ties of the key go to it): such a class can never be
  // the greedy's choice. When a class is taken, those after it that no longer have such a class
  // before them come in with its key, an upper bound of theirs (theirs were at most its key then,
  // and keys only fall). The heaps then hold a few classes per chain instead of all of them, and
  // far fewer stale keys are made fresh; the order is the same. Not for one-year programs when
  // pairing (their gains are not sums of chances times factors of one sign) nor advanced ones.
  struct Class {
    std::size_t rep;  // its first candidate not yet taken
    std::size_t chain = kNone;
    bool in_heap = false, exhausted = false;
  };
  std::vector<Class> classes;
  std::vector<std::size_t> class_of(cands.size(), kNone);
  std::vector<std::vector<std::size_t>> chains;  // class ids, the most likely first
  std::vector<std::size_t> chain_levels;         // the slots chains are kept in
  const auto push_class = [&](std::size_t k, double key, SignalKind kind) {
    Class& cl = classes[k];
    heaps[heap_of(cands[cl.rep])].push({key, cl.rep, kind});
    cl.in_heap = true;
  };
  const auto initial_key = [&](std::size_t i, SignalKind kind) {
    // A one-year program's gain has a pairing part when advanced programs are pinned: not bounded
    // by its own utility, so its first key is its gain.
    const bool paired_one_year = (pairing || objective.advanced_listed()) && cands[i].one_year;
    return paired_one_year ? key_of(i, kind) : first_key(i, kind);
  };
  {
    std::vector<KindOf> kinds;
    std::size_t last_kind = kNone;
    std::vector<Alike> rest;
    rest.reserve(cands.size());
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (taken[i]) continue;
      const KindOf k = kind_of(cands[i]);
      // Candidates come grouped by specialty: the last candidate's kind first.
      if (!(last_kind < kinds.size() && kinds[last_kind] == k)) {
        last_kind = 0;
        while (last_kind < kinds.size() && !(kinds[last_kind] == k)) ++last_kind;
        if (last_kind == kinds.size()) kinds.push_back(k);
      }
      const std::size_t id = last_kind;
      const ProgramLogits& l = cands[i].chance.logits;
      rest.push_back({static_cast<std::uint32_t>(id), ~order_key(l.interview), ~order_key(l.match_given_interview), i});
    }
    std::sort(rest.begin(), rest.end());
    // Chains: consecutive classes of one kind, each at least as likely at every node as the next,
    // found from the exact factors of their node chances with no signal and with each signal kind
    // they can take (smaller: more likely at every node). Larger logits give smaller factors, so a
    // kind's classes mostly make one chain; where they do not, a new chain starts.
    struct Factors {
      double interview, match, gold, silver;
      bool at_least_as_likely_as(const Factors& o) const {
        return interview <= o.interview && match <= o.match && gold <= o.gold && silver <= o.silver;
      }
    };
    Factors last{};
    for (std::size_t r = 0; r < rest.size(); ++r) {
      const std::size_t i = rest[r].candidate;
      const bool first = r == 0 || !rest[r - 1].same_as(rest[r]);
      if (r + 1 < rest.size() && rest[r + 1].same_as(rest[r])) next_alike[i] = rest[r + 1].candidate;
      class_of[i] = first ? classes.size() : classes.size() - 1;
      if (!first) continue;
      classes.push_back({i});
      const Candidate& c = cands[i];
      if (c.advanced || (c.one_year && objective.paired()) || !c.chance.logits.reachable) continue;
      Factors f{0, 0, 0, 0};
      std::tie(f.interview, f.match) = model.node_factors(c.chance.logits);
      if (c.signal_group >= 0 && c.can_gold) f.gold = model.interview_factor(with_signal(c.chance, SignalKind::Gold));
      if (c.signal_group >= 0 && c.can_silver)
        f.silver = model.interview_factor(with_signal(c.chance, SignalKind::Silver));
      const std::size_t before = classes.size() >= 2 ? classes.size() - 2 : kNone;
      const bool extends = before != kNone && classes[before].chain != kNone && r > 0 &&
                           rest[r - 1].kind == rest[r].kind && last.at_least_as_likely_as(f);
      if (!extends) {
        chains.emplace_back();
        if (std::find(chain_levels.begin(), chain_levels.end(), c.level) == chain_levels.end())
          chain_levels.push_back(c.level);
      }
      chains.back().push_back(classes.size() - 1);
      classes.back().chain = chains.size() - 1;
      last = f;
    }
    for (std::size_t k = 0; k < classes.size(); ++k) {
      const std::size_t i = classes[k].rep;
      if (pairing && cands[i].advanced) {
        advanced.push_back(i);
        continue;
      }
      if (classes[k].chain != kNone) continue;
      const SignalKind kind = signals.best(cands[i]);
      push_class(k, initial_key(i, kind), kind);
    }
    // On each chain, the classes with no class before them that comes earlier in candidate order.
    for (const auto& chain : chains) {
      std::size_t lowest = kNone;
      for (std::size_t k : chain) {
        if (classes[k].rep >= lowest) continue;
        lowest = classes[k].rep;
        const SignalKind kind = signals.best(cands[lowest]);
        push_class(k, initial_key(lowest, kind), kind);
      }
    }
  }
  // After a class of a chain is taken from (`e`, fresh when taken): the classes after it that now
  // have no class before them earlier in candidate order come in with its key.
  const auto release_after_take = [&](const HeapEntry& e, std::size_t k) {
    if (classes[k].chain == kNone) return;
    std::size_t lowest = kNone;
    for (std::size_t j : chains[classes[k].chain]) {
      Class& cl = classes[j];
      if (cl.exhausted || cl.rep >= lowest) continue;
      lowest = cl.rep;
      if (!cl.in_heap) push_class(j, e.key, e.kind);
    }
  };
  // Dominance needs every gain factor of the chains' slots to be 0 or more (so far they always
  // are): if one is not, every class left out comes in with its first key and the chains end.
  const auto check_chains = [&] {
    if (chains.empty()) return;
    bool ok = true;
    for (std::size_t l : chain_levels) ok = ok && objective.gain_grows_with_chances(l);
    if (ok) return;
    for (std::size_t k = 0; k < classes.size(); ++k) {
      Class& cl = classes[k];
      if (cl.chain == kNone || cl.exhausted || cl.in_heap) continue;
      const SignalKind kind = signals.best(cands[cl.rep]);
      push_class(k, initial_key(cl.rep, kind), kind);
    }
    for (Class& cl : classes) cl.chain = kNone;
    chains.clear();
  };
  check_chains();
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
      if (!signals.available(cands[top.candidate], kind)) kind = signals.best(cands[top.candidate]);
      const HeapEntry fresh{key_of(top.candidate, kind), top.candidate, kind};
      if (heap.empty() || !(fresh < heap.top())) {
        best = fresh;
        return true;
      }
      heap.push(fresh);
    }
    return false;
  };
  // Pairing, after an advanced program is taken: every key whose node chances are known made fresh
  // (the others keep their first keys, still upper bounds: utility x marginal P(match)).
  std::vector<HeapEntry> entries;
  const auto refresh_keys = [&] {
    for (auto& heap : heaps) {
      entries.clear();
      for (; !heap.empty(); heap.pop())
        if (!taken[heap.top().candidate]) entries.push_back(heap.top());
      for (HeapEntry& e : entries) {
        Candidate& c = cands[e.candidate];
        if (!signals.available(c, e.kind)) e.kind = signals.best(c);
        if (c.one_year || !c.q_with(e.kind).empty()) e.key = key_of(e.candidate, e.kind);
        heap.push(e);
      }
    }
  };
  // Whether the share rule lets a program of this side come after `listed` programs of which
  // `in_preferred` are in the preferred states.
  const auto share_allows = [&](bool is_preferred, std::size_t in_preferred, std::size_t listed) {
    return !share_rule || is_preferred ||
           static_cast<double>(in_preferred) >= stop.min_share * static_cast<double>(listed + 1) - 1e-9;
  };
  const auto take = [&](const HeapEntry& e) {
    Candidate& c = cands[e.candidate];
    objective.add(c.level, c.q_with(e.kind));
    ++counts[static_cast<std::size_t>(c.group)];
    order.push_back(e.candidate);
    taken[e.candidate] = true;
    c.signal = e.kind;
    signals.use(c, e.kind);
    preferred += c.preferred ? 1 : 0;
    one_year_listed = one_year_listed || c.one_year;
    const std::size_t next = next_alike[e.candidate];
    if (pairing && c.advanced) {
      auto it = std::find(advanced.begin(), advanced.end(), e.candidate);
      if (next == kNone)
        advanced.erase(it);
      else
        *it = next;
    } else if (next != kNone) {
      heaps[heap_of(c)].push({e.key, next, e.kind});
    }
    Class& cl = classes[class_of[e.candidate]];
    cl.rep = next;
    if (next == kNone) {
      cl.exhausted = true;
      cl.in_heap = false;
    }
    release_after_take(e, class_of[e.candidate]);
    check_chains();
  };
  Objective with_b = objective;  // a bundle's objective: its buffers are reused (assign_and_add)
  std::vector<int> counts_b;
  while (order.size() < stop.length || !value_found) {
    HeapEntry tops[4];
    bool has[4] = {false, false, false, false};
    for (int h = 0; h < 4; ++h)
      if (share_allows(h >= 2, preferred, order.size())) has[h] = best_of(heaps[h], tops[h]);
    int best = -1;  // the heap whose top is the best single program
    for (int h = 0; h < 4; ++h)
      if (has[h] && (best < 0 || tops[best] < tops[h])) best = h;
    // Pairing: the best advanced program alone (the list has a one-year program), or the best
    // bundle of the best one-year program and an advanced one (it has none yet).
    bool alone = false, bundle = false;
    int b = -1;  // the bundle's one-year program: the top of heap b
    HeapEntry adv{};
    double adv_gain = 0, adv_fee = 0;
    if (pairing && !advanced.empty()) {
      if (one_year_listed) {
        for (std::size_t a : advanced) {
          Candidate& ca = cands[a];
          if (!share_allows(ca.preferred, preferred, order.size())) continue;
          const SignalKind kind = signals.best(ca);
          const HeapEntry bound{per_fee(a, first_gain_bound(a, kind)), a, kind};
          if ((best >= 0 && bound < tops[best]) || (alone && bound < adv)) continue;  // cannot lead
          const double g = objective.gain(ca.level, chances_with(ca, kind, model));
          if (!(g > 0.0)) continue;  // too little chance of a PGY-1 year yet for it to add anything
          const HeapEntry e{per_fee(a, g), a, kind};
          if (!alone || adv < e) {
            alone = true;
            adv = e;
            adv_gain = g;
            adv_fee = fees.rule_fee_usd(counts, ca.group);
          }
        }
      } else if (order.size() + 2 <= stop.length || !value_found) {
        for (int h : {1, 3})
          if (has[h] && (b < 0 || tops[b] < tops[h])) b = h;
      }
      if (b >= 0) {
        const Candidate& cb = cands[tops[b].candidate];
        const std::vector<double>& qb = cb.q_with(tops[b].kind);
        const double gain_b = objective.gain(cb.level, qb);
        const double fee_b = fees.rule_fee_usd(counts, cb.group);
        counts_b = counts;
        ++counts_b[static_cast<std::size_t>(cb.group)];
        SignalsLeft signals_b = signals;
        signals_b.use(cb, tops[b].kind);
        bool objective_b = false;  // with_b holds the objective with the one-year program added
        for (std::size_t a : advanced) {
          Candidate& ca = cands[a];
          if (!share_allows(ca.preferred, preferred + (cb.preferred ? 1 : 0), order.size() + 1)) continue;
          const SignalKind kind = signals_b.best(ca);
          const double fee = fee_b + fees.rule_fee_usd(counts_b, ca.group);
          // Per application (two of them), or per dollar of the two fees.
          const auto key_for = [&](double g) { return per_dollar ? (fee > 0.0 ? g / fee : g * 1e9) : g / 2.0; };
          // The advanced program's gain is at most its first key's bound: a bundle that cannot beat
          // the best so far even so is not worked out.
          const HeapEntry bound{key_for(gain_b + first_gain_bound(a, kind)), a, kind};
          if (best >= 0 && bound < tops[best]) continue;
          if (bundle && bound < adv) continue;
          if (!objective_b) {
            with_b.assign_and_add(objective, cb.level, qb);
            objective_b = true;
          }
          const double g_a = with_b.gain(ca.level, chances_with(ca, kind, model));
          if (!(g_a > 0.0)) continue;
          const double g = gain_b + g_a;
          const HeapEntry e{key_for(g), a, kind};
          if (!bundle || adv < e) {
            bundle = true;
            adv = e;
            adv_gain = g;
            adv_fee = fee;
          }
        }
      }
    }
    // The choice: the best single program, unless an advanced one alone or a bundle beats it.
    const bool single = best >= 0 && !((alone || bundle) && tops[best] < adv);
    if (!single && !alone && !bundle) break;
    for (int h = 0; h < 4; ++h)
      if (has[h] && !(single && h == best) && !(!single && bundle && h == b)) heaps[h].push(tops[h]);
    const HeapEntry pick = single ? tops[best] : bundle ? tops[b] : adv;
    Candidate& c = cands[pick.candidate];
    if (!value_found) {
      // The match-value rule: is this application (a bundle: are these two) worth its fee? (The
      // transcript fee is paid once whatever the length, so it is not weighed here.)
      const double gain = single ? objective.gain(c.level, c.q_with(pick.kind)) : adv_gain;
      const double fee = single ? fees.rule_fee_usd(counts, c.group) : adv_fee;
      if (gain * *stop.value_usd < fee) {
        value_found = true;
        out.value_stop_gain = gain;
        out.value_stop_fee = fee;
        if (stop.stop_at_value) break;
      } else {
        out.value_stop = order.size() + (bundle && !single ? 2 : 1);
      }
    }
    if (order.size() >= stop.length && value_found) break;
    take(pick);
    if (!single && bundle) take(adv);
    if (pairing && cands[order.back()].advanced) refresh_keys();
    if (stop.past_budget_usd && fees.cost_usd(counts) > *stop.past_budget_usd) break;
  }
  if (!value_found) out.value_stop = order.size();  // every candidate is worth its fee
  return out;
}

}  // namespace openpick::core::detail
