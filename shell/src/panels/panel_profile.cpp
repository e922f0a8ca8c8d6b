// The applicant's profile: every field, with why it matters to programs (from the strategy brief
// in shared/seed) and inline checks. The form edits state.profile_draft; any change is committed
// with a SetProfile action, which saves it and (once the planner lands) re-plans.
#include <algorithm>
#include <cstdio>
#include <string>

#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

constexpr const char* kStates[] = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
    "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
    "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"};
// The Mississippi Delta and Deep South states the strategy brief points to.
constexpr const char* kDeepSouth[] = {"MS", "AR", "LA", "AL", "TN", "GA"};

// A label column on the left, the widget on the right: readable on a laptop, and on a phone the
// label wraps above the widget.
bool narrow() { return ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 30.0f; }

void label(const char* text, const char* why) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text);
  if (why) help_marker(why);
  if (!narrow()) ImGui::SameLine(ImGui::GetFontSize() * 15.0f);
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 14.0f, ImGui::GetContentRegionAvail().x));
}

void check(bool ok, const char* problem, const ImVec4& colour = kColorError) {
  if (ok) return;
  if (!narrow()) ImGui::SetCursorPosX(ImGui::GetFontSize() * 15.0f);
  wrapped_colored(colour, problem);
}

template <class Enum, std::size_t N>
bool combo(const char* id, Enum& value, const char* const (&names)[N]) {
  int i = static_cast<int>(value);
  const bool changed = ImGui::Combo(id, &i, names, static_cast<int>(N));
  if (changed) value = static_cast<Enum>(i);
  return changed;
}

bool int_field(const char* id, int& v, int lo, int hi) {
  const bool changed = ImGui::InputInt(id, &v, 1, 5);
  v = std::clamp(v, lo, hi);
  return changed;
}

bool months_field(const char* id, double& v) {
  float f = static_cast<float>(v);
  const bool changed = ImGui::InputFloat(id, &f, 1.0f, 3.0f, "%.1f months");
  if (changed) v = std::clamp(static_cast<double>(f), 0.0, 120.0);
  return changed;
}

}  // namespace

void panel_profile(AppState& state, Platform&) {
  if (!state.profile_is_set) {
    wrapped_colored(kColorMuted, "No profile yet: start from an example or a blank profile on the Start tab.");
    return;
  }
  core::Profile& p = state.profile_draft;
  bool changed = false;

  ImGui::BeginChild("profile_form");
  heading("Who you are");
  label("Graduate type", "Programs read applications differently for US graduates and international medical graduates (IMGs); many community programs are IMG-friendly.");
  changed |= combo("##grad", p.graduate_type, {"Non-US-citizen IMG", "US-citizen IMG", "US MD senior", "US DO senior"});
  label("Visa you need", "J-1 (sponsored by ECFMG) is accepted by far more programs than H-1B. Programs that sponsor neither are out of reach for a non-citizen.");
  changed |= combo("##visa", p.visa, {"None (citizen or green card)", "J-1", "H-1B", "J-1 or H-1B"});
  label("Year of graduation", "Many programs prefer recent graduates; some state a limit on years since graduation.");
  changed |= int_field("##yog", p.graduation_year, 1950, 2100);
  label("Match year", "The Match you are applying to (years since graduation = match year - graduation year).");
  changed |= int_field("##match", p.match_year, 2000, 2100);
  check(p.graduation_year <= p.match_year, "Graduation year is after the match year: is one of them mistyped?", kColorWarning);

  heading("Exams");
  label("Step 1", "Pass/fail now; a failed attempt is seen as a board-pass risk. Show growth with Step 2 CK.");
  changed |= combo("##s1", p.step1.result, {"Passed", "Failed", "Not taken"});
  label("Step 1 attempts", "Attempts so far. Some programs state a maximum number of attempts.");
  changed |= int_field("##s1a", p.step1.attempts, 0, 6);
  bool has_score = p.step2ck.score.has_value();
  label("Step 2 CK taken", "Step 2 CK is the score programs compare. Leave unticked if you have not taken it yet.");
  if (ImGui::Checkbox("##s2taken", &has_score)) {
    changed = true;
    p.step2ck.score = has_score ? std::optional<int>(220) : std::nullopt;
  }
  if (p.step2ck.score) {
    label("Step 2 CK score", "Below about 220-225 counts as low for IMGs; many programs still interview low scorers with strong US experience and letters.");
    int score = *p.step2ck.score;
    changed |= int_field("##s2", score, 1, 300);
    name_item("Step 2 CK score");
    p.step2ck.score = score;
    check(score <= 290, "Scores above 290 are very unusual: please check.", kColorWarning);
  }
  label("Step 2 CK attempts", "Attempts so far (0 if not taken).");
  changed |= int_field("##s2a", p.step2ck.attempts, 0, 6);
  name_item("Step 2 CK attempts");
  label("Step 3 passed", "Most H-1B sponsoring programs require Step 3 before the start date; passing it also reassures programs about board pass rates.");
  changed |= ImGui::Checkbox("##s3", &p.step3_passed);
  int ecfmg = !p.ecfmg_certified ? 2 : *p.ecfmg_certified ? 0 : 1;
  label("ECFMG certified", "IMGs must be ECFMG certified to start residency; some programs require it by the rank-list deadline.");
  if (ImGui::Combo("##ecfmg", &ecfmg, "Yes\0Not yet\0Not applicable / unknown\0")) {
    changed = true;
    p.ecfmg_certified = ecfmg == 2 ? std::nullopt : std::optional<bool>(ecfmg == 0);
  }

  heading("Experience and letters");
  label("Hands-on US clinical experience", "Externships and sub-internships with direct patient care. Programs value it highly; some require it.");
  changed |= months_field("##usce", p.usce_months.hands_on);
  label("Observerships", "Observerships count for less than hands-on experience, and do not meet a program's USCE requirement.");
  changed |= months_field("##obs", p.usce_months.observership);
  label("US letters of recommendation", "For an IMG, strong US letters often matter more than a few more exam points. Aim for 3-4.");
  changed |= int_field("##letters", p.us_letters, 0, 10);
  label("Research items", "Publications, posters and abstracts. Matched and unmatched IMGs have similar counts, so this moves little.");
  changed |= int_field("##research", p.research_items, 0, 200);

  heading("What you are aiming for");
  const auto& names = dataset_summary(state).specialties;
  for (std::size_t i = 0; i < p.specialties.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    auto& sp = p.specialties[i];
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    if (ImGui::BeginCombo("##spec", sp.name.empty() ? "(choose)" : sp.name.c_str())) {
      for (const auto& n : names)
        if (ImGui::Selectable(n.c_str(), n == sp.name)) {
          sp.name = n;
          changed = true;
        }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    float w = static_cast<float>(sp.weight);
    if (ImGui::SliderFloat("##w", &w, 0.05f, 1.0f, "value %.2f")) {
      sp.weight = w;
      changed = true;
    }
    item_tooltip("How much matching in this specialty is worth to you (1 = your first choice).");
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove")) {
      p.specialties.erase(p.specialties.begin() + static_cast<long>(i));
      changed = true;
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
  if (ImGui::Button("Add a specialty")) {
    const bool has_im = std::find(names.begin(), names.end(), "Internal Medicine") != names.end();
    p.specialties.push_back({has_im ? "Internal Medicine" : "", 1.0});
    changed = true;
  }
  check(!p.specialties.empty(), "Choose at least one specialty to plan for.", kColorWarning);

  ImGui::Spacing();
  ImGui::TextUnformatted("Preferred states");
  help_marker("Programs favour applicants with ties to their region. The Mississippi Delta and the Deep South have many IMG-friendly community programs.");
  if (ImGui::SmallButton("Add the Deep South")) {
    for (const char* s : kDeepSouth)
      if (std::find(p.preferred_states.begin(), p.preferred_states.end(), s) == p.preferred_states.end())
        p.preferred_states.emplace_back(s);
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Clear states")) {
    p.preferred_states.clear();
    changed = true;
  }
  const float cell = ImGui::GetFontSize() * 3.2f;
  const int columns = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / cell));
  if (ImGui::BeginTable("states", std::min(columns, 13))) {
    for (const char* s : kStates) {
      ImGui::TableNextColumn();
      auto it = std::find(p.preferred_states.begin(), p.preferred_states.end(), s);
      bool on = it != p.preferred_states.end();
      if (ImGui::Checkbox(s, &on)) {
        if (on) p.preferred_states.emplace_back(s);
        else p.preferred_states.erase(it);
        changed = true;
      }
    }
    ImGui::EndTable();
  }

  heading("Budget");
  bool has_budget = p.budget_usd.has_value();
  label("Limit application fees", "ERAS fees in the 2026 season: $11 per program for the first 30 in each specialty, $30 each after.");
  if (ImGui::Checkbox("##hasbudget", &has_budget)) {
    p.budget_usd = has_budget ? std::optional<double>(1500.0) : std::nullopt;
    changed = true;
  }
  if (p.budget_usd) {
    label("Budget (US dollars)", nullptr);
    double b = *p.budget_usd;
    if (ImGui::InputDouble("##budget", &b, 50.0, 250.0, "$%.0f")) {
      p.budget_usd = std::clamp(b, 0.0, 100000.0);
      changed = true;
    }
  }
  ImGui::EndChild();

  if (changed) state.actions.emplace_back(SetProfile{p});
}

}  // namespace openpick::shell
