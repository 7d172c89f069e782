// The module brings its own strtod and snprintf (src/wasm/c_library.cpp) in place of Emscripten's
// libc: nlohmann::json calls them for numbers with a fraction or an exponent, for "\u00XX" escapes
// in the reply and for the "<U+00XX>" of a parse error. Each such request gets, from the module,
// the reply the native core (glibc) gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.PDP_DIST_DIR ?? join(root, 'dist');
const cli = join(root, 'build', 'dev', 'src', 'cli', 'pdp-assess');
const DATE = '2026-11-23';

const requests = [
  ['a number with a fraction where a choice is expected', '{"answers": {"situation_pro": 1.5e3}, "date": "2026-11-23"}'],
  ['a tiny and a huge number', '{"answers": {"contrat_travail": 4.9e-324, "situation_pro": 1e400}, "date": "2026-11-23"}'],
  ['a number as the locale', '{"answers": {}, "locale": 0.1, "date": "2026-11-23"}'],
  ['a control character escaped inside an answer', '{"answers": {"situation_pro": "sala\\u001frie"}, "date": "2026-11-23"}'],
  ['a raw control character in the text (not JSON)', '{"answers": {"situation_pro": "sala\u0001rie"}}'],
  ['a number cut short (not JSON)', '{"answers": {"situation_pro": 1.e5}}'],
  ['a long number', `{"answers": {"situation_pro": 0.${'3'.repeat(900)}e-2}, "date": "2026-11-23"}`],
];

test('requests that go through strtod and snprintf get the native core\'s reply from the module', async () => {
  assert.ok(existsSync(join(dist, 'pdp-core.wasm')), 'dist/ is missing: run ./build-wasm.sh first');
  const { createEngine } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  const engine = createEngine(compiled, readFileSync(join(dist, 'rules.json'), 'utf8'));
  for (const [what, text] of requests) {
    const wasm = JSON.parse(engine.reply('_pdp_assess', text, DATE));
    // The command line exits with 1 on an error reply, which it prints all the same.
    const native = JSON.parse(spawnSync(cli, ['assess', '--date', DATE, '-'], { input: text, encoding: 'utf8' }).stdout);
    assert.ok(wasm.error, `${what}: refused`);
    assert.deepEqual(wasm, native, what);
  }
});
