// scripts/static-page.mjs, the build step that writes the rules' texts into index.html's static
// first screen: each data-text slot filled and escaped, a missing text stops the build, and the
// shipped web/index.html names only texts the rules have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATIC_PAGES, STATIC_PAGES_DIR, composeStaticPage, defaultTexts, fillTexts } from '../../scripts/static-page.mjs';

const root = process.env.PDP_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inPages = (file) => readFileSync(join(root, 'web', STATIC_PAGES_DIR, file), 'utf8');
const composed = (name) => composeStaticPage(inPages('page.html'), inPages(name), name);

test('a slot gets its text, escaped, and loses its attribute; other attributes stay', () => {
  const texts = { ui: { title: 'A < B & "C"' }, channels: { x: { how: 'Appelez le 36 46.' } } };
  const html = '<h1 class="t" data-text="ui.title"></h1><p data-text="channels.x.how" hidden></p>';
  assert.equal(fillTexts(html, texts), '<h1 class="t">A &lt; B &amp; &quot;C&quot;</h1><p hidden>Appelez le 36 46.</p>');
});

test('a path with no text, or an empty one, stops the build naming the path', () => {
  assert.throws(() => fillTexts('<p data-text="ui.missing"></p>', { ui: {} }), /ui\.missing/);
  assert.throws(() => fillTexts('<p data-text="ui.empty"></p>', { ui: { empty: ' ' } }), /ui\.empty/);
  assert.throws(() => fillTexts('<p data-text="ui"></p>', { ui: { a: 'b' } }), /"ui"/);
});

test('web/index.html names only texts the default language has', () => {
  const html = readFileSync(join(root, 'web', 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(root, 'rules', 'manifest.json'), 'utf8'));
  const locale = readFileSync(join(root, 'rules', 'locales', `${manifest.default_locale}.json`), 'utf8');
  const texts = defaultTexts({ files: { 'manifest.json': JSON.stringify(manifest), [`locales/${manifest.default_locale}.json`]: locale } });
  const filled = fillTexts(html, texts);
  assert.doesNotMatch(filled, /data-text=/);
  for (const text of [texts.ui.static_what, texts.channels.telephone_3646.title]) {
    assert.ok(filled.includes(text.replaceAll('&', '&amp;').replaceAll('"', '&quot;')), `index.html shows "${text}"`);
  }
});

test('the static pages (the statement, the legal notice, the personal data page) name only texts the default language has, and index.html links to them', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'rules', 'manifest.json'), 'utf8'));
  const locale = readFileSync(join(root, 'rules', 'locales', `${manifest.default_locale}.json`), 'utf8');
  const texts = defaultTexts({ files: { 'manifest.json': JSON.stringify(manifest), [`locales/${manifest.default_locale}.json`]: locale } });
  const index = readFileSync(join(root, 'web', 'index.html'), 'utf8');
  // Each page and the words of its link (the statement's carry its status, as RGAA asks).
  const links = { 'accessibilite.html': 'footer_accessibility', 'mentions-legales.html': 'legal_title', 'donnees-personnelles.html': 'privacy_title' };
  const pages = STATIC_PAGES.filter((name) => name !== 'index.html');
  assert.deepEqual(pages, Object.keys(links));
  for (const name of pages) {
    assert.match(index, new RegExp(`<a href="${name.replace('.', '\\.')}" data-text="ui\\.${links[name]}"`), `index.html links to ${name}`);
    const filled = fillTexts(composed(name), texts, name);
    assert.doesNotMatch(filled, /data-text=/, `${name}: every slot filled`);
    assert.match(filled, /<html lang="fr">/);
    assert.match(filled, /<link rel="stylesheet" href="styles\.css">/, `${name}: the page's one stylesheet`);
    assert.doesNotMatch(filled, /<script|<style|\sstyle=|\son[a-z]+=/i, `${name}: nothing the CSP would block, no script needed`);
  }
  assert.throws(() => fillTexts('<p data-text="ui.none"></p>', { ui: {} }, 'mentions-legales.html'), /^Error: mentions-legales\.html: no text "ui\.none"/);
});

test('each static page is its section in the shared frame: its title, and a link to each other page', () => {
  const pages = STATIC_PAGES.filter((name) => name !== 'index.html');
  for (const name of pages) {
    const html = composed(name);
    const title = /data-title="([^"]+)"/.exec(inPages(name))[1];
    assert.match(html, new RegExp(`<title data-text="${title.replace('.', '\\.')}"></title>`), `${name}: titled by its section`);
    assert.doesNotMatch(html, /data-title=|\{(title|section|links)\}/, `${name}: nothing of the frame's slots left`);
    const linked = [...html.matchAll(/<li><a href="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(linked, pages.filter((other) => other !== name), `${name}: its footer links to the other pages`);
  }
  assert.throws(() => composeStaticPage(inPages('page.html'), '<section class="screen"></section>', 'x.html'), /x\.html: its <section> has no data-title/);
});
