// The whole dataset in a sortable, filterable table. Only the visible rows are drawn (ImGui's
// list clipper), and the filtered, sorted row list is cached in ProgramsView: fast at 6,000+ rows.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>

#include "openpick/core/io.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

enum Column {
  kName,
  kInterview,
  kMatch,
  kOnPlan,
  kSpecialty,
  kTrack,
  kState,
  kSetting,
  kPositions,
  kImgShare,
  kJ1,
  kH1b,
  kStep2Min,
  kActions,
  kColumnCount
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool matches(const core::Program& p, int i, const ProgramsView& v, const std::string& needle) {
  const auto idx = static_cast<std::size_t>(i);
  if (v.reach == 1 && (v.chances.empty() || !v.chances[idx].eligible)) return false;
  if (v.reach == 2 && (v.plan_position.empty() || v.plan_position[idx] == 0)) return false;
  if (!v.specialty.empty() && p.specialty != v.specialty) return false;
  if (!v.state.empty() && p.state != v.state) return false;
  if (v.visa == 1 && p.visa.j1 != true) return false;
  if (v.visa == 2 && p.visa.h1b != true) return false;
  if (needle.empty()) return true;
  return lower(p.name).find(needle) != std::string::npos || lower(p.institution).find(needle) != std::string::npos ||
         lower(p.city).find(needle) != std::string::npos || lower(p.id).find(needle) != std::string::npos;
}

// Unknown sorts after every known value, whichever the direction.
template <class T>
int compare_optional(const std::optional<T>& a, const std::optional<T>& b) {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return *a < *b ? -1 : *b < *a ? 1 : 0;
}

int compare(const core::Program& a, const core::Program& b, int column) {
  switch (column) {
    case kInterview:
    case kMatch:
    case kOnPlan: return 0;  // by chance: handled in rebuild, which has the chances
    case kSpecialty: return a.specialty.compare(b.specialty);
    case kTrack: return static_cast<int>(a.track) - static_cast<int>(b.track);
    case kState: return a.state.compare(b.state);
    case kSetting: return compare_optional(a.setting, b.setting);
    case kPositions: return compare_optional(a.positions, b.positions);
    case kImgShare: return compare_optional(a.img_share, b.img_share);
    case kJ1: return compare_optional(a.visa.j1, b.visa.j1);
    case kH1b: return compare_optional(a.visa.h1b, b.visa.h1b);
    case kStep2Min: return compare_optional(a.cutoffs.step2ck_min, b.cutoffs.step2ck_min);
    default: return a.name.compare(b.name);
  }
}

// A number to sort by for the chance columns: unknown (no profile, or out of reach) last.
double chance_key(const ProgramsView& v, int i, int column) {
  const auto idx = static_cast<std::size_t>(i);
  if (column == kOnPlan) return v.plan_position.empty() || v.plan_position[idx] == 0 ? -1.0 : -v.plan_position[idx];
  if (v.chances.empty() || !v.chances[idx].eligible) return -1.0;
  return column == kInterview ? v.chances[idx].p_interview : v.chances[idx].p_match;
}

void rebuild(const core::Dataset& d, ProgramsView& v) {
  const std::string needle = lower(v.search);
  v.rows.clear();
  for (int i = 0; i < static_cast<int>(d.programs.size()); ++i)
    if (matches(d.programs[static_cast<std::size_t>(i)], i, v, needle)) v.rows.push_back(i);
  const bool by_chance = v.sort_column == kInterview || v.sort_column == kMatch || v.sort_column == kOnPlan;
  std::stable_sort(v.rows.begin(), v.rows.end(), [&](int x, int y) {
    int c = 0;
    if (by_chance) {
      const double a = chance_key(v, x, v.sort_column), b = chance_key(v, y, v.sort_column);
      c = a < b ? -1 : b < a ? 1 : 0;
    } else {
      c = compare(d.programs[static_cast<std::size_t>(x)], d.programs[static_cast<std::size_t>(y)], v.sort_column);
    }
    return v.sort_descending ? c > 0 : c < 0;
  });
}

std::string percent(double p) {
  char buf[16];
  if (p > 0.0 && p < 0.01) return "<1%";
  std::snprintf(buf, sizeof buf, "%.0f%%", p * 100.0);
  return buf;
}

// The reasons for one program: built only for the row under the mouse.
void chance_tooltip(AppState& state, const core::Program& p, std::size_t index) {
  const ProgramsView& v = state.programs_view;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::Text("%s\n%s, %s — id %s", p.name.c_str(), p.city.c_str(), p.state.c_str(), p.id.c_str());
  if (!v.chances.empty()) {
    ImGui::Separator();
    const core::ProgramChance c = state.model.score(state.profile, p);
    if (!c.eligible) {
      for (const auto& r : c.exclusion_reasons) ImGui::TextColored(kColorError, "Out of reach: %s", r.c_str());
    } else {
      ImGui::Text("Chance of an interview %s; of matching here were it your only application %s.",
                  percent(c.p_interview).c_str(), percent(c.p_match).c_str());
      for (const auto& t : c.terms) ImGui::BulletText("%s", core::format_term(t).c_str());
    }
    if (v.plan_position[index] > 0) ImGui::TextColored(kColorGood, "On your plan: #%d", v.plan_position[index]);
  }
  // The applicant's own facts (their workspace's research or added programs), with their sources.
  if (index < state.own_facts.size()) {
    const core::OwnFacts& own = state.own_facts[index];
    if (own.added) ImGui::TextColored(kColorAccent, "Added by you (your workspace).");
    if (!own.fields.empty()) {
      std::string fields;
      for (const auto& f : own.fields) fields += (fields.empty() ? "" : ", ") + f;
      ImGui::TextColored(kColorAccent, "Your research: %s", fields.c_str());
      for (const auto& src : own.sources)
        ImGui::BulletText("%s: %s%s%s%s", src.what.c_str(), src.by.empty() ? "you" : src.by.c_str(),
                          src.date.empty() ? "" : ", ", src.date.c_str(),
                          src.url.empty() ? "" : (", " + src.url).c_str());
    }
  }
  ImGui::TextColored(kColorMuted, "Click the name to see or edit your research on it.");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

const char* yes_no(const std::optional<bool>& b) { return !b ? "?" : *b ? "yes" : "no"; }

bool filter_combo(const char* id, std::string& value, const std::vector<std::string>& options, const char* all) {
  bool changed = false;
  const bool open = ImGui::BeginCombo(id, value.empty() ? all : value.c_str());
  if (!open) name_item(id);  // where it is, for the tests (a closed combo reports no label)
  if (open) {
    if (ImGui::Selectable(all, value.empty())) {
      value.clear();
      changed = true;
    }
    for (const auto& o : options)
      if (ImGui::Selectable(o.c_str(), o == value)) {
        value = o;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

void panel_programs(AppState& state, Platform&) {
  ProgramsView& v = state.programs_view;
  const core::Dataset& d = state.dataset;
  // A program's detail view (its name clicked), or a program being added by hand, instead of the table.
  if (state.research_form.open) return research_form(state);
  research_bar(state);
  if (d.programs.empty()) {
    wrapped_colored(kColorMuted, "No program list is loaded. Load one in the Data tab.");
    return;
  }
  if (v.built_for_revision != state.dataset_revision) v.dirty = true;
  v.chances_wanted = true;  // computed between frames (apply_actions), once per plan

  static_assert(kColumnCount == 14, "update the table setup below");
  const DatasetSummary& summary = dataset_summary(state);
  const float w = ImGui::GetFontSize();
  // The filters wrap where the width ends (on a phone the search gets a line of its own), and none
  // is wider than the window.
  const auto next_filter = [](float width) {
    same_line_if_room(width);
    ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));
  };
  ImGui::SetNextItemWidth(std::min(w * 14, ImGui::GetContentRegionAvail().x));
  v.dirty |= filter_combo("##fspec", v.specialty, summary.specialties, "All specialties");
  next_filter(w * 7);
  v.dirty |= filter_combo("##fstate", v.state, summary.states, "All states");
  next_filter(w * 10);
  v.dirty |= ImGui::Combo("##fvisa", &v.visa, "Any visa policy\0Accepts J-1\0Sponsors H-1B\0");
  name_item("##fvisa");
  next_filter(w * 14);
  v.dirty |= ImGui::InputTextWithHint("##search", "Search name or city", v.search, sizeof v.search);
  next_filter(w * 10);
  v.dirty |= ImGui::Combo("##freach", &v.reach, "All programs\0Within my reach\0On my plan\0");
  name_item("##freach");
  if (state.dataset_is_sample) {
    same_line_if_room(ImGui::CalcTextSize("Sample data").x);
    ImGui::TextColored(kColorWarning, "Sample data");
  }

  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                     ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_Resizable |
                                     ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Reorderable;
  if (!ImGui::BeginTable("programs", kColumnCount, kFlags, ImVec2(0, ImGui::GetContentRegionAvail().y - w * 1.8f)))
    return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("Program", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed, w * 22);
  ImGui::TableSetupColumn("Interview", ImGuiTableColumnFlags_PreferSortDescending);
  ImGui::TableSetupColumn("Match", ImGuiTableColumnFlags_PreferSortDescending);
  ImGui::TableSetupColumn("Plan");
  ImGui::TableSetupColumn("Specialty", ImGuiTableColumnFlags_WidthFixed, w * 11);
  ImGui::TableSetupColumn("Track");
  ImGui::TableSetupColumn("State");
  ImGui::TableSetupColumn("Setting");
  ImGui::TableSetupColumn("Positions");
  ImGui::TableSetupColumn("IMG share");
  ImGui::TableSetupColumn("J-1");
  ImGui::TableSetupColumn("H-1B");
  ImGui::TableSetupColumn("Step 2 min");
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      v.sort_column = specs->Specs[0].ColumnIndex;
      v.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
    v.dirty = true;
  }
  if (v.dirty) {
    rebuild(d, v);
    v.dirty = false;
    v.built_for_revision = state.dataset_revision;
  }

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(v.rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const core::Program& p = d.programs[static_cast<std::size_t>(v.rows[static_cast<std::size_t>(r)])];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const auto index = static_cast<std::size_t>(v.rows[static_cast<std::size_t>(r)]);
      // A program with facts of the applicant's own is drawn in the accent colour (the tooltip says which).
      const bool own =
          index < state.own_facts.size() && (state.own_facts[index].added || !state.own_facts[index].fields.empty());
      // The name opens the program's detail view: the applicant's research on it.
      if (own) ImGui::PushStyleColor(ImGuiCol_Text, kColorAccent);
      const bool open = ImGui::Selectable((p.name + "##open_" + p.id).c_str());
      if (own) ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) chance_tooltip(state, p, index);
      if (open) open_research_form(state, p.id);
      ImGui::TableNextColumn();
      if (v.chances.empty())
        ImGui::TextDisabled("-");
      else if (!v.chances[index].eligible)
        ImGui::TextColored(kColorError, "out of reach");
      else
        ImGui::TextUnformatted(percent(v.chances[index].p_interview).c_str());
      ImGui::TableNextColumn();
      if (!v.chances.empty() && v.chances[index].eligible)
        ImGui::TextUnformatted(percent(v.chances[index].p_match).c_str());
      ImGui::TableNextColumn();
      if (!v.plan_position.empty() && v.plan_position[index] > 0)
        ImGui::TextColored(kColorGood, "#%d", v.plan_position[index]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.specialty.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(core::to_string(p.track)).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.state.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.setting ? std::string(core::to_string(*p.setting)).c_str() : "?");
      ImGui::TableNextColumn();
      if (p.positions)
        ImGui::Text("%d", *p.positions);
      else
        ImGui::TextDisabled("?");
      ImGui::TableNextColumn();
      // All IMGs, and the non-US IMGs' share beside it where the list gives it apart.
      if (p.img_share && p.img_share_non_us)
        ImGui::Text("%.0f%% (%.0f%% non-US)", *p.img_share * 100.0, *p.img_share_non_us * 100.0);
      else if (p.img_share)
        ImGui::Text("%.0f%%", *p.img_share * 100.0);
      else if (p.img_share_non_us)
        ImGui::Text("%.0f%% non-US", *p.img_share_non_us * 100.0);
      else
        ImGui::TextDisabled("?");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(yes_no(p.visa.j1));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(yes_no(p.visa.h1b));
      ImGui::TableNextColumn();
      if (p.cutoffs.step2ck_min)
        ImGui::Text(p.cutoffs.strict.step2ck_min ? "%d" : "%d (flexible)", *p.cutoffs.step2ck_min);
      else
        ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      ImGui::PushID(r);
      const auto& o = state.plan_options;
      const bool pinned = std::find(o.pinned_ids.begin(), o.pinned_ids.end(), p.id) != o.pinned_ids.end();
      const bool excluded = std::find(o.excluded_ids.begin(), o.excluded_ids.end(), p.id) != o.excluded_ids.end();
      if (ImGui::SmallButton(pinned ? "Unpin" : "Pin")) state.actions.emplace_back(SetPinned{p.id, !pinned});
      ImGui::SameLine();
      if (ImGui::SmallButton(excluded ? "Include" : "Exclude"))
        state.actions.emplace_back(SetExcluded{p.id, !excluded});
      ImGui::SameLine();
      // The season tracker (Season tab): a program tracked shows its status instead.
      if (const auto t = state.workspace.tracker.find(p.id); t != state.workspace.tracker.end())
        ImGui::TextColored(kColorGood, "%s", std::string(core::to_string(t->second.status)).c_str());
      else if (ImGui::SmallButton("Track"))
        state.actions.emplace_back(SetTrackerStatus{p.id, core::TrackerStatus::Considering});
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  ImGui::TextColored(kColorMuted, "%zu of %zu programs shown. \"?\" means the program's data does not say.",
                     v.rows.size(), d.programs.size());
}

}  // namespace openpick::shell
