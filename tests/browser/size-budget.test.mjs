// The weight budget (docs/performance.md): everything index.html loads before the first question,
// as Chromium requests it from the built dist/, weighs at most 100 KB once compressed with brotli.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIRST_QUESTION_BROTLI_BUDGET, filesBeforeFirstQuestion, weighFiles,
} from '../../bench/page-load.mjs';
import { assertPageBuilt, distDir } from './support.mjs';

test('everything index.html loads before the first question weighs at most 100 KB brotli', async () => {
  assertPageBuilt();
  const files = await filesBeforeFirstQuestion(distDir);
  for (const needed of ['index.html', 'pdp-core.wasm', 'rules.json']) {
    assert.ok(files.includes(needed), `${needed} should be among the files loaded (${files.join(', ')})`);
  }
  const { rows, total } = weighFiles(distDir, files);
  const detail = rows.map((row) => `${row.file} ${row.brotli}`).join(', ');
  assert.ok(
    total.brotli <= FIRST_QUESTION_BROTLI_BUDGET,
    `${total.brotli} bytes brotli exceed the budget of ${FIRST_QUESTION_BROTLI_BUDGET} (${detail})`,
  );
});
