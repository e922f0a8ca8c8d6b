// One frame of the interface. The platform owns the loop; this draws and never blocks.
#pragma once

#include "openpick/shell/app_state.h"
#include "openpick/shell/platform.h"

namespace openpick::shell {

// Sets up Dear ImGui's style for OpenPick at a given scale (1 = 16 px font). Rebuilds the style
// from a fresh ImGuiStyle each time: ScaleAllSizes is not idempotent. `dark`: an embedding
// host's dark theme.
void apply_style(float scale, bool dark = false);

// Call between ImGui::NewFrame() and ImGui::Render().
void draw_frame(AppState& state, Platform& platform);

}  // namespace openpick::shell
