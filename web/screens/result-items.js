// The result's items and the ways to ask: the channels and the first next step shown whole, the
// other steps, the programmes, the measures and the actors as short titles that open to their
// text. Also the small pieces every part of the result is built from (section, paragraph).
import { h } from '../dom.js';
import { sourcesDisclosure } from './result-sources.js';

/** The value when it is a list, else an empty one (a response may leave a list out). */
export function list(value) {
  return Array.isArray(value) ? value : [];
}

export function paragraph(text, className) {
  return text ? h('p', { class: className ?? null }, text) : null;
}

/** A titled part of the result; nothing when it has nothing to show. */
export function section(name, title, content) {
  if (!content) return null;
  return h('section', { class: `result-section result-section--${name}` }, h('h3', {}, title), content);
}

function itemClass(item, extra = '') {
  return ['item', item.status === 'to_check' ? 'item--to-check' : '', extra].filter(Boolean).join(' ');
}

// "To check with your caisse", said in words beside the title (never by colour alone).
function toCheckTag(item, t) {
  return item.status === 'to_check' ? h('span', { class: 'tag tag--to-check' }, t('status_to_check')) : null;
}

/** Items shown whole: the title as a heading, the text, the sources on demand. */
export function openList(items, hook, body, context, tag = 'ul') {
  if (!items.length) return null;
  return h(tag, { class: 'items' }, items.map((item) => openItem(item, hook, body, context)));
}

function openItem(item, hook, body, context) {
  return h(
    'li',
    { class: itemClass(item), [hook]: item.id },
    h('h4', { class: 'item-title' }, item.title),
    toCheckTag(item, context.t),
    body(item),
    sourcesDisclosure(item, context),
  );
}

// One item as a title that opens to its text (a native <details>: keyboard and screen readers
// know it).
function closedItem(item, body, context) {
  return h(
    'details',
    { class: 'item-details' },
    h('summary', { class: 'item-summary' }, h('span', { class: 'item-title' }, item.title), toCheckTag(item, context.t)),
    h('div', { class: 'item-body' }, body(item), sourcesDisclosure(item, context)),
  );
}

/**
 * Items as short titles that open to their text. `note` is what must stay in view while closed
 * (a programme whose dates are uncertain).
 */
export function disclosureList(items, hook, body, context, note = () => null) {
  if (!items.length) return null;
  return h(
    'ul',
    { class: 'items items--disclosures' },
    items.map((item) =>
      h('li', { class: itemClass(item, 'item--disclosure'), [hook]: item.id }, closedItem(item, body, context), note(item)),
    ),
  );
}

/** The first step is what to do now: shown whole under the channels; the others open on demand. */
export function nextStepsSection(steps, context) {
  if (!steps.length) return null;
  const body = (item) => [paragraph(item.text)];
  const [first, ...rest] = steps;
  return section(
    'next-steps',
    context.t('section_next_steps'),
    h(
      'ol',
      { class: 'items' },
      openItem(first, 'data-next-step', body, context),
      rest.map((item) =>
        h('li', { class: itemClass(item, 'item--disclosure'), 'data-next-step': item.id }, closedItem(item, body, context)),
      ),
    ),
  );
}

export function programmeBody(programme) {
  return [
    paragraph(programme.text),
    paragraph(programme.period, 'programme-period'),
    // Out of force on the date: the note stays in view under the title instead (programmeNote).
    programme.in_force === false ? null : paragraph(programme.date_note, 'note'),
  ];
}

/**
 * A programme the core says is not (or no longer surely) in force on the date: its note, in
 * words, stays visible with the title closed.
 */
export function programmeNote(programme) {
  return programme.in_force === false ? paragraph(programme.date_note, 'note note--warning') : null;
}
