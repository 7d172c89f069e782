// The public page: the questionnaire in <main id="app">, its language from ?lang=, its answers in
// sessionStorage (in memory only with ?kiosk); offline after a first visit; framed by a host, it
// tells the host event names.
import { startApp } from './app.js';
import { kioskFromAddress } from './kiosk.js';
import { parentRelay } from './frame-relay.js';
import { registerOfflineWorker } from './offline.js';
import { sessionStore } from './storage.js';

const template = document.getElementById('load-error');

startApp({
  root: document.getElementById('app'),
  store: sessionStore(),
  locale: new URLSearchParams(window.location.search).get('lang'),
  ownsDocument: true,
  emit: parentRelay(window),
  // ?kiosk (and idle=, countdown= in seconds): kiosk mode, nothing kept anywhere (docs/kiosk.md).
  kiosk: kioskFromAddress(window.location.search),
  loadError: () => template.content.firstElementChild.cloneNode(true),
});

registerOfflineWorker();
