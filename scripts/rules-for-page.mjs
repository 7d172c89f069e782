#!/usr/bin/env node
// The rules as the page receives them, written before the module is compiled (build-wasm.sh):
// each rule file inside the bundle without its indentation, and the texts of every language but
// the default in their own rules.<code>.json (web/rules-bundle.js), fetched only when a person
// picks that language. Prints one line per file written, "<name> <sha256>": the digests the module
// is compiled with, by which it recognises the bundles the build has checked (docs/security.md).
//
//   node scripts/rules-for-page.mjs WHOLE_BUNDLE OUT_DIR
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { localeFile, splitByLocale } from '../web/rules-bundle.js';

const [wholeFile, out] = process.argv.slice(2);
if (!wholeFile || !out) {
  console.error('usage: node scripts/rules-for-page.mjs WHOLE_BUNDLE OUT_DIR');
  process.exit(2);
}

// The rule files are JSON texts inside the bundle; the core parses them, whitespace and all.
const whole = JSON.parse(readFileSync(wholeFile, 'utf8'));
for (const [name, text] of Object.entries(whole.files)) whole.files[name] = JSON.stringify(JSON.parse(text));
const { light, separate } = splitByLocale(whole);
const written = [['rules.json', light], ...Object.entries(separate).map(([code, bundle]) => [localeFile(code), bundle])];
for (const [name, bundle] of written) {
  const text = JSON.stringify(bundle);
  writeFileSync(join(out, name), text);
  console.log(`${name} ${createHash('sha256').update(text, 'utf8').digest('hex')}`);
}
