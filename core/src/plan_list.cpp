// [SECTION] Tracks: what the list's match completes
// [SECTION] The order, the curve, the length
// [SECTION] The finished plan
#include "plan_list.h"

#include <algorithm>
#include <cmath>

#include "openpick/core/profile_rules.h"
#include "openpick/core/research.h"
#include "plan_greedy.h"
#include "plan_objective.h"
#include "plan_range.h"
#include "plan_signals.h"
#include "plan_tracks.h"

namespace openpick::core::detail {

namespace {

// ---- [SECTION] Tracks: what the list's match completes ------------------------------------------

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
                    "position is " +
                    percent(tracks.one_year) + " (p_match_one_year).");
  int advanced_candidates = 0;
  for (const Candidate& c : cands) advanced_candidates += c.advanced ? 1 : 0;
  if (advanced == 0 && advanced_candidates > 0)
    notes.push_back(std::to_string(advanced_candidates) +
                    " advanced (PGY-2) program(s) were weighed and none is on the list: each needs a PGY-1 year (a "
                    "preliminary or transitional program on a supplemental list), and counted with the chance of "
                    "that year from the list's one-year programs each added less than the programs chosen.");
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

}  // namespace

// ---- [SECTION] The order, the curve, the length -------------------------------------------------

void order(const Profile& profile, const PlanOptions& options, const Model& model, Fees& fees, bool list_only, Built& b,
           Plan& plan) {
  // An advanced (PGY-2) position completes a residency only with a PGY-1 year. With no one-year
  // program among the candidates to pair it with, it cannot count toward P(match): it is left out
  // (unless pinned), with the reason, and the notes say what would bring it back. With one-year
  // candidates the greedy pairs them (plan_greedy.cpp): an advanced position comes onto the list
  // only after a one-year program, valued with its chance of a PGY-1 year.
  const bool pgy1_available =
      std::any_of(b.cands.begin(), b.cands.end(), [](const Candidate& c) { return c.one_year; });
  if (!pgy1_available) {
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
          "none of your target specialties offers a preliminary or transitional program to pair it with. Add "
          "Transitional Year or a preliminary specialty to your targets to plan them.");
  }
  plan.candidates = b.cands.size();

  const std::vector<Slot> levels = utility_levels(b.cands);
  for (auto& c : b.cands) c.level = level_of(levels, c);

  const std::optional<double> budget = options.budget_usd ? options.budget_usd : profile.budget_usd;
  std::size_t length = static_cast<std::size_t>(std::max(0, options.curve_length));
  if (options.max_applications)
    length = std::max(length, static_cast<std::size_t>(std::max(0, *options.max_applications)));
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
  if (!in_range(kPreferredShareRange, share)) {
    if (!list_only)
      plan.notes.push_back("min_preferred_share must be a share from 0 to 1 (e.g. 0.5 for half); it was not applied.");
  } else if (share > 0.0 && profile.preferred_states.empty()) {
    if (!list_only)
      plan.notes.push_back(
          "min_preferred_share asks for a share of the list in your preferred states, but the profile "
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

  // The curve: P(match) and cost after each application in order (not for a what-if re-plan,
  // which reads P(match) alone).
  if (!list_only) {
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
  if (by_value && !list_only && n < b.order.size())
    plan.notes.push_back("The list stops at " + std::to_string(n) + " applications: one more would add " +
                         format_points(greedy.value_stop_gain) + " to the expected value of your match, worth $" +
                         format_usd(greedy.value_stop_gain * *stop.value_usd) +
                         " at your value of matching this year ($" + format_usd(*stop.value_usd) +
                         ", match_value_usd), less than its $" + format_usd(greedy.value_stop_fee) + " fee.");
  b.length = n;
}

// ---- [SECTION] The finished plan ----------------------------------------------------------------

void finish(const Profile& profile, const Dataset& dataset, const PlanOptions& options, const Model& model,
            const Fees& fees, bool list_only, Built& b, Plan& plan) {
  std::vector<std::size_t> chosen(b.order.begin(), b.order.begin() + static_cast<long>(b.length));
  Objective objective(utility_levels(b.cands), model.weights());
  for (std::size_t i : chosen) objective.add(b.cands[i].level, chances_with(b.cands[i], SignalKind::None, model));
  // The greedy chose the list with its signals (a signal can bring a program onto it); on that
  // list the signals are placed afresh where they add the most, as before: the greedy spends a
  // signal on the first program it takes with one, not always where it adds the most.
  for (std::size_t i : b.order) b.cands[i].signal = SignalKind::None;
  place_signals(b.cands, chosen, objective, dataset, model, plan.signals);
  signal_notes(profile, plan.signals, plan.notes);

  // Rank order: true preference (utility), then application order.
  std::vector<std::size_t> rank(chosen.size());
  for (std::size_t r = 0; r < rank.size(); ++r) rank[r] = r;
  // (At equal utility by kind: a position that completes a residency first, an advanced one last,
  // as the objective's slots are ordered.)
  std::stable_sort(rank.begin(), rank.end(), [&](std::size_t x, std::size_t y) {
    const Candidate& cx = b.cands[chosen[x]];
    const Candidate& cy = b.cands[chosen[y]];
    if (cx.utility != cy.utility) return cx.utility > cy.utility;
    return static_cast<int>(slot_kind(cx)) < static_cast<int>(slot_kind(cy));
  });
  // P(match) counts only positions that complete a residency; a one-year position apart.
  std::vector<std::size_t> in_rank_order;
  for (std::size_t r : rank) in_rank_order.push_back(chosen[r]);
  const TrackOutcome tracks = track_outcome(b.cands, in_rank_order, dataset, model);
  plan.p_match = tracks.residency;
  if (list_only) return;  // a what-if re-plan reads P(match) alone
  plan.p_match_one_year = tracks.one_year;
  std::vector<ProgramLogits> rank_logits;
  for (std::size_t r : rank) rank_logits.push_back(signalled_logits(b.cands[chosen[r]]));
  const ListOutcome out = model.evaluate_list(rank_logits);
  std::vector<double> here(chosen.size(), 0.0);
  for (std::size_t r = 0; r < rank.size(); ++r) here[rank[r]] = out.p_match_at[r];

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
      if (c.signal == SignalKind::Silver)
        pp.reasons.push_back("silver signal: counted as half a gold signal (assumption)");
      const Track t = dataset.programs[c.index].track;
      if (is_one_year(t))
        pp.reasons.push_back("one-year position (PGY-1 only): worth " + format_usd(100.0 * profile.one_year_value) +
                             "% of its specialty's weight (one_year_value); not counted in P(match)");
      if (t == Track::Advanced)
        pp.reasons.push_back(
            "advanced position (starts at PGY-2): needs a PGY-1 year, a preliminary or transitional "
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

}  // namespace openpick::core::detail
