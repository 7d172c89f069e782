// The entry of dist/standalone.html, one file that runs from file:// with no network: the wasm and
// the rules come from data blocks inlined in the page by scripts/build-dist.mjs, not from fetch.
import { startApp } from './app.js';
import { kioskFromAddress } from './kiosk.js';
import { sessionStore } from './storage.js';

// base64 → bytes (the wasm is inlined as base64 text: an HTML file holds text only).
function decodeBase64(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

// Read when the engine loads (a missing block then shows the load-error screen, not a crash).
async function inlinedFiles() {
  const wasm = document.getElementById('pdp-wasm')?.textContent;
  const rules = document.getElementById('pdp-rules')?.textContent;
  if (!wasm || !rules) throw new Error('the inlined engine or rules are missing from this file');
  return { wasmBinary: decodeBase64(wasm), rules };
}

const template = document.getElementById('load-error');

startApp({
  root: document.getElementById('app'),
  // As on the public page; in kiosk mode the app keeps the answers in memory only.
  store: sessionStore(),
  locale: new URLSearchParams(window.location.search).get('lang'),
  ownsDocument: true,
  // ?kiosk (and idle=, countdown=): a reception-area device (docs/kiosk.md).
  kiosk: kioskFromAddress(window.location.search),
  loadError: () => template.content.firstElementChild.cloneNode(true),
  engineOptions: inlinedFiles,
});
