// The recording page fixture of support.mjs, checked against a page that breaks every rule (on a
// temporary folder, no build needed): a test that cannot see a CSP violation, a foreign or non-GET
// request, a console error or an uncaught exception would pass for the wrong reason.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE, holdBack, openPage } from './support.mjs';

const env = { server: null, browser: null, origin: null, url: null };
let root;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'pdp-harness-'));
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bad</title>
<style>body { color: red; }</style>
<script>window.inlineRan = true;</script>
<script type="module" src="bad.js"></script></head>
<body><main id="app"><section data-screen="intro"><h1>bad</h1></section></main></body></html>`,
  );
  writeFileSync(
    join(root, 'bad.js'),
    `try { eval('1 + 1'); } catch { /* blocked by the CSP */ }
console.error('boom from the page');
fetch('/collect', { method: 'POST', body: 'answers' }).catch(() => {});
setTimeout(() => { throw new Error('uncaught in the page'); }, 0);
`,
  );
  // A clean page that fetches a file (the test holds it back), and one that then aborts its own
  // fetch after a change of hash (the same document).
  const fetching = (then) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>fetch</title>
<script type="module" src="${then}.js"></script></head>
<body><main id="app"><section data-screen="intro"><h1>fetch</h1></section></main></body></html>`;
  writeFileSync(join(root, 'leave.html'), fetching('leave'));
  writeFileSync(join(root, 'leave.js'), `fetch('slow.txt').catch(() => {});\n`);
  writeFileSync(join(root, 'abort.html'), fetching('abort'));
  writeFileSync(
    join(root, 'abort.js'),
    `const controller = new AbortController();
fetch('slow.txt', { signal: controller.signal }).catch(() => {});
window.abortNow = () => { location.hash = '#elsewhere'; controller.abort(); };
`,
  );
  writeFileSync(join(root, 'slow.txt'), 'slow');
  const [server, browser] = await Promise.all([
    startServer({ root, port: 0 }),
    chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS }),
  ]);
  Object.assign(env, { server, browser, url: server.url, origin: new URL(server.url).origin });
});

after(async () => {
  await Promise.all([env.browser?.close(), env.server?.close()]);
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the page fixture records CSP violations, non-GET requests, console errors and page errors, and assertClean fails', async () => {
  const fixture = await openPage(env, { date: '2021-06-15' });
  try {
    await fixture.open();
    const { page, records } = fixture;
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.inlineRan ?? false), false, 'the inline script was blocked');
    const directives = records.cspViolations.map((v) => v.directive ?? v.console ?? '').join(' | ');
    assert.match(directives, /script-src/, `script-src violations recorded: ${directives}`);
    assert.match(directives, /style-src/, `style-src violations recorded: ${directives}`);
    assert.ok(records.requests.some((r) => r.method === 'POST'), 'the POST was recorded');
    assert.ok(records.consoleErrors.some((text) => text.includes('boom from the page')), 'console.error recorded');
    assert.ok(records.pageErrors.some((text) => text.includes('uncaught in the page')), 'uncaught error recorded');
    assert.throws(() => fixture.assertClean(), assert.AssertionError);
    // And the page sees the persona's day.
    assert.equal(await page.evaluate(() => new Date().toISOString().slice(0, 10)), '2021-06-15');
    assert.equal(await page.evaluate(() => new Date(Date.now()).getFullYear()), 2021);
  } finally {
    await fixture.close();
  }
});

test('a fetch aborted because the test left the page is not a failure; one the page aborts itself is', async () => {
  const fixture = await openPage(env);
  try {
    const release = await holdBack(fixture.page, '**/slow.txt');
    const slowRequest = fixture.page.waitForRequest('**/slow.txt');
    await fixture.open('leave.html');
    await slowRequest;
    await fixture.open('leave.html');
    release();
    assert.ok(
      fixture.records.requests.filter((r) => r.url.endsWith('/slow.txt')).length >= 2,
      "the first document's fetch was in flight when the test left it",
    );
    fixture.assertClean();
  } finally {
    await fixture.close();
  }

  const aborting = await openPage(env);
  try {
    await holdBack(aborting.page, '**/slow.txt');
    const slowRequest = aborting.page.waitForRequest('**/slow.txt');
    await aborting.open('abort.html');
    await slowRequest;
    const failed = aborting.page.waitForEvent('requestfailed');
    await aborting.page.evaluate(() => window.abortNow());
    await failed;
    assert.match(aborting.records.failures.join('\n'), /slow\.txt: net::ERR_ABORTED/);
    assert.throws(() => aborting.assertClean(), /failed requests/);
  } finally {
    await aborting.close();
  }
});
