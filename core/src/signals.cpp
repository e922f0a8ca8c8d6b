#include "openpick/core/signals.h"

namespace openpick::core {

const std::vector<SignalAllowance>& signal_allowances() {
  static const std::vector<SignalAllowance> kTable = {
      {"Internal Medicine", 3, 12},
      {"Family Medicine", 5, 0},
      {"Psychiatry", 10, 0},
      {"Pediatrics", 5, 0},
      {"Neurology", 8, 0},
      {"Pathology-Anatomic and Clinical", 5, 0},
      {"Surgery-General", 15, 0},
      {"Emergency Medicine", 5, 0},
      {"Transitional Year", 12, 0},
      {"Anesthesiology", 5, 10},
      {"Radiology-Diagnostic", 6, 6},
  };
  return kTable;
}

SignalAllowance signal_allowance(const std::string& specialty) {
  for (const auto& a : signal_allowances())
    if (specialty == a.specialty) return a;
  return {"", 0, 0};
}

}  // namespace openpick::core
