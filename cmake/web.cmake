# Emscripten settings shared by every wasm target. The exception flag must be on every object and
# on every link (TOOLCHAIN.md, quirk 7: without it a C++ throw aborts the whole module); the
# app's own link flags live in web/CMakeLists.txt, the test runners' in tests/CMakeLists.txt.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1)
# Runs emitted JS under Node (wasm test suites, the wasm command line and benchmarks).
set(OPENPICK_NODE_FLAGS -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1)
