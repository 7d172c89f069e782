// The questionnaire's flow, mountable anywhere (the public page, a host's shadow root, a kiosk):
// loads the engine, keeps the answers, and shows one screen at a time. Every decision and every
// text comes from the core; this file only chooses which screen to show.
import { h } from './dom.js';
import { EngineError, loadEngine, today } from './engine.js';
import { renderAccessibility } from './screens/accessibility.js';
import { addressWithLocale, chooseLocale, languageSwitcher } from './language.js';
import { renderError } from './screens/error.js';
import { renderFooter } from './screens/footer.js';
import { renderIntro } from './screens/intro.js';
import { questionStep, renderQuestion } from './screens/question.js';
import { renderRecap } from './screens/recap.js';
import { kioskSettings, startKiosk } from './kiosk.js';
import { QR_MAX_BYTES } from './qr.js';
import { emptyState, memoryStore, sessionStore } from './storage.js';
import { createTexts } from './texts.js';

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// The result screen's code (and the kiosk's summary and its QR code) is not needed before the
// first question: the public page's main.js fetches it as a chunk of its own, asked for on the
// recap, so that the first question stays within its size budget (docs/performance.md). The
// element and standalone.html bundle it in. A failed fetch is tried again the next time.
let resultCode = null;
function loadResultCode() {
  resultCode ??= Promise.all([import('./screens/result.js'), import('./screens/take-away.js'), import('./summary-text.js')])
    .then(([result, takeAway, summary]) => ({ ...result, ...takeAway, ...summary }))
    .catch((error) => {
      resultCode = null;
      throw error;
    });
  return resultCode;
}

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
}) {
  const kioskMode = kiosk ? kioskSettings(kiosk === true ? {} : kiosk) : null;
  // The kiosk keeps nothing anywhere: memory only, whatever store was given.
  if (kioskMode) store = memoryStore();
  const app = root.ownerDocument.createElement('div');
  app.className = 'screen-host';
  // The live region lives in the app's own root, so that it works inside a shadow root too.
  const status = root.ownerDocument.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  // The language switcher sits above the screens, so it is on every one of them.
  const languageBar = root.ownerDocument.createElement('div');
  languageBar.className = 'language-bar';
  root.replaceChildren(languageBar, app, status);
  if (kioskMode) root.classList.add('app--kiosk');

  let engine = null;
  // This instance's texts (another instance on the page may show another language).
  let t = createTexts({}, '');
  let locale = null;
  let locales = [];
  let state = store.load();
  let busy = false;
  let destroyed = false;
  let shownBefore = false;
  let kioskControl = null;
  // The QR encoder (vendor/qrcode.mjs), loaded in kiosk mode only.
  let qrcode = null;
  // A wipe asked for while a step runs: done as soon as it ends, so nothing it shows survives.
  let wipeAfterRun = false;
  // The kiosk's language and address when it started: a wipe goes back to them.
  let kioskStart = null;

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
    if (wipeAfterRun) {
      wipeAfterRun = false;
      await run(wipe);
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

  // True while the accessibility statement is shown over the person's place in the flow.
  let aside = false;

  function show(screen, step) {
    aside = false;
    // The way to the accessibility statement, under every screen but the statement itself.
    const footer = screen.getAttribute('data-screen') === 'accessibility' ? null : renderFooter({ t });
    app.replaceChildren(...[screen, footer].filter(Boolean));
    app.setAttribute('data-current-screen', screen.getAttribute('data-screen') ?? '');
    if (ownsDocument) {
      document.title = t('page_title', { step });
      window.scrollTo(0, 0);
    } else if (root.getBoundingClientRect().top < 0) {
      // Embedded: bring the tool's top back into view, never scroll the host otherwise.
      root.scrollIntoView({ block: 'start' });
    }
    // The first screen is the page loading, not a change: the focus stays where the browser (or,
    // embedded, the host page) has it, and no focus ring shows on a heading nobody moved to.
    if (shownBefore) screen.querySelector('[data-focus]')?.focus({ preventScroll: !ownsDocument });
    shownBefore = true;
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
    show(renderIntro({ response: kioskMode ? withKioskPrivacy(response) : response, t }), t('step_intro'));
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
      t,
      onNext: (value) => run(() => answer(question.id, value)),
      onInvalid: announce,
    });
    show(screen, questionStep(progress, t));
  }

  function showRecap(response) {
    // The result comes next: its code is fetched meanwhile (an error shows when it is needed).
    loadResultCode().catch(() => {});
    state.screen = 'recap';
    state.editing = false;
    state.current = null;
    state.history = state.history.filter((id) => has(state.answers, id));
    store.save(state);
    show(renderRecap({ response, t }), t('recap_title'));
  }

  async function showResult(response) {
    const code = await loadResultCode();
    const { renderResult } = code;
    state.screen = 'result';
    state.editing = false;
    state.current = null;
    store.save(state);
    const takeAway = kioskMode ? takeAwayFor(response, code) : null;
    show(
      renderResult({ response: kioskMode ? withKioskPrivacy(response) : response, t, takeAway, kiosk: Boolean(kioskMode) }),
      t('step_result'),
    );
    emit('finished');
  }

  // The answer an error is about (`/answers/<id>`), which "drop-answer" removes.
  let faultyAnswer = null;

  function showError(error) {
    // The answers and the screen stay stored: a reload or "retry" starts again from there.
    // Not an answer of the core but a fault of the page: leave a trace for whoever debugs it.
    if (!(error instanceof EngineError) && !error?.code) console.error(error);
    const id = /^\/answers\/([^/]+)/.exec(error?.path ?? '')?.[1] ?? null;
    faultyAnswer = id !== null && has(state.answers, id) ? id : null;
    emit('error');
    show(
      renderError({
        error: { code: error?.code, message: error?.message, path: error?.path },
        t,
        canDropAnswer: faultyAnswer !== null,
      }),
      t('error_title'),
    );
  }

  // Shown over the flow without touching the stored state, so that Back (or a reload) returns
  // to the same place with the same answers.
  function showAccessibility() {
    show(renderAccessibility({ t }), t('step_accessibility'));
    aside = true;
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
    else await showResult(response);
  }

  async function restart() {
    store.clear();
    state = emptyState();
    emit('restarted');
    await showIntro();
  }

  // ---- Kiosk

  // On a kiosk the device is not the person's: the core's privacy notice gives way to the kiosk's.
  function withKioskPrivacy(response) {
    return { ...response, notices: { ...(response.notices ?? {}), privacy: t('kiosk_privacy') } };
  }

  // The summary as a QR code; without it (encoder not loaded, text too long) the result still shows.
  function takeAwayFor(response, { renderTakeAway, summaryText }) {
    if (!qrcode) return null;
    try {
      return renderTakeAway({ text: summaryText(response, t, QR_MAX_BYTES), qrcode, t });
    } catch (error) {
      console.error(error);
      return null;
    }
  }

  // Everything the person did goes: answers, screen, the words announced. Back to the first screen.
  async function wipe() {
    if (!engine) {
      store.clear();
      state = emptyState();
      boot();
      return;
    }
    // The next person starts in the kiosk's own language, whatever the last one chose.
    if (kioskStart && locale !== kioskStart.locale) {
      useTexts(await engine.info(kioskStart.locale));
      try {
        if (ownsDocument) window.history.replaceState(window.history.state, '', kioskStart.address);
      } catch {
        // An address that cannot change (some file:// pages): the language is back all the same.
      }
    }
    await restart();
    announce(t('kiosk_wiped'));
  }

  function requestWipe() {
    if (busy) wipeAfterRun = true;
    else run(wipe);
  }

  // Anything to wipe: a screen other than the untouched first one, or answers.
  function hasSession() {
    const screen = app.getAttribute('data-current-screen') ?? '';
    return screen !== 'intro' || Object.keys(state.answers).length > 0;
  }

  async function startKioskMode() {
    kioskStart ??= { locale, address: window.location.href };
    try {
      qrcode = (await import('./vendor/qrcode.mjs')).default;
    } catch (error) {
      // The kiosk works without its QR code; the trace says why it is missing.
      console.error(error);
    }
    kioskControl ??= startKiosk({ root, settings: kioskMode, hasSession, onWipe: requestWipe, t });
  }

  async function resume() {
    if (state.damaged) {
      // What could be read is kept (and saved back clean); the person chooses to go on or restart.
      delete state.damaged;
      store.save(state);
      showError({ code: 'storage.damaged', message: 'the stored answers could not be read back' });
      return;
    }
    if (state.screen === 'question' && state.current) await showQuestionById(state.current);
    else if (state.screen === 'question' || state.screen === 'recap') await toRecap();
    else if (state.screen === 'result') await toResult();
    else await showIntro();
  }

  const actions = {
    next: () => (state.screen === 'recap' ? toResult() : start()),
    back: () => {
      // From the statement: back to where the person was (the stored state was left as it was).
      if (aside) return resume();
      if (state.screen === 'question') return back(state.current);
      if (state.screen === 'result') return toRecap();
      if (state.screen === 'recap') return back(null);
      return showIntro();
    },
    restart,
    retry: () => resume(),
    // Keeps every other answer: only the one the rules refuse goes, then the flow goes on.
    'drop-answer': async () => {
      if (faultyAnswer !== null) {
        delete state.answers[faultyAnswer];
        state.history = state.history.filter((id) => id !== faultyAnswer);
        faultyAnswer = null;
        store.save(state);
      }
      await resume();
    },
    print: () => window.print(),
    accessibility: () => showAccessibility(),
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

  // The printed summary holds everything: the items closed on screen print open (the print CSS
  // does the same where the browser allows it), and close again afterwards. The per-item sources
  // stay closed: the summary ends with all of them listed once.
  let openedForPrint = [];
  function onBeforePrint() {
    openedForPrint = [...app.querySelectorAll('[data-screen="result"] details.item-details:not([open])')];
    for (const details of openedForPrint) details.open = true;
  }
  function onAfterPrint() {
    for (const details of openedForPrint) details.open = false;
    openedForPrint = [];
  }
  window.addEventListener('beforeprint', onBeforePrint);
  window.addEventListener('afterprint', onAfterPrint);

  // The texts of the language asked for when the rules have it, else of the rules' default.
  async function loadTexts(asked) {
    // info() needs a language; a request without one is answered in the rules' default language.
    const probe = await engine.assess({ answers: {}, date: today() });
    const info = await engine.info(probe.locale);
    const id = chooseLocale(asked, info.locales ?? [], info.default_locale ?? info.locale);
    return id === info.locale ? info : engine.info(id);
  }

  function useTexts(info) {
    locale = info.locale ?? info.default_locale;
    t = createTexts(info.ui, locale);
    locales = Array.isArray(info.locales) ? info.locales : [];
    if (ownsDocument) document.documentElement.lang = locale;
    else root.setAttribute('lang', locale);
    const href = root.ownerDocument.location?.href ?? '';
    languageBar.replaceChildren(...[languageSwitcher(locales, locale, href, t)].filter(Boolean));
    kioskControl?.refresh(t);
  }

  // Another language, in place: the answers and the screen stay, only the words change. The
  // public page also puts ?lang= in its address, so that a reload keeps the language.
  async function switchLocale(id) {
    if (id === locale) return;
    useTexts(await engine.info(id));
    if (ownsDocument) {
      try {
        window.history.replaceState(window.history.state, '', addressWithLocale(window.location.href, locale));
      } catch {
        // An address that cannot change (some file:// pages): the language still changes.
      }
    }
    await resume();
  }

  function onLanguageClick(event) {
    const link = event.target instanceof Element ? event.target.closest('a[data-locale]') : null;
    // A click meant for a new tab or window follows the link (?lang=xx) as usual.
    if (!link || !engine || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const id = link.getAttribute('data-locale');
    run(() => switchLocale(id));
  }
  languageBar.addEventListener('click', onLanguageClick);

  // A language asked for (address or host) that the rules lack: the page falls back to the
  // default one and says so, beside the switcher, until another language is chosen.
  function noticeUnavailableLocale() {
    const asked = typeof wanted === 'string' ? wanted.trim().slice(0, 20) : '';
    if (!asked || chooseLocale(asked, locales, null) !== null) return;
    languageBar.append(h('p', { class: 'notice notice--locale', 'data-notice': 'locale' }, t('locale_unavailable', { language: asked })));
  }

  async function boot() {
    try {
      engine = await loadEngine(engineOptions);
      useTexts(await loadTexts(wanted));
      noticeUnavailableLocale();
      if (kioskMode) await startKioskMode();
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
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
      languageBar.removeEventListener('click', onLanguageClick);
      kioskControl?.destroy();
      root.classList.remove('app--kiosk');
      root.replaceChildren();
    },
    get screen() {
      return state.screen;
    },
  };
}
