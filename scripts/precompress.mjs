// The build's precompressed copies: beside each file a browser gets compressed (text, the wasm
// module), x.br (brotli, quality 11) and x.gz (gzip, level 9), which a static host sends as x
// with Content-Encoding (nginx's brotli_static and gzip_static; scripts/serve.mjs does the same),
// so that nothing is compressed per request, and at the best level.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

// Images (PNG) are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt']);

/** The name of a copy this module writes (not a file of the page itself). */
export const PRECOMPRESSED = /\.(br|gz)$/;

/** Writes the copies for every file under `dir`; returns how many files got them. */
export function writePrecompressed(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name).toLowerCase())) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const data = readFileSync(path);
    const brotli = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    const gzip = gzipSync(data, { level: 9 });
    // A copy no smaller than the file would only cost the host a lookup.
    if (brotli.length < data.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < data.length) writeFileSync(`${path}.gz`, gzip);
    count += 1;
  }
  return count;
}
