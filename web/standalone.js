// The entry of dist/standalone.html, one file that runs from file:// with no network: the wasm and
// the rules come from data blocks inlined in the page by scripts/build-dist.mjs, not from fetch.
import { inlineTextToBytes } from './inlined-bytes.js';
import { openingOf } from './opening.js';
import { startPage } from './page.js';

// Read when the engine loads (a missing block then shows the load-error screen, not a crash).
async function inlinedFiles() {
  const wasm = document.getElementById('pdp-wasm')?.textContent;
  const rules = document.getElementById('pdp-rules')?.textContent;
  if (!wasm || !rules) throw new Error('the inlined engine or rules are missing from this file');
  return { wasmBinary: inlineTextToBytes(wasm), rules, readRules: inlinedLanguage };
}

// A language's own texts (rules.<code>.json), inlined in the block "pdp-rules-<code>"; the texts of
// the pages beside the flow (asides.<code>.json), in "pdp-asides-<code>".
async function inlinedLanguage(file) {
  const [, kind, code] = /^(rules|asides)\.([a-z]{2})\.json$/.exec(file) ?? [];
  const text = code ? document.getElementById(`pdp-${kind}-${code}`)?.textContent : null;
  if (!text) throw new Error(`${file} is not inlined in this file`);
  return text;
}

// The intro and the first question while the engine compiles (opening.js).
startPage({ engineOptions: inlinedFiles, opening: openingOf(document.getElementById('pdp-rules')?.textContent ?? '') });
