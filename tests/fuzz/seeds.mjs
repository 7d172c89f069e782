// Writes the fuzz targets' seed corpora and dictionaries into OUT (a build folder), from the
// scenarios, the bad requests, the rules, the broken-rules cases and the official JsonLogic tests.
// Usage: node tests/fuzz/seeds.mjs OUT
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyBrokenCase } from '../rules-broken/apply.mjs';
import { splitByLocale } from '../../web/rules-bundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = process.argv[2];
if (!out) throw new Error('usage: node tests/fuzz/seeds.mjs OUT');
const conformance = join(root, 'tests', 'conformance', 'jsonlogic-tests.json');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function writeCorpus(target, seeds, words) {
  const folder = join(out, 'seeds', target);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  seeds.forEach((seed, i) => writeFileSync(join(folder, `seed-${String(i).padStart(4, '0')}`), seed));
  // libFuzzer's dictionary format: one quoted string a line, with \" and \\ escaped.
  const quote = (word) => `"${word.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  writeFileSync(join(out, `${target}.dict`), [...new Set(words)].map(quote).join('\n') + '\n');
  console.log(`${target}: ${seeds.length} seeds, ${new Set(words).size} dictionary words`);
}

// Rule files exactly as the command line reads them: every .json under rules/ but the schemas,
// in the order of a std::map (the fuzz target picks one by that index).
function ruleFiles() {
  const files = {};
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const rel = relative(join(root, 'rules'), path).split('\\').join('/');
      if (statSync(path).isDirectory()) {
        if (rel !== 'schema') walk(path);
      } else if (name.endsWith('.json')) {
        files[rel] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(join(root, 'rules'));
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const rules = ruleFiles();
const questions = JSON.parse(rules['questions.json']).questions;
const scenarios = readdirSync(join(root, 'tests', 'scenarios'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => readJson(join(root, 'tests', 'scenarios', name)));
const ids = questions.flatMap((q) => [q.id, ...(q.options ?? [])]);

// Requests: each scenario step by step, the bad requests (but the 64 KiB one), the example.
const requests = [];
const finalAnswers = [];
for (const scenario of scenarios) {
  const answers = {};
  requests.push(JSON.stringify({ answers: {}, date: scenario.date }));
  for (const step of scenario.steps) {
    answers[step.question] = step.answer;
    requests.push(JSON.stringify({ answers, date: scenario.date, locale: 'fr' }));
  }
  finalAnswers.push({ ...answers });
}
for (const bad of readJson(join(root, 'tests', 'bad-requests.json'))) {
  if (!bad.padding) requests.push('text' in bad ? bad.text : JSON.stringify(bad.request));
}
requests.push(readFileSync(join(root, 'docs', 'example-request.json'), 'utf8'));
writeCorpus('assess', requests, ['answers', 'date', 'locale', 'ne_sait_pas', '2026-11-23', ...ids]
  .map((word) => JSON.stringify(word)).concat(['true', 'false', 'null', '{}', '[]']));

// Logic: the official cases as [rule, data], and every condition of the rules over the answers of
// three personas.
const logic = readJson(conformance).filter(Array.isArray).map(([rule, data]) => JSON.stringify([rule, data]));
const conditions = [];
const collect = (value) => {
  if (Array.isArray(value)) value.forEach(collect);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (['asked_when', 'condition', 'applies_when'].includes(key)) conditions.push(inner);
      else if (key === 'options_when') conditions.push(...Object.values(inner));
      else collect(inner);
    }
  }
};
for (const name of ['questions.json', 'criteria.json', 'programmes.json', 'measures.json', 'actors.json',
  'channels.json', 'next_steps.json']) collect(JSON.parse(rules[name]));
for (const condition of conditions) {
  for (const answers of finalAnswers.slice(0, 3)) logic.push(JSON.stringify([condition, answers]));
}
const operators = ['var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or',
  'and', '<', '<=', '>', '>=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all',
  'none', 'some', 'merge', 'in', 'cat', 'substr', 'log', 'accumulator', 'current', 'u'];
writeCorpus('logic', logic, operators.map((word) => JSON.stringify(word))
  .concat(['{"var":', '[', ']', '{', '}', 'null', 'true', 'false', '""', '0', '-1', '1e308', '"u"']));

// Rules: the first byte picks the file (its index in `names`; past the last, the bundle).
const names = Object.keys(rules);
const ruleSeeds = names.map((name, i) => String.fromCharCode(i) + rules[name]);
ruleSeeds.push(String.fromCharCode(names.length) + JSON.stringify({ files: rules }));
// The bundle as the page gets it: the default language's texts only, the others named.
ruleSeeds.push(String.fromCharCode(names.length) + JSON.stringify(splitByLocale({ files: rules }).light));
for (const broken of readJson(join(root, 'tests', 'rules-broken', 'cases.json'))) {
  const index = names.indexOf(broken.file);
  if (index < 0 || broken.delete_file) continue;
  let text = broken.text;
  if (text === undefined) {
    const content = JSON.parse(rules[broken.file]);
    applyBrokenCase(content, broken);
    text = JSON.stringify(content, null, 2);
  }
  ruleSeeds.push(String.fromCharCode(index) + text);
}
const keys = new Set();
const gatherKeys = (value) => {
  if (Array.isArray(value)) value.forEach(gatherKeys);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key);
      gatherKeys(inner);
    }
  }
};
Object.values(rules).forEach((text) => gatherKeys(JSON.parse(text)));
writeCorpus('rules', ruleSeeds, [...keys, 'files', 'separate_locales', ...ids, ...operators].map((word) => JSON.stringify(word)));
