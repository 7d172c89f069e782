// The weight of everything index.html loads before the first question, as Chromium requests it
// from the built dist/, once compressed with brotli, and of the module and standalone.html, each
// within its budget (bench/page-load.mjs, docs/performance.md). Size is deterministic, so this
// test is fair; times are only printed, by bench/run.sh.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIRST_QUESTION_BROTLI_BUDGET, MODULE_BROTLI_BUDGET, STANDALONE_BROTLI_BUDGET, filesBeforeFirstQuestion, moduleWeight, standaloneWeight, weighFiles,
} from '../../bench/page-load.mjs';
import { assertPageBuilt, distDir, expectScreen, openPage, useBrowser } from './support.mjs';

test(`everything index.html loads before the first question weighs at most ${FIRST_QUESTION_BROTLI_BUDGET / 1000} KB brotli, with the engine too`, async () => {
  assertPageBuilt();
  const weigh = (files) => {
    const { rows, total } = weighFiles(distDir, files);
    return { total: total.brotli, detail: rows.map((row) => `${row.file} ${row.brotli}`).join(', ') };
  };
  // The first question is drawn from the rules' opening: the module is not needed before it
  // (tests/browser/opening.test.mjs), but may come before it on a slow machine (a moment on the intro).
  const first = await filesBeforeFirstQuestion(distDir);
  for (const needed of ['index.html', 'main.js', 'styles.css', 'rules.json']) {
    assert.ok(first.includes(needed), `${needed} should be among the files loaded (${first.join(', ')})`);
  }
  // Then the engine starts: what the first answer needs, within the same budget.
  const withEngine = await filesBeforeFirstQuestion(distDir, { untilEngine: true });
  assert.ok(withEngine.includes('pdp-core.wasm'), withEngine.join(', '));
  for (const files of [first, withEngine]) {
    // The other languages' texts and the later styles wait until they are needed.
    assert.deepEqual(files.filter((file) => /^rules\..+\.json$|^styles-later\.css$/.test(file)), [], files.join(', '));
    const { total, detail } = weigh(files);
    assert.ok(total <= FIRST_QUESTION_BROTLI_BUDGET, `${total} bytes brotli exceed the budget of ${FIRST_QUESTION_BROTLI_BUDGET} (${detail})`);
  }
  console.log(`size: ${weigh(first).total} bytes brotli before the first question (${weigh(first).detail}); ` +
    `${weigh(withEngine).total} of ${FIRST_QUESTION_BROTLI_BUDGET} with the engine (${weigh(withEngine).detail})`);
});

test(`the module with its glue weighs at most ${MODULE_BROTLI_BUDGET / 1000} KB brotli, standalone.html ${STANDALONE_BROTLI_BUDGET / 1000} KB`, () => {
  assertPageBuilt();
  const module = moduleWeight(distDir);
  assert.ok(module.glue.brotli > 0 && module.wasm.brotli > 0);
  assert.ok(module.brotli <= MODULE_BROTLI_BUDGET,
    `pdp-core.wasm ${module.wasm.brotli} + glue ${module.glue.brotli} = ${module.brotli} bytes brotli, over ${MODULE_BROTLI_BUDGET}`);
  const standalone = standaloneWeight(distDir);
  assert.ok(standalone, 'standalone.html is built');
  assert.ok(standalone.brotli <= STANDALONE_BROTLI_BUDGET, `standalone.html: ${standalone.brotli} bytes brotli, over ${STANDALONE_BROTLI_BUDGET}`);
  console.log(`size: pdp-core.wasm ${module.wasm.brotli} + glue ${module.glue.brotli} = ${module.brotli} of ${MODULE_BROTLI_BUDGET}, ` +
    `standalone.html ${standalone.brotli} of ${STANDALONE_BROTLI_BUDGET}`);
});

describe('what the public page fetches to start', () => {
  const env = useBrowser();

  test('the rules are fetched once, preloaded beside main.js, the module once when the engine starts; English only when picked', async () => {
    const fixture = await openPage(env);
    try {
      await fixture.open();
      await expectScreen(fixture.page, 'intro');
      const fetched = (file) => fixture.records.requests.filter((r) => new URL(r.url).pathname === `/${file}`);
      assert.equal(fetched('rules.json').length, 1, 'rules.json fetched once: the preload is what the opening and the engine use');
      // A moment on the intro, and the engine starts.
      for (let waited = 0; fetched('pdp-core.wasm').length === 0 && waited < 10_000; waited += 100) await fixture.page.waitForTimeout(100);
      await fixture.settled();
      assert.equal(fetched('pdp-core.wasm').length, 1, 'pdp-core.wasm fetched once');
      assert.equal(fetched('rules.json').length, 1, 'rules.json fetched once');
      assert.equal(fetched('rules.en.json').length, 0, 'English waits until it is picked');
      await fixture.page.locator('nav.lang-nav a[hreflang="en"]').click();
      await fixture.page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(fetched('rules.en.json').length, 1);
      fixture.assertClean('index.html');
    } finally {
      await fixture.close();
    }
  });
});
