// The first screen: what the tool is for, the privacy notice, and the button to start.
import { button, focusHeading, h } from '../dom.js';
import { t } from '../texts.js';

/**
 * @param {object} options
 * @param {object} options.response a response to any answers (for its notices)
 * @param {{id: string, name: string}[]} options.locales the languages the rules speak
 * @param {string} options.locale the language shown
 */
export function renderIntro({ response, locales, locale }) {
  const notices = response?.notices ?? {};
  return h(
    'section',
    { class: 'screen screen--intro', 'data-screen': 'intro' },
    languageNav(locales, locale),
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

// Links to the other languages, only when the rules have more than one.
function languageNav(locales, locale) {
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
              href: `?lang=${encodeURIComponent(entry.id)}`,
              hreflang: entry.id,
              lang: entry.id,
              'aria-current': entry.id === locale ? 'true' : null,
            },
            entry.name,
          ),
        ),
      ),
    ),
  );
}
