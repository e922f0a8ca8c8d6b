#!/usr/bin/env bash
# Replays the seeds and regressions of one libFuzzer target, then fuzzes it for a bounded time.
# Fails on any crash, sanitizer report, timeout or out-of-memory (libFuzzer's exit status).
#
#   tests/fuzz/run_fuzz.sh FUZZ_BUILD_DIR TARGET SECONDS [WORK_DIR]
#   TARGET: profile_json | dataset_json | programs_csv | plan | workspace_json
#
# Seeds: tests/data/{good,bad} files of the target's kind, assets/ examples, tests/fuzz/seeds/TARGET;
# regressions: tests/fuzz/regressions/TARGET-* (every crash ever found, replayed whole). A crash
# leaves its input in WORK_DIR as crash-<sha1>: copy it to tests/fuzz/regressions/TARGET-<what>.
set -euo pipefail
build=$1 target=$2 seconds=$3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${4:-$build/fuzz-work/$target}
bin=$build/tests/fuzz/fuzz_$target
if [ ! -x "$bin" ]; then
  # Skipped (77) on a developer's partial build; FAILED under `make test` and CI, which always
  # build it first (tests/run_or_require.sh).
  exec "$here/../run_or_require.sh" "fuzz_$target" "$bin" "run make test-robust (or make fuzz)"
fi

rm -rf "$work" && mkdir -p "$work/seeds" "$work/corpus"
shopt -s nullglob
case $target in
  profile_json) seeds=("$root"/tests/data/bad/profile_*.json "$root"/tests/data/good/profile_*.json
                       "$root"/assets/profiles/*.json); max_len=4096 ;;
  dataset_json) seeds=("$root"/tests/data/bad/dataset_*.json "$root"/tests/data/good/dataset_*.json); max_len=32768 ;;
  programs_csv) seeds=("$root"/tests/data/bad/programs_*.csv "$root"/tests/data/good/*.csv
                       "$root"/assets/templates/*.csv); max_len=16384 ;;
  plan)         seeds=(); max_len=32768 ;;
  workspace_json) seeds=("$root"/tests/data/bad/workspace_*.json "$root"/assets/workspaces/*.json); max_len=16384 ;;
  *) echo "run_fuzz: unknown target $target" >&2; exit 2 ;;
esac
seeds+=("$here"/seeds/"$target"/*)
regressions=("$here"/regressions/"$target"-*)
cp "${seeds[@]}" "$work/seeds/"

common=(-dict="$here/openpick.dict" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/")
echo "run_fuzz: $target: replaying ${#seeds[@]} seeds and ${#regressions[@]} regressions"
"$bin" "${common[@]}" "${seeds[@]}" "${regressions[@]}" >"$work/replay.log" 2>&1 || {
  tail -n 60 "$work/replay.log"; echo "run_fuzz: $target: replay FAILED" >&2; exit 1; }

echo "run_fuzz: $target: fuzzing for ${seconds}s"
status=0
"$bin" "${common[@]}" -max_len=$max_len -max_total_time="$seconds" -print_final_stats=1 \
  "$work/corpus" "$work/seeds" >"$work/fuzz.log" 2>&1 || status=$?
grep -E '^#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' \
  "$work/fuzz.log" || true
if [ $status -ne 0 ]; then
  tail -n 80 "$work/fuzz.log"
  echo "run_fuzz: $target: FAILED (exit $status); inputs: $(ls "$work" | grep -E '^(crash|timeout|oom|leak|slow-unit)-' | tr '\n' ' ')" >&2
  exit 1
fi
# A fuzz step that executed nothing did not run: fail rather than report ok.
units=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$work/fuzz.log" | tail -n 1)
if [ -z "$units" ] || [ "$units" -eq 0 ]; then
  tail -n 40 "$work/fuzz.log"
  echo "run_fuzz: $target: FAILED: the fuzzing step executed no inputs" >&2
  exit 1
fi
echo "run_fuzz: $target: ok ($units inputs)"
