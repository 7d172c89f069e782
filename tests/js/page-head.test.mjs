// The head of the public page (scripts/page-head.mjs, scripts/static-page.mjs, scripts/icons.mjs):
// the public address from PDP_PUBLIC_URL (absolute canonical, og:url, og:image) or none (relative
// canonical, no og:url nor og:image); a wrong address stops the build naming the variable; the meta
// texts filled and escaped; the manifest's description is the rules' text; the icons are PNGs of
// their size, the same bytes on every build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICONS, drawIcon, encodePng } from '../../scripts/icons.mjs';
import { publicUrl, writePublicUrl } from '../../scripts/page-head.mjs';
import { fillTexts } from '../../scripts/static-page.mjs';
import { decodePng } from '../browser/png.mjs';

const root = process.env.PDP_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Without its comments, as the build writes it (scripts/static-page.mjs).
const indexHtml = readFileSync(join(root, 'web', 'index.html'), 'utf8').replace(/<!--[^]*?-->/g, '');

test('with PDP_PUBLIC_URL: an absolute canonical, og:url and og:image', () => {
  const url = publicUrl('https://example.org/autodiagnostic/');
  assert.equal(url, 'https://example.org/autodiagnostic/');
  const html = writePublicUrl(indexHtml, url);
  assert.match(html, /<link rel="canonical" href="https:\/\/example\.org\/autodiagnostic\/">/);
  assert.match(html, /<meta property="og:url" content="https:\/\/example\.org\/autodiagnostic\/">/);
  assert.match(html, /<meta property="og:image" content="https:\/\/example\.org\/autodiagnostic\/icon-512\.png">/);
  assert.doesNotMatch(html, /href="\.\/"/);
  assert.equal(publicUrl('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/');
});

test('without it: the relative canonical, no og:url nor og:image', () => {
  for (const value of [undefined, '']) {
    const url = publicUrl(value);
    assert.equal(url, null);
    const html = writePublicUrl(indexHtml, url);
    assert.match(html, /<link rel="canonical" href="\.\/">/);
    assert.doesNotMatch(html, /og:url|og:image/);
  }
});

test('a wrong address stops the build, naming the variable', () => {
  for (const value of ['example.org/autodiagnostic/', 'ftp://example.org/', 'https://example.org/autodiagnostic',
    'https://example.org/index.html', 'https://example.org/?lang=en', 'https://example.org/#x', 'https://u:p@example.org/', 'javascript:alert(1)//']) {
    assert.throws(() => publicUrl(value), /PDP_PUBLIC_URL/, value);
  }
});

test('the head: title and description filled from the rules, escaped, the description 160 characters at most', () => {
  const fr = JSON.parse(readFileSync(join(root, 'rules', 'locales', 'fr.json'), 'utf8'));
  const en = JSON.parse(readFileSync(join(root, 'rules', 'locales', 'en.json'), 'utf8'));
  for (const texts of [fr, en]) {
    assert.ok(texts.ui.meta_description.length <= 160, texts.ui.meta_description);
    assert.ok(texts.ui.meta_title.length <= 90, texts.ui.meta_title);
  }
  const html = fillTexts(indexHtml, fr);
  const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  assert.ok(html.includes(`<title>${escaped(fr.ui.meta_title)}</title>`));
  assert.ok(html.includes(`<meta name="description" content="${escaped(fr.ui.meta_description)}">`));
  assert.ok(html.includes(`<meta property="og:description" content="${escaped(fr.ui.meta_description)}">`));
  assert.doesNotMatch(html, /noindex/);
  assert.equal(fillTexts('<meta name="description" data-text-content="ui.d">', { ui: { d: 'a "b" <c>' } }), '<meta name="description" content="a &quot;b&quot; &lt;c&gt;">');
  assert.throws(() => fillTexts('<meta name="description" data-text-content="ui.none">', { ui: {} }), /ui\.none/);
  const manifest = JSON.parse(readFileSync(join(root, 'web', 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.description, fr.ui.meta_description, 'the manifest says what the page\'s description says');
});

test('the icons: PNGs of their size, the same bytes each time', () => {
  for (const { size, shape } of ICONS) {
    const png = encodePng(size, size, drawIcon(size, shape));
    const decoded = decodePng(png);
    assert.deepEqual([decoded.width, decoded.height], [size, size]);
    assert.ok(png.length < 16_000, `${size} px ${shape}: ${png.length} bytes`);
    assert.ok(png.equals(encodePng(size, size, drawIcon(size, shape))));
    // The centre's corner pixel: transparent for the rounded icon, painted for the others.
    assert.equal(decoded.data[3], shape === 'any' ? 0 : 255, `${shape}: corner alpha`);
  }
});
