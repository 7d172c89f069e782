// Where the answers are kept: sessionStorage on the public page (a reload loses nothing, closing
// the tab forgets), or memory only (the kiosk, which keeps nothing anywhere).

const KEY = 'pdp-autodiagnostic:v1';
const SCREENS = ['intro', 'question', 'recap', 'result'];

/**
 * A fresh state: no answer, the intro screen. `history` holds the question ids in the order shown,
 * `current` the question on screen, `editing` whether it was opened by a "Modifier" (then Next
 * asks only what the change opened and returns to the recap).
 */
export function emptyState() {
  return { answers: {}, history: [], screen: 'intro', current: null, editing: false };
}

/** A stored state made safe: unknown fields dropped, wrong types replaced by fresh values. */
export function sanitizeState(stored) {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return emptyState();
  const state = emptyState();
  if (stored.answers && typeof stored.answers === 'object' && !Array.isArray(stored.answers)) {
    state.answers = stored.answers;
  }
  if (Array.isArray(stored.history)) {
    state.history = stored.history.filter((id) => typeof id === 'string');
  }
  if (SCREENS.includes(stored.screen)) state.screen = stored.screen;
  if (typeof stored.current === 'string') state.current = stored.current;
  state.editing = stored.editing === true;
  return state;
}

/** The public page's store: sessionStorage under one key. */
export function sessionStore(key = KEY) {
  return {
    /** The stored state, or a fresh one when there is none or it cannot be read. */
    load() {
      try {
        return sanitizeState(JSON.parse(window.sessionStorage.getItem(key) ?? 'null'));
      } catch {
        // Storage refused (private mode, sandboxed frame) or unreadable: start afresh.
        return emptyState();
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
    load: () => sanitizeState(kept === null ? null : JSON.parse(kept)),
    save(state) {
      kept = JSON.stringify(state);
    },
    clear() {
      kept = null;
    },
  };
}
