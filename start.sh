#!/usr/bin/env bash
# Installs what is needed, builds, checks the rules and runs the tool on an example request.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
build/dev/src/cli/pdp-assess validate
echo "An employee on sick leave who fears she cannot go back (docs/example-request.json):"
build/dev/src/cli/pdp-assess assess docs/example-request.json
