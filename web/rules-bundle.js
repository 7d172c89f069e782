// The rules as the page receives them: rules.json holds every rule file and the texts of the
// default language only, and names the other languages ("separate_locales"); each of those comes
// in its own rules.<code>.json, fetched when a person picks it and added by the core
// (engine.useLocale). The first question then waits for one language's texts, not all of them
// (docs/performance.md). The split is a build step; nothing here merges bundles at run time.

// Object.hasOwn is newer than the browsers the page supports (Safari 15.0, Chrome 91).
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** The file holding the texts of the separate language `code`. */
export const localeFile = (code) => `rules.${code}.json`;

/** The file holding the texts of the pages beside the flow (asides.js) in the language `code`. */
export const asideFile = (code) => `asides.${code}.json`;

// The texts of the pages beside the flow (the accessibility statement, the legal notice, the
// personal data page) are read when one is first opened, not before the first question: the
// footer's words and a question's a11y_required_multi stay with the rules.
const STAYS = new Set(['a11y_required_multi', 'legal_title', 'privacy_title']);
const isAsideText = (key) => /^(a11y|legal|privacy)_/.test(key) && !STAYS.has(key);
// The texts only the build writes into HTML (the static first screen and pages, the head:
// scripts/static-page.mjs): in no bundle; the build reads the default language's from STATIC_TEXTS.
const isStaticText = (key) => /^(static|meta)_/.test(key);

/** The build's file of the default language's static texts (not shipped). */
export const STATIC_TEXTS = 'static-texts.json';

// A locale file's text without its asides' and static texts, and those texts ({key: text}).
function withoutLaterTexts(text) {
  const locale = JSON.parse(text);
  const asides = {};
  const statics = {};
  for (const key of Object.keys(locale.ui ?? {})) {
    const into = isAsideText(key) ? asides : isStaticText(key) ? statics : null;
    if (!into) continue;
    into[key] = locale.ui[key];
    delete locale.ui[key];
  }
  return { text: JSON.stringify(locale), asides, statics };
}

/**
 * Splits a whole bundle (an object, as `pdp-assess bundle` writes it) for the page: the bundle
 * with the default language only, each other language's own bundle, every language's asides'
 * texts by code, and the default language's static texts; the bundles without those texts. Build
 * step.
 */
export function splitByLocale(whole) {
  const manifest = JSON.parse(whole.files['manifest.json']);
  const light = { files: {}, separate_locales: {} };
  const separate = {};
  const asides = {};
  let statics = {};
  for (const [name, original] of Object.entries(whole.files)) {
    const code = /^locales\/([a-z]{2})\.json$/.exec(name)?.[1];
    let text = original;
    if (code) {
      const later = withoutLaterTexts(original);
      ({ text } = later);
      asides[code] = later.asides;
      if (code === manifest.default_locale) statics = later.statics;
    }
    if (code && code !== manifest.default_locale) {
      light.separate_locales[code] = JSON.parse(text).name;
      separate[code] = { files: { [name]: text } };
    } else {
      light.files[name] = text;
    }
  }
  if (Object.keys(separate).length === 0) delete light.separate_locales;
  return { light, separate, asides, statics };
}
