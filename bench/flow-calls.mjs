#!/usr/bin/env node
// Engine calls per completed questionnaire, through the page's flow (web/flow.js) on the built
// module: every path of the exhaustive walk, from the page loading to the result. The flow asks the
// core at most once per action of the person (Back and the result, never), plus once at start;
// the page used to replay the questionnaire instead (up to 45 calls for one click).
//
//   node bench/flow-calls.mjs [--dist DIR] [--date YYYY-MM-DD]
import { join, resolve } from 'node:path';
import process from 'node:process';
import { loadCountedEngine, perform, root, walk, walkPaths } from '../tests/wasm/flow-driver.mjs';

/**
 * @param {{dist?: string, date?: string}} [options]
 * @returns {Promise<{date: string, paths: number, max: number, mean: number, maxActions: number, overBudget: number}>}
 *   max and mean: assessments per completed questionnaire; maxActions: the most actions of one
 *   person (load, Start, each answer, "see the result"); overBudget: paths that asked more than one
 *   per answer plus one at start (0)
 */
export async function flowCalls({ dist = join(root, 'dist'), date = '2026-11-23' } = {}) {
  const engine = await loadCountedEngine(dist);
  const counts = [];
  let maxActions = 0;
  let overBudget = 0;
  for (const path of walkPaths(date)) {
    const before = engine.calls;
    const { state, asked } = walk(engine, path, date);
    const result = perform(engine, state, { type: 'to-result' }, date);
    if (result.screen !== 'result') throw new Error(`path ${path.path} did not reach the result`);
    const calls = engine.calls - before;
    counts.push(calls);
    maxActions = Math.max(maxActions, asked.length + 3);
    if (calls > asked.length + 1) overBudget += 1;
  }
  const mean = counts.reduce((sum, count) => sum + count, 0) / counts.length;
  return { date, paths: counts.length, max: Math.max(...counts), mean, maxActions, overBudget };
}

/** The report's line. */
export function flowCallsLine(r) {
  return `engine calls per completed questionnaire over the ${r.paths} paths of the walk on ${r.date}: ` +
    `max ${r.max}, mean ${r.mean.toFixed(2)} (at most one per answer plus one at start: ` +
    `${r.overBudget === 0 ? 'every path' : `${r.overBudget} paths OVER`}; Back and the result ask nothing)`;
}

const invoked = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invoked) {
  const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const report = await flowCalls({ dist: resolve(option('--dist', join(root, 'dist'))), date: option('--date', '2026-11-23') });
  console.log(flowCallsLine(report));
  if (report.overBudget) process.exit(1);
}
