// Printing or saving as PDF: every persona's result fits on one or two A4 pages and carries the
// date of the summary, so a person can take a clean paper copy to their caisse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completePersona, loadPersonas, openPage, useBrowser } from './support.mjs';

const env = useBrowser();

// Chromium writes one "/Type /Page" dictionary per page (the page tree is "/Type /Pages").
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

for (const persona of loadPersonas()) {
  test(`persona ${persona.file}: the printed result fits on one or two A4 pages and is dated`, async () => {
    const session = await openPage(env, { date: persona.date, viewport: { width: 1280, height: 900 } });
    try {
      await session.open();
      await completePersona(session.page, persona);
      const dateLine = (await session.page.locator('.result-date').textContent()).trim();
      assert.match(dateLine, /\d{4}/, 'the result shows the date of the summary');
      await session.page.emulateMedia({ media: 'print' });
      assert.ok(await session.page.locator('.result-date').isVisible(), 'the date is printed');
      const pages = pageCount(await session.page.pdf({ format: 'A4', printBackground: true }));
      assert.ok(pages >= 1 && pages <= 2, `${persona.file}: ${pages} printed pages`);
      session.assertClean(persona.file);
    } finally {
      await session.close();
    }
  });
}
