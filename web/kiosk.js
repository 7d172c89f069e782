// Kiosk mode: the "Terminer et effacer" bar, and the inactivity watcher that shows a countdown and
// then has everything wiped.
import { button, h } from './dom.js';
import { createTexts } from './texts.js';

// The settings live in kiosk-settings.js, which every page loads; this file, only in kiosk mode.
export { KIOSK_DEFAULTS, kioskFlag, kioskFromAddress, kioskSettings } from './kiosk-settings.js';

// Events that show someone is using the screen.
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'];
// The countdown is said aloud every few seconds only: every second would drown everything else.
const ANNOUNCE_EVERY = 5;

/**
 * Starts the kiosk in the app's `root`: adds the "Terminer et effacer" bar and the countdown
 * dialog, and watches for inactivity.
 * @param {object} options
 * @param {Element} options.root the app's root (the bar and the dialog go at its end)
 * @param {{idleSeconds: number, countdownSeconds: number}} options.settings
 * @param {() => boolean} options.hasSession whether there is anything to wipe (the countdown
 *   never shows over the untouched first screen)
 * @param {() => void} options.onWipe erases everything and shows the first screen
 * @param {import('./texts.js').Texts} [options.t] the app's texts (none: the keys show)
 * @returns {{refresh(t?: import('./texts.js').Texts): void, destroy(): void}} refresh: the texts
 *   again, in the language now chosen
 */
export function startKiosk({ root, settings, hasSession, onWipe, t: texts = createTexts({}, '') }) {
  // The app's texts: a language switch hands new ones to refresh().
  let t = texts;
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const idleMs = settings.idleSeconds * 1000;
  const countdownMs = settings.countdownSeconds * 1000;

  const finish = button(t('kiosk_finish'), { 'data-action': 'wipe', class: 'kiosk-finish' }, 'secondary');
  const bar = h('div', { class: 'kiosk-bar', 'data-kiosk-bar': true }, finish);

  const title = h('h2', { id: 'kiosk-countdown-title', class: 'kiosk-countdown-title' });
  const text = h('p', { id: 'kiosk-countdown-text' });
  const count = h('p', { id: 'kiosk-countdown-count', class: 'kiosk-count', 'data-kiosk-count': true });
  const spoken = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const stay = button('', { 'data-action': 'stay' }, 'primary');
  const wipeNow = button('', { 'data-action': 'wipe-now' }, 'secondary');
  const dialog = h(
    'dialog',
    {
      class: 'kiosk-countdown',
      role: 'alertdialog',
      'aria-labelledby': title.id,
      'aria-describedby': `${text.id} ${count.id}`,
      'data-kiosk-countdown': true,
    },
    title,
    text,
    count,
    spoken,
    h('div', { class: 'actions' }, stay, wipeNow),
  );

  function writeTexts() {
    finish.textContent = t('kiosk_finish');
    title.textContent = t('kiosk_idle_title');
    text.textContent = t('kiosk_idle_text');
    stay.textContent = t('kiosk_stay');
    wipeNow.textContent = t('kiosk_erase_now');
  }
  writeTexts();
  root.append(bar, dialog);

  let lastActivity = win.performance.now();
  let idleTimer = 0;
  let tickTimer = 0;
  let deadline = 0;
  let shownCount = null;

  const counting = () => deadline !== 0;

  function armIdle(delay = idleMs) {
    win.clearTimeout(idleTimer);
    idleTimer = win.setTimeout(checkIdle, delay);
  }

  // Checked when the idle delay may be over: activity only notes the time (scrolling sends many
  // events), so the timer is set again for what is left.
  function checkIdle() {
    const idle = win.performance.now() - lastActivity;
    if (idle < idleMs) {
      armIdle(idleMs - idle);
    } else if (hasSession()) {
      startCountdown();
    } else {
      lastActivity = win.performance.now();
      armIdle();
    }
  }

  function countText(remaining) {
    return plural(remaining) === 'one'
      ? t('kiosk_countdown_one', { seconds: remaining })
      : t('kiosk_countdown_other', { seconds: remaining });
  }

  // "1 seconde" but "2 secondes", in the app's language.
  function plural(number) {
    try {
      return new Intl.PluralRules(root.closest('[lang]')?.getAttribute('lang') || doc.documentElement.lang || undefined).select(number);
    } catch {
      return number === 1 ? 'one' : 'other';
    }
  }

  function startCountdown() {
    deadline = win.performance.now() + countdownMs;
    shownCount = null;
    spoken.textContent = '';
    tick();
    if (!dialog.open) dialog.showModal();
    stay.focus();
    tickTimer = win.setInterval(tick, 250);
  }

  function tick() {
    const remaining = Math.ceil((deadline - win.performance.now()) / 1000);
    if (remaining <= 0) {
      wipe();
      return;
    }
    if (remaining === shownCount) return;
    shownCount = remaining;
    count.textContent = countText(remaining);
    // The first value is read with the dialog when it opens; later ones now and then.
    if (remaining % ANNOUNCE_EVERY === 0 && remaining * 1000 < countdownMs) spoken.textContent = countText(remaining);
  }

  function stopCountdown() {
    win.clearInterval(tickTimer);
    tickTimer = 0;
    deadline = 0;
    if (dialog.open) dialog.close();
  }

  function wipe() {
    stopCountdown();
    lastActivity = win.performance.now();
    armIdle();
    onWipe();
  }

  function onActivity(event) {
    // The dialog's own buttons act on click; a touch anywhere else (its backdrop too) is someone
    // coming back.
    if (event.target instanceof Element && event.target.closest('.kiosk-countdown button')) return;
    lastActivity = win.performance.now();
    if (counting()) {
      stopCountdown();
      armIdle();
    }
  }

  function onScroll() {
    lastActivity = win.performance.now();
  }

  // Back to this page from the browser's back-forward cache: whoever comes back is not the person
  // who left, so nothing of theirs shows.
  function onPageShow(event) {
    if (event.persisted) wipe();
  }

  function onCancel(event) {
    // Escape means "I am here", not "close and forget".
    event.preventDefault();
    onActivity(event);
  }

  stay.addEventListener('click', () => {
    lastActivity = win.performance.now();
    stopCountdown();
    armIdle();
  });
  wipeNow.addEventListener('click', wipe);
  finish.addEventListener('click', wipe);
  dialog.addEventListener('cancel', onCancel);
  for (const type of ACTIVITY) doc.addEventListener(type, onActivity, { capture: true, passive: true });
  win.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('pageshow', onPageShow);
  armIdle();

  return {
    refresh(newTexts) {
      if (newTexts) t = newTexts;
      writeTexts();
    },
    destroy() {
      win.clearTimeout(idleTimer);
      win.clearInterval(tickTimer);
      idleTimer = 0;
      tickTimer = 0;
      deadline = 0;
      for (const type of ACTIVITY) doc.removeEventListener(type, onActivity, { capture: true });
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('pageshow', onPageShow);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      bar.remove();
      dialog.remove();
    },
  };
}
