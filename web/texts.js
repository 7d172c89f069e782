// The page's own texts: the locale's "ui" section, looked up by key and filled with {placeholders}.
// Each app instance makes its own with createTexts: two tools on one page (two elements, or an
// element beside the public page) may show two languages, so no texts live in a module global.

/**
 * An app instance's texts: a function of a key and its params that gives the text, and its
 * `locale`, the language the texts are in.
 * @typedef {((key: string, params?: Record<string, unknown>) => string) & {locale: string}} Texts
 */

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * The texts of one language, for one app instance.
 * @param {Record<string, string>} ui the locale's ui texts (engine info's `ui`)
 * @param {string} locale the language they are in ("fr", "en"), kept as `t.locale` so that the
 *   views format dates, lists and quotes in the same language as their words
 * @returns {Texts} the text of a ui key, its {name} placeholders replaced by params.name (a
 *   missing key gives the key itself). Always call it with a literal key: tests/js/page-texts.test.mjs finds the keys in use that way.
 */
export function createTexts(ui, locale) {
  // A copy: the caller's object may change later, these words must not.
  const texts = ui && typeof ui === 'object' ? { ...ui } : {};
  function t(key, params = {}) {
    const text = has(texts, key) ? texts[key] : undefined;
    // A missing text shows its key rather than nothing, so the gap is seen and reported.
    if (typeof text !== 'string') return key;
    return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (has(params, name) ? String(params[name]) : whole));
  }
  t.locale = typeof locale === 'string' ? locale : '';
  return Object.freeze(t);
}

/**
 * Texts with more of the same language (the asides' own, read when one is first opened): a key
 * of `more` gives its text, any other key the text of `base`.
 * @param {Texts} base
 * @param {Record<string, string>} more
 * @returns {Texts}
 */
export function withMoreTexts(base, more) {
  const own = createTexts(more, base.locale);
  const texts = (key, params) => (has(more ?? {}, key) ? own(key, params) : base(key, params));
  texts.locale = base.locale;
  return Object.freeze(texts);
}
