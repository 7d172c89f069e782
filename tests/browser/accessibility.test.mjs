// Accessibility (RGAA 4.1.2 / WCAG 2.1 AA, docs/accessibility.md): axe-core on every screen of
// every persona in French and of the covering personas in the other languages, a keyboard-only
// walk, reflow at 320 CSS px and at 200 % zoom, focus and tag contrast, reduced motion, forced
// colours, the accessibility statement.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  STORAGE_KEY,
  answerQuestion,
  answerValues,
  checkedValues,
  clickAction,
  distDir,
  ensureScreenshotDir,
  expectQuestion,
  expectScreen,
  loadPersona,
  coveringPersonas,
  loadPersonas,
  openPage,
  repoRoot,
  storedState,
  useBrowser,
} from './support.mjs';
import { axeVersion, expectNoAxeViolations } from './axe.mjs';
import { loadAudit, statementTexts } from '../../scripts/accessibility-statement.mjs';
import { withoutLanguageMarks } from '../../web/language-marks.js';
import { decodePng } from './png.mjs';

const env = useBrowser();
const personas = loadPersonas();
// Reflow, colours and the languages after the first: the personas that together show every result,
// item, status and answer (support.mjs), not all of them again.
const covering = coveringPersonas(personas);
const keyboardPersona = loadPersona('salariee-arret-maladie.json');

// The languages of the built rules (every locale file bundled), French first.
function builtLanguages() {
  try {
    const bundle = JSON.parse(readFileSync(join(distDir, 'rules.json'), 'utf8'));
    // The default language's texts are in rules.json; each other language's in its own
    // rules.<code>.json (scripts/optimise-dist.mjs), fetched when a person picks it.
    const ids = [
      ...Object.keys(bundle.files ?? {}).map((name) => /^locales\/([a-z]{2})\.json$/.exec(name)?.[1]),
      ...readdirSync(distDir).map((name) => /^rules\.([a-z]{2})\.json$/.exec(name)?.[1]),
    ].filter(Boolean);
    return ['fr', ...[...new Set(ids)].filter((id) => id !== 'fr').sort()];
  } catch {
    return ['fr']; // not built: every test fails in openPage saying so
  }
}
const languages = builtLanguages();

// Same-origin reflow viewports. WCAG 1.4.10: content readable at 320 CSS px wide without
// scrolling in two directions; a 1280 px window at 200 % zoom is 640 CSS px wide.
const PHONE_320 = { viewport: { width: 320, height: 640 } };
const ZOOM_200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };

async function withPage(options, body) {
  const fixture = await openPage(env, options);
  try {
    await body(fixture.page, fixture);
  } finally {
    await fixture.close();
  }
}

// A page at a reflow size (viewport and, for the zoom, device scale factor).
function openScaledPage(date, { viewport, deviceScaleFactor = 1 }) {
  return openPage(env, { date, viewport, deviceScaleFactor });
}

// ---- Colour arithmetic (WCAG 2.1 relative luminance and contrast ratio)

function parseColour(text) {
  const match = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:,?\s*\/?\s*([\d.]+))?\)/.exec(text ?? '');
  assert.ok(match, `a colour in rgb(): ${text}`);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a: match[4] === undefined ? 1 : Number(match[4]) };
}

function luminance({ r, g, b }) {
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrastRatio(first, second) {
  const [light, dark] = [luminance(parseColour(first)), luminance(parseColour(second))].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

// ---- Reading the page

/** The accessible state around the focus: what has it, the title, the live region's words. */
async function focusState(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    const screen = active?.closest('[data-screen]');
    const rect = active?.getBoundingClientRect();
    return {
      tag: active?.tagName.toLowerCase() ?? null,
      isScreenHeading: !!active?.matches('h1[data-focus], h2[data-focus]'),
      screen: screen?.getAttribute('data-screen') ?? null,
      question: screen?.getAttribute('data-question') ?? null,
      text: active?.textContent.trim() ?? '',
      inView: !!rect && rect.bottom > 0 && rect.top < window.innerHeight && rect.height > 0,
      title: document.title,
      step: document.querySelector('.progress-step')?.textContent.trim() ?? null,
    };
  });
}

/** Waits until the polite live region says `words` (it is filled a moment after the change). */
async function expectAnnounced(page, words) {
  try {
    await page.waitForFunction(
      (expected) => [...document.querySelectorAll('[role="status"][aria-live="polite"]')].some((r) => r.textContent.trim() === expected),
      words,
      { timeout: 3000 },
    );
  } catch {
    const said = await page.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((r) => r.textContent));
    assert.fail(`the live region should announce "${words}", it says ${JSON.stringify(said)}`);
  }
}

/**
 * The focus indicator of the focused element (or, for a choice's input, of its .choice box):
 * whether it matches :focus-visible, its outline and box-shadow, its colour and the background
 * it is drawn on.
 */
async function focusIndicator(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    const background = (element) => {
      for (let el = element; el; el = el.parentElement) {
        const colour = getComputedStyle(el).backgroundColor;
        if (!/rgba\(0, 0, 0, 0\)|transparent/.test(colour)) return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    const boxes = [active, active.matches('input') ? active.closest('.choice') : null].filter(Boolean);
    const drawn = boxes.map((el) => {
      const style = getComputedStyle(el);
      return {
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        outlineColor: style.outlineColor,
        boxShadow: style.boxShadow,
        behind: background(el.parentElement ?? el),
      };
    });
    return {
      element: `${active.tagName.toLowerCase()}${active.getAttribute('data-action') ? `[data-action=${active.getAttribute('data-action')}]` : ''}${active.value ? `[value=${active.value}]` : ''}`,
      focusVisible: active.matches(':focus-visible'),
      drawn,
    };
  });
}

/** Fails unless the focused control shows a focus ring ≥ 2 px whose colour contrasts ≥ 3:1. */
async function expectVisibleFocus(page, where) {
  const indicator = await focusIndicator(page);
  assert.ok(indicator, `${where}: something has the focus`);
  assert.ok(indicator.focusVisible, `${where}: ${indicator.element} matches :focus-visible`);
  const ring = indicator.drawn.find((d) => d.outlineStyle !== 'none' && d.outlineWidth >= 2);
  assert.ok(ring, `${where}: ${indicator.element} draws an outline of 2 px or more: ${JSON.stringify(indicator.drawn)}`);
  const ratio = contrastRatio(ring.outlineColor, ring.behind);
  assert.ok(ratio >= 3, `${where}: the focus ring ${ring.outlineColor} on ${ring.behind} contrasts ${ratio.toFixed(2)}:1 (< 3:1)`);
}

/** Nothing sticks out sideways: no horizontal scroll, no element past the right edge. */
async function expectNoHorizontalScroll(page, where) {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const sticking = [...document.querySelectorAll('#app *')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden'))
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.right > width + 0.5 || rect.left < -0.5)
      .slice(0, 5)
      .map(({ el, rect }) => `${el.tagName.toLowerCase()}.${el.className} [${Math.round(rect.left)}, ${Math.round(rect.right)}]`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, sticking };
  });
  assert.ok(
    overflow.scrollWidth <= overflow.clientWidth && overflow.sticking.length === 0,
    `${where}: content wider than the ${overflow.clientWidth} px viewport (scrollWidth ${overflow.scrollWidth}): ${overflow.sticking.join('; ')}`,
  );
}

/**
 * Walks `persona` from the intro to the result, calling `check(page, where)` on every screen: the
 * intro (when `intro`), each question, the recap, the result.
 */
async function walkWithChecks(page, persona, check, { intro = true } = {}) {
  await expectScreen(page, 'intro');
  if (intro) await check(page, 'intro');
  await clickAction(page, 'next');
  for (const [index, step] of persona.steps.entries()) {
    await expectQuestion(page, step.question);
    await check(page, `question ${index + 1} (${step.question})`);
    await answerQuestion(page, step.question, step.answer);
  }
  await expectScreen(page, 'recap');
  await check(page, 'recap');
  await clickAction(page, 'next');
  await expectScreen(page, 'result');
  await check(page, 'result');
}

// ---------------------------------------------------------------------------------------------

for (const lang of languages) {
  describe(`axe-core finds no WCAG 2.1 A/AA violation (${lang})`, () => {
    for (const [index, persona] of (lang === languages[0] ? personas : covering).entries()) {
      test(`${persona.file}: every screen, the print view and the accessibility statement`, async () => {
        await withPage({ date: persona.date }, async (page, fixture) => {
          await fixture.open(`?lang=${lang}`);
          // The intro is the same for everyone: checked with the first persona.
          await walkWithChecks(
            page,
            persona,
            async (p, where) => {
              await expectNoAxeViolations(p, `${persona.file} [${lang}] ${where}`);
              const footer = p.locator('.app-footer [data-action="accessibility"]');
              assert.equal(await footer.count(), 1, `${where}: the footer leads to the accessibility statement`);
              assert.ok(await footer.isVisible(), `${where}: the accessibility link is visible`);
            },
            { intro: index === 0 },
          );
          await page.emulateMedia({ media: 'print' });
          await expectNoAxeViolations(page, `${persona.file} [${lang}] print view of the result`);
          await page.emulateMedia({ media: 'screen' });
          if (index === 0) {
            await clickAction(page, 'accessibility');
            await expectScreen(page, 'accessibility');
            await expectNoAxeViolations(page, `[${lang}] accessibility statement`);
          }
          fixture.assertClean(`${persona.file} [${lang}]`);
        });
      });
    }

    test('a question answered with nothing chosen (the error message shown)', async () => {
      const persona = keyboardPersona;
      await withPage({ date: persona.date }, async (page, fixture) => {
        await fixture.open(`?lang=${lang}`);
        await clickAction(page, 'next');
        await expectQuestion(page, persona.steps[0].question);
        await clickAction(page, 'next');
        await page.locator('.field-error').filter({ visible: true }).waitFor();
        await expectNoAxeViolations(page, `[${lang}] question with its error message`);
        fixture.assertClean();
      });
    });

    test('the error screen (an answer the rules refuse)', async () => {
      await withPage({ date: keyboardPersona.date }, async (page, fixture) => {
        await fixture.open(`?lang=${lang}`);
        const broken = { answers: { situation_pro: 'pirate' }, history: ['situation_pro'], screen: 'recap', current: null };
        await page.evaluate(([key, state]) => sessionStorage.setItem(key, JSON.stringify(state)), [STORAGE_KEY, broken]);
        await page.reload();
        await expectScreen(page, 'error');
        await expectNoAxeViolations(page, `[${lang}] error screen`);
      });
    });
  });
}

test('axe-core finds no violation on the screen shown when the engine cannot load', async () => {
  await withPage({}, async (page, fixture) => {
    await page.route('**/rules.json', (route) => route.abort());
    await fixture.open();
    await expectScreen(page, 'error');
    await expectNoAxeViolations(page, 'load error screen');
  });
});

// ---------------------------------------------------------------------------------------------

describe('keyboard only (Tab, Shift+Tab, arrows, Space, Enter; no mouse)', () => {
  const MAX_TABS = 40;

  /** Presses Tab (or Shift+Tab) until `selector` has the focus; fails if it never does. */
  async function tabTo(page, selector, { backwards = false } = {}) {
    for (let count = 0; count < MAX_TABS; count += 1) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    assert.fail(`${selector} never got the focus after ${MAX_TABS} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
  }

  const activeValue = (page) => page.evaluate(() => document.activeElement?.value ?? null);

  /** Chooses `answer` in the question shown, with the keyboard only. */
  async function chooseWithKeyboard(page, id, answer) {
    const wanted = answerValues(answer);
    const type = await page.locator(`[data-question="${id}"] input`).first().getAttribute('type');
    await tabTo(page, `[data-question="${id}"] input`);
    await expectVisibleFocus(page, `question ${id}, first choice`);
    if (type === 'radio') {
      // Arrows move through a radio group and select as they go; Space selects the focused one.
      const count = await page.locator(`[data-question="${id}"] input`).count();
      for (let presses = 0; (await activeValue(page)) !== wanted[0]; presses += 1) {
        assert.ok(presses < count, `question ${id}: the arrows never reached "${wanted[0]}"`);
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Space');
    } else {
      // Checkboxes: Tab from one to the next, Space to check or uncheck.
      const values = await page.locator(`[data-question="${id}"] input`).evaluateAll((all) => all.map((i) => i.value));
      for (const [index, value] of values.entries()) {
        assert.equal(await activeValue(page), value, `question ${id}: Tab goes through the boxes in order`);
        const checked = await page.evaluate(() => document.activeElement.checked);
        if (checked !== wanted.includes(value)) await page.keyboard.press('Space');
        if (index < values.length - 1) await page.keyboard.press('Tab');
      }
    }
    assert.deepEqual(await checkedValues(page, id), [...wanted].sort(), `question ${id}: chosen with the keyboard`);
  }

  // After a step taken with the keyboard: the focus is on the new screen's heading, in view, with
  // its ring showing.
  async function expectStep(page, screen, where) {
    await expectScreen(page, screen);
    const state = await focusState(page);
    assert.ok(state.isScreenHeading && state.screen === screen, `${where}: the focus is on the new screen's heading: ${JSON.stringify(state)}`);
    assert.ok(state.inView, `${where}: the focused heading is in view`);
    await expectVisibleFocus(page, `${where}, heading`);
    return state;
  }

  test('after a click, the heading that gets the focus shows no ring (the ring is for keyboard users)', async () => {
    await withPage({ date: keyboardPersona.date }, async (page, fixture) => {
      await fixture.open();
      await clickAction(page, 'next');
      await expectQuestion(page, keyboardPersona.steps[0].question);
      const heading = await page.evaluate(() => {
        const active = document.activeElement;
        const style = getComputedStyle(active);
        return { focus: active.hasAttribute('data-focus'), visible: active.matches(':focus-visible'), outline: style.outlineStyle };
      });
      assert.deepEqual(heading, { focus: true, visible: false, outline: 'none' });
      fixture.assertClean();
    });
  });

  test(`${keyboardPersona.file} completed to the result: focus on each new heading, visible focus, title and announcement per step, error tied to its field`, async () => {
    const persona = keyboardPersona;
    await withPage({ date: persona.date, viewport: { width: 1280, height: 900 } }, async (page, fixture) => {
      await fixture.open();
      // Loading the page is not a change of screen: the focus is left to the browser.
      await expectScreen(page, 'intro');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'nothing focused on load');
      await tabTo(page, '[data-action="next"]');
      await expectVisibleFocus(page, 'intro, Start');
      await page.keyboard.press('Enter');

      for (const [index, step] of persona.steps.entries()) {
        const where = `question ${index + 1} (${step.question})`;
        await expectQuestion(page, step.question);
        const state = await expectStep(page, 'question', where);
        assert.equal(state.question, step.question, `${where}: the focused heading is this question's`);
        assert.ok(state.step && state.title.includes(state.step), `${where}: document.title "${state.title}" names the step "${state.step}"`);
        await expectAnnounced(page, state.step);

        if (index === 0) {
          // Next with nothing chosen: the message is tied to the field, and the focus stays.
          await tabTo(page, '[data-screen="question"] [data-action="next"]');
          await page.keyboard.press('Enter');
          const error = await page.evaluate(() => {
            const fieldset = document.querySelector('[data-screen="question"] fieldset');
            const ids = (fieldset.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
            const shown = document.querySelector('.field-error:not([hidden])');
            return {
              invalid: fieldset.getAttribute('aria-invalid'),
              described: ids.map((id) => document.getElementById(id)?.textContent.trim() ?? null),
              message: shown?.textContent.trim() ?? null,
              describedByMessage: !!shown && ids.includes(shown.id),
              focusOnNext: document.activeElement?.getAttribute('data-action') === 'next',
            };
          });
          assert.ok(error.message, 'an error message is shown');
          assert.equal(error.invalid, 'true', 'the fieldset is aria-invalid');
          assert.ok(error.describedByMessage, `aria-describedby resolves to the message: ${JSON.stringify(error)}`);
          assert.ok(error.focusOnNext, 'the focus stays on Next');
          await expectAnnounced(page, error.message);
          await tabTo(page, `[data-question="${step.question}"] input`, { backwards: true });
        }

        await chooseWithKeyboard(page, step.question, step.answer);
        await tabTo(page, '[data-screen="question"] [data-action="next"]');
        await expectVisibleFocus(page, `${where}, Next`);
        // Shift+Tab goes back to the choices, Tab returns to Next.
        await page.keyboard.press('Shift+Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'INPUT', `${where}: Shift+Tab from Next reaches the choices`);
        await tabTo(page, '[data-screen="question"] [data-action="next"]');
        await page.keyboard.press('Enter');
      }

      const recap = await expectStep(page, 'recap', 'recap');
      assert.ok(recap.title.includes(recap.text), `recap: document.title "${recap.title}" names the step`);
      await expectAnnounced(page, recap.text);
      await tabTo(page, '[data-screen="recap"] [data-action="next"]');
      await expectVisibleFocus(page, 'recap, See the result');
      await page.keyboard.press('Enter');

      const result = await expectStep(page, 'result', 'result');
      const title = await page.evaluate(() => document.title);
      await expectAnnounced(page, title.split(' – ')[0]);
      assert.notEqual(title, recap.title, 'the result has its own title');
      assert.equal(await page.locator('[data-screen="result"]').getAttribute('data-eligibility'), persona.expect.eligibility);
      assert.ok(result.text.length > 0);

      // The accessibility statement, and back, with the keyboard.
      await tabTo(page, '.app-footer [data-action="accessibility"]');
      await expectVisibleFocus(page, 'footer, accessibility');
      await page.keyboard.press('Enter');
      const statement = await expectStep(page, 'accessibility', 'accessibility statement');
      assert.notEqual(statement.title, title, 'the statement has its own title');
      await expectAnnounced(page, statement.title.split(' – ')[0]);
      await tabTo(page, '[data-screen="accessibility"] [data-action="back"]');
      await page.keyboard.press('Enter');
      await expectStep(page, 'result', 'back from the statement');
      fixture.assertClean();
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('the accessibility statement', () => {
  test('Back from the statement returns to the same question, with the answers kept', async () => {
    const persona = keyboardPersona;
    await withPage({ date: persona.date }, async (page, fixture) => {
      await fixture.open();
      await clickAction(page, 'next');
      for (const step of persona.steps.slice(0, 3)) await answerQuestion(page, step.question, step.answer);
      const here = persona.steps[3].question;
      await expectQuestion(page, here);
      const before = await storedState(page);
      await clickAction(page, 'accessibility');
      await expectScreen(page, 'accessibility');
      assert.deepEqual((await storedState(page)).answers, before.answers, 'the answers stay stored');
      await clickAction(page, 'back');
      await expectQuestion(page, here);
      assert.deepEqual((await storedState(page)).answers, before.answers, 'the answers are kept');
      await clickAction(page, 'back');
      await expectQuestion(page, persona.steps[2].question);
      assert.deepEqual(await checkedValues(page, persona.steps[2].question), answerValues(persona.steps[2].answer));
      fixture.assertClean();
    });
  });

  for (const lang of languages) {
    test(`[${lang}] states what the tests check: axe-core and Chromium versions, status, contact, recourse`, async () => {
      const locale = JSON.parse(readFileSync(join(repoRoot, 'rules', 'locales', `${lang}.json`), 'utf8'));
      await withPage({}, async (page, fixture) => {
        await fixture.open(`?lang=${lang}`);
        const footer = (await page.locator('.app-footer [data-action="accessibility"]').textContent()).trim();
        await clickAction(page, 'accessibility');
        const screen = await expectScreen(page, 'accessibility');
        const text = (await screen.textContent()).replace(/\s+/g, ' ');
        const chromiumMajor = env.browser.version().split('.')[0];
        assert.ok(text.includes(`axe-core ${axeVersion()}`), `the statement names the axe-core version the tests use (${axeVersion()})`);
        assert.ok(text.includes(`Chromium ${chromiumMajor}`), `the statement names the Chromium version the tests use (${chromiumMajor})`);
        assert.ok(text.includes('RGAA 4.1.2'), 'the statement names the standard');
        // The conformity status of the footer is the one of the statement.
        const status = footer.split(/\s*:\s*/).pop();
        assert.ok(status && text.includes(status), `the footer's status "${status}" is the statement's`);
        // The audit's results (docs/rgaa/audit.json), as the generator words them: status, rate,
        // non-conformities (one a list item), date, pages checked, environment, assistive technology.
        const audit = statementTexts(loadAudit(), locale);
        assert.equal(footer, audit.footer_accessibility, 'the footer gives the audit\'s status');
        for (const key of ['a11y_status', 'a11y_rate', 'a11y_date', 'a11y_sample', 'a11y_env', 'a11y_at']) {
          assert.ok(text.includes(withoutLanguageMarks(audit[key])), `the statement says the audit's ${key}: ${audit[key]}`);
        }
        const missing = audit.a11y_missing.split('\n');
        for (const line of missing) assert.ok(text.includes(withoutLanguageMarks(line)), `the statement lists: ${line}`);
        if (missing.length > 1) assert.equal(await screen.locator('.statement-part ul li').filter({ hasText: missing[0] }).count(), 1, 'the non-conformities as a list');
        for (const contact of ['36 46', '09 69 39 00 00', 'Libre réponse 71120', '75342 Paris CEDEX 07', 'formulaire.defenseurdesdroits.fr']) {
          assert.ok(text.includes(contact), `the statement gives "${contact}"`);
        }
        assert.equal(await page.locator('.app-footer [data-action="accessibility"]').count(), 0, 'no link to itself on the statement');
        fixture.assertClean();
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------

describe('reflow: no horizontal scrolling', () => {
  for (const [name, options] of [['320 CSS px wide', PHONE_320], ['1280 px at 200 % zoom (640 CSS px)', ZOOM_200]]) {
    test(`at ${name}, on every screen of the personas that show every result and item, the statement and the error message`, async () => {
      for (const [index, persona] of covering.entries()) {
        const fixture = await openScaledPage(persona.date, options);
        try {
          const { page } = fixture;
          await fixture.open();
          if (options.deviceScaleFactor) {
            assert.equal(await page.evaluate(() => window.devicePixelRatio), options.deviceScaleFactor, 'the zoom is applied');
          }
          assert.equal(await page.evaluate(() => document.documentElement.clientWidth), options.viewport.width);
          await walkWithChecks(page, persona, (p, where) => expectNoHorizontalScroll(p, `${persona.file} ${where}`), {
            intro: index === 0,
          });
          if (index === 0) {
            await clickAction(page, 'accessibility');
            await expectScreen(page, 'accessibility');
            await expectNoHorizontalScroll(page, 'accessibility statement');
            await clickAction(page, 'back');
            await clickAction(page, 'back');
            await clickAction(page, 'back');
            await expectScreen(page, 'question');
            await page.evaluate(() => document.querySelectorAll('input:checked').forEach((i) => { i.checked = false; }));
            await clickAction(page, 'next');
            await page.locator('.field-error').filter({ visible: true }).waitFor();
            await expectNoHorizontalScroll(page, 'question with its error message');
          }
          fixture.assertClean(persona.file);
        } finally {
          await fixture.close();
        }
      }
    });
  }
});

describe('screenshots at 200 % zoom (build/artifacts/screenshots/, to look at)', () => {
  for (const lang of languages) {
    // Full pages at twice the density are slow to take: the result in every language, the
    // question's error and the statement in the default one.
    const all = lang === languages[0];
    test(`[${lang}] the result${all ? ', a question with its error and the statement' : ''}, 1280 px wide at 200 %`, async () => {
      const persona = keyboardPersona;
      const fixture = await openScaledPage(persona.date, ZOOM_200);
      try {
        const { page } = fixture;
        const folder = ensureScreenshotDir();
        const shoot = async (name) => {
          const path = join(folder, `a11y-zoom200-${name}-${lang}-1280.png`);
          await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
          // 640 CSS px drawn at twice the density: the picture of a 1280 px window at 200 %.
          assert.equal(decodePng(readFileSync(path)).width, ZOOM_200.viewport.width * ZOOM_200.deviceScaleFactor, `${name}: the zoom is in the picture`);
        };
        await fixture.open(`?lang=${lang}`);
        await clickAction(page, 'next');
        await expectQuestion(page, persona.steps[0].question);
        await clickAction(page, 'next');
        await page.locator('.field-error').filter({ visible: true }).waitFor();
        if (all) await shoot('question-error');
        for (const step of persona.steps) await answerQuestion(page, step.question, step.answer);
        // The recap first: a busy machine may still show the last question, whose Next is then
        // the visible one.
        await expectScreen(page, 'recap');
        await clickAction(page, 'next');
        await expectScreen(page, 'result');
        await shoot('result');
        await clickAction(page, 'accessibility');
        await expectScreen(page, 'accessibility');
        if (all) await shoot('statement');
        fixture.assertClean();
      } finally {
        await fixture.close();
      }
    });
  }
});

// WCAG 1.4.12 (RGAA 10.12): the person's own spacing (line height 1.5, paragraphs 2 em apart,
// letters 0.12 em, words 0.16 em) set on every element of the screen, as a user style would.
async function applyTextSpacing(page) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('#app, #app *')) {
      el.style.setProperty('line-height', '1.5', 'important');
      el.style.setProperty('letter-spacing', '0.12em', 'important');
      el.style.setProperty('word-spacing', '0.16em', 'important');
      if (el.matches('p')) el.style.setProperty('margin-bottom', '2em', 'important');
    }
  });
  const applied = await page.evaluate(() => getComputedStyle(document.querySelector('#app h2, #app h1')).wordSpacing);
  assert.notEqual(applied, '0px', 'the spacing is applied');
}

/** No text cut: nothing that clips its content (overflow not visible) holds more than it shows. */
async function expectNothingClipped(page, where) {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('#app *')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden'))
      .filter((el) => {
        const s = getComputedStyle(el);
        const clips = (value) => value !== 'visible';
        return (clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
  assert.deepEqual(clipped, [], `${where}: elements that cut their text`);
}

describe('text spacing (WCAG 1.4.12)', () => {
  test('with wider line, paragraph, letter and word spacing at 320 px, nothing is cut and nothing scrolls sideways', async () => {
    for (const persona of [keyboardPersona, loadPersona('salarie-sans-contrat.json')]) {
      await withPage({ date: persona.date, ...PHONE_320 }, async (page, fixture) => {
        await fixture.open();
        const check = async (p, where) => {
          await applyTextSpacing(p);
          await expectNoHorizontalScroll(p, `${persona.file} ${where}, text spaced`);
          await expectNothingClipped(p, `${persona.file} ${where}, text spaced`);
        };
        await walkWithChecks(page, persona, check);
        await clickAction(page, 'accessibility');
        await expectScreen(page, 'accessibility');
        await check(page, 'accessibility statement');
        fixture.assertClean(persona.file);
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('colours and user preferences', () => {
  test('the "tag" statuses and the choices: text ≥ 4.5:1, their borders ≥ 3:1 against what surrounds them', async () => {
    const seen = new Set();
    for (const persona of covering) {
      await withPage({ date: persona.date }, async (page, fixture) => {
        await fixture.open();
        await clickAction(page, 'next');
        const choices = await page.evaluate(() =>
          [...document.querySelectorAll('.choice')].map((el) => {
            const style = getComputedStyle(el);
            return { border: style.borderTopColor, inside: style.backgroundColor, outside: getComputedStyle(document.body).backgroundColor };
          }),
        );
        assert.ok(choices.length > 0, 'the first question has choices');
        for (const choice of choices) {
          assert.ok(contrastRatio(choice.border, choice.outside) >= 3, `a choice's border ${choice.border} on ${choice.outside}`);
        }
        for (const step of persona.steps) await answerQuestion(page, step.question, step.answer);
        // The recap first: a busy machine may still show the last question, whose Next is then
        // the visible one.
        await expectScreen(page, 'recap');
        await clickAction(page, 'next');
        await expectScreen(page, 'result');
        const tags = await page.evaluate(() =>
          [...document.querySelectorAll('[data-screen="result"] .tag')].map((el) => {
            const style = getComputedStyle(el);
            let around = 'rgb(255, 255, 255)';
            for (let parent = el.parentElement; parent; parent = parent.parentElement) {
              const colour = getComputedStyle(parent).backgroundColor;
              if (!/rgba\(0, 0, 0, 0\)/.test(colour)) {
                around = colour;
                break;
              }
            }
            return { kind: el.className, color: style.color, background: style.backgroundColor, border: style.borderTopColor, around };
          }),
        );
        for (const tag of tags) {
          seen.add(tag.kind);
          const text = contrastRatio(tag.color, tag.background);
          const edge = contrastRatio(tag.border, tag.around);
          assert.ok(text >= 4.5, `${persona.file}: ${tag.kind} text ${tag.color} on ${tag.background}: ${text.toFixed(2)}:1`);
          assert.ok(edge >= 3, `${persona.file}: ${tag.kind} border ${tag.border} on ${tag.around}: ${edge.toFixed(2)}:1`);
        }
        fixture.assertClean(persona.file);
      });
    }
    for (const kind of ['tag tag--met', 'tag tag--unmet', 'tag tag--unknown', 'tag tag--to-check']) {
      assert.ok(seen.has(kind), `the personas show a ${kind} (seen: ${[...seen].join(', ')})`);
    }
  });

  test('prefers-reduced-motion: reduce leaves no animation, no transition and no smooth scrolling', async () => {
    const persona = keyboardPersona;
    await withPage({ date: persona.date }, async (page, fixture) => {
      await fixture.open();
      assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), 'the preference is emulated');
      const moving = () =>
        page.evaluate(() => {
          const seconds = (list) => Math.max(...list.split(',').map((v) => parseFloat(v) || 0));
          const found = [...document.querySelectorAll('*')]
            .filter((el) => {
              const s = getComputedStyle(el);
              return seconds(s.transitionDuration) > 0 || (seconds(s.animationDuration) > 0 && s.animationName !== 'none');
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.push('html: scroll-behavior smooth');
          return found;
        });
      await walkWithChecks(page, persona, async (p, where) => {
        assert.deepEqual(await moving(), [], `${where}: nothing moves`);
      });
      fixture.assertClean();
    });
  });

  test('forced colours: the result\'s outcome, cards and status tags keep visible borders', async () => {
    const persona = loadPersona('salarie-contrat-incertain.json');
    await withPage({ date: persona.date }, async (page, fixture) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await fixture.open();
      await walkWithChecks(page, persona, async () => {}, { intro: false });
      const lost = await page.evaluate(() =>
        [...document.querySelectorAll('[data-screen="result"] :is(.outcome, .item, .tag)')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => ({ el, s: getComputedStyle(el) }))
          .filter(({ s }) => s.borderTopStyle === 'none' || parseFloat(s.borderTopWidth) === 0 || /rgba\(0, 0, 0, 0\)/.test(s.borderTopColor))
          .map(({ el, s }) => `${el.className}: ${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`),
      );
      const count = await page.locator('[data-screen="result"] .tag').count();
      assert.ok(count > 0, 'the result shows status tags');
      assert.deepEqual(lost, [], 'boxes whose border disappears in forced colours');
      fixture.assertClean();
    });
  });

  test('forced colours: choices and buttons keep their borders, the chosen answer and the focus stay visible', async () => {
    const persona = keyboardPersona;
    await withPage({ date: persona.date }, async (page, fixture) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await fixture.open();
      assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), 'forced colours are emulated');
      await clickAction(page, 'next');
      const id = persona.steps[0].question;
      await expectQuestion(page, id);
      const boxes = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.choice, [data-screen] .button:not(.button--quiet)')].map((el) => {
            const s = getComputedStyle(el);
            return {
              what: `${el.className}${el.querySelector('input:checked') ? ' (checked)' : ''}`,
              border: `${s.borderTopStyle} ${parseFloat(s.borderTopWidth)} ${s.borderTopColor}`,
              outline: s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${parseFloat(s.outlineWidth)} ${s.outlineColor}`,
              borderShown: s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) > 0 && !/rgba\(0, 0, 0, 0\)/.test(s.borderTopColor),
            };
          }),
        );
      const unchosen = await boxes();
      for (const box of unchosen) assert.ok(box.borderShown, `${box.what} keeps a visible border: ${box.border}`);
      // Choose the second option with the keyboard, then move the focus away to compare.
      await page.keyboard.press('Tab');
      await expectVisibleFocus(page, 'forced colours, a choice');
      await page.keyboard.press('ArrowDown');
      await expectVisibleFocus(page, 'forced colours, the next choice');
      await page.keyboard.press('Tab');
      await expectVisibleFocus(page, 'forced colours, Next');
      const chosen = await boxes();
      const checked = chosen.find((box) => box.what.includes('(checked)'));
      const other = chosen.find((box) => box.what.startsWith('choice') && !box.what.includes('(checked)'));
      assert.ok(checked && other, 'a chosen and an unchosen choice');
      assert.ok(
        checked.border !== other.border || checked.outline !== other.outline,
        `the chosen answer looks different from the others without colours of its own: ${JSON.stringify({ checked, other })}`,
      );
      fixture.assertClean();
    });
  });
});
