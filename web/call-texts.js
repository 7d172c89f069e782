// The texts of one call into the module, written as NUL-ended UTF-8 into its memory. They go one
// after the other into a block kept from call to call, and grown when a call needs more: a malloc
// and a free per text, each a call into the module, cost an assessment as much as writing its
// request. A call larger than SCRATCH_BYTES (the rules bundle, a hostile request) gets a block of
// its own, which the caller frees after the call.

const SCRATCH_BYTES = 16 * 1024;

export function createCallTexts() {
  let scratch = null;  // {core, pointer, size}: the block, of the instance that gave it

  /**
   * @param {object} core the module instance (web/wasm-instance.js)
   * @param {string[]} texts
   * @returns {{pointers: number[], own: number} | null} where each text starts, and the block to
   *   free after the call (0: the kept one); null when the module's memory is full (it is bounded:
   *   malloc then gives 0, and nothing is ever written at address 0)
   */
  function write(core, texts) {
    // At most three bytes of UTF-8 per UTF-16 unit, and a NUL after each text.
    let size = texts.reduce((sum, text) => sum + text.length * 3 + 1, 0);
    let pointer = 0;
    let own = 0;
    if (size <= SCRATCH_BYTES) {
      if (scratch?.core !== core || scratch.size < size) {
        if (scratch?.core === core) core._free(scratch.pointer);
        scratch = null;
        const grown = Math.min(SCRATCH_BYTES, Math.ceil(size / 256) * 256);
        const block = core._malloc(grown);
        if (block) scratch = { core, pointer: block, size: grown };
      }
      pointer = scratch?.pointer ?? 0;
    } else {
      size = texts.reduce((sum, text) => sum + core.lengthBytesUTF8(text) + 1, 0);
      own = pointer = core._malloc(size);
    }
    if (!pointer) return null;
    const pointers = [];
    let at = pointer;
    for (const text of texts) {
      pointers.push(at);
      at += core.stringToUTF8(text, at, pointer + size - at) + 1;
    }
    return { pointers, own };
  }

  return { write };
}
