// The passages the result rests on: beside each item and condition, closed until asked for; and
// at the end of the printed summary, every document once with its address written out.
import { h } from '../dom.js';
import { formatDate, formatList, quote } from '../format.js';
import { inLanguage } from '../language-marks.js';
import { byDocument, siteOf, sourcesOf } from '../sources.js';

// The documents cited are French official texts: on a page in another language their titles and
// the passages quoted keep their French words, marked so (RGAA 8.7).
const DOCUMENTS_LANGUAGE = 'fr';

/**
 * The passages one item rests on, closed until asked for: each document once, its date, the
 * passages cited and its official page. Its name says whose sources they are (hidden words for
 * screen readers, which list every "Sources" of the page side by side).
 */
export function sourcesDisclosure(item, context) {
  const { t, locale } = context;
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
    h('ul', { class: 'sources-list' }, documents.map((document) => sourceEntry(document, context))),
  );
}

/**
 * Every document cited, once, with its passages and address written out: the end of the printed
 * summary (on screen each item already opens to its own sources).
 */
export function sourcesSection(documents, context) {
  if (!documents.length) return null;
  return h(
    'section',
    { class: 'result-section result-section--sources', 'data-sources-list': true },
    h('h3', {}, context.t('section_sources')),
    h('ol', { class: 'sources-all' }, documents.map((document) => sourceEntry(document, context, true))),
  );
}

// One document: its name and date, the passages cited, its address (a link or, in the printed
// list and on a kiosk, written out).
function sourceEntry(document, context, written = false) {
  const { t, locale } = context;
  const count = document.passages.length;
  // "« A », « B » et « C »", each passage quoted as the language quotes.
  const passages = formatList(
    document.passages.map((passage) => quote(inLanguage(passage, DOCUMENTS_LANGUAGE, locale), locale)),
    locale,
    'conjunction',
  );
  return h(
    'li',
    { class: 'source', 'data-source': document.document || null },
    h('span', { class: 'source-title' }, documentName(document, context)),
    count
      ? h('span', { class: 'source-passage' }, count === 1 ? t('source_passage', { passages }) : t('source_passages', { passages }))
      : null,
    address(document.url, context.kiosk || written, t),
  );
}

function documentName(source, { t, locale }) {
  const title = inLanguage(source.title ?? '', DOCUMENTS_LANGUAGE, locale);
  return source.date ? t('source_dated', { title, date: formatDate(source.date, locale) }) : title;
}

// The official page: a link on the public page, its address as text on a kiosk (a shared screen
// must not lead anywhere). The printed list at the end writes every address out.
function address(url, writtenOut, t) {
  if (!url) return null;
  if (writtenOut) return h('span', { class: 'source-address' }, t('source_address', { address: url }));
  return h('a', { class: 'source-link', href: url, rel: 'noopener' }, t('source_link', { site: siteOf(url) }));
}
