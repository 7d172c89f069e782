// The questionnaire's flow, mountable anywhere (the public page, a host's shadow root, a kiosk):
// loads the engine, keeps the answers, and shows one screen at a time. Every decision and every
// text comes from the core; this file only chooses which screen to show.
import { EngineError, loadEngine, today } from './engine.js';
import { renderError } from './screens/error.js';
import { renderIntro } from './screens/intro.js';
import { questionStep, renderQuestion } from './screens/question.js';
import { renderRecap } from './screens/recap.js';
import { renderResult } from './screens/result.js';
import { emptyState, sessionStore } from './storage.js';
import { setTexts, t } from './texts.js';

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

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
}) {
  const app = root.ownerDocument.createElement('div');
  app.className = 'screen-host';
  // The live region lives in the app's own root, so that it works inside a shadow root too.
  const status = root.ownerDocument.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  root.replaceChildren(app, status);

  let engine = null;
  let locale = null;
  let locales = [];
  let state = store.load();
  let busy = false;
  let destroyed = false;

  async function assess(answers) {
    return engine.assess({ answers, date: today(), locale });
  }

  // Replays the questionnaire over the stored answers: each question in the order it is asked, as
  // the core asks it (label, choices, progress), up to the first one not answered or to the end.
  // This is how a question already answered is shown again (Back, "Modifier", reload).
  async function sequence() {
    const steps = [];
    const given = {};
    for (let count = 0; count < 64; count += 1) {
      const response = await assess(given);
      const question = response.next_question;
      if (!question) break;
      steps.push({ question, progress: response.progress });
      if (!has(state.answers, question.id)) break;
      given[question.id] = state.answers[question.id];
    }
    return steps;
  }

  // Runs one step of the flow; a second click while it runs is ignored, any failure shows the error.
  async function run(task) {
    if (busy) return;
    busy = true;
    try {
      await task();
    } catch (error) {
      showError(error);
    } finally {
      busy = false;
    }
  }

  let announceTimer = 0;
  function announce(message) {
    // Emptied first so the same words said twice are still announced.
    status.textContent = '';
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => {
      status.textContent = message;
    }, 100);
  }

  function show(screen, step) {
    app.replaceChildren(screen);
    app.setAttribute('data-current-screen', screen.getAttribute('data-screen') ?? '');
    if (ownsDocument) {
      document.title = t('page_title', { step });
      window.scrollTo(0, 0);
    } else if (root.getBoundingClientRect().top < 0) {
      // Embedded: bring the tool's top back into view, never scroll the host otherwise.
      root.scrollIntoView({ block: 'start' });
    }
    screen.querySelector('[data-focus]')?.focus({ preventScroll: !ownsDocument });
    announce(step);
  }

  // ---- Screens

  async function showIntro() {
    const response = await assess({});
    state.screen = 'intro';
    state.editing = false;
    state.current = null;
    // Nothing answered, nothing kept: after "restart" the storage stays empty.
    if (Object.keys(state.answers).length) store.save(state);
    else store.clear();
    show(renderIntro({ response, locales, locale }), t('step_intro'));
  }

  function showQuestion(question, progress) {
    state.screen = 'question';
    state.current = question.id;
    // The ids in the order shown, last shown last, without the answers the core dropped.
    state.history = [...state.history.filter((id) => id !== question.id && has(state.answers, id)), question.id];
    store.save(state);
    const screen = renderQuestion({
      question,
      progress,
      answer: state.answers[question.id],
      onNext: (value) => run(() => answer(question.id, value)),
      onInvalid: announce,
    });
    show(screen, questionStep(progress));
  }

  function showRecap(response) {
    state.screen = 'recap';
    state.editing = false;
    state.current = null;
    state.history = state.history.filter((id) => has(state.answers, id));
    store.save(state);
    show(renderRecap({ response }), t('recap_title'));
  }

  function showResult(response) {
    state.screen = 'result';
    state.editing = false;
    state.current = null;
    store.save(state);
    show(renderResult({ response, locale }), t('step_result'));
    emit('finished');
  }

  function showError(error) {
    // The answers and the screen stay stored: a reload or "retry" starts again from there.
    // Not an answer of the core but a fault of the page: leave a trace for whoever debugs it.
    if (!(error instanceof EngineError)) console.error(error);
    emit('error');
    show(renderError({ error: { code: error?.code, message: error?.message, path: error?.path } }), t('error_title'));
  }

  // The error when the engine or the rules cannot load: there are no ui texts then, so its words
  // come from the host of the app (a <template> in index.html).
  function showLoadError(error) {
    emit('error');
    const screen = loadError?.();
    if (!screen) {
      app.replaceChildren();
      return;
    }
    const code = screen.querySelector('[data-error-code]');
    if (code) code.textContent = error?.code || 'engine.load_failed';
    app.replaceChildren(screen);
    if (ownsDocument) document.title = screen.querySelector('[data-focus]')?.textContent ?? document.title;
    screen.querySelector('[data-focus]')?.focus({ preventScroll: !ownsDocument });
  }

  // ---- Flow

  /** After an answer: the next question if the core has one, else the recap. */
  async function continueWith(response) {
    if (response.next_question) showQuestion(response.next_question, response.progress);
    else showRecap(response);
  }

  /** Shows a question again, its answer pre-selected (Back, "Modifier", reload). */
  async function showQuestionById(id) {
    const found = (await sequence()).find((step) => step.question.id === id);
    if (found) showQuestion(found.question, found.progress);
    // No longer asked with the current answers: carry on from where the answers lead.
    else await continueWith(await assess(state.answers));
  }

  async function start() {
    state.editing = false;
    emit('started');
    const response = await assess({});
    if (response.next_question) showQuestion(response.next_question, response.progress);
    else await continueWith(await assess(state.answers));
  }

  async function answer(id, value) {
    const response = await assess({ ...state.answers, [id]: value });
    // The core drops the answers that no longer apply (e.g. after changing the work situation).
    state.answers = response.answers ?? { ...state.answers, [id]: value };
    if (!state.editing) {
      // Going through the questions in order (after Back, too): the one that follows, pre-filled
      // when it was answered before. After a "Modifier", only the questions the change opened.
      const steps = await sequence();
      const index = steps.findIndex((step) => step.question.id === id);
      const following = index >= 0 ? steps[index + 1] : undefined;
      if (following) {
        showQuestion(following.question, following.progress);
        return;
      }
    }
    await continueWith(response);
  }

  // The question before `current` in the order asked (the last one answered from the recap); the
  // intro before the first one.
  async function back(current) {
    const steps = await sequence();
    const index = current ? steps.findIndex((step) => step.question.id === current) : -1;
    let previous = null;
    if (index > 0) {
      previous = steps[index - 1];
    } else if (index === -1) {
      previous = steps.filter((step) => step.question.id !== current && has(state.answers, step.question.id)).pop();
    }
    if (previous) showQuestion(previous.question, previous.progress);
    else await showIntro();
  }

  /** Where the stored answers lead: the next question, or the recap. */
  async function toRecap() {
    await continueWith(await assess(state.answers));
  }

  async function toResult() {
    const response = await assess(state.answers);
    if (response.next_question) await continueWith(response);
    else showResult(response);
  }

  async function restart() {
    store.clear();
    state = emptyState();
    emit('restarted');
    await showIntro();
  }

  async function resume() {
    if (state.screen === 'question' && state.current) await showQuestionById(state.current);
    else if (state.screen === 'question' || state.screen === 'recap') await toRecap();
    else if (state.screen === 'result') await toResult();
    else await showIntro();
  }

  const actions = {
    next: () => (state.screen === 'recap' ? toResult() : start()),
    back: () => {
      if (state.screen === 'question') return back(state.current);
      if (state.screen === 'result') return toRecap();
      if (state.screen === 'recap') return back(null);
      return showIntro();
    },
    restart,
    retry: () => resume(),
    print: () => window.print(),
  };

  function onClick(event) {
    const target = event.target instanceof Element ? event.target.closest('[data-action], [data-edit]') : null;
    if (!target || !app.contains(target)) return;
    // Next on a question is the form's submit button: the form handles it.
    if (target instanceof HTMLButtonElement && target.type === 'submit') return;
    const edit = target.getAttribute('data-edit');
    if (edit) {
      state.editing = true;
      run(() => showQuestionById(edit));
      return;
    }
    const action = target.getAttribute('data-action');
    if (!engine) {
      // Nothing loaded: only a fresh try makes sense (the engine forgets a failed load).
      if (action === 'restart') {
        store.clear();
        state = emptyState();
      }
      if (action === 'restart' || action === 'retry') boot();
      return;
    }
    if (has(actions, action)) run(actions[action]);
  }
  app.addEventListener('click', onClick);

  // The language asked for when the rules have it, else the rules' default.
  async function loadTexts() {
    if (wanted && /^[a-z]{2}$/.test(wanted)) {
      try {
        return await engine.info(wanted);
      } catch {
        // Not a language of the rules: fall back to the default one.
      }
    }
    // info() needs a language; a request without one is answered in the rules' default language.
    const probe = await engine.assess({ answers: {}, date: today() });
    return engine.info(probe.locale);
  }

  async function boot() {
    try {
      engine = await loadEngine(engineOptions);
      const info = await loadTexts();
      setTexts(info.ui);
      locale = info.locale ?? info.default_locale;
      locales = Array.isArray(info.locales) ? info.locales : [];
      if (ownsDocument) document.documentElement.lang = locale;
      else root.setAttribute('lang', locale);
    } catch (error) {
      engine = null;
      showLoadError(error);
      return;
    }
    if (destroyed) return;
    await run(resume);
    emit('ready');
  }

  boot();

  return {
    restart: () => run(restart),
    destroy() {
      destroyed = true;
      window.clearTimeout(announceTimer);
      app.removeEventListener('click', onClick);
      root.replaceChildren();
    },
    get screen() {
      return state.screen;
    },
  };
}
