// The result, in the order a person needs it: the outcome, what to check and what blocks, then how
// to ask (the channels and the first step, open), then what can help and who is involved as short
// titles that open to their text, then the conditions one by one. Every item and condition opens,
// on demand, to the passages it rests on; the printed summary ends with the list of them.
// Everything shown is what the core returned: nothing here decides anything about eligibility.
import { button, focusHeading, h, joinList, longDate } from '../dom.js';
import { byDocument, gatherSources, siteOf, sourcesOf } from '../sources.js';
import { t } from '../texts.js';

/**
 * @param {{response: object, locale: string, takeAway?: Element|null, kiosk?: boolean}} options a
 *   finished response (next_question null); takeAway: the kiosk's QR code of the summary, shown
 *   after the outcome; kiosk: addresses are written out, never links (nobody should leave the tool
 *   on a shared screen)
 */
export function renderResult({ response, locale, takeAway = null, kiosk = false }) {
  const eligibility = response.eligibility ?? 'incomplete';
  const criteria = list(response.criteria);
  const unmet = criteria.filter((criterion) => criterion.status === 'unmet');
  const others = criteria.filter((criterion) => criterion.status !== 'unmet');
  const recap = new Map(list(response.recap).map((entry) => [entry.question, entry]));
  const outcome = response.outcome ?? {};
  const context = { locale, kiosk };

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
    unmet.length ? section('blocking', t('section_blocking'), criteriaList(unmet, recap, context)) : null,
    // How to ask comes right after the verdict that says "voici comment": each channel with what to
    // say or write, open; then the steps.
    section(
      'channels',
      eligibility === 'not_eligible' ? t('section_contact') : t('section_channels'),
      openList(list(response.channels), 'data-channel', (item) => [paragraph(item.how, 'channel-how')], context),
    ),
    nextStepsSection(list(response.next_steps), context),
    section(
      'programmes',
      t('section_programmes'),
      disclosureList(list(response.programmes), 'data-programme', programmeBody, context, programmeNote),
    ),
    section('measures', t('section_measures'), disclosureList(list(response.measures), 'data-measure', (item) => [paragraph(item.text)], context)),
    section('actors', t('section_actors'), disclosureList(list(response.actors), 'data-actor', (item) => [paragraph(item.role)], context)),
    others.length
      ? section('criteria', unmet.length ? t('section_other_criteria') : t('section_criteria'), criteriaList(others, recap, context))
      : null,
    noticesSection(response.notices ?? {}),
    sourcesSection(gatherSources(response), context),
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

// A titled part of the result; nothing when it has nothing to show.
function section(name, title, content) {
  if (!content) return null;
  return h('section', { class: `result-section result-section--${name}` }, h('h3', {}, title), content);
}

function itemClass(item, extra = '') {
  return ['item', item.status === 'to_check' ? 'item--to-check' : '', extra].filter(Boolean).join(' ');
}

// "To check with your caisse", said in words beside the title (never by colour alone).
function toCheckTag(item) {
  return item.status === 'to_check' ? h('span', { class: 'tag tag--to-check' }, t('status_to_check')) : null;
}

// Items shown whole: the title as a heading, the text, the sources on demand.
function openList(items, hook, body, context, tag = 'ul') {
  if (!items.length) return null;
  return h(tag, { class: 'items' }, items.map((item) => openItem(item, hook, body, context)));
}

function openItem(item, hook, body, context) {
  return h(
    'li',
    { class: itemClass(item), [hook]: item.id },
    h('h4', { class: 'item-title' }, item.title),
    toCheckTag(item),
    body(item),
    sourcesDisclosure(item, context),
  );
}

// Items as short titles that open to their text (a native <details>: keyboard and screen readers
// know it). `note` is what must stay in view while closed (a programme whose dates are uncertain).
function disclosureList(items, hook, body, context, note = () => null) {
  if (!items.length) return null;
  return h(
    'ul',
    { class: 'items items--disclosures' },
    items.map((item) =>
      h(
        'li',
        { class: itemClass(item, 'item--disclosure'), [hook]: item.id },
        h(
          'details',
          { class: 'item-details' },
          h('summary', { class: 'item-summary' }, h('span', { class: 'item-title' }, item.title), toCheckTag(item)),
          h('div', { class: 'item-body' }, body(item), sourcesDisclosure(item, context)),
        ),
        note(item),
      ),
    ),
  );
}

// The first step is what to do now: shown whole under the channels; the others open on demand.
function nextStepsSection(steps, context) {
  if (!steps.length) return null;
  const body = (item) => [paragraph(item.text)];
  const [first, ...rest] = steps;
  return section(
    'next-steps',
    t('section_next_steps'),
    h(
      'ol',
      { class: 'items' },
      openItem(first, 'data-next-step', body, context),
      rest.map((item) =>
        h(
          'li',
          { class: itemClass(item, 'item--disclosure'), 'data-next-step': item.id },
          h(
            'details',
            { class: 'item-details' },
            h('summary', { class: 'item-summary' }, h('span', { class: 'item-title' }, item.title), toCheckTag(item)),
            h('div', { class: 'item-body' }, body(item), sourcesDisclosure(item, context)),
          ),
        ),
      ),
    ),
  );
}

function programmeBody(programme) {
  return [
    paragraph(programme.text),
    paragraph(programme.period, 'programme-period'),
    // Out of force on the date: the note stays in view under the title instead (programmeNote).
    programme.in_force === false ? null : paragraph(programme.date_note, 'note'),
  ];
}

// A programme the core says is not (or no longer surely) in force on the date: its note, in
// words, stays visible with the title closed.
function programmeNote(programme) {
  return programme.in_force === false ? paragraph(programme.date_note, 'note note--warning') : null;
}

// What a "je ne sais pas" leaves to check, each with a way back to that answer; and the conditions
// the sources leave open for this person (a criterion, no answer to change).
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

function criteriaList(criteria, recap, context) {
  return h('ul', { class: 'items criteria' }, criteria.map((criterion) => criterionItem(criterion, recap, context)));
}

function statusText(status) {
  if (status === 'met') return t('criterion_met');
  if (status === 'unmet') return t('criterion_unmet');
  return t('criterion_unknown');
}

function criterionItem(criterion, recap, context) {
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
    criterion.status === 'unmet' ? wouldChange(list(criterion.would_be_met_by), recap, context.locale) : null,
    sourcesDisclosure(criterion, context),
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

// ---- Sources

// The passages one item rests on, closed until asked for: each document once, its date, the
// passages cited and its official page. Its name says whose sources they are (hidden words for
// screen readers, which list every "Sources" of the page side by side).
function sourcesDisclosure(item, context) {
  const documents = byDocument(sourcesOf(item));
  if (!documents.length) return null;
  return h(
    'details',
    { class: 'sources', 'data-sources': item.id ?? null },
    h(
      'summary',
      { class: 'sources-summary' },
      documents.length === 1 ? t('sources_one') : t('sources_other'),
      ' ',
      h('span', { class: 'visually-hidden' }, t('sources_for', { title: item.title ?? '' })),
    ),
    h('ul', { class: 'sources-list' }, documents.map((document) => sourceEntry(document, context, 'source'))),
  );
}

// One document: its name and date, the passages cited, its address (a link or, in the printed
// list and on a kiosk, written out).
function sourceEntry(document, context, className, written = false) {
  const count = document.passages.length;
  return h(
    'li',
    { class: className, 'data-source': document.document || null },
    h('span', { class: 'source-title' }, documentName(document, context.locale)),
    count
      ? h(
          'span',
          { class: 'source-passage' },
          count === 1
            ? t('source_passage', { passages: passages(document.passages, context.locale) })
            : t('source_passages', { passages: passages(document.passages, context.locale) }),
        )
      : null,
    address(document.url, { kiosk: context.kiosk || written }),
  );
}

function documentName(source, locale) {
  return source.date ? t('source_dated', { title: source.title, date: longDate(source.date, locale) }) : source.title;
}

// The official page: a link on the public page, its address as text on a kiosk (a shared screen
// must not lead anywhere). The printed list at the end writes every address out.
function address(url, { kiosk }) {
  if (!url) return null;
  if (kiosk) return h('span', { class: 'source-address' }, t('source_address', { address: url }));
  return h('a', { class: 'source-link', href: url, rel: 'noopener' }, t('source_link', { site: siteOf(url) }));
}

// "« A », « B » et « C »", each passage quoted as the language quotes.
function passages(texts, locale) {
  const quoted = texts.map((passage) => t('source_quoted', { passage }));
  return joinList(quoted, locale, 'conjunction');
}

// Every document cited, once, with its passages and address written out: the end of the printed
// summary (on screen each item already opens to its own sources).
function sourcesSection(documents, context) {
  if (!documents.length) return null;
  return h(
    'section',
    { class: 'result-section result-section--sources', 'data-sources-list': true },
    h('h3', {}, t('section_sources')),
    h('ol', { class: 'sources-all' }, documents.map((document) => sourceEntry(document, context, 'source', true))),
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
