# Third-party code is installed by scripts/setup from Debian's packages, never copied into the repo.

# --- nlohmann_json -------------------------------------------------------------------------------
# Natively, Debian's CMake package. Under Emscripten its imported target would add
# `-isystem /usr/include`, which breaks the wasm sysroot (TOOLCHAIN.md, quirk 3): copy the headers
# into the build tree and point an INTERFACE target at the copy.
if(EMSCRIPTEN)
  set(_json_src /usr/include/nlohmann)
  if(NOT EXISTS ${_json_src}/json.hpp)
    message(FATAL_ERROR "nlohmann_json not found at ${_json_src}: run scripts/setup")
  endif()
  file(COPY ${_json_src} DESTINATION ${CMAKE_BINARY_DIR}/third_party/include)
  add_library(openpick_json INTERFACE)
  target_include_directories(openpick_json SYSTEM INTERFACE ${CMAKE_BINARY_DIR}/third_party/include)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(openpick_json INTERFACE)
  target_link_libraries(openpick_json INTERFACE nlohmann_json::nlohmann_json)
endif()

# --- Dear ImGui ----------------------------------------------------------------------------------
# scripts/setup unpacks Debian's `imgui` source package into .cache/; point IMGUI_DIR at your own
# checkout to use another copy.
file(GLOB _imgui_default LIST_DIRECTORIES true "${CMAKE_SOURCE_DIR}/.cache/imgui/imgui-*")
list(SORT _imgui_default)
list(GET _imgui_default -1 _imgui_default_dir)
set(IMGUI_DIR "${_imgui_default_dir}" CACHE PATH "Dear ImGui source folder (holds imgui.cpp)")

function(openpick_add_imgui)
  if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found (IMGUI_DIR='${IMGUI_DIR}'): run scripts/setup "
                        "or pass -DIMGUI_DIR=/path/to/imgui")
  endif()
  add_library(imgui STATIC
    ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp
    ${CMAKE_SOURCE_DIR}/shell/src/imgui_config.cpp)
  target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
  target_include_directories(imgui PUBLIC ${CMAKE_SOURCE_DIR}/shell/include)
  # Our config: 32-bit indices (big tables exceed 64K vertices; WebGL cannot offset vertices) and
  # IM_ASSERT routed to a handler the tests turn into failures.
  target_compile_definitions(imgui PUBLIC IMGUI_USER_CONFIG="openpick/shell/imgui_config.h")
endfunction()
