// Words of another language inside a text: "[fr:médecin-conseil]" in an English text is French
// (RGAA 8.7: a screen reader must read it with French sounds). The texts stay plain strings; the
// views turn a mark into <span lang="fr"> (dom.js), and what is not a view (an attribute, the
// QR code's text) drops the mark's brackets. No DOM here: it runs under Node too.

// "[xx:words]": a two-letter language code, then words without brackets.
const MARK = /\[([a-z]{2}):([^[\]]+)\]/g;

/**
 * The parts of a text, in order: plain runs as {text}, marked runs as {text, lang}.
 * @param {string} text
 * @returns {{text: string, lang?: string}[]}
 */
export function languageParts(text) {
  const parts = [];
  let from = 0;
  for (const match of text.matchAll(MARK)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ text: match[2], lang: match[1] });
    from = match.index + match[0].length;
  }
  if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from) });
  return parts;
}

/** The text as read, the marks' brackets and language codes left out. */
export function withoutLanguageMarks(text) {
  return text.replace(MARK, '$2');
}

/**
 * `text` marked as being in `lang` when the page speaks another language ("[fr:text]"); as it is
 * when the languages are the same, or when the text holds a bracket a mark cannot enclose.
 */
export function inLanguage(text, lang, pageLocale) {
  if (lang === pageLocale || /[[\]]/.test(text) || text === '') return text;
  return `[${lang}:${text}]`;
}
