#!/usr/bin/env node
// The module's own time per assessment, without engine.js: `pdp_assess` called on requests already
// written into its memory, the best CPU pass of nine (after one to warm up), for each module given,
// passes alternating between them so that the machine's load weighs on each alike. Used to compare
// builds of the module (docs/performance.md), e.g. one with a phase done twice.
//
//   node bench/module-alone.mjs [--dist DIR] [--count N] A.wasm [B.wasm ...]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import process from 'node:process';
import { generateAnswerSets, readQuestions } from './answer-sets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATE = '2026-11-23';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}

const dist = resolve(option('--dist', join(root, 'dist')));
const count = Number(option('--count', 20_000));
const modules = process.argv.slice(2).filter((arg, i, all) => arg.endsWith('.wasm') && !['--dist', '--count'].includes(all[i - 1]));
const { startInstance } = await import(pathToFileURL(join(dist, 'wasm-instance.js')).href);
const rules = readFileSync(join(dist, 'rules.json'), 'utf8');
const texts = generateAnswerSets(readQuestions(join(root, 'rules')), count)
  .map((answers) => JSON.stringify({ answers, date: DATE, locale: 'fr' }));

const runs = modules.map((file) => {
  const core = startInstance(new WebAssembly.Module(readFileSync(file)));
  const written = (text) => {
    const size = text.length * 3 + 1;
    const pointer = core._malloc(size);
    core.stringToUTF8(text, pointer, size);
    return pointer;
  };
  const loaded = JSON.parse(core.UTF8ToString(core._pdp_load_rules(written(rules))));
  if (loaded.error) throw new Error(`${file}: ${loaded.error.message}`);
  return { file, core, today: written(DATE), requests: texts.map(written), best: Infinity };
});
for (let pass = 0; pass < 10; pass += 1) {
  for (const run of runs) {
    const start = process.cpuUsage();
    for (const request of run.requests) run.core._pdp_assess(request, run.today);
    const used = process.cpuUsage(start);
    if (pass > 0) run.best = Math.min(run.best, (used.user + used.system) / run.requests.length);
  }
}
for (const run of runs) console.log(`${run.file.padEnd(40)} pdp_assess alone: ${run.best.toFixed(2)} µs per call (best CPU pass of 9)`);
