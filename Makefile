# The two commands a newcomer needs:
#   make serve   build the browser app and serve it on http://127.0.0.1:$(PORT)/
#   make test    build native and wasm, run every suite; the last lines are ctest's summary
PORT ?= 8080
export NODE_PATH := /usr/share/nodejs

.PHONY: serve test setup native web asan test-asan bench clean fuzz robust test-robust refit mutants format-check format

setup:
	@scripts/setup

native: setup
	@cmake --preset native >/dev/null
	@cmake --build --preset native

web: setup
	@cmake --preset web >/dev/null
	@cmake --build --preset web

serve: web
	@node scripts/serve.mjs build/web/site $(PORT)

# OPENPICK_REQUIRE_SUITES=1: a suite whose build is missing fails instead of reporting "skipped"
# (tests/run_or_require.sh; CI=true does the same).
test: format-check native web robust
	@OPENPICK_REQUIRE_SUITES=1 ctest --preset native

# Every C++ file as .clang-format lays it out (clang-format-14); `make format` formats them in place.
format-check: setup
	@scripts/format-check

format:
	@scripts/format-check --fix

asan: setup
	@cmake --preset native-asan >/dev/null
	@cmake --build --preset native-asan

test-asan: asan
	@ctest --preset native-asan

# --- robustness -----------------------------------------------------------------------------------
# `robust` only builds (native-asan, and the libFuzzer targets with clang-14); the native ctest runs
# them as the tests asan_suites and fuzz_* (tests/CMakeLists.txt), so `make test` covers them.
fuzz: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz

robust: asan fuzz

test-robust: native robust
	@OPENPICK_REQUIRE_SUITES=1 ctest --preset native -R '^(asan_suites|fuzz_)'
# --- end robustness -------------------------------------------------------------------------------

# Native and wasm benchmarks in their own build folders (build/bench, build/bench-web); writes the
# tables into docs/BENCHMARKS.md. Not part of `make test`.
bench: setup web
	@scripts/bench

# Re-fit the model's constants to the published figures in assets/model/targets.json; writes
# assets/model/fitted.json (compiled into core at the next build). A few minutes. See docs/MODEL.md.
refit: native
	@build/native/cli/openpick calibrate --write assets/model/fitted.json
	@cmake --build --preset native >/dev/null
	@echo "refit: assets/model/fitted.json written; run make test (test_calibration checks the targets)"

# Mutation check: each small deliberate bug of scripts/mutants.txt, one at a time, in a
# copy of the source tree with its own build (build/mutants); the core and command-line suites
# must catch every one. Prints "N mutants, N caught". Takes minutes: not part of `make test`.
mutants: setup
	@scripts/mutants

clean:
	rm -rf build
