// The research form: the Programs tab's detail view of one program, where the applicant sets any
// fact of it (core::research_fact_fields()) with where and when they found it, clears their own
// value, hides the program or deletes one they added; the same form adds a program by hand. Also
// the tab's research bar (add, the hidden programs, undo) and the hidden programs' list.
//
// The form edits AppState::research_form (a draft); "Save" checks the dates and ranges (core's
// read_calendar_date and program_rules.h) and makes one action. A fact goes into the applicant's
// research when they changed its value, gave it a source or a date, or it was theirs already; a
// value they did not touch is never rewritten.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "openpick/core/csv_columns.h"
#include "openpick/core/io.h"
#include "openpick/core/program_rules.h"
#include "openpick/core/workspace.h"
#include "openpick/shell/panels.h"
#include "openpick/shell/widgets.h"

namespace openpick::shell {

namespace {

struct FactLabel {
  std::string_view field;
  const char* label;
};
// A person's name for each research fact, in research_fact_fields() order.
constexpr FactLabel kLabels[] = {
    {"name", "Name"},
    {"institution", "Institution"},
    {"specialty", "Specialty"},
    {"track", "Track"},
    {"city", "City"},
    {"state", "State"},
    {"setting", "Setting"},
    {"positions", "PGY-1 positions"},
    {"img_share", "IMG share (all IMGs)"},
    {"img_share_non_us", "Non-US IMG share"},
    {"visa.j1", "Accepts J-1"},
    {"visa.h1b", "Sponsors H-1B"},
    {"cutoffs.step2ck_min", "Step 2 CK minimum"},
    {"cutoffs.max_years_since_graduation", "Most years since graduation"},
    {"cutoffs.max_attempts", "Most attempts on any Step"},
    {"cutoffs.usce_required", "US clinical experience required"},
    {"rural", "Rural or underserved"},
    {"accepts_signals", "Takes program signals"},
    {"application_service", "Application service"},
};

// What identifies a program added by hand (the top of the form while adding; its id is made from
// name, specialty and state); every other fact is research with a source and a date.
bool is_identity(std::string_view field) {
  return field == "name" || field == "institution" || field == "specialty" || field == "track" || field == "city" ||
         field == "state";
}

void copy_text(char* out, std::size_t size, const std::string& text) { std::snprintf(out, size, "%s", text.c_str()); }

void reset_drafts(ResearchForm& f) {
  f.drafts.assign(core::research_fact_fields().size(), ResearchFactDraft{});
  if (f.today.empty()) f.today = core::iso_date(local_today());
  for (auto& d : f.drafts) copy_text(d.date, sizeof d.date, f.today);
  f.error.clear();
  copy_text(f.name, sizeof f.name, f.facts.name);
  copy_text(f.institution, sizeof f.institution, f.facts.institution);
  copy_text(f.city, sizeof f.city, f.facts.city);
  copy_text(f.state, sizeof f.state, f.facts.state);
}

// --- value widgets: each changes `facts` only when the applicant changes the value ---------------

bool tri_state(const char* id, std::optional<bool>& v) {
  const char* shown = !v ? "unknown" : *v ? "yes" : "no";
  bool changed = false;
  const bool open = ImGui::BeginCombo(id, shown);
  if (!open) name_item(id);
  if (open) {
    if (ImGui::Selectable("unknown", !v)) v.reset(), changed = true;
    if (ImGui::Selectable("yes", v == true)) v = true, changed = true;
    if (ImGui::Selectable("no", v == false)) v = false, changed = true;
    ImGui::EndCombo();
  }
  return changed;
}

template <class E>
bool enum_combo(const char* id, std::optional<E>& v, std::initializer_list<E> values, const char* unknown) {
  const std::string shown = v ? std::string(core::to_string(*v)) : unknown;
  bool changed = false;
  const bool open = ImGui::BeginCombo(id, shown.c_str());
  if (!open) name_item(id);
  if (open) {
    if (ImGui::Selectable(unknown, !v)) v.reset(), changed = true;
    for (E e : values)
      if (ImGui::Selectable(std::string(core::to_string(e)).c_str(), v == e)) v = e, changed = true;
    ImGui::EndCombo();
  }
  return changed;
}

// A number that may be unknown: a "known" tick and the number. `range` is the fact's
// (core::whole_number_fact); the value is checked against it on save, not clamped while typed.
bool optional_int(const char* id, std::optional<int>& v, std::string_view field) {
  const core::Range<int> range = core::whole_number_fact(field)->range;
  bool known = v.has_value();
  bool changed = false;
  const std::string tick = std::string("known##") + id;
  if (ImGui::Checkbox(tick.c_str(), &known)) {
    if (known)
      v = range.min;  // turned on by the applicant: a value to edit (it is theirs from here)
    else
      v.reset();
    changed = true;
  }
  if (v) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
    int x = *v;
    if (ImGui::InputInt(id, &x, 0, 0)) v = x, changed = true;
  }
  return changed;
}

// A share, edited as a percentage (the list holds 0..1).
bool optional_share(const char* id, std::optional<double>& v) {
  bool known = v.has_value();
  bool changed = false;
  const std::string tick = std::string("known##") + id;
  if (ImGui::Checkbox(tick.c_str(), &known)) {
    if (known)
      v = 0.0;
    else
      v.reset();
    changed = true;
  }
  if (v) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    double percent = *v * 100.0;
    if (ImGui::InputDouble(id, &percent, 0.0, 0.0, "%.1f")) v = percent / 100.0, changed = true;
    ImGui::SameLine();
    ImGui::TextUnformatted("%");
  }
  return changed;
}

bool strict_tick(const char* id, bool has_value, bool& strict) {
  if (!has_value) return false;
  ImGui::SameLine();
  bool flexible = !strict;
  const std::string label = std::string("flexible##") + id;
  const bool changed = ImGui::Checkbox(label.c_str(), &flexible);
  item_tooltip(
      "Flexible: the program says it prefers this or may waive it (missing it lowers the chance "
      "instead of ruling the program out).");
  if (!changed) return false;
  strict = !flexible;
  return true;
}

bool text_field(const char* id, char* buf, std::size_t size, std::string& value) {
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 16));
  if (!ImGui::InputText(id, buf, size)) return false;
  value = buf;
  return true;
}

// The loaded list's specialties; before any list is loaded, the model's (as datasets spell them).
std::vector<std::string> specialty_choices(AppState& state) {
  std::vector<std::string> out = dataset_summary(state).specialties;
  if (out.empty())
    for (const auto& s : state.model.params().specialties) out.push_back(s.name);
  return out;
}

// Both widgets are drawn (arguments are evaluated before the call); true when either changed.
bool either(bool a, bool b) { return a || b; }

// The widget for one fact; true when the applicant changed it this frame.
bool fact_widget(AppState& state, ResearchForm& f, std::string_view field) {
  core::Program& p = f.facts;
  const std::string id = "##value_" + std::string(field);
  const char* c = id.c_str();
  if (field == "name") return text_field(c, f.name, sizeof f.name, p.name);
  if (field == "institution") return text_field(c, f.institution, sizeof f.institution, p.institution);
  if (field == "city") return text_field(c, f.city, sizeof f.city, p.city);
  if (field == "state") {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    // Read on save (core::state_code: "LA", "la" or "Louisiana"): kept as typed meanwhile.
    return ImGui::InputTextWithHint(c, "LA or Louisiana", f.state, sizeof f.state);
  }
  if (field == "specialty") {
    bool changed = false;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 16));
    const bool open = ImGui::BeginCombo(c, p.specialty.empty() ? "choose" : p.specialty.c_str());
    if (!open) name_item(c);
    if (open) {
      for (const auto& s : specialty_choices(state))
        if (ImGui::Selectable(s.c_str(), s == p.specialty)) p.specialty = s, changed = true;
      ImGui::EndCombo();
    }
    return changed;
  }
  if (field == "track") {  // always known (categorical unless said otherwise)
    using core::Track;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    const bool open = ImGui::BeginCombo(c, std::string(core::to_string(p.track)).c_str());
    if (!open) name_item(c);
    if (open) {
      for (Track t : {Track::Categorical, Track::Preliminary, Track::Transitional, Track::Advanced, Track::PrimaryCare,
                      Track::Physician})
        if (ImGui::Selectable(std::string(core::to_string(t)).c_str(), t == p.track)) p.track = t, changed = true;
      ImGui::EndCombo();
    }
    return changed;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  using core::Setting;
  if (field == "setting")
    return enum_combo(c, p.setting, {Setting::University, Setting::UniversityAffiliated, Setting::Community},
                      "unknown");
  if (field == "application_service")
    return enum_combo(c, p.application_service,
                      {core::ApplicationService::Eras, core::ApplicationService::ResidencyCas},
                      "unknown (by specialty)");
  if (field == "positions") return optional_int(c, p.positions, field);
  if (field == "img_share") return optional_share(c, p.img_share);
  if (field == "img_share_non_us") return optional_share(c, p.img_share_non_us);
  if (field == "visa.j1") return tri_state(c, p.visa.j1);
  if (field == "visa.h1b") return tri_state(c, p.visa.h1b);
  if (field == "rural") return tri_state(c, p.rural);
  if (field == "accepts_signals") return tri_state(c, p.accepts_signals);
  core::Cutoffs& k = p.cutoffs;
  if (field == "cutoffs.step2ck_min")
    return either(optional_int(c, k.step2ck_min, field),
                  strict_tick(c, k.step2ck_min.has_value(), k.strict.step2ck_min));
  if (field == "cutoffs.max_years_since_graduation")
    return either(optional_int(c, k.max_years_since_graduation, field),
                  strict_tick(c, k.max_years_since_graduation.has_value(), k.strict.max_years_since_graduation));
  if (field == "cutoffs.max_attempts")
    return either(optional_int(c, k.max_attempts, field),
                  strict_tick(c, k.max_attempts.has_value(), k.strict.max_attempts));
  if (field == "cutoffs.usce_required")
    return either(tri_state(c, k.usce_required), strict_tick(c, k.usce_required.has_value(), k.strict.usce_required));
  return false;
}

// --- saving --------------------------------------------------------------------------------------

bool typed(const ResearchFactDraft& d, const ResearchForm& f) { return d.where[0] != '\0' || f.today != d.date; }

// Why the form cannot keep the value the applicant set, as a sentence that names the field; ""
// when it can. A blank the form needs comes after the field's label; a value outside core's range
// is core's message, which names the fact itself ("The number of PGY-1 positions is a whole number
// from 0 to 500, not 501"), so the label is not said twice.
std::string refusal(const core::Program& p, std::string_view field) {
  if (field == "name" && p.name.empty()) return research_fact_label(field) + ": write the program's name";
  if (field == "specialty" && p.specialty.empty()) return research_fact_label(field) + ": choose the specialty";
  std::string why = core::check_research_fact(p, field);
  if (!why.empty()) why[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(why[0])));
  return why;
}

// The research entry the form now describes, or a refusal naming the field (nothing is queued).
std::optional<core::Research> research_from_form(ResearchForm& f) {
  const auto& fields = core::research_fact_fields();
  core::Research r;
  r.facts = f.facts;
  r.sources = f.saved.sources;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string field(fields[i]);
    if (f.adding && is_identity(field)) continue;  // the added program's own
    const ResearchFactDraft& d = f.drafts[i];
    const bool changed = !core::same_research_fact(f.facts, f.shown, field);
    const bool sourced = typed(d, f);
    const bool was_mine = f.saved.sets(field) && !d.cleared;
    if (d.cleared) {
      r.sources.erase(std::remove_if(r.sources.begin(), r.sources.end(),
                                     [&](const core::ResearchSource& s) { return s.what == field; }),
                      r.sources.end());
      // Cleared, and not set again: the list's value, which is not the applicant's.
      if (!sourced && (!f.in_list || core::same_research_fact(f.facts, f.listed, field))) continue;
    }
    if (!(changed || sourced || was_mine)) continue;
    const std::string why = refusal(f.facts, field);
    if (!why.empty()) {
      f.error = why + ". Nothing was saved.";
      return std::nullopt;
    }
    r.fields.push_back(field);
    if (!(changed || sourced)) continue;
    if (!core::read_calendar_date(d.date)) {
      f.error = research_fact_label(field) + ": the date \"" + std::string(d.date) +
                "\" is not a day written YYYY-MM-DD (today is " + f.today + "). Nothing was saved.";
      return std::nullopt;
    }
    // The applicant's new source for this fact replaces their earlier one; others' stay.
    r.sources.erase(std::remove_if(r.sources.begin(), r.sources.end(),
                                   [&](const core::ResearchSource& s) { return s.what == field && s.by.empty(); }),
                    r.sources.end());
    r.sources.push_back({field, d.where, d.date, ""});
  }
  return r;
}

void save_form(AppState& state, ResearchForm& f) {
  f.error.clear();
  if (f.adding) {
    core::Program p;
    p.name = f.name;
    p.institution = f.institution;
    p.city = f.city;
    p.specialty = f.facts.specialty;
    p.track = f.facts.track;
    for (std::string_view field : {"name", "specialty"}) {
      const std::string why = refusal(p, field);
      if (!why.empty()) {
        f.error = why + ". Nothing was added.";
        return;
      }
    }
    const auto code = core::state_code(f.state);
    if (!code) {
      f.error = "State: \"" + std::string(f.state) +
                "\" is not a US state or territory; write its two-letter code (LA) or its name (Louisiana). "
                "Nothing was added.";
      return;
    }
    p.state = *code;
    p.id = core::derived_program_id(p.name, p.specialty, p.state);
    f.facts.name = p.name;  // the research entry describes this program: same identity
    f.facts.institution = p.institution;
    f.facts.city = p.city;
    f.facts.state = p.state;
    auto r = research_from_form(f);
    if (!r) return;
    state.actions.emplace_back(ResearchChange{AddProgram{std::move(p), std::move(*r)}});
    return;
  }
  // The state as typed, read as the CSV reader reads it.
  if (std::string(f.state) != f.shown.state) {
    const auto code = core::state_code(f.state);
    if (!code) {
      f.error = "State: \"" + std::string(f.state) +
                "\" is not a US state or territory; write its two-letter code (LA) or its name (Louisiana). "
                "Nothing was saved.";
      return;
    }
    f.facts.state = *code;
  }
  auto r = research_from_form(f);
  if (!r) return;
  state.actions.emplace_back(ResearchChange{SaveResearch{f.id, std::move(*r)}});
}

const core::Program* find_program(const std::vector<core::Program>& list, const std::string& id) {
  for (const auto& p : list)
    if (p.id == id) return &p;
  return nullptr;
}

bool is_added(const AppState& state, const std::string& id) {
  return find_program(state.workspace.added_programs, id) != nullptr;
}

// A fact as research_fact_text writes it, in a person's words where they differ.
std::string readable(const std::string& json) {
  if (json == "null") return "unknown";
  if (json == "true") return "yes";
  if (json == "false") return "no";
  return json;
}

// What the applicant's sources say about `field` (theirs and a classmate's, after a merge).
void sources_of(const core::Research& r, std::string_view field) {
  for (const auto& s : r.sources) {
    if (!core::source_covers(s.what, field)) continue;
    std::string line = (s.by.empty() ? "you" : s.by) + ", " + s.date;
    if (!s.url.empty()) line += ", " + s.url;
    if (s.what != field) line += " (for " + s.what + ")";
    ImGui::TextColored(kColorMuted, "Source: %s", line.c_str());
  }
}

// One fact: its name, its value, where and when it was found; on a wide screen one line (name,
// value, source, date in columns), on a phone one under the other.
void draw_fact(AppState& state, ResearchForm& f, std::size_t i) {
  const std::string field(core::research_fact_fields()[i]);
  ResearchFactDraft& d = f.drafts[i];
  const float w = ImGui::GetFontSize();
  const bool wide = ImGui::GetContentRegionAvail().x > w * 52;
  const float value_at = w * 14, where_at = w * 31, where_w = w * 13, date_w = w * 6.5f;
  ImGui::PushID(field.c_str());
  const bool mine = (f.saved.sets(field) && !d.cleared) || !core::same_research_fact(f.facts, f.shown, field);
  ImGui::AlignTextToFramePadding();  // the name on the line of the fields beside it
  if (mine)
    ImGui::TextColored(kColorAccent, "%s (yours)", research_fact_label(field).c_str());
  else
    ImGui::TextUnformatted(research_fact_label(field).c_str());
  if (wide) ImGui::SameLine(value_at);
  fact_widget(state, f, field);
  if (!(f.adding && is_identity(field))) {
    const std::string where = "##where_" + field, date = "##date_" + field;
    if (wide) {
      ImGui::SameLine(where_at);
      ImGui::SetNextItemWidth(where_w);
    } else {
      const float avail = ImGui::GetContentRegionAvail().x;
      ImGui::SetNextItemWidth(std::max(w * 8, avail - date_w - ImGui::GetStyle().ItemSpacing.x));
    }
    ImGui::InputTextWithHint(where.c_str(), "where found (URL, words)", d.where, sizeof d.where);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(date_w);
    ImGui::InputTextWithHint(date.c_str(), "YYYY-MM-DD", d.date, sizeof d.date);
  }
  if (f.saved.sets(field) && !d.cleared) {
    const std::string clear = "Clear mine##" + field;
    same_line_if_fits(clear.c_str());
    if (ImGui::SmallButton(clear.c_str())) {
      d.cleared = true;  // the list's value comes back when saved
      if (f.in_list) core::copy_research_fact(f.listed, f.facts, field);
      copy_text(f.name, sizeof f.name, f.facts.name);
      copy_text(f.institution, sizeof f.institution, f.facts.institution);
      copy_text(f.city, sizeof f.city, f.facts.city);
      copy_text(f.state, sizeof f.state, f.facts.state);
    }
  }
  if (!(f.adding && is_identity(field))) {
    if (wide) ImGui::Indent(value_at);
    if (f.in_list && !core::same_research_fact(f.listed, f.facts, field))
      ImGui::TextColored(kColorMuted, "The list says: %s", readable(core::research_fact_text(f.listed, field)).c_str());
    if (!d.cleared) sources_of(f.saved, field);
    if (wide) ImGui::Unindent(value_at);
  }
  ImGui::PopID();
}

}  // namespace

std::string research_fact_label(std::string_view field) {
  for (const auto& l : kLabels)
    if (l.field == field) return l.label;
  return std::string(field);
}

void open_research_form(AppState& state, const std::string& id) {
  ResearchForm& f = state.research_form;
  const core::Program* shown = find_program(state.dataset.programs, id);
  if (!shown) return;
  f = ResearchForm{};
  f.open = true;
  f.id = id;
  f.shown = *shown;
  f.facts = *shown;
  const core::Program* listed = find_program(state.workspace.added_programs, id);
  if (!listed) listed = find_program(state.loaded_dataset.programs, id);
  f.in_list = listed != nullptr;
  if (listed) f.listed = *listed;
  if (const auto it = state.workspace.research.find(id); it != state.workspace.research.end()) f.saved = it->second;
  reset_drafts(f);
}

void open_add_program_form(AppState& state) {
  ResearchForm& f = state.research_form;
  f = ResearchForm{};
  f.open = true;
  f.adding = true;
  const std::vector<std::string> specialties = specialty_choices(state);
  if (std::find(specialties.begin(), specialties.end(), core::kFormNewSpecialty) != specialties.end())
    f.facts.specialty = core::kFormNewSpecialty;
  else if (!specialties.empty())
    f.facts.specialty = specialties.front();
  f.shown = f.facts;
  reset_drafts(f);
}

void research_form(AppState& state) {
  ResearchForm& f = state.research_form;
  push_reading_width();
  if (ImGui::Button("Back to the list")) {
    f.open = false;
    ImGui::PopTextWrapPos();
    return;
  }
  if (f.adding) {
    heading("Add a program by hand");
    ImGui::TextWrapped(
        "A program you found that the list does not have. Its id is made from its name, specialty and "
        "state. For each fact you know, say where you found it and when.");
  } else {
    heading(f.shown.name.c_str());
    ImGui::TextColored(kColorMuted, "%s, %s · %s · id %s", f.shown.city.c_str(), f.shown.state.c_str(),
                       f.shown.specialty.c_str(), f.id.c_str());
    ImGui::TextWrapped(
        "Edit my research: set any fact you found out, and where and when. Your facts are kept "
        "over whatever program list is loaded, and marked as yours in the Programs tab.");
  }
  if (!f.error.empty()) wrapped_colored(kColorError, f.error.c_str());
  const char* save = f.adding ? "Add this program" : "Save my research";
  if (ImGui::Button(save)) save_form(state, f);
  if (!f.adding) {
    const bool added = is_added(state, f.id);
    if (state.workspace.research.count(f.id)) {
      same_line_if_fits("Clear all my research");
      if (ImGui::Button("Clear all my research")) state.actions.emplace_back(ResearchChange{ClearResearch{f.id, ""}});
    }
    same_line_if_fits("Hide this program");
    if (ImGui::Button("Hide this program")) state.actions.emplace_back(ResearchChange{SetHidden{f.id, true}});
    if (added) {
      same_line_if_fits("Delete this program");
      if (ImGui::Button("Delete this program")) state.actions.emplace_back(ResearchChange{DeleteAddedProgram{f.id}});
    }
  }
  ImGui::Separator();
  const auto& fields = core::research_fact_fields();
  for (std::size_t i = 0; i < fields.size(); ++i) draw_fact(state, f, i);
  if (ImGui::Button((std::string(save) + "##bottom").c_str())) save_form(state, f);
  if (!f.error.empty()) wrapped_colored(kColorError, f.error.c_str());
  ImGui::PopTextWrapPos();
}

void research_bar(AppState& state) {
  if (ImGui::Button("Add a program by hand")) open_add_program_form(state);
  const std::size_t hidden = state.workspace.hidden.size();
  if (hidden > 0) {
    const std::string label = "Hidden programs (" + std::to_string(hidden) + ")";
    same_line_if_fits(label.c_str());
    if (ImGui::Button(label.c_str())) state.show_hidden_programs = !state.show_hidden_programs;
  }
  if (!state.research_undo.empty()) {
    const std::string label = "Undo " + state.research_undo.back().what;
    same_line_if_fits(label.c_str());
    if (ImGui::Button(label.c_str())) state.actions.emplace_back(ResearchChange{UndoResearch{}});
    item_tooltip(("Takes back your last change to your research (up to " + std::to_string(kResearchUndoDepth) +
                  " changes are remembered).")
                     .c_str());
  }
  if (state.show_hidden_programs && hidden > 0) {
    ImGui::TextColored(kColorMuted, "Hidden from your list (not planned over):");
    for (const std::string& id : state.workspace.hidden) {
      ImGui::PushID(id.c_str());
      const core::Program* p = find_program(state.workspace.added_programs, id);
      if (!p) p = find_program(state.loaded_dataset.programs, id);
      ImGui::Bullet();
      ImGui::Text("%s", p ? (p->name + " (" + p->state + ")").c_str() : (id + " (not in the loaded list)").c_str());
      ImGui::SameLine();
      if (ImGui::SmallButton(("Show again##" + id).c_str()))
        state.actions.emplace_back(ResearchChange{SetHidden{id, false}});
      ImGui::PopID();
    }
  }
}

}  // namespace openpick::shell
