// Links openpick_core and nothing else: if core ever needs ImGui, the browser or the file system,
// this target stops building.
#include <cstdio>

#include "openpick/core/version.h"

int main() {
  std::printf("%s core %s\n", openpick::core::kProductName, openpick::core::kVersion);
  return 0;
}
