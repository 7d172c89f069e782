// The built page in headless Chromium, served by scripts/serve.mjs with the strict CSP: which
// files it loads before the first question, their weight (raw, gzip, brotli), and the time from
// navigation to its first screen and first question, beside a static page of similar size.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/browser/support.mjs';
import { seededRandom } from './answer-sets.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

// Budgets, brotli (1 KB = 1000 bytes), held by tests/browser/size-budget.test.mjs: issue #15's own
// (80 KB before the first question, 45 KB the module with its glue, 100 KB standalone.html).
/** Everything index.html loads before the first question; and until its engine is ready. */
export const FIRST_QUESTION_BROTLI_BUDGET = 80_000;
/** The WebAssembly module and its JS glue, web/wasm-instance.js, minified as the page ships it. */
export const MODULE_BROTLI_BUDGET = 45_000;
/** standalone.html, the kiosk's one file. */
export const STANDALONE_BROTLI_BUDGET = 100_000;

/** Bytes of `data` raw, gzip -9 and brotli -q 11 (what a static host would send). */
export function weigh(data) {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
}

const START_TIMEOUT_MS = 30_000;

/**
 * The files (paths under `dist`) the page asks for from navigation until the first question is
 * drawn (the frame it appears in): the intro screen, a click on its start button, the first
 * question. With `untilEngine`, until its engine is ready too (it starts once the first question
 * is drawn, or after a moment on the intro: the module has arrived and nothing more is asked for
 * half a second).
 */
export async function filesBeforeFirstQuestion(dist, { browser, untilEngine = false } = {}) {
  const server = await startServer({ root: dist, port: 0 });
  const ownBrowser = browser ? null : await launchChromium();
  const context = await (browser ?? ownBrowser).newContext();
  try {
    await context.addInitScript(timingInitScript);
    const page = await context.newPage();
    const responses = [];
    const failed = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== new URL(server.url).origin) return;
      if (response.status() >= 400) failed.push(`${url.pathname} (${response.status()})`);
      else responses.push({ file: url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1)), response });
    });
    const files = () => new Set(responses.map((entry) => entry.file));
    await page.goto(server.url, { timeout: START_TIMEOUT_MS });
    await page.locator('[data-screen="intro"]').waitFor({ state: 'visible', timeout: START_TIMEOUT_MS });
    await page.locator('[data-screen="intro"] [data-action="next"]').click({ timeout: START_TIMEOUT_MS });
    await page.locator('[data-question]').first().waitFor({ state: 'visible', timeout: START_TIMEOUT_MS });
    // When the first question was drawn, in the browser's clock (ms since 1970, as request timings).
    const drawn = await page.evaluate(() => performance.timeOrigin + globalThis.__pdpBenchMarks.question);
    if (!untilEngine) {
      if (failed.length > 0) throw new Error(`the page failed to load ${failed.join(', ')}`);
      return [...new Set(responses.filter((entry) => entry.response.request().timing().startTime <= drawn).map((entry) => entry.file))].sort();
    }
    for (let waited = 0; !files().has('pdp-core.wasm'); waited += 100) {
      if (waited > START_TIMEOUT_MS) throw new Error('the engine did not start after the first question');
      await page.waitForTimeout(100);
    }
    let count;
    do {
      count = responses.length;
      await page.waitForTimeout(500);
    } while (responses.length !== count);
    if (failed.length > 0) throw new Error(`the page failed to load ${failed.join(', ')}`);
    return [...files()].sort();
  } finally {
    await context.close();
    await ownBrowser?.close();
    await server.close();
  }
}

/** Each file's weight and the total. */
export function weighFiles(dist, files) {
  const rows = files.map((file) => ({ file, ...weigh(readFileSync(join(dist, file))) }));
  const total = { file: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows) for (const key of ['raw', 'gzip', 'brotli']) total[key] += row[key];
  return { rows, total };
}

/**
 * The module's weight with its glue: pdp-core.wasm, and web/wasm-instance.js (the few lines that
 * start it, all the JavaScript it needs) minified as the page's bundle holds it.
 */
export function moduleWeight(dist) {
  const wasm = { file: 'pdp-core.wasm', ...weigh(readFileSync(join(dist, 'pdp-core.wasm'))) };
  const minified = transformSync(readFileSync(join(dist, 'wasm-instance.js'), 'utf8'), { format: 'esm', minify: true, legalComments: 'none' });
  const glue = { file: 'wasm-instance.js (minified)', ...weigh(Buffer.from(minified.code)) };
  return { wasm, glue, brotli: wasm.brotli + glue.brotli };
}

/** dist/standalone.html's weight, or null when it has not been built. */
export function standaloneWeight(dist) {
  const file = join(dist, 'standalone.html');
  return existsSync(file) ? { file: 'standalone.html', ...weigh(readFileSync(file)) } : null;
}

// ---------------------------------------------------------------------------------------------
// Start-up time.

// Runs in the page before its scripts (injected over CDP, not subject to the CSP): notes, in ms
// since navigation start (performance.now()), the frame in which the first screen and the first
// question are shown, whether index.html's static ones (data-static-screen, data-static-question:
// they work before the app, scripts/static-opening.mjs) or the app's own (data-screen,
// data-question); the frame in which the app's own first screen is drawn (from then on every
// button works); and when a click happens. Shown means laid out (a static question is in the
// HTML from the start, laid out but hidden until Start is clicked): checked on every change of
// the DOM and of the address's fragment, and after each click.
function timingInitScript() {
  const marks = {};
  globalThis.__pdpBenchMarks = marks;
  const shown = (selector) => [...document.querySelectorAll(selector)].some((element) =>
    element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && element.getBoundingClientRect().height > 0);
  const MARKS = {
    screen: '[data-screen], [data-static-screen]',
    question: '[data-question], [data-static-question]',
    app: '.screen-host > [data-screen]',
  };
  // In the next frame, not at once: before the page's render-blocking styles have arrived, a
  // layout would show what they hide, and no frame is drawn then.
  let pending = false;
  const check = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      for (const [name, selector] of Object.entries(MARKS)) {
        if (marks[name] === undefined && shown(selector)) marks[name] = performance.now();
      }
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  addEventListener('hashchange', check);
  document.addEventListener('click', () => {
    marks.click ??= performance.now();
    check();
  }, true);
}

async function waitForMark(page, name) {
  await page.waitForFunction((key) => globalThis.__pdpBenchMarks?.[key] !== undefined, name, {
    timeout: START_TIMEOUT_MS,
    polling: 'raf',
  });
  return page.evaluate((key) => globalThis.__pdpBenchMarks[key], name);
}

// Start on the intro shown: index.html's static link, or the app's button.
const START = '[data-static-screen="intro"] [data-static-start], [data-screen="intro"] [data-action="next"]';

// One load of the app: navigation → first screen; click on start → first question; and when the
// app's own first screen is drawn.
async function loadApp(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { timeout: START_TIMEOUT_MS, waitUntil: 'commit' });
    const screen = await waitForMark(page, 'screen');
    await page.locator(START).and(page.locator(':visible')).first().click({ timeout: START_TIMEOUT_MS });
    const question = await waitForMark(page, 'question');
    const click = await page.evaluate(() => globalThis.__pdpBenchMarks.click);
    const app = await waitForMark(page, 'app');
    return { screen, toQuestion: question - click, question: screen + (question - click), app };
  } finally {
    await page.close();
  }
}

// One load of the static baseline: navigation → its marked content shown.
async function loadBaseline(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { timeout: START_TIMEOUT_MS, waitUntil: 'commit' });
    return { screen: await waitForMark(page, 'screen') };
  } finally {
    await page.close();
  }
}

/**
 * A plain static page of `bytes` bytes (French words from the rules' texts in seeded order, in
 * paragraphs under headings), whose last element carries data-screen: "shown" means the whole
 * page parsed and drawn.
 */
export function staticBaselinePage(bytes) {
  const locale = readFileSync(join(repoRoot, 'rules', 'locales', 'fr.json'), 'utf8');
  const words = locale.match(/\p{L}{2,}/gu);
  const random = seededRandom(7);
  const head = '<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><meta name="viewport" ' +
    'content="width=device-width, initial-scale=1"><title>Page statique de référence</title></head>\n<body>\n';
  const tail = '<p data-screen="baseline">Fin.</p>\n</body>\n</html>\n';
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let section = 1; size < bytes; section += 1) {
    let block = `<h2>Partie ${section}</h2>\n<p>`;
    for (let n = 0; n < 120; n += 1) block += `${words[Math.floor(random() * words.length)]} `;
    block += '</p>\n';
    parts.push(block);
    size += Buffer.byteLength(block);
  }
  parts.push(tail);
  return Buffer.from(parts.join(''));
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), n: sorted.length };
}

/**
 * `loads` cold loads (each in a new browser context: empty HTTP and code caches) and `loads` warm
 * loads (new tabs in one context already primed by a first load) of the app and of a static page
 * of `baselineBytes`, interleaved so that the machine's noise falls on both alike. `dist` may be a
 * list of builds (e.g. before and after a change): each is loaded in turn, and the result is then
 * a list in the same order.
 */
export async function startupTimes(dist, { loads = 21, baselineBytes }) {
  const dists = Array.isArray(dist) ? dist : [dist];
  const baselineDir = mkdtempSync(join(tmpdir(), 'pdp-baseline-'));
  writeFileSync(join(baselineDir, 'index.html'), staticBaselinePage(baselineBytes));
  const [baseline, browser, ...apps] = await Promise.all([
    startServer({ root: baselineDir, port: 0 }),
    launchChromium(),
    ...dists.map((root) => startServer({ root, port: 0 })),
  ]);
  const samples = { cold: { apps: apps.map(() => []), baseline: [] }, warm: { apps: apps.map(() => []), baseline: [] } };
  const fresh = async (load) => {
    const context = await browser.newContext();
    await context.addInitScript(timingInitScript);
    try {
      return await load(context);
    } finally {
      await context.close();
    }
  };
  try {
    for (let n = 0; n < loads; n += 1) {
      for (const [i, app] of apps.entries()) {
        samples.cold.apps[i].push(await fresh((context) => loadApp(context, app.url)));
      }
      samples.cold.baseline.push(await fresh((context) => loadBaseline(context, baseline.url)));
    }
    const warmApps = await Promise.all(apps.map(() => browser.newContext()));
    const warmBaseline = await browser.newContext();
    for (const context of [...warmApps, warmBaseline]) await context.addInitScript(timingInitScript);
    for (const [i, app] of apps.entries()) await loadApp(warmApps[i], app.url);
    await loadBaseline(warmBaseline, baseline.url);
    for (let n = 0; n < loads; n += 1) {
      for (const [i, app] of apps.entries()) samples.warm.apps[i].push(await loadApp(warmApps[i], app.url));
      samples.warm.baseline.push(await loadBaseline(warmBaseline, baseline.url));
    }
  } finally {
    await browser.close();
    await Promise.all([baseline.close(), ...apps.map((app) => app.close())]);
    rmSync(baselineDir, { recursive: true, force: true });
  }
  const results = apps.map((_, i) => {
    const result = {};
    for (const cache of ['cold', 'warm']) {
      const appLoads = samples[cache].apps[i];
      result[cache] = {
        screen: summary(appLoads.map((s) => s.screen)),
        toQuestion: summary(appLoads.map((s) => s.toQuestion)),
        question: summary(appLoads.map((s) => s.question)),
        app: summary(appLoads.map((s) => s.app)),
        baseline: summary(samples[cache].baseline.map((s) => s.screen)),
      };
    }
    return result;
  });
  return Array.isArray(dist) ? results : results[0];
}
