// The rules' info (engine.js's Info) as the page reads it from its rules bundles, not from the
// module: the build writes into rules.json the parts of the core's info that no language changes
// (`pdp-assess info`: the rules' version, how each question is answered, the passages and
// documents cited), and each language's texts are in a bundle already (rules.json for the default
// language, rules.<code>.json for another). The module then carries no words, and the page words
// a reply from the same info as before. Nothing here decides anything. No DOM: the build and Node
// use it too.

/** The parts of the core's info that the build keeps in rules.json: those no language changes. */
const LASTING_PARTS = ['rules', 'default_locale', 'questions', 'sources', 'documents'];

const has = (object, key) => object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);

/** What the build keeps of the core's info (`pdp-assess info`) for rules.json's "info". */
export const lastingInfo = (info) => Object.fromEntries(LASTING_PARTS.filter((key) => has(info, key)).map((key) => [key, info[key]]));

/**
 * The texts of each language a bundle ({"files": …}, parsed) holds, by code: the files
 * locales/<code>.json, parsed.
 * @returns {Map<string, object>}
 */
export function textsIn(bundle) {
  const texts = new Map();
  for (const [name, text] of Object.entries(bundle?.files ?? {})) {
    const code = /^locales\/([a-z]{2})\.json$/.exec(name)?.[1];
    if (code) texts.set(code, JSON.parse(text));
  }
  return texts;
}

/**
 * The info in `locale`, as the core's rules_info gives it: the lasting parts of the page's
 * rules.json, every language (the default first, then by code; `loaded: false` for one whose texts
 * are not at hand yet), and the texts of `locale`.
 * @param {{info: object, separate_locales?: Object<string, string>}} bundle the page's rules.json, parsed
 * @param {Map<string, object>} texts the texts at hand, by language (textsIn, and each added one)
 * @param {string} locale
 */
export function infoOf(bundle, texts, locale) {
  const names = new Map(Object.entries(bundle.separate_locales ?? {}));
  for (const [code, own] of texts) names.set(code, own.name);
  const first = bundle.info.default_locale;
  const codes = [...names.keys()].filter((code) => code !== first).sort();
  const locales = [first, ...codes].map((id) => ({ id, name: names.get(id), loaded: texts.has(id) }));
  const own = texts.get(locale) ?? {};
  return { ...bundle.info, locale, locales, ui: has(own, 'ui') ? own.ui : {}, texts: own };
}
