// Program signals available per specialty, as data.
//
// PUBLISHED (AAMC, program signaling page for the 2025 ERAS season; AAIM, tiered signaling 2026):
// IM 3 gold + 12 silver; FM 5; Psychiatry 10; Pediatrics 5; Neurology 8; Pathology 5;
// General Surgery 15; EM 5; Transitional Year 12; Anesthesiology 5 gold + 10 silver;
// Diagnostic Radiology 6 gold + 6 silver. Specialties without tiers have only "gold" (full) ones.
// ASSUMPTION: a silver signal carries half the log odds ratio of a gold one (kSilverShare).
#pragma once

#include <string>
#include <vector>

namespace openpick::core {

struct SignalAllowance {
  const char* specialty;  // as the NRMP listing (and the sample dataset) spells it
  int gold = 0;           // or the single tier's count
  int silver = 0;
};

inline constexpr double kSilverShare = 0.5;

const std::vector<SignalAllowance>& signal_allowances();
// The allowance for a specialty; zero signals when it is not in the table.
SignalAllowance signal_allowance(const std::string& specialty);

}  // namespace openpick::core
