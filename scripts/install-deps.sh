#!/usr/bin/env bash
# Installs what building and testing need: Debian packages (apt-get) and the pinned npm packages.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# emscripten: the core as WebAssembly; chromium: the browser tests; brotli: size figures;
# clang and libclang-rt-14-dev (its libFuzzer and sanitizer runtimes): the fuzz targets.
packages=(cmake make g++ nlohmann-json3-dev catch2 clang-format emscripten chromium brotli clang
          libclang-rt-14-dev)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci installs exactly what package-lock.json pins; again only when the lock changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
