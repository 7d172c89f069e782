// The public page: the questionnaire (web/page.js), its engine in a worker (worker-engine.js), its
// intro and first question drawn before the engine is ready (opening.js);
// offline after a first visit (registered once its engine has started); framed by a host, it
// tells the host event names and its height (frame-relay.js, fetched only in a frame).
import { fileBeside } from './engine.js';
import { laterStyles } from './later-styles.js';
import { registerOfflineWorker } from './offline.js';
import { openingOf } from './opening.js';
import { startPage } from './page.js';
import { engineInWorker } from './worker-engine.js';

const startEngineWorker = () => new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
const relaying = window.parent === window ? null : import('./frame-relay.js').then((relay) => {
  relay.reportHeight(window);
  return relay.parentRelay(window);
}, () => () => {});

// The rules, read once (index.html preloads them): the engine's, and the opening the app draws
// while the engine starts (opening.js). A failed read is the engine's load error, tried again on retry.
let rules = null;
const readRules = () => {
  rules ??= fileBeside(new URL('.', import.meta.url))('rules.json').then((reply) => reply.text()).catch((error) => {
    rules = null;
    throw error;
  });
  return rules;
};
// The static first screens work already (index.html): the app starts in tasks of the lowest
// priority, after what the browser does for the person first (a click on Start, and its frame).
const later = (task) => (globalThis.scheduler?.postTask ? globalThis.scheduler.postTask(task, { priority: 'background' }) : new Promise((resolve) => setTimeout(resolve, 0)).then(task));
// The offline copy (sw.js fetches every file of the build and checks its hash) is made once the
// engine has started, or could not: on a first visit it would take the network and the processor
// from the first question and the engine's own files.
let offlineAsked = false;
const makeOffline = () => {
  if (offlineAsked) return;
  offlineAsked = true;
  later(registerOfflineWorker);
};
later(() => startPage({
  emit: relaying ? (name) => relaying.then((post) => post(name)) : undefined,
  // The module is fetched while the rules arrive (engine.js waits for both).
  engineOptions: () => ({
    rules: readRules(),
    inWorker: (files) => {
      const started = engineInWorker(startEngineWorker, files);
      started.then(makeOffline, makeOffline);
      return started;
    },
  }),
  opening: readRules().then((text) => later(() => openingOf(text)), () => null),
  laterStyles: laterStyles(document, new URL('styles-later.css', import.meta.url)),
}));
