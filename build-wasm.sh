#!/usr/bin/env bash
# Builds the page into dist/: the rules validated and bundled (a broken rule file fails the build
# with its JSON path), the core compiled to WebAssembly (CMake preset "wasm"), web/, and the
# rules' documentation page (regles.html).
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's acorn
jobs="${PDP_JOBS:-$(nproc)}"
out="${PDP_DIST_DIR:-dist}"  # another folder for a second build beside dist/ (tests, bench)
rules="${PDP_RULES_DIR:-rules}"  # another rules folder (tests of a broken locale)

# What the build needs, checked before anything runs, so that a fresh clone is told what to install
# instead of failing halfway. scripts/install-deps.sh installs all of it (./start.sh and ./test.sh
# run it first); it is not run from here, since it may need root.
missing=()
need_command() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 (Debian package $2)"); }
need_file() { [ -e "$1" ] || missing+=("$1 (Debian package $2)"); }
need_command cmake cmake
need_command make make
need_command g++ g++
need_file /usr/include/nlohmann/json.hpp nlohmann-json3-dev
need_file /usr/include/catch2/catch.hpp catch2  # the dev preset configures the tests too
need_command emcc emscripten
need_command wasm-opt binaryen
need_command node nodejs
if [ ! -f node_modules/.package-lock.json ]; then
  missing+=("node_modules/, the npm packages pinned by package-lock.json (npm ci)")
elif [ package-lock.json -nt node_modules/.package-lock.json ]; then
  missing+=("node_modules/ as package-lock.json now pins it (npm ci)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  {
    echo "build-wasm.sh: missing what the build needs:"
    printf '  - %s\n' "${missing[@]}"
    echo "Run scripts/install-deps.sh (it installs only what is missing), then ./build-wasm.sh again."
  } >&2
  exit 1
fi

# The public address written into the page's head (PDP_PUBLIC_URL, docs/page.md): a wrong one stops
# the build now rather than after the long compile (build-dist.mjs writes it).
node --input-type=module -e '
  import { publicUrl } from "./scripts/page-head.mjs";
  try { publicUrl(process.env.PDP_PUBLIC_URL); } catch (error) { console.error(`build-wasm.sh: ${error.message}`); process.exit(1); }
'

# The accessibility statement's rate, status and results come from the RGAA audit
# (docs/rgaa/audit.json): written into the locales before the rules are bundled.
node scripts/accessibility-statement.mjs

cmake --preset dev >/dev/null
cmake --build --preset dev --target pdp-assess -j"$jobs"

# The rules first: a broken file or an incomplete locale stops the build before the long compile.
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
if ! build/dev/src/cli/pdp-assess bundle --rules "$rules" >"$staging/rules.whole.json"; then
  echo "build-wasm.sh: the rules are not valid (problems above); $out/ left as it was" >&2
  exit 1
fi
# Checked, they are made light for the page (rules.json and each rules.<code>.json); the module is
# compiled with their SHA-256 and reads them without checking them again (docs/security.md §4).
# With them, the page's opening (web/opening.js): the core's worded reply to the first request.
echo '{"answers": {}}' | build/dev/src/cli/pdp-assess assess --rules "$rules" --texts - >"$staging/first-reply.json"
# And the rules' info (what never changes from one reply to the next), which the page reads there:
# the module keeps no words (web/rules-info.js).
build/dev/src/cli/pdp-assess info --rules "$rules" >"$staging/info.json"
digests="$(node scripts/rules-for-page.mjs "$staging/rules.whole.json" "$staging" "$staging/first-reply.json" "$staging/info.json" | cut -d' ' -f2 | paste -sd';')"
rm "$staging/rules.whole.json" "$staging/first-reply.json" "$staging/info.json"

# The rules explained for the people who check them (docs/rules.md as a page): regles.html and
# its stylesheet, beside the tool. The native command line built above writes it.
build/dev/src/cli/pdp-assess doc --rules "$rules" --format html >"$staging/regles.html"
cp docs/regles.css "$staging/regles.css"

cmake --preset wasm "-DPDP_CHECKED_RULES=$digests" >/dev/null
cmake --build --preset wasm --target pdp-core -j"$jobs"
cp build/wasm/src/wasm/pdp-core.wasm "$staging/"  # the module alone: web/wasm-instance.js loads it
cp -R web/. "$staging/"
install -D -m 644 node_modules/qrcode-generator/dist/qrcode.mjs "$staging/vendor/qrcode.mjs"  # the kiosk's QR encoder (npm, pinned)
node scripts/optimise-dist.mjs "$staging"  # the page's modules as one minified main.js, minified CSS
# The element bundled (with its integrity hashes), standalone.html, the service worker's file list.
node scripts/build-dist.mjs "$staging"
rm -rf "$out"
mkdir -p "$out"
cp -R "$staging/." "$out/"

echo "$out/ written:"
(cd "$out" && find . -type f | sort | sed 's|^\./|  |')
