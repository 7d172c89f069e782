// Keeps the state in sessionStorage so a reload loses nothing; closing the tab forgets it.

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

/** The stored state, or a fresh one when there is none or it cannot be read. */
export function loadState() {
  let stored = null;
  try {
    stored = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    // Storage refused (private mode, sandboxed frame) or unreadable: start afresh.
    return emptyState();
  }
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

export function saveState(state) {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Without storage the page still works; only a reload would lose the answers.
  }
}

export function clearState() {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
