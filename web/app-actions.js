// What each action of the person does to one app (app.js mounts it): one step at a time, the flow
// asked where it leads (flow.js), the core asked at most once (engine.js), the answers kept
// (storage.js), the screen shown (render.js, view.js); the asides over the flow, another language
// in place, and the kiosk's wipe.
import { isAside, renderAside } from './asides.js';
import { EngineError, loadEngine, today } from './engine.js';
import { initialState, receive, shownQuestion, storedPart, update } from './flow.js';
import { showsTheSame } from './opening.js';
import { pickOf, renderState } from './render.js';
import { createTexts } from './texts.js';

// How long a person is on the opening's intro before the engine starts anyway: reading it takes
// longer, and a click on Start draws the first question sooner with nothing else running.
const INTRO_READING_MS = 1000;

// Loads the engine and the texts, then resumes where the stored state says. A fresh visit of the
// public page draws its opening first (the intro and the first question as the build had the core
// word them: opening.js); its engine starts once the first question is drawn, after a moment on
// the intro, or when an action needs it, and then answers the same request and takes over. When
// the engine or the rules cannot load, the host's load-error screen shows, and the stored answers
// stay as they are.
export async function boot(app) {
  let wanted;
  const loading = new Promise((resolve) => {
    wanted = resolve;
  }).then(() => loadEngine(app.engineOptions));
  app.wantEngine = wanted;
  // What an action taken on the opening waits for: the engine, or null if it could not load.
  app.waiting = loading.then((engine) => engine, () => null);
  const opening = await openingToShow(app);
  if (opening) {
    await showOpening(app, opening);
    // Ready: the first screen is there, and usable (an error may follow if the engine cannot load).
    app.emit('ready');
    if (app.state.screen === 'question') app.emit('started');
    app.root.ownerDocument.defaultView.setTimeout(wanted, INTRO_READING_MS);
  } else {
    wanted();
  }
  try {
    app.engine = await loading;
    // On the opening, its texts and languages are the engine's already (the build's, from the
    // same rules: tests/wasm/opening.test.mjs).
    if (!opening) await useLanguage(app, app.language.first(app.engine.rulesInfo));
    if (app.settings && !app.kiosk) {
      // Only a kiosk needs its code and styles: the public page's first question loads without them.
      const [{ startKioskMode }] = await Promise.all([import('./kiosk-mode.js'), app.laterStyles()]);
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
    app.state = null;
    app.emit('error');
    app.view.showLoadError(app.loadError?.() ?? null, error?.code);
    return;
  }
  if (app.destroyed) return app.kiosk?.destroy();
  if (opening) return confirmOpening(app, opening);
  app.state = initialState({ locale: app.t.locale });
  await run(app, () => act(app, { type: 'resume', stored: app.store.load() }));
  app.emit('ready');
}

// The opening fits a first visit only: nothing stored, its language, not a kiosk (which starts
// with its own settings). Used once.
async function openingToShow(app) {
  const given = app.opening;
  app.opening = null;
  const opening = given && !app.settings ? await Promise.resolve(given).catch(() => null) : null;
  if (!opening) return null;
  const stored = app.store.load();
  if (stored.damaged || Object.keys(stored.answers ?? {}).length > 0 || stored.screen !== 'intro') return null;
  return app.language.first(opening.info) === opening.info.locale ? opening : null;
}

async function showOpening(app, opening) {
  app.t = createTexts(opening.info.ui, opening.info.locale);
  app.language.show(opening.info, app.t);
  const { state } = update(initialState({ locale: app.t.locale }), { type: 'confirm' });
  app.state = takeOver(app, receive(state, opening.reply));
  await render(app);
}

// The page's static first question (index.html), opened before the app was there: the app starts
// on it, with what was chosen on it.
function takeOver(app, onIntro) {
  const shown = app.staticQuestion();
  if (!shown || shown.getAttribute('data-static-question') !== onIntro.reply.next_question?.id) return onIntro;
  const onQuestion = update(onIntro, { type: 'start' }).state;
  const value = pickOf(shown, shownQuestion(onQuestion).question);
  return value === null ? onQuestion : update(onQuestion, { type: 'pick', value }).state;
}

// The engine's reply to the request the opening answered: the same screen, drawn again only if the
// core says something else today (a dated rule that changed since the build). Not a step of its
// own: the person's clicks meanwhile are not held up (Start, Back move on the opening's reply);
// once an answer has been sent, the core's reply to it is the one that counts.
async function confirmOpening(app, opening) {
  const current = () => !app.busy && app.state?.reply === opening.reply;
  if (!current()) return;
  let reply;
  try {
    reply = app.engine.withTexts(await app.engine.assess({ ...update(app.state, { type: 'confirm' }).request, date: today() }));
  } catch (error) {
    if (current()) await run(app, () => fail(app, error));
    return;
  }
  if (!current()) return;
  app.state = receive(update(app.state, { type: 'confirm' }).state, reply);
  persist(app);
  if (!showsTheSame(opening.reply, reply)) await run(app, () => render(app));
}

// The engine, started now if it was not yet (an action on the opening needs it).
function engineWanted(app) {
  app.wantEngine();
  return app.waiting;
}

// `task` once the screen just drawn has been painted (the next frame, then a task after it).
function afterPaint(app, task) {
  const win = app.root.ownerDocument.defaultView;
  win.requestAnimationFrame(() => win.setTimeout(task, 0));
}

// `task` when the page has nothing else to do (the next frame at the latest in a browser that
// cannot say: Safari), never before the screen just drawn is painted.
function whenIdle(app, task) {
  const win = app.root.ownerDocument.defaultView;
  if (win.requestIdleCallback) afterPaint(app, () => win.requestIdleCallback(task, { timeout: 1000 }));
  else afterPaint(app, task);
}

// The screen Start shows, laid out once unseen while the intro is read (view.js layOutUnseen): the
// click then draws it in about half the time. Not when Start needs the core (no reply yet), nor
// once anything has moved on.
async function layOutStart(app) {
  if (app.busy || app.state?.screen !== 'intro' || app.state.fault || app.view.screen !== 'intro') return;
  const { state, request } = update(app.state, { type: 'start' });
  if (request) return;
  const { screen } = await renderState(state, { t: app.t, kiosk: app.kiosk, on: app.on });
  if (app.view.screen === 'intro') app.view.layOutUnseen(screen);
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
    // On the opening, the engine may still be on its way (boot shows why if it never comes).
    const engine = app.engine ?? (await engineWanted(app));
    if (!engine) return;
    try {
      // The reply names ids; the flow and the views get it with its words, in its language.
      state = receive(state, engine.withTexts(await engine.assess({ ...step.request, date: today() })));
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
  // The recap leads to the result and its print button: their styles come with them.
  if (app.state.screen === 'recap' || app.state.screen === 'result') await app.laterStyles();
  const { screen, step, before } = await renderState(app.state, { t: app.t, kiosk: app.kiosk, on: app.on });
  app.aside = null;
  app.view.show(screen, { step, t: app.t, before });
  // The first question drawn (from the opening): the engine starts once it is on screen.
  if (!app.engine && app.state.screen === 'question') afterPaint(app, app.wantEngine);
  if (app.state.screen === 'intro' && !app.state.fault) whenIdle(app, () => layOutStart(app));
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
  const engine = app.engine ?? (await engineWanted(app));
  if (!engine) return;
  const { screen, step } = await renderAside(name, { t: app.t, keeps: keeps(app), readFile: engine.readFile });
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
  if (!app.engine && !app.state) {
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
  if (id === app.t.locale || !(app.engine ?? (await engineWanted(app)))) return;
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
