// Dates, lists and quotes written the way each language writes them: the one place the page
// formats them, so that a screen in English never shows a French date or French guillemets.
// A ui text that quotes one of its {placeholders} inside its sentence writes the marks itself
// (fr.json « », en.json “ ”); quote() is for what the page strings together on its own, the
// passages a result cites. No DOM here: tests/js/format.test.mjs runs it under Node.

const french = (locale) => /^fr\b/i.test(String(locale ?? ''));

/**
 * A day written YYYY-MM-DD, in words ("23 novembre 2026", "1er juillet 2021", "1 July 2021").
 * Anything that is not such a day comes back as it came ('' for nothing).
 * @param {string} iso
 * @param {string} locale
 */
export function formatDate(iso, locale) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return iso ?? '';
  // Midnight of that day in the device's zone: formatted in that zone, it stays that day.
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  try {
    // English as the core's notices write it: day, month, year ("23 November 2026").
    const tag = locale === 'en' ? 'en-GB' : locale;
    const parts = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(day);
    // French writes the first day of a month as an ordinal ("1er juillet"), as the core's own
    // texts do (first_day_of_month in the locale); Intl writes "1 juillet".
    return parts.map((part) => (french(locale) && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
  } catch {
    return iso;
  }
}

/**
 * Words joined as the language joins them: "A, B et C" / "A, B and C" (type "conjunction"),
 * "A ou B" / "A or B" (type "disjunction").
 * @param {string[]} items
 * @param {string} locale
 * @param {'conjunction'|'disjunction'|'unit'} [type]
 */
export function formatList(items, locale, type = 'conjunction') {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
  } catch {
    // A runtime without Intl.ListFormat, or a tag it refuses: readable all the same.
    return items.join(', ');
  }
}

// Opening and closing marks, by language. French puts a narrow no-break space inside its
// guillemets, so a line never breaks between a mark and the word it holds.
const QUOTES = {
  fr: ['«\u202F', '\u202F»'],
  en: ['“', '”'],
};

/**
 * A text between the language's quotation marks: « texte » in French, “text” in English (and
 * in any language without marks of its own here).
 * @param {string} text
 * @param {string} locale
 */
export function quote(text, locale) {
  const [open, close] = QUOTES[String(locale ?? '').toLowerCase().split(/[-_]/)[0]] ?? QUOTES.en;
  return `${open}${text}${close}`;
}
