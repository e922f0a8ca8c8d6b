// Compiled into the imgui library itself, so the handler exists wherever Dear ImGui does.
#include "openpick/shell/imgui_config.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <string>
#include <unordered_map>

namespace {
void log_assert(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "Dear ImGui assertion failed: %s (%s:%d)\n", expr, file, line);
}
OpenPickImGuiAssertHandler g_handler = &log_assert;  // the one global: Dear ImGui's own hook
}  // namespace

void openpick_imgui_assert_failed(const char* expr, const char* file, int line) { g_handler(expr, file, line); }

OpenPickImGuiAssertHandler openpick_set_imgui_assert_handler(OpenPickImGuiAssertHandler handler) {
  OpenPickImGuiAssertHandler old = g_handler;
  g_handler = handler ? handler : &log_assert;
  return old;
}

// Dear ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE): ItemAdd carries an item's rectangle,
// ItemInfo its label; they meet on the item's id, in either order (a tab reports its label
// before its rectangle, a button after).
namespace {
OpenPickItemHandler g_item_handler = nullptr;
struct ItemHalves {
  int frame = -1;
  std::unordered_map<ImGuiID, ImRect> rects;
  std::unordered_map<ImGuiID, std::string> labels;
};
ItemHalves g_items;  // only filled while a handler is installed

void start_frame(ImGuiContext* ctx) {
  if (g_items.frame == ctx->FrameCount) return;
  g_items.frame = ctx->FrameCount;
  g_items.rects.clear();
  g_items.labels.clear();
}
}  // namespace

void openpick_set_item_handler(OpenPickItemHandler handler) { g_item_handler = handler; }

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  if (!g_item_handler) return;
  start_frame(ctx);
  auto label = g_items.labels.find(id);
  if (label != g_items.labels.end()) {
    g_item_handler(id, label->second.c_str(), bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
    g_items.labels.erase(label);
  } else {
    g_items.rects[id] = bb;
  }
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  if (!g_item_handler || !label) return;
  start_frame(ctx);
  auto rect = g_items.rects.find(id);
  if (rect != g_items.rects.end()) {
    const ImRect r = rect->second;
    g_items.rects.erase(rect);
    g_item_handler(id, label, r.Min.x, r.Min.y, r.Max.x, r.Max.y);
  } else {
    g_items.labels[id] = label;
  }
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
