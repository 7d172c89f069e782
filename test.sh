#!/usr/bin/env bash
# Runs every test: formatting; the native suite (unit, scenarios, walk, CLI, JsonLogic conformance
# and differential, rule schemas, the generated rules document); the same suite under ASan and
# UBSan; the fuzz targets for 15 s each; the same Catch2 suite compiled to WebAssembly under Node;
# then the built page: native/wasm parity over every path, hostile input to the module, and the
# browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"

# Each part says how long it took, so that a slow CI run shows where its time went.
part_name="" part_start=0
part() {
  [ -n "$part_name" ] && echo "   ($part_name: $((SECONDS - part_start)) s)"
  part_name="$1" part_start=$SECONDS
  [ -n "$1" ] && echo "== $1"
  return 0
}
trap 'status=$?; part ""; echo "   (all: $SECONDS s, exit $status)"' EXIT

part "installing what is missing"
scripts/install-deps.sh
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's acorn
jobs="$(nproc)"

part "formatting (clang-format)"
scripts/check-format.sh

for preset in dev asan wasm; do
  part "$preset build and tests"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$jobs"
  ctest --preset "$preset" -j"$jobs"
  if [ "$preset" = asan ]; then
    # About two minutes with the build: 15 s a target (scripts/fuzz.sh 600 for a long run).
    part "fuzzing: requests, JsonLogic, rule loading (libFuzzer, ASan, UBSan), 15 s each"
    scripts/fuzz.sh 15
  fi
done

part "exhaustive walk of the questionnaire"
build/dev/src/cli/pdp-assess paths --date 2026-11-23 >/dev/null

part "the page: build"
./build-wasm.sh >/dev/null

part "the page: native/wasm parity, browser tests"
node --test tests/wasm/ tests/browser/
