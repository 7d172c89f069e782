// The first screen: what the tool is for, the privacy notice, and the button to start.
import { button, focusHeading, h } from '../dom.js';

/**
 * @param {object} options
 * @param {object} options.response a response to any answers (for its notices)
 * @param {import('../texts.js').Texts} options.t the app's texts
 */
export function renderIntro({ response, t }) {
  const notices = response?.notices ?? {};
  return h(
    'section',
    { class: 'screen screen--intro', 'data-screen': 'intro' },
    focusHeading(1, t('app_title'), { class: 'intro-title' }),
    h('p', { class: 'lead' }, t('intro_text')),
    h('p', {}, t('intro_how')),
    h('p', {}, t('intro_unknown')),
    notices.privacy ? h('p', { class: 'notice notice--privacy' }, notices.privacy) : null,
    h('div', { class: 'actions' }, button(t('start'), { 'data-action': 'next' }, 'primary')),
    h(
      'div',
      { class: 'intro-notes' },
      notices.information_date ? h('p', { class: 'small' }, notices.information_date) : null,
    ),
  );
}
