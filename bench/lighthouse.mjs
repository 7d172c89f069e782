#!/usr/bin/env node
// Lighthouse on the built page (issue #16): dist/ served by scripts/serve.mjs as the public page is
// served (the strict CSP, the build's precompressed copies), audited in Debian's Chromium with
// Lighthouse's defaults (mobile emulation, simulated throttling). Prints the four category scores
// and every audit that did not pass.
//
//   node bench/lighthouse.mjs [--dist DIR] [--page index.html] [--runs N] [--json FILE]
//
// --runs N audits N times and reports the run of median performance (Lighthouse's own advice for
// a score that moves from run to run); every run's scores are printed. --json writes that run's
// whole report (Lighthouse's JSON). Exit code 1 when any score of the reported run is below 100.
// Nothing is built here: ./build-wasm.sh writes dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_EXECUTABLE } from '../tests/browser/support.mjs';
import { repoRoot } from './page-load.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

// Scores that are not pass or fail: shown for information only.
const NOT_SCORED = new Set(['informative', 'manual', 'notApplicable']);

// Chromium as the browser tests launch it, minus what Lighthouse needs to manage itself.
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'];

/** The audits of the four categories that did not pass: score below 1, or the audit failed to run. */
export function failedAudits(lhr) {
  const seen = new Set();
  const failed = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (seen.has(ref.id) || !audit) continue;
      seen.add(ref.id);
      if (audit.scoreDisplayMode === 'error' || (!NOT_SCORED.has(audit.scoreDisplayMode) && audit.score !== null && audit.score < 1)) {
        failed.push({
          category: id, id: ref.id, title: audit.title, score: audit.score, displayValue: audit.displayValue ?? '',
          weight: ref.weight, error: audit.errorMessage ?? null,
        });
      }
    }
  }
  return failed;
}

/** The four scores of a report, 0–100 (null for a category that could not be scored). */
export function scores(lhr) {
  return Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id].score === null ? null : Math.round(lhr.categories[id].score * 100)]));
}

/** One Lighthouse run on `url` in a fresh Chromium; resolves to the report (lhr). */
export async function audit(url) {
  const chrome = await launch({ chromePath: CHROMIUM_EXECUTABLE, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result?.lhr) throw new Error('Lighthouse returned no report');
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

function metricsLine(lhr) {
  return METRICS.map((id) => `${lhr.audits[id]?.title ?? id} ${lhr.audits[id]?.displayValue ?? '?'}`).join(', ');
}

function option(argv, name, fallback) {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  if (at + 1 >= argv.length) throw new Error(`${name} needs a value`);
  return argv[at + 1];
}

async function main(argv) {
  const known = new Set(['--dist', '--page', '--runs', '--json']);
  for (let i = 0; i < argv.length; i += 2) {
    if (!known.has(argv[i])) throw new Error(`unknown argument: ${argv[i]}\nusage: node bench/lighthouse.mjs [--dist DIR] [--page index.html] [--runs N] [--json FILE]`);
  }
  const dist = resolve(option(argv, '--dist', join(repoRoot, 'dist')));
  const page = option(argv, '--page', 'index.html');
  const runs = Number(option(argv, '--runs', '1'));
  const jsonFile = option(argv, '--json', null);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: a whole number, at least 1');
  if (!existsSync(join(dist, page))) {
    throw new Error(`${join(dist, page)} is missing: build the page first (./build-wasm.sh)`);
  }
  // The deployed page is built with its public address (docs/page.md, "The head"); without it the
  // canonical link is relative, which Lighthouse's SEO audit "canonical" fails.
  if (page === 'index.html' && /<link rel="canonical" href="\.\/">/.test(readFileSync(join(dist, page), 'utf8'))) {
    console.log('Note: index.html was built without PDP_PUBLIC_URL (a relative canonical link, which SEO\'s "canonical" audit fails);\n' +
      '      to audit the page as deployed: PDP_PUBLIC_URL=https://…/ ./build-wasm.sh');
  }
  const lighthouseVersion = (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version;
  const chromium = execFileSync(CHROMIUM_EXECUTABLE, ['--version'], { encoding: 'utf8' }).trim();
  const server = await startServer({ root: dist, port: 0 });
  const url = new URL(page === 'index.html' ? '' : page, server.url).href;
  console.log(`Lighthouse ${lighthouseVersion}, ${chromium}, Node ${process.version}; ${url} (${dist}), mobile, simulated throttling`);
  const reports = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const lhr = await audit(url);
      reports.push(lhr);
      const s = scores(lhr);
      // Lighthouse's measure of the machine's speed during the run: its CPU throttling multiplies
      // what it measures, so a slow or busy machine lengthens every task, and the blocking time.
      console.log(`run ${run}: ${CATEGORIES.map((id) => `${id} ${s[id]}`).join(', ')}; ${metricsLine(lhr)}; ` +
        `benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)}`);
      for (const warning of lhr.runWarnings ?? []) console.log(`  warning: ${warning.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
  } finally {
    await server.close();
  }
  // The run of median performance (Lighthouse's advice for a varying score).
  const sorted = [...reports].sort((a, b) => a.categories.performance.score - b.categories.performance.score);
  const lhr = sorted[Math.floor((sorted.length - 1) / 2)];
  const s = scores(lhr);
  console.log(runs > 1 ? `\nThe run of median performance (of ${runs}):` : '');
  for (const id of CATEGORIES) console.log(`  ${lhr.categories[id].title.padEnd(15)} ${String(s[id]).padStart(3)}`);
  const failed = failedAudits(lhr);
  if (failed.length === 0) console.log('No audit failed.');
  else {
    console.log(`Audits that did not pass (${failed.length}):`);
    for (const f of failed) {
      const score = f.score === null ? 'error' : f.score.toFixed(2);
      console.log(`  [${f.category}] ${f.id}: ${f.title}: score ${score}${f.displayValue ? `, ${f.displayValue}` : ''}${f.error ? ` (${f.error})` : ''}`);
    }
  }
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(lhr, null, 2));
    console.log(`Report written to ${jsonFile}`);
  }
  return CATEGORIES.every((id) => s[id] === 100) ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`lighthouse: ${error.message}`);
      process.exit(2);
    },
  );
}
