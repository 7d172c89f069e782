// The iframe variant sizes itself (docs/embedding.md §2): the public page, framed by a host on
// another origin with ?origin=, posts its content's height; the host snippet
// (embed-frame-example.js) gives it to the frame. Through a whole persona at 375 and 1280 px, after
// each screen the frame is as tall as its document and nothing scrolls inside it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFrameFits, startHostServer, toolFrame } from './host-site.mjs';
import {
  answerQuestion, clickAction, distDir, ensureScreenshotDir, expectQuestion, expectScreen, loadPersona, openPage, useBrowser,
} from './support.mjs';

const env = useBrowser();
const PERSONA = 'salarie-accident-travail.json';
let host = null;

// embed-frame-example.html and its files, on the host's origin, framing the tool's origin.
// Started by the first test (after useBrowser's server, whose origin the host page names).
async function startHost() {
  if (host) return host;
  const file = (name) => readFileSync(join(distDir, name));
  const page = file('embed-frame-example.html').toString('utf8');
  assert.match(page, /data-src="index\.html\?lang=fr"/);
  host = await startHostServer({
    '/': {
      body: page.replace('data-src="index.html', `data-src="${env.origin}/index.html`),
      csp: `default-src 'self'; frame-src ${env.origin}; style-src 'self'`,
    },
    '/embed-frame-example.js': { body: file('embed-frame-example.js'), type: 'text/javascript' },
    '/embed-example.css': { body: file('embed-example.css'), type: 'text/css' },
    '/favicon.png': { body: file('favicon.png'), type: 'image/png' },
  });
  return host;
}
after(() => host?.close());

describe('the framed page posts its height and the host snippet applies it', () => {
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    test(`at ${viewport.width} px, after every screen of a persona, the frame fits its content`, async () => {
      const persona = loadPersona(PERSONA);
      const fixture = await openPage(env, { date: persona.date, viewport });
      await startHost();
      try {
        const { page, records } = fixture;
        const messages = [];
        await page.exposeBinding('__pdpMessage', (_source, message) => messages.push(message));
        await fixture.context.addInitScript(() => {
          if (window.parent !== window) return;
          window.addEventListener('message', (event) => globalThis.__pdpMessage({ origin: event.origin, data: event.data }));
        });
        await page.goto(host.url);
        const frame = await toolFrame(page, `${env.origin}/index.html`);
        const fits = (what) => expectFrameFits(page, '#tool', `${what} at ${viewport.width} px`);

        await expectScreen(frame, 'intro');
        await fits('intro');
        await clickAction(frame, 'next');
        for (const step of persona.steps) {
          await expectQuestion(frame, step.question);
          await fits(`question ${step.question}`);
          await answerQuestion(frame, step.question, step.answer);
        }
        await expectScreen(frame, 'recap');
        await fits('recap');
        await clickAction(frame, 'next');
        await expectScreen(frame, 'result');
        await fixture.settled();
        const heights = await fits('result');
        assert.ok(heights.frameHeight > viewport.height, `the result is taller than the window: ${JSON.stringify(heights)}`);
        await page.screenshot({ path: join(ensureScreenshotDir(), `frame-height-${viewport.width}.png`), fullPage: true });

        // What the host received: from the tool's origin only, heights as whole pixels.
        const sizes = messages.filter((message) => message.data?.kind === 'resize-height');
        assert.ok(sizes.length >= persona.steps.length, `a height per screen at least (${sizes.length})`);
        for (const { origin, data } of sizes) {
          assert.equal(origin, env.origin);
          assert.deepEqual(Object.keys(data).sort(), ['kind', 'source', 'value']);
          assert.ok(Number.isInteger(data.value) && data.value > 0, JSON.stringify(data));
        }
        assert.deepEqual(
          messages.filter((message) => 'event' in (message.data ?? {})).map((message) => message.data.event),
          ['ready', 'started', 'finished'],
        );
        const elsewhere = records.requests.filter((r) => r.method !== 'GET' || ![host.origin, env.origin].includes(new URL(r.url).origin));
        assert.deepEqual(elsewhere, [], 'only GETs to the host and the tool');
        assert.deepEqual(records.failures, []);
        assert.deepEqual(records.pageErrors, []);
        assert.deepEqual(records.consoleErrors, []);
        assert.deepEqual(records.cspViolations, []);
      } finally {
        await fixture.close();
      }
    });
  }
});
