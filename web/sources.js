// The passages a result rests on, as the core cites them: each item's own list (shown on demand
// beside it) and, for the printed summary, every document once with the passages used from it.
// No DOM here: tests/js/dates-sources.test.mjs runs it under Node.

const list = (value) => (Array.isArray(value) ? value : []);
const text = (value) => (typeof value === 'string' ? value.trim() : '');

// The lists of a response whose entries carry `sources`, in the order the result screen shows
// them, so that the printed list names the documents in the order a reader meets them.
export const CITING_LISTS = ['channels', 'next_steps', 'programmes', 'measures', 'actors', 'criteria'];

/**
 * The sources of one item or criterion that can be shown: entries with a title or a passage.
 * @param {{sources?: object[]}} item
 * @returns {{document: string, title: string, date: string, url: string, passage: string, article: string}[]}
 */
export function sourcesOf(item) {
  return list(item?.sources)
    .filter((source) => source && typeof source === 'object' && (text(source.title) || text(source.passage)))
    .map((source) => ({
      document: text(source.document),
      title: text(source.title),
      date: text(source.date),
      url: webAddress(source.url),
      passage: text(source.passage),
      article: text(source.article),
    }));
}

/**
 * Sources grouped by document: each document once, with the passages cited from it (each once),
 * in the order of first citation.
 * @param {ReturnType<typeof sourcesOf>} sources
 * @returns {{document: string, title: string, date: string, url: string, passages: string[]}[]}
 */
export function byDocument(sources) {
  const documents = new Map();
  for (const source of sources) {
    // A document is named by its id; a source without one by its title.
    const key = source.document || `title:${source.title}`;
    let entry = documents.get(key);
    if (!entry) {
      entry = { document: source.document, title: source.title, date: source.date, url: source.url, passages: [] };
      documents.set(key, entry);
    }
    // The first non-empty date and address win: one document has one of each.
    entry.date ||= source.date;
    entry.url ||= source.url;
    entry.title ||= source.title;
    if (source.passage && !entry.passages.includes(source.passage)) entry.passages.push(source.passage);
  }
  return [...documents.values()];
}

/**
 * Every document the result cites, once, with the passages cited from it, in the order of first
 * appearance on the result screen: the list that ends the printed summary.
 * @param {object} response a finished response
 */
export function gatherSources(response) {
  return byDocument(CITING_LISTS.flatMap((name) => list(response?.[name]).flatMap((item) => sourcesOf(item))));
}

/** An http(s) address as given, or '' for anything else (never a javascript: or data: link). */
export function webAddress(value) {
  const address = text(value);
  return /^https?:\/\/[^\s]+$/i.test(address) ? address : '';
}

/** The site of an address without "www." ("legifrance.gouv.fr"), to name a link briefly. */
export function siteOf(address) {
  const match = /^https?:\/\/(?:www\.)?([^/?#:]+)/i.exec(address ?? '');
  return match ? match[1].toLowerCase() : '';
}
