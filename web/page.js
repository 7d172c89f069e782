// What the public page and standalone.html share: the questionnaire in <main id="app">, its
// language from ?lang=, its answers in sessionStorage (in memory only with ?kiosk, and idle=,
// countdown= in seconds: docs/kiosk.md), the load-error screen from index.html's <template>.
import { startApp } from './app.js';
import { kioskFromAddress } from './kiosk-settings.js';
import { sessionStore } from './storage.js';

/** Starts the app on this page; `options` adds to or overrides startApp's (emit, engineOptions). */
export function startPage(options = {}) {
  const template = document.getElementById('load-error');
  return startApp({
    root: document.getElementById('app'),
    store: sessionStore(),
    locale: new URLSearchParams(window.location.search).get('lang'),
    ownsDocument: true,
    kiosk: kioskFromAddress(window.location.search),
    loadError: () => template.content.firstElementChild.cloneNode(true),
    ...options,
  });
}
