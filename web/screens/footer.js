// The small footer under every screen: the way to the accessibility statement (RGAA asks for it
// on every page, with the conformity status in its wording).
import { button, h } from '../dom.js';

/** @param {{t: import('../texts.js').Texts}} options */
export function renderFooter({ t }) {
  return h(
    'footer',
    { class: 'app-footer' },
    button(t('footer_accessibility'), { 'data-action': 'accessibility' }, 'quiet'),
  );
}
