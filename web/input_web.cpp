// The browser input layer (input_web.h): html5.h callbacks into a queue, handed to Dear ImGui one
// transition per frame.
#include "input_web.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cfloat>
#include <cstring>
#include <vector>

namespace openpick::web {

int key_index(const char* code) {
  static const struct {
    const char* code;
    ImGuiKey key;
  } kMap[] = {{"Tab", ImGuiKey_Tab},
              {"ArrowLeft", ImGuiKey_LeftArrow},
              {"ArrowRight", ImGuiKey_RightArrow},
              {"ArrowUp", ImGuiKey_UpArrow},
              {"ArrowDown", ImGuiKey_DownArrow},
              {"PageUp", ImGuiKey_PageUp},
              {"PageDown", ImGuiKey_PageDown},
              {"Home", ImGuiKey_Home},
              {"End", ImGuiKey_End},
              {"Insert", ImGuiKey_Insert},
              {"Delete", ImGuiKey_Delete},
              {"Backspace", ImGuiKey_Backspace},
              {"Space", ImGuiKey_Space},
              {"Enter", ImGuiKey_Enter},
              {"Escape", ImGuiKey_Escape},
              {"NumpadEnter", ImGuiKey_KeyPadEnter},
              {"KeyA", ImGuiKey_A},
              {"KeyC", ImGuiKey_C},
              {"KeyV", ImGuiKey_V},
              {"KeyX", ImGuiKey_X},
              {"KeyY", ImGuiKey_Y},
              {"KeyZ", ImGuiKey_Z}};
  for (const auto& m : kMap)
    if (std::strcmp(code, m.code) == 0) return m.key;
  return -1;
}

namespace {

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
      const bool mods_differ =
          io.KeyCtrl != e.ctrl || io.KeyShift != e.shift || io.KeyAlt != e.alt || io.KeySuper != e.super;
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

}  // namespace

void input_install(App& app) {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "openpick_web";
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
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
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.ClipboardUserData = &app;
  io.ImeSetInputScreenPosFn = set_ime_position;
}

void input_new_frame(App& app) {
  ImGuiIO& io = ImGui::GetIO();
  apply_input(app);
  for (int k : app.taps_up) io.KeysDown[k] = false;
  app.taps_up.clear();
  app.ctrl_from_keyboard = io.KeyCtrl;
  if (!app.taps_down.empty()) {
    io.KeyCtrl = io.KeyCtrl || app.tap_ctrl;
    for (int k : app.taps_down) io.KeysDown[k] = true;
    app.taps_up.swap(app.taps_down);
  }
}

void input_end_frame(App& app) {
  ImGui::GetIO().KeyCtrl = app.ctrl_from_keyboard;
  app.tap_ctrl = false;
}

}  // namespace openpick::web
