// Something went wrong: plain words, the code to give to support, and ways out.
import { button, focusHeading, h } from '../dom.js';

/**
 * @param {object} options
 * @param {{code?: string, message?: string, path?: string}} options.error
 * @param {import('../texts.js').Texts} options.t the app's texts
 * @param {boolean} [options.canDropAnswer] the error names one stored answer, which can be removed
 *   while the others are kept
 */
export function renderError({ error, t, canDropAnswer = false }) {
  const code = error?.code || 'engine.unexpected';
  // A stored answer the rules refuse (rules updated since, storage edited): trying again cannot
  // help; removing that answer, or a fresh start, can. Stored answers partly unreadable: go on with
  // what was kept, or start afresh.
  const aboutAnswers = /^(answers|request)\./.test(code);
  const damaged = code === 'storage.damaged';
  const explanation = damaged ? t('error_storage') : aboutAnswers ? t('error_answers') : t('error_text');
  const details = [error?.message, error?.path].filter(Boolean);
  return h(
    'section',
    { class: 'screen screen--error', 'data-screen': 'error', role: 'alert' },
    h('h1', { class: 'app-name' }, t('app_title')),
    focusHeading(2, t('error_title')),
    h('p', {}, explanation),
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
      aboutAnswers ? null : button(damaged ? t('error_continue_kept') : t('retry'), { 'data-action': 'retry' }, 'primary'),
      canDropAnswer ? button(t('error_drop_answer'), { 'data-action': 'drop-answer' }, 'primary') : null,
      button(t('restart'), { 'data-action': 'restart' }, aboutAnswers && !canDropAnswer ? 'primary' : 'secondary'),
    ),
  );
}
