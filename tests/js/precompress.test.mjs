// The build's precompressed copies (scripts/precompress.mjs): beside each text file and the module,
// x.br and x.gz that decode to it byte for byte, in subfolders too; none for an image, nor a copy
// that would not be smaller than its file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PRECOMPRESSED, writePrecompressed } from '../../scripts/precompress.mjs';

test('each text file and the module get a .br and a .gz that decode to them; images and tiny files none', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdp-precompress-'));
  try {
    mkdirSync(join(dir, 'vendor'));
    const files = {
      'index.html': `<!doctype html><p>${'Vous êtes en arrêt de travail. '.repeat(40)}</p>`,
      'main.js': `export const x = "${'questionnaire '.repeat(100)}";`,
      'styles.css': `${'.a{color:red}'.repeat(60)}`,
      'rules.json': JSON.stringify({ texts: Array(50).fill('critère') }),
      'pdp-core.wasm': Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4000, 7)]),
      'vendor/qrcode.mjs': `export default "${'qr'.repeat(300)}";`,
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    writeFileSync(join(dir, 'icon.png'), Buffer.alloc(3000, 1));
    writeFileSync(join(dir, 'tiny.js'), 'x');

    assert.equal(writePrecompressed(dir), Object.keys(files).length + 1, 'every compressible file, tiny.js included');
    for (const name of Object.keys(files)) {
      const original = readFileSync(join(dir, name));
      const brotli = readFileSync(join(dir, `${name}.br`));
      const gzip = readFileSync(join(dir, `${name}.gz`));
      assert.ok(brotliDecompressSync(brotli).equals(original), `${name}.br`);
      assert.ok(gunzipSync(gzip).equals(original), `${name}.gz`);
      assert.ok(brotli.length < original.length && gzip.length < original.length, name);
    }
    for (const none of ['icon.png.br', 'icon.png.gz', 'tiny.js.br', 'tiny.js.gz']) assert.ok(!existsSync(join(dir, none)), none);
    assert.ok(PRECOMPRESSED.test('main.js.br') && PRECOMPRESSED.test('rules.json.gz') && !PRECOMPRESSED.test('main.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
