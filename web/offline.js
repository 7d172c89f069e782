// The public page's offline mode: registers sw.js (the build's files cached after a first visit).

/**
 * Registers the service worker beside this file, on http(s) only (not from file://, where the
 * standalone page is used instead). A refusal (private mode, blocked by the browser) is not an
 * error: the page works online as before.
 */
export function registerOfflineWorker() {
  if (!/^https?:$/.test(window.location.protocol) || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch(() => {});
}
