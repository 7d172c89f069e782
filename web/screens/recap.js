// The answers given, each with a button to change it, before the result.
import { button, focusHeading, h } from '../dom.js';
import { t } from '../texts.js';

/** @param {{response: object}} options a finished response (next_question null) */
export function renderRecap({ response }) {
  const recap = Array.isArray(response.recap) ? response.recap : [];
  return h(
    'section',
    { class: 'screen screen--recap', 'data-screen': 'recap' },
    h('h1', { class: 'app-name' }, t('app_title')),
    focusHeading(2, t('recap_title')),
    h('p', {}, t('recap_text')),
    h(
      'ul',
      { class: 'recap-list' },
      recap.map((entry) =>
        h(
          'li',
          { class: 'recap-item', 'data-recap': entry.question },
          h('p', { class: 'recap-question' }, entry.label),
          h('p', { class: 'recap-answer' }, entry.answer_label),
          button(t('edit'), {
            'data-edit': entry.question,
            'aria-label': t('edit_label', { question: entry.label }),
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
