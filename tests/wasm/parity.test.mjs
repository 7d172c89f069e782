// The built module answers exactly as the native core: every path of the exhaustive walk gives
// byte-identical responses through dist/pdp-core.wasm and through `pdp-assess`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.PDP_DIST_DIR ?? join(root, 'dist');
const cli = join(root, 'build', 'dev', 'src', 'cli', 'pdp-assess');

async function loadBuiltModule() {
  assert.ok(existsSync(join(dist, 'pdp-core.wasm')), 'dist/ is missing: run ./build-wasm.sh first');
  const { default: createPdpModule } = await import(pathToFileURL(join(dist, 'pdp-core.js')).href);
  const core = await createPdpModule({ wasmBinary: readFileSync(join(dist, 'pdp-core.wasm')) });
  const call = (name, ...texts) => {
    const pointers = texts.map((text) => {
      const size = core.lengthBytesUTF8(text) + 1;
      const pointer = core._malloc(size);
      core.stringToUTF8(text, pointer, size);
      return pointer;
    });
    const reply = core.UTF8ToString(core[name](...pointers));
    pointers.forEach((pointer) => core._free(pointer));
    return reply;
  };
  const loaded = JSON.parse(call('_pdp_load_rules', readFileSync(join(dist, 'rules.json'), 'utf8')));
  assert.equal(loaded.error, undefined, JSON.stringify(loaded.error));
  return call;
}

for (const date of ['2021-06-15', '2026-11-23']) {
  test(`every path of the walk on ${date} gets byte-identical responses natively and in wasm`, async () => {
    const call = await loadBuiltModule();
    const lines = execFileSync(cli, ['paths', '--json', '--date', date], { maxBuffer: 1 << 30 })
      .toString().trim().split('\n');
    assert.ok(lines.length > 1000, `only ${lines.length} paths`);
    let compared = 0;
    for (const line of lines) {
      // The native line is {"path":…,"request":…,"response":<text>}: the response's own text.
      const at = line.indexOf(',"response":');
      const request = JSON.parse(line.slice(0, at) + '}').request;
      const native = line.slice(at + ',"response":'.length, -1);
      const wasm = call('_pdp_assess', JSON.stringify(request), '2000-01-01');
      if (wasm !== native) {
        assert.fail(`different response for ${JSON.stringify(request)}`);
      }
      compared += 1;
    }
    assert.equal(compared, lines.length);
  });
}

test('the built module refuses a bad request exactly as the native core does', async () => {
  const call = await loadBuiltModule();
  const cases = JSON.parse(readFileSync(join(root, 'tests', 'bad-requests.json'), 'utf8'));
  for (const bad of cases) {
    const text = 'text' in bad ? bad.text : JSON.stringify(bad.request) + ' '.repeat(bad.padding ?? 0);
    const wasm = JSON.parse(call('_pdp_assess', text, '2026-11-23'));
    assert.equal(wasm.error?.code, bad.code, bad.name);
    assert.equal(wasm.error?.path, bad.path, bad.name);
  }
});

test('the engine used by the page loads the module and the rules and answers', async () => {
  const { loadEngine, EngineError } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const engine = await loadEngine({
    wasmBinary: readFileSync(join(dist, 'pdp-core.wasm')),
    rules: readFileSync(join(dist, 'rules.json'), 'utf8'),
  });
  const info = engine.info('fr');
  assert.equal(info.locale, 'fr');
  assert.ok(Object.keys(info.ui).length > 0);
  const first = engine.assess({ answers: {} });
  assert.equal(first.next_question.id, 'situation_pro');
  assert.throws(() => engine.assess({ answers: { situation_pro: 'x' } }),
    (error) => error instanceof EngineError && error.code === 'answers.unknown_option' &&
      error.path === '/answers/situation_pro');
  assert.throws(() => engine.info('de'), (error) => error.code === 'request.unknown_locale');
});
