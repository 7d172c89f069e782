// Two tools on one page, in two languages: each app instance has its own texts (web/texts.js
// createTexts), so using one never changes the words of the other. The host page is
// embed-example.html (one <pdp-autodiagnostic lang="fr">, strict CSP) with a second element in
// English added beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, repoRoot, useBrowser } from './support.mjs';

const env = useBrowser();
const readLocale = (code) => JSON.parse(readFileSync(join(repoRoot, 'rules', 'locales', `${code}.json`), 'utf8'));
const locales = { fr: readLocale('fr'), en: readLocale('en') };
const words = (text) => text.trim().replace(/\s+/g, ' ');

// The words one tool shows on a question: the tool's name, the question, its buttons, its footer.
async function wordsOn(tool, id) {
  const question = tool.locator(`[data-question="${id}"]`);
  await question.waitFor({ state: 'visible' });
  const text = async (selector) => words(await tool.locator(selector).first().textContent());
  return {
    lang: await tool.locator('.app').getAttribute('lang'),
    title: await text('[data-screen="question"] h1'),
    question: await text('[data-screen="question"] legend'),
    next: await text('[data-screen="question"] [data-action="next"]'),
    back: await text('[data-screen="question"] [data-action="back"]'),
    footer: await text('footer.app-footer [data-action="accessibility"]'),
    switcher: await tool.locator('nav.lang-nav').getAttribute('aria-label'),
  };
}

function expected(code, id) {
  const { ui, questions } = locales[code];
  return {
    lang: code,
    title: words(ui.app_title),
    question: words(questions[id].label),
    next: words(ui.next),
    back: words(ui.back),
    footer: words(ui.footer_accessibility),
    switcher: ui.language,
  };
}

async function answer(tool, value) {
  await tool.locator(`[data-screen="question"] input[value="${value}"]`).check();
  await tool.locator('[data-screen="question"] [data-action="next"]').click();
}

test('two tools in French and English on one page each keep their own words after both have been used', async () => {
  const fixture = await openPage(env, { date: '2026-11-23' });
  const { page } = fixture;
  try {
    await page.goto(new URL('embed-example.html', env.url).href);
    await page.evaluate(() => {
      const second = document.createElement('pdp-autodiagnostic');
      second.setAttribute('lang', 'en');
      second.className = 'host-tool';
      document.querySelector('pdp-autodiagnostic').after(second);
    });
    const [french, english] = [0, 1].map((index) => page.locator('pdp-autodiagnostic').nth(index));
    for (const [tool, code] of [[french, 'fr'], [english, 'en']]) {
      const intro = tool.locator('[data-screen="intro"]');
      await intro.waitFor({ state: 'visible' });
      assert.equal(words(await intro.locator('h1').textContent()), words(locales[code].ui.app_title), `${code}: the intro`);
    }

    // Both started, one after the other, then each answers its first question.
    await french.locator('[data-action="next"]').click();
    await english.locator('[data-action="next"]').click();
    assert.deepEqual(await wordsOn(french, 'situation_pro'), expected('fr', 'situation_pro'), 'French tool, after the English one started');
    assert.deepEqual(await wordsOn(english, 'situation_pro'), expected('en', 'situation_pro'), 'English tool');
    await answer(english, 'salarie');
    await answer(french, 'independant');
    assert.deepEqual(await wordsOn(english, 'contrat_travail'), expected('en', 'contrat_travail'), 'English tool, after the French one answered');
    assert.deepEqual(await wordsOn(french, 'arret_travail'), expected('fr', 'arret_travail'), 'French tool, after the English one answered');

    // The English tool switched to French, then back: the French tool never changes.
    await english.locator('nav.lang-nav a[hreflang="fr"]').click();
    await english.locator('.app[lang="fr"] [data-question="contrat_travail"]').waitFor();
    await english.locator('nav.lang-nav a[hreflang="en"]').click();
    await english.locator('.app[lang="en"] [data-question="contrat_travail"]').waitFor();
    assert.deepEqual(await wordsOn(english, 'contrat_travail'), expected('en', 'contrat_travail'));
    assert.deepEqual(await wordsOn(french, 'arret_travail'), expected('fr', 'arret_travail'), 'French tool after the other switched twice');
    fixture.assertClean('two tools on one page');
  } finally {
    await fixture.close();
  }
});
