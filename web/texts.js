// The page's own texts: the locale's "ui" section, looked up by key and filled with {placeholders}.
// Each app instance makes its own with createTexts: two tools on one page (two elements, or an
// element beside the public page) may show two languages, so no texts live in a module global.

/**
 * An app instance's texts: a function of a key and its params that gives the text, and t.locale, the language they are in.
 * @typedef {((key: string, params?: Record<string, unknown>) => string) & {locale: string}} Texts
 */

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * The texts of one language, for one app instance.
 * @param {Record<string, string>} ui the locale's ui texts (engine info's `ui`)
 * @param {string} locale the language they are in ("fr", "en"), kept as `t.locale` so that the
 *   views format dates, lists and quotes in the same language as their words
 * @returns {Texts} the function that gives the text of a ui key, its {name} placeholders replaced by
 *   params.name (a missing key gives the key itself). Always call it with a literal key: tests/js/page-texts.test.mjs finds the keys in use that way.
 */
export function createTexts(ui, locale) {
  // A copy: the caller's object may change later, these words must not.
  const texts = ui && typeof ui === 'object' ? { ...ui } : {};
  const t = (key, params = {}) => {
    const text = has(texts, key) ? texts[key] : undefined;
    // A missing text shows its key rather than nothing, so the gap is seen and reported.
    if (typeof text !== 'string') return key;
    return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (has(params, name) ? String(params[name]) : whole));
  };
  t.locale = typeof locale === 'string' ? locale : '';
  legacyTexts = t;
  return Object.freeze(t);
}

// TEMPORARY, until the views take `t` in their options (branch web-views): the views of this
// branch still import `t`, which reads the texts made last (or set by setTexts, which
// tests/js/kiosk.test.mjs still calls). Goes when that branch is merged.
let legacyTexts = (key) => key;
export function setTexts(ui) {
  createTexts(ui, '');
}
export function t(key, params) {
  return legacyTexts(key, params);
}
