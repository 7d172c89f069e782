#!/usr/bin/env bash
# The performance report in one command, from a fresh clone: installs what is missing, builds the
# page (dist/), the native benchmark and the bench-only wasm module, then prints the tables (bench/run.mjs; docs/performance.md
# explains them). Options go to bench/run.mjs: --loads N (page loads per case, default 21),
# --count N (answer sets, default 100000), --json FILE (the figures as JSON too).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's acorn
echo "building the page and the native benchmark…" >&2
./build-wasm.sh >/dev/null
cmake --build --preset dev --target pdp_bench -j"$(nproc)" >/dev/null
# The bench-only module of bench/logic-bench.mjs (the wasm preset is configured by build-wasm.sh).
cmake --build --preset wasm --target pdp-logic-bench -j"$(nproc)" >/dev/null
exec node bench/run.mjs "$@"
