#!/usr/bin/env bash
# Installs what is needed, builds the page and serves it on http://127.0.0.1:8080/ (Ctrl+C stops).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
./build-wasm.sh
exec node scripts/serve.mjs --root dist --port "${PORT:-8080}"
