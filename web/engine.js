// The only door to the WebAssembly core: loads the module and the rules once, passes JSON text
// both ways, and turns the core's {error} answers into thrown EngineErrors.
import createPdpModule from './pdp-core.js';

/** An error answered by the core (or met while loading it). */
export class EngineError extends Error {
  /** @param {{code: string, message: string, path?: string, problems?: object[]}} error */
  constructor({ code, message, path = '', problems = [] }) {
    super(message);
    this.name = 'EngineError';
    /** Stable code, e.g. "answers.unknown_option" (README.md lists them). */
    this.code = code;
    /** JSON pointer of the value at fault. */
    this.path = path;
    /** For rules that fail validation: every problem found. */
    this.problems = problems;
  }
}

/**
 * @typedef {object} Info
 * @property {{version: string, information_date: string}} rules
 * @property {string} locale
 * @property {string} default_locale
 * @property {{id: string, name: string}[]} locales
 * @property {Object<string, string>} ui   the page's texts in `locale`
 */

/**
 * The response of PRODUCT.md §4: eligibility ("eligible" | "not_eligible" | "incomplete"),
 * finished, outcome, criteria, next_question, progress, answers, ignored_answers, recap,
 * to_check, programmes, measures, actors, channels, next_steps, notices, rules, date, locale.
 * @typedef {Object<string, any>} Response
 */

/**
 * @typedef {object} Engine
 * @property {(locale: string) => Info} info
 * @property {(request: {answers?: object, date?: string, locale?: string}) => Response} assess
 */

/** The device's date, YYYY-MM-DD, in local time: the default date of an assessment. */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

let loading = null;

/**
 * Loads the module and the rules once; later calls share the same promise (a failed load may be
 * tried again).
 * @param {{base?: URL|string, wasmBinary?: Uint8Array, rules?: string}
 *   | (() => Promise<{base?: URL|string, wasmBinary?: Uint8Array, rules?: string}>)} [options]
 *   base: where pdp-core.wasm and rules.json are (default: beside this file); wasmBinary and
 *   rules: given directly instead of fetched (Node, single-file builds). Or a function that
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

async function load({ base = new URL('.', import.meta.url), wasmBinary, rules } = {}) {
  let core;
  try {
    core = await createPdpModule({
      locateFile: (file) => new URL(file, base).href,
      ...(wasmBinary ? { wasmBinary } : {}),
      print: () => {},
      printErr: () => {},
    });
  } catch (cause) {
    throw new EngineError({ code: 'engine.load_failed', message: `the engine could not start (${cause})` });
  }
  let bundle = rules;
  if (bundle === undefined) {
    try {
      const reply = await fetch(new URL('rules.json', base), { credentials: 'same-origin' });
      if (!reply.ok) throw new Error(`HTTP ${reply.status}`);
      bundle = await reply.text();
    } catch (cause) {
      throw new EngineError({ code: 'engine.load_failed', message: `the rules could not be loaded (${cause})` });
    }
  }

  // Each argument is copied into the module's memory; the reply stays valid until the next call.
  const call = (name, ...args) => {
    const pointers = [];
    try {
      for (const text of args) {
        const size = core.lengthBytesUTF8(text) + 1;
        const pointer = core._malloc(size);
        // The module's memory is bounded: a full memory gives 0, never a write at address 0.
        if (!pointer) return { error: { code: 'engine.out_of_memory', message: 'the engine has no memory left for this request', path: '' } };
        pointers.push(pointer);
        core.stringToUTF8(text, pointer, size);
      }
      return JSON.parse(core.UTF8ToString(core[name](...pointers)));
    } finally {
      pointers.forEach((pointer) => core._free(pointer));
    }
  };
  const checked = (reply) => {
    if (reply.error) throw new EngineError({ ...reply.error, problems: reply.problems });
    return reply;
  };

  checked(call('_pdp_load_rules', bundle));
  return {
    info: (locale) => checked(call('_pdp_info', locale)),
    assess: (request) => checked(call('_pdp_assess', JSON.stringify(request), today())),
  };
}
