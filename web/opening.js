// The opening: what the intro and the first question need, so that the page draws them before its
// engine has started. The build puts in the page's rules.json the core's reply, with its words, to
// the first request (no answer: `pdp-assess assess --texts`, scripts/rules-for-page.mjs); the
// info is the bundle's own, as the engine reads it (rules-info.js). The engine answers the same request
// as soon as it is ready and its reply replaces the opening's (the screen is drawn again only if
// they differ: a dated rule that changed between the build and the visit). Nothing here decides
// anything: the words and the question are the core's. No DOM here: the build and Node use it too.
import { infoOf, textsIn } from './rules-info.js';

// The parts of the first reply that the intro and the first question read (flow.js, render.js).
// The rest (criteria, items) is for the recap and the result, which no one reaches without
// answering, so without the engine's own reply.
const REPLY_PARTS = ['rules', 'date', 'locale', 'answers', 'steps', 'dropped', 'next_question', 'progress', 'notices'];

const pick = (object, keys) => Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
const has = (object, key) => object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);

/** What the build keeps of the core's worded reply to the first request. */
export const openingReply = (wordedReply) => pick(wordedReply, REPLY_PARTS);

/**
 * The opening of a page's rules bundle (its JSON text): the rules' info in the default language,
 * as the engine would give it (rules-info.js), and the first reply; null when the bundle has none
 * or is not one (the app then waits for its engine).
 * @returns {{info: object, reply: object}|null}
 */
export function openingOf(bundleText) {
  try {
    const bundle = JSON.parse(bundleText);
    const reply = bundle?.opening?.reply;
    const locale = reply?.locale;
    if (typeof locale !== 'string' || !reply.next_question || !Array.isArray(reply.steps) || !Array.isArray(reply.dropped)) return null;
    const texts = textsIn(bundle);
    if (!has(texts.get(locale), 'ui') || typeof texts.get(locale).name !== 'string' || !has(bundle, 'info')) return null;
    return { info: infoOf(bundle, texts, locale), reply };
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
