#!/usr/bin/env bash
# Builds the page into dist/: the rules validated and bundled (a broken rule file fails the build
# with its JSON path), the core compiled to WebAssembly (CMake preset "wasm"), web/, and the
# rules' documentation page (regles.html).
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's acorn
jobs="$(nproc)"
out="${PDP_DIST_DIR:-dist}"  # another folder for a second build beside dist/ (tests, bench)
rules="${PDP_RULES_DIR:-rules}"  # another rules folder (tests of a broken locale)

cmake --preset dev >/dev/null
cmake --build --preset dev --target pdp-assess -j"$jobs"

# The rules first: a broken file or an incomplete locale stops the build before the long compile.
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
if ! build/dev/src/cli/pdp-assess bundle --rules "$rules" >"$staging/rules.json"; then
  echo "build-wasm.sh: the rules are not valid (problems above); $out/ left as it was" >&2
  exit 1
fi

# The rules explained for the people who check them (docs/rules.md as a page): regles.html and
# its stylesheet, beside the tool. The native command line built above writes it.
build/dev/src/cli/pdp-assess doc --rules "$rules" --format html >"$staging/regles.html"
cp docs/regles.css "$staging/regles.css"

cmake --preset wasm >/dev/null
cmake --build --preset wasm --target pdp-core -j"$jobs"
cp build/wasm/src/wasm/pdp-core.js build/wasm/src/wasm/pdp-core.wasm "$staging/"
cp -R web/. "$staging/"
install -D -m 644 node_modules/qrcode-generator/dist/qrcode.mjs "$staging/vendor/qrcode.mjs"  # the kiosk's QR encoder (npm, pinned)
node scripts/optimise-dist.mjs "$staging"  # the page's modules as one minified main.js, minified CSS, compact rules
# The element bundled (with its integrity hashes), standalone.html, the service worker's file list.
node scripts/build-dist.mjs "$staging"
rm -rf "$out"
mkdir -p "$out"
cp -R "$staging/." "$out/"

echo "$out/ written:"
(cd "$out" && find . -type f | sort | sed 's|^\./|  |')
