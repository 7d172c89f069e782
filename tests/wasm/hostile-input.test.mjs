// The built module under hostile input, through web/engine.js as the page calls it: a huge
// request, a deeply nested one, a call made when its memory is exhausted and a call that traps
// each get an error reply, never an exception, and the engine answers normally afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.PDP_DIST_DIR ?? join(root, 'dist');
const TODAY = '2026-11-23';

// The engine with the rules loaded; `assess` takes a request object or its text.
async function loadEngine() {
  assert.ok(existsSync(join(dist, 'pdp-core.wasm')), 'dist/ is missing: run ./build-wasm.sh first');
  const { createEngine } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  const engine = createEngine(compiled, readFileSync(join(dist, 'rules.json'), 'utf8'));
  const assess = (request) =>
    JSON.parse(engine.reply('_pdp_assess', typeof request === 'string' ? request : JSON.stringify(request), TODAY));
  return { engine, assess };
}

// What a first request answers when all is well.
function expectNormal(response) {
  assert.equal(response.error, undefined, JSON.stringify(response.error));
  assert.equal(response.eligibility, 'incomplete');
  assert.equal(response.next_question.id, 'situation_pro');
}

// Takes every block the instance can still give (it grows up to its 64 MiB), down to 8 bytes.
function exhaustMemory(core) {
  const taken = [];
  for (let size = 1 << 20; size >= 8; size >>= 1) {
    for (let pointer = core._malloc(size); pointer !== 0; pointer = core._malloc(size)) taken.push({ pointer, size });
  }
  return taken;
}

// Before, the module aborted (Emscripten's default build cannot catch the bad_alloc it met).
test('issue #6 - a request of 10 MB is refused with request.too_large and the module answers normally after', async () => {
  const { assess } = await loadEngine();
  const huge = JSON.stringify({ answers: { situation_pro: 'x'.repeat(10 * 1024 * 1024) } });
  const refused = assess(huge);
  assert.deepEqual(Object.keys(refused), ['error']);
  assert.equal(refused.error.code, 'request.too_large');
  assert.match(refused.error.message, /the request holds more than 65536 bytes/);
  expectNormal(assess({ answers: {} }));
});

test('a request nested 5000 levels deep is refused with request.too_deep where it goes too deep', async () => {
  const { assess } = await loadEngine();
  const deep = `{"answers": {"difficultes": ${'['.repeat(5000)}${']'.repeat(5000)}}}`;
  const refused = assess(deep);
  assert.deepEqual(Object.keys(refused), ['error']);
  assert.equal(refused.error.code, 'request.too_deep');
  assert.equal(refused.error.path, `/answers/difficultes${'/0'.repeat(14)}`);
  expectNormal(assess({ answers: {} }));
});

test('issue #6 - a call that runs out of memory inside the module answers engine.out_of_memory, and the next one works', async () => {
  const { engine, assess } = await loadEngine();
  const starvedInstance = engine.instance;
  // Leave just enough for the request's text to be copied in: the module itself finds no memory.
  const taken = exhaustMemory(starvedInstance);
  assert.ok(taken.length > 60, `only ${taken.length} blocks taken`);
  starvedInstance._free(taken.find((block) => block.size === 512).pointer);
  const starved = assess({ answers: { situation_pro: 'salarie', contrat_travail: true } });
  assert.deepEqual(Object.keys(starved), ['error']);
  assert.equal(starved.error.code, 'engine.out_of_memory');
  assert.equal(engine.instance, null, 'the starved instance is dropped');
  const fed = assess({ answers: { situation_pro: 'salarie', contrat_travail: true } });
  assert.equal(fed.error, undefined, JSON.stringify(fed.error));
  assert.equal(fed.next_question.id, 'arret_travail');
  assert.notEqual(engine.instance, starvedInstance, 'a fresh instance answers');
  expectNormal(assess({ answers: {} }));
});

test('a request the engine cannot even copy into a full memory answers engine.out_of_memory', async () => {
  const { engine, assess } = await loadEngine();
  const taken = exhaustMemory(engine.instance);
  const refused = assess({ answers: { situation_pro: 'salarie' } });
  assert.equal(refused.error.code, 'engine.out_of_memory');
  taken.forEach((block) => engine.instance._free(block.pointer));
  expectNormal(assess({ answers: {} }));
});

test('a call that traps for another reason answers internal.error, and the engine carries on', async () => {
  const { engine, assess } = await loadEngine();
  // Stands in for a trap inside the module (what would have thrown aborts, e.g. a broken
  // invariant in nlohmann::json): no request can cause one on purpose.
  const { instance } = engine;
  instance._pdp_assess = () => { throw new WebAssembly.RuntimeError('unreachable'); };
  const failed = assess({ answers: {} });
  assert.deepEqual(Object.keys(failed), ['error']);
  assert.equal(failed.error.code, 'internal.error');
  assert.match(failed.error.message, /unreachable/);
  expectNormal(assess({ answers: {} }));
});

test('the engine the page uses turns error replies into EngineErrors', async () => {
  const { createEngine, EngineError } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  assert.throws(() => createEngine(compiled, '{"files": {}}'),
    (error) => error instanceof EngineError && error.code.startsWith('rules.'));
});
