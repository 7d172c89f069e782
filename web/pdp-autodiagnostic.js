// The tool as one tag for a host site: <pdp-autodiagnostic lang="fr"> runs the questionnaire in an
// open shadow root (no style crosses it either way) and tells the host only event names.
import { startApp } from './app.js';
import { kioskFlag, kioskSettings } from './kiosk-settings.js';
import { memoryStore } from './storage.js';

// The build (scripts/build-dist.mjs) bundles this file with esbuild and defines PDP_INTEGRITY as
// the sha384 of styles.css, pdp-core.wasm and the rules files: the one integrity hash a host puts on
// this script then covers every file the tool uses. Unbundled (development) it is not defined.
/* global PDP_INTEGRITY */
const INTEGRITY = typeof PDP_INTEGRITY === 'undefined' ? {} : PDP_INTEGRITY;

/** The events dispatched on the element: a name each, never any detail (docs/embedding.md). */
export const EVENTS = Object.freeze(['ready', 'started', 'finished', 'restarted', 'error']);

const here = (file) => new URL(file, import.meta.url);

// Fetches one of the tool's files, checked against its build hash when there is one (a changed
// file fails the fetch instead of running).
async function fetchChecked(file) {
  const reply = await fetch(here(file), {
    credentials: 'same-origin',
    ...(INTEGRITY[file] ? { integrity: INTEGRITY[file] } : {}),
  });
  if (!reply.ok) throw new Error(`${file}: HTTP ${reply.status}`);
  return reply;
}

// The wasm and the rules, fetched and checked here and handed to the engine (which would fetch
// them unchecked otherwise); called again on each new try. A failure shows the load error.
async function checkedFiles() {
  const [wasm, rules] = await Promise.all([fetchChecked('pdp-core.wasm'), fetchChecked('rules.json')]);
  return {
    base: here('.'),
    wasmBinary: new Uint8Array(await wasm.arrayBuffer()),
    rules: await rules.text(),
    readRules: (file) => fetchChecked(file).then((reply) => reply.text()),  // another language's texts
  };
}

class PdpAutodiagnostic extends HTMLElement {
  static observedAttributes = ['lang', 'locale', 'kiosk', 'kiosk-idle', 'kiosk-countdown'];

  #app = null;
  #root = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    // Both sheets at once (the public page adds the second later: later-styles.js).
    const stylesheets = ['styles.css', 'styles-later.css'].map((file) => {
      const stylesheet = document.createElement('link');
      stylesheet.rel = 'stylesheet';
      stylesheet.href = here(file).href;
      if (INTEGRITY[file]) stylesheet.integrity = INTEGRITY[file];
      return stylesheet;
    });
    this.#root = document.createElement('div');
    this.#root.className = 'app';
    // Hidden until the stylesheets have loaded, so the tool never shows unstyled.
    this.#root.hidden = true;
    let waiting = stylesheets.length;
    const shown = () => {
      waiting -= 1;
      if (waiting === 0) this.#root.hidden = false;
    };
    for (const stylesheet of stylesheets) {
      stylesheet.addEventListener('load', shown, { once: true });
      stylesheet.addEventListener('error', shown, { once: true });
    }
    shadow.append(...stylesheets, this.#root);
  }

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#app?.destroy();
    this.#app = null;
  }

  attributeChangedCallback(name, previous, value) {
    // A new language or mode while shown: start again in it (the answers are in memory only).
    if (this.#app && previous !== value) {
      this.#app.destroy();
      this.#app = null;
      this.#start();
    }
  }

  /** Erases the answers and shows the first screen. */
  restart() {
    return this.#app?.restart();
  }

  #start() {
    if (this.#app || !this.isConnected) return;
    this.#app = startApp({
      root: this.#root,
      // Nothing kept in the host origin's storage, which the host's own scripts can read.
      store: memoryStore(),
      locale: this.getAttribute('locale') ?? this.getAttribute('lang'),
      ownsDocument: false,
      // kiosk, kiosk="" or kiosk="1": kiosk mode (docs/kiosk.md); kiosk="false" or absent: not.
      // kiosk-idle and kiosk-countdown, in seconds, as the public page's idle= and countdown=.
      kiosk: kioskFlag(this.getAttribute('kiosk'))
        ? kioskSettings({
            idleSeconds: this.getAttribute('kiosk-idle') ?? undefined,
            countdownSeconds: this.getAttribute('kiosk-countdown') ?? undefined,
          })
        : null,
      emit: (name) => {
        if (EVENTS.includes(name)) this.dispatchEvent(new CustomEvent(`pdp:${name}`, { bubbles: true, composed: true }));
      },
      loadError: () => this.#loadErrorScreen(),
      engineOptions: checkedFiles,
    });
  }

  // Shown when the engine or the rules cannot load: the ui texts are not available then, so the
  // words come from the host page, in its language: a <template data-pdp-load-error> child (with
  // data-error-code, data-action="retry"), else the element's own light DOM children (the host's
  // fallback text, which is also what shows before the script runs).
  #loadErrorScreen() {
    const template = this.querySelector(':scope > template[data-pdp-load-error]');
    const screen = template?.content.firstElementChild?.cloneNode(true);
    if (screen) return screen;
    const fallback = document.createElement('section');
    fallback.className = 'screen screen--error';
    fallback.setAttribute('data-screen', 'error');
    fallback.setAttribute('role', 'alert');
    fallback.append(document.createElement('slot'));
    return fallback;
  }
}

if (!customElements.get('pdp-autodiagnostic')) customElements.define('pdp-autodiagnostic', PdpAutodiagnostic);
