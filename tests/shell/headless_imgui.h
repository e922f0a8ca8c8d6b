// A Dear ImGui context with no renderer, for shell tests: a 1280x800 display, the font atlas
// built (as a backend would before the first frame), the app's style. Destroyed with the object.
#pragma once

#include <imgui.h>

#include "openpick/shell/frame.h"

namespace openpick::testing {

class HeadlessImGui {
 public:
  explicit HeadlessImGui(bool dark = false) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    shell::apply_style(1.0f, dark);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

}  // namespace openpick::testing
