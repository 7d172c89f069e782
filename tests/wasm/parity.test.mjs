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

// The module as the page calls it: through engine.js, one call of its C interface, reply as text.
async function loadBuiltModule() {
  assert.ok(existsSync(join(dist, 'pdp-core.wasm')), 'dist/ is missing: run ./build-wasm.sh first');
  const { createEngine } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  const engine = createEngine(compiled, readFileSync(join(dist, 'rules.json'), 'utf8'));
  return engine.reply;
}

// The day the command line runs on (local time, as pdp-assess reads it): a date before it is
// spoken of in the past tense, so both sides must share it.
function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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
      const wasm = call('_pdp_assess', JSON.stringify(request), localToday());
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
  assert.equal(engine.rulesInfo.locale, 'fr', 'the info of the load, in the default language');
  const info = await engine.useLocale('fr');
  assert.equal(info, engine.rulesInfo, 'the default language asks nothing more');
  assert.ok(Object.keys(info.ui).length > 0);
  const first = engine.assess({ answers: {} });
  assert.equal(first.next_question.id, 'situation_pro');
  assert.throws(() => engine.assess({ answers: { situation_pro: 'x' } }),
    (error) => error instanceof EngineError && error.code === 'answers.unknown_option' &&
      error.path === '/answers/situation_pro');
  await assert.rejects(engine.useLocale('de'), (error) => error.code === 'request.unknown_locale');
});

test('the page\'s rules.json leaves English out; asked for, the engine reads rules.en.json and answers in English', async () => {
  const { createEngine } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  const read = [];
  const engine = createEngine(compiled, readFileSync(join(dist, 'rules.json'), 'utf8'), async (file) => {
    read.push(file);
    return readFileSync(join(dist, file), 'utf8');
  });
  const french = await engine.useLocale('fr');
  assert.deepEqual(french.locales.map((l) => [l.id, l.loaded]), [['fr', true], ['en', false]]);
  assert.deepEqual(read, [], 'nothing more is read for the default language');
  assert.throws(() => engine.assess({ answers: {}, locale: 'en' }), (error) => error.code === 'request.unknown_locale');
  const english = await engine.useLocale('en');
  assert.deepEqual(read, ['rules.en.json']);
  assert.equal(english.locale, 'en');
  assert.deepEqual(english.locales.map((l) => [l.id, l.name]), french.locales.map((l) => [l.id, l.name]));
  assert.ok(english.locales.every((l) => l.loaded), 'English is loaded now');
  assert.equal(engine.assess({ answers: {}, locale: 'en' }).locale, 'en');
  // The answers in English are those of the whole rules.
  const native = execFileSync(cli, ['assess', '--date', '2026-11-23', '--locale', 'en', '-'], { input: '{"situation_pro": "salarie"}' });
  const wasm = engine.reply('_pdp_assess', '{"answers": {"situation_pro": "salarie"}, "locale": "en"}', '2026-11-23');
  assert.deepEqual(JSON.parse(wasm), JSON.parse(native));
  await engine.useLocale('en');
  assert.deepEqual(read, ['rules.en.json'], 'read once');
  // After a trap the fresh instance has the rules and the added language again.
  engine.instance._pdp_assess = () => {
    throw new WebAssembly.RuntimeError('unreachable');
  };
  assert.throws(() => engine.assess({ answers: {}, locale: 'en' }), (error) => error.code === 'internal.error');
  assert.equal(engine.assess({ answers: {}, locale: 'en' }).locale, 'en', 'English on the fresh instance');
  assert.deepEqual(read, ['rules.en.json'], 'not read again');
});

// The module keeps no words: the page reads the info from rules.json, where the build wrote the
// core's (`pdp-assess info`), and each language's texts from its bundle (web/rules-info.js).
test('the info the page reads from its bundles is the core\'s, in each language, the texts shown later aside', async () => {
  const { createEngine } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  const engine = createEngine(compiled, readFileSync(join(dist, 'rules.json'), 'utf8'), async (file) => readFileSync(join(dist, file), 'utf8'));
  for (const locale of ['fr', 'en']) {
    const page = await engine.useLocale(locale);
    const core = JSON.parse(execFileSync(cli, ['info', '--locale', locale], { encoding: 'utf8' }));
    for (const part of ['rules', 'default_locale', 'locale', 'questions', 'sources', 'documents']) assert.deepEqual(page[part], core[part], `${locale}: ${part}`);
    const named = (locales) => locales.map(({ id, name }) => ({ id, name }));
    assert.deepEqual(named(page.locales), named(core.locales), `${locale}: every language`);
    // English is loaded once added, as the core has every language (French's info was read before).
    if (locale === 'en') assert.deepEqual(page.locales, core.locales);
    // The texts of the pages beside the flow and those the build writes into HTML come later or
    // not at all (web/rules-bundle.js): every other text is the core's.
    const later = /^(a11y|legal|privacy|static|meta)_/;
    const { ui: pageUi, ...pageTexts } = page.texts;
    const { ui: coreUi, $schema, ...coreTexts } = core.texts;  // the schema's address: the build's
    assert.equal(typeof $schema, 'string');
    assert.deepEqual(pageTexts, coreTexts, `${locale}: texts`);
    assert.equal(page.ui, pageUi);
    for (const [key, text] of Object.entries(coreUi)) {
      if (key in pageUi) assert.equal(pageUi[key], text, `${locale}: ui.${key}`);
      else assert.match(key, later, `${locale}: ui.${key} is missing`);
    }
    assert.ok(Object.keys(pageUi).every((key) => key in coreUi), `${locale}: no text of its own`);
  }
  assert.deepEqual(WebAssembly.Module.exports(compiled).map(({ name }) => name).filter((name) => name.startsWith('pdp_')).sort(),
    ['pdp_add_locale', 'pdp_assess', 'pdp_load_rules', 'pdp_out_of_memory'], 'the module answers requests only');
});

test('a separate language file that does not hold its texts is refused, and the engine goes on in French', async () => {
  const { createEngine, EngineError } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  const engine = createEngine(compiled, readFileSync(join(dist, 'rules.json'), 'utf8'), async () => '{"files": {"locales/en.json": "{}"}}');
  await assert.rejects(engine.useLocale('en'), (error) => error instanceof EngineError && error.code.startsWith('rules.'));
  assert.equal((await engine.useLocale('fr')).locale, 'fr');
  assert.throws(() => engine.assess({ answers: {}, locale: 'en' }), (error) => error.code === 'request.unknown_locale');
  assert.equal(engine.assess({ answers: {} }).next_question.id, 'situation_pro');
});

// The module reads its rules without checking them again (docs/security.md §4): it must know them.
test('the module loads only the bundles the build checked: valid rules or a valid language of another build are refused, rules.unchecked', async () => {
  const { createEngine, EngineError } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  const unchecked = (error) => error instanceof EngineError && error.code === 'rules.unchecked' && /build-wasm\.sh/.test(error.message);
  // Valid rules, as `pdp-assess bundle` writes them, but not the bytes the build checked.
  const whole = execFileSync(cli, ['bundle', '--rules', join(root, 'rules')], { encoding: 'utf8' });
  assert.throws(() => createEngine(compiled, whole), unchecked);
  const shipped = readFileSync(join(dist, 'rules.json'), 'utf8');
  assert.throws(() => createEngine(compiled, `${shipped} `), unchecked, 'one byte more');
  // The English file with one text changed: refused, and the engine goes on in French.
  const english = JSON.parse(readFileSync(join(dist, 'rules.en.json'), 'utf8'));
  english.files['locales/en.json'] = english.files['locales/en.json'].replace('English', 'Anglais');
  const engine = createEngine(compiled, shipped, async () => JSON.stringify(english));
  await assert.rejects(engine.useLocale('en'), unchecked);
  assert.equal(engine.assess({ answers: {} }).next_question.id, 'situation_pro');
});
