// The result: the outcome first, then what can help, who, how to ask, what to check, why.
import { button, focusHeading, h, joinList, longDate } from '../dom.js';
import { t } from '../texts.js';

/**
 * @param {{response: object, locale: string, takeAway?: Element|null}} options a finished response
 *   (next_question null); takeAway: the kiosk's QR code of the summary, shown after the outcome
 */
export function renderResult({ response, locale, takeAway = null }) {
  const eligibility = response.eligibility ?? 'incomplete';
  const criteria = list(response.criteria);
  const unmet = criteria.filter((criterion) => criterion.status === 'unmet');
  const others = criteria.filter((criterion) => criterion.status !== 'unmet');
  const recap = new Map(list(response.recap).map((entry) => [entry.question, entry]));
  const outcome = response.outcome ?? {};

  return h(
    'section',
    { class: `screen screen--result result--${eligibility}`, 'data-screen': 'result', 'data-eligibility': eligibility },
    h(
      'header',
      { class: 'result-header' },
      h('h1', { class: 'app-name' }, t('app_title')),
      response.date ? h('p', { class: 'result-date' }, t('result_date', { date: longDate(response.date, locale) })) : null,
    ),
    h(
      'div',
      { class: `outcome outcome--${eligibility}` },
      focusHeading(2, outcome.title ?? t('step_result'), { class: 'outcome-title' }),
      outcome.now ? h('p', { class: 'outcome-now' }, outcome.now) : null,
      outcome.text ? h('p', { class: 'outcome-text' }, outcome.text) : null,
    ),
    takeAway,
    toCheckSection(list(response.to_check)),
    unmet.length
      ? section('blocking', t('section_blocking'), criteriaList(unmet, recap, locale))
      : null,
    itemSection('programmes', t('section_programmes'), list(response.programmes), 'data-programme', programmeBody),
    itemSection('measures', t('section_measures'), list(response.measures), 'data-measure', (item) => [
      paragraph(item.text),
    ]),
    itemSection('actors', t('section_actors'), list(response.actors), 'data-actor', (item) => [paragraph(item.role)]),
    itemSection(
      'channels',
      eligibility === 'not_eligible' ? t('section_contact') : t('section_channels'),
      list(response.channels),
      'data-channel',
      (item) => [paragraph(item.how, 'channel-how')],
    ),
    itemSection('next-steps', t('section_next_steps'), list(response.next_steps), 'data-next-step', (item) => [
      paragraph(item.text),
    ], 'ol'),
    others.length
      ? section('criteria', unmet.length ? t('section_other_criteria') : t('section_criteria'),
          criteriaList(others, recap, locale))
      : null,
    noticesSection(response.notices ?? {}),
    h(
      'div',
      { class: 'actions' },
      button(t('print'), { 'data-action': 'print' }, 'primary'),
      button(t('review_answers'), { 'data-action': 'back' }),
      button(t('restart'), { 'data-action': 'restart' }, 'quiet'),
    ),
  );
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

function paragraph(text, className) {
  return text ? h('p', { class: className ?? null }, text) : null;
}

function section(name, title, ...content) {
  return h('section', { class: `result-section result-section--${name}` }, h('h3', {}, title), content);
}

// A list of measures, actors, channels… each with its id hook; "to check" items say so.
function itemSection(name, title, items, hook, body, tag = 'ul') {
  if (!items.length) return null;
  return section(
    name,
    title,
    h(
      tag,
      { class: 'items' },
      items.map((item) =>
        h(
          'li',
          { class: item.status === 'to_check' ? 'item item--to-check' : 'item', [hook]: item.id },
          h('h4', { class: 'item-title' }, item.title),
          item.status === 'to_check' ? h('p', { class: 'tag tag--to-check' }, t('status_to_check')) : null,
          body(item),
        ),
      ),
    ),
  );
}

function programmeBody(programme) {
  return [
    paragraph(programme.text),
    paragraph(programme.period, 'programme-period'),
    paragraph(programme.date_note, programme.in_force === false ? 'note note--warning' : 'note'),
  ];
}

// What a "je ne sais pas" leaves to check, each with a way back to that answer.
function toCheckSection(entries) {
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
          { class: 'item item--to-check', 'data-to-check': entry.question },
          h('h4', { class: 'item-title' }, entry.label),
          paragraph(entry.text),
          button(t('edit'), {
            'data-edit': entry.question,
            'aria-label': t('edit_label', { question: entry.label }),
          }),
        ),
      ),
    ),
  );
}

function criteriaList(criteria, recap, locale) {
  return h('ul', { class: 'items criteria' }, criteria.map((criterion) => criterionItem(criterion, recap, locale)));
}

function statusText(status) {
  if (status === 'met') return t('criterion_met');
  if (status === 'unmet') return t('criterion_unmet');
  return t('criterion_unknown');
}

function criterionItem(criterion, recap, locale) {
  const answered = list(criterion.because)
    .map((id) => recap.get(id))
    .filter(Boolean);
  return h(
    'li',
    {
      class: `item criterion criterion--${criterion.status}`,
      'data-criterion': criterion.id,
      'data-status': criterion.status,
    },
    h('h4', { class: 'item-title' }, criterion.title),
    h('p', { class: `tag tag--${criterion.status}` }, statusText(criterion.status)),
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
    criterion.status === 'unmet' ? wouldChange(list(criterion.would_be_met_by), recap, locale) : null,
  );
}

// The answers that would meet an unmet condition (computed by the core), and a way back to each
// answer given (a change may also name a question not asked yet, which only its first answer opens).
function wouldChange(ways, recap, locale) {
  if (!ways.length) return null;
  const questions = new Map();
  const alternatives = ways.map((way) => {
    const parts = list(way.changes).map((change) => {
      if (recap.has(change.question)) questions.set(change.question, change.question_label);
      return t('would_change_item', {
        answer: joinList(list(change.answer_labels), locale, 'disjunction'),
        question: change.question_label,
      });
    });
    return h('li', {}, joinList(parts, locale, 'conjunction'));
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

function noticesSection(notices) {
  const texts = [notices.indicative, notices.privacy, notices.information_date, notices.rules_version].filter(Boolean);
  if (!texts.length) return null;
  return section(
    'notices',
    t('section_notices'),
    h('div', { class: 'notices' }, texts.map((text, index) => h('p', { class: index === 0 ? 'notice' : 'small' }, text))),
  );
}
