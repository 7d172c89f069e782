// The result as short plain text (what the kiosk's QR code carries to a phone): texts the core
// returned and ui labels put together, at the most detailed level that fits a byte budget.
import { formatDate } from './format.js';
import { withoutLanguageMarks } from './language-marks.js';

const list = (value) => (Array.isArray(value) ? value : []);

// From the most to the least detailed: the first one whose UTF-8 form fits the budget is used.
// How to ask (the words to say at the 36 46, what to write to the ameli assistant) goes last: it is
// what the person needs at home; the people and the next steps are on the printed summary.
// A programme not surely in force on the date says so at every level ("à confirmer"); its whole
// note (what to ask the caisse) only at the most detailed one.
const LEVELS = [
  { now: true, how: true, nextSteps: true, actors: true, dateNotes: true },
  { now: true, how: true, nextSteps: false, actors: false, dateNotes: false },
  { now: false, how: true, nextSteps: false, actors: false, dateNotes: false },
  { now: false, how: false, nextSteps: false, actors: false, dateNotes: false },
];

/** The size of a text once encoded as UTF-8, the way the QR code stores it. */
export function utf8Length(text) {
  return new TextEncoder().encode(text).length;
}

/**
 * The summary of a finished response, as lines of text.
 * @param {object} response a finished response (next_question null)
 * @param {import('./texts.js').Texts} t the app's texts (the date is written in their language)
 * @param {number} maxBytes the most the text may take in UTF-8
 * @returns {string} the most detailed summary that fits; the least detailed one when none fits
 *   (the outcome, the channels' titles and the notice are never dropped)
 */
export function summaryText(response, t, maxBytes = Infinity) {
  let text = '';
  for (const level of LEVELS) {
    // Plain text for a phone: a word's language mark ("[fr:…]") cannot travel, its words do.
    text = withoutLanguageMarks(buildSummary(response, t, level));
    if (utf8Length(text) <= maxBytes) return text;
  }
  return text;
}

function buildSummary(response, t, level) {
  const outcome = response.outcome ?? {};
  const criteria = list(response.criteria);
  const blocks = [
    [t('app_title'), response.date ? t('result_date', { date: formatDate(response.date, t.locale) }) : null],
    [outcome.title ?? t('step_result'), level.now ? outcome.now : null],
    section(t, t('section_blocking'), criteria.filter((criterion) => criterion.status === 'unmet').map((c) => c.title)),
    section(t, t('section_to_check'), list(response.to_check).map((entry) => entry.label)),
    section(t, t('section_programmes'), list(response.programmes).map((item) => programmeLine(item, level, t))),
    section(t, t('section_measures'), list(response.measures).map((item) => item.title)),
    level.actors ? section(t, t('section_actors'), list(response.actors).map((item) => item.title)) : null,
    section(
      t,
      response.eligibility === 'not_eligible' ? t('section_contact') : t('section_channels'),
      list(response.channels).map((item) =>
        level.how && item.how ? t('summary_channel', { title: item.title, how: item.how }) : item.title,
      ),
    ),
    level.nextSteps ? section(t, t('section_next_steps'), list(response.next_steps).map((item) => item.title)) : null,
    [response.notices?.indicative],
  ];
  return blocks
    .map((block) => (block ?? []).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

// The programme's title, with the core's period status in words when it is not in force on the
// date, and at the most detailed level its date note.
function programmeLine(programme, level, t) {
  let status = null;
  if (programme.period_status === 'to_confirm') status = t('period_to_confirm');
  else if (programme.period_status === 'not_yet') status = t('period_not_yet');
  const title = status ? t('summary_with_status', { title: programme.title, status }) : programme.title;
  return level.dateNotes && status && programme.date_note ? `${title}\n  ${programme.date_note}` : title;
}

// A titled list; nothing when the list is empty.
function section(t, title, items) {
  const lines = items.filter(Boolean);
  if (!lines.length) return null;
  return [t('summary_section', { title }), ...lines.map((item) => t('summary_item', { item }))];
}
