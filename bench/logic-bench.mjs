#!/usr/bin/env node
// The eligibility's three criteria evaluated inside the WebAssembly module beside json-logic-js
// `apply`, on the same generated answer sets: rules loaded once, the answer sets handed to the
// module before timing (json-logic-js gets them as objects), each engine timed in one call of a
// pass over all of them. The module is a bench-only build from the same objects and flags as the
// page's pdp-core (bench/wasm/, `cmake --build --preset wasm --target pdp-logic-bench`), with the
// core's compiled conditions and, for comparison, the tree evaluator it used before.
//
//   node bench/logic-bench.mjs [--count N] [--json]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import process from 'node:process';
import jsonLogic from 'json-logic-js';
import { generateAnswerSets, readQuestions } from './answer-sets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LOGIC_BENCH_MODULE = join(root, 'build', 'wasm', 'bench', 'wasm', 'pdp-logic-bench.mjs');

function cpuSeconds(run) {
  const start = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, result };
}

function passString(module, text) {
  const size = module.lengthBytesUTF8(text) + 1;
  const pointer = module._malloc(size);
  module.stringToUTF8(text, pointer, size);
  return pointer;
}

/**
 * CPU µs per answer set for json-logic-js and for the module's two evaluators (median of `rounds`
 * passes each, interleaved); throws when they disagree on any set.
 */
export async function logicBench({ rulesDir = join(root, 'rules'), count = 100_000, rounds = 5 } = {}) {
  if (!existsSync(LOGIC_BENCH_MODULE)) {
    throw new Error(`${LOGIC_BENCH_MODULE} is not built: cmake --preset wasm && cmake --build --preset wasm --target pdp-logic-bench`);
  }
  const { default: createLogicBench } = await import(pathToFileURL(LOGIC_BENCH_MODULE).href);
  const module = await createLogicBench({ wasmBinary: readFileSync(LOGIC_BENCH_MODULE.replace(/\.mjs$/, '.wasm')) });
  // The whole bundle, trees included, as the native command line writes it (the page's rules.json
  // holds the flat programs only, and the bench also times the tree evaluator).
  const cli = join(root, 'build', 'dev', 'src', 'cli', 'pdp-assess');
  const bundle = passString(module, execFileSync(cli, ['bundle', '--rules', rulesDir], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  if (module._bench_load_rules(bundle) !== 0) throw new Error('the bench module could not read the rules bundle');
  module._free(bundle);

  const sets = generateAnswerSets(readQuestions(rulesDir), count);
  for (let from = 0; from < sets.length; from += 10_000) {
    const chunk = passString(module, JSON.stringify(sets.slice(from, from + 10_000)));
    module._bench_add_sets(chunk);
    module._free(chunk);
  }
  const out = module._malloc(sets.length);

  const { criteria } = JSON.parse(readFileSync(join(rulesDir, 'criteria.json'), 'utf8'));
  const rule = { and: criteria.map((criterion) => ({ '!!': [criterion.condition] })) };
  const jsResults = new Uint8Array(sets.length);
  const engines = {
    jsonLogic: () => {
      let eligible = 0;
      for (let i = 0; i < sets.length; i += 1) {
        jsResults[i] = jsonLogic.apply(rule, sets[i]) ? 1 : 0;
        eligible += jsResults[i];
      }
      return eligible;
    },
    flat: () => module._bench_flat(out),
    tree: () => module._bench_tree(out),
  };
  const samples = { jsonLogic: [], flat: [], tree: [] };
  for (const run of Object.values(engines)) run(); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run] of Object.entries(engines)) {
      const { seconds } = cpuSeconds(run);
      samples[name].push((seconds / sets.length) * 1e6);
      if (name !== 'jsonLogic') {
        const wasm = module.HEAPU8.subarray(out, out + sets.length);
        const differ = wasm.findIndex((value, i) => value !== jsResults[i]);
        if (differ >= 0) throw new Error(`the module (${name}) and json-logic-js disagree on ${JSON.stringify(sets[differ])}`);
      }
    }
  }
  module._free(out);
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const report = { count: sets.length, eligible: engines.jsonLogic() };
  for (const name of Object.keys(samples)) {
    report[name] = { microseconds: median(samples[name]), min: Math.min(...samples[name]), max: Math.max(...samples[name]) };
  }
  return report;
}

export function logicBenchLines(report) {
  const f = (r) => `${r.microseconds.toFixed(3)} µs (${r.min.toFixed(3)}–${r.max.toFixed(3)})`;
  return [
    `${report.count} answer sets, ${report.eligible} eligible; json-logic-js and the module agree on every set; CPU per set, median of 5 passes`,
    `json-logic-js 2.0.5 apply (the three criteria): ${f(report.jsonLogic)}`,
    `core in wasm, compiled conditions:             ${f(report.flat)}`,
    `core in wasm, tree evaluator (before):         ${f(report.tree)}`,
    `condition evaluation, wasm compiled vs json-logic-js: ${(report.jsonLogic.microseconds / report.flat.microseconds).toFixed(2)}× as fast ` +
      `(tree evaluator: ${(report.jsonLogic.microseconds / report.tree.microseconds).toFixed(2)}×)`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--count');
  logicBench({ count: at > 0 ? Number(process.argv[at + 1]) : 100_000 })
    .then((report) => console.log(process.argv.includes('--json') ? JSON.stringify(report) : logicBenchLines(report).join('\n')))
    .catch((error) => {
      console.error(`logic bench FAILED: ${error.message}`);
      process.exit(1);
    });
}
