// The result screen's order and its sources (docs/page.md, "Result"): how to ask comes before what
// can help; measures and actors open by keyboard; each item's sources open by keyboard and show the
// document, its date, the passage and a link (the address as text on a kiosk); to print, the items
// open and the summary ends with every source listed once. Screenshots at 375 px:
// result-after-375.png and result-source-open-375.png.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { completePersona, ensureScreenshotDir, loadPersona, openPage, useBrowser } from './support.mjs';

const env = useBrowser();

const selfEmployed = loadPersona('independant-premier-jour-offre-pdp-ti.json');
const employee = loadPersona('salariee-arret-maladie.json');
const PHONE = { width: 375, height: 812 };

async function withResult(persona, body, { viewport = PHONE, query = '' } = {}) {
  const fixture = await openPage(env, { date: persona.date, viewport });
  try {
    await fixture.open(query);
    const result = await completePersona(fixture.page, persona);
    await body(fixture.page, result);
    fixture.assertClean(persona.file);
  } finally {
    await fixture.close();
  }
}

// Where each section's heading stands on the page (px from the top), by section name.
const sectionTops = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-screen="result"] .result-section')]
        .filter((section) => section.getClientRects().length)
        .map((section) => [
          section.className.replace(/.*result-section--/, ''),
          Math.round(section.querySelector('h3').getBoundingClientRect().top + window.scrollY),
        ]),
    ),
  );

// Tabs from where the focus is until `selector` has it (at most `limit` presses).
async function tabTo(page, selector, limit = 40) {
  for (let count = 0; count < limit; count += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  assert.fail(`${selector} not reached with Tab in ${limit} presses`);
}

describe('the result screen', { concurrency: 2 }, () => {
  test('the order a person needs: the verdict, how to ask (channels, then the first step open), what can help, who, the conditions', async () => {
    await withResult(selfEmployed, async (page) => {
      const tops = await sectionTops(page);
      const order = Object.entries(tops).sort((a, b) => a[1] - b[1]).map(([name]) => name);
      assert.deepEqual(order, ['channels', 'next-steps', 'programmes', 'measures', 'actors', 'criteria', 'notices']);
      // "Comment demander" in the first screen of a phone, under the verdict.
      assert.ok(tops.channels < PHONE.height, `"Comment demander" at ${tops.channels} px`);
      const outcome = await page.locator('.outcome').boundingBox();
      assert.ok(outcome.y < tops.channels);

      // The channels and the first step are open; the other steps, the measures and the actors
      // are titles that open.
      assert.ok(await page.locator('[data-channel="telephone_3646"] .channel-how').isVisible());
      const steps = page.locator('[data-next-step]');
      assert.ok(await steps.first().locator('p').first().isVisible(), 'the first step is shown whole');
      assert.equal(await steps.nth(1).locator(':scope > details.item-details').count(), 1, 'the next steps open on demand');
      for (const hook of ['data-programme', 'data-measure', 'data-actor']) {
        const items = page.locator(`[data-screen="result"] [${hook}]`);
        assert.ok((await items.count()) > 0, hook);
        for (const item of await items.all()) {
          assert.equal(await item.locator(':scope > details.item-details:not([open])').count(), 1, `${hook}: a closed disclosure`);
          assert.ok(await item.locator('.item-title').isVisible(), `${hook}: its title is shown`);
        }
      }

      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const path = join(ensureScreenshotDir(), 'result-after-375.png');
      await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
      // The figures compared in docs/page.md (before: 7,896 px, "Comment demander" at 4,891 px).
      console.log(`result at 375 px: ${height} px tall, "Comment demander" at ${tops.channels} px`);
    });
  });

  test('a measure and a source open with the keyboard and show the document, its date, the passage and a link', async () => {
    await withResult(selfEmployed, async (page) => {
      // The date of the day in words, French style for the first of a month.
      assert.match(await page.locator('.result-date').textContent(), /1er décembre 2020/);

      // The first channel's sources: reached with Tab from the heading, opened with Enter.
      await page.locator('.outcome-title').focus();
      const summary = '[data-channel="compte_ameli"] [data-sources] > summary';
      await tabTo(page, summary);
      const sources = page.locator('[data-channel="compte_ameli"] [data-sources]');
      assert.equal(await sources.getAttribute('open'), null, 'closed at first');
      await page.keyboard.press('Enter');
      assert.notEqual(await sources.getAttribute('open'), null, 'Enter opens it');
      const ameli = sources.locator('[data-source="ameli_pdp"]');
      assert.ok(await ameli.isVisible());
      assert.match(await ameli.locator('.source-title').textContent(), /Prévenir la désinsertion professionnelle/);
      assert.match(await ameli.locator('.source-passage').textContent(), /^Passages : «\u202FComment bénéficier de l’accompagnement \?\u202F» et «\u202FUne offre/);
      const link = ameli.locator('a.source-link');
      assert.equal(await link.getAttribute('href'), 'https://www.ameli.fr/assure/droits-demarches/maladie-accident-hospitalisation/prevention-desinsertion-professionnelle');
      assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
      assert.match(await link.textContent(), /ameli\.fr/);
      // The team's own review backs this channel too, but an official page does: only the page shows.
      assert.equal(await sources.locator('[data-source="revue_2026_12"]').count(), 0, 'no internal note');
      // Its name tells whose sources they are.
      assert.match(await page.locator(summary).textContent(), /^\s*Source\s+de « Votre compte ameli »/);
      await page.evaluate(() => document.activeElement.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(ensureScreenshotDir(), 'result-source-open-375.png'), fullPage: true, animations: 'disabled', caret: 'hide' });
      await page.keyboard.press('Space');
      assert.equal(await sources.getAttribute('open'), null, 'Space closes it again');

      // A measure: its title is a control in the Tab order; Enter shows its text and its sources.
      const measure = page.locator('[data-measure="bilan_competences"]');
      await tabTo(page, '[data-measure="bilan_competences"] summary', 80);
      assert.equal(await measure.locator('.item-body').isVisible(), false);
      await page.keyboard.press('Enter');
      assert.ok(await measure.locator('.item-body p').first().isVisible(), 'the text shows');
      assert.ok(await measure.locator('[data-sources] > summary').isVisible(), 'and its sources, closed');
      // A dated document says its date in words, and the article cited.
      await measure.locator('[data-sources] > summary').click();
      const code = measure.locator('[data-source="code_securite_sociale"]');
      assert.match(await code.locator('.source-title').textContent(), /Code de la sécurité sociale.*, 14 mars 2026$/);
      assert.match(await code.textContent(), /L323-3-1/);
    });
  });

  test('kiosk: the addresses are written out as text, never links', async () => {
    await withResult(
      selfEmployed,
      async (page) => {
        const result = page.locator('[data-screen="result"]');
        assert.equal(await result.locator('a').count(), 0, 'no link on the kiosk result');
        const sources = result.locator('[data-channel="compte_ameli"] [data-sources]');
        await sources.locator('summary').click();
        assert.match(
          await sources.locator('[data-source="ameli_pdp"] .source-address').textContent(),
          /^Adresse : https:\/\/www\.ameli\.fr\/assure\/droits-demarches\//,
        );
      },
      { query: '?kiosk', viewport: { width: 1280, height: 900 } },
    );
  });

  test('print: the items open, each item\'s sources stay out, and the summary ends with every source once', async () => {
    await withResult(
      employee,
      async (page, result) => {
        // The documents the item disclosures cite, each once.
        const cited = [...new Set(await result.locator('[data-sources] [data-source]').evaluateAll((els) => els.map((el) => el.getAttribute('data-source'))))];

        // beforeprint opens every item; afterprint closes them again.
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
        assert.equal(await result.locator('details.item-details:not([open])').count(), 0, 'all items open for printing');
        await page.emulateMedia({ media: 'print' });
        assert.ok(await result.locator('[data-measure] .item-body p').first().isVisible(), 'the measures\' texts print');
        assert.ok(await result.locator('[data-actor] .item-body p').first().isVisible(), 'the actors\' texts print');
        assert.equal(await result.locator('[data-sources]').first().isVisible(), false, 'the per-item sources do not print');

        const list = result.locator('[data-sources-list]');
        assert.ok(await list.isVisible(), 'the list of sources prints');
        const last = await result.evaluate((screen) =>
          [...screen.children].filter((el) => el.getClientRects().length).pop()?.hasAttribute('data-sources-list'),
        );
        assert.ok(last, 'the list of sources ends the printed summary');
        const listed = await list.locator('[data-source]').evaluateAll((els) => els.map((el) => el.getAttribute('data-source')));
        assert.deepEqual([...listed].sort(), [...cited].sort(), 'every document cited, once');
        const code = list.locator('[data-source="code_securite_sociale"]');
        assert.match(await code.textContent(), /Code de la sécurité sociale \(Légifrance\), 14 mars 2026/);
        assert.match(await code.textContent(), /Adresse : https:\/\/www\.legifrance\.gouv\.fr\//, 'the address written out');
        assert.equal(await list.locator('a').count(), 0, 'no link on paper');

        await page.emulateMedia({ media: 'screen' });
        assert.equal(await list.isVisible(), false, 'on screen each item has its own sources instead');
        await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
        assert.equal(await result.locator('details.item-details[open]').count(), 0, 'closed again after printing');
      },
      { viewport: { width: 1280, height: 900 } },
    );
  });

  test('a condition the sources leave open is listed to check, without a way to change an answer', async () => {
    const persona = loadPersona('independant-sans-arret-activite-menacee.json');
    await withResult(persona, async (page, result) => {
      const entry = result.locator('[data-to-check="situation_sante"]');
      assert.equal(await entry.count(), 1);
      assert.ok((await entry.locator('p').textContent()).length > 20, 'with its text');
      assert.equal(await entry.locator('button').count(), 0, 'no answer to change');
      assert.equal(await result.locator('[data-edit="undefined"], [data-to-check="undefined"]').count(), 0);
      assert.doesNotMatch(await result.innerText(), /undefined/);
    });
  });

  test('a programme to confirm on the date keeps its note in view, closed, and says so in words', async () => {
    const persona = loadPersona('independant-2026-hors-periode.json');
    await withResult(persona, async (page, result) => {
      const programme = result.locator('[data-programme="pdp_ti"]');
      assert.match(await programme.locator('summary .tag').textContent(), /À vérifier avec votre caisse/);
      const note = programme.locator(':scope > .note');
      assert.ok(await note.isVisible(), 'the note is outside the closed disclosure');
      assert.match(await note.textContent(), /Demandez à votre caisse/);
    });
  });

  for (const file of ['fonctionnaire.json', 'msa.json']) {
    test(`another body handles the case (${file}): the outcome, what blocks and how to change it, no way to ask the caisse`, async () => {
      const persona = loadPersona(file);
      await withResult(persona, async (page, result) => {
        assert.equal(await result.getAttribute('data-eligibility'), 'not_eligible');
        assert.ok((await page.locator('.outcome-title').textContent()).trim().length > 0);
        assert.equal(await result.locator('[data-channel]').count(), 0, 'no channel of the caisse');
        const blocking = result.locator('.result-section--blocking [data-criterion="statut_professionnel"]');
        assert.equal(await blocking.getAttribute('data-status'), 'unmet');
        assert.ok(await blocking.locator('[data-edit="situation_pro"]').isVisible(), 'a way back to the answer');
        assert.ok((await result.locator('[data-next-step]').count()) > 0, 'where to turn instead');
        assert.doesNotMatch(await result.innerText(), /undefined|\[object/);
      });
    });
  }
});
