// Compiled into the imgui library itself, so the handler exists wherever Dear ImGui does.
#include <cstdio>

#include "openpick/shell/imgui_config.h"

namespace {
void log_assert(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "Dear ImGui assertion failed: %s (%s:%d)\n", expr, file, line);
}
OpenPickImGuiAssertHandler g_handler = &log_assert;  // the one global: Dear ImGui's own hook
}  // namespace

void openpick_imgui_assert_failed(const char* expr, const char* file, int line) {
  g_handler(expr, file, line);
}

OpenPickImGuiAssertHandler openpick_set_imgui_assert_handler(OpenPickImGuiAssertHandler handler) {
  OpenPickImGuiAssertHandler old = g_handler;
  g_handler = handler ? handler : &log_assert;
  return old;
}
