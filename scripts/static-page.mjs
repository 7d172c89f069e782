// A build step (scripts/build-dist.mjs): writes the rules' texts into index.html's static first
// screen, so that the page says something useful before any script runs, and when none can
// (JavaScript off, no WebAssembly, the module failing to load: docs/page.md), and into the static
// pages it links to (STATIC_PAGES: the accessibility statement, the legal notice, the personal
// data page). Each element written `<tag … data-text="ui.app_title"></tag>` in web/index.html
// gets that text of the rules' default language (a path into its locale file), as HTML text, and
// loses the attribute; an element of the head written
// `<meta … data-text-content="ui.meta_description">` gets that text as its content attribute,
// escaped. A path with no text stops the build: the page must not ship an empty heading or
// description.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATIC_TEXTS, asideFile } from '../web/rules-bundle.js';

/** The pages of web/ filled from the rules' texts: the public page, then its static pages. */
export const STATIC_PAGES = ['index.html', 'accessibilite.html', 'mentions-legales.html', 'donnees-personnelles.html'];

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text) => text.replace(/[&<>"]/g, (character) => ESCAPES[character]);

// An element with nothing inside, carrying data-text="a.b.c" among its attributes.
const SLOT = /<([a-z][a-z0-9]*)\b([^>]*?)\s+data-text="([^"]+)"([^>]*)><\/\1>/g;
// An attribute data-text-content="a.b.c" (a <meta> of the head): becomes content="…".
const CONTENT_SLOT = /\sdata-text-content="([^"]+)"/g;

/** The default language's texts (its locales/<code>.json) from the page's rules.json. */
export function defaultTexts(bundle) {
  const manifest = JSON.parse(bundle.files['manifest.json']);
  const file = `locales/${manifest.default_locale}.json`;
  if (!bundle.files[file]) throw new Error(`rules.json has no ${file}`);
  return JSON.parse(bundle.files[file]);
}

/** `html` (the page `file`) with every data-text slot filled from `texts`; throws on a path with no text. */
export function fillTexts(html, texts, file = 'index.html') {
  const textAt = (path) => {
    const text = path.split('.').reduce((value, key) => (value && Object.hasOwn(value, key) ? value[key] : undefined), texts);
    if (typeof text !== 'string' || text.trim() === '') throw new Error(`${file}: no text "${path}" in the rules' default language`);
    return escapeHtml(text);
  };
  return html
    .replace(SLOT, (_element, tag, before, path, after) => `<${tag}${before}${after}>${textAt(path)}</${tag}>`)
    .replace(CONTENT_SLOT, (_attribute, path) => ` content="${textAt(path)}"`);
}

// The source's comments are for its readers: every byte of index.html comes before the first paint.
const COMMENT = /\n?[ \t]*<!--[^]*?-->/g;

/**
 * Fills dir/<name> from dir/rules.json, the default language's asides.<code>.json (the static
 * legal pages' texts) and static-texts.json (the texts only HTML written by the build shows:
 * web/rules-bundle.js), without its comments; returns the number of texts written.
 */
export function writeStaticPage(dir, name = 'index.html') {
  const file = join(dir, name);
  const html = readFileSync(file, 'utf8').replace(COMMENT, '');
  const bundle = JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8'));
  const texts = defaultTexts(bundle);
  const asides = join(dir, asideFile(JSON.parse(bundle.files['manifest.json']).default_locale));
  for (const more of [asides, join(dir, STATIC_TEXTS)]) {
    if (existsSync(more)) Object.assign(texts.ui, JSON.parse(readFileSync(more, 'utf8')));
  }
  const filled = fillTexts(html, texts, name);
  if (/data-text(-content)?=/.test(filled)) throw new Error(`${name}: a data-text element is not empty, or not closed right after it opens`);
  writeFileSync(file, filled);
  return (html.match(SLOT) ?? []).length + (html.match(CONTENT_SLOT) ?? []).length;
}
