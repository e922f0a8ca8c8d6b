// The applicant's profile: every field, with why it matters to programs (from the strategy brief
// in shared/seed) and inline checks. The form edits state.profile_draft; a finished edit (no field
// still being typed in or dragged) is committed once with a SetProfile action, which re-plans and
// saves on a debounce.
//
// Ranges, defaults, names and checks are core's (openpick/core/profile_rules.h): a field is clamped
// only when the applicant edits it, so an imported value the form would not offer is kept as is.
#include <algorithm>
#include <cstdio>
#include <string>

#include "openpick/core/profile_rules.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

using core::Range;

// The states offered as checkboxes, in the form's order.
constexpr const char* kStates[] = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID",
                                   "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO",
                                   "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
                                   "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"};

constexpr const char* kChoose = "Choose…";
constexpr const char* kNeeded = "Needed before OpenPick shows your chance.";

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

// One of an enum's labels (indexed by value), showing "Choose…" until the applicant has answered.
template <class Enum, std::size_t N>
bool choice(const char* id, Enum& value, const char* const (&labels)[N], bool unanswered = false) {
  bool changed = false;
  const int current = static_cast<int>(value);
  const char* preview = unanswered || current < 0 || current >= static_cast<int>(N) ? kChoose : labels[current];
  if (ImGui::BeginCombo(id, preview)) {
    for (int i = 0; i < static_cast<int>(N); ++i)
      if (ImGui::Selectable(labels[i], !unanswered && i == current)) {
        value = static_cast<Enum>(i);
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

// A whole number; only a value the applicant changed is brought into range.
bool int_field(const char* id, int& v, const Range<int>& range) {
  const bool changed = ImGui::InputInt(id, &v, 1, 5);
  if (changed) v = std::clamp(v, range.min, range.max);
  return changed;
}

// An optional whole number: a tick says it is known, the field holds it.
bool optional_int_field(const char* id, std::optional<int>& v, const Range<int>& range, int first) {
  bool changed = false;
  bool known = v.has_value();
  ImGui::PushID(id);
  if (ImGui::Checkbox(known ? "##known" : "Not given: tick to enter it##known", &known)) {
    v = known ? std::optional<int>(first) : std::nullopt;
    changed = true;
  }
  if (v) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(
        std::max(ImGui::GetFontSize() * 6.0f, ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - 8.0f));
    int x = *v;
    if (int_field("##value", x, range)) {
      v = x;
      changed = true;
    }
  }
  ImGui::PopID();
  return changed;
}

bool months_field(const char* id, double& v) {
  float f = static_cast<float>(v);
  const bool changed = ImGui::InputFloat(id, &f, 1.0f, 3.0f, "%.1f months");
  if (changed) v = std::clamp(static_cast<double>(f), core::kUsceMonthsRange.min, core::kUsceMonthsRange.max);
  return changed;
}

// "YYYY-MM": a month typed as text; kept only once it reads as one (an empty field clears it).
bool month_field(const char* id, std::optional<std::string>& v) {
  char buf[16] = {};
  if (v) std::snprintf(buf, sizeof buf, "%s", v->c_str());
  if (!ImGui::InputTextWithHint(id, "YYYY-MM", buf, sizeof buf, ImGuiInputTextFlags_CharsNoBlank)) return false;
  const std::string s(buf);
  if (s.empty()) {
    const bool had = v.has_value();
    v.reset();
    return had;
  }
  if (!core::read_year_month(s) || (v && *v == s)) return false;  // not a month yet: keep typing
  v = s;
  return true;
}

// ---- the decisive facts -------------------------------------------------------------------------
// Each field a chance depends on most, drawn the same way in the form and in the questions the
// Start and Plan tabs ask first; choosing a value answers it.

bool graduate_type_field(core::Profile& p) {
  label("Graduate type",
        "Programs read applications differently for US graduates and international medical graduates (IMGs); many "
        "community programs are IMG-friendly.");
  const bool changed = choice("##grad", p.graduate_type, core::kGraduateTypeLabels, p.unanswered.graduate_type);
  name_item("Graduate type");
  if (changed) core::set_answered(p, core::DecisiveFact::GraduateType);
  return changed;
}

bool visa_field(core::Profile& p) {
  label("Visa you need",
        "J-1 (sponsored by ECFMG) is accepted by far more programs than H-1B. Programs that sponsor neither are out of "
        "reach for a non-citizen.");
  const bool changed = choice("##visa", p.visa, core::kVisaNeedLabels, p.unanswered.visa);
  name_item("Visa you need");
  if (changed) core::set_answered(p, core::DecisiveFact::Visa);
  return changed;
}

bool step1_result_field(core::Profile& p) {
  label("Step 1", "Pass/fail now; a failed attempt is seen as a board-pass risk. Show growth with Step 2 CK.");
  const bool changed = choice("##s1", p.step1.result, core::kExamResultLabels, p.unanswered.step1);
  name_item("Step 1");
  if (!changed) return false;
  core::set_answered(p, core::DecisiveFact::Step1);
  // Attempts follow the result the applicant chose (check_profile's rule).
  if (p.step1.result == core::ExamResult::NotTaken) {
    p.step1.attempts = 0;
    p.step1.score.reset();
  } else if (p.step1.attempts == 0) {
    p.step1.attempts = 1;
  }
  return true;
}

// Step 2 CK: taken (with a score) or not yet. "Taken" answers the question only once the
// applicant has typed their score (step2ck_score_field): no starting value stands in for it.
bool step2ck_taken_pending(const core::Profile& p) {
  return p.unanswered.step2ck && !p.step2ck.score && p.step2ck.attempts > 0;
}

bool step2ck_status_field(core::Profile& p) {
  static const char* const kStatus[] = {"Taken: I have a score", "Not taken yet"};
  int status = p.step2ck.score || step2ck_taken_pending(p) ? 0 : 1;
  const bool unanswered = p.unanswered.step2ck && !step2ck_taken_pending(p);
  label("Step 2 CK",
        "Step 2 CK is the score programs compare. If you have not taken it yet, give the score you expect.");
  const bool changed = choice("##s2status", status, kStatus, unanswered);
  name_item("Step 2 CK");
  if (!changed) return false;
  if (status == 0) {
    p.step2ck.attempts = std::max(p.step2ck.attempts, 1);
    if (p.step2ck.score) core::set_answered(p, core::DecisiveFact::Step2ck);
  } else {
    core::set_answered(p, core::DecisiveFact::Step2ck);
    p.step2ck.score.reset();
    p.step2ck.date.reset();
    p.step2ck.attempts = 0;
  }
  return true;
}

bool step2ck_score_field(AppState& state, core::Profile& p) {
  if (step2ck_taken_pending(p)) {
    // Taken, score not typed yet: an empty field, answered once it holds a three-digit score.
    label("Step 2 CK score", "Your three-digit Step 2 CK score.");
    char* text = state.step2ck_score_entry;
    if (ImGui::InputTextWithHint("##s2new", "type your score", text, sizeof state.step2ck_score_entry,
                                 ImGuiInputTextFlags_CharsDecimal)) {
      const std::string digits(text);
      const int score = digits.size() == 3 ? std::stoi(digits) : 0;
      if (core::in_range(core::kStepScoreRange, score)) {
        p.step2ck.score = score;
        core::set_answered(p, core::DecisiveFact::Step2ck);
        text[0] = '\0';
        return true;
      }
    }
    name_item("Step 2 CK score");
    return false;
  }
  if (!p.step2ck.score) return false;
  label("Step 2 CK score",
        "Below about 220-225 counts as low for IMGs; many programs still interview low scorers with strong US "
        "experience and letters.");
  int score = *p.step2ck.score;
  const bool changed = int_field("##s2", score, core::kStepScoreRange);
  name_item("Step 2 CK score");
  if (changed) p.step2ck.score = score;
  check(score <= core::kSuspiciousStepScore,
        ("Scores above " + std::to_string(core::kSuspiciousStepScore) + " are very unusual: please check.").c_str(),
        kColorWarning);
  return changed;
}

bool specialty_rows(AppState& state, core::Profile& p) {
  bool changed = false;
  const auto& names = dataset_summary(state).specialties;
  for (std::size_t i = 0; i < p.specialties.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    auto& sp = p.specialties[i];
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 16.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##spec", sp.name.empty() ? "(choose)" : sp.name.c_str())) {
      for (const auto& n : names)
        if (ImGui::Selectable(n.c_str(), n == sp.name)) {
          sp.name = n;
          changed = true;
        }
      ImGui::EndCombo();
    }
    name_item("Specialty");
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
    const bool has_default = std::find(names.begin(), names.end(), core::kFormNewSpecialty) != names.end();
    p.specialties.push_back({has_default ? core::kFormNewSpecialty : "", core::kFormNewSpecialtyWeight});
    changed = true;
  }
  return changed;
}

void commit_when_done(AppState& state, bool changed) {
  if (changed) {
    state.profile_draft_edited = true;
    state.profile_draft_changed_at = ImGui::GetTime();
  }
  commit_profile_draft(state);
}

}  // namespace

// A finished edit is committed once: not while a field is still being typed in (each digit) or a
// slider dragged, but as soon as no widget is active (Enter, a click elsewhere, a released button,
// another tab) or the typing has paused for kProfileCommitPauseSeconds.
void commit_profile_draft(AppState& state) {
  if (!state.profile_draft_edited) return;
  if (ImGui::IsAnyItemActive() && ImGui::GetTime() - state.profile_draft_changed_at < kProfileCommitPauseSeconds)
    return;
  state.profile_draft_edited = false;
  state.actions.emplace_back(SetProfile{state.profile_draft, true});
}

void profile_questions(AppState& state) {
  core::Profile& p = state.profile_draft;
  const auto unanswered = core::unanswered_facts(p);
  if (unanswered.empty()) return;
  bool changed = false;
  ImGui::PushID("questions");
  wrapped_colored(kColorAccent, "Your chance depends on these answers. OpenPick shows no number until you give them:");
  for (core::DecisiveFact f : unanswered) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", core::question(f));
  }
  ImGui::Spacing();
  changed |= graduate_type_field(p);
  changed |= visa_field(p);
  changed |= step1_result_field(p);
  changed |= step2ck_status_field(p);
  changed |= step2ck_score_field(state, p);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Specialty");
  changed |= specialty_rows(state, p);
  ImGui::PopID();
  commit_when_done(state, changed);
}

void panel_profile(AppState& state, Platform&) {
  if (!state.profile_is_set) {
    wrapped_colored(kColorMuted, "No profile yet: start from an example or a blank profile on the Start tab.");
    return;
  }
  core::Profile& p = state.profile_draft;
  bool changed = false;

  ImGui::BeginChild("profile_form");
  if (!core::unanswered_facts(p).empty())
    wrapped_colored(kColorWarning,
                    "Fields marked \"Choose…\" (and a specialty) are needed before OpenPick shows your chance.");
  heading("Who you are");
  changed |= graduate_type_field(p);
  check(!p.unanswered.graduate_type, kNeeded, kColorWarning);
  changed |= visa_field(p);
  check(!p.unanswered.visa, kNeeded, kColorWarning);
  label("Year of graduation", "Many programs prefer recent graduates; some state a limit on years since graduation.");
  changed |= int_field("##yog", p.graduation_year, core::kYearRange);
  name_item("Year of graduation");
  label("Match year", "The Match you are applying to (years since graduation = match year - graduation year).");
  changed |= int_field("##match", p.match_year, core::kYearRange);
  name_item("Match year");
  check(p.graduation_year <= p.match_year, "Graduation year is after the match year: is one of them mistyped?",
        kColorWarning);

  heading("Exams");
  changed |= step1_result_field(p);
  check(!p.unanswered.step1, kNeeded, kColorWarning);
  label("Step 1 attempts", "Attempts so far. Some programs state a maximum number of attempts.");
  changed |= int_field("##s1a", p.step1.attempts, core::kAttemptsRange);
  name_item("Step 1 attempts");
  if (p.step1.result != core::ExamResult::NotTaken && !p.unanswered.step1) {
    label("Step 1 score (before 2022)",
          "Only for a Step 1 taken before 2022, when it still had a three-digit score; since 26 January 2022 it is "
          "pass/fail. Programs that remember the old scores may still read it.");
    changed |= optional_int_field("s1score", p.step1.score, core::kStepScoreRange, core::kFormStepScore);
    name_item("Step 1 score");
  }
  changed |= step2ck_status_field(p);
  check(!p.unanswered.step2ck, kNeeded, kColorWarning);
  changed |= step2ck_score_field(state, p);
  label("Step 2 CK attempts", "Attempts so far (0 if not taken).");
  changed |= int_field("##s2a", p.step2ck.attempts, core::kAttemptsRange);
  name_item("Step 2 CK attempts");
  if (p.step2ck.score) {
    label("Step 2 CK taken in",
          "The month of the scored attempt, as YYYY-MM. The passing mark depends on it (218 since July 2025).");
    changed |= month_field("##s2date", p.step2ck.date);
    name_item("Step 2 CK date");
  }
  label(p.step2ck.score ? "Expected score on a retake" : "Expected Step 2 CK score",
        "The score you expect when Step 2 CK is not taken yet, or when you must retake it. Your chance then assumes "
        "this score, and says so.");
  changed |= optional_int_field("s2expected", p.step2ck.expected_score, core::kStepScoreRange,
                                core::kFormExpectedStep2ckScore);
  name_item("Expected Step 2 CK score");
  label("Step 3 passed",
        "Most H-1B sponsoring programs require Step 3 before the start date; passing it also reassures programs about "
        "board pass rates.");
  changed |= ImGui::Checkbox("##s3", &p.step3_passed);
  int ecfmg = !p.ecfmg_certified ? 2 : *p.ecfmg_certified ? 0 : 1;
  label("ECFMG certified",
        "IMGs must be ECFMG certified to start residency; some programs require it by the rank-list deadline.");
  if (ImGui::Combo("##ecfmg", &ecfmg, "Yes\0Not yet\0Not applicable / unknown\0")) {
    changed = true;
    p.ecfmg_certified = ecfmg == 2 ? std::nullopt : std::optional<bool>(ecfmg == 0);
  }

  heading("Experience and letters");
  label("Hands-on US clinical experience",
        "Externships and sub-internships with direct patient care. Programs value it highly; some require it.");
  changed |= months_field("##usce", p.usce_months.hands_on);
  label("Observerships",
        "Observerships count for less than hands-on experience, and do not meet a program's USCE requirement.");
  changed |= months_field("##obs", p.usce_months.observership);
  label("US letters of recommendation",
        "For an IMG, strong US letters often matter more than a few more exam points. Aim for 3-4.");
  changed |= int_field("##letters", p.us_letters, core::kUsLettersRange);
  name_item("US letters");
  label("Letters from your specialty",
        "How many of your letters come from physicians in the specialty you apply to. Programs read a letter from "
        "their own field as more telling; aim for at least 2.");
  changed |= optional_int_field("specletters", p.specialty_letters, core::kSpecialtyLettersRange, 0);
  name_item("Letters from your specialty");
  label("Research items",
        "Publications, posters and abstracts. Matched and unmatched IMGs have similar counts, so this moves little.");
  changed |= int_field("##research", p.research_items, core::kResearchItemsRange);
  name_item("Research items");

  heading("What you are aiming for");
  changed |= specialty_rows(state, p);
  check(!p.specialties.empty(), "Choose at least one specialty to plan for.", kColorWarning);

  ImGui::Spacing();
  ImGui::TextUnformatted("Preferred states");
  help_marker(
      "Programs favour applicants with ties to their region. The Mississippi Delta and the Deep South have many "
      "IMG-friendly community programs.");
  if (ImGui::SmallButton("Add the Deep South")) {
    for (const char* s : core::kDeepSouthStates)
      if (std::find(p.preferred_states.begin(), p.preferred_states.end(), s) == p.preferred_states.end())
        p.preferred_states.emplace_back(s);
    changed = true;
  }
  item_tooltip("Adds AL, AR, GA, LA, MS, SC and TN: the states the model counts as the Deep South.");
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
        if (on)
          p.preferred_states.emplace_back(s);
        else
          p.preferred_states.erase(it);
        changed = true;
      }
    }
    ImGui::EndTable();
  }

  ImGui::Spacing();
  ImGui::TextUnformatted("Ties to states");
  help_marker(
      "Where you trained, lived or have family. Programs read a tie to their state as more likely to come and stay; it "
      "counts for more than a preference.");
  for (std::size_t i = 0; i < p.state_ties.size(); ++i) {
    ImGui::PushID(static_cast<int>(i) + 1000);
    core::StateTie& tie = p.state_ties[i];
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
    if (ImGui::BeginCombo("##tiestate", tie.state.c_str())) {
      for (const char* s : kStates)
        if (ImGui::Selectable(s, tie.state == s)) {
          tie.state = s;
          changed = true;
        }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    changed |= choice("##tiekind", tie.kind, core::kTieKindLabels);
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove")) {
      p.state_ties.erase(p.state_ties.begin() + static_cast<long>(i));
      changed = true;
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
  if (static_cast<int>(p.state_ties.size()) < core::kMaxStateTies && ImGui::Button("Add a tie to a state")) {
    p.state_ties.push_back({p.preferred_states.empty() ? "MS" : p.preferred_states.front(), core::TieKind::Lived});
    changed = true;
  }

  heading("Budget");
  bool has_budget = p.budget_usd.has_value();
  label("Limit application fees",
        "ERAS fees in the 2026 season: $11 per program for the first 30 in each specialty, $30 each after.");
  if (ImGui::Checkbox("##hasbudget", &has_budget)) {
    p.budget_usd = has_budget ? std::optional<double>(core::kFormBudgetUsd) : std::nullopt;
    changed = true;
  }
  if (p.budget_usd) {
    label("Budget (US dollars)", nullptr);
    double b = *p.budget_usd;
    if (ImGui::InputDouble("##budget", &b, 50.0, 250.0, "$%.0f")) {
      p.budget_usd = std::clamp(b, core::kBudgetUsdRange.min, core::kBudgetUsdRange.max);
      changed = true;
    }
    check(*p.budget_usd <= core::kSuspiciousBudgetUsd,
          "A budget this large is far above what applying costs: please check.", kColorWarning);
  }

  // The rules that involve more than one field, as the importer states them.
  bool first = true;
  for (const core::ProfileCheck& c : core::check_profile(p)) {
    if (first) heading("Please check");
    first = false;
    wrapped_colored(c.severity == core::Severity::Error ? kColorError : kColorWarning,
                    (c.field + ": " + c.message).c_str());
  }
  ImGui::EndChild();

  commit_when_done(state, changed);
}

}  // namespace openpick::shell
