// The weight of everything index.html loads before the first question, as Chromium requests it
// from the built dist/, once compressed with brotli, and of the module and standalone.html, each
// within its budget (bench/page-load.mjs, docs/performance.md). Size is deterministic, so this
// test is fair; times are only printed, by bench/run.sh.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIRST_QUESTION_BROTLI_BUDGET, MODULE_BROTLI_BUDGET, STANDALONE_BROTLI_BUDGET, filesBeforeFirstQuestion, standaloneWeight, weighFiles,
} from '../../bench/page-load.mjs';
import { assertPageBuilt, distDir, expectScreen, openPage, useBrowser } from './support.mjs';

test(`everything index.html loads before the first question weighs at most ${FIRST_QUESTION_BROTLI_BUDGET / 1000} KB brotli`, async () => {
  assertPageBuilt();
  const files = await filesBeforeFirstQuestion(distDir);
  for (const needed of ['index.html', 'pdp-core.wasm', 'rules.json']) {
    assert.ok(files.includes(needed), `${needed} should be among the files loaded (${files.join(', ')})`);
  }
  // The other languages' texts wait until a person picks one.
  assert.deepEqual(files.filter((file) => /^rules\..+\.json$/.test(file)), [], files.join(', '));
  const { rows, total } = weighFiles(distDir, files);
  const detail = rows.map((row) => `${row.file} ${row.brotli}`).join(', ');
  assert.ok(
    total.brotli <= FIRST_QUESTION_BROTLI_BUDGET,
    `${total.brotli} bytes brotli exceed the budget of ${FIRST_QUESTION_BROTLI_BUDGET} (${detail})`,
  );
  console.log(`size: ${total.brotli} bytes brotli of ${FIRST_QUESTION_BROTLI_BUDGET} before the first question (${detail})`);
});

test(`the module weighs at most ${MODULE_BROTLI_BUDGET / 1000} KB brotli, standalone.html ${STANDALONE_BROTLI_BUDGET / 1000} KB`, () => {
  assertPageBuilt();
  const { rows } = weighFiles(distDir, ['pdp-core.wasm']);
  assert.ok(rows[0].brotli <= MODULE_BROTLI_BUDGET, `pdp-core.wasm: ${rows[0].brotli} bytes brotli, over ${MODULE_BROTLI_BUDGET}`);
  const standalone = standaloneWeight(distDir);
  assert.ok(standalone, 'standalone.html is built');
  assert.ok(standalone.brotli <= STANDALONE_BROTLI_BUDGET, `standalone.html: ${standalone.brotli} bytes brotli, over ${STANDALONE_BROTLI_BUDGET}`);
  console.log(`size: pdp-core.wasm ${rows[0].brotli} of ${MODULE_BROTLI_BUDGET}, standalone.html ${standalone.brotli} of ${STANDALONE_BROTLI_BUDGET}`);
});

describe('what the public page fetches to start', () => {
  const env = useBrowser();

  test('the module and the rules are fetched once each, preloaded beside main.js; English only when picked', async () => {
    const fixture = await openPage(env);
    try {
      await fixture.open();
      await expectScreen(fixture.page, 'intro');
      const fetched = (file) => fixture.records.requests.filter((r) => new URL(r.url).pathname === `/${file}`);
      assert.equal(fetched('pdp-core.wasm').length, 1, 'pdp-core.wasm fetched once: the preload is what engine.js uses');
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
