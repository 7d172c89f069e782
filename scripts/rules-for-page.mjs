#!/usr/bin/env node
// The rules as the page receives them, written before the module is compiled (build-wasm.sh):
// each rule file inside the bundle without its indentation nor what only the build and the
// reviewers read (the conditions' trees among them: the module reads each condition as the flat
// program `pdp-assess bundle` wrote, in "conditions"), and the texts of every language but
// the default in their own rules.<code>.json (web/rules-bundle.js), fetched only when a person
// picks that language; the texts of the pages beside the flow in asides.<code>.json, fetched when
// one is first opened; and in rules.json, the parts of the core's info that no language changes
// (web/rules-info.js: the page reads the info there, not from the module) and the opening
// (web/opening.js): the core's worded reply to the first request, which the page draws before its
// engine has started. Prints one line per rules
// bundle written, "<name> <sha256>": the digests the module is compiled with, by which it
// recognises the bundles the build has checked (docs/security.md).
//
//   node scripts/rules-for-page.mjs WHOLE_BUNDLE OUT_DIR FIRST_REPLY INFO
// (FIRST_REPLY: `pdp-assess assess --texts` of {"answers": {}}, INFO: `pdp-assess info`, as
// build-wasm.sh writes them)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { openingReply } from '../web/opening.js';
import { lastingInfo } from '../web/rules-info.js';
import { STATIC_TEXTS, asideFile, localeFile, splitByLocale } from '../web/rules-bundle.js';

const [wholeFile, out, firstReplyFile, infoFile] = process.argv.slice(2);
if (!wholeFile || !out || !firstReplyFile || !infoFile) {
  console.error('usage: node scripts/rules-for-page.mjs WHOLE_BUNDLE OUT_DIR FIRST_REPLY INFO');
  process.exit(2);
}

// The keys of the rules' conditions (JsonLogic trees), in entries and in their variants.
const CONDITIONS = ['asked_when', 'condition', 'to_check_when', 'when', 'applies_when'];

// Each condition's tree replaced by 0, its options' too: the module reads the flat programs of the
// bundle's "conditions" instead (src/core/trusted_rules.cpp), and only where a condition stands.
function withoutTrees(entry) {
  for (const key of CONDITIONS) if (key in entry) entry[key] = 0;
  if (entry.options_when) for (const option of Object.keys(entry.options_when)) entry.options_when[option] = 0;
  for (const variant of entry.variants ?? []) withoutTrees(variant);
}

// What the page has no use for, left out: the schema's address, the criteria's examples (the
// build's tests), the passages each entry rests on and the documents cited (the module reads
// neither: the page reads those the core shows in the info below, src/core/cited_sources.cpp),
// and the conditions' trees.
function forThePage(name, rule) {
  delete rule.$schema;
  if (name === 'criteria.json') for (const criterion of rule.criteria ?? []) delete criterion.examples;
  if (name === 'manifest.json') delete rule.documents;
  for (const entries of Object.values(rule)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      delete entry?.source;
      if (entry && typeof entry === 'object' && !name.startsWith('locales/')) withoutTrees(entry);
    }
  }
  return rule;
}

// The rule files are JSON texts inside the bundle; the core parses them, whitespace and all.
const whole = JSON.parse(readFileSync(wholeFile, 'utf8'));
for (const [name, text] of Object.entries(whole.files)) whole.files[name] = JSON.stringify(forThePage(name, JSON.parse(text)));
const { light, separate, asides, statics } = splitByLocale(whole);
// Each condition as the flat program the module evaluates (`pdp-assess bundle` wrote them): the
// module reads these, not the trees in the files.
if (!Array.isArray(whole.conditions)) throw new Error(`${wholeFile}: no "conditions" (the flat programs of pdp-assess bundle)`);
light.conditions = whole.conditions;
// The manifest, then the default language's texts, then the other rule files: brotli then finds
// the ids of the rules in the texts written before them (about 60 bytes less; the core reads the
// files by name, in any order).
const firstFiles = ['manifest.json', `locales/${JSON.parse(light.files['manifest.json']).default_locale}.json`];
light.files = Object.fromEntries([...firstFiles, ...Object.keys(light.files).filter((name) => !firstFiles.includes(name))]
  .filter((name) => name in light.files).map((name) => [name, light.files[name]]));
// The info, after the rule files whose ids it repeats.
const info = JSON.parse(readFileSync(infoFile, 'utf8'));
if (info.error || !info.questions) throw new Error(`${infoFile}: not the rules' info`);
light.info = lastingInfo(info);
// Last, after the texts it repeats (brotli finds them there: about 300 bytes in all).
const firstReply = JSON.parse(readFileSync(firstReplyFile, 'utf8'));
if (firstReply.error || !firstReply.next_question) throw new Error(`${firstReplyFile}: not a reply with a first question`);
light.opening = { reply: openingReply(firstReply) };
const written = [['rules.json', light], ...Object.entries(separate).map(([code, bundle]) => [localeFile(code), bundle])];
for (const [name, bundle] of written) {
  const text = JSON.stringify(bundle);
  writeFileSync(join(out, name), text);
  console.log(`${name} ${createHash('sha256').update(text, 'utf8').digest('hex')}`);
}
// The asides' texts are the page's alone (the module never reads them): no digest.
for (const [code, texts] of Object.entries(asides)) writeFileSync(join(out, asideFile(code)), JSON.stringify(texts));
// The static texts are the build's (scripts/static-page.mjs), which removes their file.
writeFileSync(join(out, STATIC_TEXTS), JSON.stringify(statics));
