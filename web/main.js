// The public page: the questionnaire (web/page.js), its engine in a worker (worker-engine.js);
// offline after a first visit; framed by a host, it tells the host event names and its height
// (frame-relay.js, fetched only in a frame).
import { registerOfflineWorker } from './offline.js';
import { startPage } from './page.js';
import { engineInWorker } from './worker-engine.js';

const startEngineWorker = () => new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
const relaying = window.parent === window ? null : import('./frame-relay.js').then((relay) => {
  relay.reportHeight(window);
  return relay.parentRelay(window);
}, () => () => {});

startPage({
  emit: relaying ? (name) => relaying.then((post) => post(name)) : undefined,
  engineOptions: { inWorker: (files) => engineInWorker(startEngineWorker, files) },
});
registerOfflineWorker();
