// The opening: what the intro and the first question need, so that the page draws them before its
// engine has started. The build puts in the page's rules.json the core's reply, with its words, to
// the first request (no answer: `pdp-assess assess --texts`, scripts/rules-for-page.mjs); the
// texts of the page and its languages are the bundle's own. The engine answers the same request
// as soon as it is ready and its reply replaces the opening's (the screen is drawn again only if
// they differ: a dated rule that changed between the build and the visit). Nothing here decides
// anything: the words and the question are the core's. No DOM here: the build and Node use it too.

// The parts of the first reply that the intro and the first question read (flow.js, render.js).
// The rest (criteria, items) is for the recap and the result, which no one reaches without
// answering, so without the engine's own reply.
const REPLY_PARTS = ['rules', 'date', 'locale', 'answers', 'steps', 'dropped', 'next_question', 'progress', 'notices'];

const pick = (object, keys) => Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
const has = (object, key) => object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);

/** What the build keeps of the core's worded reply to the first request. */
export const openingReply = (wordedReply) => pick(wordedReply, REPLY_PARTS);

/**
 * The opening of a page's rules bundle (its JSON text): the parts of the core's info the app
 * starts with (as rules_info gives them: the languages, the default first, then by code) and the
 * first reply; null when the bundle has none or is not one (the app then waits for its engine).
 * @returns {{info: {rules: object, locale: string, default_locale: string,
 *   locales: {id: string, name: string, loaded: boolean}[], ui: object}, reply: object}|null}
 */
export function openingOf(bundleText) {
  try {
    const bundle = JSON.parse(bundleText);
    const reply = bundle?.opening?.reply;
    const locale = reply?.locale;
    if (typeof locale !== 'string' || !reply.next_question || !Array.isArray(reply.steps) || !Array.isArray(reply.dropped)) return null;
    const texts = JSON.parse(bundle.files[`locales/${locale}.json`]);
    const others = Object.keys(bundle.separate_locales ?? {}).sort();
    const locales = [{ id: locale, name: texts.name, loaded: true },
      ...others.map((id) => ({ id, name: bundle.separate_locales[id], loaded: false }))];
    if (!has(texts, 'ui') || typeof texts.name !== 'string') return null;
    return { info: { rules: reply.rules, locale, default_locale: locale, locales, ui: texts.ui }, reply };
  } catch {
    return null;
  }
}

/**
 * True when the engine's worded reply to the first request shows what the opening showed: the
 * same parts, whatever the date of each.
 */
export function showsTheSame(openingReplyShown, wordedReply) {
  const shown = (reply) => canonical({ ...pick(reply, REPLY_PARTS), date: null });
  return shown(openingReplyShown) === shown(wordedReply);
}

// JSON with each object's keys in order: the build's reply (the native core's) and the page's
// (engine.withTexts) give the same members in different orders.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}
