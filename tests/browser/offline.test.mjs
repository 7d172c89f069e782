// Offline use (docs/embedding.md, "Offline"): dist/standalone.html completes personas from file://
// with the browser offline; the public page, once visited, loads and completes a persona offline
// (service worker); a new deployed version replaces every file at once, never mixed with the old.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { writeServiceWorker } from '../../scripts/build-dist.mjs';
import {
  completePersona,
  distDir,
  expectScreen,
  idsShown,
  loadPersona,
  openPage,
  repoRoot,
  useBrowser,
} from './support.mjs';

const env = useBrowser();
const STANDALONE_PERSONAS = ['salarie-accident-travail.json', 'independant-juin-2021.json', 'salarie-ni-arret-ni-pension.json'];

// The page's own network: every request but the file itself and data: addresses.
const networkRequests = (records, fileUrl) =>
  records.requests.filter((r) => r.url !== fileUrl && !r.url.startsWith(`${fileUrl}?`) && !r.url.startsWith('data:'));

describe('dist/standalone.html from file://, the browser offline', () => {
  const fileUrl = pathToFileURL(join(distDir, 'standalone.html')).href;

  test('it is one file: nothing it names is fetched from anywhere', () => {
    // The tags only: the inlined script's own text is not markup.
    const html = readFileSync(join(distDir, 'standalone.html'), 'utf8')
      .replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>')
      .replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
    const addresses = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    // A data: address, or a place in the page itself (the static Start and Back: "#…").
    assert.deepEqual(addresses.filter((address) => !address.startsWith('data:') && !address.startsWith('#')), []);
    assert.ok(addresses.includes('#premiere-question'), 'the static Start leads to the first question in the page');
    assert.match(readFileSync(join(distDir, 'standalone.html'), 'utf8'), /<script type="application\/octet-stream" id="pdp-wasm">[^<]{100000,}<\/script>/);
    assert.doesNotMatch(html, /<script[^>]* src=|<link[^>]* rel="stylesheet"/);
  });

  for (const file of STANDALONE_PERSONAS) {
    test(`persona ${file} completes with no network at all`, async () => {
      const persona = loadPersona(file);
      const fixture = await openPage(env, { date: persona.date });
      try {
        await fixture.context.setOffline(true);
        await fixture.page.goto(fileUrl);
        const result = await completePersona(fixture.page, persona);
        assert.equal(await result.getAttribute('data-eligibility'), persona.expect.eligibility);
        for (const [key, attribute] of [['measures', 'data-measure'], ['actors', 'data-actor'], ['channels', 'data-channel']]) {
          if (key in persona.expect) assert.deepEqual(await idsShown(fixture.page, attribute), [...persona.expect[key]].sort(), attribute);
        }
        assert.deepEqual(networkRequests(fixture.records, fileUrl), [], 'requests');
        assert.deepEqual(fixture.records.pageErrors, []);
        assert.deepEqual(fixture.records.consoleErrors, []);
        assert.deepEqual(fixture.records.failures, []);
      } finally {
        await fixture.close();
      }
    });
  }

  test('?kiosk keeps nothing in sessionStorage, and ?lang=en speaks English', async () => {
    const persona = loadPersona('salarie-accident-travail.json');
    const fixture = await openPage(env, { date: persona.date });
    try {
      await fixture.context.setOffline(true);
      await fixture.page.goto(`${fileUrl}?kiosk`);
      await completePersona(fixture.page, persona);
      assert.equal(await fixture.page.evaluate(() => sessionStorage.length), 0, 'kiosk: sessionStorage');
      await fixture.page.goto(`${fileUrl}?lang=en`);
      await expectScreen(fixture.page, 'intro');
      assert.equal(await fixture.page.evaluate(() => document.documentElement.lang), 'en');
      assert.deepEqual(networkRequests(fixture.records, fileUrl), [], 'requests');
      assert.deepEqual(fixture.records.pageErrors, []);
    } finally {
      await fixture.close();
    }
  });
});

// A served copy of dist/ in a temporary folder, with a version mark in index.html and styles.css
// and its own service worker list (as a new build would write it).
async function deployVersion(root, mark) {
  cpSync(distDir, root, { recursive: true });
  const index = readFileSync(join(root, 'index.html'), 'utf8');
  writeFileSync(join(root, 'index.html'), index.replace('<head>', `<head>\n  <meta name="pdp-test-version" content="${mark}">`));
  writeFileSync(join(root, 'styles.css'), `${readFileSync(join(root, 'styles.css'), 'utf8')}\n/* pdp-test-version ${mark} */\n`);
  return writeServiceWorker(root, readFileSync(join(repoRoot, 'web', 'sw.js'), 'utf8'));
}

// Which version the page shows, by its document and by a file it fetches through the worker.
const versionShown = (page) =>
  page.evaluate(async () => {
    const styles = await (await fetch('styles.css')).text();
    return {
      document: document.querySelector('meta[name="pdp-test-version"]')?.content ?? null,
      styles: /pdp-test-version (\w+)/.exec(styles)?.[1] ?? null,
    };
  });

// A worker installs in about two seconds on a quiet machine; CI's two busy cores take several times
// that. How long to wait for the worker, not a measure of it.
const PATIENCE_MS = 60_000;

const waitForController = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: PATIENCE_MS });

describe('the public page offline after a first visit (service worker)', () => {
  test('visited once, it loads again and completes a persona with the browser offline', async () => {
    const persona = loadPersona('independant-juin-2021.json');
    const fixture = await openPage(env, { date: persona.date, serviceWorkers: 'allow' });
    try {
      await fixture.open();
      await waitForController(fixture.page);
      await fixture.context.setOffline(true);
      // Really offline: a file the worker does not cache cannot be fetched.
      const uncached = await fixture.page.evaluate(() => fetch('integrity.json').then(() => 'fetched', () => 'failed'));
      assert.equal(uncached, 'failed');
      await fixture.page.goto(new URL('?lang=fr', env.url).href);
      const result = await completePersona(fixture.page, persona);
      assert.equal(await result.getAttribute('data-eligibility'), persona.expect.eligibility);
      // English, whose texts the first visit did not load (rules.en.json), is there offline too.
      await fixture.page.locator('nav.lang-nav a[hreflang="en"]').click();
      await fixture.page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await fixture.page.locator('[data-eligibility]').getAttribute('data-eligibility'), persona.expect.eligibility);
      assert.deepEqual(fixture.records.pageErrors, []);
      assert.deepEqual(fixture.records.cspViolations, []);
      assert.deepEqual(fixture.records.requests.filter((r) => r.method !== 'GET' || new URL(r.url).origin !== env.origin), []);
    } finally {
      await fixture.close();
    }
  });

  test('the worker is registered once the engine has started: on a first visit, its copy of every file would compete with the first question', async () => {
    const fixture = await openPage(env, { serviceWorkers: 'allow' });
    try {
      // What happens in the page, in order: the engine's worker made, its first reply (the engine
      // is ready), the offline worker registered.
      await fixture.context.addInitScript(() => {
        const order = [];
        globalThis.__pdpOrder = order;
        const PageWorker = globalThis.Worker;
        globalThis.Worker = class extends PageWorker {
          constructor(...args) {
            super(...args);
            order.push('engine worker made');
            this.addEventListener('message', () => order.push('engine worker replied'), { once: true });
          }
        };
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          order.push('offline worker registered');
          return register.apply(this, args);
        };
      });
      await fixture.open();
      await waitForController(fixture.page);
      const order = await fixture.page.evaluate(() => globalThis.__pdpOrder);
      assert.deepEqual(order, ['engine worker made', 'engine worker replied', 'offline worker registered']);
      assert.deepEqual(fixture.records.pageErrors, []);
    } finally {
      await fixture.close();
    }
  });

  test('the worker\'s list is the public page\'s files: not the element, the host\'s loader or the host examples', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pdp-sw-list-'));
    try {
      const { files } = await deployVersion(root, 'list');
      for (const needed of ['index.html', 'main.js', 'styles.css', 'pdp-core.wasm', 'rules.json']) assert.ok(files.includes(needed), needed);
      // pdp-frame.js runs in host pages, on origins the worker never controls.
      for (const left of ['pdp-frame.js', 'pdp-autodiagnostic.js', 'embed-link-example.html', 'embed-frame-example.html', 'integrity.json']) {
        assert.ok(!files.includes(left), left);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the embedded element registers no service worker (only the public page does)', async () => {
    const fixture = await openPage(env, { serviceWorkers: 'allow' });
    try {
      await fixture.page.goto(new URL('embed-example.html', env.url).href);
      await expectScreen(fixture.page, 'intro');
      await fixture.page.locator('#event-log li').first().waitFor();
      assert.equal(await fixture.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
      await fixture.page.goto(env.url);
      await expectScreen(fixture.page, 'intro');
      await waitForController(fixture.page);
      assert.equal(await fixture.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 1);
    } finally {
      await fixture.close();
    }
  });

  test('a new version is taken whole once the old pages are closed: never two versions mixed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pdp-offline-'));
    const [first, second] = [join(folder, 'v1'), join(folder, 'v2')];
    const served = join(folder, 'site');
    let server = null;
    let fixture = null;
    try {
      const v1 = await deployVersion(first, 'one');
      const v2 = await deployVersion(second, 'two');
      assert.notEqual(v1.version, v2.version);
      cpSync(first, served, { recursive: true });
      server = await startServer({ root: served, port: 0 });
      fixture = await openPage({ ...env, url: server.url }, { serviceWorkers: 'allow' });
      const { page, context } = fixture;
      await page.goto(server.url);
      await waitForController(page);
      assert.deepEqual(await versionShown(page), { document: 'one', styles: 'one' });

      // Version two deployed while the page is open: the reload still shows version one, whole.
      cpSync(second, served, { recursive: true });
      await page.reload();
      await expectScreen(page, 'intro');
      assert.deepEqual(await versionShown(page), { document: 'one', styles: 'one' }, 'after the deploy, the open page');
      // The browser looks for a new sw.js after a navigation, when it sees fit (seconds later on a
      // busy machine); update() asks now. The new version installs beside the old one.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      let waiting = null;
      for (const deadline = Date.now() + PATIENCE_MS; Date.now() < deadline && waiting !== 'installed'; ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null);
      }
      assert.equal(waiting, 'installed', 'the new version installed, waiting');
      assert.deepEqual(await versionShown(page), { document: 'one', styles: 'one' }, 'the open page, the new version waiting');

      // Every page of the old version closed: the new worker takes over and drops the old cache.
      await page.close();
      // The origin's caches, seen from whichever worker is running (the old one stops).
      const cacheNames = async () => {
        for (const worker of context.serviceWorkers().reverse()) {
          const keys = await worker.evaluate(() => caches.keys()).catch(() => null);
          if (keys) return keys;
        }
        return null;
      };
      const expected = [`pdp-autodiagnostic-${v2.version}`];
      let names = null;
      for (const deadline = Date.now() + PATIENCE_MS; Date.now() < deadline && JSON.stringify(names) !== JSON.stringify(expected); ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        names = await cacheNames();
      }
      assert.deepEqual(names, expected, `the caches once the new version is active (v1 ${v1.version})`);

      const next = await context.newPage();
      await next.goto(server.url);
      await expectScreen(next, 'intro');
      assert.deepEqual(await versionShown(next), { document: 'two', styles: 'two' }, 'a new visit');
      await context.setOffline(true);
      await next.reload();
      await expectScreen(next, 'intro');
      assert.deepEqual(await versionShown(next), { document: 'two', styles: 'two' }, 'a new visit, offline');
      assert.deepEqual(fixture.records.pageErrors, []);
    } finally {
      await fixture?.close();
      await server?.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
