// The personal data page: what is sent (nothing), what is kept, where and how long, whom to ask.
// What is kept depends on where the app runs, so the page says it for that place: sessionStorage
// on the public page, the open page only in an embedded element, nothing at all on a kiosk. Its
// static copy for a browser without JavaScript (the public page's case) is
// web/static-pages/donnees-personnelles.html, from the same texts (docs/page.md).
import { h } from '../dom.js';
import { asideScreen, part } from './aside.js';

/**
 * @param {{t: import('../texts.js').Texts, keeps: 'session'|'memory'|'kiosk'}} options where
 *   this app keeps the answers (app.js: its store, or the kiosk)
 */
export function renderPrivacy({ t, keeps }) {
  const kept = { session: t('privacy_kept_session'), memory: t('privacy_kept_memory'), kiosk: t('privacy_kept_kiosk') };
  return asideScreen(
    { name: 'privacy', title: t('privacy_title'), t },
    h('p', {}, t('privacy_intro')),
    part(t('privacy_sent_title'), h('p', {}, t('privacy_sent')), h('p', {}, t('privacy_no_tracking')), h('p', {}, t('privacy_server'))),
    part(
      t('privacy_kept_title'),
      h('p', { 'data-kept': keeps }, kept[keeps] ?? kept.memory),
      h('p', {}, t('privacy_files')),
      h('p', {}, t('privacy_print')),
      keeps === 'kiosk' ? h('p', {}, t('privacy_qr')) : null,
    ),
    part(t('privacy_rights_title'), h('p', {}, t('privacy_rights')), h('p', {}, t('privacy_contact'))),
  );
}
