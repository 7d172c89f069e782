// Kiosk mode's settings, from a page address or an element's attributes (docs/kiosk.md). Apart from
// kiosk.js (the watcher), which the app loads only in kiosk mode: every page needs these.

export const KIOSK_DEFAULTS = Object.freeze({ idleSeconds: 120, countdownSeconds: 20 });
// Bounds a setting must fall in; outside them (or not a whole number) the default is used.
const IDLE_RANGE = [1, 3600];
const COUNTDOWN_RANGE = [1, 300];
// Words that switch the kiosk off when given as its value (?kiosk=0, kiosk="false").
const OFF = new Set(['0', 'false', 'off', 'no', 'non']);

// A whole number of seconds within `range`, else `fallback` (a bad value never breaks the kiosk).
function seconds(value, range, fallback) {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d+$/.test(text)) return fallback;
  const number = Number(text);
  return number >= range[0] && number <= range[1] ? number : fallback;
}

/**
 * The kiosk's settings, each checked: a missing or bad value gives the default.
 * @param {{idleSeconds?: number|string|null, countdownSeconds?: number|string|null}} [given]
 * @returns {{idleSeconds: number, countdownSeconds: number}}
 */
export function kioskSettings(given = {}) {
  return {
    idleSeconds: seconds(given?.idleSeconds, IDLE_RANGE, KIOSK_DEFAULTS.idleSeconds),
    countdownSeconds: seconds(given?.countdownSeconds, COUNTDOWN_RANGE, KIOSK_DEFAULTS.countdownSeconds),
  };
}

/** Whether a kiosk flag (a URL parameter's or an attribute's value, null when absent) is on. */
export function kioskFlag(value) {
  if (value === null || value === undefined || value === false) return false;
  if (value === true) return true;
  return !OFF.has(String(value).trim().toLowerCase());
}

/**
 * The kiosk asked for by a page address: `?kiosk` (or `?kiosk=1`), with `idle=<seconds>` and
 * `countdown=<seconds>`. Null when the address does not ask for it.
 * @param {string} search the address's query string (location.search)
 */
export function kioskFromAddress(search) {
  const params = new URLSearchParams(search);
  if (!kioskFlag(params.get('kiosk'))) return null;
  return kioskSettings({ idleSeconds: params.get('idle'), countdownSeconds: params.get('countdown') });
}
