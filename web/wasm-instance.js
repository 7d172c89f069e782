// The module's compilation and its instances, for engine.js (the only module that calls them).
// pdp-core.wasm is a standalone module with no Emscripten glue (src/wasm/CMakeLists.txt): this
// file is all the JavaScript it needs. Its C interface takes and returns NUL-terminated UTF-8
// text in its memory.

// Streaming compilation needs the server to say application/wasm; otherwise compile the bytes.
export async function compileReply(reply) {
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(reply.clone());
    } catch {
      // fall through: a wrong content type, or a body the browser would not stream
    }
  }
  return WebAssembly.compile(await reply.arrayBuffer());
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The module's only two imports.
const imports = {
  // It grows its memory itself; the views below are made afresh on each use, so nothing to do.
  env: { emscripten_notify_memory_growth() {} },
  // abort() (out of memory, a broken invariant) ends in proc_exit: a trap, as far as the caller
  // knows. It must not return: the module would carry on past the abort.
  wasi_snapshot_preview1: {
    proc_exit(code) {
      throw new WebAssembly.RuntimeError(`the module aborted (exit ${code})`);
    },
  },
};

// The bytes `text` takes in UTF-8 as TextEncoder writes it (a lone surrogate as U+FFFD, 3 bytes).
function lengthBytesUTF8(text) {
  let length = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) length += 1;
    else if (unit >= 0xd800 && unit < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 2;  // a pair: two units, four bytes
      i += 1;
    } else length += 2;
  }
  return length;
}

/**
 * An instance of the compiled module, ready to call: instantiated synchronously (fast, since the
 * module is already compiled). Its exports under the names engine.js calls (a plain object:
 * the tests replace a function to stand in for a trap), and the text helpers over its memory.
 * @param {WebAssembly.Module} compiled
 */
export function startInstance(compiled) {
  const { exports } = new WebAssembly.Instance(compiled, imports);
  exports._initialize();  // the C++ constructors
  const { memory } = exports;
  // memory.buffer is replaced when the memory grows (any call may grow it): read it on each use.
  const bytes = () => new Uint8Array(memory.buffer);
  return {
    _malloc: exports.malloc,
    _free: exports.free,
    _pdp_load_rules: exports.pdp_load_rules,
    _pdp_add_locale: exports.pdp_add_locale,
    _pdp_assess: exports.pdp_assess,
    _pdp_out_of_memory: exports.pdp_out_of_memory,
    lengthBytesUTF8,
    /** Writes `text` and a NUL at `pointer`, `size` bytes at most (NUL included); the bytes of text written. */
    stringToUTF8(text, pointer, size) {
      const heap = bytes();
      const { written } = encoder.encodeInto(text, heap.subarray(pointer, pointer + size - 1));
      heap[pointer + written] = 0;
      return written;
    },
    /** The NUL-terminated UTF-8 text at `pointer` ('' for a null pointer). */
    UTF8ToString(pointer) {
      if (!pointer) return '';
      const heap = bytes();
      return decoder.decode(heap.subarray(pointer, heap.indexOf(0, pointer)));
    },
  };
}
