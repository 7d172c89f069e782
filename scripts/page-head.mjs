// A build step (scripts/build-dist.mjs): the public address in index.html's head. The address is
// known only at deployment: the build takes it from the environment variable PDP_PUBLIC_URL (the
// folder the page is served from, e.g. https://example.org/autodiagnostic/). With it, the
// canonical link is that address and the Open Graph tags og:url and og:image, which must be
// absolute, are added. Without it, the canonical link stays relative ("./": the folder of the
// page, without ?lang= or ?kiosk) and there is no og:url nor og:image. A value that is not such an
// address stops the build. docs/page.md, "The head".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

export const PUBLIC_URL_VARIABLE = 'PDP_PUBLIC_URL';
// What a shared link shows: the largest icon of the manifest (scripts/icons.mjs).
export const SHARED_IMAGE = 'icon-512.png';
const CANONICAL = '<link rel="canonical" href="./">';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text) => text.replace(/[&<>"]/g, (character) => ESCAPES[character]);

/**
 * The public address from the variable's value: null when unset or empty; else an http(s) address
 * of a folder (ending in "/", no query, no fragment, no user), normalised. Throws naming the
 * variable otherwise.
 */
export function publicUrl(value) {
  if (value === undefined || value === null || value === '') return null;
  const wrong = (why) =>
    new Error(`${PUBLIC_URL_VARIABLE}="${value}": ${why} (expected the page's folder, e.g. https://example.org/autodiagnostic/)`);
  let url;
  try {
    url = new URL(value);
  } catch {
    throw wrong('not an absolute address');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw wrong('not an https:// or http:// address');
  if (url.username || url.password) throw wrong('an address with a user or password');
  if (url.search || url.hash || /[?#]/.test(value)) throw wrong('an address with a query or a fragment');
  if (!value.endsWith('/') || !url.pathname.endsWith('/')) throw wrong("not ending in '/'");
  return url.href;
}

/** index.html's head with the public address `url` (from publicUrl), or as written when null. */
export function writePublicUrl(html, url) {
  if (html.split(CANONICAL).length !== 2) throw new Error(`index.html: expected "${CANONICAL}" exactly once`);
  if (url === null) return html;
  const address = escapeHtml(url);
  const image = escapeHtml(new URL(SHARED_IMAGE, url).href);
  return html.replace(CANONICAL, () =>
    [
      `<link rel="canonical" href="${address}">`,
      `<meta property="og:url" content="${address}">`,
      `<meta property="og:image" content="${image}">`,
    ].join('\n  '),
  );
}

/** Writes the public address from `env` into dir/index.html; returns it (null when unset). */
export function writePageHead(dir, env = process.env) {
  const url = publicUrl(env[PUBLIC_URL_VARIABLE]);
  const file = join(dir, 'index.html');
  writeFileSync(file, writePublicUrl(readFileSync(file, 'utf8'), url));
  return url;
}
