#!/usr/bin/env bash
# Writes `openpick plan` outputs for every example profile in assets/profiles under several
# options into one folder, so a speed change can be checked to leave every plan byte for byte
# as it was:
#
#   tests/bench/plan_outputs.sh OLD/openpick /tmp/before
#   tests/bench/plan_outputs.sh build/native/cli/openpick /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# Options: the profile as it is, --min-preferred-share 0.5, --only-preferred-states,
# --max-applications 30, --budget 800, --fee-assistance, --no-whatif, CSV, and the profile without
# its budget (the match-value rule sets the length).
set -euo pipefail
cli=$1
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/assets/datasets/sample.json"
mkdir -p "$out"
variants=(
  "default|"
  "share50|--min-preferred-share 0.5"
  "only_preferred|--only-preferred-states"
  "max30|--max-applications 30"
  "budget800|--budget 800"
  "fee_assistance|--fee-assistance"
  "no_whatif|--no-whatif"
  "csv|--format csv"
)
for profile in "$root"/assets/profiles/*.json; do
  name=$(basename "$profile" .json)
  for v in "${variants[@]}"; do
    tag=${v%%|*}
    # shellcheck disable=SC2086
    "$cli" plan --profile "$profile" --programs "$data" ${v#*|} >"$out/$name.$tag.out" 2>"$out/$name.$tag.err" || true
  done
  # Without a budget: the match-value rule sets the list's length.
  nobudget="$out/$name.nobudget.profile.json"
  node -e 'const p=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));delete p.budget_usd;process.stdout.write(JSON.stringify(p))' \
    "$profile" >"$nobudget"
  for v in "default|" "share50|--min-preferred-share 0.5" "only_preferred|--only-preferred-states"; do
    tag=${v%%|*}
    # shellcheck disable=SC2086
    "$cli" plan --profile "$nobudget" --programs "$data" ${v#*|} >"$out/$name.nobudget.$tag.out" 2>"$out/$name.nobudget.$tag.err" || true
  done
done
ls "$out" | wc -l
