// The page's own texts: the locale's "ui" section, looked up by key and filled with {placeholders}.

let texts = {};

/** Keeps the ui texts of the chosen locale (engine.info(locale).ui). */
export function setTexts(ui) {
  texts = ui && typeof ui === 'object' ? ui : {};
}

/**
 * The text of a ui key with its {name} placeholders replaced by params.name.
 * Always call it with a literal key: tests/js/page-texts.test.mjs finds the keys in use that way.
 */
export function t(key, params = {}) {
  const text = texts[key];
  // A missing text shows its key rather than nothing, so the gap is seen and reported.
  if (typeof text !== 'string') return key;
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
