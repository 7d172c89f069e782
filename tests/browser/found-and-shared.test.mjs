// Found and shared properly (docs/page.md, "The head" and "Installing the page"): index.html's
// title, description, canonical link and Open Graph tags, no noindex; the example and standalone
// pages noindex; manifest.webmanifest served as application/manifest+json with its icons, each a
// PNG of its declared size, all in the service worker's offline list; Chromium reads the manifest
// under the strict CSP without an error or a violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertPageBuilt, distDir, expectScreen, openPage, useBrowser } from './support.mjs';
import { decodePng } from './png.mjs';

const env = useBrowser();

function html(file) {
  assertPageBuilt();
  return readFileSync(join(distDir, file), 'utf8');
}

// The value of the first `attribute` of the tag matching `selector` (a regular expression's text).
function attributeOf(text, selector, attribute) {
  const tag = text.match(new RegExp(`<${selector}[^>]*>`))?.[0];
  return tag?.match(new RegExp(`\\s${attribute}="([^"]*)"`))?.[1];
}
const meta = (text, key, name) => attributeOf(text, `meta ${key}="${name}"`, 'content');
const noindex = (text) => /<meta name="robots" content="[^"]*noindex/.test(text);

test('index.html: a title, a description, a canonical link, Open Graph, and it may be indexed', () => {
  const page = html('index.html');
  const head = page.slice(0, page.indexOf('</head>'));
  const title = head.match(/<title>([^<]+)<\/title>/)?.[1];
  assert.ok(title && title.trim().length > 10, `title: ${title}`);
  const description = meta(head, 'name', 'description');
  assert.ok(description && description.trim() !== '', 'a description');
  assert.ok(description.length <= 160, `description of ${description.length} characters: ${description}`);
  assert.equal(meta(head, 'property', 'og:title'), title);
  assert.equal(meta(head, 'property', 'og:description'), description);
  assert.equal(meta(head, 'property', 'og:type'), 'website');
  assert.equal(meta(head, 'property', 'og:locale'), 'fr_FR');
  assert.equal(meta(head, 'property', 'og:locale:alternate'), 'en_GB');
  assert.ok(!noindex(page), 'the public page must not be noindex');
  // The canonical link: the public address (PDP_PUBLIC_URL), with og:url and og:image absolute;
  // without it, relative and no og:url nor og:image (Open Graph wants absolute addresses).
  const canonical = attributeOf(head, 'link rel="canonical"', 'href');
  if (canonical === './') {
    assert.doesNotMatch(head, /og:url|og:image/, 'no og:url nor og:image without PDP_PUBLIC_URL');
  } else {
    assert.match(canonical, /^https?:\/\/[^?#]*\/$/, `canonical ${canonical}`);
    assert.equal(meta(head, 'property', 'og:url'), canonical);
    assert.equal(meta(head, 'property', 'og:image'), new URL('icon-512.png', canonical).href);
  }
  assert.equal(attributeOf(head, 'link rel="manifest"', 'href'), 'manifest.webmanifest');
  assert.equal(meta(head, 'name', 'theme-color'), '#0a4b94');
  assert.equal(attributeOf(head, 'link rel="apple-touch-icon"', 'href'), 'apple-touch-icon.png');
});

test('every embed example page and standalone.html are noindex, without install or share links', () => {
  const examples = readdirSync(distDir).filter((name) => /^embed-.*\.html$/.test(name));
  assert.ok(examples.length >= 3, examples.join(', '));
  for (const file of [...examples, 'standalone.html']) assert.ok(noindex(html(file)), `${file} should be noindex`);
  const standalone = html('standalone.html');
  assert.doesNotMatch(standalone.slice(0, standalone.indexOf('</head>')), /rel="(canonical|manifest|apple-touch-icon)"|og:url|og:image/);
});

test('manifest.webmanifest: served as application/manifest+json, its fields, each icon a PNG of its size, all offline', async () => {
  assertPageBuilt();
  const response = await fetch(new URL('manifest.webmanifest', env.url));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/manifest\+json\b/);
  const manifest = await response.json();
  for (const field of ['name', 'short_name', 'description']) assert.ok(manifest[field]?.trim(), `manifest ${field}`);
  assert.equal(manifest.lang, 'fr');
  assert.equal(manifest.start_url, './index.html');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
  assert.equal(manifest.theme_color, '#0a4b94');
  const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
  for (const needed of ['192x192 any', '512x512 any', '512x512 maskable']) assert.ok(sizes.includes(needed), `${needed} in ${sizes}`);
  const worker = html('sw.js');
  for (const icon of [...manifest.icons, { src: 'apple-touch-icon.png', sizes: '180x180', type: 'image/png' }]) {
    const fetched = await fetch(new URL(icon.src, new URL('manifest.webmanifest', env.url)));
    assert.equal(fetched.status, 200, icon.src);
    assert.equal(fetched.headers.get('content-type'), 'image/png', icon.src);
    assert.equal(icon.type, 'image/png');
    const png = Buffer.from(await fetched.arrayBuffer());
    assert.ok(png.length < 16_000, `${icon.src}: ${png.length} bytes`);
    const { width, height } = decodePng(png);
    assert.equal(`${width}x${height}`, icon.sizes, icon.src);
    assert.ok(worker.includes(`"${icon.src}"`), `${icon.src} in the service worker's offline list`);
  }
  assert.ok(worker.includes('"manifest.webmanifest"'), "manifest.webmanifest in the service worker's offline list");
});

test('Chromium reads the manifest under the strict CSP: no error, no violation', async () => {
  const fixture = await openPage(env);
  try {
    await fixture.open();
    await expectScreen(fixture.page, 'intro');
    const cdp = await fixture.context.newCDPSession(fixture.page);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    assert.equal(url, new URL('manifest.webmanifest', env.url).href);
    assert.deepEqual(errors, []);
    assert.equal(JSON.parse(data).short_name.length > 0, true);
    await fixture.settled();
    fixture.assertClean('index.html with its manifest');
  } finally {
    await fixture.close();
  }
});
