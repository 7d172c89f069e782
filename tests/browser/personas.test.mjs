// Every persona of tests/scenarios/ completed through the built page, served with the strict CSP:
// the page asks the persona's questions in order and shows the expected result, which prints (or
// saves as PDF) on one or two dated A4 pages, without a request leaving its origin, without an
// error and without a CSP violation. (Printing here rather than in a file of its own: each persona
// is walked through once.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completePersona, idsShown, loadPersonas, openPage, useBrowser } from './support.mjs';

const env = useBrowser();

// Chromium writes one "/Type /Page" dictionary per page (the page tree is "/Type /Pages").
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

const LISTS = [
  ['programmes', 'data-programme'],
  ['measures', 'data-measure'],
  ['actors', 'data-actor'],
  ['channels', 'data-channel'],
  ['next_steps', 'data-next-step'],
];

// Each persona in its own browser context; a few at a time (most of the time is spent waiting).
describe('personas of tests/scenarios/', { concurrency: 3 }, () => {
  for (const persona of loadPersonas()) {
    test(`persona ${persona.file}: the questions in order, the expected result, printed on one or two dated A4 pages, only GETs to its origin, no error, no CSP violation`, async () => {
      const fixture = await openPage(env, { date: persona.date });
      const { page } = fixture;
      try {
        await fixture.open();
        const result = await completePersona(page, persona);
        const { expect } = persona;

        assert.equal(await result.getAttribute('data-eligibility'), expect.eligibility, 'data-eligibility');

        for (const [key, attribute] of LISTS) {
          if (!(key in expect)) continue;
          assert.deepEqual(await idsShown(page, attribute), [...expect[key]].sort(), `${attribute} ids shown`);
        }

        const statuses = await page
          .locator('[data-screen="result"] [data-criterion]')
          .evaluateAll((els) => els.map((el) => [el.getAttribute('data-criterion'), el.getAttribute('data-status')]));
        for (const [id, status] of statuses) {
          assert.ok(['met', 'unmet', 'unknown'].includes(status), `criterion ${id}: data-status="${status}"`);
        }
        for (const [id, status] of Object.entries(expect.criteria ?? {})) {
          const criterion = page.locator(`[data-screen="result"] [data-criterion="${id}"]`);
          assert.equal(await criterion.count(), 1, `one [data-criterion="${id}"]`);
          assert.equal(await criterion.getAttribute('data-status'), status, `criterion ${id}: data-status`);
        }

        // What would meet an unmet criterion: a button back to each answer it names (the answers
        // given; a question not asked yet has no answer to go back to).
        const answered = new Set(persona.steps.map((step) => step.question));
        for (const [id, alternatives] of Object.entries(expect.would_be_met_by ?? {})) {
          const criterion = page.locator(`[data-screen="result"] [data-criterion="${id}"]`);
          const questions = new Set(alternatives.flat().map((condition) => condition.split('=')[0]));
          for (const question of [...questions].filter((q) => answered.has(q))) {
            assert.ok(
              (await criterion.locator(`[data-edit="${question}"]`).count()) >= 1,
              `criterion ${id}: a [data-edit="${question}"] button`,
            );
          }
        }

        // A clean paper copy to take to the caisse: dated, on one or two A4 pages.
        assert.match(await page.locator('.result-date').textContent(), /\d{4}/, 'the result shows the date of the summary');
        await page.emulateMedia({ media: 'print' });
        assert.ok(await page.locator('.result-date').isVisible(), 'the date is printed');
        const pages = pageCount(await page.pdf({ format: 'A4', printBackground: true }));
        assert.ok(pages >= 1 && pages <= 2, `${persona.file}: ${pages} printed pages`);

        fixture.assertClean(persona.file);
      } finally {
        await fixture.close();
      }
    });
  }
});
