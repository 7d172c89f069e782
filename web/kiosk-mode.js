// The kiosk's part of an app (docs/kiosk.md): the watcher and its "Terminer et effacer" bar
// (kiosk.js), the summary as a QR code on the result, the kiosk's own privacy notice, and the
// language and address the kiosk started in, which every wipe goes back to.
import { startKiosk } from './kiosk.js';
import { QR_MAX_BYTES } from './qr.js';

/**
 * @param {object} options
 * @param {Element} options.root the app's root
 * @param {{idleSeconds: number, countdownSeconds: number}} options.settings
 * @param {() => import('./texts.js').Texts} options.texts the app's texts now
 * @param {() => boolean} options.hasSession whether there is anything to wipe
 * @param {() => void} options.onWipe erases everything
 */
export async function startKioskMode({ root, settings, texts, hasSession, onWipe }) {
  // The kiosk's own language and address: the next person starts in them.
  const start = { locale: texts().locale, address: root.ownerDocument.defaultView.location.href };
  let qrcode = null;
  try {
    qrcode = (await import('./vendor/qrcode.mjs')).default;
  } catch (error) {
    // The kiosk works without its QR code; the trace says why it is missing.
    console.error(error);
  }
  const watcher = startKiosk({ root, settings, hasSession, onWipe, t: texts() });
  return {
    start,
    // On a kiosk the device is not the person's: the core's privacy notice gives way to the kiosk's.
    response(response) {
      if (!response) return response;
      const t = texts();
      return { ...response, notices: { ...(response.notices ?? {}), privacy: t('kiosk_privacy') } };
    },
    // The summary as a QR code; without it (encoder not loaded, text too long) the result still shows.
    takeAway(response, { renderTakeAway, summaryText }) {
      if (!qrcode) return null;
      const t = texts();
      try {
        return renderTakeAway({ text: summaryText(response, t, QR_MAX_BYTES), qrcode, t });
      } catch (error) {
        console.error(error);
        return null;
      }
    },
    /** The texts again, in the language now chosen. */
    refresh: () => watcher.refresh(texts()),
    destroy: () => watcher.destroy(),
  };
}
