// The browser app's state, shared by its three parts: the input layer (input_web.h), the functions
// the page calls (page_api.cpp) and the main loop (main_web.cpp). Only web/ sees it.
#pragma once

#include <string>
#include <vector>

#include "openpick/shell/app_state.h"
#include "platform_web.h"

namespace openpick::web {

inline constexpr const char* kCanvas = "#canvas";
inline constexpr const char* kTextField = "#openpick-text";  // hidden field that carries text and IME

struct InputEvent {
  enum Kind { MouseMove, MouseButton, Key } kind = MouseMove;
  int index = 0;  // button (Dear ImGui order) or key index; -1: only the modifiers changed
  bool down = false;
  float x = 0, y = 0;
  // Key events carry the modifiers held when they happened: Ctrl+A pressed and released between
  // two frames must reach Dear ImGui as A with Ctrl, not as A after Ctrl was already let go.
  bool ctrl = false, shift = false, alt = false, super = false;
};

struct App {
  openpick::shell::AppState state;
  openpick::web::WebPlatform platform;
  double dpr = 0.0;
  int fb_w = 0, fb_h = 0;
  double last_time_ms = 0.0;
  bool announced_ready = false;
  bool wanted_text_input = false;
  std::string state_json;  // keeps the last getState() answer alive for JS to read
  std::string clipboard;   // what Dear ImGui copied, or what the last paste event brought
  // Keys pressed by the page rather than a keyboard (a paste, an on-screen keyboard's delete):
  // down for one frame, up the next, so Dear ImGui sees a whole key press.
  std::vector<int> taps_down, taps_up;
  bool tap_ctrl = false;
  bool ctrl_from_keyboard = false;  // io.KeyCtrl before a tap's Ctrl was added (input_new_frame)
  // Touch: the finger's last position, and whether it has moved far enough to be a scroll.
  double touch_x = 0, touch_y = 0, touch_start_x = 0, touch_start_y = 0;
  bool touch_scrolling = false;
  bool dark = false;  // the theme the style was last built for
  // Widget positions (label and rectangle in CSS px) of the last frame, for browser tests that
  // click as a person would; recorded only once window.openpick.items() has been asked for.
  struct Item {
    std::string label;
    float x0, y0, x1, y1;
  };
  std::vector<Item> items_drawing, items_drawn;
  std::string items_json;
  std::string incoming_file;  // see openpick_file_buffer
  // Where the main thread's time goes in drawn frames (openpick_frame_stats_json, for the frame
  // time measurement in tests/web/ and docs/BENCHMARKS.md).
  struct FrameStats {
    int frames = 0;
    double ui_ms = 0, gl_ms = 0, work_ms = 0, worst_ms = 0;
    double worst_parts[3] = {0, 0, 0};  // ui, gl, work of the slowest frame
    void add(double ui, double gl, double work) {
      ++frames;
      ui_ms += ui;
      gl_ms += gl;
      work_ms += work;
      if (ui + gl + work > worst_ms) {
        worst_ms = ui + gl + work;
        worst_parts[0] = ui;
        worst_parts[1] = gl;
        worst_parts[2] = work;
      }
    }
  } stats;
  std::string stats_json;
  // Presses and releases in arrival order. Dear ImGui 1.86 reads button and key state once per
  // frame, so a click (down and up between two frames, as a quick tap or an automated click
  // makes) would be lost; input_new_frame() hands them over one transition per frame.
  std::vector<InputEvent> input;
  unsigned announced_plan_revision = ~0u;  // the plan the page's results table shows
  // When something last happened (input, an action, a resize). Once the app has been still for a
  // second it stops drawing until the next event: the canvas keeps its last frame, and an idle
  // planner costs no battery.
  double last_activity_ms = 0.0;
  bool activity = true;
  // The WebGL context is lost (a GPU reset, the browser reclaiming memory): nothing is drawn until
  // the browser restores it (on_context_restored). The state never leaves memory.
  bool gl_lost = false;
};

extern App* g_app;  // the exported functions and the window-wide callbacks need to find the app

}  // namespace openpick::web
