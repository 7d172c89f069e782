// The tool embedded in a host site (docs/embedding.md): dist/embed-example.html (one tag, a shadow
// root) and dist/embed-frame-example.html (an iframe), served with the strict CSP: personas
// completed through the hooks inside the shadow root, no style crossing the shadow boundary either
// way, the host's theme and language applied, events that carry nothing but their name, the
// integrity hashes, and the screenshots of the embedded example.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { expectNoAxeViolations } from './axe.mjs';
import {
  answerQuestion,
  checkedValues,
  clickAction,
  completePersona,
  distDir,
  ensureScreenshotDir,
  expectQuestion,
  expectScreen,
  idsShown,
  loadPersona,
  openPage,
  useBrowser,
} from './support.mjs';

const env = useBrowser();
const EXAMPLE = 'embed-example.html';
const EVENT_NAMES = ['ready', 'started', 'finished', 'restarted', 'error'];
const PERSONAS = ['salarie-accident-travail.json', 'independant-juin-2021.json', 'salarie-sans-contrat.json'];

// Runs before the host page's scripts: every pdp:* event reaching the document, with what it
// carries (its detail and any property beyond those of a plain CustomEvent).
function recordToolEvents(names) {
  globalThis.__pdpEvents = [];
  const plain = new Set(Object.keys(new CustomEvent('x')));
  for (const name of names) {
    document.addEventListener(`pdp:${name}`, (event) => {
      globalThis.__pdpEvents.push({
        type: event.type,
        detail: event.detail,
        isCustomEvent: event instanceof CustomEvent,
        extra: Object.keys(event).filter((key) => !plain.has(key)),
      });
    });
  }
}

async function openExample(options = {}, file = EXAMPLE) {
  const fixture = await openPage(env, options);
  await fixture.context.addInitScript(recordToolEvents, EVENT_NAMES);
  await fixture.page.goto(new URL(file, env.url).href);
  return fixture;
}

// axe, when it looks into the shadow root, adds an inline <style> of its own that the strict CSP
// blocks (as it must): the page is checked clean before axe runs, and axe's own trace dropped.
async function checkAxe(fixture, what) {
  fixture.assertClean(`${what}, before axe`);
  await expectNoAxeViolations(fixture.page, what);
  const axeTrace = (entry) => /inline style/i.test(JSON.stringify(entry)) || entry.directive === 'style-src-elem';
  for (const list of [fixture.records.consoleErrors, fixture.records.cspViolations]) {
    const kept = list.filter((entry) => !axeTrace(entry));
    list.splice(0, list.length, ...kept);
  }
}

describe('the tool embedded with one tag (embed-example.html)', () => {
  for (const file of PERSONAS) {
    test(`persona ${file} completes inside the shadow root under the strict CSP, with only GETs to the host's origin`, async () => {
      const persona = loadPersona(file);
      const fixture = await openExample({ date: persona.date });
      try {
        const result = await completePersona(fixture.page, persona);
        assert.equal(await result.getAttribute('data-eligibility'), persona.expect.eligibility, 'data-eligibility');
        for (const [key, attribute] of [['measures', 'data-measure'], ['channels', 'data-channel']]) {
          if (key in persona.expect) {
            assert.deepEqual(await idsShown(fixture.page, attribute), [...persona.expect[key]].sort(), attribute);
          }
        }
        // The screens are inside the element's shadow root, not in the host's document.
        const placement = await fixture.page.evaluate(() => ({
          inDocument: document.querySelectorAll('[data-screen]').length,
          inShadow: document.querySelector('pdp-autodiagnostic').shadowRoot.querySelectorAll('[data-screen="result"]').length,
        }));
        assert.deepEqual(placement, { inDocument: 0, inShadow: 1 });
        fixture.assertClean(`${EXAMPLE} with ${file}`);
      } finally {
        await fixture.close();
      }
    });
  }

  test('the host page keeps its focus and the tool nothing in the host origin\'s storage', async () => {
    const persona = loadPersona('salarie-accident-travail.json');
    const fixture = await openExample({ date: persona.date });
    try {
      await expectScreen(fixture.page, 'intro');
      assert.equal(await fixture.page.evaluate(() => document.activeElement?.tagName), 'BODY', 'focus on load');
      await clickAction(fixture.page, 'next');
      await answerQuestion(fixture.page, persona.steps[0].question, persona.steps[0].answer);
      await expectQuestion(fixture.page, persona.steps[1].question);
      const storage = await fixture.page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }));
      assert.deepEqual(storage, { session: 0, local: 0 });
      fixture.assertClean(EXAMPLE);
    } finally {
      await fixture.close();
    }
  });

  test("no host style reaches the tool, no tool style reaches the host, and the host's theme applies", async () => {
    const fixture = await openExample();
    try {
      await expectScreen(fixture.page, 'intro');
      const styles = await fixture.page.evaluate(() => {
        const pick = (element, ...properties) => {
          const computed = getComputedStyle(element);
          return Object.fromEntries(properties.map((property) => [property, computed.getPropertyValue(property)]));
        };
        const shadow = document.querySelector('pdp-autodiagnostic').shadowRoot;
        return {
          toolButton: pick(shadow.querySelector('[data-action="next"]'), 'background-color', 'border-top-style', 'border-top-left-radius', 'font-family'),
          toolText: pick(shadow.querySelector('.lead'), 'color', 'letter-spacing', 'font-family', 'line-height'),
          toolHeading: pick(shadow.querySelector('h1'), 'color', 'text-transform'),
          hostButton: pick(document.querySelector('.host-button'), 'background-color', 'border-top-style', 'display'),
          hostText: pick(document.querySelector('.host-text'), 'background-color', 'border-left-style', 'padding-left'),
        };
      });
      // Host rules (hotpink dashed buttons, brown monospace spaced text, red uppercase headings).
      assert.notEqual(styles.toolButton['background-color'], 'rgb(255, 105, 180)', 'host button colour inside');
      assert.notEqual(styles.toolButton['border-top-style'], 'dashed', 'host button border inside');
      assert.equal(styles.toolText.color, 'rgb(27, 27, 31)', 'tool text colour (--pdp-text)');
      assert.equal(styles.toolText['letter-spacing'], 'normal', 'host letter-spacing inherited');
      assert.doesNotMatch(styles.toolText['font-family'], /Courier/, 'host font inherited');
      assert.notEqual(styles.toolHeading['text-transform'], 'uppercase', 'host heading rule inside');
      // Tool rules (.button, .button--primary, .notice) on host elements with the same classes.
      assert.equal(styles.hostButton['background-color'], 'rgb(255, 105, 180)', 'host button keeps its colour');
      assert.equal(styles.hostButton['border-top-style'], 'dashed', 'host button keeps its border');
      assert.equal(styles.hostButton.display, 'inline-block', 'tool .button display outside');
      assert.equal(styles.hostText['background-color'], 'rgba(0, 0, 0, 0)', 'tool .notice background outside');
      assert.equal(styles.hostText['border-left-style'], 'none', 'tool .notice border outside');
      // The host's theme: --pdp-primary #5a2d82, --pdp-font Georgia, --pdp-radius 0.
      assert.equal(styles.toolButton['background-color'], 'rgb(90, 45, 130)', 'themed --pdp-primary');
      assert.match(styles.toolButton['font-family'], /^Georgia/, 'themed --pdp-font');
      assert.match(styles.toolText['font-family'], /^Georgia/, 'themed --pdp-font on text');
      assert.equal(styles.toolButton['border-top-left-radius'], '0px', 'themed --pdp-radius');
      fixture.assertClean(EXAMPLE);
    } finally {
      await fixture.close();
    }
  });

  test('the events reach the host as names only: no detail, nothing else on them', async () => {
    const persona = loadPersona('salarie-accident-travail.json');
    const fixture = await openExample({ date: persona.date });
    try {
      await completePersona(fixture.page, persona);
      await clickAction(fixture.page, 'restart');
      await expectScreen(fixture.page, 'intro');
      const events = await fixture.page.evaluate(() => globalThis.__pdpEvents);
      assert.deepEqual(
        events.map((event) => event.type),
        ['pdp:ready', 'pdp:started', 'pdp:finished', 'pdp:restarted'],
      );
      for (const event of events) {
        assert.deepEqual(event, { type: event.type, detail: null, isCustomEvent: true, extra: [] }, event.type);
      }
      // The example's own log shows the same names, and nothing else.
      const log = await fixture.page.locator('#event-log li').allTextContents();
      assert.deepEqual(log, events.map((event) => event.type));
    } finally {
      await fixture.close();
    }
  });

  test("the host's lang attribute chooses the tool's language, and a change restarts it in the new one", async () => {
    const fixture = await openExample();
    try {
      await expectScreen(fixture.page, 'intro');
      const languageOf = () =>
        fixture.page.evaluate(() => {
          const app = document.querySelector('pdp-autodiagnostic').shadowRoot.querySelector('.app');
          return { lang: app.getAttribute('lang'), title: app.querySelector('h1')?.textContent };
        });
      const french = await languageOf();
      assert.equal(french.lang, 'fr');
      await fixture.page.evaluate(() => document.querySelector('pdp-autodiagnostic').setAttribute('lang', 'en'));
      await fixture.page.waitForFunction(
        () => document.querySelector('pdp-autodiagnostic').shadowRoot.querySelector('.app[lang="en"] [data-screen="intro"]'),
      );
      const english = await languageOf();
      assert.equal(english.lang, 'en');
      assert.notEqual(english.title, french.title, 'the intro heading in English');
      // The host's own document keeps its language.
      assert.equal(await fixture.page.evaluate(() => document.documentElement.lang), 'fr');
      fixture.assertClean(EXAMPLE);
    } finally {
      await fixture.close();
    }
  });

  test('the kiosk attribute puts the embedded tool in kiosk mode, and kiosk="false" takes it out', async () => {
    const fixture = await openExample();
    try {
      await expectScreen(fixture.page, 'intro');
      const kioskShown = () =>
        fixture.page.evaluate(() => {
          const shadow = document.querySelector('pdp-autodiagnostic').shadowRoot;
          return !!shadow.querySelector('.app.app--kiosk [data-kiosk-bar]') && !!shadow.querySelector('[data-screen="intro"]');
        });
      assert.equal(await kioskShown(), false, 'no kiosk without the attribute');
      await fixture.page.evaluate(() => document.querySelector('pdp-autodiagnostic').setAttribute('kiosk', ''));
      await fixture.page.waitForFunction(() =>
        document.querySelector('pdp-autodiagnostic').shadowRoot.querySelector('.app.app--kiosk [data-kiosk-bar]'),
      );
      await expectScreen(fixture.page, 'intro');
      assert.equal(await kioskShown(), true, 'kiosk with the attribute');
      await fixture.page.evaluate(() => document.querySelector('pdp-autodiagnostic').setAttribute('kiosk', 'false'));
      await fixture.page.waitForFunction(
        () => !document.querySelector('pdp-autodiagnostic').shadowRoot.querySelector('[data-kiosk-bar]'),
      );
      await expectScreen(fixture.page, 'intro');
      fixture.assertClean(EXAMPLE);
    } finally {
      await fixture.close();
    }
  });

  test('kiosk-idle and kiosk-countdown set the embedded kiosk\'s delays: the countdown shows, then the answers are wiped', async () => {
    const fixture = await openExample();
    try {
      await expectScreen(fixture.page, 'intro');
      await fixture.page.evaluate(() => {
        const element = document.querySelector('pdp-autodiagnostic');
        element.setAttribute('kiosk-idle', '2');
        element.setAttribute('kiosk-countdown', '2');
        element.setAttribute('kiosk', '');
      });
      await fixture.page.waitForFunction(() =>
        document.querySelector('pdp-autodiagnostic').shadowRoot.querySelector('[data-kiosk-bar]'),
      );
      await clickAction(fixture.page, 'next');
      await answerQuestion(fixture.page, 'situation_pro', 'salarie');
      await expectQuestion(fixture.page, 'contrat_travail');
      // Two seconds without a touch: the countdown; two more: the wipe, back to the intro.
      await fixture.page.locator('[data-kiosk-countdown]').waitFor({ state: 'visible', timeout: 6000 });
      await expectScreen(fixture.page, 'intro');
      await fixture.page.locator('[data-kiosk-countdown]').waitFor({ state: 'hidden', timeout: 6000 });
      await clickAction(fixture.page, 'next');
      await expectQuestion(fixture.page, 'situation_pro');
      assert.deepEqual(await checkedValues(fixture.page, 'situation_pro'), [], 'the wiped answer is gone');
    } finally {
      await fixture.close();
    }
  });

  test('the example names the sha384 of the element, and integrity.json the hashes of every file it uses', async () => {
    const integrity = JSON.parse(readFileSync(join(distDir, 'integrity.json'), 'utf8'));
    const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(distDir, file))).digest('base64')}`;
    // rules.json, one rules.<code>.json for each language it leaves out (English today), and each
    // language's asides.<code>.json (the texts of the statement, the legal notice, the data page).
    const rulesFiles = readdirSync(distDir).filter((name) => /^(rules(\.[a-z]{2})?|asides\.[a-z]{2})\.json$/.test(name));
    for (const file of ['rules.json', 'rules.en.json', 'asides.fr.json', 'asides.en.json']) assert.ok(rulesFiles.includes(file), rulesFiles.join(', '));
    assert.deepEqual(Object.keys(integrity).sort(), ['pdp-autodiagnostic.js', 'pdp-core.wasm', 'pdp-frame.js', ...rulesFiles, 'styles.css', 'styles-later.css'].sort());
    for (const [file, hash] of Object.entries(integrity)) assert.equal(hash, sri(file), file);
    const html = readFileSync(join(distDir, EXAMPLE), 'utf8');
    assert.match(html, new RegExp(`<script type="module" src="pdp-autodiagnostic\\.js" integrity="${integrity['pdp-autodiagnostic.js'].replace(/[+/]/g, '\\$&')}">`));
    // One module: the element imports nothing (everything it runs is under that one hash).
    assert.doesNotMatch(readFileSync(join(distDir, 'pdp-autodiagnostic.js'), 'utf8'), /\bimport\s*[({"'*]|\bfrom\s*["']/);
  });

  // The example served from a copy of dist/ in which `file` has one more space than the build
  // hashed; `body` gets the page open on the example, and the error screen's code is checked.
  async function withOneFileChanged(file, body) {
    const folder = mkdtempSync(join(tmpdir(), 'pdp-embed-'));
    const server = { close: async () => {} };
    try {
      cpSync(distDir, folder, { recursive: true });
      writeFileSync(join(folder, file), readFileSync(join(folder, file), 'utf8').replace('}', ' }'));
      Object.assign(server, await startServer({ root: folder, port: 0 }));
      const fixture = await openPage({ ...env, url: server.url });
      try {
        await fixture.page.goto(new URL(EXAMPLE, server.url).href);
        const screen = await body(fixture.page);
        assert.equal(await screen.locator('[data-error-code]').textContent(), 'engine.load_failed');
        const integrityErrors = fixture.records.consoleErrors.filter((text) => /integrity/i.test(text));
        assert.ok(integrityErrors.length > 0, `the browser reports the integrity failure: ${fixture.records.consoleErrors}`);
        assert.deepEqual(fixture.records.cspViolations, []);
      } finally {
        await fixture.close();
      }
    } finally {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }

  test('a changed rules.json is refused by its hash: the host\'s load-error screen, no engine running on it', async () => {
    await withOneFileChanged('rules.json', async (page) => {
      const screen = await expectScreen(page, 'error');
      assert.match(await screen.locator('h2').textContent(), /n'a pas pu se charger/, 'the host template');
      return screen;
    });
  });

  test('a changed rules.en.json is refused by its hash when English is asked: an error, never English from it', async () => {
    await withOneFileChanged('rules.en.json', async (page) => {
      await expectScreen(page, 'intro');
      await page.evaluate(() => document.querySelector('pdp-autodiagnostic').setAttribute('lang', 'en'));
      const screen = await expectScreen(page, 'error');
      const lang = await page.evaluate(() => document.querySelector('pdp-autodiagnostic').shadowRoot.querySelector('.app').getAttribute('lang'));
      assert.notEqual(lang, 'en', 'no English texts from a file that fails its hash');
      return screen;
    });
  });

  test('the embedded screens pass axe (WCAG 2.1 A/AA), and screenshots at 375 and 1280 px', async () => {
    const persona = loadPersona('salarie-accident-travail.json');
    const folder = ensureScreenshotDir();
    for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
      const fixture = await openExample({ date: persona.date, viewport });
      try {
        const { page } = fixture;
        await expectScreen(page, 'intro');
        await page.locator('#event-log li').first().waitFor();
        await checkAxe(fixture, `embedded intro at ${viewport.width} px`);
        await page.screenshot({ path: join(folder, `embed-intro-${viewport.width}.png`), fullPage: true });
        await clickAction(page, 'next');
        await expectQuestion(page, persona.steps[0].question);
        await checkAxe(fixture, `embedded question at ${viewport.width} px`);
        await page.screenshot({ path: join(folder, `embed-question-${viewport.width}.png`), fullPage: true });
        await clickAction(page, 'back');
        await completePersona(page, persona);
        await checkAxe(fixture, `embedded result at ${viewport.width} px`);
        await page.screenshot({ path: join(folder, `embed-result-${viewport.width}.png`), fullPage: true });
        fixture.assertClean(`${EXAMPLE} at ${viewport.width} px`);
      } finally {
        await fixture.close();
      }
    }
    assert.ok(existsSync(join(folder, 'embed-result-1280.png')));
  });
});

describe('the tool embedded in an iframe (embed-frame-example.html)', () => {
  test('a persona completes in the frame under the strict CSP and the host receives the event names by postMessage', async () => {
    const persona = loadPersona('independant-juin-2021.json');
    const fixture = await openPage(env, { date: persona.date, viewport: { width: 1280, height: 900 } });
    try {
      const messages = [];
      await fixture.page.exposeBinding('__pdpMessage', (_source, data) => messages.push(data));
      await fixture.context.addInitScript(() => {
        if (window.parent === window) window.addEventListener('message', (event) => globalThis.__pdpMessage(event.data));
      });
      await fixture.page.goto(new URL('embed-frame-example.html', env.url).href);
      const frame = fixture.page.frameLocator('#tool');
      await frame.locator('[data-screen="intro"]').waitFor();
      await frame.locator('[data-action="next"]').click();
      for (const step of persona.steps) {
        const question = frame.locator(`[data-question="${step.question}"]`);
        await question.waitFor();
        for (const value of (Array.isArray(step.answer) ? step.answer : [step.answer]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))) {
          await question.locator(`input[value="${value}"]`).check();
        }
        await question.locator('[data-action="next"]').click();
      }
      await frame.locator('[data-screen="recap"]').waitFor();
      await frame.locator('[data-screen="recap"] [data-action="next"]').click();
      const result = frame.locator('[data-screen="result"]');
      await result.waitFor();
      assert.equal(await result.getAttribute('data-eligibility'), persona.expect.eligibility);
      await fixture.page.locator('#event-log li', { hasText: 'finished' }).waitFor();
      // Beside the heights (tests/browser/frame-height.test.mjs), the event names and nothing else.
      const named = messages.filter((message) => message?.kind !== 'resize-height');
      assert.deepEqual(named, ['ready', 'started', 'finished'].map((event) => ({ source: 'pdp-autodiagnostic', event })));
      assert.deepEqual(await fixture.page.locator('#event-log li').allTextContents(), ['ready', 'started', 'finished']);
      await fixture.page.screenshot({ path: join(ensureScreenshotDir(), 'embed-frame-result-1280.png'), fullPage: true });
      fixture.assertClean('embed-frame-example.html');
    } finally {
      await fixture.close();
    }
  });
});
