// The module's compilation and its instances, for engine.js (the only module that calls them).
import createPdpModule from './pdp-core.js';

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

// An instance of the compiled module, ready to call when this returns: the glue is handed an
// instance made synchronously (fast, since the module is already compiled), so it starts at once.
export function startInstance(compiled) {
  const core = {
    instantiateWasm(imports, receiveInstance) {
      receiveInstance(new WebAssembly.Instance(compiled, imports));
      return {};
    },
    print: () => {},
    printErr: () => {},
  };
  createPdpModule(core).catch(() => {});  // the glue's promise: `core` is ready already
  if (typeof core._pdp_assess !== 'function') throw new Error('the module did not start');
  return core;
}
