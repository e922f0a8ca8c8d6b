// Sections: [1] counts file  [2] random draws  [3] per-specialty parameters  [4] names
//           [5] facts  [6] the dataset
//
// Every number below is either a public figure (the comment names its source) or our assumption
// (the comment says "assumption"). docs/SAMPLE_DATA.md repeats both.
#include "sample_generator.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "openpick/core/csv.h"

namespace openpick::tools {

using core::Program;
using core::Setting;
using core::Track;

// ---- [1] counts file ----------------------------------------------------------------------------

bool parse_track(std::string_view text, Track& out) {
  if (text == "Categorical")
    out = Track::Categorical;
  else if (text == "Preliminary")
    out = Track::Preliminary;
  else if (text == "Advanced")
    out = Track::Advanced;
  else if (text == "Primary care")
    out = Track::PrimaryCare;
  else if (text == "Reserved (physician)")
    out = Track::Physician;
  else if (text == "Transitional")
    out = Track::Transitional;
  else
    return false;
  return true;
}

namespace {

bool is_state_code(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

core::Diagnostic error_at(std::string_view file, int line, std::string field, std::string message) {
  core::Diagnostic d;
  d.file = std::string(file);
  d.line = line;
  d.field = std::move(field);
  d.message = std::move(message);
  return d;
}

}  // namespace

ProgramCounts parse_program_counts(std::string_view csv_text, std::string_view file_name) {
  ProgramCounts out;
  core::CsvTable table = core::parse_csv(csv_text, file_name);
  out.diagnostics = table.diagnostics;
  const std::vector<std::string> expected = {"specialty", "track", "state", "program_tracks"};
  if (table.header != expected) {
    out.diagnostics.push_back(
        error_at(file_name, table.header_line, "", "expected the header specialty,track,state,program_tracks"));
    return out;
  }
  std::map<std::tuple<std::string, int, std::string>, int> merged;
  for (const auto& row : table.rows) {
    if (row.fields.size() != 4) {
      out.diagnostics.push_back(
          error_at(file_name, row.line, "", "expected 4 fields, got " + std::to_string(row.fields.size())));
      continue;
    }
    const std::string& specialty = row.fields[0];
    Track track;
    if (!parse_track(row.fields[1], track)) {
      out.diagnostics.push_back(error_at(file_name, row.line, "track", "unknown track \"" + row.fields[1] + "\""));
      continue;
    }
    if (specialty == "Transitional Year") track = Track::Transitional;
    // "LA|MD": a program listed under two states; "WI|None": the second one unknown. First wins.
    std::string state = row.fields[2].substr(0, row.fields[2].find('|'));
    if (!is_state_code(state)) {
      out.diagnostics.push_back(
          error_at(file_name, row.line, "state", "expected a two-letter state code, got \"" + row.fields[2] + "\""));
      continue;
    }
    const std::string& n = row.fields[3];
    if (n.empty() || n.size() > 6 || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      out.diagnostics.push_back(error_at(file_name, row.line, "program_tracks", "expected a count, got \"" + n + "\""));
      continue;
    }
    if (specialty.empty()) {
      out.diagnostics.push_back(error_at(file_name, row.line, "specialty", "empty specialty"));
      continue;
    }
    merged[{specialty, static_cast<int>(track), state}] += std::stoi(n);
  }
  for (const auto& [key, count] : merged) {
    if (count == 0) continue;
    out.rows.push_back({std::get<0>(key), static_cast<Track>(std::get<1>(key)), std::get<2>(key), count});
  }
  return out;
}

// ---- [2] random draws ---------------------------------------------------------------------------

std::int64_t SampleRng::uniform(std::int64_t lo, std::int64_t hi) {
  const std::uint64_t range = static_cast<std::uint64_t>(hi - lo) + 1;  // hi >= lo assumed
  if (range == 0) return static_cast<std::int64_t>(engine_());          // the full 64-bit range
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = max - (max % range + 1) % range;  // largest multiple of range, minus 1
  std::uint64_t x;
  do x = engine_();
  while (x > limit);
  return lo + static_cast<std::int64_t>(x % range);
}

// ---- [3] per-specialty parameters ---------------------------------------------------------------

namespace {

// How open a specialty is to IMGs, which scales visa sponsorship and how often programs state
// cutoffs (assumption: IMG-heavy specialties sponsor about like Internal Medicine; competitive
// ones less).
enum class Openness { High, Medium, Low };

struct SpecialtyParams {
  const char* specialty;     // NRMP spelling
  int track;                 // -1: every track, else static_cast<int>(Track)
  const char* code;          // for ids
  int non_us_img_fill_pm;    // non-US IMG share of PGY-1 positions, per mille
  bool fill_published;       // NRMP 2025 Main Match data (non-US IMG share of PGY-1 positions filled)
  int positions_x10;         // mean PGY-1 positions per program, tenths
  bool positions_published;  // derived from NRMP 2025 Main Match data (PGY-1 positions, programs)
  int university_pm;         // setting mix, per mille (assumption everywhere: no published figure)
  int affiliated_pm;         // community = the rest
  Openness openness;
  bool reddy_img_share;  // IMG share by setting from Reddy et al. 2020 (IM programs)
};

constexpr int kAny = -1;
constexpr int kCat = static_cast<int>(Track::Categorical);
constexpr int kPre = static_cast<int>(Track::Preliminary);
constexpr int kPc = static_cast<int>(Track::PrimaryCare);

// Positions: IM 10,941 / 758 = 14.4; FM 5,357 / 817 = 6.6; Psychiatry 2,388 / 404 = 5.9 (NRMP 2025
// Main Match data gives both numbers). Pediatrics 3,135, Neurology 932, Pathology 622 and TY 1,860 positions are
// divided by the categorical (TY: all) program count of the counts file: 12.6, 6.4, 3.7, 8.7.
// Everything else is an assumption.
constexpr SpecialtyParams kSpecialties[] = {
    {"Internal Medicine", kCat, "IM", 327, true, 144, true, 300, 400, Openness::High, true},
    {"Internal Medicine", kPc, "IM", 327, true, 60, false, 600, 300, Openness::High, true},
    {"Internal Medicine", kPre, "IM", 87, true, 80, false, 300, 400, Openness::High, false},
    {"Family Medicine", kAny, "FM", 150, true, 66, true, 150, 450, Openness::High, false},
    {"Pediatrics", kCat, "PD", 188, true, 126, true, 500, 350, Openness::High, false},
    {"Pediatrics", kAny, "PD", 188, true, 40, false, 500, 350, Openness::High, false},
    {"Psychiatry", kAny, "PSY", 80, true, 59, true, 450, 350, Openness::Medium, false},
    {"Neurology", kCat, "NEU", 239, true, 64, true, 700, 250, Openness::High, false},
    {"Neurology", kAny, "NEU", 239, true, 40, false, 700, 250, Openness::High, false},
    {"Pathology-Anatomic and Clinical", kAny, "PTH", 270, true, 37, true, 650, 300, Openness::High, false},
    {"Surgery-General", kCat, "GS", 64, true, 60, false, 450, 350, Openness::Medium, false},
    {"Surgery-General", kPre, "GS", 201, true, 60, false, 400, 400, Openness::High, false},
    {"Transitional Year", kAny, "TY", 57, true, 87, true, 150, 500, Openness::Medium, false},
    {"Anesthesiology", kAny, "ANE", 47, true, 80, false, 650, 300, Openness::Medium, false},
    {"Emergency Medicine", kAny, "EM", 43, true, 100, false, 350, 450, Openness::Medium, false},
    {"Obstetrics and Gynecology", kCat, "OBG", 28, true, 50, false, 400, 400, Openness::Medium, false},
    {"Obstetrics and Gynecology", kAny, "OBG", 28, true, 20, false, 400, 400, Openness::Medium, false},
    // Assumptions from here on (no published fill share).
    {"Child Neurology (Neurology)", kAny, "CN", 50, false, 20, false, 850, 150, Openness::Medium, false},
    {"Physical Medicine and Rehabilitation", kAny, "PMR", 60, false, 50, false, 550, 350, Openness::Medium, false},
    {"Radiology-Diagnostic", kAny, "DR", 30, false, 80, false, 750, 220, Openness::Low, false},
    {"Diagnostic Radiology/Nuclear Medicine/Nuclear Radiology", kAny, "DRNM", 30, false, 10, false, 900, 100,
     Openness::Low, false},
    {"Interventional Radiology (Integrated)", kAny, "IR", 20, false, 20, false, 800, 200, Openness::Low, false},
    {"Radiation Oncology", kAny, "RO", 20, false, 30, false, 850, 150, Openness::Low, false},
    {"Nuclear Medicine", kAny, "NM", 100, false, 20, false, 800, 200, Openness::Medium, false},
    {"Dermatology", kAny, "DER", 10, false, 40, false, 800, 180, Openness::Low, false},
    {"Neurological Surgery", kAny, "NS", 20, false, 20, false, 850, 150, Openness::Low, false},
    {"Orthopaedic Surgery", kAny, "ORS", 10, false, 50, false, 700, 250, Openness::Low, false},
    {"Otolaryngology", kAny, "ENT", 10, false, 30, false, 850, 150, Openness::Low, false},
    {"Plastic Surgery (Integrated)", kAny, "PS", 10, false, 20, false, 900, 100, Openness::Low, false},
    {"Thoracic Surgery", kAny, "TS", 20, false, 15, false, 900, 100, Openness::Low, false},
    {"Vascular Surgery", kAny, "VS", 30, false, 20, false, 850, 150, Openness::Low, false},
    {"Neurodevelopmental Disabilities", kAny, "NDD", 100, false, 10, false, 900, 100, Openness::Medium, false},
    {"Osteopathic Neuromusculoskeletal Medicine", kAny, "ONM", 5, false, 20, false, 300, 400, Openness::Low, false},
};

// Combined programs ("Internal Medicine/Pediatrics") and anything new in the counts file
// (assumption: small, university-based, few IMGs).
constexpr SpecialtyParams kCombinedDefault = {"", kAny, "", 30, false, 30, false, 750, 220, Openness::Medium, false};

const SpecialtyParams& params_for(const std::string& specialty, Track track) {
  for (const auto& p : kSpecialties)
    if (specialty == p.specialty && (p.track == kAny || p.track == static_cast<int>(track))) return p;
  return kCombinedDefault;
}

// A short code for ids: the table's, else the initials of each word ("Internal Medicine/Pediatrics"
// -> "IMP"), made unique by the caller.
std::string code_for(const std::string& specialty, Track track) {
  const SpecialtyParams& p = params_for(specialty, track);
  if (p.code[0] != '\0') return p.code;
  std::string code;
  bool start = true;
  for (char c : specialty) {
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (letter && start) code += static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
    start = !letter;
  }
  return code.empty() ? std::string("X") : code;
}

const char* track_code(Track t) {
  switch (t) {
    case Track::Categorical: return "";
    case Track::Preliminary: return "PRE-";
    case Track::Transitional: return "";
    case Track::Advanced: return "ADV-";
    case Track::PrimaryCare: return "PC-";
    case Track::Physician: return "RES-";
  }
  return "";
}

const char* track_label(Track t) {
  switch (t) {
    case Track::Categorical: return "";
    case Track::Preliminary: return ", Preliminary";
    case Track::Transitional: return "";
    case Track::Advanced: return ", Advanced";
    case Track::PrimaryCare: return ", Primary Care";
    case Track::Physician: return ", Reserved for Physicians";
  }
  return "";
}

// ---- [4] names ----------------------------------------------------------------------------------

// Made-up place names: a word and a landform. Any resemblance to a real town is a coincidence;
// no institution name is real, and every one starts with "Sample".
constexpr const char* kPlaceWords[] = {
    "Alder",      "Ashgrove",  "Aspen",   "Bayberry",  "Birch",     "Blackwater", "Bramble", "Briar",
    "Brookfield", "Canebrake", "Cedar",   "Clay",      "Clover",    "Copper",     "Cotton",  "Crane",
    "Cypress",    "Delta",     "Dogwood", "Eagle",     "Elm",       "Fern",       "Flint",   "Foxglove",
    "Goldenrod",  "Granite",   "Hawk",    "Hazel",     "Heron",     "Hickory",    "Holly",   "Ironwood",
    "Juniper",    "Kestrel",   "Lark",    "Laurel",    "Linden",    "Magnolia",   "Maple",   "Meadowlark",
    "Mesa",       "Oak",       "Orchard", "Osprey",    "Pecan",     "Pine",       "Quail",   "Raven",
    "Redbud",     "Reed",      "Sage",    "Sandstone", "Sassafras", "Sparrow",    "Spruce",  "Stone",
    "Sycamore",   "Thistle",   "Timber",  "Walnut",    "Willow",    "Wren",       "Yarrow",  "Bluestem"};
constexpr const char* kLandforms[] = {"Bend",    "Bluff", "Creek",  "Crossing", "Falls",    "Ferry",
                                      "Ford",    "Grove", "Harbor", "Haven",    "Hollow",   "Landing",
                                      "Meadows", "Mill",  "Point",  "Prairie",  "Ridge",    "Run",
                                      "Springs", "Vale",  "Valley", "Wells",    "Junction", "Shoals"};

constexpr const char* kUniversityKinds[] = {"University Medical Center", "University Hospital",
                                            "University School of Medicine"};
constexpr const char* kAffiliatedKinds[] = {"Medical Center", "Regional Medical Center", "Memorial Hospital",
                                            "Health System"};
constexpr const char* kCommunityKinds[] = {"Community Hospital", "Community Health Center", "County Hospital",
                                           "General Hospital"};

template <class T, std::size_t N>
constexpr std::int64_t count_of(const T (&)[N]) {
  return static_cast<std::int64_t>(N);
}

struct Institution {
  std::string name;
  std::string city;
  Setting setting = Setting::Community;
  std::set<std::pair<std::string, int>> programs;  // (specialty, track) already placed here
};

class Names {
 public:
  explicit Names(SampleRng& rng) : rng_(rng) {}

  Institution make(const std::string& state, Setting setting) {
    for (;;) {
      std::string place = std::string(kPlaceWords[rng_.uniform(0, count_of(kPlaceWords) - 1)]) + " " +
                          kLandforms[rng_.uniform(0, count_of(kLandforms) - 1)];
      std::string kind;
      switch (setting) {
        case Setting::University: kind = kUniversityKinds[rng_.uniform(0, count_of(kUniversityKinds) - 1)]; break;
        case Setting::UniversityAffiliated:
          kind = kAffiliatedKinds[rng_.uniform(0, count_of(kAffiliatedKinds) - 1)];
          break;
        case Setting::Community: kind = kCommunityKinds[rng_.uniform(0, count_of(kCommunityKinds) - 1)]; break;
      }
      std::string name = "Sample " + place + " " + kind;
      // One town per institution within a state, and no institution name twice in the country.
      if (places_.count({state, place}) || names_.count(name)) continue;
      places_.insert({state, place});
      names_.insert(name);
      Institution inst;
      inst.name = std::move(name);
      inst.city = std::move(place);
      inst.setting = setting;
      return inst;
    }
  }

 private:
  SampleRng& rng_;
  std::set<std::pair<std::string, std::string>> places_;
  std::set<std::string> names_;
};

// ---- [5] facts ----------------------------------------------------------------------------------

int setting_index(Setting s) {
  switch (s) {
    case Setting::University: return 0;
    case Setting::UniversityAffiliated: return 1;
    case Setting::Community: return 2;
  }
  return 2;
}

Setting draw_setting(SampleRng& rng, const SpecialtyParams& p) {
  const std::int64_t x = rng.uniform(0, 999);
  if (x < p.university_pm) return Setting::University;
  if (x < p.university_pm + p.affiliated_pm) return Setting::UniversityAffiliated;
  return Setting::Community;
}

// Mean of a per-setting multiplier (percent) under the specialty's setting mix, per mille * percent.
std::int64_t mix_mean(const SpecialtyParams& p, const int (&mult_pct)[3]) {
  const std::int64_t community_pm = 1000 - p.university_pm - p.affiliated_pm;
  return p.university_pm * mult_pct[0] + p.affiliated_pm * mult_pct[1] + community_pm * mult_pct[2];
}

// Program size by setting, relative (assumption: university programs larger, community smaller).
constexpr int kPositionsBySetting[3] = {130, 100, 75};
// IMG share by setting, relative (assumption, shaped like Reddy et al.'s IM contrast).
constexpr int kImgShareBySetting[3] = {55, 100, 145};
// Non-US IMG fill share -> share of all IMGs, percent (assumption: US-citizen IMGs add about a
// third; the published IM figures with our setting mix imply about 1.35).
constexpr int kAllImgOverNonUsPct = 135;

int draw_positions(SampleRng& rng, const SpecialtyParams& p, Setting s) {
  // mean * setting multiplier / mix mean * U[50%, 150%]: the specialty mean stays at p.positions.
  const std::int64_t u = rng.uniform(50, 150);
  const std::int64_t num =
      static_cast<std::int64_t>(p.positions_x10) * kPositionsBySetting[setting_index(s)] * u * 1000;
  const std::int64_t den = mix_mean(p, kPositionsBySetting) * 100;
  const std::int64_t x10 = num / den;
  return static_cast<int>(std::max<std::int64_t>(1, (x10 + 5) / 10));
}

// Share of residents who are IMGs, per mille.
int draw_img_share_pm(SampleRng& rng, const SpecialtyParams& p, Setting s) {
  if (p.reddy_img_share) {
    // Reddy et al. 2020: IMGs hold 55-70% of PGY-1 seats in community IM programs and
    // 22-30% in university programs. Programs are spread around those means: community U[40,85]%
    // (mean 62.5), university U[10,42]% (mean 26); university-affiliated U[25,70]% (mean 47.5) is
    // our assumption (the survey has no separate row).
    switch (s) {
      case Setting::Community: return static_cast<int>(rng.uniform(400, 850));
      case Setting::University: return static_cast<int>(rng.uniform(100, 420));
      case Setting::UniversityAffiliated: return static_cast<int>(rng.uniform(250, 700));
    }
  }
  const std::int64_t target_pm = static_cast<std::int64_t>(p.non_us_img_fill_pm) * kAllImgOverNonUsPct / 100;
  const std::int64_t u = rng.uniform(50, 150);
  const std::int64_t v =
      target_pm * kImgShareBySetting[setting_index(s)] * u * 1000 / (mix_mean(p, kImgShareBySetting) * 100);
  return static_cast<int>(std::min<std::int64_t>(v, 950));
}

// Nguemeni Tiako et al. 2022: 63.7% of IM programs accept J-1, about 22% of all also
// sponsor H-1B, community programs less likely. With the IM setting mix (30/40/30) these per-setting
// rates give 64.4% and 22.6%: J-1 university 80%, affiliated 65%, community 48%; H-1B among J-1
// programs 45%, 33%, 22% (the split by setting is our assumption).
constexpr int kJ1BySetting[3] = {800, 650, 480};
constexpr int kH1bGivenJ1BySetting[3] = {450, 330, 220};
// Other specialties (assumption): Medium openness 80% of IM's J-1 rate and 60% of its H-1B rate,
// Low 60% and 40%.
int openness_scale(Openness o, bool h1b) {
  switch (o) {
    case Openness::High: return 100;
    case Openness::Medium: return h1b ? 60 : 80;
    case Openness::Low: return h1b ? 40 : 60;
  }
  return 100;
}

// Rural or underserved, per mille (assumption): the Mississippi Delta and Deep South states of the
// seed brief, then the rest of the Delta Regional Authority and the South, then mostly rural states.
int rural_pm_for_state(const std::string& st) {
  static constexpr const char* kDeltaCore[] = {"MS", "AR", "LA", "AL"};
  static constexpr const char* kSouthDelta[] = {"TN", "KY", "MO", "GA", "SC", "WV", "OK"};
  static constexpr const char* kRuralStates[] = {"AK", "MT", "WY", "ND", "SD", "NE", "IA",
                                                 "ID", "ME", "VT", "NH", "NM", "KS"};
  for (const char* s : kDeltaCore)
    if (st == s) return 450;
  for (const char* s : kSouthDelta)
    if (st == s) return 250;
  for (const char* s : kRuralStates)
    if (st == s) return 300;
  return 100;
}
constexpr int kRuralBySettingPct[3] = {50, 100, 130};

// How often a program states each cutoff, per mille, by openness (assumption: no published
// figure; a minority states each, IMG-heavy specialties more often).
struct CutoffRates {
  int step2ck_min, max_years, max_attempts, usce;
};
constexpr CutoffRates kCutoffRates[3] = {
    {200, 300, 220, 400},  // High
    {150, 200, 150, 250},  // Medium
    {80, 80, 100, 100},    // Low
};

void draw_facts(SampleRng& rng, Program& prog, const SpecialtyParams& p, Setting s) {
  const int si = setting_index(s);
  const int oi = static_cast<int>(p.openness);

  prog.positions = draw_positions(rng, p, s);
  if (rng.chance(20)) prog.positions.reset();  // 2% not stated

  const int img_pm = draw_img_share_pm(rng, p, s);
  prog.img_share = img_pm / 1000.0;
  if (rng.chance(80)) prog.img_share.reset();  // 8% unknown

  // Visa: 6% state nothing; H-1B sponsors are a subset of J-1 programs; 4% more leave H-1B open.
  if (!rng.chance(60)) {
    const bool j1 = rng.chance(kJ1BySetting[si] * openness_scale(p.openness, false) / 100);
    prog.visa.j1 = j1;
    const bool h1b = j1 && rng.chance(kH1bGivenJ1BySetting[si] * openness_scale(p.openness, true) / 100);
    if (!rng.chance(40)) prog.visa.h1b = h1b;
  }

  // Cutoffs, each stated by a minority; university programs set higher score minimums.
  const CutoffRates& r = kCutoffRates[oi];
  if (rng.chance(r.step2ck_min + (s == Setting::University ? 50 : 0))) {
    static constexpr int kBase[3] = {215, 210, 205};
    const int base = kBase[si] + (p.openness == Openness::Low ? 15 : p.openness == Openness::Medium ? 5 : 0);
    prog.cutoffs.step2ck_min = base + static_cast<int>(rng.uniform(0, 3)) * 5;
  }
  if (rng.chance(r.max_years)) {
    static constexpr int kYears[] = {3, 5, 5, 5, 7, 10};
    prog.cutoffs.max_years_since_graduation = kYears[rng.uniform(0, 5)];
  }
  if (rng.chance(r.max_attempts + (s == Setting::University ? 50 : 0))) {
    prog.cutoffs.max_attempts = (p.openness == Openness::Low || rng.chance(550)) ? 1 : 2;
  }
  if (rng.chance(r.usce)) prog.cutoffs.usce_required = rng.chance(650);

  // Rural or underserved: 5% unknown.
  const int rural_pm = rural_pm_for_state(prog.state) * kRuralBySettingPct[si] / 100;
  const bool rural = rng.chance(rural_pm);
  if (!rng.chance(50)) prog.rural = rural;

  // Signals: 93% of ERAS programs accept them (MedPage Today 2025); 3% unknown.
  const bool signals = rng.chance(930);
  if (!rng.chance(30)) prog.accepts_signals = signals;

  // Setting itself: 2% unknown (drawn facts above still follow the hidden setting).
  if (!rng.chance(20)) prog.setting = s;
}

std::string three_digits(int n) {
  std::string s = std::to_string(n);
  while (s.size() < 3) s.insert(s.begin(), '0');
  return s;
}

}  // namespace

// ---- [6] the dataset ----------------------------------------------------------------------------

std::string sample_provenance(std::uint64_t seed) {
  return "Fictional sample data generated by tools/gen_sample with seed " + std::to_string(seed) +
         ": no program, institution or city in it is real. The number of programs per specialty, "
         "track and state follows a public listing of 2025 Main Match program codes; IMG shares, "
         "visa sponsorship, signals and positions are drawn to match public shares (NRMP 2025, "
         "Reddy et al. 2020, Nguemeni Tiako et al. 2022, MedPage Today 2025); settings, cutoffs and "
         "rural flags are stated assumptions (docs/SAMPLE_DATA.md). Load a real program list to "
         "plan a real application.";
}

core::Dataset generate_sample_dataset(const std::vector<ProgramCount>& counts, std::uint64_t seed) {
  SampleRng rng(seed);
  Names names(rng);
  core::Dataset ds;
  ds.name = "OpenPick sample programs (fictional)";
  ds.version = "seed-" + std::to_string(seed);
  ds.as_of = "2025-03";
  ds.source = sample_provenance(seed);

  // Codes for ids, unique per specialty (two specialties with the same initials get 2, 3, ...).
  std::map<std::string, std::string> code_of;
  std::set<std::string> used_codes;
  for (const auto& p : kSpecialties) used_codes.insert(p.code);
  for (const auto& row : counts) {
    if (code_of.count(row.specialty)) continue;
    const bool from_table = params_for(row.specialty, row.track).code[0] != '\0';
    const std::string base = code_for(row.specialty, row.track);
    std::string code = base;
    for (int k = 2; !from_table && used_codes.count(code); ++k) code = base + std::to_string(k);
    used_codes.insert(code);
    code_of[row.specialty] = code;
  }

  // Pass 1: one program per counted track, with its setting.
  struct Draft {
    const ProgramCount* row;
    int seq;
    Setting setting;
  };
  std::vector<Draft> drafts;
  std::map<std::pair<std::string, int>, int> per_state_setting;
  for (const auto& row : counts) {
    const SpecialtyParams& p = params_for(row.specialty, row.track);
    for (int i = 1; i <= row.count; ++i) {
      Draft d{&row, i, draw_setting(rng, p)};
      per_state_setting[{row.state, setting_index(d.setting)}] += 1;
      drafts.push_back(d);
    }
  }

  // Pass 2: institutions. Each (state, setting) has a pool sized by how many programs an
  // institution of that setting runs (assumption: university 8, affiliated 4, community 2); a
  // program goes to a random institution of its pool that has no program of its specialty and track
  // yet, or opens a new one.
  static constexpr int kProgramsPerInstitution[3] = {8, 4, 2};
  std::map<std::pair<std::string, int>, std::vector<Institution>> pools;
  for (const auto& d : drafts) {
    const int si = setting_index(d.setting);
    auto& pool = pools[{d.row->state, si}];
    const int target =
        (per_state_setting[{d.row->state, si}] + kProgramsPerInstitution[si] - 1) / kProgramsPerInstitution[si];
    const std::pair<std::string, int> key{d.row->specialty, static_cast<int>(d.row->track)};
    Institution* home = nullptr;
    if (static_cast<int>(pool.size()) < target) {
      pool.push_back(names.make(d.row->state, d.setting));
      home = &pool.back();
    } else {
      const std::size_t start = static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(pool.size()) - 1));
      for (std::size_t k = 0; k < pool.size() && !home; ++k) {
        Institution& cand = pool[(start + k) % pool.size()];
        if (!cand.programs.count(key)) home = &cand;
      }
      if (!home) {
        pool.push_back(names.make(d.row->state, d.setting));
        home = &pool.back();
      }
    }
    home->programs.insert(key);

    // Pass 3 (same loop): the program and its facts.
    const ProgramCount& row = *d.row;
    const SpecialtyParams& p = params_for(row.specialty, row.track);
    Program prog;
    prog.id = "SAMPLE-" + code_of[row.specialty] + "-" + track_code(row.track) + row.state + "-" + three_digits(d.seq);
    prog.institution = home->name;
    prog.name = home->name + " \u2014 " + row.specialty + track_label(row.track) + " (sample)";
    prog.specialty = row.specialty;
    prog.track = row.track;
    prog.city = home->city;
    prog.state = row.state;
    draw_facts(rng, prog, p, d.setting);
    ds.programs.push_back(std::move(prog));
  }
  return ds;
}

}  // namespace openpick::tools
