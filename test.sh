#!/usr/bin/env bash
# Runs every test: formatting, the native suite (unit, scenarios, walk, CLI, JsonLogic conformance
# and differential, rule schemas), then the whole suite again under ASan and UBSan.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
jobs="$(nproc)"

echo "== formatting (clang-format)"
scripts/check-format.sh

for preset in dev asan; do
  echo "== $preset build and tests"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$jobs"
  ctest --preset "$preset" -j"$jobs"
done

echo "== exhaustive walk of the questionnaire"
build/dev/src/cli/pdp-assess paths --date 2026-11-23 >/dev/null
