#!/usr/bin/env node
// Size and speed of the module variants built by bench/wasm-variants.sh, side by side: the wasm
// raw, gzip and brotli (it has no JavaScript glue of its own: web/wasm-instance.js loads it), its
// code and data bytes, and assessments per second through engine.js on the same answer sets.
//
//   node bench/wasm-variants.mjs [--count N] [NAME...]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { parseModule } from './wasm-composition.mjs';
import { repoRoot, weigh } from './page-load.mjs';

const args = process.argv.slice(2);
const countAt = args.indexOf('--count');
const count = countAt >= 0 ? Number(args.splice(countAt, 2)[1]) : 5000;
const folder = join(repoRoot, 'build', 'variants');
const names = args.length > 0 ? args : readdirSync(folder).filter((name) => existsSync(join(folder, name, 'out', 'pdp-core.wasm')));

console.log(`| variant | wasm raw | wasm gzip | wasm brotli | code | data | assessments per CPU second (${count} sets) |`);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const name of names) {
  const out = join(folder, name, 'out');
  const wasm = readFileSync(join(out, 'pdp-core.wasm'));
  const size = weigh(wasm);
  const { sections } = parseModule(wasm);
  // Each variant in its own process: engine.js keeps one module per process.
  const speed = JSON.parse(execFileSync(process.execPath, [join(repoRoot, 'bench', 'interface-bench.mjs'),
    '--dist', out, '--count', String(count), '--json', '--core-only'], { encoding: 'utf8' }));
  console.log(`| ${name} | ${size.raw} | ${size.gzip} | ${size.brotli} | ${sections.code} | ${sections.data ?? 0} | ${Math.round(speed.wasm.perCpuSecond)} |`);
}
