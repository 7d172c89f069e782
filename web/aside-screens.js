// The screens of the pages beside the flow (asides.js): fetched the first time a person opens one
// of them, so that the public page's first question does not wait for their code
// (docs/performance.md); the element and standalone.html bundle it in.
import { renderAccessibility } from './screens/accessibility.js';
import { renderLegal } from './screens/legal.js';
import { renderPrivacy } from './screens/privacy.js';

/**
 * Each aside's screen and the step that names it (title, announcement), by name.
 * @type {Record<string, (context: {t: import('./texts.js').Texts, keeps: 'session'|'memory'|'kiosk'}) => {screen: Element, step: string}>}
 */
export const ASIDE_SCREENS = {
  accessibility: ({ t }) => ({ screen: renderAccessibility({ t }), step: t('step_accessibility') }),
  legal: ({ t }) => ({ screen: renderLegal({ t }), step: t('legal_title') }),
  privacy: ({ t, keeps }) => ({ screen: renderPrivacy({ t, keeps }), step: t('privacy_title') }),
};
