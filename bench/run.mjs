#!/usr/bin/env node
// Prints the performance report (bench/run.sh builds what it needs first): the machine; the
// weight of what index.html loads before the first question and of standalone.html; start-up in
// headless Chromium beside a static page of the same size; assessments per second through the
// JS → wasm interface beside json-logic-js and publicodes; engine calls per completed
// questionnaire through the page's flow; the native core.
//
//   node bench/run.mjs [--dist DIR] [--before DIR] [--loads N] [--count N] [--json FILE]
//
// --before DIR: another build (the one before a change) loaded in the same start-up run, its loads
// interleaved with this one's, beside the same static page: the start-up before → after.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { CHROMIUM_EXECUTABLE } from '../tests/browser/support.mjs';
import { flowCalls, flowCallsLine } from './flow-calls.mjs';
import { interfaceBench } from './interface-bench.mjs';
import { logicBench, logicBenchLines } from './logic-bench.mjs';
import {
  FIRST_QUESTION_BROTLI_BUDGET, MODULE_BROTLI_BUDGET, filesBeforeFirstQuestion, launchChromium, moduleWeight, repoRoot, standaloneWeight, startupTimes, weighFiles,
} from './page-load.mjs';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}

const dist = resolve(option('--dist', join(repoRoot, 'dist')));
const before = option('--before', null) && resolve(option('--before', null));
const loads = Number(option('--loads', 21));
const count = Number(option('--count', 100_000));
const jsonFile = option('--json', null);

const kb = (bytes) => (bytes / 1000).toFixed(1);
const ms = (value) => value.toFixed(0);
const table = (header, rows) =>
  [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

function machine() {
  const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model;
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM_EXECUTABLE, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as unknown
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return { cpus: cpus().length, model, memoryGiB: (totalmem() / 2 ** 30).toFixed(1), node: process.version, chromium, load };
}

function nativeBench() {
  const output = execFileSync(join(repoRoot, 'build', 'dev', 'bench', 'pdp_bench'), { encoding: 'utf8' });
  const one = output.match(/one assessment.*?median ([\d.]+) us \(min ([\d.]+), max ([\d.]+)\)/);
  const walk = output.match(/exhaustive walk: (\d+) paths, median ([\d.]+) ms \(min ([\d.]+), max ([\d.]+)\)/);
  const mix = output.match(/assessment of each finished path \((\d+) paths.*?median ([\d.]+) us \(min ([\d.]+), max ([\d.]+)\).*?phases: (.*) us/);
  const criteria = output.match(/three criteria of one answer set \(CPU\): compiled (\d+) ns.*?tree evaluator (\d+) ns/);
  if (!one || !walk || !mix || !criteria) throw new Error(`pdp_bench printed something unexpected:\n${output}`);
  return {
    oneMicroseconds: { median: Number(one[1]), min: Number(one[2]), max: Number(one[3]) },
    walk: { paths: Number(walk[1]), median: Number(walk[2]), min: Number(walk[3]), max: Number(walk[4]) },
    mix: { paths: Number(mix[1]), median: Number(mix[2]), min: Number(mix[3]), max: Number(mix[4]), phases: mix[5] },
    criteriaNanoseconds: { compiled: Number(criteria[1]), tree: Number(criteria[2]) },
  };
}

async function main() {
  const report = { date: new Date().toISOString(), machine: machine() };
  const m = report.machine;
  console.log(`# Performance report, ${report.date}`);
  console.log(`machine: ${m.cpus} CPUs (${m.model}), ${m.memoryGiB} GiB; Node ${m.node}; ${m.chromium}; load average ${m.load}\n`);

  // Weight.
  const browser = await launchChromium();
  let files;
  let engineFiles;
  try {
    files = await filesBeforeFirstQuestion(dist, { browser });
    engineFiles = await filesBeforeFirstQuestion(dist, { browser, untilEngine: true });
  } finally {
    await browser.close();
  }
  const weight = weighFiles(dist, files);
  const withEngine = weighFiles(dist, engineFiles);
  report.weight = { ...weight, withEngine, budget: FIRST_QUESTION_BROTLI_BUDGET, standalone: standaloneWeight(dist) };
  console.log('## Weight: what index.html loads before the first question (bytes)\n');
  console.log(table(['file', 'raw', 'gzip -9', 'brotli -q 11'], [
    ...weight.rows.map((r) => [r.file, r.raw, r.gzip, r.brotli]),
    ['**total**', `**${weight.total.raw}**`, `**${weight.total.gzip}**`, `**${weight.total.brotli}**`],
  ]));
  const s = report.weight.standalone;
  console.log(`\nbudget: ${kb(weight.total.brotli)} KB brotli of ${kb(FIRST_QUESTION_BROTLI_BUDGET)} KB ` +
    `(${weight.total.brotli <= FIRST_QUESTION_BROTLI_BUDGET ? 'within' : 'OVER'})`);
  // The engine starts once the first question is drawn: what the first answer needs.
  console.log(`with the engine (${engineFiles.filter((file) => !files.includes(file)).join(', ')} added): ` +
    `${kb(withEngine.total.brotli)} KB brotli of ${kb(FIRST_QUESTION_BROTLI_BUDGET)} KB ` +
    `(${withEngine.total.brotli <= FIRST_QUESTION_BROTLI_BUDGET ? 'within' : 'OVER'})`);
  const module = moduleWeight(dist);
  report.weight.module = module;
  console.log(`module with its glue: pdp-core.wasm ${module.wasm.brotli} + ${module.glue.file} ${module.glue.brotli} = ` +
    `${module.brotli} bytes brotli of ${MODULE_BROTLI_BUDGET} (${module.brotli <= MODULE_BROTLI_BUDGET ? 'within' : 'OVER'})`);
  console.log(s ? `standalone.html: ${s.raw} raw, ${s.gzip} gzip, ${s.brotli} brotli` : 'standalone.html: not built');

  // Start-up, beside the build before a change when one is given (its loads interleaved with these).
  const startups = await startupTimes(before ? [before, dist] : [dist], { loads, baselineBytes: weight.total.raw });
  const startup = startups.at(-1);
  report.startup = { loads, baselineBytes: weight.total.raw, ...startup, ...(before ? { before: { dist: before, ...startups[0] } } : {}) };
  console.log(`\n## Start-up in headless Chromium (ms from navigation; median, p10–p90 of ${loads} loads)\n`);
  const row = (label, times, cache, key, ratio = true) => {
    const x = times[cache][key];
    return [label, cache, ms(x.median), `${ms(x.p10)}–${ms(x.p90)}`,
      ratio ? `${(x.median / times[cache].baseline.median).toFixed(2)}×` : ''];
  };
  const rows = [];
  for (const cache of ['cold', 'warm']) {
    rows.push(row(`static page of ${kb(weight.total.raw)} KB (baseline)`, startup, cache, 'baseline'));
    if (before) rows.push(row(`before (${before}): first question`, startups[0], cache, 'question'));
    rows.push(row('page: first screen (intro) drawn', startup, cache, 'screen'));
    rows.push(row('page: first question (intro + start → question)', startup, cache, 'question'));
    rows.push(row('page: start clicked → question drawn', startup, cache, 'toQuestion', false));
    rows.push(row('app: its own first screen drawn (every button works)', startup, cache, 'app'));
  }
  console.log(table(['what', 'cache', 'median', 'p10–p90', 'vs baseline'], rows));
  const ratio = (times) => (times.cold.question.median / times.cold.baseline.median).toFixed(2);
  console.log(`\nfirst question, cold, vs a static page of the same size: ${before ? `${ratio(startups[0])}× before → ` : ''}${ratio(startup)}×`);

  // JS → wasm interface beside the peers.
  const speed = await interfaceBench({ dist, count });
  for (const name of ['wasm', 'jsonLogic', 'publicodes']) delete speed[name].results;
  report.interface = speed;
  console.log(`\n## Assessments per second (${speed.count} generated complete answer sets, ${speed.eligible} eligible; the three agree on all; ` +
    `each engine in its own process, going over the sets for ${speed.span} s at least in each round, the median of ${speed.rounds} rounds)\n`);
  // Ratios by CPU time: steadier than the wall clock when other work shares the machine.
  const rate = (label, r, what) => [label, what, Math.round(r.perSecond), `${Math.round(r.min)}–${Math.round(r.max)}`,
    Math.round(r.perCpuSecond), `${(1e6 / r.perCpuSecond).toFixed(1)} µs`,
    `${(r.perCpuSecond / speed.wasm.perCpuSecond).toFixed(2)}×`];
  console.log(table(['engine', 'computes', 'per second (wall)', 'chunks min–max', 'per CPU second', 'CPU per call', 'vs core (CPU)'], [
    rate('core (wasm) via engine.js', speed.wasm, 'the whole response, JSON in and out'),
    rate('json-logic-js 2.0.5', speed.jsonLogic, 'the eligibility only'),
    rate('publicodes 1.10.1', speed.publicodes, 'the eligibility only'),
  ]));
  console.log(`\nreply size: median ${speed.replyBytes.median} bytes, max ${speed.replyBytes.max} bytes ` +
    `(the core's JSON reply over the same ${speed.count} answer sets: ids and values, the texts are in the info)`);
  // The goal of issue #15: the page's whole call at least 10× as fast as publicodes's eligibility.
  // Each engine in its own process, rounds alternating: the median of the rounds' ratios.
  console.log(`\nfull assessment through engine.js vs publicodes evaluating the eligibility alone (CPU): ` +
    `${speed.ratio.toFixed(2)}× as fast, the median of ${speed.rounds} rounds (${speed.roundRatios.map((r) => r.toFixed(2)).join(', ')}; ` +
    `median rounds ${(1e6 / speed.wasm.perCpuSecond).toFixed(1)} µs vs ${(1e6 / speed.publicodes.perCpuSecond).toFixed(1)} µs; ` +
    `the core's rounds ${speed.wasm.rounds.map((µs) => µs.toFixed(1)).join(', ')} µs, publicodes's ${speed.publicodes.rounds.map((µs) => µs.toFixed(0)).join(', ')} µs)`);

  // Condition evaluation alone inside the module (a bench-only build, never in dist/).
  const logic = await logicBench({ dist, count });
  report.logic = logic;
  console.log(`\n## The three criteria alone: inside the wasm module vs json-logic-js apply\n`);
  for (const line of logicBenchLines(logic)) console.log(line);

  // The page's conversation with the core.
  const calls = await flowCalls({ dist });
  report.flowCalls = calls;
  console.log('\n## Engine calls through the page\'s flow\n');
  console.log(flowCallsLine(calls));

  // Native.
  const native = nativeBench();
  report.native = native;
  console.log('\n## Native core (build/dev, RelWithDebInfo)\n');
  console.log(table(['what', 'median', 'min–max'], [
    ['one assessment (finished, eligible employee)', `${native.oneMicroseconds.median} µs`, `${native.oneMicroseconds.min}–${native.oneMicroseconds.max} µs`],
    [`exhaustive walk (${native.walk.paths} paths)`, `${native.walk.median} ms`, `${native.walk.min}–${native.walk.max} ms`],
    [`assessment of each finished path, text in and out (CPU; ${native.mix.paths} paths)`, `${native.mix.median} µs`, `${native.mix.min}–${native.mix.max} µs`],
    ['the three criteria of one answer set (CPU)', `compiled ${native.criteriaNanoseconds.compiled} ns`, `tree evaluator ${native.criteriaNanoseconds.tree} ns`],
  ]));
  console.log(`\nwhere one assessment's time goes (µs): ${native.mix.phases}`);

  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`bench FAILED: ${error.stack ?? error}`);
  process.exit(1);
});
