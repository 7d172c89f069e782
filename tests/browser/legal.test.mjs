// The legal notice and the personal data page (issue #16, docs/page.md "Pages beside the flow"):
// reached from the footer of every screen (intro, question, recap, result, the accessibility
// statement), on the public page, in kiosk mode and in the embedded element, in French and in
// English; Back returns to the same place with the answers (and a choice not yet sent) kept; what
// the personal data page says is where this app keeps the answers; axe finds nothing; and with
// JavaScript off, the static first screen links to static copies of both pages, same texts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './axe.mjs';
import {
  STORAGE_KEY,
  answerQuestion,
  checkedValues,
  clickAction,
  describeScreen,
  ensureScreenshotDir,
  expectQuestion,
  expectScreen,
  loadPersona,
  openPage,
  repoRoot,
  selectAnswer,
  storedState,
  useBrowser,
} from './support.mjs';

const env = useBrowser();
const persona = loadPersona('salariee-arret-maladie.json');
const ASIDES = ['legal', 'privacy'];
const ui = (lang) => JSON.parse(readFileSync(join(repoRoot, 'rules', 'locales', `${lang}.json`), 'utf8')).ui;
const TITLES = { legal: 'legal_title', privacy: 'privacy_title', accessibility: 'a11y_title' };
const words = (text) => text.replace(/\s+/g, ' ').trim();
// The static pages: the aside each mirrors, its file, its title's text and its link's words.
const STATIC_PAGES = [
  ['accessibility', 'accessibilite.html', 'a11y_title', 'footer_accessibility'],
  ['legal', 'mentions-legales.html', 'legal_title', 'legal_title'],
  ['privacy', 'donnees-personnelles.html', 'privacy_title', 'privacy_title'],
];
const STATIC_FILES = STATIC_PAGES.map(([, file]) => file);

/** Where the person is: the screen, the question, its checked inputs, the stored answers. */
async function place(page, { stored = true } = {}) {
  const { screens, question } = await describeScreen(page);
  return {
    screens,
    question,
    checked: question ? await checkedValues(page, question) : null,
    answers: stored ? (await storedState(page))?.answers ?? null : null,
  };
}

/**
 * From the screen shown, opens each aside through the footer, checks it (its heading in `lang`,
 * the footer leading to the others but not to itself), goes Back and finds the same place.
 */
async function visitAsides(page, lang, where, { stored = true, check = async () => {} } = {}) {
  const before = await place(page, { stored });
  for (const name of ASIDES) {
    await page.locator(`.app-footer [data-action="${name}"]`).click();
    const screen = await expectScreen(page, name);
    const heading = screen.locator('h2[data-focus]');
    assert.equal(words(await heading.textContent()), ui(lang)[TITLES[name]], `${where} [${lang}]: the ${name} page's heading`);
    assert.equal(await page.evaluate(() => document.activeElement?.matches('h2[data-focus]') || document.querySelector('pdp-autodiagnostic')?.shadowRoot?.activeElement?.matches('h2[data-focus]')), true, `${where}: the focus is on the ${name} page's heading`);
    const footer = await page.locator('.app-footer [data-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));
    assert.deepEqual(footer, ['accessibility', ...ASIDES].filter((other) => other !== name), `${where}: the ${name} page's footer leads to the others`);
    await check(page, name);
    if (stored) assert.deepEqual((await storedState(page))?.answers ?? null, before.answers, `${where}: the answers stay stored under the ${name} page`);
    await clickAction(page, 'back');
    assert.deepEqual(await place(page, { stored }), before, `${where} [${lang}]: Back from the ${name} page returns to the same place`);
  }
}

/** Walks the persona through its first answers, the recap and the result, visiting the asides from each. */
async function walkWithAsides(page, lang, options = {}) {
  await expectScreen(page, 'intro');
  await visitAsides(page, lang, 'intro', options);
  await clickAction(page, 'next');
  await answerQuestion(page, persona.steps[0].question, persona.steps[0].answer);
  // A choice made but not yet sent stays through the asides too.
  await selectAnswer(page, persona.steps[1].question, persona.steps[1].answer);
  await visitAsides(page, lang, `question ${persona.steps[1].question} (choice not sent)`, options);
  await answerQuestion(page, persona.steps[1].question, persona.steps[1].answer);
  for (const step of persona.steps.slice(2)) await answerQuestion(page, step.question, step.answer);
  await expectScreen(page, 'recap');
  await visitAsides(page, lang, 'recap', options);
  await clickAction(page, 'next');
  await expectScreen(page, 'result');
  await visitAsides(page, lang, 'result', options);
  // From the statement: its footer leads to both, and Back goes to the flow's place, the result.
  for (const name of ASIDES) {
    await clickAction(page, 'accessibility');
    await expectScreen(page, 'accessibility');
    await page.locator(`.app-footer [data-action="${name}"]`).click();
    await expectScreen(page, name);
    await clickAction(page, 'back');
    await expectScreen(page, 'result');
  }
}

for (const lang of ['fr', 'en']) {
  describe(`[${lang}] the legal notice and the personal data page`, () => {
    test('the public page: from every screen and from the statement, Back keeps the place and the answers; axe; screenshots', async () => {
      const fixture = await openPage(env, { date: persona.date });
      try {
        const { page } = fixture;
        await fixture.open(`?lang=${lang}`);
        await walkWithAsides(page, lang, {
          check: async (p, name) => {
            if (name === 'privacy') {
              // The public page keeps the answers in this tab's sessionStorage, and says so.
              const kept = p.locator('[data-screen="privacy"] [data-kept]');
              assert.equal(await kept.getAttribute('data-kept'), 'session');
              assert.equal(words(await kept.textContent()), words(ui(lang).privacy_kept_session));
            }
          },
        });
        for (const name of ASIDES) {
          await clickAction(page, name);
          await expectScreen(page, name);
          assert.equal(await page.title(), ui(lang).page_title.replace('{step}', ui(lang)[TITLES[name]]), `${name}: the document's title names the page`);
          await expectNoAxeViolations(page, `[${lang}] the ${name} page`);
          await page.screenshot({ path: join(ensureScreenshotDir(), `${name}-${lang}-375.png`), fullPage: true });
          await clickAction(page, 'back');
          await expectScreen(page, 'result');
        }
        // Nothing beyond sessionStorage: no cookie, no other storage.
        assert.deepEqual(await page.evaluate(() => ({ cookie: document.cookie, local: Object.keys(localStorage), session: Object.keys(sessionStorage) })), { cookie: '', local: [], session: [STORAGE_KEY] });
        fixture.assertClean(`[${lang}] public page`);
      } finally {
        await fixture.close();
      }
    });

    test('kiosk mode: the links on every screen, the personal data page says nothing is kept, nothing stored', async () => {
      const fixture = await openPage(env, { date: persona.date });
      try {
        const { page } = fixture;
        await fixture.open(`?kiosk&lang=${lang}`);
        await walkWithAsides(page, lang, {
          stored: false,
          check: async (p, name) => {
            if (name !== 'privacy') return;
            const kept = p.locator('[data-screen="privacy"] [data-kept]');
            assert.equal(await kept.getAttribute('data-kept'), 'kiosk');
            assert.equal(words(await kept.textContent()), words(ui(lang).privacy_kept_kiosk), 'the kiosk says nothing is kept');
            assert.ok(words(await p.locator('[data-screen="privacy"]').textContent()).includes(words(ui(lang).privacy_qr)), 'and what the QR code holds');
          },
        });
        await clickAction(page, 'privacy');
        await expectScreen(page, 'privacy');
        await expectNoAxeViolations(page, `[${lang}] kiosk, the privacy page`);
        if (lang === 'fr') await page.screenshot({ path: join(ensureScreenshotDir(), 'privacy-kiosk-fr-375.png'), fullPage: true });
        assert.deepEqual(await page.evaluate(() => ({ cookie: document.cookie, local: Object.keys(localStorage), session: Object.keys(sessionStorage) })), { cookie: '', local: [], session: [] }, 'kiosk: nothing stored');
        fixture.assertClean(`[${lang}] kiosk`);
      } finally {
        await fixture.close();
      }
    });

    test('the embedded element: the links on every screen, the personal data page says the open page only', async () => {
      const fixture = await openPage(env, { date: persona.date });
      try {
        const { page } = fixture;
        // embed-example.html's element is French; its locale attribute starts it again in another.
        await page.goto(new URL('embed-example.html', env.url).href);
        await page.locator('pdp-autodiagnostic').evaluate((element, locale) => element.setAttribute('locale', locale), lang);
        await page.locator('[data-screen="intro"] h1', { hasText: ui(lang).app_title.slice(0, 20) }).waitFor();
        await walkWithAsides(page, lang, {
          stored: false,
          check: async (p, name) => {
            if (name !== 'privacy') return;
            const kept = p.locator('[data-screen="privacy"] [data-kept]');
            assert.equal(await kept.getAttribute('data-kept'), 'memory');
            assert.equal(words(await kept.textContent()), words(ui(lang).privacy_kept_memory));
          },
        });
        assert.deepEqual(await page.evaluate(() => ({ cookie: document.cookie, local: Object.keys(localStorage), session: Object.keys(sessionStorage) })), { cookie: '', local: [], session: [] }, 'embedded: nothing in the host origin');
        fixture.assertClean(`[${lang}] embedded`);
      } finally {
        await fixture.close();
      }
    });
  });
}

test('switching the language on an aside keeps it open, in the other language', async () => {
  const fixture = await openPage(env, { date: persona.date });
  try {
    const { page } = fixture;
    await fixture.open();
    await clickAction(page, 'next');
    await answerQuestion(page, persona.steps[0].question, persona.steps[0].answer);
    await clickAction(page, 'privacy');
    await expectScreen(page, 'privacy');
    await page.locator('.lang-nav a[hreflang="en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const screen = await expectScreen(page, 'privacy');
    assert.equal(words(await screen.locator('h2').first().textContent()), ui('en').privacy_title);
    await clickAction(page, 'back');
    await expectQuestion(page, persona.steps[1].question);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    fixture.assertClean();
  } finally {
    await fixture.close();
  }
});

test('at 320 CSS px both pages reflow: no horizontal scrolling (WCAG 1.4.10)', async () => {
  const fixture = await openPage(env, { viewport: { width: 320, height: 640 } });
  try {
    const { page } = fixture;
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await fixture.open();
    for (const name of ASIDES) {
      await clickAction(page, name);
      await expectScreen(page, name);
      assert.equal(await overflow(), 0, `the ${name} page scrolls sideways at 320 px`);
      await clickAction(page, 'back');
    }
    for (const file of STATIC_FILES) {
      await page.goto(new URL(file, env.url).href);
      assert.equal(await overflow(), 0, `${file} scrolls sideways at 320 px`);
      await fixture.settled(); // its favicon, before the next page aborts it
    }
    fixture.assertClean();
  } finally {
    await fixture.close();
  }
});

describe('without JavaScript: the static pages', () => {
  // A page's headings and paragraphs, in order, each with its data-kept if any.
  const blocksOf = (section) =>
    [...section.querySelectorAll('h1, h2, h3, p')].map((block) => `${block.getAttribute('data-kept') ?? ''}|${block.textContent.replace(/\s+/g, ' ').trim()}`);

  // The static pages' texts as the app shows them on the public page (French, sessionStorage).
  async function asideText(name) {
    const fixture = await openPage(env, { date: persona.date });
    try {
      await fixture.open();
      await clickAction(fixture.page, name);
      const screen = await expectScreen(fixture.page, name);
      return await screen.evaluate(blocksOf);
    } finally {
      await fixture.close();
    }
  }

  test('the static first screen links to the three pages; each has the texts of the app, a way back, the CSP, no script', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 }, locale: 'fr-FR' });
    const failures = [];
    const responses = [];
    context.on('response', (response) => {
      responses.push(response);
      if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
    });
    // index.html's module preloads are refused when scripts are off (Chromium says "csp"), and a
    // page left by a click aborts what it still fetches (its favicon): neither is a missing file,
    // which the status above catches.
    context.on('requestfailed', (request) => {
      const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
      if (!aborted && request.resourceType() !== 'script' && !/\.js$/.test(request.url())) failures.push(`${request.url()}: ${request.failure()?.errorText}`);
    });
    const consoleErrors = [];
    try {
      const page = await context.newPage();
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      for (const [name, file, title, linkText] of STATIC_PAGES) {
        await page.goto(env.url);
        const link = page.locator(`[data-static-links] a[href="${file}"]`);
        assert.ok(await link.isVisible(), `the static first screen shows the link to ${file}`);
        assert.equal(words(await link.textContent()), ui('fr')[linkText]);
        await link.click();
        await page.waitForURL(new URL(file, env.url).href);
        const section = page.locator(`[data-static-page="${name}"]`);
        assert.ok(await section.isVisible(), `${file} shows its page`);
        assert.equal(await page.title(), ui('fr')[title]);
        assert.equal(words(await section.locator('h2').textContent()), ui('fr')[title]);
        await page.screenshot({ path: join(ensureScreenshotDir(), `static-${name}-nojs-375.png`), fullPage: true });
        assert.deepEqual(await section.evaluate(blocksOf), await asideText(name), `${file} says what the app's ${name} page says, in the same order`);
        const response = responses.findLast((r) => r.url() === new URL(file, env.url).href);
        assert.match(response.headers()['content-security-policy'] ?? '', /default-src 'self'/, `${file} is served with the CSP`);
        // Back to the tool, then the other page from this one's footer.
        await page.locator('.actions a').click();
        await page.waitForURL(env.url);
        assert.ok(await page.locator('[data-static-intro]').isVisible(), 'back on the static first screen');
      }
      await page.goto(new URL('mentions-legales.html', env.url).href);
      await page.locator('.app-footer a[href="donnees-personnelles.html"]').click();
      assert.ok(await page.locator('[data-static-page="privacy"] [data-kept="session"]').isVisible(), 'the legal notice leads to the personal data page');
      await page.locator('.app-footer a[href="accessibilite.html"]').click();
      assert.ok(await page.locator('[data-static-page="accessibility"]').isVisible(), 'the personal data page leads to the statement');
      assert.deepEqual(failures, []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test('axe finds no violation on the static pages (they have no script: checked as they are)', async () => {
    const fixture = await openPage(env);
    try {
      for (const file of STATIC_FILES) {
        await fixture.page.goto(new URL(file, env.url).href);
        await expectNoAxeViolations(fixture.page, file);
        await fixture.settled();
      }
      fixture.assertClean('the static pages');
    } finally {
      await fixture.close();
    }
  });
});

describe('the footer under the screens (docs/performance.md: a click redraws only the screen)', () => {
  test('the flow\'s screens share one footer; a page beside the flow and another language get their own', async () => {
    const fixture = await openPage(env, { date: persona.date });
    try {
      const { page } = fixture;
      await fixture.open();
      await expectScreen(page, 'intro');
      // A mark on the footer element shown: it stays only on that very element.
      const markFooter = () => page.evaluate(() => {
        document.querySelector('.app-footer').pdpTestMark = true;
      });
      const sameFooter = () => page.evaluate(() => document.querySelector('.app-footer')?.pdpTestMark === true);
      const footerWords = () => page.locator('.app-footer [data-action]').evaluateAll((buttons) => buttons.map((b) => b.textContent.trim()));
      await markFooter();
      await clickAction(page, 'next');
      await expectQuestion(page, persona.steps[0].question);
      assert.equal(await sameFooter(), true, 'Start drew the question under the same footer');
      await page.locator('.app-footer [data-action="legal"]').click();
      await expectScreen(page, 'legal');
      assert.equal(await sameFooter(), false, 'the legal notice has its own footer (no link to itself)');
      await clickAction(page, 'back');
      await expectQuestion(page, persona.steps[0].question);
      assert.deepEqual(await footerWords(), ['footer_accessibility', 'legal_title', 'privacy_title'].map((key) => words(ui('fr')[key])));
      await markFooter();
      await page.locator('nav.lang-nav a[hreflang="en"]').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await expectQuestion(page, persona.steps[0].question);
      assert.equal(await sameFooter(), false, 'another language, another footer');
      assert.deepEqual(await footerWords(), ['footer_accessibility', 'legal_title', 'privacy_title'].map((key) => words(ui('en')[key])));
      fixture.assertClean('the footer');
    } finally {
      await fixture.close();
    }
  });
});
