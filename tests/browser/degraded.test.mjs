// A page that degrades, never blank (docs/page.md, "The static first screen"): with JavaScript
// off, without WebAssembly, and when the module or the rules fail to load, the page shows what a
// person can still do (the accompaniment in a few sentences, the 36 46, the ameli account), from
// the rules' French texts written into index.html by the build, and no Start. And when everything
// works, the app takes the static screen over without moving its heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectNoAxeViolations } from './axe.mjs';
import {
  clickAction,
  distDir,
  ensureScreenshotDir,
  expectScreen,
  holdBack,
  openPage,
  repoRoot,
  useBrowser,
} from './support.mjs';

const env = useBrowser();
const fr = JSON.parse(readFileSync(join(repoRoot, 'rules', 'locales', 'fr.json'), 'utf8'));
const PHONE = { width: 375, height: 812 };

// Line breaks of the HTML source collapsed; the no-break spaces of French punctuation kept.
const squash = (text) => text.replace(/[ \t\r\n]+/g, ' ').trim();

async function screenshot(page, name) {
  await page.screenshot({ path: join(ensureScreenshotDir(), name), fullPage: true, animations: 'disabled', caret: 'hide' });
}

// What a person can still do, shown in `within`: the two ways to ask, in the rules' words.
async function assertWaysToAsk(page, within) {
  const phone = page.locator(`${within} [data-way="telephone_3646"]`);
  const account = page.locator(`${within} [data-way="compte_ameli"]`);
  assert.ok(await phone.isVisible(), `${within}: the 36 46 is shown`);
  assert.ok(await account.isVisible(), `${within}: the ameli account is shown`);
  assert.match(await phone.textContent(), /36 46/);
  assert.equal(squash(await phone.locator('.channel-how').textContent()), fr.channels.telephone_3646.how);
  assert.equal(squash(await account.locator('.item-title').textContent()), fr.channels.compte_ameli.title);
  assert.equal(squash(await account.locator('.channel-how').textContent()), fr.channels.compte_ameli.how);
  assert.ok(await page.locator(`${within} h2`, { hasText: fr.ui.static_ask_title }).isVisible(), 'the heading of the ways to ask');
}

// The static first screen, shown whole: heading, what the accompaniment is, the ways to ask.
async function assertStaticScreen(page) {
  const screen = page.locator('[data-static-intro]');
  assert.ok(await screen.isVisible(), 'the static first screen is shown');
  assert.equal(squash(await screen.locator('h1.intro-title').textContent()), fr.ui.app_title);
  for (const text of [fr.ui.intro_text, fr.ui.static_what]) {
    assert.ok(await screen.getByText(text, { exact: true }).isVisible(), `shown: ${text}`);
  }
  await assertWaysToAsk(page, '[data-static-intro]');
  assert.equal(await page.locator('.loading').isVisible(), false, '"Chargement…" is not shown');
  assert.equal(await page.locator('[data-screen]').count(), 0, 'no screen of the app');
  // The questionnaire cannot run: no Start, no first question, no word of it.
  assert.equal(await page.locator('[data-static-start]').isVisible(), false, 'no Start');
  assert.equal(await page.locator('[data-static-question]').isVisible(), false, 'no first question');
  assert.equal(await screen.getByText(fr.ui.intro_how, { exact: true }).isVisible(), false, 'no word of the questions');
}

// Playwright's text locators skip <noscript>: read it by its place.
async function assertNoScriptSentence(page) {
  const sentence = page.locator('[data-static-intro] noscript .notice');
  assert.ok(await sentence.isVisible(), 'the sentence that the questionnaire needs JavaScript');
  assert.equal(squash(await sentence.textContent()), fr.ui.static_no_js);
}

test('JavaScript off: the static screen, the sentence that the questionnaire needs JavaScript, the ways to ask', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(env.url);
    await assertStaticScreen(page);
    await assertNoScriptSentence(page);
    assert.equal(await page.locator('[data-static-reason="no-wasm"]').isVisible(), false);
    await screenshot(page, 'degraded-nojs-375.png');
    // An address that opens the first question (a link kept from a visit with JavaScript) shows
    // the same screen: the question cannot go on without it.
    await page.goto(`${env.url}#premiere-question`);
    await assertStaticScreen(page);
    // No axe here: axe.run waits on the page's timers, which never fire with JavaScript off. The
    // same elements and styles are checked below, on the page without WebAssembly.
    // standalone.html is made from index.html: the same screen (from file://, as it is used: the
    // server's CSP would block its inline styles).
    await page.goto(pathToFileURL(join(distDir, 'standalone.html')).href);
    await assertStaticScreen(page);
    await assertNoScriptSentence(page);
  } finally {
    await context.close();
  }
});

// Some managed browsers and lockdown modes have no WebAssembly at all, or refuse to compile any.
const withoutWebAssembly = [
  ['WebAssembly missing', 'degraded-nowasm-375.png', () => {
    delete globalThis.WebAssembly;
  }],
  ['WebAssembly refusing to compile', null, () => {
    const refuse = () => {
      throw new WebAssembly.CompileError('WebAssembly is disabled by policy');
    };
    WebAssembly.Module = function Module() {
      refuse();
    };
    WebAssembly.compile = async () => refuse();
    WebAssembly.compileStreaming = async () => refuse();
  }],
];

for (const [what, shot, initScript] of withoutWebAssembly) {
  test(`${what}: the static screen stays, with one sentence that the questionnaire cannot run here`, async () => {
    const fixture = await openPage(env, { viewport: PHONE });
    try {
      await fixture.context.addInitScript(initScript);
      await fixture.page.goto(env.url);
      await fixture.page.locator('[data-static-reason="no-wasm"]').waitFor({ state: 'visible' });
      await assertStaticScreen(fixture.page);
      assert.equal(squash(await fixture.page.locator('[data-static-reason="no-wasm"]').textContent()), fr.ui.static_no_wasm);
      assert.equal(await fixture.page.locator('[data-static-intro] noscript .notice').isVisible(), false, 'no word of JavaScript');
      assert.doesNotMatch(await fixture.page.locator('#app').textContent(), /engine\.|load_failed|Code de l'erreur/, 'no error code');
      await fixture.settled();
      fixture.assertClean(what);
      if (shot) await screenshot(fixture.page, shot);
      await expectNoAxeViolations(fixture.page, what);
    } finally {
      await fixture.close();
    }
  });
}

// The module missing or broken, the rules missing: the load-error screen, with the ways to ask.
const loadFailures = [
  ['pdp-core.wasm answers 404', '**/pdp-core.wasm', { status: 404, body: 'not found' }, null],
  ['pdp-core.wasm is not a module', '**/pdp-core.wasm',
    { status: 200, contentType: 'application/wasm', body: 'this is not a WebAssembly module' }, 'degraded-module-failed-375.png'],
  ['rules.json answers 404', '**/rules.json', { status: 404, body: 'not found' }, null],
];

for (const [what, pattern, reply, shot] of loadFailures) {
  test(`${what}: the load-error screen, its retry and restart, and the ways to ask`, async () => {
    const fixture = await openPage(env, { viewport: PHONE });
    try {
      await fixture.page.route(pattern, (route) => route.fulfill(reply));
      await fixture.page.goto(env.url);
      const error = await expectScreen(fixture.page, 'error');
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.match(await error.textContent(), /engine\.load_failed/);
      assert.ok(await error.locator('[data-action="retry"]').isVisible(), 'a way to try again');
      assert.ok(await error.locator('[data-action="restart"]').isVisible(), 'a way to restart');
      await assertWaysToAsk(fixture.page, '[data-screen="error"]');
      assert.equal(await fixture.page.locator('[data-static-intro]').count(), 0, 'the static screen is replaced');
      await fixture.settled();
      assert.deepEqual(fixture.records.pageErrors, []);
      assert.deepEqual(fixture.records.cspViolations, []);
      if (shot) await screenshot(fixture.page, shot);
      await expectNoAxeViolations(fixture.page, what);
      // Trying again with the same files fails the same way, still with the ways to ask.
      await clickAction(fixture.page, 'retry');
      await expectScreen(fixture.page, 'error');
      await assertWaysToAsk(fixture.page, '[data-screen="error"]');
    } finally {
      await fixture.close();
    }
  });
}

test('everything works: the static heading and lead are drawn before the rules arrive, and the intro takes them over in place', async () => {
  const fixture = await openPage(env, { viewport: PHONE });
  try {
    // Every layout shift from the first paint on (Chromium's Layout Instability API): the take-over
    // must move nothing, the language bar drawn above the static screen included.
    await fixture.page.addInitScript(() => {
      globalThis.__pdpShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          globalThis.__pdpShifts.push({ value: entry.value, moved: entry.sources.map((source) => source.node?.className ?? '?') });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // The rules held back until the static screen has been measured (the app draws its intro from
    // them, before the module arrives: tests/browser/opening.test.mjs).
    const release = await holdBack(fixture.page, '**/rules.json');
    await fixture.page.goto(env.url);
    const staticScreen = fixture.page.locator('[data-static-intro]');
    await staticScreen.locator('h1.intro-title').waitFor({ state: 'visible' });
    assert.ok(await staticScreen.locator('[data-static-start]').isVisible(), 'Start, which works before the app (tests/browser/static-opening.test.mjs)');
    assert.equal(await fixture.page.locator('.loading').isVisible(), false, 'nothing says "Chargement…" on the intro: it is all there');
    assert.equal(await staticScreen.locator('[data-ways-to-ask]').isVisible(), false, 'the ways to ask wait until they are needed');
    const before = {
      heading: await staticScreen.locator('h1.intro-title').boundingBox(),
      lead: await staticScreen.locator('.lead').boundingBox(),
    };
    release();
    const intro = await expectScreen(fixture.page, 'intro');
    assert.equal(await fixture.page.locator('[data-static-intro]').count(), 0, 'the static screen is gone');
    const after = {
      heading: await intro.locator('h1').boundingBox(),
      lead: await intro.locator('.lead').boundingBox(),
    };
    for (const part of ['heading', 'lead']) {
      for (const side of ['x', 'y', 'width', 'height']) {
        assert.ok(
          Math.abs(after[part][side] - before[part][side]) <= 1,
          `the ${part}'s ${side} stays (${before[part][side]} → ${after[part][side]})`,
        );
      }
    }
    assert.equal(squash(await intro.locator('h1').textContent()), fr.ui.app_title);
    await fixture.settled();
    // Two frames: a shift is reported after the frame it happened in.
    await fixture.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.deepEqual(await fixture.page.evaluate(() => globalThis.__pdpShifts), [], 'no layout shift while the app takes over');
    fixture.assertClean('a normal start');
  } finally {
    await fixture.close();
  }
});
