#!/usr/bin/env node
// Start-up of two or more builds of the page, loads interleaved (before and after a change), beside
// the same static page the size of the first build's load: median and p10–p90 in ms.
//
//   node bench/startup-compare.mjs DIST_A DIST_B [...] [--loads N]
import { resolve } from 'node:path';
import process from 'node:process';
import { filesBeforeFirstQuestion, startupTimes, weighFiles } from './page-load.mjs';

const args = process.argv.slice(2);
const loadsAt = args.indexOf('--loads');
const loads = loadsAt >= 0 ? Number(args.splice(loadsAt, 2)[1]) : 21;
const dists = args.map((dir) => resolve(dir));
if (dists.length === 0) {
  console.error('usage: node bench/startup-compare.mjs DIST_A DIST_B [...] [--loads N]');
  process.exit(2);
}
const weights = [];
for (const dist of dists) weights.push(weighFiles(dist, await filesBeforeFirstQuestion(dist)));
const results = await startupTimes(dists, { loads, baselineBytes: weights[0].total.raw });
const ms = (x) => `${x.median.toFixed(0)} (${x.p10.toFixed(0)}–${x.p90.toFixed(0)})`;
console.log(`| build | files | brotli | cache | static page | first screen | first question | question / static | app's own screen |`);
console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|');
for (const [i, dist] of dists.entries()) {
  for (const cache of ['cold', 'warm']) {
    const r = results[i][cache];
    console.log(`| ${dist} | ${weights[i].rows.length} | ${weights[i].total.brotli} | ${cache} | ${ms(r.baseline)} | ` +
      `${ms(r.screen)} | ${ms(r.question)} | ${(r.question.median / r.baseline.median).toFixed(2)}× | ${ms(r.app)} |`);
  }
}
