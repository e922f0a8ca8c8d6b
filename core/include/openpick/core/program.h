// A residency program and the dataset that holds many of them.
//
// Every fact may be unknown (std::nullopt): "the program states no visa policy" is different from
// "the program sponsors no visa", and the model treats the two differently.
// The JSON and CSV forms are documented in assets/schema/ and docs/DATA.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace openpick::core {

inline constexpr int kDatasetSchemaVersion = 1;

// categorical, preliminary and transitional are the contract's names; the NRMP listing also has
// advanced (PGY-2 start), primary care and physician-only (reserved) tracks.
enum class Track { Categorical, Preliminary, Transitional, Advanced, PrimaryCare, Physician };
enum class Setting { University, UniversityAffiliated, Community };
// The service a program takes applications through. Unknown (the field absent or null) is decided
// by the specialty: Emergency Medicine and Obstetrics and Gynecology apply through ResidencyCAS
// (from the 2026 and 2025 Matches), every other specialty through ERAS (fees.h,
// application_service_of).
enum class ApplicationService { Eras, ResidencyCas };

struct VisaPolicy {
  std::optional<bool> j1;   // accepts J-1 (ECFMG-sponsored) residents
  std::optional<bool> h1b;  // sponsors H-1B
};

// A stated cutoff is strict unless the dataset marks it `"strict": false` (the program says it
// "prefers" or applies it flexibly): failing a strict one excludes the program, failing a flexible
// one lowers the chance instead (ModelParams::flexible_cutoff_missed). Strictness is kept per
// cutoff; a cutoff that is not stated has no strictness to speak of.
struct CutoffStrictness {
  bool step2ck_min = true;
  bool max_years_since_graduation = true;
  bool max_attempts = true;
  bool usce_required = true;
};

struct Cutoffs {
  std::optional<int> step2ck_min;                 // stated Step 2 CK minimum
  std::optional<int> max_years_since_graduation;  // compared with match_year - graduation_year
  std::optional<int> max_attempts;                // most attempts accepted on any USMLE Step
  std::optional<bool> usce_required;              // hands-on US clinical experience required
  CutoffStrictness strict;
};

// Where a fact came from: which field, which source, which year.
struct FactSource {
  std::string field;  // e.g. "visa.h1b", "cutoffs.step2ck_min"
  std::string source;
  std::optional<int> year;
};

struct Program {
  std::string id;  // stable: NRMP or ACGME code where known
  std::string name;
  std::string institution;
  std::string specialty;  // e.g. "Internal Medicine"
  Track track = Track::Categorical;
  std::string city;
  std::string state;  // two-letter USPS code
  std::optional<Setting> setting;
  std::optional<int> positions;     // PGY-1 positions offered
  std::optional<double> img_share;  // share of residents who are IMGs (US-citizen and non-US), 0..1
  // Share of residents who are non-US-citizen IMGs, 0..1, where a source gives it apart (at most
  // img_share). For a non-US IMG it is the better sign of how the program reads their application.
  std::optional<double> img_share_non_us;
  VisaPolicy visa;
  Cutoffs cutoffs;
  std::optional<bool> rural;  // rural or underserved
  std::optional<bool> accepts_signals;
  std::vector<FactSource> sources;
  std::optional<ApplicationService> application_service;  // unknown: by specialty (see above)
};

struct Dataset {
  int schema_version = kDatasetSchemaVersion;
  std::string name;
  std::string version;
  std::string as_of;   // "YYYY-MM"
  std::string source;  // provenance, in words
  std::vector<Program> programs;
};

}  // namespace openpick::core
