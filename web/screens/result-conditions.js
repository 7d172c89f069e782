// The verdict's conditions: what a "je ne sais pas" leaves to check, the conditions one by one
// with the answers they rest on, and for an unmet one the answers that would meet it, with a way
// back to each answer given.
import { button, h } from '../dom.js';
import { formatList } from '../format.js';
import { list, paragraph, section } from './result-items.js';
import { sourcesDisclosure } from './result-sources.js';

/**
 * The answers given, by question id, as the recap shows them: the response's `steps` (each
 * question asked with its answer in words).
 * @returns {Map<string, {label: string, answer_label: string}>}
 */
export function givenAnswers(response) {
  return new Map(
    list(response.steps)
      .filter((step) => step?.question?.id)
      .map((step) => [step.question.id, { label: step.question.label, answer_label: step.answer_label }]),
  );
}

/**
 * What a "je ne sais pas" leaves to check, each with a way back to that answer; and the conditions
 * the sources leave open for this person (a criterion, no answer to change).
 */
export function toCheckSection(entries, { t }) {
  if (!entries.length) return null;
  return section(
    'to-check',
    t('section_to_check'),
    h(
      'ul',
      { class: 'items' },
      entries.map((entry) =>
        h(
          'li',
          { class: 'item item--to-check', 'data-to-check': entry.question ?? entry.criterion ?? null },
          h('h4', { class: 'item-title' }, entry.label),
          paragraph(entry.text),
          entry.question
            ? button(t('edit'), {
                'data-edit': entry.question,
                'aria-label': t('edit_label', { question: entry.label }),
              })
            : null,
        ),
      ),
    ),
  );
}

export function criteriaList(criteria, context) {
  return h('ul', { class: 'items criteria' }, criteria.map((criterion) => criterionItem(criterion, context)));
}

function statusText(status, t) {
  if (status === 'met') return t('criterion_met');
  if (status === 'unmet') return t('criterion_unmet');
  return t('criterion_unknown');
}

function criterionItem(criterion, context) {
  const { t, answers } = context;
  const answered = list(criterion.because)
    .map((id) => answers.get(id))
    .filter(Boolean);
  return h(
    'li',
    {
      class: `item criterion criterion--${criterion.status}`,
      'data-criterion': criterion.id,
      'data-status': criterion.status,
    },
    h('h4', { class: 'item-title' }, criterion.title),
    h('p', { class: `tag tag--${criterion.status}` }, statusText(criterion.status, t)),
    paragraph(criterion.text),
    answered.length
      ? h(
          'div',
          { class: 'because' },
          h('p', { class: 'because-title' }, t('because_answers')),
          h(
            'ul',
            { class: 'because-list' },
            answered.map((entry) =>
              h(
                'li',
                {},
                h('span', { class: 'because-question' }, entry.label),
                h('span', { class: 'because-answer' }, entry.answer_label),
              ),
            ),
          ),
        )
      : null,
    criterion.status === 'unmet' ? wouldChange(list(criterion.would_be_met_by), context) : null,
    sourcesDisclosure(criterion, context),
  );
}

// The answers that would meet an unmet condition (computed by the core), and a way back to each
// answer given (a change may also name a question not asked yet, which only its first answer opens).
function wouldChange(ways, { t, locale, answers }) {
  if (!ways.length) return null;
  const questions = new Map();
  const alternatives = ways.map((way) => {
    const parts = list(way.changes).map((change) => {
      if (answers.has(change.question)) questions.set(change.question, change.question_label);
      return t('would_change_item', {
        answer: formatList(list(change.answer_labels), locale, 'disjunction'),
        question: change.question_label,
      });
    });
    return h('li', {}, formatList(parts, locale, 'conjunction'));
  });
  return h(
    'div',
    { class: 'would-change' },
    h('h5', {}, t('would_change')),
    h('p', {}, t('would_change_intro')),
    h('ul', { class: 'would-change-list' }, alternatives),
    questions.size
      ? h(
          'div',
          { class: 'actions actions--inline' },
          [...questions].map(([id, label]) => button(t('edit_label', { question: label }), { 'data-edit': id })),
        )
      : null,
  );
}
