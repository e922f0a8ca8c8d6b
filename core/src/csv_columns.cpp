// What people call the columns of a program spreadsheet, and how they write its cells: the one
// table of column aliases, the spellings of visas, states, cutoffs and settings, and the ids made
// for a sheet without an id column. docs/DATA.md ("Your own spreadsheet") lists all of it.
//
// [SECTION] Keys          template_key, alias_key
// [SECTION] Column names  kColumnAliases, auto_map_columns, describe_mapping
// [SECTION] Cell values   visas, states, cutoffs, settings and tracks
// [SECTION] Ids           derived_program_id
#include "csv_columns.h"

#include <algorithm>
#include <array>

#include "io_detail.h"

namespace openpick::core {
namespace detail {

// ---- [SECTION] Keys -----------------------------------------------------------------------------

std::string_view csv_trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string template_key(std::string_view s) {
  std::string out = lower_ascii(csv_trim(s));
  for (char& c : out)
    if (c == ' ' || c == '-') c = '_';
  return out;
}

namespace {
bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
}  // namespace

std::string alias_key(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (is_ascii_alnum(c))
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else if (c == '%')
      out += "pct";
    else if (c == '#')
      out += "num";
    else if (static_cast<unsigned char>(c) >= 0x80)
      out += c;  // letters of other scripts stay
  }
  return out;
}

namespace {

// ---- [SECTION] Column names ---------------------------------------------------------------------

struct ColumnAlias {
  CsvField field;
  std::string_view name;  // as people write it; matched by alias_key
};

// Every name a column is known by, beyond the template's own (which match too). One table: the
// automatic mapping, the docs and the test that no two fields share a name all read it. Left out
// on purpose, because people use them for more than one thing: "IMG" (a share, or "IMG friendly"),
// "Sponsor" (the institution, or visa sponsorship), "Program type" (a track, or a setting),
// "Affiliation", "Type", "Notes".
// One row of aliases per field, as people name it:
// clang-format off
constexpr ColumnAlias kColumnAliases[] = {
    {CsvField::Id, "Program ID"}, {CsvField::Id, "Program code"}, {CsvField::Id, "NRMP code"},
    {CsvField::Id, "NRMP program code"}, {CsvField::Id, "NRMP ID"}, {CsvField::Id, "NRMP number"},
    {CsvField::Id, "ACGME ID"}, {CsvField::Id, "ACGME code"}, {CsvField::Id, "ACGME program ID"},
    {CsvField::Id, "Program number"},
    {CsvField::Name, "Program"}, {CsvField::Name, "Program Name"}, {CsvField::Name, "Program title"},
    {CsvField::Name, "Residency program"},
    {CsvField::Institution, "Hospital"}, {CsvField::Institution, "Hospital name"},
    {CsvField::Institution, "Sponsoring institution"}, {CsvField::Institution, "Institution name"}, {CsvField::Institution, "Medical center"},
    {CsvField::Specialty, "Speciality"}, {CsvField::Specialty, "Specialty name"},
    {CsvField::Track, "Program track"}, {CsvField::Track, "Track type"}, {CsvField::Track, "Position type"},
    {CsvField::City, "Town"}, {CsvField::City, "City/town"},
    {CsvField::State, "State code"}, {CsvField::State, "ST"}, {CsvField::State, "State/territory"},
    {CsvField::Setting, "Program setting"}, {CsvField::Setting, "Hospital type"},
    {CsvField::Setting, "Community or university"}, {CsvField::Setting, "University or community"},
    {CsvField::Positions, "Spots"}, {CsvField::Positions, "# positions"}, {CsvField::Positions, "Number of positions"},
    {CsvField::Positions, "No. of positions"}, {CsvField::Positions, "PGY-1 positions"},
    {CsvField::Positions, "Positions offered"}, {CsvField::Positions, "Seats"}, {CsvField::Positions, "Slots"},
    {CsvField::Positions, "# spots"}, {CsvField::Positions, "Quota"},
    {CsvField::ImgShare, "IMG %"}, {CsvField::ImgShare, "% IMGs"}, {CsvField::ImgShare, "% IMG"},
    {CsvField::ImgShare, "IMGs %"}, {CsvField::ImgShare, "IMG share"}, {CsvField::ImgShare, "IMG percent"},
    {CsvField::ImgShare, "IMG percentage"}, {CsvField::ImgShare, "Percent IMG"}, {CsvField::ImgShare, "Percent IMGs"},
    {CsvField::ImgShare, "Share of IMGs"}, {CsvField::ImgShare, "IMG fraction"}, {CsvField::ImgShare, "IMG ratio"},
    {CsvField::ImgShare, "% international graduates"},
    {CsvField::ImgShareNonUs, "Non-US IMG %"}, {CsvField::ImgShareNonUs, "% non-US IMGs"},
    {CsvField::ImgShareNonUs, "% non-US IMG"}, {CsvField::ImgShareNonUs, "Non-US IMGs %"},
    {CsvField::ImgShareNonUs, "Non-US IMG share"}, {CsvField::ImgShareNonUs, "Non-US IMG percent"},
    {CsvField::ImgShareNonUs, "Non-US-citizen IMG %"}, {CsvField::ImgShareNonUs, "Non-US-citizen IMG share"},
    {CsvField::Visa, "Visa"}, {CsvField::Visa, "Visas"}, {CsvField::Visa, "Visa sponsorship"},
    {CsvField::Visa, "Visas sponsored"}, {CsvField::Visa, "Visa sponsored"}, {CsvField::Visa, "Visa type"},
    {CsvField::Visa, "Visa types"}, {CsvField::Visa, "Visa status"}, {CsvField::Visa, "Visa support"},
    {CsvField::Visa, "Sponsors visa"}, {CsvField::Visa, "Sponsors visas"},
    {CsvField::VisaJ1, "J1"}, {CsvField::VisaJ1, "J1?"}, {CsvField::VisaJ1, "J-1"}, {CsvField::VisaJ1, "J1 visa"},
    {CsvField::VisaJ1, "Accepts J1"}, {CsvField::VisaJ1, "J1 sponsorship"}, {CsvField::VisaJ1, "Sponsors J1"},
    {CsvField::VisaH1b, "H1B"}, {CsvField::VisaH1b, "H1B?"}, {CsvField::VisaH1b, "H-1B"}, {CsvField::VisaH1b, "H1B visa"},
    {CsvField::VisaH1b, "Sponsors H1B"}, {CsvField::VisaH1b, "H1B sponsorship"}, {CsvField::VisaH1b, "Accepts H1B"},
    {CsvField::Step2ckMin, "Step 2 cutoff"}, {CsvField::Step2ckMin, "Min Step 2 CK"},
    {CsvField::Step2ckMin, "Step 2 CK minimum"}, {CsvField::Step2ckMin, "Step 2 CK cutoff"},
    {CsvField::Step2ckMin, "Step 2 minimum"}, {CsvField::Step2ckMin, "Min Step 2"},
    {CsvField::Step2ckMin, "Minimum Step 2 CK"}, {CsvField::Step2ckMin, "Minimum Step 2"},
    {CsvField::Step2ckMin, "Step 2 CK min"}, {CsvField::Step2ckMin, "Step 2 min"}, {CsvField::Step2ckMin, "CK cutoff"},
    {CsvField::Step2ckMin, "Step 2 CK minimum score"}, {CsvField::Step2ckMin, "Min CK"},
    {CsvField::MaxYearsSinceGraduation, "YOG cutoff"}, {CsvField::MaxYearsSinceGraduation, "Years since graduation"},
    {CsvField::MaxYearsSinceGraduation, "Max YOG"}, {CsvField::MaxYearsSinceGraduation, "YOG limit"},
    {CsvField::MaxYearsSinceGraduation, "Max years since graduation"},
    {CsvField::MaxYearsSinceGraduation, "Years from graduation"}, {CsvField::MaxYearsSinceGraduation, "Graduation cutoff"},
    {CsvField::MaxYearsSinceGraduation, "Max years out"}, {CsvField::MaxYearsSinceGraduation, "Years out of school"},
    {CsvField::MaxAttempts, "Attempts"}, {CsvField::MaxAttempts, "Max attempts"},
    {CsvField::MaxAttempts, "Attempts allowed"}, {CsvField::MaxAttempts, "Attempt limit"},
    {CsvField::MaxAttempts, "Attempts cutoff"},
    {CsvField::UsceRequired, "USCE required"}, {CsvField::UsceRequired, "USCE"}, {CsvField::UsceRequired, "USCE needed"},
    {CsvField::UsceRequired, "Requires USCE"}, {CsvField::UsceRequired, "USCE req"},
    {CsvField::UsceRequired, "US clinical experience"}, {CsvField::UsceRequired, "US clinical experience required"},
    {CsvField::Rural, "Rural/underserved"}, {CsvField::Rural, "Underserved"}, {CsvField::Rural, "Rural or underserved"},
    {CsvField::AcceptsSignals, "Signals"}, {CsvField::AcceptsSignals, "Signal"},
    {CsvField::AcceptsSignals, "Takes signals"}, {CsvField::AcceptsSignals, "Program signals"},
    {CsvField::ApplicationService, "Service"}, {CsvField::ApplicationService, "Applies through"},
};
// clang-format on

}  // namespace
}  // namespace detail

std::string_view to_string(CsvField field) {
  const auto k = static_cast<std::size_t>(field);
  if (field == CsvField::Visa) return "visa";
  if (k >= kCsvFieldCount) return "(unknown field)";  // a value outside the enum, from a caller
  return programs_csv_columns()[k].name;
}

std::optional<CsvField> csv_field_from_name(std::string_view header_cell) {
  const std::string key = detail::alias_key(header_cell);
  if (key.empty()) return std::nullopt;
  for (std::size_t k = 0; k < kCsvFieldCount; ++k) {
    const auto field = static_cast<CsvField>(k);
    if (detail::alias_key(to_string(field)) == key) return field;
  }
  for (const auto& alias : detail::kColumnAliases)
    if (detail::alias_key(alias.name) == key) return alias.field;
  return std::nullopt;
}

bool CsvMapping::is_template() const {
  for (const CsvColumnMap& c : columns)
    if (c.field && (*c.field == CsvField::Visa || detail::template_key(c.header) != to_string(*c.field))) return false;
  return true;
}

CsvMapping auto_map_columns(const std::vector<std::string>& header) {
  CsvMapping m;
  for (const std::string& cell : header)
    m.columns.push_back({std::string(detail::csv_trim(cell)), csv_field_from_name(cell)});
  return m;
}

CsvMapping reuse_mapping(const CsvMapping& remembered, const std::vector<std::string>& header) {
  CsvMapping m = auto_map_columns(header);
  for (CsvColumnMap& column : m.columns) {
    const std::string key = detail::alias_key(column.header);
    if (key.empty()) continue;
    for (const CsvColumnMap& old : remembered.columns)
      if (detail::alias_key(old.header) == key) {
        column.field = old.field;
        break;
      }
  }
  return m;
}

std::string csv_column_name(std::size_t index) { return detail::csv_column_letters(index + 1); }

std::vector<std::string> describe_mapping(const CsvMapping& mapping) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < mapping.columns.size(); ++k) {
    const CsvColumnMap& c = mapping.columns[k];
    std::string line = "column " + csv_column_name(k) + " ";
    line += c.header.empty() ? std::string("(no name)") : "\"" + detail::excerpt(c.header) + "\"";
    line += " -> ";
    line += c.field ? std::string(to_string(*c.field)) : std::string("not read");
    out.push_back(std::move(line));
  }
  const auto holds = [&](CsvField f) {
    return std::any_of(mapping.columns.begin(), mapping.columns.end(),
                       [&](const CsvColumnMap& c) { return c.field == f; });
  };
  if (!mapping.columns.empty() && !holds(CsvField::Id))
    out.push_back("no id column: ids are made from name, specialty and state");
  return out;
}

namespace detail {

std::string csv_column_letters(std::size_t n) {
  std::string out;
  while (n > 0) {
    const std::size_t r = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + r));
    n = (n - 1) / 26;
  }
  return out;
}

std::vector<std::string_view> column_aliases(CsvField field) {
  std::vector<std::string_view> out;
  for (const auto& alias : kColumnAliases)
    if (alias.field == field) out.push_back(alias.name);
  return out;
}

bool row_names_columns(const std::vector<std::string>& cells) {
  std::size_t named = 0, filled = 0;
  for (const std::string& cell : cells) {
    if (csv_trim(cell).empty()) continue;
    ++filled;
    if (csv_field_from_name(cell)) ++named;
  }
  return named >= 2 && 2 * named >= filled;
}

// ---- [SECTION] Cell values ----------------------------------------------------------------------

namespace {

// "j-1", "J 1", "j.1" -> "j1"; "H-1B", "h1-b", "H 1 B" -> "h1b": the cell in lower case with
// spaces, hyphens and dots dropped, so that visa names are one token each.
std::string squeeze(std::string_view cell) {
  std::string out;
  for (const char c : lower_ascii(cell))
    if (c != ' ' && c != '-' && c != '.' && c != '\t') out += c;
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A list of visa names ("j1", "h1b") joined by / & , + ; "and" or "or", each at most once, with an
// optional "only" after a single name. nullopt for anything else.
std::optional<VisaCell> read_visa_list(std::string_view s) {
  for (std::string_view suffix : {"visas", "visa"})
    if (ends_with(s, suffix)) s.remove_suffix(suffix.size());
  bool only = false;
  if (ends_with(s, "only")) {
    s.remove_suffix(4);
    only = true;
  }
  VisaCell v;
  int names = 0;
  while (true) {
    bool* slot = nullptr;
    if (starts_with(s, "j1")) {
      slot = &v.j1;
      s.remove_prefix(2);
    } else if (starts_with(s, "h1b")) {
      slot = &v.h1b;
      s.remove_prefix(3);
    } else {
      return std::nullopt;
    }
    if (*slot) return std::nullopt;  // "J1/J1"
    *slot = true;
    ++names;
    if (starts_with(s, "visa")) s.remove_prefix(4);  // "J1 visa / H1B visa"
    if (s.empty()) break;
    bool separated = false;
    for (std::string_view sep : {"/", "&", ",", "+", ";", "and", "or"})
      if (starts_with(s, sep)) {
        s.remove_prefix(sep.size());
        separated = true;
        break;
      }
    if (!separated) return std::nullopt;
  }
  if (only && names != 1) return std::nullopt;
  return v;
}

}  // namespace

std::optional<VisaCell> read_visa_cell(std::string_view cell) {
  const std::string s = squeeze(csv_trim(cell));
  for (std::string_view none :
       {"none", "no", "n", "novisa", "novisas", "nosponsorship", "notsponsored", "neither", "nonesponsored", "false"})
    if (s == none) return VisaCell{};
  for (std::string_view both : {"both", "all", "j1andh1b", "h1bandj1"})
    if (s == both) return VisaCell{true, true};
  // "yes (J-1)", "Yes: H1B", "Y - J1": the visa named after the yes. "yes" alone names none.
  for (std::string_view yes : {"yes", "y"}) {
    if (!starts_with(s, yes) || s.size() == yes.size()) continue;
    std::string_view rest = std::string_view(s).substr(yes.size());
    if (rest.front() == '(' && rest.back() == ')') return read_visa_list(rest.substr(1, rest.size() - 2));
    if (rest.front() == ':' || rest.front() == ',') return read_visa_list(rest.substr(1));
  }
  return read_visa_list(s);
}

namespace {

struct StateName {
  std::string_view code, name;
};
constexpr StateName kStateNames[] = {
    {"AL", "Alabama"},
    {"AK", "Alaska"},
    {"AZ", "Arizona"},
    {"AR", "Arkansas"},
    {"CA", "California"},
    {"CO", "Colorado"},
    {"CT", "Connecticut"},
    {"DE", "Delaware"},
    {"FL", "Florida"},
    {"GA", "Georgia"},
    {"HI", "Hawaii"},
    {"ID", "Idaho"},
    {"IL", "Illinois"},
    {"IN", "Indiana"},
    {"IA", "Iowa"},
    {"KS", "Kansas"},
    {"KY", "Kentucky"},
    {"LA", "Louisiana"},
    {"ME", "Maine"},
    {"MD", "Maryland"},
    {"MA", "Massachusetts"},
    {"MI", "Michigan"},
    {"MN", "Minnesota"},
    {"MS", "Mississippi"},
    {"MO", "Missouri"},
    {"MT", "Montana"},
    {"NE", "Nebraska"},
    {"NV", "Nevada"},
    {"NH", "New Hampshire"},
    {"NJ", "New Jersey"},
    {"NM", "New Mexico"},
    {"NY", "New York"},
    {"NC", "North Carolina"},
    {"ND", "North Dakota"},
    {"OH", "Ohio"},
    {"OK", "Oklahoma"},
    {"OR", "Oregon"},
    {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"},
    {"SC", "South Carolina"},
    {"SD", "South Dakota"},
    {"TN", "Tennessee"},
    {"TX", "Texas"},
    {"UT", "Utah"},
    {"VT", "Vermont"},
    {"VA", "Virginia"},
    {"WA", "Washington"},
    {"WV", "West Virginia"},
    {"WI", "Wisconsin"},
    {"WY", "Wyoming"},
    {"DC", "District of Columbia"},
    {"DC", "Washington DC"},
    {"PR", "Puerto Rico"},
    {"GU", "Guam"},
    {"VI", "Virgin Islands"},
    {"VI", "US Virgin Islands"},
    {"VI", "U.S. Virgin Islands"},
    {"AS", "American Samoa"},
    {"MP", "Northern Mariana Islands"},
};

}  // namespace

}  // namespace detail

std::optional<std::string> state_code(std::string_view cell) {
  using detail::alias_key;
  using detail::is_usps_code;
  if (cell.size() == 2) {  // the common case, without allocating a key
    const std::string upper = {static_cast<char>(cell[0] >= 'a' && cell[0] <= 'z' ? cell[0] - 'a' + 'A' : cell[0]),
                               static_cast<char>(cell[1] >= 'a' && cell[1] <= 'z' ? cell[1] - 'a' + 'A' : cell[1])};
    if (is_usps_code(upper)) return upper;
  }
  const std::string key = alias_key(cell);
  if (key.size() == 2) {
    std::string upper = key;
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (is_usps_code(upper)) return upper;
    return std::nullopt;
  }
  for (const auto& s : detail::kStateNames)
    if (alias_key(s.name) == key) return std::string(s.code);
  return std::nullopt;
}

namespace detail {

bool says_no_cutoff(std::string_view cell) {
  if (!cell.empty() && cell.front() >= '0' && cell.front() <= '9') return false;  // the common case, quickly
  const std::string key = alias_key(cell);
  for (std::string_view none : {"none", "no", "nocutoff", "nocutoffs", "nominimum", "nomin", "nolimit", "nomax",
                                "nomaximum", "norequirement", "nonestated"})
    if (key == none) return true;
  return false;
}

std::string_view without_years_unit(std::string_view cell) {
  std::string_view s = csv_trim(cell);
  const std::string lower = lower_ascii(s);
  for (std::string_view unit : {"years", "year", "yrs", "yr", "y"}) {
    if (!ends_with(lower, unit)) continue;
    const std::string_view number = csv_trim(s.substr(0, s.size() - unit.size()));
    if (!number.empty() && number.back() >= '0' && number.back() <= '9') return number;
  }
  return s;
}

std::string_view without_minimum_mark(std::string_view cell) {
  std::string_view s = csv_trim(cell);
  if (!s.empty() && s.back() == '+') return csv_trim(s.substr(0, s.size() - 1));
  const std::string lower = lower_ascii(s);
  for (std::string_view mark : {">=", "\xE2\x89\xA5", "min", "minimum"})  // U+2265 ≥
    if (starts_with(lower, mark) && lower.size() > mark.size()) {
      const std::string_view rest = csv_trim(s.substr(mark.size()));
      if (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') return rest;
    }
  return s;
}

std::optional<Setting> setting_alias(std::string_view cell) {
  static constexpr std::pair<std::string_view, Setting> kSpellings[] = {
      {"universitybased", Setting::University},
      {"universityhospital", Setting::University},
      {"communitybased", Setting::Community},
      {"communityhospital", Setting::Community},
      {"communitybaseduniversityaffiliated", Setting::UniversityAffiliated},
      {"communitybaseduniversityaffiliatedhospital", Setting::UniversityAffiliated},
      {"universityaffiliatedcommunity", Setting::UniversityAffiliated},
      {"universityaffiliatedcommunityhospital", Setting::UniversityAffiliated},
      {"communityuniversityaffiliated", Setting::UniversityAffiliated},
  };
  const std::string key = alias_key(cell);
  for (const auto& [spelling, value] : kSpellings)
    if (key == spelling) return value;
  return std::nullopt;
}

// ---- [SECTION] Ids ------------------------------------------------------------------------------

namespace {
// Words of `s` in lower case joined by single hyphens.
void append_slug(std::string& out, std::string_view s) {
  bool gap = false;
  const std::size_t start = out.size();
  for (const char c : s) {
    const bool keep = is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && out.size() > start) out += '-';
    gap = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
}
}  // namespace

}  // namespace detail

std::string derived_program_id(std::string_view name, std::string_view specialty, std::string_view state) {
  std::string id(state);
  id += '-';
  detail::append_slug(id, specialty);
  id += '-';
  detail::append_slug(id, name);
  return id;
}

}  // namespace openpick::core
