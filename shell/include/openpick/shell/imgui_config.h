// Dear ImGui user config (IMGUI_USER_CONFIG) for every build of OpenPick.
#pragma once

// Big tables exceed 64K vertices, and WebGL cannot offset vertices: 32-bit indices.
#define ImDrawIdx unsigned int

// IM_ASSERT goes through a handler instead of assert(): the app logs and goes on (an assert in
// the browser must not kill the page), the tests install a handler that fails the test.
using OpenPickImGuiAssertHandler = void (*)(const char* expr, const char* file, int line);
void openpick_imgui_assert_failed(const char* expr, const char* file, int line);
OpenPickImGuiAssertHandler openpick_set_imgui_assert_handler(OpenPickImGuiAssertHandler handler);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : openpick_imgui_assert_failed(#_EXPR, __FILE__, __LINE__))

// Where each widget is, for browser tests that click as a person would (STYLE.md 17): Dear
// ImGui's own item hooks (the ones its test engine uses; no test engine is linked) report every
// labelled item's rectangle to a handler the web build installs. Off (one branch per item) unless
// ImGuiContext::TestEngineHookItems is set.
#define IMGUI_ENABLE_TEST_ENGINE
using OpenPickItemHandler = void (*)(unsigned id, const char* label, float x0, float y0, float x1, float y1);
void openpick_set_item_handler(OpenPickItemHandler handler);
