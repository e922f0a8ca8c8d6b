// The browser entry point: the WebGL2 context, the canvas's size and density, fonts, a lost and
// restored context, and the main loop (one frame: input, draw, render, then the work between
// frames). The input layer is input_web.h; the functions the page calls are page_api.cpp.
//
// Emscripten 3.1.6's built-in GLFW has no HiDPI support, listens for keys on the whole window
// (breaking text fields on an embedding page) and has no clipboard, so the app owns the canvas
// instead: the backing store is CSS size x devicePixelRatio, fonts are rasterized at that density,
// and keyboard events are taken only while the canvas has focus (input_web.h).
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

#include "app_web.h"
#include "input_web.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"

namespace openpick::web {
App* g_app = nullptr;
}  // namespace openpick::web

using namespace openpick::web;

namespace {

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

// Glyphs beyond Latin-1: names in Latin Extended, Greek and Cyrillic, and the typographic
// punctuation and arrows the interface uses.
const ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x205E, 0x20AC,
                                0x20AC, 0x2190, 0x21FF, 0x2212, 0x2264, 0x25A0, 0x25FF, 0};

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

// --- the page hidden or closed -------------------------------------------------------------------
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

// --- a lost WebGL context ------------------------------------------------------------------------
// Every GL object (shaders, buffers, the font texture) goes with the context. Returning true
// cancels the event's default, which is what lets the browser restore the context later.
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
      !app.state.actions.empty() || app.state.work.busy() || fb_w != app.fb_w || fb_h != app.fb_h || io.WantTextInput) {
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
  io.DisplayFramebufferScale =
      ImVec2(css_w > 0 ? static_cast<float>(fb_w / css_w) : 1.0f, css_h > 0 ? static_cast<float>(fb_h / css_h) : 1.0f);
  const double now = emscripten_get_now();
  io.DeltaTime = app.last_time_ms > 0 ? static_cast<float>((now - app.last_time_ms) / 1000.0) : 1.0f / 60.0f;
  if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;
  app.last_time_ms = now;

  input_new_frame(app);

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

  input_end_frame(app);

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
  ImGui_ImplOpenGL3_Init(kGlslVersion);

  input_install(app);
  emscripten_set_visibilitychange_callback(&app, true, on_visibility);
  emscripten_set_beforeunload_callback(&app, on_before_unload);
  emscripten_set_webglcontextlost_callback(kCanvas, &app, true, on_context_lost);
  emscripten_set_webglcontextrestored_callback(kCanvas, &app, true, on_context_restored);

  app.state.actions.emplace_back(openpick::shell::RestoreFromStorage{});
  emscripten_set_main_loop_arg(frame, &app, 0, true);
  return 0;
}
