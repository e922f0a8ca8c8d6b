// The browser entry point: WebGL2 context, input from html5.h callbacks bound to the canvas, the
// main loop, and the few functions the page's JS calls (state for window.openpick.getState(),
// files the user picked).
//
// Emscripten 3.1.6's built-in GLFW has no HiDPI support, listens for keys on the whole window
// (breaking text fields on an embedding page) and has no clipboard, so this file owns the canvas
// instead: the backing store is CSS size x devicePixelRatio, fonts are rasterized at that density,
// and keyboard events are taken only while the canvas has focus.
#include <algorithm>
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // ImGuiContext::TestEngineHookItems, for the widget positions

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"
#include "platform_web.h"

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr const char* kTextField = "#openpick-text";  // hidden field that carries text and IME
constexpr float kFontSizeCss = 16.0f;
// Wall time per frame for long work (reading a large file, planning): 10 ms at 60 frames a second;
// where frames are slow anyway (software rendering: 80-100 ms between frames here), half the
// interval, up to 40 ms, so the work does not crawl. One step may run past it, never a whole import.
constexpr double kWorkBudgetMs = 10.0;
constexpr double kWorkBudgetMaxMs = 40.0;
double work_budget_ms(double frame_interval_ms) {
  return std::clamp(0.5 * frame_interval_ms, kWorkBudgetMs, kWorkBudgetMaxMs);
}
constexpr const char* kFontPath = "/fonts/NotoSans-Regular.ttf";
constexpr const char* kGlslVersion = "#version 300 es";  // WebGL2; also used when the context returns

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
  // makes) would be lost; apply_input() hands them over one transition per frame.
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

App* g_app = nullptr;  // the exported functions below need to find the app

// Glyphs beyond Latin-1: names in Latin Extended, Greek and Cyrillic, and the typographic
// punctuation and arrows the interface uses.
const ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x205E,
                                0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2212, 0x2264, 0x25A0, 0x25FF, 0};

void rebuild_fonts(double dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  const float px = static_cast<float>(std::round(kFontSizeCss * dpr));
  if (!io.Fonts->AddFontFromFileTTF(kFontPath, px, &cfg, kGlyphRanges)) {
    ImFontConfig fallback;
    fallback.SizePixels = px;
    io.Fonts->AddFontDefault(&fallback);
  }
  io.FontGlobalScale = static_cast<float>(1.0 / dpr);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

// --- input ---------------------------------------------------------------------------------------

int key_index(const char* code) {
  static const struct {
    const char* code;
    ImGuiKey key;
  } kMap[] = {{"Tab", ImGuiKey_Tab},         {"ArrowLeft", ImGuiKey_LeftArrow},
              {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow},
              {"ArrowDown", ImGuiKey_DownArrow},   {"PageUp", ImGuiKey_PageUp},
              {"PageDown", ImGuiKey_PageDown},     {"Home", ImGuiKey_Home},
              {"End", ImGuiKey_End},               {"Insert", ImGuiKey_Insert},
              {"Delete", ImGuiKey_Delete},         {"Backspace", ImGuiKey_Backspace},
              {"Space", ImGuiKey_Space},           {"Enter", ImGuiKey_Enter},
              {"Escape", ImGuiKey_Escape},         {"NumpadEnter", ImGuiKey_KeyPadEnter},
              {"KeyA", ImGuiKey_A},                {"KeyC", ImGuiKey_C},
              {"KeyV", ImGuiKey_V},                {"KeyX", ImGuiKey_X},
              {"KeyY", ImGuiKey_Y},                {"KeyZ", ImGuiKey_Z}};
  for (const auto& m : kMap)
    if (std::strcmp(code, m.code) == 0) return m.key;
  return -1;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* arg) {
  App& app = *static_cast<App*>(arg);
  const float x = static_cast<float>(e->targetX), y = static_cast<float>(e->targetY);
  if (type == EMSCRIPTEN_EVENT_MOUSEMOVE || e->button >= 3) {
    app.input.push_back({InputEvent::MouseMove, 0, false, x, y});
  } else {
    // DOM buttons: 0 left, 1 middle, 2 right; Dear ImGui: 0 left, 1 right, 2 middle.
    const int b = e->button == 1 ? 2 : e->button == 2 ? 1 : 0;
    app.input.push_back({InputEvent::MouseButton, b, type == EMSCRIPTEN_EVENT_MOUSEDOWN, x, y});
  }
  return type != EMSCRIPTEN_EVENT_MOUSEMOVE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
  ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  return false;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  // deltaMode 0 is pixels, 1 lines, 2 pages; Dear ImGui scrolls by "lines".
  const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH -= static_cast<float>(e->deltaX * scale);
  io.MouseWheel -= static_cast<float>(e->deltaY * scale);
  if (g_app) g_app->activity = true;
  return true;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  const int k = key_index(e->code);
  // Paste: let the browser fire its paste event (the only way to read the clipboard without a
  // permission prompt); openpick_paste() then presses Ctrl+V for Dear ImGui.
  if (k == ImGuiKey_V && (e->ctrlKey || e->metaKey)) return false;
  // Modifiers go through the queue with the keys (a modifier alone is a key index of -1), so a
  // quick Ctrl+A is seen as one chord (apply_input).
  if (g_app) {
    InputEvent ev{InputEvent::Key, k, type == EMSCRIPTEN_EVENT_KEYDOWN, 0, 0};
    ev.ctrl = e->ctrlKey;
    ev.shift = e->shiftKey;
    ev.alt = e->altKey;
    ev.super = e->metaKey;
    g_app->input.push_back(ev);
  }
  // Text never comes from keydown: it arrives through the hidden text field's input event, which
  // also carries IME compositions, dead keys and on-screen keyboards. Named keys are taken so
  // Tab, Backspace and arrows act in the app, not on the page.
  // A letter without Ctrl or Cmd is text, not a shortcut: taking its keydown would cancel the
  // input event that carries it, and "a", "c", "v", "x", "y", "z" could not be typed.
  const bool shortcut_letter = k >= ImGuiKey_A && (e->ctrlKey || e->metaKey);
  return k >= 0 && k != ImGuiKey_Space && (k < ImGuiKey_A || shortcut_letter);
}

// One finger: a tap is a click; a drag that moves more than a few pixels scrolls instead.
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void* arg) {
  App& app = *static_cast<App*>(arg);
  if (e->numTouches < 1) return false;
  const EmscriptenTouchPoint& t = e->touches[0];
  ImGuiIO& io = ImGui::GetIO();
  const double x = static_cast<double>(t.targetX), y = static_cast<double>(t.targetY);
  switch (type) {
    case EMSCRIPTEN_EVENT_TOUCHSTART:
      app.touch_x = app.touch_start_x = x;
      app.touch_y = app.touch_start_y = y;
      app.touch_scrolling = false;
      app.input.push_back({InputEvent::MouseButton, 0, true, static_cast<float>(x), static_cast<float>(y)});
      break;
    case EMSCRIPTEN_EVENT_TOUCHMOVE: {
      const double dx = x - app.touch_start_x, dy = y - app.touch_start_y;
      if (!app.touch_scrolling && !ImGui::IsAnyItemActive() && dx * dx + dy * dy > 64.0) {
        app.touch_scrolling = true;
        // A scroll, not a press on whatever was under the finger.
        app.input.push_back({InputEvent::MouseButton, 0, false, -FLT_MAX, -FLT_MAX});
      }
      if (app.touch_scrolling) {
        const float line = ImGui::GetTextLineHeightWithSpacing() * 5.0f;  // one wheel step, px
        io.MouseWheel += static_cast<float>((y - app.touch_y) / line);
        io.MouseWheelH += static_cast<float>((x - app.touch_x) / line);
      } else {
        app.input.push_back({InputEvent::MouseMove, 0, false, static_cast<float>(x), static_cast<float>(y)});
      }
      app.touch_x = x;
      app.touch_y = y;
      break;
    }
    default:  // end or cancel
      if (!app.touch_scrolling)
        app.input.push_back({InputEvent::MouseButton, 0, false, static_cast<float>(x), static_cast<float>(y)});
      break;
  }
  return true;
}

const char* get_clipboard(void* user) { return static_cast<App*>(user)->clipboard.c_str(); }

void set_clipboard(void* user, const char* text) {
  App& app = *static_cast<App*>(user);
  app.clipboard = text;
  app.platform.set_clipboard(app.clipboard);
}

void record_item(unsigned, const char* label, float x0, float y0, float x1, float y1) {
  if (g_app) g_app->items_drawing.push_back({label, x0, y0, x1, y1});
}

// Places the hidden text field at the text cursor, so an IME's candidate window appears there.
void set_ime_position(int x, int y) { EM_ASM(openpickPage.placeTextField($0, $1), x, y); }

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  if (type == EMSCRIPTEN_EVENT_BLUR) {
    ImGuiIO& io = ImGui::GetIO();
    for (bool& down : io.KeysDown) down = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
  }
  return false;
}

// --- a lost WebGL context --------------------------------------------------------------------------
// Every GL object (shaders, buffers, the font texture) goes with the context. Returning true
// cancels the event's default, which is what lets the browser restore the context later.
// A profile edit is saved on a debounce; a page being hidden (another tab, the phone's home
// screen) or closed may never draw another frame, so the waiting save is written now.
EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void* arg) {
  if (e->hidden) openpick::shell::flush_pending_saves(static_cast<App*>(arg)->state, static_cast<App*>(arg)->platform);
  return false;
}
const char* on_before_unload(int, const void*, void* arg) {
  openpick::shell::flush_pending_saves(static_cast<App*>(arg)->state, static_cast<App*>(arg)->platform);
  return nullptr;  // no "leave this page?" prompt
}

EM_BOOL on_context_lost(int, const void*, void* arg) {
  App& app = *static_cast<App*>(arg);
  if (app.gl_lost) return true;  // already torn down
  app.gl_lost = true;
  app.input.clear();  // nothing on screen to aim at
  // Forget the renderer's objects now: deleting them while the context is lost is a silent no-op
  // that clears Emscripten's handle tables; after the restore it would be a WebGL error.
  ImGui_ImplOpenGL3_Shutdown();
  return true;
}

// The same WebGL object works again, empty: a new renderer backend with new shaders and buffers,
// and the font texture uploaded again from the atlas still in memory (no font file is read).
EM_BOOL on_context_restored(int, const void*, void* arg) {
  App& app = *static_cast<App*>(arg);
  if (!app.gl_lost) return true;  // the renderer was never torn down
  ImGui_ImplOpenGL3_Init(kGlslVersion);
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  app.gl_lost = false;
  app.activity = true;  // draw now: the restored drawing buffer is blank
  app.last_time_ms = 0.0;
  return true;
}

// Hands queued input to Dear ImGui, stopping before a second transition of the same button or key
// in one frame: the rest waits for the next frame, so every press is seen.
void apply_input(App& app) {
  ImGuiIO& io = ImGui::GetIO();
  bool button_changed[5] = {};
  std::vector<bool> key_changed(ImGuiKey_COUNT, false);
  bool any_key_changed = false;
  bool moved = false;  // the pointer moved in this frame
  std::size_t used = 0;
  for (; used < app.input.size(); ++used) {
    const InputEvent& e = app.input[used];
    if (e.kind == InputEvent::MouseButton) {
      if (button_changed[e.index]) break;
      if (e.x != -FLT_MAX && (e.x != io.MousePos.x || e.y != io.MousePos.y)) {
        io.MousePos = ImVec2(e.x, e.y);
        moved = true;
      }
      // A press where the pointer just arrived (an automated click, a tap) waits one frame: Dear
      // ImGui 1.86 lets items that allow overlap (tabs) take a press only if they were already
      // hovered in the frame before, so a tap on one tab after another was ignored.
      if (e.down && moved && !io.MouseDown[e.index]) break;
      if (io.MouseDown[e.index] != e.down) button_changed[e.index] = true;
      io.MouseDown[e.index] = e.down;
    } else if (e.kind == InputEvent::Key) {
      // A change of modifiers after a key went down or up this frame waits for the next frame.
      const bool mods_differ = io.KeyCtrl != e.ctrl || io.KeyShift != e.shift || io.KeyAlt != e.alt ||
                               io.KeySuper != e.super;
      if (mods_differ && any_key_changed) break;
      if (e.index >= 0 && key_changed[static_cast<std::size_t>(e.index)]) break;
      io.KeyCtrl = e.ctrl;
      io.KeyShift = e.shift;
      io.KeyAlt = e.alt;
      io.KeySuper = e.super;
      if (e.index < 0) continue;
      if (io.KeysDown[e.index] != e.down) key_changed[static_cast<std::size_t>(e.index)] = any_key_changed = true;
      io.KeysDown[e.index] = e.down;
    } else {
      // A move after a press in this frame waits too, so the press lands where it was made.
      if (button_changed[0] || button_changed[1] || button_changed[2]) break;
      if (e.x != io.MousePos.x || e.y != io.MousePos.y) moved = true;
      io.MousePos = ImVec2(e.x, e.y);
    }
  }
  app.input.erase(app.input.begin(), app.input.begin() + static_cast<long>(used));
}

// --- frame ---------------------------------------------------------------------------------------

void frame(void* arg) {
  App& app = *static_cast<App*>(arg);
  ImGuiIO& io = ImGui::GetIO();

  if (app.gl_lost) {
    // Nothing can be drawn, but the work between frames goes on (a file the page hands over, a
    // plan), so the state is current when the context comes back.
    openpick::shell::apply_actions(app.state, app.platform, kWorkBudgetMs);
    return;
  }

  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  const double dpr = emscripten_get_device_pixel_ratio();
  if (dpr != app.dpr || app.state.embed.dark != app.dark) {
    if (dpr != app.dpr) rebuild_fonts(dpr);
    app.dpr = dpr;
    app.dark = app.state.embed.dark;
    openpick::shell::apply_style(1.0f, app.dark);
    app.activity = true;
  }
  const int fb_w = static_cast<int>(std::lround(css_w * dpr));
  const int fb_h = static_cast<int>(std::lround(css_h * dpr));
  const double now_ms = emscripten_get_now();
  if (app.activity || !app.input.empty() || !app.taps_down.empty() || !app.taps_up.empty() ||
      !app.state.actions.empty() || app.state.work.busy() || fb_w != app.fb_w || fb_h != app.fb_h ||
      io.WantTextInput) {
    app.last_activity_ms = now_ms;
    app.activity = false;
  } else if (app.announced_ready && now_ms - app.last_activity_ms > 1000.0) {
    app.last_time_ms = now_ms;
    return;  // still: nothing would change on screen
  }
  if (fb_w != app.fb_w || fb_h != app.fb_h) {
    app.fb_w = fb_w;
    app.fb_h = fb_h;
    emscripten_set_canvas_element_size(kCanvas, fb_w, fb_h);
  }
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale = ImVec2(css_w > 0 ? static_cast<float>(fb_w / css_w) : 1.0f,
                                      css_h > 0 ? static_cast<float>(fb_h / css_h) : 1.0f);
  const double now = emscripten_get_now();
  io.DeltaTime = app.last_time_ms > 0 ? static_cast<float>((now - app.last_time_ms) / 1000.0) : 1.0f / 60.0f;
  if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;
  app.last_time_ms = now;

  apply_input(app);
  for (int k : app.taps_up) io.KeysDown[k] = false;
  app.taps_up.clear();
  const bool ctrl_from_keyboard = io.KeyCtrl;
  if (!app.taps_down.empty()) {
    io.KeyCtrl = io.KeyCtrl || app.tap_ctrl;
    for (int k : app.taps_down) io.KeysDown[k] = true;
    app.taps_up.swap(app.taps_down);
  }

  const double t_start = emscripten_get_now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  app.items_drawing.clear();
  openpick::shell::draw_frame(app.state, app.platform);
  ImGui::Render();
  app.items_drawn.swap(app.items_drawing);
  const double t_built = emscripten_get_now();
  glViewport(0, 0, fb_w, fb_h);
  if (app.dark)
    glClearColor(0.11f, 0.12f, 0.14f, 1.0f);
  else
    glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  const double t_drawn = emscripten_get_now();

  io.KeyCtrl = ctrl_from_keyboard;
  app.tap_ctrl = false;

  // State changes happen between frames, never while widgets are being drawn; long work (a large
  // import, a plan) gets a few milliseconds of each frame, so the page never stops answering.
  openpick::shell::apply_actions(app.state, app.platform, work_budget_ms(1000.0 * io.DeltaTime));
  app.stats.add(t_built - t_start, t_drawn - t_built, emscripten_get_now() - t_drawn);

  // Move keyboard focus to the hidden text field while a text widget is active (on-screen
  // keyboards open for it), back to the canvas when it is not.
  if (io.WantTextInput != app.wanted_text_input) {
    app.wanted_text_input = io.WantTextInput;
    EM_ASM(openpickPage.textInputWanted($0), app.wanted_text_input ? 1 : 0);
  }

  // A new plan: the page mirrors it into its off-screen results table for screen readers.
  if (app.state.plan_revision != app.announced_plan_revision) {
    app.announced_plan_revision = app.state.plan_revision;
    EM_ASM(openpickPage.planChanged());
  }

  if (!app.announced_ready) {
    app.announced_ready = true;
    EM_ASM(openpickPage.appReady());
  }
}

}  // namespace

// --- functions the page calls --------------------------------------------------------------------

extern "C" {

// The app state as JSON for window.openpick.getState(); valid until the next call.
// Frames drawn since the last call, and their mean time per part (ms): building the interface,
// handing it to WebGL, the work between frames; the slowest frame. Resets the counts.
EMSCRIPTEN_KEEPALIVE const char* openpick_frame_stats_json() {
  if (!g_app) return "{}";
  App::FrameStats& f = g_app->stats;
  const double n = f.frames > 0 ? f.frames : 1;
  g_app->stats_json = nlohmann::json{{"frames", f.frames}, {"ui_ms", f.ui_ms / n}, {"gl_ms", f.gl_ms / n},
                                     {"work_ms", f.work_ms / n}, {"worst_ms", f.worst_ms},
                                     {"worst_ui_gl_work_ms", f.worst_parts}}.dump();
  f = App::FrameStats{};
  return g_app->stats_json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* openpick_state_json() {
  if (!g_app) return "{}";
  g_app->state_json = openpick::shell::state_to_json(g_app->state);
  return g_app->state_json.c_str();
}

// Room for the bytes of a file the page is about to hand over (openpick_file_opened,
// openpick_load_file): the page writes them here, and the app takes the buffer over without a copy
// (a 50 MB file is in wasm memory once, not twice).
EMSCRIPTEN_KEEPALIVE char* openpick_file_buffer(int len) {
  if (!g_app || len < 0) return nullptr;
  g_app->incoming_file.assign(static_cast<std::size_t>(len), '\0');
  return g_app->incoming_file.data();
}

// A file the user picked (request_id from Platform::open_file) has been read.
EMSCRIPTEN_KEEPALIVE void openpick_file_opened(int request_id, const char* name) {
  if (!g_app) return;
  g_app->platform.deliver_file(request_id, name, std::move(g_app->incoming_file));
  g_app->incoming_file = std::string();
}

// A file dropped on the page, or the default dataset the page fetched from its own origin: its
// bytes are in the buffer of openpick_file_buffer.
EMSCRIPTEN_KEEPALIVE void openpick_load_file(const char* name, int is_sample) {
  if (!g_app) return;
  g_app->state.actions.emplace_back(openpick::shell::LoadFile{name, std::move(g_app->incoming_file), is_sample != 0});
  g_app->incoming_file = std::string();
}

// 1 while a program list is being read or a plan made (in steps, between frames), else 0.
EMSCRIPTEN_KEEPALIVE int openpick_busy() { return g_app && g_app->state.work.busy() ? 1 : 0; }

// The page is framed by an adviser's site at this exact origin (checked by the page's script):
// shows the Share panel. Only the page's embed guest calls this.
EMSCRIPTEN_KEEPALIVE void openpick_set_embedded(const char* host_origin) {
  if (g_app) g_app->state.actions.emplace_back(openpick::shell::SetEmbedHost{host_origin});
}

// Light (0) or dark (1) interface, as the embedding host asked.
EMSCRIPTEN_KEEPALIVE void openpick_set_theme(int dark) {
  if (g_app) g_app->state.actions.emplace_back(openpick::shell::SetTheme{dark != 0});
}

// The labelled widgets of the last frame: [{"label", "x", "y", "w", "h"}] in CSS px from the
// canvas's top-left corner. The first call turns recording on; positions follow from the next
// frame. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* openpick_items_json() {
  if (!g_app) return "[]";
  if (!GImGui->TestEngineHookItems) g_app->activity = true;  // an idle app draws once to record them
  GImGui->TestEngineHookItems = true;
  openpick_set_item_handler(&record_item);
  nlohmann::json j = nlohmann::json::array();
  for (const auto& it : g_app->items_drawn)
    j.push_back({{"label", it.label}, {"x", it.x0}, {"y", it.y0}, {"w", it.x1 - it.x0}, {"h", it.y1 - it.y0}});
  g_app->items_json = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return g_app->items_json.c_str();
}

// Text typed into the hidden text field (keyboard, IME, on-screen keyboard, dead keys).
EMSCRIPTEN_KEEPALIVE void openpick_text_input(const char* utf8) {
  if (!g_app) return;
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  g_app->activity = true;
}

// Whether a text widget is active: the page asks this inside a tap, where browsers allow focus()
// to open the on-screen keyboard.
EMSCRIPTEN_KEEPALIVE int openpick_wants_text_input() { return g_app && ImGui::GetIO().WantTextInput ? 1 : 0; }

// A paste event's text: becomes the clipboard, then Ctrl+V is pressed for one frame.
EMSCRIPTEN_KEEPALIVE void openpick_paste(const char* utf8) {
  if (!g_app) return;
  g_app->clipboard = utf8;
  g_app->taps_down.push_back(ImGuiKey_V);
  g_app->tap_ctrl = true;
}

// A key pressed by the page (e.g. an on-screen keyboard's delete, which sends no usable keydown).
// `code` is a DOM KeyboardEvent.code such as "Backspace".
EMSCRIPTEN_KEEPALIVE void openpick_key_tap(const char* code) {
  const int k = key_index(code);
  if (g_app && k >= 0) g_app->taps_down.push_back(k);
}

}  // extern "C"

int main() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.antialias = false;
  // The app stops drawing while still (see App::last_activity_ms): keep the last frame readable
  // (screenshots, canvas readback) instead of a cleared buffer.
  attrs.preserveDrawingBuffer = true;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(kCanvas, &attrs);
  if (ctx <= 0) {
    EM_ASM(openpickPage.fatal("This browser could not start WebGL2, which OpenPick needs to draw."));
    return 1;
  }
  emscripten_webgl_make_context_current(ctx);

  static App app;
  g_app = &app;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // settings go through Platform storage, not a file
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "openpick_web";
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
  ImGui_ImplOpenGL3_Init(kGlslVersion);

  emscripten_set_mousedown_callback(kCanvas, &app, true, on_mouse);
  emscripten_set_mouseup_callback(kCanvas, &app, true, on_mouse);
  emscripten_set_mousemove_callback(kCanvas, &app, true, on_mouse);
  emscripten_set_mouseleave_callback(kCanvas, nullptr, true, on_mouse_leave);
  emscripten_set_wheel_callback(kCanvas, nullptr, true, on_wheel);
  emscripten_set_keydown_callback(kCanvas, nullptr, true, on_key);
  emscripten_set_keyup_callback(kCanvas, nullptr, true, on_key);
  emscripten_set_blur_callback(kCanvas, nullptr, true, on_focus);
  emscripten_set_keydown_callback(kTextField, nullptr, true, on_key);
  emscripten_set_keyup_callback(kTextField, nullptr, true, on_key);
  emscripten_set_touchstart_callback(kCanvas, &app, true, on_touch);
  emscripten_set_touchmove_callback(kCanvas, &app, true, on_touch);
  emscripten_set_touchend_callback(kCanvas, &app, true, on_touch);
  emscripten_set_touchcancel_callback(kCanvas, &app, true, on_touch);
  emscripten_set_visibilitychange_callback(&app, true, on_visibility);
  emscripten_set_beforeunload_callback(&app, on_before_unload);
  emscripten_set_webglcontextlost_callback(kCanvas, &app, true, on_context_lost);
  emscripten_set_webglcontextrestored_callback(kCanvas, &app, true, on_context_restored);
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.ClipboardUserData = &app;
  io.ImeSetInputScreenPosFn = set_ime_position;

  app.state.actions.emplace_back(openpick::shell::RestoreFromStorage{});
  emscripten_set_main_loop_arg(frame, &app, 0, true);
  return 0;
}
