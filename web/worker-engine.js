// The page's side of engine-worker.js: an engine like createEngine's whose calls run in a worker,
// `assess` answering a promise (app-actions.js awaits it either way). The texts stay here: the
// replies are worded on the page, from the info of each language the worker handed back.
import { EngineError, worded } from './engine-error.js';
import { withTexts } from './reply-texts.js';

/**
 * @param {() => Worker} startWorker
 * @param {{compiled: WebAssembly.Module, bundle: string, base: string,
 *   readFile: (file: string) => Promise<string>}} files the module and the rules (the worker reads
 *   a language's texts from base), and how the page reads a file beside them
 * @returns {Promise<object|null>} the engine (engine.js's inWorker); null when no worker could run it (none in this
 *   browser, refused by a policy, its file missing): the page then runs the engine itself. An
 *   error of the rules themselves is thrown, as the engine in the page would throw it.
 */
export async function engineInWorker(startWorker, { compiled, bundle, base, readFile }) {
  let worker;
  try {
    worker = startWorker();
  } catch {
    return null;
  }
  const pending = new Map();
  let calls = 0;
  let stopped = null;  // once the worker has failed, every call fails with this
  const call = (name, args) => new Promise((resolve, reject) => {
    if (stopped) return reject(stopped);
    calls += 1;
    pending.set(calls, { resolve, reject });
    worker.postMessage({ id: calls, call: name, args });
  });
  worker.onmessage = ({ data: { id, value, error } }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (error) waiting?.reject(new EngineError(error));
    else waiting?.resolve(value);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    stopped = new EngineError({ code: 'internal.error', message: `the engine's worker stopped (${event.message ?? 'no reason given'})` });
    for (const waiting of pending.values()) waiting.reject(stopped);
    pending.clear();
  };

  let rulesInfo;
  try {
    rulesInfo = await call('load', { compiled, bundle, base });
  } catch (error) {
    worker.terminate();
    if (error === stopped) return null;
    throw error;
  }
  const known = new Map([[rulesInfo.locale, rulesInfo]]);
  return {
    rulesInfo,
    async useLocale(id) {
      if (!known.has(id)) known.set(id, await call('useLocale', { id }));
      return known.get(id);
    },
    assess: (request) => call('assess', { request }),
    withTexts: (response) => worded(() => withTexts(response, known.get(response.locale))),
    readFile,
  };
}
