// The pages shown beside the flow, reached from the footer of every screen: the accessibility
// statement (RGAA wants it on every page), the legal notice and the personal data page (a French
// public page carries both). Each shows over the person's place in the flow, which stays as it
// was: Back returns to it (app.js). Their names are the footer buttons' data-action and the
// screens' data-screen. Their screens' code (aside-screens.js) is fetched when first opened.

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

/**
 * The aside `name`'s screen and the step that names it (title, announcement).
 * @param {string} name "accessibility", "legal" or "privacy" (isAside)
 * @param {{t: import('./texts.js').Texts, keeps: 'session'|'memory'|'kiosk'}} context the app's
 *   texts; where it keeps the answers (what the personal data page says)
 * @returns {Promise<{screen: Element, step: string}>}
 */
export async function renderAside(name, context) {
  // A failed fetch (offline before the worker cached it) is tried again the next time.
  screens ??= import('./aside-screens.js').catch((error) => {
    screens = null;
    throw error;
  });
  const { ASIDE_SCREENS } = await screens;
  return ASIDE_SCREENS[name](context);
}
