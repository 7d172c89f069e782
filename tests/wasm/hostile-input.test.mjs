// The built module under hostile input: a huge request, a deeply nested one, and a call made when
// its memory is exhausted each get an error reply, never an abort, and the module answers normally
// afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.PDP_DIST_DIR ?? join(root, 'dist');
const TODAY = '2026-11-23';

// The module with the rules loaded, and a way to call it that checks every allocation.
async function loadModule() {
  assert.ok(existsSync(join(dist, 'pdp-core.wasm')), 'dist/ is missing: run ./build-wasm.sh first');
  const { default: createPdpModule } = await import(pathToFileURL(join(dist, 'pdp-core.js')).href);
  const core = await createPdpModule({ wasmBinary: readFileSync(join(dist, 'pdp-core.wasm')) });
  const copyIn = (text) => {
    const size = core.lengthBytesUTF8(text) + 1;
    const pointer = core._malloc(size);
    assert.notEqual(pointer, 0, `the module could not hold ${size} bytes`);
    core.stringToUTF8(text, pointer, size);
    return pointer;
  };
  const callWith = (name, pointers) => JSON.parse(core.UTF8ToString(core[name](...pointers)));
  const call = (name, ...texts) => {
    const pointers = texts.map(copyIn);
    try {
      return callWith(name, pointers);
    } finally {
      pointers.forEach((pointer) => core._free(pointer));
    }
  };
  const loaded = call('_pdp_load_rules', readFileSync(join(dist, 'rules.json'), 'utf8'));
  assert.equal(loaded.error, undefined, JSON.stringify(loaded.error));
  const assess = (request) => call('_pdp_assess', typeof request === 'string' ? request : JSON.stringify(request), TODAY);
  return { core, copyIn, callWith, assess };
}

// What a first request answers when all is well.
function expectNormal(response) {
  assert.equal(response.error, undefined, JSON.stringify(response.error));
  assert.equal(response.eligibility, 'incomplete');
  assert.equal(response.next_question.id, 'situation_pro');
}

// Before, the module aborted (Emscripten's default build cannot catch the bad_alloc it met).
test('issue #6 - a request of 10 MB is refused with request.too_large and the module answers normally after', async () => {
  const { assess } = await loadModule();
  const huge = JSON.stringify({ answers: { situation_pro: 'x'.repeat(10 * 1024 * 1024) } });
  const refused = assess(huge);
  assert.deepEqual(Object.keys(refused), ['error']);
  assert.equal(refused.error.code, 'request.too_large');
  assert.match(refused.error.message, /the request holds more than 65536 bytes/);
  expectNormal(assess({ answers: {} }));
});

test('a request nested 5000 levels deep is refused with request.too_deep where it goes too deep', async () => {
  const { assess } = await loadModule();
  const deep = `{"answers": {"difficultes": ${'['.repeat(5000)}${']'.repeat(5000)}}}`;
  const refused = assess(deep);
  assert.deepEqual(Object.keys(refused), ['error']);
  assert.equal(refused.error.code, 'request.too_deep');
  assert.equal(refused.error.path, `/answers/difficultes${'/0'.repeat(14)}`);
  expectNormal(assess({ answers: {} }));
});

test('issue #6 - a call made when the memory is exhausted answers engine.out_of_memory, and the next one works', async () => {
  const { core, copyIn, callWith, assess } = await loadModule();
  const request = copyIn(JSON.stringify({ answers: { situation_pro: 'salarie', contrat_travail: true } }));
  const today = copyIn(TODAY);
  // Take every block the module can still give (it grows up to its 64 MiB), down to 8 bytes.
  const taken = [];
  for (let size = 1 << 20; size >= 8; size >>= 1) {
    for (let pointer = core._malloc(size); pointer !== 0; pointer = core._malloc(size)) taken.push(pointer);
  }
  assert.ok(taken.length > 60, `only ${taken.length} blocks taken`);
  const starved = callWith('_pdp_assess', [request, today]);
  assert.deepEqual(Object.keys(starved), ['error']);
  assert.equal(starved.error.code, 'engine.out_of_memory');
  taken.forEach((pointer) => core._free(pointer));
  const fed = callWith('_pdp_assess', [request, today]);
  assert.equal(fed.error, undefined, JSON.stringify(fed.error));
  assert.equal(fed.next_question.id, 'arret_travail');
  expectNormal(assess({ answers: {} }));
  [request, today].forEach((pointer) => core._free(pointer));
});
