// The controller: an app of the questionnaire mounted anywhere (the public page, a host's shadow
// root, a kiosk). It builds the app (its view, its store, its language control) and wires the
// person's clicks to what each does (app-actions.js: the flow, the core, the storage, the screen).
// Every decision and every text comes from the core.
import { act, boot, click, run, switchLocale } from './app-actions.js';
import { update } from './flow.js';
import { kioskSettings } from './kiosk-settings.js';
import { startLanguageControl } from './language-control.js';
import { openForPrint } from './print.js';
import { memoryStore, sessionStore } from './storage.js';
import { createView } from './view.js';

/**
 * Starts the questionnaire in `root` (an element the app owns: its children are replaced).
 * @param {object} options
 * @param {Element} options.root where the screens go
 * @param {{load(): object, save(state: object): void, clear(): void}} [options.store]
 *   where the answers are kept (default: sessionStorage; the kiosk keeps them in memory only)
 * @param {string|null} [options.locale] the language wanted (a rules locale id), else the default
 * @param {boolean} [options.ownsDocument] true on the public page: the app sets document.title
 *   and <html lang>; an embedded app leaves the host's document alone
 * @param {(name: string) => void} [options.emit] told "ready", "started", "finished",
 *   "restarted", "error": names only, never an answer nor anything about the person
 * @param {() => Element} [options.loadError] the screen shown when the engine or the rules cannot
 *   load (its words cannot come from the rules then)
 * @param {object} [options.engineOptions] passed to loadEngine (base URL, inlined wasm and rules)
 * @param {Element|null} [options.placeholder] shown where the screens go until the first one is
 *   (the public page's static first screen, index.html)
 * @param {() => Element|null} [options.staticQuestion] the placeholder's first question, when the
 *   person has opened it (index.html: it works before the app): the opening starts there, with
 *   what is chosen on it
 * @param {Promise<object|null>|object|null} [options.opening] the intro and the first question as the
 *   build had the core word them (opening.js's openingOf), or a promise of it: drawn on a first
 *   visit before the engine is ready
 * @param {() => Promise<void>} [options.laterStyles] adds the kiosk's and the print's styles when
 *   first needed (later-styles.js: the public page); by default they are there already
 * @param {boolean|{idleSeconds?: number|string, countdownSeconds?: number|string}|null} [options.kiosk]
 *   kiosk mode (docs/kiosk.md): answers in memory only whatever `store` says, larger type, a
 *   "Terminer et effacer" bar, a wipe after inactivity, the summary as a QR code; true or an
 *   object of settings (a bad value gives the default), null or false for none
 * @returns {{restart: () => Promise<void>, destroy: () => void, get screen(): string}}
 */
export function startApp({
  root,
  store = sessionStore(),
  locale: wanted = null,
  ownsDocument = false,
  emit = () => {},
  loadError = null,
  engineOptions = {},
  kiosk = null,
  placeholder = null,
  staticQuestion = () => null,
  opening = null,
  laterStyles = async () => {},
}) {
  const settings = kiosk ? kioskSettings(kiosk === true ? {} : kiosk) : null;
  const view = createView({ root, ownsDocument, placeholder });
  // One app's everything: its engine, its texts (`t`, in its own language), its flow's state.
  const app = {
    root, view, emit, settings, engineOptions, loadError,
    store: settings ? memoryStore() : store,  // the kiosk keeps nothing anywhere
    engine: null, t: null, state: null, kiosk: null, busy: false, destroyed: false, opening, laterStyles, staticQuestion,
    // On the opening: the engine while it loads (null if it cannot), what an action awaits, and
    // what starts it (app-actions.js, boot).
    waiting: null, wantEngine: () => {},
    wipeAfterRun: false,  // a wipe asked for while a step runs: done as soon as it ends
    // The aside shown over the person's place in the flow (asides.js: "accessibility", "legal",
    // "privacy"), or null: the flow's state stays as it was under it.
    aside: null,
  };
  app.on = {
    answer: (id, value) => run(app, () => act(app, { type: 'answer', id, value })),
    pick: (value) => {
      app.state = update(app.state, { type: 'pick', value }).state;
    },
    invalid: (message) => view.announce(message),
  };
  app.language = startLanguageControl({
    bar: view.languageBar,
    root,
    ownsDocument,
    wanted,
    onSwitch: (id) => run(app, () => switchLocale(app, id)),
  });
  if (settings) root.classList.add('app--kiosk');
  const onClick = (event) => click(app, event);
  view.app.addEventListener('click', onClick);
  view.footer?.addEventListener('click', onClick);
  const stopPrintWatch = openForPrint(view.app);
  boot(app);
  return {
    restart: () => run(app, () => act(app, { type: 'restart' })),
    destroy() {
      app.destroyed = true;
      view.app.removeEventListener('click', onClick);
      view.footer?.removeEventListener('click', onClick);
      stopPrintWatch();
      app.language.destroy();
      app.kiosk?.destroy();
      root.classList.remove('app--kiosk');
      view.destroy();
    },
    get screen() {
      return app.state?.screen ?? 'intro';
    },
  };
}
