// The pages shown beside the flow, reached from the footer of every screen: the accessibility
// statement (RGAA wants it on every page), the legal notice and the personal data page (a French
// public page carries both). Each shows over the person's place in the flow, which stays as it
// was: Back returns to it (app.js). Their names are the footer buttons' data-action and the
// screens' data-screen. Their screens' code (aside-screens.js) and texts (asides.<code>.json) are
// fetched when first opened.
import { asideFile } from './rules-bundle.js';
import { withMoreTexts } from './texts.js';

const NAMES = ['accessibility', 'legal', 'privacy'];

/** Whether `name` (an action, a data-screen) is one of the asides. */
export function isAside(name) {
  return NAMES.includes(name);
}

/**
 * The footer's links, in order: each aside's name and the words of its link (the statement's give
 * the conformity status, as RGAA asks).
 * @param {import('./texts.js').Texts} t
 * @returns {Array<[string, string]>}
 */
export function asideLinks(t) {
  return [
    ['accessibility', t('footer_accessibility')],
    ['legal', t('legal_title')],
    ['privacy', t('privacy_title')],
  ];
}

let screens = null;
// The asides' own texts (asides.<code>.json, web/rules-bundle.js), by the function that reads them
// (one per engine), then by language: read once each.
const textsRead = new WeakMap();

function asideTexts(readFile, locale) {
  if (!textsRead.has(readFile)) textsRead.set(readFile, new Map());
  const byLocale = textsRead.get(readFile);
  if (!byLocale.has(locale)) {
    // A failed read (offline before the worker cached it) is tried again the next time.
    byLocale.set(locale, readFile(asideFile(locale)).then(JSON.parse).catch((error) => {
      byLocale.delete(locale);
      throw error;
    }));
  }
  return byLocale.get(locale);
}

/**
 * The aside `name`'s screen and the step that names it (title, announcement).
 * @param {string} name "accessibility", "legal" or "privacy" (isAside)
 * @param {{t: import('./texts.js').Texts, keeps: 'session'|'memory'|'kiosk',
 *   readFile: (file: string) => Promise<string>}} context the app's texts; where it keeps the
 *   answers (what the personal data page says); how its engine reads a file beside the rules
 * @returns {Promise<{screen: Element, step: string}>}
 */
export async function renderAside(name, { t, keeps, readFile }) {
  screens ??= import('./aside-screens.js').catch((error) => {
    screens = null;
    throw error;
  });
  const [{ ASIDE_SCREENS }, more] = await Promise.all([screens, asideTexts(readFile, t.locale)]);
  return ASIDE_SCREENS[name]({ t: withMoreTexts(t, more), keeps });
}
