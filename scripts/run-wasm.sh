#!/bin/sh
# Runs an Emscripten-built program under Node: CMake's CROSSCOMPILING_EMULATOR for the wasm preset
# (one path, since Catch2's test discovery splits a multi-word emulator). Node's global fetch makes
# the old glue fail to read its .wasm, hence the flag.
exec node --no-experimental-fetch "$@"
