#!/usr/bin/env bash
# Builds the WebAssembly module with other compiler, linker and wasm-opt settings, to compare
# their size and speed (docs/performance.md, "what was cut"). Slow: one compile of the core per
# variant.
#
#   bench/wasm-variants.sh [NAME...]     (default: every variant below)
#   node bench/wasm-variants.mjs         (then: their sizes and speed side by side)
#
# Each variant lands in build/variants/NAME/out/ (pdp-core.wasm, rules.json, engine.js and the
# modules it imports, and pdp-core-names.wasm: the same link with function names and without the
# last wasm-opt pass, for bench/wasm-composition.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's acorn

# name | compile and link flags | malloc | last wasm-opt pass (src/wasm/CMakeLists.txt's cache
# variables). "os" is the module as first built; "shipped" is the one build-wasm.sh makes. The
# build type is Release: em++ keeps the shrink level of an -Os/-Oz seen earlier on its command
# line (MinSizeRel's -Os would turn an -O2 link into -Os).
variants=(
  "os|-Os|dlmalloc|"
  "oz|-Oz|dlmalloc|"
  "o2|-O2|dlmalloc|"
  "os-lto|-Os;-flto|dlmalloc|"
  "oz-lto|-Oz;-flto|dlmalloc|"
  "o2-lto|-O2;-flto|dlmalloc|"
  "oz-lto-noexc|-Oz;-flto;-fno-exceptions|dlmalloc|"
  "o2-lto-noexc|-O2;-flto;-fno-exceptions|dlmalloc|"
  "oz-lto-wasmexc|-Oz;-flto;-fwasm-exceptions|dlmalloc|"
  "oz-lto-noexc-emmalloc|-Oz;-flto;-fno-exceptions|emmalloc|"
  "shipped|-Oz;-flto;-fno-exceptions|emmalloc|-O3"
)

wanted=("$@")
if [ ! -x build/dev/src/cli/pdp-assess ]; then
  cmake --preset dev >/dev/null
  cmake --build --preset dev --target pdp-assess -j2 >/dev/null
fi
# The page's rules.json, as build-wasm.sh writes it (its info and opening included).
page_rules="$(mktemp -d)"
trap 'rm -rf "$page_rules"' EXIT
build/dev/src/cli/pdp-assess bundle --rules rules >"$page_rules/whole.json"
echo '{"answers": {}}' | build/dev/src/cli/pdp-assess assess --rules rules --texts - >"$page_rules/first-reply.json"
build/dev/src/cli/pdp-assess info --rules rules >"$page_rules/info.json"
node scripts/rules-for-page.mjs "$page_rules/whole.json" "$page_rules" "$page_rules/first-reply.json" "$page_rules/info.json" >/dev/null
rules_json="$page_rules/rules.json"

for variant in "${variants[@]}"; do
  IFS='|' read -r name flags malloc wasm_opt <<<"$variant"
  if [ ${#wanted[@]} -gt 0 ] && [[ " ${wanted[*]} " != *" $name "* ]]; then continue; fi
  dir="build/variants/$name"
  echo "== $name: flags [$flags] malloc [$malloc] wasm-opt [$wasm_opt]"
  emcmake cmake -S . -B "$dir" -DPDP_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
    "-DPDP_CHECKED_RULES=$(sha256sum "$rules_json" | cut -d' ' -f1)" \
    "-DPDP_WEB_FLAGS=$flags" -DPDP_WEB_EXCEPTIONS= "-DPDP_WEB_MALLOC=$malloc" "-DPDP_WEB_WASM_OPT=$wasm_opt" >/dev/null
  cmake --build "$dir" --target pdp-core -j2 >/dev/null
  mkdir -p "$dir/out"
  cp "$dir/src/wasm/pdp-core.wasm" "$dir/out/"
  cp "$rules_json" "$dir/out/rules.json"
  cp web/engine.js web/engine-error.js web/call-texts.js web/wasm-instance.js web/reply-texts.js web/rules-bundle.js web/rules-info.js "$dir/out/"
  # The same link again with function names kept, for the composition.
  (cd "$dir/src/wasm" &&
    eval "$(sed 's/ -o pdp-core\.wasm / --profiling-funcs -o pdp-core-names.wasm /' CMakeFiles/pdp-core.dir/link.txt)" &&
    mv pdp-core-names.wasm ../../out/)
  echo "   pdp-core.wasm $(wc -c <"$dir/out/pdp-core.wasm") bytes"
done
