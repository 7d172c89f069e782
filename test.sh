#!/usr/bin/env bash
# Runs every test. What runs where:
# - native, preset dev: the Catch2 suite (unit, scenarios, walk, rules document) and the Node tests
#   of tests/js that drive the command line (JsonLogic conformance and differential, rule schemas);
# - the same under ASan and UBSan (preset asan), then the fuzz targets for 15 s each;
# - the page as build-wasm.sh writes it to dist/, under Node (tests/wasm): the shipped
#   pdp-core.wasm through engine.js: every persona of tests/scenarios, byte-for-byte parity
#   with the native core over every path, hostile input; then in headless Chromium (tests/browser).
# The core is compiled to WebAssembly once, as the page ships it: no separate wasm test build.
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

for preset in dev asan; do
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

part "the shipped module under Node: personas, native/wasm parity, hostile input (tests/wasm)"
node --test tests/wasm/

part "the page in headless Chromium (tests/browser)"
node --test tests/browser/
