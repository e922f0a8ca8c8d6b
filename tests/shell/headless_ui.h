// Driving the headless interface as a person does: find a widget by its label in the positions
// Dear ImGui's item hooks report (the same hooks behind the page's window.openpick.items()), then
// press the mouse there, type characters, press Enter; and read the text a frame drew (Dear
// ImGui's log, into a buffer). Each frame draws one panel in a window covering the display and
// applies the actions after it, as the browser's loop does.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <map>
#include <string>

#include "openpick/shell/app_state.h"
#include "openpick/shell/imgui_config.h"
#include "openpick/shell/platform.h"

namespace openpick::testing {

class HeadlessUi {
 public:
  using Draw = std::function<void(shell::AppState&, shell::Platform&)>;

  // `own_window`: the draw function is a panel, drawn in a window covering the display; false for
  // one that makes its own windows (draw_frame).
  HeadlessUi(shell::AppState& state, shell::Platform& platform, Draw draw, ImVec2 display = ImVec2(1280, 4000),
             bool own_window = true)
      : state_(state), platform_(platform), draw_(std::move(draw)), own_window_(own_window) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    io.KeyMap[ImGuiKey_End] = kEnd;
    io.KeyMap[ImGuiKey_Tab] = kTab;
    current() = this;
    openpick_set_item_handler(&record_item);
    GImGui->TestEngineHookItems = true;
  }
  ~HeadlessUi() {
    openpick_set_item_handler(nullptr);
    GImGui->TestEngineHookItems = false;
    current() = nullptr;
  }
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // One frame: the panel drawn (its text logged), then the actions applied.
  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    items_.clear();
    ImGui::NewFrame();
    if (own_window_) {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(io.DisplaySize);
      ImGui::Begin("headless ui", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    }
    ImGui::LogToBuffer(0);  // 0: no tree node opened for the log's sake
    draw_(state_, platform_);
    text_.assign(GImGui->LogBuffer.c_str());
    ImGui::LogFinish();
    GImGui->LogBuffer.clear();
    if (own_window_) ImGui::End();
    ImGui::Render();
    shell::apply_actions(state_, platform_);
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  bool has(const std::string& label) const { return items_.count(label) > 0; }
  ImRect rect(const std::string& label) const {
    const auto it = items_.find(label);
    return it == items_.end() ? ImRect() : it->second;
  }
  // A press and release of the mouse at the widget's centre (false: no widget by that label). A
  // frame first: a popup opened by the last press takes its place in its second frame.
  bool click(const std::string& label) {
    frame();
    if (!has(label)) return false;
    press_at(rect(label).GetCenter());
    return true;
  }
  // A press where no widget is (it takes the keyboard from a field, as a click elsewhere does).
  void click_away() { press_at(ImVec2(ImGui::GetIO().DisplaySize.x - 2.0f, ImGui::GetIO().DisplaySize.y - 2.0f)); }
  void type(const std::string& text) {
    for (char c : text) {
      ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
      frame();
    }
  }
  void key(int index, int times = 1) {
    for (int i = 0; i < times; ++i) {
      ImGui::GetIO().KeysDown[index] = true;
      frame();
      ImGui::GetIO().KeysDown[index] = false;
      frame();
    }
  }
  // Clicks a text field, empties it (End, then Backspace over `clear` characters) and types.
  bool type_into(const std::string& label, const std::string& text, int clear = 0) {
    if (!click(label)) return false;
    if (clear > 0) {
      key(kEnd);
      key(kBackspace, clear);
    }
    type(text);
    return true;
  }
  // The text the last frame drew, as Dear ImGui's log has it (what is on screen, line by line), up
  // to the first popup or tooltip it closed (Dear ImGui stops logging at a window's End), and only
  // in the window of a panel drawn here (own_window).
  const std::string& text() const { return text_; }
  bool shows(const std::string& part) const { return text_.find(part) != std::string::npos; }

  static constexpr int kEnter = 13, kBackspace = 8, kEnd = 35, kTab = 9;

 private:
  void press_at(ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    frame();  // hovered first, as a real pointer is
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
  }
  static HeadlessUi*& current() {
    static HeadlessUi* ui = nullptr;
    return ui;
  }
  static void record_item(unsigned, const char* label, float x0, float y0, float x1, float y1) {
    if (current()) current()->items_[label] = ImRect(x0, y0, x1, y1);
  }

  shell::AppState& state_;
  shell::Platform& platform_;
  Draw draw_;
  bool own_window_ = true;
  std::map<std::string, ImRect> items_;  // the last frame's widgets, by label
  std::string text_;
};

}  // namespace openpick::testing
