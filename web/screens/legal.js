// The legal notice ("Mentions légales") a French public page carries: what the tool is, its
// publisher, the publication director, the hosting, whom to ask. Its static copy for a browser
// without JavaScript is web/static-pages/mentions-legales.html, from the same texts (docs/page.md).
import { h } from '../dom.js';
import { asideScreen, part } from './aside.js';

/** @param {{t: import('../texts.js').Texts}} options */
export function renderLegal({ t }) {
  return asideScreen(
    { name: 'legal', title: t('legal_title'), t },
    part(t('legal_purpose_title'), h('p', {}, t('legal_purpose'))),
    part(t('legal_publisher_title'), h('p', {}, t('legal_publisher'))),
    part(t('legal_director_title'), h('p', {}, t('legal_director'))),
    part(t('legal_host_title'), h('p', {}, t('legal_host'))),
    part(t('legal_contact_title'), h('p', {}, t('legal_contact'))),
  );
}
