// The only door to the WebAssembly core: loads the module and the rules once (another language's
// texts when asked), passes JSON text both ways, turns the core's {error} answers into thrown
// EngineErrors, and a call that traps inside the module into an error reply and a fresh instance.
// The rules' info and texts are read from the bundles the module has accepted (rules-info.js): the
// module keeps no words.
import { createCallTexts } from './call-texts.js';
import { EngineError, worded } from './engine-error.js';
import { withTexts } from './reply-texts.js';
import { localeFile } from './rules-bundle.js';
import { infoOf, textsIn } from './rules-info.js';
import { compileReply, startInstance } from './wasm-instance.js';

export { EngineError };

/**
 * The rules' info in a language: the build wrote it into rules.json from the core's (`pdp-assess
 * info`), the texts being each language's own (rules-info.js).
 * @typedef {object} Info
 * @property {{version: string, information_date: string}} rules
 * @property {string} locale   the language of `ui`
 * @property {string} default_locale
 * @property {{id: string, name: string, loaded: boolean}[]} locales   every language of the rules;
 *   `loaded: false` for one whose texts are in their own file (rules.<id>.json), not yet added
 * @property {Object<string, string>} ui   the page's texts in `locale`
 * @property {object} texts   every text of `locale`, by id (what words a reply: withTexts)
 * @property {object} questions   per question: options, allows_unknown, exclusive
 * @property {object} sources   per criterion and item: the passages it rests on
 * @property {object} documents   per document: title, url, date
 */

/** The response of PRODUCT.md §4 (ids and values: steps, next_question, answers, dropped, the result…). @typedef {Object<string, any>} Response */

/**
 * @typedef {object} Engine
 * @property {Info} rulesInfo   the info returned when the rules were loaded (default language)
 * @property {(locale: string) => Promise<Info>} useLocale   the info in that language; adds its
 *   texts to the core first when they are in a file of their own
 * @property {(request: {answers?: object, date?: string, locale?: string, rules_version?: string}) => Response} assess
 * @property {(response: Response) => Response} withTexts   the reply with its words beside each id,
 *   in its language (reply-texts.js)
 */

/** The device's date, YYYY-MM-DD, in local time: the default date of an assessment. */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

let loading = null;

/**
 * Loads the module and the rules once; later calls share the promise (a failed load may be retried).
 * @param {{base?: URL|string, wasmBinary?: Uint8Array, rules?: string|Promise<string>,
 *   readRules?: (file: string) => Promise<string>, inWorker?: (files: object) => Promise<Engine|null>}
 *   | (() => Promise<object>)} [options]
 *   base: where pdp-core.wasm and the rules files are (default: beside this file); wasmBinary
 *   and rules: given directly instead of fetched (Node, single-file builds; the rules may be a
 *   promise of their text, read by the page for its opening too); readRules: reads a
 *   language's own file (rules.<id>.json), fetched from base by default; inWorker: runs the
 *   engine elsewhere given those (worker-engine.js), or resolves to null. Or a function that
 *   gets them (called again on each new try): the embedded element fetches and checks them.
 * @returns {Promise<Engine>}
 */
export function loadEngine(options = {}) {
  loading ??= prepare(options).then(load).catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function prepare(options) {
  if (typeof options !== 'function') return options;
  try {
    return await options();
  } catch (cause) {
    throw new EngineError({ code: 'engine.load_failed', message: `the engine's files could not be loaded (${cause})` });
  }
}

/** Reads a file beside `base` (the rules, a language's texts): resolves to its response. */
export const fileBeside = (base) => (file) => fetch(new URL(file, base), { credentials: 'same-origin' }).then((reply) => {
  if (!reply.ok) throw new Error(`HTTP ${reply.status}`);
  return reply;
});

// The module and the rules are fetched side by side; the module compiles while it downloads.
async function load({ base = new URL('.', import.meta.url), wasmBinary, rules, readRules, inWorker } = {}) {
  const fetched = fileBeside(base);
  const failed = (what) => (cause) => {
    throw new EngineError({ code: 'engine.load_failed', message: `${what} (${cause})` });
  };
  const compiling = (wasmBinary ? WebAssembly.compile(wasmBinary) : fetched('pdp-core.wasm').then(compileReply))
    .catch(failed('the engine could not start'));
  const reading = (rules !== undefined ? Promise.resolve(rules) : fetched('rules.json').then((reply) => reply.text()))
    .catch(failed('the rules could not be loaded'));
  const [compiled, bundle] = await Promise.all([compiling, reading]);
  const read = readRules ?? ((file) => fetched(file).then((reply) => reply.text()));
  // In a worker if one starts: the same engine, its assess answering a promise.
  return (inWorker && (await inWorker({ compiled, bundle, base: String(base), readFile: read }))) ||
    createEngine(compiled, bundle, read);
}

const OUT_OF_MEMORY = 'engine.out_of_memory';

/**
 * The engine over a compiled module and a rules bundle (JSON text).
 *
 * The module is built without C++ exceptions, so a call that fails inside it (out of its 64 MiB,
 * or a broken invariant) traps: the instance is then dropped, the call answered with an error
 * (`engine.out_of_memory` or `internal.error`), and the next call goes to a fresh instance with
 * the same rules and the same languages added. No failure of the module reaches the page as
 * anything but an error reply.
 * @param {WebAssembly.Module} compiled
 * @param {string} bundle the rules bundle (JSON text)
 * @param {(file: string) => Promise<string>} [readRules] reads the file of a language the bundle
 *   leaves out (rules.<id>.json)
 * @returns {Engine & {reply: (name: string, ...texts: string[]) => string, readonly instance: object}}
 */
export function createEngine(compiled, bundle, readRules = null) {
  let core = null;
  // The texts of each language added since loading, by id: a fresh instance gets them again.
  const added = new Map();
  // The info of each language asked for, by id (a promise while its file is read): asked once.
  const infos = new Map();

  const start = () => {
    try {
      core = startInstance(compiled);
    } catch (cause) {
      throw new EngineError({ code: 'engine.load_failed', message: `the engine could not start (${cause})` });
    }
    const loaded = JSON.parse(callOnce('_pdp_load_rules', [bundle]));
    if (loaded.error) {
      core = null;
      throw new EngineError({ ...loaded.error, problems: loaded.problems });
    }
    for (const text of added.values()) callOnce('_pdp_add_locale', [text]);
  };

  const callTexts = createCallTexts();

  // The reply stays valid until the next call.
  function callOnce(name, texts) {
    let own = 0;
    try {
      const written = callTexts.write(core, texts);
      if (!written) return errorText(OUT_OF_MEMORY, 'the engine has no memory left for this request');
      own = written.own;
      return core.UTF8ToString(core[name](...written.pointers));
    } catch (trap) {
      const outOfMemory = safely(() => core._pdp_out_of_memory() === 1);
      core = null;  // never call a trapped instance again: its memory and stack are left mid-call
      return outOfMemory
        ? errorText(OUT_OF_MEMORY, 'the engine ran out of memory during this call; it is still usable, with a smaller request')
        : errorText('internal.error', `the engine failed (${trap?.message ?? trap}); it has been restarted`);
    } finally {
      if (core && own) core._free(own);
    }
  }

  const reply = (name, ...texts) => {
    if (!core) start();
    return callOnce(name, texts);
  };
  const checked = (answer) => {
    if (answer.error) throw new EngineError({ ...answer.error, problems: answer.problems });
    return answer;
  };

  start();
  // The module accepted the bundle, so the build wrote it, its info and texts included.
  const rules = JSON.parse(bundle);
  const texts = textsIn(rules);
  const rulesInfo = infoOf(rules, texts, rules.info.default_locale);
  infos.set(rulesInfo.locale, Promise.resolve(rulesInfo));
  // The info of each language at hand, to word a reply at once.
  const known = new Map([[rulesInfo.locale, rulesInfo]]);
  // A language whose texts are not at hand: the core says why (an unknown or malformed code).
  const refusedLocale = (id) => {
    checked(JSON.parse(reply('_pdp_assess', JSON.stringify({ answers: {}, locale: id }), today())));
    throw new EngineError({ code: 'request.unknown_locale', message: `the texts in "${id}" are not loaded`, path: '/locale' });
  };
  const infoNow = (id) => known.get(id) ?? (texts.has(id) ? known.set(id, infoOf(rules, texts, id)).get(id) : refusedLocale(id));

  // A language whose texts are in a file of their own: the file is read, and the core adds it if
  // the build checked it (then requests may be in it), answering with its code.
  async function addLocale(id) {
    let text;
    try {
      if (!readRules) throw new Error('no way to read it');
      text = await readRules(localeFile(id));
    } catch (cause) {
      throw new EngineError({ code: 'engine.load_failed', message: `the texts in "${id}" could not be loaded (${cause})` });
    }
    const { locale } = checked(JSON.parse(reply('_pdp_add_locale', text)));
    for (const [code, own] of textsIn(JSON.parse(text))) texts.set(code, own);
    added.set(id, text);
    return infoOf(rules, texts, locale);
  }

  async function infoIn(id) {
    const entry = rulesInfo.locales.find((locale) => locale.id === id);
    if (entry && entry.loaded === false && !added.has(id)) return addLocale(id);
    return infoNow(id);
  }

  return {
    rulesInfo,
    useLocale(id) {
      if (!infos.has(id)) {
        // A failure is not kept: the next call tries again (a file that failed to arrive).
        infos.set(id, infoIn(id).then((info) => known.set(id, info).get(id), (error) => {
          infos.delete(id);
          throw error;
        }));
      }
      return infos.get(id);
    },
    assess: (request) => checked(JSON.parse(reply('_pdp_assess', JSON.stringify(request), today()))),
    withTexts: (response) => worded(() => withTexts(response, infoNow(response.locale))),
    /** A file beside the rules (asides.<code>.json), as text, read as the languages' files are. */
    readFile: (file) => (readRules ? readRules(file) : Promise.reject(new Error(`no way to read ${file}`))),
    /** One call of the module's C interface, its reply as text (tests and benchmarks). */
    reply,
    /** The module instance in use (tests), null after a trap until the next call. */
    get instance() {
      return core;
    },
  };
}

const errorText = (code, message) => JSON.stringify({ error: { code, message, path: '' } });

function safely(read) {
  try {
    return read();
  } catch {
    return false;
  }
}
