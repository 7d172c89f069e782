// The answers given, each with a button to change it, before the result.
import { button, focusHeading, h } from '../dom.js';

/**
 * @param {object} options
 * @param {object} options.response a finished response (next_question null): its `steps`, the
 *   questions asked in order, each with its answer as the core words it
 * @param {import('../texts.js').Texts} options.t the app's texts
 */
export function renderRecap({ response, t }) {
  const steps = Array.isArray(response.steps) ? response.steps : [];
  return h(
    'section',
    { class: 'screen screen--recap', 'data-screen': 'recap' },
    h('h1', { class: 'app-name' }, t('app_title')),
    focusHeading(2, t('recap_title')),
    h('p', {}, t('recap_text')),
    h(
      'ul',
      { class: 'recap-list' },
      steps.map(({ question, answer_label: answerLabel }) =>
        h(
          'li',
          { class: 'recap-item', 'data-recap': question.id },
          h('p', { class: 'recap-question' }, question.label),
          h('p', { class: 'recap-answer' }, answerLabel),
          button(t('edit'), {
            'data-edit': question.id,
            'aria-label': t('edit_label', { question: question.label }),
            class: 'recap-edit',
          }),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      button(t('see_result'), { 'data-action': 'next' }, 'primary'),
      button(t('back'), { 'data-action': 'back' }),
    ),
    h('div', { class: 'actions actions--quiet' }, button(t('restart'), { 'data-action': 'restart' }, 'quiet')),
  );
}
