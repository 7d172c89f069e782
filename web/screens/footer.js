// The small footer under every screen: the ways to the pages beside the flow (asides.js), the
// accessibility statement first (RGAA asks for it on every page, with the conformity status in
// its wording), then the legal notice and the personal data page. On one of them, the others only.
import { asideLinks } from '../asides.js';
import { button, h } from '../dom.js';

/** @param {{t: import('../texts.js').Texts, current?: string}} options current: the screen shown */
export function renderFooter({ t, current = '' }) {
  const links = asideLinks(t).filter(([name]) => name !== current);
  return h(
    'footer',
    { class: 'app-footer' },
    h('ul', { class: 'footer-links' }, links.map(([name, text]) => h('li', {}, button(text, { 'data-action': name }, 'quiet')))),
  );
}

/** Where the footer of the screen `name` stands: that page beside the flow, or '' on every screen
 * of the flow (the same footer on each). */
export const footerPlace = (t, name) => (asideLinks(t).some(([link]) => link === name) ? name : '');
