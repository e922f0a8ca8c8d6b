// The workspace over a loaded list: the programs to plan over (apply_workspace), the rank list
// from the tracker (rank_list_order), and the tracker's own rules (check_tracker).
#include <algorithm>
#include <unordered_map>

#include "workspace_detail.h"

namespace openpick::core {

namespace {

std::string in_quotes(std::string_view s) { return "\"" + detail::excerpt(s, 60) + "\""; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool on_rank_list(TrackerStatus s) { return s == TrackerStatus::Interviewed || s == TrackerStatus::Ranked; }

// The applicant's source as a program's FactSource ("your research, 2026-08-01 https://...").
FactSource as_fact_source(const ResearchSource& s, std::string_view field) {
  FactSource f;
  f.field = std::string(field);
  f.source = (s.by.empty() ? std::string("your research") : s.by) + ", " + s.date;
  if (!s.url.empty()) f.source += " " + s.url;
  if (auto d = read_calendar_date(s.date)) f.year = d->year;
  return f;
}

// The research entry's facts on the program; the list's sources for those facts give way to the
// applicant's own.
void overlay(const Research& r, Program& p) {
  for (const std::string& field : r.fields) {
    detail::copy_fact(r.facts, p, field);
    p.sources.erase(
        std::remove_if(p.sources.begin(), p.sources.end(), [&](const FactSource& s) { return s.field == field; }),
        p.sources.end());
    for (const ResearchSource& s : r.sources)
      if (source_covers(s.what, field)) p.sources.push_back(as_fact_source(s, field));
  }
}

}  // namespace

AppliedWorkspace apply_workspace(const Dataset& dataset, const Workspace& w) {
  AppliedWorkspace out;
  out.dataset = dataset;
  std::vector<Program>& programs = out.dataset.programs;
  out.own.assign(programs.size(), OwnFacts{});
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < programs.size(); ++i) at.emplace(programs[i].id, i);

  for (const Program& p : w.added_programs) {
    const auto it = at.find(p.id);
    if (it != at.end()) {
      out.notes.push_back("added program " + in_quotes(p.id) + " (" + p.name + ") has the id of " +
                          in_quotes(programs[it->second].name) +
                          " in the loaded list: yours is planned over, the list's is set aside");
      programs[it->second] = p;
      out.own[it->second] = OwnFacts{true, {}, {}};
      continue;
    }
    at.emplace(p.id, programs.size());
    programs.push_back(p);
    out.own.push_back(OwnFacts{true, {}, {}});
  }

  for (const auto& [id, r] : w.research) {
    const auto it = at.find(id);
    if (it == at.end()) {
      out.notes.push_back("research for " + in_quotes(id) + " (" + joined(r.fields) +
                          "): no program with this id in the loaded list; kept in your workspace");
      continue;
    }
    overlay(r, programs[it->second]);
    OwnFacts& own = out.own[it->second];
    for (const std::string& f : r.fields) detail::add_field(own.fields, f);
    own.sources.insert(own.sources.end(), r.sources.begin(), r.sources.end());
  }

  std::vector<bool> hidden(programs.size(), false);
  for (const std::string& id : w.hidden) {
    const auto it = at.find(id);
    if (it == at.end())
      out.notes.push_back("hidden program " + in_quotes(id) + " is not in the loaded list; kept in your workspace");
    else
      hidden[it->second] = true;
  }
  for (const auto& [id, t] : w.tracker)
    if (at.find(id) == at.end())
      out.notes.push_back("tracker: " + in_quotes(id) + " (" + std::string(to_string(t.status)) +
                          ") is not in the loaded list; kept in your workspace");

  std::size_t kept = 0;
  for (std::size_t i = 0; i < programs.size(); ++i) {
    if (hidden[i]) continue;
    if (kept != i) {
      programs[kept] = std::move(programs[i]);
      out.own[kept] = std::move(out.own[i]);
    }
    ++kept;
  }
  programs.resize(kept);
  out.own.resize(kept);
  return out;
}

RankListOrder rank_list_order(const Workspace& w, const std::vector<Program>& programs) {
  RankListOrder out;
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < programs.size(); ++i) at.emplace(programs[i].id, i);
  std::vector<std::pair<int, std::size_t>> ranked;  // (rank, index)
  std::vector<std::size_t> unranked;
  std::vector<std::string> missing;
  for (const auto& [id, t] : w.tracker) {
    if (!on_rank_list(t.status)) continue;
    const auto it = at.find(id);
    if (it == at.end()) {
      missing.push_back(in_quotes(id));
      continue;
    }
    if (t.rank)
      ranked.emplace_back(*t.rank, it->second);
    else
      unranked.push_back(it->second);
  }
  std::sort(ranked.begin(), ranked.end());
  std::sort(unranked.begin(), unranked.end());  // list order
  for (const auto& r : ranked) out.order.push_back(r.second);
  if (!unranked.empty()) {
    std::vector<std::string> names;
    for (std::size_t i : unranked) {
      out.order.push_back(i);
      names.push_back(in_quotes(programs[i].id));
    }
    out.notes.push_back("no rank yet for " + joined(names) +
                        " (interviewed): placed after the ranked programs, in list order; give " +
                        (names.size() == 1 ? "it a rank" : "each a rank"));
  }
  if (!missing.empty())
    out.notes.push_back("left off the rank list, not in the loaded list: " + joined(missing) +
                        " (kept in your workspace)");
  return out;
}

// ---- Tracker rules ------------------------------------------------------------------------------

namespace {
std::string letter_already_sent(std::string_view holder) {
  return "a top-choice letter is already marked for " + in_quotes(holder) +
         "; send one to a single program, and only if it is true (the strategy brief: \"only to one program, "
         "and only if true\"): a second would tell one of them something untrue";
}
}  // namespace

std::string top_choice_letter_refusal(const std::map<std::string, TrackerEntry>& tracker, std::string_view id) {
  for (const auto& [other, t] : tracker)
    if (other != id && t.checklist && t.checklist->top_choice_letter) return letter_already_sent(other);
  return {};
}

std::vector<TrackerProblem> check_tracker(const std::map<std::string, TrackerEntry>& tracker) {
  std::vector<TrackerProblem> out;
  std::map<int, std::string> rank_holder;
  const std::string* letter = nullptr;
  for (const auto& [id, t] : tracker) {
    if (t.rank) {
      if (!on_rank_list(t.status)) {
        out.push_back({id, "rank",
                       "a rank on a program whose status is \"" + std::string(to_string(t.status)) +
                           "\"; only programs that interviewed you (status interviewed or ranked) go on the rank "
                           "list: change the status, or take the rank off"});
      } else {
        const auto [it, inserted] = rank_holder.emplace(*t.rank, id);
        if (!inserted)
          out.push_back({id, "rank",
                         "rank " + std::to_string(*t.rank) + " is also " + in_quotes(it->second) +
                             "'s; expected each rank once (one program per place on the rank list)"});
      }
    }
    if (t.checklist && t.checklist->top_choice_letter) {
      if (letter) {
        out.push_back({id, "checklist.top_choice_letter", letter_already_sent(*letter)});
      } else {
        letter = &id;
      }
    }
  }
  return out;
}

}  // namespace openpick::core
