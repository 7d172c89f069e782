// The page in English and the language switcher: English personas end to end with English words
// and lang="en", a switcher on every screen (lang, hreflang, aria-current), switching mid-way keeps
// the answers and the screen, ?lang= reloads resume, and screenshots of the English result.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  answerQuestion,
  checkedValues,
  clickAction,
  completePersona,
  ensureScreenshotDir,
  expectQuestion,
  expectScreen,
  idsShown,
  loadPersona,
  openPage,
  repoRoot,
  storedState,
  useBrowser,
} from './support.mjs';
import { languageParts, withoutLanguageMarks } from '../../web/language-marks.js';

const env = useBrowser();

const readLocale = (code) => JSON.parse(readFileSync(join(repoRoot, 'rules', 'locales', `${code}.json`), 'utf8'));
const en = readLocale('en');
const fr = readLocale('fr');

// Every French name the English texts mark ("[fr:médecin-conseil]"), longest first.
function markedWords(value, out = new Set()) {
  if (typeof value === 'string') {
    for (const part of languageParts(value)) if (part.lang === 'fr') out.add(part.text);
  } else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) markedWords(child, out);
  }
  return out;
}
const frenchInEnglish = [...markedWords(en)].sort((a, b) => b.length - a.length);
assert.ok(frenchInEnglish.length > 20, `the English texts mark their French names (${frenchInEnglish.length})`);

// RGAA 8.7: on an English screen, each French name shown is inside an element with lang="fr", and
// so is each French document's title and passage in the sources. Returns how many were seen.
async function assertFrenchMarked(page, where) {
  const unmarked = await page.evaluate((words) => {
    const screen = document.querySelector('[data-screen]');
    const out = { seen: 0, unmarked: [] };
    const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const lang = node.parentElement.closest('[lang]')?.getAttribute('lang');
      const found = words.find((word) => node.data.includes(word));
      if (found && lang !== 'fr') out.unmarked.push(`${found} (in "${node.data.slice(0, 60)}", lang ${lang})`);
      else if (lang === 'fr') out.seen += 1;
    }
    for (const title of screen.querySelectorAll('.source-title, .source-passage')) {
      if (!title.querySelector('[lang="fr"]')) out.unmarked.push(`a source not marked French: ${title.textContent.slice(0, 60)}`);
    }
    return out;
  }, frenchInEnglish);
  assert.deepEqual(unmarked.unmarked, [], `${where}: French words without lang="fr"`);
  return unmarked.seen;
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
const text = (locator) => locator.evaluate((el) => el.textContent.trim().replace(/\s+/g, ' '));
// The locale's words as the page shows them (spaces, non-breaking ones too, read as one space).
// The words as shown: a French name's mark ("[fr:…]") is a <span lang="fr"> on the page.
const norm = (words) => withoutLanguageMarks(words).trim().replace(/\s+/g, ' ');

// The switcher as shown: one entry per link, and how many switchers there are.
async function switcher(page) {
  return page.evaluate(() => {
    const navs = [...document.querySelectorAll('nav.lang-nav')].filter((nav) => nav.getClientRects().length > 0);
    const links = navs.flatMap((nav) => [...nav.querySelectorAll('a')]);
    return {
      count: navs.length,
      label: navs[0]?.getAttribute('aria-label') ?? null,
      links: links.map((a) => ({
        text: a.textContent.trim(),
        lang: a.getAttribute('lang'),
        hreflang: a.getAttribute('hreflang'),
        lang_in_href: new URL(a.href).searchParams.get('lang'),
        current: a.getAttribute('aria-current'),
      })),
    };
  });
}

async function assertSwitcher(page, current, where) {
  const shown = await switcher(page);
  assert.equal(shown.count, 1, `${where}: one visible language switcher`);
  assert.equal(shown.label, readLocale(current).ui.language, `${where}: the switcher's name`);
  assert.deepEqual(
    shown.links,
    [fr, en].map((locale) => ({
      text: locale.name,
      lang: locale.locale,
      hreflang: locale.locale,
      lang_in_href: locale.locale,
      current: locale.locale === current ? 'true' : null,
    })),
    `${where}: a link per language, in that language, the current one marked`,
  );
}

async function switchTo(page, code) {
  await page.locator(`nav.lang-nav a[hreflang="${code}"]`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
}

describe('the page in English', { concurrency: 2 }, () => {
  for (const file of ['salariee-arret-maladie.json', 'independant-pension-handicap.json']) {
    test(`?lang=en: persona ${file} is asked and answered in English, lang="en" throughout`, async () => {
      const persona = loadPersona(file);
      const fixture = await openPage(env, { date: persona.date });
      const { page } = fixture;
      try {
        await fixture.open('?lang=en');
        const intro = await expectScreen(page, 'intro');
        assert.equal(await htmlLang(page), 'en');
        assert.equal(await text(intro.locator('h1')), norm(en.ui.app_title));
        assert.equal(await page.title(), en.ui.page_title.replace('{step}', en.ui.step_intro));
        await assertSwitcher(page, 'en', 'intro');

        await clickAction(page, 'next');
        let frenchSeen = 0;
        for (const step of persona.steps) {
          const question = await expectQuestion(page, step.question);
          assert.equal(await text(question.locator('legend')), norm(en.questions[step.question].label), `${step.question}: English label`);
          frenchSeen += await assertFrenchMarked(page, step.question);
          await answerQuestion(page, step.question, step.answer);
        }
        await expectScreen(page, 'recap');
        assert.equal(await text(page.locator('[data-screen="recap"] [data-focus]')), norm(en.ui.recap_title));
        await clickAction(page, 'next');
        const result = await expectScreen(page, 'result');

        assert.equal(await result.getAttribute('data-eligibility'), persona.expect.eligibility);
        const outcome = en.eligibility[persona.expect.eligibility];
        const resultText = await text(result);
        for (const words of [outcome.title, outcome.now, en.notices.indicative, en.ui.section_measures].map(norm)) {
          assert.ok(resultText.includes(words), `the result says, in English: ${words}`);
        }
        for (const id of persona.expect.measures) {
          assert.ok(resultText.includes(norm(en.measures[id].title)), `measure ${id}: its English title`);
        }
        assert.ok(!resultText.includes(norm(fr.eligibility[persona.expect.eligibility].title)), 'no French outcome left');
        frenchSeen += await assertFrenchMarked(page, 'result');
        assert.ok(frenchSeen > 0, 'French names were shown, each with lang="fr"');
        assert.deepEqual(await idsShown(page, 'data-measure'), [...persona.expect.measures].sort());
        assert.equal(await htmlLang(page), 'en');
        await assertSwitcher(page, 'en', 'result');
        fixture.assertClean();
      } finally {
        await fixture.close();
      }
    });
  }

  test('the switcher is on every screen and marks the language shown (French by default)', async () => {
    const persona = loadPersona('salarie-ni-arret-ni-pension.json');
    const fixture = await openPage(env, { date: persona.date });
    const { page } = fixture;
    try {
      await fixture.open();
      await expectScreen(page, 'intro');
      assert.equal(await htmlLang(page), 'fr');
      await assertSwitcher(page, 'fr', 'intro');
      await clickAction(page, 'next');
      await expectQuestion(page, 'situation_pro');
      await assertSwitcher(page, 'fr', 'question');
      for (const step of persona.steps) await answerQuestion(page, step.question, step.answer);
      await expectScreen(page, 'recap');
      await assertSwitcher(page, 'fr', 'recap');
      await clickAction(page, 'next');
      await expectScreen(page, 'result');
      await assertSwitcher(page, 'fr', 'result');
      fixture.assertClean();
    } finally {
      await fixture.close();
    }
  });

  test('a host asking for "en-GB" or "EN" gets English; a language the rules lack gets French', async () => {
    const fixture = await openPage(env);
    const { page } = fixture;
    try {
      for (const [query, lang] of [['?lang=en-GB', 'en'], ['?lang=EN', 'en'], ['?lang=de', 'fr']]) {
        await fixture.open(query);
        const intro = await expectScreen(page, 'intro');
        assert.equal(await htmlLang(page), lang, query);
        assert.equal(await text(intro.locator('h1')), norm(readLocale(lang).ui.app_title), query);
      }
      fixture.assertClean();
    } finally {
      await fixture.close();
    }
  });

  test('switching language mid-way keeps the answers and the question; ?lang= in the address resumes after a reload', async () => {
    const persona = loadPersona('salariee-arret-maladie.json');
    const fixture = await openPage(env, { date: persona.date });
    const { page } = fixture;
    try {
      await fixture.open();
      await expectScreen(page, 'intro');
      await clickAction(page, 'next');
      const [first, second, third] = persona.steps;
      await answerQuestion(page, first.question, first.answer);
      await answerQuestion(page, second.question, second.answer);
      await expectQuestion(page, third.question);
      const before = await storedState(page);

      await switchTo(page, 'en');
      const question = await expectQuestion(page, third.question);
      assert.equal(await text(question.locator('legend')), norm(en.questions[third.question].label));
      assert.deepEqual((await storedState(page)).answers, before.answers, 'the answers are kept');
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'en', 'the address says ?lang=en');
      assert.ok((await page.title()).endsWith(en.ui.page_title.replace('{step}', '')), 'the title in English');
      await assertSwitcher(page, 'en', 'question after the switch');

      // Back shows the second answer, in English, still selected.
      await clickAction(page, 'back');
      const previous = await expectQuestion(page, second.question);
      assert.equal(await text(previous.locator('legend')), norm(en.questions[second.question].label));
      assert.deepEqual(await checkedValues(page, second.question), [String(second.answer)]);

      await page.reload();
      await expectQuestion(page, second.question);
      assert.equal(await htmlLang(page), 'en', 'a reload keeps the language');
      assert.deepEqual(await checkedValues(page, second.question), [String(second.answer)], 'and the answer');

      // The rest in English, then the result switched back to French keeps the result.
      await clickAction(page, 'next');
      for (const step of persona.steps.slice(2)) await answerQuestion(page, step.question, step.answer);
      await expectScreen(page, 'recap');
      await clickAction(page, 'next');
      await expectScreen(page, 'result');
      assert.ok((await text(page.locator('[data-screen="result"]'))).includes(norm(en.eligibility.eligible.title)));

      await switchTo(page, 'fr');
      const result = await expectScreen(page, 'result');
      assert.equal(await result.getAttribute('data-eligibility'), persona.expect.eligibility);
      assert.ok((await text(result)).includes(norm(fr.eligibility.eligible.title)), 'the same result, in French');
      assert.deepEqual(await idsShown(page, 'data-measure'), [...persona.expect.measures].sort());
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'fr');
      const stored = await storedState(page);
      assert.equal(stored.screen, 'result');
      assert.deepEqual(Object.keys(stored.answers).sort(), persona.steps.map((s) => s.question).sort());
      fixture.assertClean();
    } finally {
      await fixture.close();
    }
  });
});

describe('screenshots of the English result', () => {
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    test(`the English eligible result at ${viewport.width} px is written to build/artifacts/screenshots/`, async () => {
      const persona = loadPersona('salariee-arret-maladie.json');
      const fixture = await openPage(env, { date: persona.date, viewport });
      const { page } = fixture;
      try {
        await fixture.open('?lang=en');
        await completePersona(page, persona);
        const path = join(ensureScreenshotDir(), `result-eligible-en-${viewport.width}.png`);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
        assert.ok(statSync(path).size > 1000, `${path} written`);
        fixture.assertClean();
      } finally {
        await fixture.close();
      }
    });
  }
});
