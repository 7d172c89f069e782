// The page's language: which of the rules' locales to show, and the switcher between them.
import { h } from './dom.js';

/**
 * The one place the language is chosen: the one wanted (from ?lang= or a host's attribute, e.g.
 * "en" or "en-GB") when the rules have it, else the rules' default (French).
 * @param {string|null|undefined} wanted
 * @param {{id: string}[]} locales the rules' locales (engine.info().locales)
 * @param {string} defaultLocale
 */
export function chooseLocale(wanted, locales, defaultLocale) {
  const code = typeof wanted === 'string' ? wanted.trim().toLowerCase().split(/[-_]/)[0] : '';
  return locales.some((entry) => entry.id === code) ? code : defaultLocale;
}

/** The page's address with ?lang=<id>, the rest kept (what a reload or a shared link shows). */
export function addressWithLocale(href, id) {
  const url = new URL(href);
  url.searchParams.set('lang', id);
  return url.href;
}

/**
 * The switcher, on every screen when the rules have more than one language: one link per
 * language, written in that language (its `lang`), to the page in it (`hreflang`, `?lang=`).
 * The app handles the click in place, so the answers and the screen stay as they are.
 * @param {{id: string, name: string}[]} locales
 * @param {string} locale the language shown
 * @param {string} href the page's address
 * @param {import('./texts.js').Texts} t the app's texts (the switcher's name)
 */
export function languageSwitcher(locales, locale, href, t) {
  if (!Array.isArray(locales) || locales.length < 2) return null;
  return h(
    'nav',
    { class: 'lang-nav', 'aria-label': t('language') },
    h(
      'ul',
      {},
      locales.map((entry) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: addressWithLocale(href, entry.id),
              hreflang: entry.id,
              lang: entry.id,
              'data-locale': entry.id,
              'aria-current': entry.id === locale ? 'true' : null,
            },
            entry.name,
          ),
        ),
      ),
    ),
  );
}
