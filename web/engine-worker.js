// The public page's engine, in a worker (worker-engine.js is the page's side): the module
// instantiated, the rules loaded and each assessment made off the page's main thread, which stays
// free to draw the page and answer a touch meanwhile (on a phone, loading the rules is the
// start-up's longest task). The engine is engine.js's own, its faults and restarts included.
import { createEngine, fileBeside } from './engine.js';

let engine = null;

const calls = {
  load({ compiled, bundle, base }) {
    const read = fileBeside(base);
    engine = createEngine(compiled, bundle, (file) => read(file).then((reply) => reply.text()));
    return engine.rulesInfo;
  },
  useLocale: ({ id }) => engine.useLocale(id),
  assess: ({ request }) => engine.assess(request),
};

self.onmessage = async ({ data: { id, call, args } }) => {
  try {
    self.postMessage({ id, value: await calls[call](args) });
  } catch (error) {
    const { code = 'internal.error', message = String(error), path = '', problems = [] } = error ?? {};
    self.postMessage({ id, error: { code, message, path, problems } });
  }
};
