// The host's loader (docs/embedding.md, "A link that becomes a frame"): on a host of another
// origin under a strict CSP, pdp-frame.js (with its integrity) turns the link into a titled frame
// of the tool that takes the tool's height, from that frame only; without JavaScript, or with the
// script blocked, the link stays and leads to the tool. And dist/embed-link-example.html works.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFrameFits, startHostServer, toolFrame } from './host-site.mjs';
import {
  clickAction, distDir, expectQuestion, expectScreen, loadPersona, openPage, useBrowser,
} from './support.mjs';

const env = useBrowser();
let host = null;

function hostPage(tool, { title = '' } = {}) {
  const integrity = JSON.parse(readFileSync(join(distDir, 'integrity.json'), 'utf8'))['pdp-frame.js'];
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Hôte</title><link rel="stylesheet" href="/host.css"></head>
<body>
  <h1>Un site hôte</h1>
  <p><a id="tool" href="${tool}/index.html?lang=fr" data-pdp-autodiagnostic${title}>Faire
     l'autodiagnostic</a></p>
  <p>La suite de la page hôte.</p>
  <script src="${tool}/pdp-frame.js" integrity="${integrity}" crossorigin="anonymous"></script>
</body>
</html>`;
}

// Started by the first test (after useBrowser's server, whose origin the host page names).
async function startHost() {
  if (host) return host;
  const strict = `default-src 'none'; script-src ${env.origin}; frame-src ${env.origin}; style-src 'self'`;
  host = await startHostServer({
    '/': { body: hostPage(env.origin), csp: strict },
    '/titled': { body: hostPage(env.origin, { title: ' data-title="Autodiagnostic PDP"' }), csp: strict },
    // A host whose CSP does not allow the tool's script: the link must stay a link.
    '/blocked': { body: hostPage(env.origin), csp: `default-src 'none'; style-src 'self'` },
    '/host.css': { body: 'body { margin: 0 1rem; font-family: serif; }', type: 'text/css' },
  });
  return host;
}
after(() => host?.close());

// The host's records without the one expected trace of a blocked script (for /blocked).
function assertHostClean(records, what, { allowBlockedScript = false } = {}) {
  const violations = records.cspViolations.filter(
    (v) => !(allowBlockedScript && (v.directive === 'script-src-elem' || /pdp-frame\.js/.test(JSON.stringify(v)))),
  );
  const consoleErrors = records.consoleErrors.filter((text) => !(allowBlockedScript && /pdp-frame\.js|Content Security Policy/i.test(text)));
  assert.deepEqual(violations, [], `${what}: CSP violations`);
  assert.deepEqual(consoleErrors, [], `${what}: console errors`);
  assert.deepEqual(records.pageErrors, [], `${what}: page errors`);
  const blocked = (text) => allowBlockedScript && /pdp-frame\.js: csp$/.test(text);
  assert.deepEqual(records.failures.filter((text) => !blocked(text)), [], `${what}: failed requests`);
  if (allowBlockedScript) assert.ok(records.failures.some(blocked), `${what}: the script was blocked: ${records.failures}`);
}

describe('pdp-frame.js on a host of another origin, under a strict CSP', () => {
  test('the link becomes a titled frame of the tool, told the host\'s origin, whose height follows the screens', async () => {
    const persona = loadPersona('salarie-accident-travail.json');
    const fixture = await openPage(env, { date: persona.date, viewport: { width: 375, height: 812 } });
    await startHost();
    try {
      const { page, records } = fixture;
      const events = [];
      await page.exposeBinding('__pdpEvent', (_source, type) => events.push(type));
      await fixture.context.addInitScript(() => {
        if (window.parent !== window) return;
        for (const name of ['ready', 'started', 'finished']) {
          document.addEventListener(`pdp:${name}`, (event) => globalThis.__pdpEvent(`${event.type} ${event.detail} ${event.target.tagName}`));
        }
      });
      await page.goto(host.url);
      const iframe = page.locator('iframe#tool');
      await iframe.waitFor();
      assert.equal(await page.locator('a[data-pdp-autodiagnostic]').count(), 0, 'the link is replaced');
      assert.equal(await iframe.getAttribute('title'), "Faire l'autodiagnostic");
      const src = new URL(await iframe.getAttribute('src'));
      assert.equal(`${src.origin}${src.pathname}`, `${env.origin}/index.html`);
      assert.equal(src.searchParams.get('lang'), 'fr');
      assert.equal(src.searchParams.get('origin'), host.origin);

      const frame = await toolFrame(page, `${env.origin}/index.html`);
      await expectScreen(frame, 'intro');
      const intro = await expectFrameFits(page, 'iframe#tool', 'intro');
      await clickAction(frame, 'next');
      await expectQuestion(frame, persona.steps[0].question);
      const question = await expectFrameFits(page, 'iframe#tool', 'first question');
      assert.notEqual(question.frameHeight, intro.frameHeight, 'the height follows the screen');

      // A message of the same shape from anything but that frame is ignored.
      await page.evaluate(() => window.postMessage({ source: 'pdp-autodiagnostic', kind: 'resize-height', value: 5 }, '*'));
      await page.waitForTimeout(200);
      assert.equal(await iframe.evaluate((element) => element.clientHeight), question.frameHeight);

      assert.deepEqual(events, ['pdp:ready null IFRAME', 'pdp:started null IFRAME']);
      const elsewhere = records.requests.filter((r) => r.method !== 'GET' || ![host.origin, env.origin].includes(new URL(r.url).origin));
      assert.deepEqual(elsewhere, [], 'only GETs to the host and the tool');
      assertHostClean(records, 'the host with pdp-frame.js');
    } finally {
      await fixture.close();
    }
  });

  test('data-title gives the frame its title', async () => {
    const fixture = await openPage(env);
    await startHost();
    try {
      await fixture.page.goto(new URL('titled', host.url).href);
      assert.equal(await fixture.page.locator('iframe#tool').getAttribute('title'), 'Autodiagnostic PDP');
      await expectScreen(await toolFrame(fixture.page, `${env.origin}/index.html`), 'intro');
      assertHostClean(fixture.records, 'the host, data-title');
    } finally {
      await fixture.close();
    }
  });

  test('with the script blocked by the host\'s CSP, the link stays and leads to the tool', async () => {
    const fixture = await openPage(env);
    await startHost();
    try {
      await fixture.page.goto(new URL('blocked', host.url).href);
      await fixture.page.waitForLoadState('load');
      assert.equal(await fixture.page.locator('iframe').count(), 0);
      await fixture.page.locator('a[data-pdp-autodiagnostic]').click();
      await fixture.page.waitForURL(`${env.origin}/index.html?lang=fr`);
      await expectScreen(fixture.page, 'intro');
      assertHostClean(fixture.records, 'the host with the script blocked', { allowBlockedScript: true });
    } finally {
      await fixture.close();
    }
  });

  test('without JavaScript, the link is there and leads to the tool\'s page', async () => {
    await (await openPage(env)).close(); // fails, saying so, when the page is not built
    await startHost();
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    try {
      const page = await context.newPage();
      await page.goto(host.url);
      const link = page.locator('a[data-pdp-autodiagnostic]');
      assert.equal(await link.count(), 1);
      assert.equal(await page.locator('iframe').count(), 0);
      assert.match(await link.textContent(), /Faire\s+l'autodiagnostic/);
      await link.click();
      await page.waitForURL(`${env.origin}/index.html?lang=fr`);
      // The tool's own page, which says (in <noscript>) that it needs JavaScript.
      assert.match(await page.locator('#app').textContent(), /JavaScript/);
    } finally {
      await context.close();
    }
  });
});

describe('dist/embed-link-example.html', () => {
  test('is noindex, names pdp-frame.js with its integrity, and its link becomes the tool, sized, under the strict CSP', async () => {
    const html = readFileSync(join(distDir, 'embed-link-example.html'), 'utf8');
    const integrity = JSON.parse(readFileSync(join(distDir, 'integrity.json'), 'utf8'))['pdp-frame.js'];
    assert.match(html, /<meta name="robots" content="noindex">/);
    assert.ok(html.includes(`<script src="pdp-frame.js" integrity="${integrity}" crossorigin="anonymous"></script>`), 'the script with its hash');
    const fixture = await openPage(env, { viewport: { width: 1280, height: 900 } });
    try {
      await fixture.page.goto(new URL('embed-link-example.html', env.url).href);
      const iframe = fixture.page.locator('iframe[title]');
      await iframe.waitFor();
      assert.equal(await iframe.getAttribute('title'), 'Autodiagnostic : accompagnement pour garder son travail');
      await expectScreen(await toolFrame(fixture.page, `${env.origin}/index.html`), 'intro');
      await expectFrameFits(fixture.page, 'iframe[title]', 'embed-link-example.html');
      fixture.assertClean('embed-link-example.html');
    } finally {
      await fixture.close();
    }
  });
});
