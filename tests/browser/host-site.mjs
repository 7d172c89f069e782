// A host site on an origin of its own (another port than the tool's server), for the embedding
// tests that need the host and the tool on two origins: the pages and files a test gives it, each
// with the Content-Security-Policy that test wants; and the check that a frame fits its content.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';

/**
 * Serves `routes` ({'/path': {body, type, csp}}) on 127.0.0.1, any free port; anything else is a
 * 404. Resolves to {url, origin, close}.
 */
export async function startHostServer(routes) {
  const server = createServer((req, res) => {
    const route = req.method === 'GET' ? routes[req.url.split('?')[0]] : undefined;
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not Found\n');
      return;
    }
    const headers = { 'Content-Type': route.type ?? 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
    if (route.csp) headers['Content-Security-Policy'] = route.csp;
    res.writeHead(200, headers);
    res.end(route.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    origin: new URL(url).origin,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/**
 * Waits (up to `timeoutMs`) until the iframe `selector` of `page` is as tall as its document's
 * content (±1 px) and nothing scrolls inside it; fails with the heights seen. Returns them.
 */
export async function expectFrameFits(page, selector, what, timeoutMs = 5000) {
  const element = page.locator(selector);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frameHeight = await element.evaluate((iframe) => iframe.clientHeight);
    const frame = await (await element.elementHandle()).contentFrame();
    const inside = await frame.evaluate(() => {
      const scroller = document.scrollingElement;
      return {
        content: document.documentElement.getBoundingClientRect().height,
        scrollHeight: scroller.scrollHeight,
        clientHeight: scroller.clientHeight,
        scrollWidth: scroller.scrollWidth,
        clientWidth: scroller.clientWidth,
      };
    });
    const seen = { frameHeight, ...inside };
    const fits =
      Math.abs(frameHeight - inside.scrollHeight) <= 1 &&
      Math.abs(frameHeight - Math.ceil(inside.content)) <= 1 &&
      inside.scrollHeight <= inside.clientHeight &&
      inside.scrollWidth <= inside.clientWidth;
    if (fits) return seen;
    if (Date.now() > deadline) assert.fail(`${what}: the frame does not fit its content: ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The frame of `page` showing the tool's page (`address`, e.g. 'http://…/index.html'), once it is
 * there: a cross-origin navigation may replace the frame the iframe first had (about:blank).
 */
export async function toolFrame(page, address, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(address));
    if (frame) return frame;
    if (Date.now() > deadline) assert.fail(`no frame of ${address}: ${page.frames().map((f) => f.url()).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
