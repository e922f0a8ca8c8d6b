# Fuzzing build (issue 8): every object instrumented for libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer; the targets in tests/fuzz/ add -fsanitize=fuzzer at link time.
# Only clang has libFuzzer: the `fuzz` preset picks clang-14.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "OPENPICK_FUZZ needs clang (libFuzzer); use the `fuzz` preset (clang++-14)")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                    -fno-omit-frame-pointer -gline-tables-only)
add_link_options(-fsanitize=address,undefined)
