// The functions the page's JS calls (Module._openpick_*): state for window.openpick.getState(),
// widget positions and frame times for tests, files the user picked or dropped, text, paste and
// key taps from the hidden field, the embed guest's host and theme. web/openpick-page.d.ts lists
// every one of them with its JS signature (tests/web/page_contract.test.mjs checks it does).
// Each only queues an action or reads state; none draws.
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiContext::TestEngineHookItems, for the widget positions

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "app_web.h"
#include "input_web.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/frame.h"

using openpick::web::App;
using openpick::web::g_app;
using openpick::web::key_index;

namespace {

void record_item(unsigned, const char* label, float x0, float y0, float x1, float y1) {
  if (g_app) g_app->items_drawing.push_back({label, x0, y0, x1, y1});
}

}  // namespace

extern "C" {

// Frames drawn since the last call, and their mean time per part (ms): building the interface,
// handing it to WebGL, the work between frames; the slowest frame. Resets the counts.
EMSCRIPTEN_KEEPALIVE const char* openpick_frame_stats_json() {
  if (!g_app) return "{}";
  App::FrameStats& f = g_app->stats;
  const double n = f.frames > 0 ? f.frames : 1;
  g_app->stats_json =
      nlohmann::json{{"frames", f.frames},       {"ui_ms", f.ui_ms / n},   {"gl_ms", f.gl_ms / n},
                     {"work_ms", f.work_ms / n}, {"worst_ms", f.worst_ms}, {"worst_ui_gl_work_ms", f.worst_parts}}
          .dump();
  f = App::FrameStats{};
  return g_app->stats_json.c_str();
}

// The app state as JSON for window.openpick.getState(); valid until the next call.
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
