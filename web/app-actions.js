// What each action of the person does to one app (app.js mounts it): one step at a time, the flow
// asked where it leads (flow.js), the core asked at most once (engine.js), the answers kept
// (storage.js), the screen shown (render.js, view.js); the asides over the flow, another language
// in place, and the kiosk's wipe.
import { isAside, renderAside } from './asides.js';
import { EngineError, loadEngine, today } from './engine.js';
import { initialState, receive, storedPart, update } from './flow.js';
import { renderState } from './render.js';
import { createTexts } from './texts.js';

// Loads the engine and the texts, then resumes where the stored state says. When the engine or
// the rules cannot load, the host's load-error screen shows, and the stored answers stay as they are.
export async function boot(app) {
  try {
    app.engine = await loadEngine(app.engineOptions);
    await useLanguage(app, app.language.first(app.engine.rulesInfo));
    if (app.settings && !app.kiosk) {
      // Only a kiosk needs its code: the public page's first question loads without it.
      const { startKioskMode } = await import('./kiosk-mode.js');
      app.kiosk = await startKioskMode({
        root: app.root,
        settings: app.settings,
        texts: () => app.t,
        hasSession: () => app.view.screen !== 'intro' || Object.keys(app.state?.answers ?? {}).length > 0,
        onWipe: () => requestWipe(app),
      });
    }
  } catch (error) {
    app.engine = null;
    app.emit('error');
    app.view.showLoadError(app.loadError?.() ?? null, error?.code);
    return;
  }
  if (app.destroyed) return app.kiosk?.destroy();
  app.state = initialState({ locale: app.t.locale });
  await run(app, () => act(app, { type: 'resume', stored: app.store.load() }));
  app.emit('ready');
}

// Runs one step; a second click while it runs is ignored, any failure shows the error screen.
export async function run(app, task) {
  if (app.busy) return;
  app.busy = true;
  try {
    await task();
  } catch (error) {
    await fail(app, error);
  } finally {
    app.busy = false;
  }
  if (app.wipeAfterRun) {
    app.wipeAfterRun = false;
    await run(app, () => wipe(app));
  }
}

/** One event of the flow: the state it leads to, the core asked once if it needs to, the screen. */
export async function act(app, event) {
  const step = update(app.state, event);
  let state = step.state;
  if (step.request) {
    try {
      // The reply names ids; the flow and the views get it with its words, in its language.
      state = receive(state, app.engine.withTexts(await app.engine.assess({ ...step.request, date: today() })));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      state = update(state, { type: 'fail', error }).state;
    }
  }
  app.state = state;
  if (event.type === 'start') app.emit('started');
  if (event.type === 'restart') app.emit('restarted');
  persist(app);
  await render(app);
}

// A fault of the page rather than an answer of the core: a trace for whoever debugs it, and the
// error screen; the answers and the screen stay stored, so a reload or "retry" starts from there.
async function fail(app, error) {
  if (!error?.code) console.error(error);
  app.state = update(app.state ?? initialState({ locale: app.t?.locale }), { type: 'fail', error }).state;
  await render(app).catch((again) => console.error(again));
}

// Nothing answered on the first screen: nothing kept (after "restart" the storage stays empty).
function persist({ state, store }) {
  if (state.screen === 'intro' && Object.keys(state.answers).length === 0 && !state.fault) store.clear();
  else store.save(storedPart(state));
}

async function render(app) {
  const { screen, step, before } = await renderState(app.state, { t: app.t, kiosk: app.kiosk, on: app.on });
  app.aside = null;
  app.view.show(screen, { step, t: app.t, before });
  if (app.state.fault) app.emit('error');
  else if (app.state.screen === 'result') app.emit('finished');
}

const ACTIONS = {
  next: (app) => act(app, { type: app.state.screen === 'recap' ? 'to-result' : 'start' }),
  // From an aside: back to where the person was, as it was (no need to ask the core).
  back: (app) => (app.aside ? render(app) : act(app, { type: 'back' })),
  restart: (app) => act(app, { type: 'restart' }),
  retry: (app) => act(app, { type: 'retry' }),
  // Keeps every other answer: only the one the core refused goes, then the flow goes on.
  'drop-answer': (app) => act(app, { type: 'drop-answer' }),
  print: () => window.print(),
};

// An aside over the flow: the state, the stored answers and the screen under it stay as they are.
async function showAside(app, name) {
  const { screen, step } = await renderAside(name, { t: app.t, keeps: keeps(app), readFile: app.engine.readFile });
  app.view.show(screen, { step, t: app.t });
  app.aside = name;
}

// Where this app keeps the answers, as the personal data page words it: nothing on a kiosk,
// sessionStorage on the public page, the open page only in an element (storage.js).
function keeps(app) {
  if (app.settings) return 'kiosk';
  return app.store.where === 'session' ? 'session' : 'memory';
}

export function click(app, event) {
  const target = event.target instanceof Element ? event.target.closest('[data-action], [data-edit]') : null;
  if (!target || !app.view.contains(target)) return;
  // Next on a question is the form's submit button: the form handles it.
  if (target.tagName === 'BUTTON' && target.type === 'submit') return;
  const edit = target.getAttribute('data-edit');
  const action = target.getAttribute('data-action');
  if (!app.engine) {
    // Nothing loaded: only a fresh try makes sense (the engine forgets a failed load).
    if (action === 'restart') app.store.clear();
    if (action === 'restart' || action === 'retry') boot(app);
    return;
  }
  if (edit) run(app, () => act(app, { type: 'edit', id: edit }));
  else if (isAside(action)) run(app, () => showAside(app, action));
  else if (Object.prototype.hasOwnProperty.call(ACTIONS, action)) run(app, () => ACTIONS[action](app));
}

// The texts of a language, for this app only; the switcher, the root's lang and the kiosk follow.
async function useLanguage(app, id) {
  const info = await app.engine.useLocale(id);
  app.t = createTexts(info.ui, info.locale);
  app.language.show(info, app.t);
  app.kiosk?.refresh();
}

// Another language, in place: the answers, the screen and an answer chosen but not yet sent stay;
// only the words change. The public page also puts ?lang= in its address, for a reload.
export async function switchLocale(app, id) {
  if (id === app.t.locale) return;
  const aside = app.aside;
  await useLanguage(app, id);
  app.language.chosen(id);
  await act(app, { type: 'switch-locale', locale: id });
  // An aside stays open, in the new language, over the flow's screen in it.
  if (aside && !app.state.fault) await showAside(app, aside);
}

function requestWipe(app) {
  if (app.busy) app.wipeAfterRun = true;
  else run(app, () => wipe(app));
}

// Everything the person did goes: answers, screen, the words announced. The next person starts
// on the first screen, in the kiosk's own language and address.
async function wipe(app) {
  if (!app.engine) {
    app.store.clear();
    boot(app);  // not awaited: it runs its own steps once this one is over
    return;
  }
  const start = app.kiosk.start;
  if (start.locale !== app.t.locale) {
    await useLanguage(app, start.locale);
    app.language.chosen(start.locale, start.address);
  }
  await act(app, { type: 'restart', locale: start.locale });
  app.view.announce(app.t('kiosk_wiped'));
}
