// Shared by the browser tests: the built page (dist/) served by scripts/serve.mjs with the strict
// CSP, Debian's Chromium driven by playwright-core, a page fixture that records everything the
// page does over the network and every error, and helpers that drive the page through its stable
// hooks only (PRODUCT.md §6, docs/page.md).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = process.env.PDP_DIST_DIR ?? join(repoRoot, 'dist');
export const screenshotDir = join(repoRoot, 'build', 'artifacts', 'screenshots');
export const STORAGE_KEY = 'pdp-autodiagnostic:v1';

// How Debian's Chromium is launched (TOOLCHAIN.md, "Browser tests").
export const CHROMIUM_EXECUTABLE = process.env.PDP_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Short waits: the page answers in milliseconds, a hook that is not there should fail fast.
const ACTION_TIMEOUT_MS = 10_000;
const NAVIGATION_TIMEOUT_MS = 15_000;

/** The personas of tests/scenarios/*.json, each with its file name. */
export function loadPersonas() {
  const folder = join(repoRoot, 'tests', 'scenarios');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(join(folder, file), 'utf8')) }));
}

/**
 * The fewest personas that, together, show every result, outcome, item, criterion status, point to
 * check and answer the personas show (greedy cover, in a fixed order): for the checks of the page's
 * form (reflow, colours, a second language) that every persona would only repeat.
 */
export function coveringPersonas(personas = loadPersonas()) {
  const features = (persona) => {
    const { expect } = persona;
    const found = new Set([`eligibility:${expect.eligibility}`, `outcome:${expect.outcome ?? expect.eligibility}`]);
    for (const key of ['programmes', 'measures', 'actors', 'channels', 'next_steps']) {
      for (const id of expect[key] ?? []) found.add(`${key}:${id}`);
    }
    for (const [id, status] of Object.entries(expect.criteria ?? {})) found.add(`criterion:${id}=${status}`);
    for (const entry of expect.to_check ?? []) found.add(`to_check:${JSON.stringify(entry)}`);
    for (const step of persona.steps) {
      for (const value of [step.answer].flat()) found.add(`answer:${step.question}=${value}`);
    }
    return found;
  };
  const left = new Set(personas.flatMap((persona) => [...features(persona)]));
  const chosen = [];
  while (left.size > 0) {
    let best = null;
    let gain = 0;
    for (const persona of personas) {
      const added = [...features(persona)].filter((feature) => left.has(feature)).length;
      if (added > gain) [best, gain] = [persona, added];
    }
    chosen.push(best);
    for (const feature of features(best)) left.delete(feature);
  }
  return personas.filter((persona) => chosen.includes(persona));
}

export function loadPersona(file) {
  const persona = loadPersonas().find((p) => p.file === file);
  assert.ok(persona, `no persona tests/scenarios/${file}`);
  return persona;
}

/** Fails (never skips) when the page has not been built. */
export function assertPageBuilt() {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `${join(distDir, 'index.html')} is missing: the browser tests run against the built page. ` +
        'Run ./build-wasm.sh first, then node --test tests/browser/',
    );
  }
}

/**
 * Registers before/after hooks for the calling test file: the server over dist/ on a free port and
 * one Chromium for the whole file. Returns an object whose `server` and `browser` are set once the
 * `before` hook has run. Without a built page every test fails (in openPage) saying so.
 */
export function useBrowser() {
  const env = { server: null, browser: null, origin: null, url: null, notBuilt: null };
  before(async () => {
    try {
      assertPageBuilt();
    } catch (error) {
      env.notBuilt = error;
      return;
    }
    const [server, browser] = await Promise.all([
      startServer({ root: distDir, port: 0 }),
      chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS }),
    ]);
    env.server = server;
    env.browser = browser;
    env.url = server.url;
    env.origin = new URL(server.url).origin;
  });
  after(async () => {
    await Promise.all([env.browser?.close(), env.server?.close()]);
  });
  return env;
}

// Runs in the page before any of its scripts (CDP injection: not subject to the page's CSP).
// Reports CSP violations to the test, and when asked fixes the calendar day the page sees (the
// personas were written for a given date; the clock keeps running from noon UTC that day).
function pageInitScript({ fixedNow, reportBinding }) {
  if (fixedNow !== null) {
    const RealDate = Date;
    const offset = fixedNow - RealDate.now();
    const FakeDate = function Date(...args) {
      if (!new.target) return new RealDate(RealDate.now() + offset).toString();
      return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
    };
    FakeDate.prototype = RealDate.prototype;
    FakeDate.now = () => RealDate.now() + offset;
    FakeDate.parse = RealDate.parse;
    FakeDate.UTC = RealDate.UTC;
    Object.defineProperty(globalThis, 'Date', { value: FakeDate, writable: true, configurable: true });
  }
  globalThis.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const report = globalThis[reportBinding];
      if (typeof report === 'function') {
        report({
          directive: event.effectiveDirective || event.violatedDirective,
          blockedURI: event.blockedURI,
          sourceFile: event.sourceFile,
          line: event.lineNumber,
          sample: event.sample,
        });
      }
    },
    true,
  );
}

const REPORT_BINDING = '__pdpTestReportCspViolation';

/**
 * A fresh browser context and page (own sessionStorage) recording:
 * - `requests`: every request {method, url, resourceType};
 * - `failures`: requests that failed or got a status >= 400;
 * - `pageErrors`: uncaught exceptions; `consoleErrors`: console.error messages;
 * - `cspViolations`: `securitypolicyviolation` events and console messages about the CSP.
 * Options: `date` ('YYYY-MM-DD', the device's day), `viewport`, `serviceWorkers` ('block' by
 * default; 'allow' for the offline tests), `deviceScaleFactor` (2 with a 640 px viewport: a
 * 1280 px window at 200 % zoom).
 */
export async function openPage(
  env,
  { date = null, viewport = { width: 375, height: 812 }, serviceWorkers = 'block', deviceScaleFactor = 1 } = {},
) {
  if (env.notBuilt) throw env.notBuilt;
  const context = await env.browser.newContext({
    viewport,
    deviceScaleFactor,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    reducedMotion: 'reduce',
    serviceWorkers,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  const records = { requests: [], pageErrors: [], consoleErrors: [], cspViolations: [] };
  await context.exposeBinding(REPORT_BINDING, (_source, violation) => {
    records.cspViolations.push(violation);
  });
  const fixedNow = date === null ? null : Date.parse(`${date}T12:00:00Z`);
  assert.ok(date === null || Number.isFinite(fixedNow), `bad date ${date}`);
  await context.addInitScript(pageInitScript, { fixedNow, reportBinding: REPORT_BINDING });

  const inFlight = new Set();
  // A document the test leaves (goto, reload) aborts what it still fetches, e.g. the engine's
  // worker script when the intro is drawn before the engine is ready: the test's doing, not the
  // page's. Each request keeps the count of documents committed when it was issued; an abort is a
  // failure unless another document has been committed since (judged when asserting, since
  // Playwright may report the abort before the commit). A page that aborts its own fetch still fails.
  let documents = 0;
  const issuedIn = new WeakMap();
  const failures = [];
  const aborts = [];
  context.on('request', (request) => {
    inFlight.add(request);
    issuedIn.set(request, documents);
    records.requests.push({ method: request.method(), url: request.url(), resourceType: request.resourceType() });
  });
  context.on('requestfinished', (request) => inFlight.delete(request));
  context.on('requestfailed', (request) => {
    inFlight.delete(request);
    const failure = `${request.method()} ${request.url()}: ${request.failure()?.errorText}`;
    if (request.failure()?.errorText === 'net::ERR_ABORTED') aborts.push({ failure, document: issuedIn.get(request) });
    else failures.push(failure);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  Object.defineProperty(records, 'failures', {
    get: () => [...failures, ...aborts.filter((abort) => abort.document === documents).map((abort) => abort.failure)],
  });
  const page = await context.newPage();
  // A new document is a navigation request of the main frame, then its commit; a change of hash or
  // history state commits without a request and is the same document.
  let documentRequested = false;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documentRequested = true;
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || !documentRequested) return;
    documentRequested = false;
    documents += 1;
  });
  page.on('pageerror', (error) => records.pageErrors.push(String(error?.stack ?? error)));
  page.on('console', (message) => {
    const text = message.text();
    if (/content security policy/i.test(text)) records.cspViolations.push({ console: text });
    if (message.type() === 'error') {
      const where = message.location()?.url ? ` (${message.location().url}:${message.location().lineNumber})` : '';
      records.consoleErrors.push(`${text}${where}`);
    }
  });

  return {
    context,
    page,
    records,
    close: () => context.close(),
    /** Loads the page (with an optional query string, e.g. '?lang=fr') and waits for a screen. */
    async open(query = '') {
      await page.goto(new URL(query, env.url).href);
      await currentScreen(page);
    },
    /**
     * Waits until no request has been in flight for `quietMs` (what the screen fetched, e.g. the
     * result's chunk, has arrived). Playwright's 'networkidle' cannot: once a page reached it,
     * waiting for it returns at once.
     */
    async settled(quietMs = 300, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let quietSince = null;
      while (Date.now() < deadline) {
        if (inFlight.size > 0) quietSince = null;
        else if ((quietSince ??= Date.now()) + quietMs <= Date.now()) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`requests still in flight: ${[...inFlight].map((r) => r.url()).join(', ')}`);
    },
    /** Every request was a GET to the server's own origin; no error of any kind. */
    assertClean(what = 'the page') {
      const foreign = records.requests.filter(
        (r) => r.method !== 'GET' || new URL(r.url).origin !== env.origin,
      );
      assert.deepEqual(foreign, [], `${what}: requests other than GETs to ${env.origin}`);
      assert.deepEqual(records.failures, [], `${what}: failed requests`);
      assert.deepEqual(records.pageErrors, [], `${what}: page errors`);
      assert.deepEqual(records.consoleErrors, [], `${what}: console errors`);
      assert.deepEqual(records.cspViolations, [], `${what}: CSP violations`);
    },
  };
}

/** Holds the page's requests matching `pattern` back until the `release()` it returns is called. */
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

// ---------------------------------------------------------------------------------------------
// Reading the page through its hooks.

/** What the page shows now: {screen, question, eligibility, heading, alert}. */
export async function describeScreen(page) {
  return page.evaluate(() => {
    // The public page, or the embedded element's shadow root (embed-example.html).
    const app = document.querySelector('#app') ?? document.querySelector('pdp-autodiagnostic')?.shadowRoot ?? document.body;
    const visible = (el) => !!el && el.getClientRects().length > 0;
    const screens = [...app.querySelectorAll('[data-screen]')].filter(visible);
    const screen = screens[0];
    const question = [...app.querySelectorAll('[data-question]')].find(visible);
    const heading = screen?.querySelector('h1, h2');
    const alert = app.querySelector('[role="alert"]');
    return {
      screens: screens.map((s) => s.getAttribute('data-screen')),
      question: question?.getAttribute('data-question') ?? null,
      eligibility: app.querySelector('[data-eligibility]')?.getAttribute('data-eligibility') ?? null,
      heading: heading?.textContent.trim().replace(/\s+/g, ' ') ?? null,
      alert: alert?.textContent.trim().replace(/\s+/g, ' ').slice(0, 300) || null,
    };
  });
}

/** Waits until some screen is shown and returns its description. */
export async function currentScreen(page) {
  await page.locator('[data-screen]').first().waitFor({ state: 'visible' });
  return describeScreen(page);
}

/** Waits for the screen `name` (intro, question, recap, result, error); fails with what is shown. */
export async function expectScreen(page, name) {
  try {
    await page.locator(`[data-screen="${name}"]`).waitFor({ state: 'visible' });
  } catch {
    assert.fail(`expected the ${name} screen, the page shows ${JSON.stringify(await describeScreen(page))}`);
  }
  return page.locator(`[data-screen="${name}"]`);
}

/** Waits for the question `id` to be the one shown; fails with what is shown instead. */
export async function expectQuestion(page, id) {
  const question = page.locator(`[data-question="${id}"]`);
  try {
    await question.waitFor({ state: 'visible' });
  } catch {
    assert.fail(`expected question ${id}, the page shows ${JSON.stringify(await describeScreen(page))}`);
  }
  const shown = await describeScreen(page);
  assert.equal(shown.question, id, `only question ${id} should be shown: ${JSON.stringify(shown)}`);
  return question;
}

/** The `value`s of the inputs checked in question `id`, sorted. */
export async function checkedValues(page, id) {
  return (
    await page
      .locator(`[data-question="${id}"] input:checked`)
      .evaluateAll((inputs) => inputs.map((input) => input.value))
  ).sort();
}

/** The answer as the inputs' `value`s: JSON text for booleans, option ids, one per multi option. */
export function answerValues(answer) {
  return (Array.isArray(answer) ? answer : [answer]).map((value) =>
    typeof value === 'string' ? value : JSON.stringify(value),
  );
}

/** The ids carried by `attribute` (data-measure, data-actor…) inside the result, deduplicated. */
export async function idsShown(page, attribute, within = '[data-screen="result"]') {
  const ids = await page
    .locator(`${within} [${attribute}]`)
    .evaluateAll((elements, name) => elements.map((el) => el.getAttribute(name)), attribute);
  return [...new Set(ids)].sort();
}

// ---------------------------------------------------------------------------------------------
// Acting through the hooks.

/** Clicks the visible `[data-action=action]` of the current screen. */
export async function clickAction(page, action) {
  const button = page.locator(`[data-action="${action}"]`).filter({ visible: true }).first();
  try {
    await button.waitFor({ state: 'visible' });
  } catch {
    assert.fail(`no visible [data-action="${action}"]; the page shows ${JSON.stringify(await describeScreen(page))}`);
  }
  await button.click();
}

/** Selects `answer` in question `id` (which must be the one shown) without going on. */
export async function selectAnswer(page, id, answer) {
  const question = await expectQuestion(page, id);
  const values = answerValues(answer);
  const inputs = question.locator('input');
  const available = await inputs.evaluateAll((all) => all.map((input) => input.value));
  for (const value of values) {
    assert.ok(available.includes(value), `question ${id} has no input value="${value}" (it has ${available.join(', ')})`);
  }
  // A multi answer replaces what was checked before (a resumed or edited answer).
  for (const input of await question.locator('input[type="checkbox"]:checked').all()) {
    if (!values.includes(await input.getAttribute('value'))) await input.uncheck();
  }
  for (const value of values) await question.locator(`input[value="${value}"]`).check();
  assert.deepEqual(await checkedValues(page, id), [...values].sort(), `question ${id}: checked inputs after answering`);
}

/** Answers question `id` (which must be the one shown) and clicks Next. */
export async function answerQuestion(page, id, answer) {
  await selectAnswer(page, id, answer);
  await page.locator(`[data-question="${id}"]`).locator('[data-action="next"]').or(
    page.locator('[data-screen="question"] [data-action="next"]'),
  ).first().click();
}

/** From the intro: Next, then each step of the persona (asserting the question asked). */
export async function walkPersona(page, persona, { steps = persona.steps } = {}) {
  await expectScreen(page, 'intro');
  await clickAction(page, 'next');
  for (const [index, step] of steps.entries()) {
    try {
      await answerQuestion(page, step.question, step.answer);
    } catch (error) {
      error.message = `${persona.file}, step ${index + 1} (${step.question}): ${error.message}`;
      throw error;
    }
  }
}

/** Walks the whole persona, checks the recap appears, goes on to the result. */
export async function completePersona(page, persona) {
  await walkPersona(page, persona);
  await expectScreen(page, 'recap');
  await clickAction(page, 'next');
  return expectScreen(page, 'result');
}

/** The state stored in sessionStorage (parsed), or null. */
export async function storedState(page) {
  const text = await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY);
  return text === null ? null : JSON.parse(text);
}

export function ensureScreenshotDir() {
  mkdirSync(screenshotDir, { recursive: true });
  return screenshotDir;
}
