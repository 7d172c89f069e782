// The rules as the page receives them: rules.json holds every rule file and the texts of the
// default language only, and names the other languages ("separate_locales"); each of those comes
// in its own rules.<code>.json, fetched when a person picks it and added by the core
// (engine.useLocale). The first question then waits for one language's texts, not all of them
// (docs/performance.md). The split is a build step; nothing here merges bundles at run time.

// Object.hasOwn is newer than the browsers the page supports (Safari 15.0, Chrome 91).
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** The file holding the texts of the separate language `code`. */
export const localeFile = (code) => `rules.${code}.json`;

/**
 * Splits a whole bundle (an object, as `pdp-assess bundle` writes it) for the page: the bundle
 * with the default language only, and each other language's own bundle, by code. Build step.
 */
export function splitByLocale(whole) {
  const manifest = JSON.parse(whole.files['manifest.json']);
  const light = { files: {}, separate_locales: {} };
  const separate = {};
  for (const [name, text] of Object.entries(whole.files)) {
    const code = /^locales\/([a-z]{2})\.json$/.exec(name)?.[1];
    if (code && code !== manifest.default_locale) {
      light.separate_locales[code] = JSON.parse(text).name;
      separate[code] = { files: { [name]: text } };
    } else {
      light.files[name] = text;
    }
  }
  if (Object.keys(separate).length === 0) delete light.separate_locales;
  return { light, separate };
}
