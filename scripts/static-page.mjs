// A build step (scripts/build-dist.mjs): writes the rules' texts into index.html's static first
// screen, so that the page says something useful before any script runs, and when none can
// (JavaScript off, no WebAssembly, the module failing to load: docs/page.md), and into the static
// pages it links to (STATIC_PAGES: the accessibility statement, the legal notice, the personal
// data page, each its section of web/static-pages/ in the frame they share). Each element
// written `<tag … data-text="ui.app_title"></tag>` gets that text of the rules' default language
// (a path into its locale file), as HTML text, and loses the attribute; an element of the head
// written `<meta … data-text-content="ui.meta_description">` gets that text as its content
// attribute, escaped. A path with no text stops the build: the page must not ship an empty heading or
// description.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATIC_TEXTS, asideFile } from '../web/rules-bundle.js';
import { staticOpening } from './static-opening.mjs';

/** The pages the build fills from the rules' texts: the public page, then its static pages. */
export const STATIC_PAGES = ['index.html', 'accessibilite.html', 'mentions-legales.html', 'donnees-personnelles.html'];

/** The static pages' folder in web/: each page's section, and the frame they share (page.html). */
export const STATIC_PAGES_DIR = 'static-pages';

// The words of the link to each static page, in the other pages' footers (the statement's carry
// its status, as RGAA asks).
const LINK_TEXTS = {
  'accessibilite.html': 'ui.footer_accessibility',
  'mentions-legales.html': 'ui.legal_title',
  'donnees-personnelles.html': 'ui.privacy_title',
};

/**
 * The static page `name`: its `section` (web/static-pages/<name>) in the shared `frame`
 * (web/static-pages/page.html), titled by the section's data-title, with the links to the other
 * static pages in its footer; its texts still to fill (fillTexts).
 */
export function composeStaticPage(frame, section, name) {
  const title = /^<section\b[^>]*\sdata-title="([^"]+)"/m.exec(section)?.[1];
  if (!title) throw new Error(`${STATIC_PAGES_DIR}/${name}: its <section> has no data-title`);
  const indent = (text, spaces) => text.trim().split('\n').map((line) => (line ? ' '.repeat(spaces) + line : line)).join('\n');
  const links = Object.entries(LINK_TEXTS)
    .filter(([file]) => file !== name)
    .map(([file, text]) => `<li><a href="${file}" data-text="${text}"></a></li>`)
    .join('\n');
  return frame
    .replace('{title}', () => title)
    .replace('{section}', () => indent(section.replace(/\sdata-title="[^"]+"/, ''), 4))
    .replace('{links}', () => indent(links, 8));
}

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

// Where index.html gets the opening's first question and intro (static-opening.mjs).
const OPENING_SLOT = '<div data-static-opening></div>';

// The source's comments are for its readers: every byte of index.html comes before the first paint.
const COMMENT = /\n?[ \t]*<!--[^]*?-->/g;

/**
 * Fills dir/<name> from dir/rules.json, the default language's asides.<code>.json (the static
 * legal pages' texts) and static-texts.json (the texts only HTML written by the build shows:
 * web/rules-bundle.js), without its comments; index.html also gets the opening's first question
 * and intro as the app draws them (static-opening.mjs). Returns the number of texts written.
 */
export async function writeStaticPage(dir, name = 'index.html') {
  const file = join(dir, name);
  const read = (path) => readFileSync(path, 'utf8');
  const pages = join(dir, STATIC_PAGES_DIR);
  const source = name === 'index.html' ? read(file) : composeStaticPage(read(join(pages, 'page.html')), read(join(pages, name)), name);
  const html = source.replace(COMMENT, '');
  const bundle = JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8'));
  const texts = defaultTexts(bundle);
  const asides = join(dir, asideFile(JSON.parse(bundle.files['manifest.json']).default_locale));
  for (const more of [asides, join(dir, STATIC_TEXTS)]) {
    if (existsSync(more)) Object.assign(texts.ui, JSON.parse(readFileSync(more, 'utf8')));
  }
  let filled = fillTexts(html, texts, name);
  if (/data-text(-content)?=/.test(filled)) throw new Error(`${name}: a data-text element is not empty, or not closed right after it opens`);
  if (name === 'index.html') {
    // The question first: while it is the address's target, it hides what follows it (base.css).
    const { intro, question } = await staticOpening(readFileSync(join(dir, 'rules.json'), 'utf8'));
    if (filled.split(OPENING_SLOT).length !== 2) throw new Error(`index.html: expected ${OPENING_SLOT} exactly once`);
    filled = filled.replace(OPENING_SLOT, () => `${question}\n${intro}`);
  }
  writeFileSync(file, filled);
  return (html.match(SLOT) ?? []).length + (html.match(CONTENT_SLOT) ?? []).length;
}
