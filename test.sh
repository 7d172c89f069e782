#!/usr/bin/env bash
# Runs every test: formatting; the native suite (unit, scenarios, walk, CLI, JsonLogic conformance
# and differential, rule schemas); the same suite under ASan and UBSan; the fuzz targets for 15 s
# each; the same Catch2 suite compiled to WebAssembly under Node; then the built page: native/wasm
# parity over every path, hostile input to the module, and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's acorn
jobs="$(nproc)"

echo "== formatting (clang-format)"
scripts/check-format.sh

for preset in dev asan wasm; do
  echo "== $preset build and tests"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$jobs"
  ctest --preset "$preset" -j"$jobs"
  if [ "$preset" = asan ]; then
    # About two minutes with the build: 15 s a target (scripts/fuzz.sh 600 for a long run).
    echo "== fuzzing: requests, JsonLogic, rule loading (libFuzzer, ASan, UBSan), 15 s each"
    scripts/fuzz.sh 15
  fi
done

echo "== exhaustive walk of the questionnaire"
build/dev/src/cli/pdp-assess paths --date 2026-11-23 >/dev/null

echo "== the page: build, native/wasm parity, browser tests"
./build-wasm.sh >/dev/null
node --test tests/wasm/ tests/browser/
