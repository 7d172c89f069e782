// Where the answers are kept: sessionStorage on the public page (a reload loses nothing, closing
// the tab forgets), or memory only (the kiosk, which keeps nothing anywhere).

const KEY = 'pdp-autodiagnostic:v1';
const SCREENS = ['intro', 'question', 'recap', 'result'];

/**
 * A fresh stored state: no answer, the intro. What is stored is the flow's state without the
 * core's reply (flow.js storedPart): `answers` as the core kept them, `rules_version` the version
 * of the rules they were given under (sent back on resume: the core then drops, and lists, the
 * answers a newer edition no longer asks; a state stored before versions were kept has none),
 * `screen`, `current` the question on screen, `editing` whether it was opened by a "Modifier".
 */
export function emptyState() {
  return { answers: {}, screen: 'intro', current: null, editing: false };
}

/** A stored state made safe: unknown fields dropped, wrong types replaced by fresh values. */
// `damaged` is set when something was stored but part of it could not be read back: the app then
// says so (and offers a fresh start) instead of silently resuming from half a state. (`history`,
// which earlier pages stored, is no longer needed: the core's reply holds the path.)
export function sanitizeState(stored) {
  if (stored === null || stored === undefined) return emptyState();
  const state = emptyState();
  if (typeof stored !== 'object' || Array.isArray(stored)) return { ...state, damaged: true };
  let damaged = false;
  if (stored.answers && typeof stored.answers === 'object' && !Array.isArray(stored.answers)) {
    state.answers = stored.answers;
  } else if (stored.answers !== undefined) {
    damaged = true;
  }
  if (stored.history !== undefined && !Array.isArray(stored.history)) damaged = true;
  if (typeof stored.rules_version === 'string' && stored.rules_version) state.rules_version = stored.rules_version;
  else if (stored.rules_version !== undefined) damaged = true;
  if (SCREENS.includes(stored.screen)) state.screen = stored.screen;
  else if (stored.screen !== undefined) damaged = true;
  if (typeof stored.current === 'string') state.current = stored.current;
  state.editing = stored.editing === true;
  if (damaged) state.damaged = true;
  return state;
}

/** The public page's store: sessionStorage under one key. */
export function sessionStore(key = KEY) {
  return {
    /** Where it keeps them (the personal data page says so): this tab's sessionStorage. */
    where: 'session',
    /** The stored state, or a fresh one when there is none or it cannot be read. */
    load() {
      let text = null;
      try {
        text = window.sessionStorage.getItem(key);
      } catch {
        // Storage refused (private mode, sandboxed frame): start afresh, nothing to tell.
        return emptyState();
      }
      try {
        return sanitizeState(JSON.parse(text ?? 'null'));
      } catch {
        // Something is stored but it is not JSON (cut short, edited): say so, keep nothing of it.
        return { ...emptyState(), damaged: true };
      }
    },
    save(state) {
      try {
        window.sessionStorage.setItem(key, JSON.stringify(state));
      } catch {
        // Without storage the page still works; only a reload would lose the answers.
      }
    },
    clear() {
      try {
        window.sessionStorage.removeItem(key);
      } catch {
        // Nothing was stored.
      }
    },
  };
}

/** A store that writes nothing anywhere: the state lives as long as the page (kiosk). */
export function memoryStore() {
  let kept = null;
  return {
    /** Where it keeps them: nowhere but in the open page. */
    where: 'memory',
    load: () => sanitizeState(kept === null ? null : JSON.parse(kept)),
    save(state) {
      kept = JSON.stringify(state);
    },
    clear() {
      kept = null;
    },
  };
}
