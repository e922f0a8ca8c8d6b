#!/usr/bin/env bash
# Runs the native-asan build's ctest (core, shell and command-line suites under AddressSanitizer
# and UndefinedBehaviorSanitizer; that build has no web build, so no wasm or browser tests).
# Registered as the ctest test `asan_suites` of the native build. The asan build
# missing: exit 77 = skipped on a developer's partial build, but FAILED under `make test` and CI,
# which always build it first (tests/run_or_require.sh).
set -euo pipefail
dir=$1
if [ ! -f "$dir/CTestTestfile.cmake" ]; then
  exec "$(dirname "$0")/../run_or_require.sh" asan_suites "$dir/CTestTestfile.cmake" "run make test-robust (or make asan)"
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "${OPENPICK_ASAN_JOBS:-1}"
