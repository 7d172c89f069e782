// Something went wrong: plain words, the code to give to support, and ways out.
import { button, focusHeading, h } from '../dom.js';
import { t } from '../texts.js';

/** @param {{error: {code?: string, message?: string, path?: string}}} options */
export function renderError({ error }) {
  const code = error?.code || 'engine.unexpected';
  // A stored answer the rules refuse (rules updated since, storage edited): only a fresh start helps.
  const aboutAnswers = /^(answers|request)\./.test(code);
  const details = [error?.message, error?.path].filter(Boolean);
  return h(
    'section',
    { class: 'screen screen--error', 'data-screen': 'error', role: 'alert' },
    h('h1', { class: 'app-name' }, t('app_title')),
    focusHeading(2, t('error_title')),
    h('p', {}, aboutAnswers ? t('error_answers') : t('error_text')),
    h('p', {}, t('error_code', { code })),
    details.length
      ? h(
          'details',
          { class: 'error-details' },
          h('summary', {}, t('error_details')),
          details.map((text) => h('p', { class: 'small' }, text)),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      aboutAnswers ? null : button(t('retry'), { 'data-action': 'retry' }, 'primary'),
      button(t('restart'), { 'data-action': 'restart' }, aboutAnswers ? 'primary' : 'secondary'),
    ),
  );
}
