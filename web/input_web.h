// dear imgui: platform input for OpenPick in the browser, on Emscripten's html5.h callbacks bound
// to the canvas and the page's hidden text field (Emscripten 3.1.6's built-in GLFW is not used for
// input: see the workarounds below). Rendering is Dear ImGui's own imgui_impl_opengl3 (WebGL2).
//
// Implemented features:
//  [X] Mouse: position, buttons (DOM order mapped to Dear ImGui's), wheel in pixels, lines or pages.
//  [X] Touch: one finger; a tap is a click, a drag of more than 8 px scrolls.
//  [X] Keyboard: the named keys and the Ctrl/Cmd shortcuts (A, C, V, X, Y, Z), with the modifiers
//      held when each key went down; released on blur.
//  [X] Text: from the hidden <input id="openpick-text"> (IME compositions, dead keys, on-screen
//      keyboards), never from keydown; the field follows the text cursor for the IME window.
//  [X] Clipboard: copy through Platform::set_clipboard; paste from the browser's paste event.
//  [X] Keys the page presses (openpick_key_tap, openpick_paste): down one frame, up the next.
//  [ ] Gamepads, mouse cursor shapes, more than one touch.
//
// Browser workarounds it carries:
//  - 3.1.6's GLFW listens for keys on the whole window, swallowing Backspace and Tab on an
//    embedding page: keys are taken only from the canvas and the hidden field, and only named
//    keys and shortcuts are taken (a plain letter's keydown must stay, or its input event, which
//    carries the text, is cancelled).
//  - Ctrl/Cmd+V is left to the browser: its paste event is the only way to read the clipboard
//    without a permission prompt (the page then calls openpick_paste).
//  - A click or tap whose down and up both arrive between two frames would be lost (Dear ImGui
//    1.86 reads button and key state once per frame): events are queued and handed over one
//    transition per button or key per frame, a press where the pointer just arrived a frame late
//    (1.86 lets a tab take a press only if it was hovered the frame before).
//  - On-screen keyboards send no usable keydown for delete: the page taps Backspace instead.
//
//   input_install(app);            // once, after ImGui::CreateContext
//   input_new_frame(app);          // each frame, before ImGui::NewFrame
//   ... NewFrame, draw, Render ...
//   input_end_frame(app);          // after the frame is drawn
#pragma once

#include "app_web.h"

namespace openpick::web {

// Binds the input callbacks to the canvas and the hidden text field, and the clipboard and IME
// hooks to Dear ImGui's io.
void input_install(App& app);
// Hands queued input and the page's key taps to Dear ImGui for this frame.
void input_new_frame(App& app);
// Lets go of the Ctrl a paste's tap held for the frame.
void input_end_frame(App& app);

// The Dear ImGui key of a DOM KeyboardEvent.code ("Backspace"), or -1 for a key the app ignores.
int key_index(const char* code);

}  // namespace openpick::web
