// The page words a reply (ids and values) exactly as the core's with_texts does: on every path of
// the walk, dist/reply-texts.js over the info the module hands once gives what `pdp-assess paths
// --json --texts` prints. And a text the info lacks is a clear error, never a blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.PDP_DIST_DIR ?? join(root, 'dist');
const cli = join(root, 'build', 'dev', 'src', 'cli', 'pdp-assess');

async function loadEngine() {
  assert.ok(existsSync(join(dist, 'pdp-core.wasm')), 'dist/ is missing: run ./build-wasm.sh first');
  const { createEngine } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  return createEngine(compiled, readFileSync(join(dist, 'rules.json'), 'utf8'), async (file) => readFileSync(join(dist, file), 'utf8'));
}

const responses = (args) =>
  execFileSync(cli, ['paths', '--json', ...args], { maxBuffer: 1 << 30 }).toString().trim().split('\n').map((line) => JSON.parse(line).response);

for (const [locale, date] of [['fr', '2026-11-23'], ['en', '2021-06-15']]) {
  test(`on every path (${locale}, ${date}) the page words the reply as pdp-assess --texts does`, async () => {
    const engine = await loadEngine();
    const info = await engine.useLocale(locale);
    const replies = responses(['--date', date, '--locale', locale]);
    const worded = responses(['--date', date, '--locale', locale, '--texts']);
    assert.equal(replies.length, worded.length);
    assert.ok(replies.length > 1000, `only ${replies.length} paths`);
    for (let i = 0; i < replies.length; i += 1) {
      assert.deepEqual(engine.withTexts(replies[i]), worded[i], `path ${i}`);
    }
  });
}

test('every question on the way is worded as the core words it, choices and progress included', async () => {
  const engine = await loadEngine();
  const answers = { situation_pro: 'salarie', contrat_travail: 'ne_sait_pas', arret_travail: true };
  const reply = engine.assess({ answers, date: '2026-11-23' });
  assert.ok(reply.next_question.choices.every((choice) => typeof choice !== 'object'), 'the choices as values');
  const native = JSON.parse(execFileSync(cli, ['assess', '--texts', '--date', '2026-11-23', '-'], { input: JSON.stringify({ answers }) }).toString());
  assert.deepEqual(engine.withTexts(reply), native);
});

test('the page looks each text up by id in the info of the reply\'s language', async () => {
  const engine = await loadEngine();
  const french = engine.rulesInfo;
  const english = await engine.useLocale('en');
  const reply = engine.assess({ answers: { situation_pro: 'salarie' }, date: '2026-11-23', locale: 'en' });
  assert.equal(reply.next_question.label, undefined, 'the reply names ids only');
  const worded = engine.withTexts(reply);
  assert.equal(worded.next_question.label, english.texts.questions[reply.next_question.id].label);
  assert.equal(worded.steps[0].answer_label, english.texts.questions.situation_pro.options.salarie);
  assert.notEqual(worded.steps[0].answer_label, french.texts.questions.situation_pro.options.salarie);
  assert.equal(reply.locale, 'en', 'the reply itself is left as it was');
  assert.equal(reply.steps[0].answer_label, undefined);
});

test('a text the info lacks is an EngineError naming it; a foreign reply too', async () => {
  const { withTexts } = await import(pathToFileURL(join(dist, 'reply-texts.js')).href);
  const engine = await loadEngine();
  const reply = engine.assess({ answers: {}, date: '2026-11-23' });
  const info = structuredClone(engine.rulesInfo);
  delete info.texts.questions.situation_pro.help;
  assert.throws(() => withTexts(reply, info), (error) => error.code === 'texts.missing' && error.path === '/questions/situation_pro/help');
  const foreign = { ...reply, next_question: { id: 'pas_une_question', type: 'boolean', choices: [true, false] } };
  assert.throws(() => engine.withTexts(foreign), (error) => error.name === 'EngineError' && error.code === 'reply.invalid');
  assert.equal(engine.withTexts(reply).next_question.help, engine.rulesInfo.texts.questions.situation_pro.help);
});
