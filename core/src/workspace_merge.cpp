// merge_research: another workspace's research merged into the applicant's, fact by fact.
//
// The rule (docs/DATA.md, "Merging research"): a fact the applicant lacks is added; a fact both
// set to the same value keeps it; when the values differ, theirs wins only if both are dated and
// theirs is newer (dates from the sources that cover the fact, fact_date), else the applicant's
// stays. Sources: the applicant's all stay; one of theirs is added when it covers no fact of
// theirs, or only facts their value now shows; one that covers some facts whose value lost is
// added for the others only (one copy per fact); one whose every fact lost is not added, and the
// report names it. So a source listed for a fact speaks for the value shown, except the
// applicant's own sources for a value theirs replaced (kept, so both stay visible).
#include <algorithm>

#include "workspace_detail.h"

namespace openpick::core {

namespace {

std::string in_quotes(std::string_view s) { return "\"" + detail::excerpt(s, 60) + "\""; }

std::string dated(const std::string& date) { return date.empty() ? "undated" : "dated " + date; }

std::string describe(const ResearchSource& s) {
  std::string out = s.by.empty() ? "their research" : s.by;
  out += ", " + s.date;
  if (!s.url.empty()) out += ", " + s.url;
  return out;
}

enum class Outcome { Added, Same, TheirsWon, MineKept };

void add_source(std::vector<ResearchSource>& sources, const ResearchSource& s) {
  if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(s);
}

// One entry of theirs into the applicant's entry of the same id.
void merge_entry(const std::string& id, Research& mine, const Research& theirs, std::vector<std::string>& report) {
  std::vector<std::pair<std::string, Outcome>> outcomes;
  const std::string where = "research " + in_quotes(id) + " ";
  for (const std::string& field : theirs.fields) {
    const std::string their_value = detail::fact_text(theirs.facts, field);
    const std::string their_date = fact_date(theirs, field);
    if (!mine.sets(field)) {
      detail::copy_fact(theirs.facts, mine.facts, field);
      detail::add_field(mine.fields, field);
      outcomes.emplace_back(field, Outcome::Added);
      report.push_back(where + field + ": added theirs, " + their_value + " (" + dated(their_date) + ")");
      continue;
    }
    const std::string my_value = detail::fact_text(mine.facts, field);
    if (my_value == their_value) {
      outcomes.emplace_back(field, Outcome::Same);
      continue;
    }
    const std::string my_date = fact_date(mine, field);
    if (!my_date.empty() && !their_date.empty() && their_date > my_date) {
      detail::copy_fact(theirs.facts, mine.facts, field);
      outcomes.emplace_back(field, Outcome::TheirsWon);
      report.push_back(where + field + ": theirs, " + their_value + " (" + dated(their_date) +
                       "), is newer than yours, " + my_value + " (" + dated(my_date) +
                       "): theirs is used; your sources stay listed");
      continue;
    }
    outcomes.emplace_back(field, Outcome::MineKept);
    const std::string why = my_date.empty() || their_date.empty() ? "only dated facts are compared"
                            : their_date == my_date               ? "same date"
                                                                  : "yours is newer";
    report.push_back(where + field + ": kept yours, " + my_value + " (" + dated(my_date) + "); theirs says " +
                     their_value + " (" + dated(their_date) + "): " + why);
  }

  std::size_t added = 0;
  for (const ResearchSource& s : theirs.sources) {
    std::vector<std::string> shown, lost;
    for (const auto& [field, outcome] : outcomes)
      if (source_covers(s.what, field)) (outcome == Outcome::MineKept ? lost : shown).push_back(field);
    const std::size_t before = mine.sources.size();
    if (lost.empty()) {
      add_source(mine.sources, s);
    } else if (shown.empty()) {
      report.push_back(where + "source not added (" + describe(s) + "): it is for their " + s.what +
                       ", where yours was kept");
    } else {
      for (const std::string& field : shown) {
        ResearchSource copy = s;
        copy.what = field;
        add_source(mine.sources, copy);
      }
    }
    added += mine.sources.size() - before;
  }
  if (added > 0)
    report.push_back(where + std::to_string(added) + (added == 1 ? " source" : " sources") + " of theirs added");
}

}  // namespace

MergeResult merge_research(const Workspace& mine, const Workspace& theirs) {
  MergeResult out;
  out.merged = mine;
  Workspace& w = out.merged;
  for (const auto& [id, r] : theirs.research) {
    const auto it = w.research.find(id);
    if (it == w.research.end()) {
      w.research.emplace(id, r);
      std::string fields;
      for (const std::string& f : r.fields) fields += (fields.empty() ? "" : ", ") + f;
      out.report.push_back("research " + in_quotes(id) + ": added theirs (" + (fields.empty() ? "no facts" : fields) +
                           ")");
      continue;
    }
    merge_entry(id, it->second, r, out.report);
  }
  for (const Program& p : theirs.added_programs) {
    const auto same_id = [&](const Program& q) { return q.id == p.id; };
    const auto it = std::find_if(w.added_programs.begin(), w.added_programs.end(), same_id);
    if (it == w.added_programs.end()) {
      w.added_programs.push_back(p);
      out.report.push_back("added program " + in_quotes(p.id) + " (" + p.name + "): added theirs");
    } else if (detail::program_to_ordered_json(*it) != detail::program_to_ordered_json(p)) {
      out.report.push_back("added program " + in_quotes(p.id) +
                           ": kept yours; theirs differs (add what you trust of it as "
                           "research on " +
                           in_quotes(p.id) + ")");
    }
  }
  if (out.report.empty()) out.report.push_back("nothing to merge: their research is already in yours");
  if (theirs.profile || !theirs.tracker.empty() || !theirs.hidden.empty())
    out.report.push_back("their profile, tracker and hidden programs are theirs: not merged");
  return out;
}

}  // namespace openpick::core
