// The plan: the headline chance with its range, the list in application order (pin, exclude,
// reasons on hover), the curves of chance and cost against list length, a tile map of the
// states, what-if gains as bars, the programs to research next, the strategy checklist, and the
// programs out of reach.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "openpick/core/advice.h"
#include "openpick/core/planner.h"
#include "openpick/core/profile_rules.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

std::string percent(double p) {
  char buf[16];
  if (p > 0.0 && p < 0.01) return "<1%";
  if (p < 1.0 && p > 0.99) return ">99%";
  std::snprintf(buf, sizeof buf, "%.0f%%", p * 100.0);
  return buf;
}

std::string dollars(double usd) {
  char buf[32];
  const long long v = std::llround(usd);
  if (v >= 1000)
    std::snprintf(buf, sizeof buf, "$%lld,%03lld", v / 1000, v % 1000);
  else
    std::snprintf(buf, sizeof buf, "$%lld", v);
  return buf;
}

void rebuild_view(AppState& state) {
  PlanView& v = state.plan_view;
  if (v.built_for_revision == state.plan_revision) return;
  std::map<std::string, int> per_state;
  for (const auto& p : state.plan.programs) ++per_state[state.dataset.programs[p.index].state];
  v.per_state.assign(per_state.begin(), per_state.end());
  v.most_in_a_state = 0;
  for (const auto& [st, n] : v.per_state) v.most_in_a_state = std::max(v.most_in_a_state, n);
  std::map<std::string, int> reasons;
  for (const auto& e : state.plan.excluded) ++reasons[e.reason];
  v.excluded_reasons.assign(reasons.begin(), reasons.end());
  std::stable_sort(v.excluded_reasons.begin(), v.excluded_reasons.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.advice_done.size() != state.advice.size()) v.advice_done.assign(state.advice.size(), false);
  v.built_for_revision = state.plan_revision;
}

ImU32 colour(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

// --- the headline --------------------------------------------------------------------------------

void headline(AppState& state, Platform& platform) {
  const core::Plan& plan = state.plan;
  ImGui::PushFont(nullptr);
  const float big = 1.6f;
  ImGui::SetWindowFontScale(big);
  ImGui::TextColored(kColorAccent, "Your chance of matching: %s", percent(plan.p_match).c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  for (const auto& condition : plan.conditional_on)
    wrapped_colored(kColorWarning, ("This chance assumes " + condition + ".").c_str());
  std::string fees;
  for (const core::ServiceCost& c : plan.cost_by_service)
    fees += (fees.empty() ? "" : " + ") + std::string(core::service_name(c.service)) + " " + dollars(c.cost_usd);
  if (plan.cost_by_service.size() > 1) fees = dollars(plan.cost_usd) + " (" + fees + ")";
  if (fees.empty()) fees = dollars(plan.cost_usd);
  ImGui::TextWrapped(
      "Likely between %s and %s: 8 in 10 of the model's assumptions drawn over their stated ranges "
      "land there (docs/MODEL.md). Apply to %zu programs: fees %s (2026 season, transcripts "
      "included). Chance of at least one interview %s; about %.1f interviews expected.",
      percent(plan.p_match_low).c_str(), percent(plan.p_match_high).c_str(), plan.programs.size(), fees.c_str(),
      percent(plan.p_interview_any).c_str(), plan.expected_interviews);
  if (plan.p_match_one_year > 0.0)
    ImGui::TextWrapped(
        "Chance of ending with only a one-year (preliminary or transitional) position: %s. "
        "That year is not counted as a match above.",
        percent(plan.p_match_one_year).c_str());
  if (!plan.sensitivity.empty()) {
    std::string most = "What moves it most, one at a time: ";
    for (std::size_t i = 0; i < plan.sensitivity.size() && i < 3; ++i) {
      const core::AssumptionEffect& e = plan.sensitivity[i];
      most += (i ? "; " : "") + e.plain + " (" + percent(e.low) + " to " + percent(e.high) + ")";
    }
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::TextWrapped("%s.", most.c_str());
    ImGui::PopStyleColor();
  }
  if (state.dataset_is_sample)
    wrapped_colored(
        kColorWarning,
        "Sample data: these programs are fictional. Load a real program list in the Data tab to plan for real.");
  for (const auto& note : plan.notes) wrapped_colored(kColorWarning, note.c_str());

  // Limits.
  core::PlanOptions& o = state.plan_options;
  bool limit_count = o.max_applications.has_value();
  int count = o.max_applications.value_or(std::max(1, static_cast<int>(plan.programs.size())));
  bool assistance = o.fee_assistance, only_preferred = o.only_preferred_states;
  bool changed = false;
  changed |= ImGui::Checkbox("At most", &limit_count);
  ImGui::SameLine();
  ImGui::BeginDisabled(!limit_count);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  if (ImGui::InputInt("applications", &count, 1, 10, ImGuiInputTextFlags_EnterReturnsTrue)) changed = true;
  ImGui::EndDisabled();
  // On a phone the switches go on lines of their own.
  const float needed = ImGui::GetFontSize() * 10.0f;
  if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectMax().x + ImGui::GetWindowPos().x > needed)
    ImGui::SameLine();
  changed |= ImGui::Checkbox("Fee Assistance", &assistance);
  item_tooltip(core::fee_assistance_eligibility());
  // Who qualifies, said beside the switch where it matters: a non-US IMG who turned it on.
  if (o.fee_assistance && state.profile.graduate_type == core::GraduateType::NonUsImg) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::TextWrapped("%s", core::fee_assistance_eligibility());
    ImGui::PopStyleColor();
  }
  if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectMax().x + ImGui::GetWindowPos().x > needed * 1.3f)
    ImGui::SameLine();
  changed |= ImGui::Checkbox("Only my preferred states", &only_preferred);
  // At least a share of the list in the preferred states (the plan's notes say what it costs).
  float share_percent = static_cast<float>(o.min_preferred_share * 100.0);
  if (!state.profile.preferred_states.empty() && !only_preferred) {
    // The label goes on a line of its own where the slider and it do not fit side by side (a phone).
    const char* label = "at least this share in my preferred states";
    const float slider = ImGui::GetFontSize() * 10.0f;
    const bool side_by_side =
        ImGui::GetContentRegionAvail().x > slider + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    if (!side_by_side) ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(slider);
    // Applied on release: each change re-plans.
    ImGui::SliderFloat(side_by_side ? label : "##preferred share", &share_percent, 0.0f, 100.0f, "%.0f%%");
    if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
    item_tooltip(
        "At least this share of your applications goes to programs in your preferred states (Profile tab); "
        "the list is chosen as well as it can be under that rule, and the notes say what the rule costs "
        "in chance of matching.");
  }
  if (changed)
    state.actions.emplace_back(SetPlanLimits{
        limit_count
            ? std::optional<int>(std::clamp(count, core::kMaxApplicationsRange.min, core::kMaxApplicationsRange.max))
            : std::nullopt,
        assistance, only_preferred,
        std::clamp(static_cast<double>(share_percent) / 100.0, core::kPreferredShareRange.min,
                   core::kPreferredShareRange.max)});
  if (!limit_count)
    ImGui::TextColored(
        kColorMuted, "%s",
        state.profile.budget_usd
            ? ("Limited by your budget of " + dollars(*state.profile.budget_usd) + " (Profile tab).").c_str()
            : ("No budget set: the list stops where one more application is worth less "
               "than its fee, at your value of matching this year (" +
               dollars(state.profile.match_value_usd) + ").")
                  .c_str());
  if (ImGui::Button("Export plan (CSV)"))
    platform.save_file("openpick-plan.csv", "text/csv", core::plan_to_csv(state.plan, state.dataset));
  ImGui::SameLine();
  if (ImGui::Button("Export plan (JSON)"))
    platform.save_file("openpick-plan.json", "application/json", state.plan_json);
}

// --- the list ------------------------------------------------------------------------------------

// What the plan says about one program, on hover.
void planned_program_tooltip(const core::Program& prog, const core::PlannedProgram& p) {
  const float w = ImGui::GetFontSize();
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(w * 30);
  ImGui::Text("%s\n%s, %s — %s", prog.name.c_str(), prog.city.c_str(), prog.state.c_str(), prog.specialty.c_str());
  ImGui::Separator();
  ImGui::Text(
      "Chance of an interview %s; of matching here were it your only application %s; "
      "of ending up here with this whole list %s.",
      percent(p.p_interview).c_str(), percent(p.p_match).c_str(), percent(p.p_match_here).c_str());
  ImGui::Separator();
  for (const auto& reason : p.reasons) ImGui::BulletText("%s", reason.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void pin_and_exclude(AppState& state, const core::PlannedProgram& p, bool stacked) {
  if (p.pinned) {
    if (ImGui::SmallButton("Unpin")) state.actions.emplace_back(SetPinned{p.id, false});
  } else if (ImGui::SmallButton("Pin")) {
    state.actions.emplace_back(SetPinned{p.id, true});
  }
  item_tooltip("Pinned programs are always on the list.");
  if (!stacked) ImGui::SameLine();
  if (ImGui::SmallButton("Exclude")) state.actions.emplace_back(SetExcluded{p.id, true});
  item_tooltip("Never apply here; the plan picks another program instead.");
}

ImVec4 tier_colour(core::Tier t) {
  return t == core::Tier::Likely ? kColorGood : t == core::Tier::Target ? kColorAccent : kColorMuted;
}

// The list in application order. Wide: one column per figure. Narrow (a phone): the program and
// its figures on three lines, Pin and Exclude stacked beside them, so nothing needs sideways
// scrolling.
void program_list(AppState& state, float height) {
  const core::Plan& plan = state.plan;
  const float w = ImGui::GetFontSize();
  const bool narrow = ImGui::GetContentRegionAvail().x < w * 34.0f;
  constexpr ImGuiTableFlags kCommon = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
  const ImGuiTableFlags flags = narrow ? kCommon : kCommon | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("plan_list", narrow ? 3 : 8, flags, ImVec2(0, height))) return;
  if (narrow) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Program", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  } else {
    ImGui::TableSetupScrollFreeze(2, 1);
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn("Program", ImGuiTableColumnFlags_WidthFixed, w * 15.0f);  // leaves room for Pin and Exclude
    ImGui::TableSetupColumn("State");
    ImGui::TableSetupColumn("Interview");
    ImGui::TableSetupColumn("Match");
    ImGui::TableSetupColumn("Tier");
    ImGui::TableSetupColumn("Signal");
    ImGui::TableSetupColumn("");
  }
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(plan.programs.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const core::PlannedProgram& p = plan.programs[static_cast<std::size_t>(r)];
      const core::Program& prog = state.dataset.programs[p.index];
      ImGui::PushID(r);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", r + 1);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(prog.name.c_str());
      if (ImGui::IsItemHovered()) planned_program_tooltip(prog, p);
      if (narrow) {
        ImGui::Text("interview %s · match %s", percent(p.p_interview).c_str(), percent(p.p_match).c_str());
        ImGui::TextColored(tier_colour(p.tier), "%s · %s%s%s", prog.state.c_str(), core::to_string(p.tier),
                           p.signal != core::SignalKind::None ? " · " : "",
                           p.signal != core::SignalKind::None ? core::to_string(p.signal) : "");
        if (p.signal != core::SignalKind::None) {
          ImGui::SameLine(0.0f, 0.0f);
          ImGui::TextColored(tier_colour(p.tier), " signal");
        }
        ImGui::TableNextColumn();
        pin_and_exclude(state, p, true);
        ImGui::PopID();
        continue;
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(prog.state.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(percent(p.p_interview).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(percent(p.p_match).c_str());
      ImGui::TableNextColumn();
      ImGui::TextColored(tier_colour(p.tier), "%s", core::to_string(p.tier));
      ImGui::TableNextColumn();
      if (p.signal != core::SignalKind::None) ImGui::TextColored(kColorWarning, "%s", core::to_string(p.signal));
      ImGui::TableNextColumn();
      pin_and_exclude(state, p, false);
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

// --- the curves ----------------------------------------------------------------------------------

void curve(AppState& state, float width, float height) {
  const core::Plan& plan = state.plan;
  if (plan.curve.size() < 2) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float w = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 lo(origin.x + w * 2.5f, origin.y + w * 0.6f);
  const ImVec2 hi(origin.x + width - w * 3.5f, origin.y + height - w * 1.6f);
  ImGui::InvisibleButton("curve", ImVec2(width, height));
  const float n = static_cast<float>(plan.curve.back().applications);
  const double max_cost = std::max(1.0, plan.curve.back().cost_usd);
  auto X = [&](double apps) { return lo.x + static_cast<float>(apps / n) * (hi.x - lo.x); };
  auto Yp = [&](double p) { return hi.y - static_cast<float>(p) * (hi.y - lo.y); };
  auto Yc = [&](double c) { return hi.y - static_cast<float>(c / max_cost) * (hi.y - lo.y); };
  draw->AddRectFilled(lo, hi, IM_COL32(255, 255, 255, 255));
  for (int g = 0; g <= 4; ++g) {
    const float y = Yp(g / 4.0);
    draw->AddLine(ImVec2(lo.x, y), ImVec2(hi.x, y), IM_COL32(225, 228, 235, 255));
    char label[8];
    std::snprintf(label, sizeof label, "%d%%", g * 25);
    draw->AddText(ImVec2(origin.x, y - w * 0.5f), colour(kColorAccent), label);
    const std::string c = dollars(max_cost * g / 4.0);
    draw->AddText(ImVec2(hi.x + w * 0.3f, y - w * 0.5f), colour(kColorWarning), c.c_str());
  }
  // Chosen length and the point of diminishing returns.
  const float xs = X(static_cast<double>(plan.programs.size()));
  draw->AddLine(ImVec2(xs, lo.y), ImVec2(xs, hi.y), colour(kColorAccent, 0.5f), 2.0f);
  const float xd = X(plan.diminishing_returns_at);
  for (float y = lo.y; y < hi.y; y += w * 0.6f)
    draw->AddLine(ImVec2(xd, y), ImVec2(xd, std::min(hi.y, y + w * 0.3f)), colour(kColorMuted), 1.5f);
  for (std::size_t i = 1; i < plan.curve.size(); ++i) {
    const auto& a = plan.curve[i - 1];
    const auto& b = plan.curve[i];
    draw->AddLine(ImVec2(X(a.applications), Yc(a.cost_usd)), ImVec2(X(b.applications), Yc(b.cost_usd)),
                  colour(kColorWarning), 1.5f);
    draw->AddLine(ImVec2(X(a.applications), Yp(a.p_match)), ImVec2(X(b.applications), Yp(b.p_match)),
                  colour(kColorAccent), 2.5f);
  }
  draw->AddRect(lo, hi, IM_COL32(200, 204, 212, 255));
  char axis[48];
  std::snprintf(axis, sizeof axis, "applications (0 to %.0f)", n);
  draw->AddText(ImVec2(lo.x, hi.y + w * 0.2f), colour(kColorMuted), axis);
  if (ImGui::IsItemHovered()) {
    const float mx = ImGui::GetIO().MousePos.x;
    const int k = std::clamp(static_cast<int>(std::lround((mx - lo.x) / (hi.x - lo.x) * n)), 0,
                             static_cast<int>(plan.curve.size()) - 1);
    const auto& pt = plan.curve[static_cast<std::size_t>(k)];
    ImGui::SetTooltip("%d applications: chance of matching %s, fees %s", pt.applications, percent(pt.p_match).c_str(),
                      dollars(pt.cost_usd).c_str());
  }
  ImGui::TextColored(kColorAccent, "— chance of matching");
  ImGui::SameLine();
  ImGui::TextColored(kColorWarning, "— fees");
  ImGui::SameLine();
  ImGui::TextColored(kColorMuted, "¦ one more adds < 0.5 point (%d)", plan.diminishing_returns_at);
  help_marker(
      "The curve is the chance with the first N programs of the list, before signals; the headline includes your "
      "signals.");
}

// --- the map -------------------------------------------------------------------------------------

struct Tile {
  const char* state;
  int col, row;
};
// A tile-grid map of the states (one square each, roughly where the state is).
constexpr Tile kTiles[] = {{"AK", 0, 0},  {"ME", 11, 0}, {"VT", 10, 1}, {"NH", 11, 1}, {"WA", 1, 2},  {"ID", 2, 2},
                           {"MT", 3, 2},  {"ND", 4, 2},  {"MN", 5, 2},  {"IL", 6, 2},  {"WI", 7, 2},  {"MI", 8, 2},
                           {"NY", 9, 2},  {"RI", 10, 2}, {"MA", 11, 2}, {"OR", 1, 3},  {"NV", 2, 3},  {"WY", 3, 3},
                           {"SD", 4, 3},  {"IA", 5, 3},  {"IN", 6, 3},  {"OH", 7, 3},  {"PA", 8, 3},  {"NJ", 9, 3},
                           {"CT", 10, 3}, {"CA", 1, 4},  {"UT", 2, 4},  {"CO", 3, 4},  {"NE", 4, 4},  {"MO", 5, 4},
                           {"KY", 6, 4},  {"WV", 7, 4},  {"VA", 8, 4},  {"MD", 9, 4},  {"DE", 10, 4}, {"AZ", 2, 5},
                           {"NM", 3, 5},  {"KS", 4, 5},  {"AR", 5, 5},  {"TN", 6, 5},  {"NC", 7, 5},  {"SC", 8, 5},
                           {"DC", 9, 5},  {"OK", 4, 6},  {"LA", 5, 6},  {"MS", 6, 6},  {"AL", 7, 6},  {"GA", 8, 6},
                           {"HI", 0, 7},  {"TX", 4, 7},  {"FL", 9, 7},  {"PR", 11, 7}};

void state_map(AppState& state, float width) {
  const PlanView& v = state.plan_view;
  const float cell = std::min(width / 12.0f, ImGui::GetFontSize() * 2.6f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("map", ImVec2(cell * 12.0f, cell * 8.0f));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (const Tile& t : kTiles) {
    int count = 0;
    for (const auto& [st, n] : v.per_state)
      if (st == t.state) count = n;
    const ImVec2 a(origin.x + static_cast<float>(t.col) * cell + 1, origin.y + static_cast<float>(t.row) * cell + 1);
    const ImVec2 b(a.x + cell - 2, a.y + cell - 2);
    const float share =
        v.most_in_a_state > 0 ? static_cast<float>(count) / static_cast<float>(v.most_in_a_state) : 0.0f;
    const ImVec4 fill = count == 0 ? ImVec4(0.91f, 0.92f, 0.94f, 1.0f)
                                   : ImVec4(0.85f - 0.65f * share, 0.90f - 0.55f * share, 0.98f - 0.30f * share, 1.0f);
    draw->AddRectFilled(a, b, ImGui::GetColorU32(fill), 3.0f);
    const ImU32 text = share > 0.55f ? IM_COL32(255, 255, 255, 255) : IM_COL32(40, 44, 52, 255);
    const ImVec2 ts = ImGui::CalcTextSize(t.state);
    draw->AddText(ImVec2(a.x + (cell - 2 - ts.x) * 0.5f, a.y + (cell - 2 - ts.y) * 0.5f), text, t.state);
    if (hovered && ImGui::IsMouseHoveringRect(a, b))
      ImGui::SetTooltip("%s: %d program%s on your list", t.state, count, count == 1 ? "" : "s");
  }
}

// --- what-if, advice, excluded -------------------------------------------------------------------

void whatif_bars(AppState& state, float width) {
  const core::Plan& plan = state.plan;
  if (plan.whatif.empty()) {
    ImGui::TextColored(kColorMuted, "No profile change to compare.");
    return;
  }
  double most = 0.0;
  for (const auto& w : plan.whatif) most = std::max(most, w.gain);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = ImGui::GetFontSize();
  for (const auto& w : plan.whatif) {
    ImGui::TextUnformatted(w.change.c_str());
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float bar = most > 0 ? static_cast<float>(std::max(0.0, w.gain) / most) * (width - h * 11.0f) : 0.0f;
    draw->AddRectFilled(a, ImVec2(a.x + std::max(2.0f, bar), a.y + h * 0.9f), colour(kColorGood, 0.85f), 2.0f);
    char label[48];
    std::snprintf(label, sizeof label, "%+.1f points (to %s)", w.gain * 100.0, percent(w.p_match).c_str());
    draw->AddText(ImVec2(a.x + std::max(2.0f, bar) + h * 0.4f, a.y - h * 0.05f), colour(kColorMuted), label);
    ImGui::Dummy(ImVec2(width, h * 1.1f));
  }
}

void advice_checklist(AppState& state) {
  PlanView& v = state.plan_view;
  for (std::size_t i = 0; i < state.advice.size(); ++i) {
    const auto& a = state.advice[i];
    ImGui::PushID(static_cast<int>(i));
    bool done = v.advice_done[i];
    if (ImGui::Checkbox(a.title.c_str(), &done)) v.advice_done[i] = done;
    ImGui::Indent(ImGui::GetFontSize() * 1.6f);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::TextWrapped("%s", a.why.c_str());
    if (!a.source.empty()) ImGui::TextWrapped("Source: %s", a.source.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent(ImGui::GetFontSize() * 1.6f);
    ImGui::PopID();
  }
  ImGui::Spacing();
  ImGui::TextColored(kColorMuted, "The season's dates, and what is due next: the Season tab.");
}

// The programs whose unknown facts would change the list most if known (core's research_next).
void research_next(const AppState& state) {
  const auto& items = state.plan.research_next;
  if (items.empty()) {
    ImGui::TextColored(
        kColorMuted,
        "Nothing worth a look: no unknown fact on or near your list would add a tenth of a point once known.");
    return;
  }
  ImGui::TextColored(kColorMuted, "Look these up first: what each would add to your chance, on average, once known.");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& r = items[i];
    const core::Program& p = state.dataset.programs.at(r.index);
    ImGui::PushID(static_cast<int>(i));
    ImGui::Bullet();
    ImGui::TextWrapped("%s (%s)%s: +%.1f points", p.name.c_str(), p.state.c_str(), r.on_list ? ", on your list" : "",
                       r.gain * 100.0);
    ImGui::Indent(ImGui::GetFontSize() * 1.6f);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    for (const auto& how : r.how) ImGui::TextWrapped("%s", how.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent(ImGui::GetFontSize() * 1.6f);
    ImGui::PopID();
  }
}

void excluded(AppState& state) {
  const PlanView& v = state.plan_view;
  if (state.plan.excluded.empty()) {
    ImGui::TextColored(kColorMuted, "None: every program in your specialties is within reach.");
    return;
  }
  for (const auto& [reason, n] : v.excluded_reasons) ImGui::BulletText("%d: %s", n, reason.c_str());
}

}  // namespace

void panel_plan(AppState& state, Platform& platform) {
  if (state.profile_is_set && !core::unanswered_facts(state.profile).empty()) {
    // No chance before the facts that decide it (core::unanswered_facts).
    push_reading_width();
    profile_questions(state);
    ImGui::PopTextWrapPos();
    return;
  }
  if (!state.plan_valid) {
    wrapped_colored(kColorMuted,
                    !state.profile_is_set
                        ? "Start from an example or a blank profile on the Start tab, and your plan appears here."
                        : "Load a program list in the Data tab, and your plan appears here.");
    return;
  }
  rebuild_view(state);
  headline(state, platform);
  ImGui::Separator();

  const float avail = ImGui::GetContentRegionAvail().x;
  const bool wide = avail > ImGui::GetFontSize() * 52.0f;
  const float w = ImGui::GetFontSize();
  if (wide) {
    ImGui::BeginChild("left", ImVec2(avail * 0.52f, 0));
    heading("Your list, in application order");
    program_list(state, ImGui::GetContentRegionAvail().y - w * 0.5f);
    ImGui::EndChild();
    ImGui::SameLine();
  }
  ImGui::BeginChild("right");
  const float right = ImGui::GetContentRegionAvail().x;
  if (!wide) {
    heading("Your list, in application order");
    program_list(state, w * 22.0f);
  }
  heading("Chance and cost against the number of applications");
  curve(state, right, w * 13.0f);
  heading("What would raise your chance most");
  whatif_bars(state, right);
  heading("Where your list is");
  state_map(state, right);
  heading("Research these next");
  research_next(state);
  heading("Your strategy checklist");
  advice_checklist(state);
  heading("Out of reach");
  excluded(state);
  ImGui::EndChild();
}

}  // namespace openpick::shell
