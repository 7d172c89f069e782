// Faults the page must survive: stored answers that are damaged or out of date, a missing or
// truncated wasm file, rules that fail validation, an unknown language. Each gives a clear
// message and a way to restart, keeps what can be kept, and never shows a result.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import {
  STORAGE_KEY,
  assertPageBuilt,
  clickAction,
  completePersona,
  distDir,
  expectQuestion,
  expectScreen,
  loadPersona,
  openPage,
  storedState,
  useBrowser,
} from './support.mjs';

const env = useBrowser();
const employee = loadPersona('salariee-arret-maladie.json');

// A copy of the built page, changed by `damage(folder)`, served on its own port.
const broken = {};
const folders = [];
async function serveDamagedCopy(name, damage) {
  const folder = mkdtempSync(join(tmpdir(), `pdp-fault-${name}-`));
  folders.push(folder);
  cpSync(distDir, folder, { recursive: true });
  damage(folder);
  const server = await startServer({ root: folder, port: 0 });
  broken[name] = { server, url: server.url, origin: new URL(server.url).origin };
}

before(async () => {
  assertPageBuilt();
  await serveDamagedCopy('wasm-missing', (folder) => rmSync(join(folder, 'pdp-core.wasm')));
  await serveDamagedCopy('wasm-truncated', (folder) => {
    const file = join(folder, 'pdp-core.wasm');
    truncateSync(file, Math.floor(statSync(file).size / 3));
  });
  // Broken rules in place of the ones the build checked: the module recognises them by their digest.
  await serveDamagedCopy('rules-invalid', (folder) => {
    const file = join(folder, 'rules.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    const criteria = JSON.parse(bundle.files['criteria.json']);
    criteria.criteria[0].condition = { '==': [{ var: 'question_disparue' }, true] };
    bundle.files['criteria.json'] = JSON.stringify(criteria);
    writeFileSync(file, JSON.stringify(bundle));
  });
});
after(async () => {
  await Promise.all(Object.values(broken).map((entry) => entry.server.close()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

// The page's answers as stored before a reload, with a fixture on env (or a damaged copy's env).
async function withStored(fixture, stored) {
  await fixture.open();
  await fixture.settled();  // a reload in the middle of the first load aborts it (its favicon)
  await fixture.page.evaluate(([key, text]) => sessionStorage.setItem(key, text), [STORAGE_KEY, stored]);
  await fixture.page.reload();
}

async function assertNoResult(page) {
  assert.equal(await page.locator('[data-eligibility]').count(), 0, 'no result is shown');
}

describe('stored answers', () => {
  test('a stored entry that is not JSON: the error screen says so, nothing else is shown, restart gives a clean start', async () => {
    const fixture = await openPage(env, { date: employee.date });
    try {
      await withStored(fixture, '{"answers": {"situation_pro": "sala');
      const error = await expectScreen(fixture.page, 'error');
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.match(await error.textContent(), /storage\.damaged/);
      await assertNoResult(fixture.page);
      await clickAction(fixture.page, 'restart');
      await expectScreen(fixture.page, 'intro');
      assert.equal(await storedState(fixture.page), null, 'nothing stored after restart');
      fixture.assertClean('damaged storage');
    } finally {
      await fixture.close();
    }
  });

  test('a stored entry with a damaged part keeps the readable answers and goes on from them', async () => {
    const fixture = await openPage(env, { date: employee.date });
    try {
      const stored = { answers: { situation_pro: 'salarie', contrat_travail: true }, history: 'oops', screen: 'question', current: 'arret_travail' };
      await withStored(fixture, JSON.stringify(stored));
      const error = await expectScreen(fixture.page, 'error');
      assert.match(await error.textContent(), /storage\.damaged/);
      await assertNoResult(fixture.page);
      await clickAction(fixture.page, 'retry');
      await expectQuestion(fixture.page, 'arret_travail');
      assert.deepEqual((await storedState(fixture.page)).answers, stored.answers, 'the readable answers are kept');
      fixture.assertClean('partly damaged storage');
    } finally {
      await fixture.close();
    }
  });

  test('an outdated entry (a question the rules no longer have) names it, shows no result, and removing it keeps the other answers', async () => {
    const fixture = await openPage(env, { date: employee.date });
    try {
      const answers = { situation_pro: 'salarie', contrat_travail: true, question_retiree: 'oui' };
      const stored = { answers, history: Object.keys(answers), screen: 'result', current: null };
      await withStored(fixture, JSON.stringify(stored));
      const error = await expectScreen(fixture.page, 'error');
      assert.match(await error.textContent(), /answers\.unknown_question/);
      await assertNoResult(fixture.page);
      assert.deepEqual((await storedState(fixture.page)).answers, answers, 'nothing is erased before the person chooses');
      await clickAction(fixture.page, 'drop-answer');
      // The two answers left lead to the next question, not to a result.
      await expectQuestion(fixture.page, 'arret_travail');
      assert.deepEqual((await storedState(fixture.page)).answers, { situation_pro: 'salarie', contrat_travail: true });
      fixture.assertClean('outdated storage');
    } finally {
      await fixture.close();
    }
  });
});

describe('the engine and the rules', () => {
  const cases = [
    ['wasm-missing', 'the wasm file is missing', 'engine.load_failed'],
    ['wasm-truncated', 'the wasm file is truncated', 'engine.load_failed'],
    ['rules-invalid', 'the rules are not the ones the build checked', 'rules.unchecked'],
  ];
  for (const [name, what, code] of cases) {
    test(`${what}: a clear message with its code (${code}), retry and restart, the stored answers kept, no result`, async () => {
      const fixture = await openPage({ ...env, ...broken[name] }, { date: employee.date });
      try {
        const stored = { answers: { situation_pro: 'salarie' }, history: ['situation_pro'], screen: 'question', current: 'contrat_travail' };
        await withStored(fixture, JSON.stringify(stored));
        const error = await expectScreen(fixture.page, 'error');
        assert.equal(await error.getAttribute('role'), 'alert');
        assert.match(await error.textContent(), new RegExp(code.replace('.', '\\.')));
        assert.ok(await error.locator('[data-action="retry"]').isVisible(), 'a way to try again');
        assert.ok(await error.locator('[data-action="restart"]').isVisible(), 'a way to restart');
        await assertNoResult(fixture.page);
        assert.deepEqual(await storedState(fixture.page), stored, 'the stored answers are kept as they were');
        // Retrying cannot succeed with the same files: the same message, still no result.
        await clickAction(fixture.page, 'retry');
        await expectScreen(fixture.page, 'error');
        await assertNoResult(fixture.page);
        const foreign = fixture.records.requests.filter((r) => r.method !== 'GET' || new URL(r.url).origin !== broken[name].origin);
        assert.deepEqual(foreign, [], 'only GETs of its own files');
        assert.deepEqual(fixture.records.cspViolations, []);
      } finally {
        await fixture.close();
      }
    });
  }
});

test('an unknown language: the page says so in the default language and works', async () => {
  const fixture = await openPage(env, { date: employee.date });
  try {
    await fixture.open('?lang=xx');
    const notice = fixture.page.locator('[data-notice="locale"]');
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.textContent(), /xx/);
    assert.equal(await fixture.page.evaluate(() => document.documentElement.lang), 'fr');
    await completePersona(fixture.page, employee);
    assert.equal(await fixture.page.locator('[data-eligibility]').getAttribute('data-eligibility'), employee.expect.eligibility);
    fixture.assertClean('unknown language');
  } finally {
    await fixture.close();
  }
});
