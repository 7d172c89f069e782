// What the public page and standalone.html share: the questionnaire in <main id="app">, its
// language from ?lang=, its answers in sessionStorage (in memory only with ?kiosk, and idle=,
// countdown= in seconds: docs/kiosk.md), the load-error screen from index.html's <template>.
// index.html's static first screens (the opening's intro and first question, which work before any
// script, and the ways to ask without the questionnaire) stay in view until the app draws its own,
// on the question if the person has opened it, with what they chose; the ways to ask go on the load-error
// screen too; and where WebAssembly cannot run, the static screen is all the page shows. The
// build's opening (opening.js) lets the app draw its intro and first question before its engine
// has started: main.js and standalone.js hand it over from the rules they read.
import { startApp } from './app.js';
import { kioskFromAddress } from './kiosk-settings.js';
import { sessionStore } from './storage.js';

// The smallest module there is (its magic number and version): a browser that cannot compile it
// cannot run the questionnaire, whatever the reason (WebAssembly turned off by a policy or a
// lockdown mode, or missing). Compiled at once: 8 bytes, no download.
const EMPTY_MODULE = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);

export function canRunWebAssembly() {
  try {
    return new WebAssembly.Module(EMPTY_MODULE) instanceof WebAssembly.Module;
  } catch {
    return false;
  }
}

/**
 * Starts the app on this page; `options` adds to or overrides startApp's (emit, engineOptions,
 * opening).
 * Returns the app, or null when this browser cannot run it (the static screen says so).
 */
export function startPage(options = {}) {
  const root = document.getElementById('app');
  const staticIntro = root.querySelector('[data-static-intro]');
  const template = document.getElementById('load-error');
  if (!canRunWebAssembly()) {
    // No error code to show: one sentence, and what the person can do instead.
    staticIntro?.classList.add('static-intro--stays');
    staticIntro?.querySelector('[data-static-reason="no-wasm"]')?.removeAttribute('hidden');
    options.emit?.('error');
    return null;
  }
  const waysToAsk = staticIntro?.querySelector('[data-ways-to-ask]') ?? null;
  // The ways to the legal notice and the personal data page (static pages: no texts needed).
  const staticLinks = staticIntro?.querySelector('[data-static-links]') ?? null;
  return startApp({
    root,
    store: sessionStore(),
    locale: new URLSearchParams(window.location.search).get('lang'),
    ownsDocument: true,
    kiosk: kioskFromAddress(window.location.search),
    placeholder: staticIntro,
    // Opened by its Start link before the app was there: the app starts on it.
    staticQuestion: () => staticIntro?.querySelector('[data-static-question]:target') ?? null,
    loadError: () => {
      const screen = template.content.firstElementChild.cloneNode(true);
      if (waysToAsk) screen.append(waysToAsk.cloneNode(true));
      if (staticLinks) screen.append(staticLinks.cloneNode(true));
      return screen;
    },
    ...options,
  });
}
