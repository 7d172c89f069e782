// The rules as the page receives them: rules.json holds every rule file and the texts of the
// default language only, and names the other languages ("separate_locales"); each of those comes
// in its own rules.<code>.json, fetched when a person picks it. The first question then waits for
// one language's texts, not all of them (docs/performance.md).

// Object.hasOwn is newer than the browsers the page supports (Safari 15.0, Chrome 91).
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** The file holding the texts of the separate language `code`. */
export const localeFile = (code) => `rules.${code}.json`;

/** Whether the bundle (JSON text) leaves out the language `code`. */
export function leavesOut(bundle, code) {
  const separate = JSON.parse(bundle).separate_locales ?? {};
  return has(separate, code);
}

/**
 * The bundle (JSON text) with the texts of `code` added from its own file's text: the same rules,
 * one language fewer left out.
 */
export function withLocale(bundle, code, localeText) {
  const whole = JSON.parse(bundle);
  if (!has(whole.separate_locales ?? {}, code)) return bundle;  // added meanwhile
  const name = `locales/${code}.json`;
  const files = JSON.parse(localeText)?.files ?? {};
  if (typeof files[name] !== 'string' || Object.keys(files).length !== 1) {
    throw new Error(`${localeFile(code)} should hold only the file ${name}`);
  }
  whole.files[name] = files[name];
  delete whole.separate_locales[code];
  if (Object.keys(whole.separate_locales).length === 0) delete whole.separate_locales;
  return JSON.stringify(whole);
}

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
