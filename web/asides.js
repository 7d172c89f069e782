// The pages shown beside the flow, reached from the footer of every screen: the accessibility
// statement (RGAA wants it on every page), the legal notice and the personal data page (a French
// public page carries both). Each shows over the person's place in the flow, which stays as it
// was: Back returns to it (app.js). Their names are the footer buttons' data-action and the
// screens' data-screen.
import { renderAccessibility } from './screens/accessibility.js';
import { renderLegal } from './screens/legal.js';
import { renderPrivacy } from './screens/privacy.js';

/**
 * The aside `name`'s screen and the step that names it (title, announcement), or null for a name
 * that is not an aside.
 * @param {string} name "accessibility", "legal" or "privacy"
 * @param {{t: import('./texts.js').Texts, keeps: 'session'|'memory'|'kiosk'}} context the app's
 *   texts; where it keeps the answers (what the personal data page says)
 * @returns {{screen: Element, step: string}|null}
 */
export function renderAside(name, context) {
  return isAside(name) ? ASIDES[name](context) : null;
}

const ASIDES = {
  accessibility: ({ t }) => ({ screen: renderAccessibility({ t }), step: t('step_accessibility') }),
  legal: ({ t }) => ({ screen: renderLegal({ t }), step: t('step_legal') }),
  privacy: ({ t, keeps }) => ({ screen: renderPrivacy({ t, keeps }), step: t('step_privacy') }),
};

/**
 * The footer's links, in order: each aside's name and the words of its link (the statement's give
 * the conformity status, as RGAA asks).
 * @param {import('./texts.js').Texts} t
 * @returns {Array<[string, string]>}
 */
export function asideLinks(t) {
  return [
    ['accessibility', t('footer_accessibility')],
    ['legal', t('footer_legal')],
    ['privacy', t('footer_privacy')],
  ];
}

/** Whether `name` (an action, a data-screen) is one of the asides. */
export function isAside(name) {
  return Object.prototype.hasOwnProperty.call(ASIDES, name);
}
