// The browser entry point: WebGL2 context, input from html5.h callbacks bound to the canvas, the
// main loop, and the few functions the page's JS calls (state for window.openpick.getState(),
// files the user picked).
//
// Emscripten 3.1.6's built-in GLFW has no HiDPI support, listens for keys on the whole window
// (breaking text fields on an embedding page) and has no clipboard, so this file owns the canvas
// instead: the backing store is CSS size x devicePixelRatio, fonts are rasterized at that density,
// and keyboard events are taken only while the canvas has focus.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstring>
#include <string>

#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"
#include "platform_web.h"

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr float kFontSizeCss = 16.0f;
constexpr const char* kFontPath = "/fonts/NotoSans-Regular.ttf";

struct App {
  openpick::shell::AppState state;
  openpick::web::WebPlatform platform;
  double dpr = 0.0;
  int fb_w = 0, fb_h = 0;
  double last_time_ms = 0.0;
  bool announced_ready = false;
  std::string state_json;  // keeps the last getState() answer alive for JS to read
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

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
  if (e->button < 3) {
    // DOM buttons: 0 left, 1 middle, 2 right; Dear ImGui: 0 left, 1 right, 2 middle.
    const int b = e->button == 1 ? 2 : e->button == 2 ? 1 : 0;
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) io.MouseDown[b] = true;
    if (type == EMSCRIPTEN_EVENT_MOUSEUP) io.MouseDown[b] = false;
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
  return true;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = e->ctrlKey;
  io.KeyShift = e->shiftKey;
  io.KeyAlt = e->altKey;
  io.KeySuper = e->metaKey;
  const int k = key_index(e->code);
  if (k >= 0) io.KeysDown[k] = type == EMSCRIPTEN_EVENT_KEYDOWN;
  if (type == EMSCRIPTEN_EVENT_KEYDOWN && !e->ctrlKey && !e->metaKey && !e->altKey) {
    // One printable character in `key` ("a", "é", "Я"); named keys ("Enter") are longer words.
    const char* s = e->key;
    const size_t n = std::strlen(s);
    const unsigned char c0 = static_cast<unsigned char>(s[0]);
    const size_t utf8_len = c0 < 0x80 ? 1 : (c0 >> 5) == 6 ? 2 : (c0 >> 4) == 14 ? 3 : (c0 >> 3) == 30 ? 4 : 0;
    if (n > 0 && n == utf8_len) io.AddInputCharactersUTF8(s);
  }
  // Keep Tab, Backspace and arrows from moving the page while the canvas has focus.
  return k >= 0 || (type == EMSCRIPTEN_EVENT_KEYDOWN && std::strlen(e->key) == 1);
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  if (type == EMSCRIPTEN_EVENT_BLUR) {
    ImGuiIO& io = ImGui::GetIO();
    for (bool& down : io.KeysDown) down = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
  }
  return false;
}

// --- frame ---------------------------------------------------------------------------------------

void frame(void* arg) {
  App& app = *static_cast<App*>(arg);
  ImGuiIO& io = ImGui::GetIO();

  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  const double dpr = emscripten_get_device_pixel_ratio();
  if (dpr != app.dpr) {
    app.dpr = dpr;
    rebuild_fonts(dpr);
    openpick::shell::apply_style(1.0f);
  }
  const int fb_w = static_cast<int>(std::lround(css_w * dpr));
  const int fb_h = static_cast<int>(std::lround(css_h * dpr));
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

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  openpick::shell::draw_frame(app.state, app.platform);
  ImGui::Render();
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  // State changes happen between frames, never while widgets are being drawn.
  openpick::shell::apply_actions(app.state);

  if (!app.announced_ready) {
    app.announced_ready = true;
    EM_ASM(openpickPage.appReady());
  }
}

}  // namespace

// --- functions the page calls --------------------------------------------------------------------

extern "C" {

// The app state as JSON for window.openpick.getState(); valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* openpick_state_json() {
  if (!g_app) return "{}";
  g_app->state_json = openpick::shell::state_to_json(g_app->state);
  return g_app->state_json.c_str();
}

// A file the user picked (request_id from Platform::open_file) has been read.
EMSCRIPTEN_KEEPALIVE void openpick_file_opened(int request_id, const char* name, const char* bytes, int len) {
  if (!g_app) return;
  g_app->platform.deliver_file(request_id, name, std::string(bytes, static_cast<size_t>(len)));
}

}  // extern "C"

int main() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.antialias = false;
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
  ImGui_ImplOpenGL3_Init("#version 300 es");

  emscripten_set_mousedown_callback(kCanvas, nullptr, true, on_mouse);
  emscripten_set_mouseup_callback(kCanvas, nullptr, true, on_mouse);
  emscripten_set_mousemove_callback(kCanvas, nullptr, true, on_mouse);
  emscripten_set_mouseleave_callback(kCanvas, nullptr, true, on_mouse_leave);
  emscripten_set_wheel_callback(kCanvas, nullptr, true, on_wheel);
  emscripten_set_keydown_callback(kCanvas, nullptr, true, on_key);
  emscripten_set_keyup_callback(kCanvas, nullptr, true, on_key);
  emscripten_set_blur_callback(kCanvas, nullptr, true, on_focus);

  emscripten_set_main_loop_arg(frame, &app, 0, true);
  return 0;
}
