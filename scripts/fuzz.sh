#!/usr/bin/env bash
# Fuzzes the core for SECONDS per target (default 20): builds the libFuzzer targets of tests/fuzz
# (in the sanitizer build, preset "asan": clang, ASan, UBSan; after test.sh, already built), writes
# their seeds from the tests and the rules, runs each in turn and prints its executions. Fails on
# the first crash, leak, timeout or broken invariant, naming the input it kept. Corpora grow in build/asan/corpus/work/ from one run to the next.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
build=build/asan
targets=(assess logic rules)

cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null
node tests/fuzz/seeds.mjs "$build/corpus" >/dev/null
mkdir -p "$build/artifacts" "$build/logs"

for target in "${targets[@]}"; do
  work="$build/corpus/work/$target"
  log="$build/logs/$target.log"
  mkdir -p "$work"
  status=0
  # -timeout: one input taking 10 s is a finding (the evaluation budget should stop it sooner).
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -dict="$build/corpus/$target.dict" -artifact_prefix="$build/artifacts/$target-" \
    -print_final_stats=1 "$work" "$build/corpus/seeds/$target" >"$log" 2>&1 || status=$?
  executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  if [ "$status" -ne 0 ]; then
    echo "fuzz $target: FAILED after ${executions:-?} executions (log: $log)" >&2
    grep -E "invariant broken|ERROR: |SUMMARY|Test unit written" "$log" >&2 || tail -30 "$log" >&2
    exit 1
  fi
  echo "fuzz $target: $executions executions in $seconds s, 0 crashes (corpus: $(ls "$work" | wc -l) inputs)"
done
