// The command line as users and scripts see it: exit codes, error JSON, validate and paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyBrokenCase } from '../rules-broken/apply.mjs';

const root = process.env.PDP_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.PDP_ASSESS ?? join(root, 'build', 'dev', 'src', 'cli', 'pdp-assess');
const rulesDir = join(root, 'rules');

function run(args, input) {
  const result = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Applies a broken-rules case (see tests/rules-broken/README.md) to a copy of the rules.
function brokenCopy(brokenCase) {
  const dir = mkdtempSync(join(tmpdir(), 'pdp-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  const file = join(dir, brokenCase.file);
  if ('text' in brokenCase) {
    writeFileSync(file, brokenCase.text);
  } else if (brokenCase.delete_file) {
    rmSync(file);
  } else {
    const content = JSON.parse(readFileSync(file, 'utf8'));
    applyBrokenCase(content, brokenCase);
    writeFileSync(file, JSON.stringify(content, null, 2));
  }
  return dir;
}

test('validate accepts the shipped rules and exits 0', () => {
  const { code, stdout } = run(['validate', '--rules', rulesDir]);
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).valid, true);
});

const brokenCases = JSON.parse(readFileSync(join(root, 'tests', 'rules-broken', 'cases.json'), 'utf8'));
for (const brokenCase of brokenCases) {
  test(`validate refuses ${brokenCase.name}, naming ${brokenCase.path}`, () => {
    const dir = brokenCopy(brokenCase);
    try {
      const { code, stdout } = run(['validate', '--rules', dir]);
      assert.equal(code, 1);
      const report = JSON.parse(stdout);
      assert.ok(report.error, 'an error object');
      const found = report.problems.some((p) => p.code === brokenCase.code && p.path === brokenCase.path);
      assert.ok(found, `expected ${brokenCase.code} at ${brokenCase.path}, got ${JSON.stringify(report.problems)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

const badRequests = JSON.parse(readFileSync(join(root, 'tests', 'bad-requests.json'), 'utf8'));
for (const bad of badRequests) {
  test(`assess refuses ${bad.name} with exit 1 and ${bad.code}`, () => {
    const input = 'text' in bad ? bad.text : JSON.stringify(bad.request) + ' '.repeat(bad.padding ?? 0);
    const { code, stdout } = run(['assess', '-'], input);
    assert.equal(code, 1);
    const response = JSON.parse(stdout);
    assert.deepEqual(Object.keys(response), ['error']);
    // The command line reads an object with none of the request's fields as bare answers.
    const request = bad.request;
    const bare = request && typeof request === 'object' && !Array.isArray(request) &&
      !['answers', 'date', 'locale'].some((f) => f in request);
    const key = bare ? Object.keys(request)[0] : undefined;
    assert.equal(response.error.code, bare ? 'answers.unknown_question' : bad.code);
    assert.equal(response.error.path, bare ? `/answers/${key}` : bad.path);
    // The message names the field at fault (the last token of the path) when there is one.
    const field = bad.path.split('/').filter((t) => t && !/^\d+$/.test(t)).pop();
    if (field) assert.match(response.error.message, new RegExp(field));
  });
}

test('assess accepts a bare answers object and the --date option', () => {
  const answers = { situation_pro: 'independant', arret_travail: true, motif_arret: 'maladie',
    arret_indemnise: true, difficultes: ['reprise_difficile'], probleme_sante: ['autre'], deja_contacte: false };
  const { code, stdout } = run(['assess', '--date', '2021-06-15', '-'], JSON.stringify(answers));
  assert.equal(code, 0);
  const response = JSON.parse(stdout);
  assert.equal(response.eligibility, 'eligible');
  assert.equal(response.date, '2021-06-15');
  const pdpTi = response.programmes.find((p) => p.id === 'pdp_ti');
  assert.equal(pdpTi.in_force, true);
  assert.equal(pdpTi.title, undefined, 'the reply names ids; its words are in the info');
});

test('assess --texts prints the reply with its words, and a text a language lacks is an error', () => {
  const answers = { situation_pro: 'salarie' };
  const worded = JSON.parse(run(['assess', '--texts', '--locale', 'en', '-'], JSON.stringify(answers)).stdout);
  const english = JSON.parse(readFileSync(join(root, 'rules', 'locales', 'en.json'), 'utf8'));
  assert.equal(worded.next_question.label, english.questions[worded.next_question.id].label);
  assert.equal(worded.steps[0].answer_label, english.questions.situation_pro.options.salarie);
  assert.equal(worded.notices.privacy, english.notices.privacy);
});

test('logic refuses a RULE longer than 64 KiB with exit 1 and logic.too_large naming RULE', () => {
  const rule = JSON.stringify({ cat: ['x'.repeat(70000)] });
  const { code, stdout } = run(['logic', rule]);
  assert.equal(code, 1);
  const { error } = JSON.parse(stdout);
  assert.equal(error.code, 'logic.too_large');
  assert.equal(error.path, 'RULE');
  assert.match(error.message, /^RULE holds more than 65536 bytes/);
});

test('logic refuses DATA nested more than 256 levels deep with logic.too_deep naming DATA', () => {
  const { code, stdout } = run(['logic', '{"var": "a"}', `{"a": ${'['.repeat(300)}${']'.repeat(300)}}`]);
  assert.equal(code, 1);
  const { error } = JSON.parse(stdout);
  assert.equal(error.code, 'logic.too_deep');
  assert.equal(error.path, `DATA/a${'/0'.repeat(255)}`);
  assert.match(error.message, /^DATA nests arrays and objects more than 256 levels deep/);
});

test('logic stops an evaluation that would double a text 40 times, with exit 1 and logic.too_costly', () => {
  const doubling = { reduce: [[...Array(40).keys()], { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] };
  const { code, stdout } = run(['logic', JSON.stringify(doubling)]);
  assert.equal(code, 1);
  const { error } = JSON.parse(stdout);
  assert.equal(error.code, 'logic.too_costly');
  assert.equal(error.path, 'RULE');
  assert.match(error.message, /evaluation stopped/);
});

test('usage errors exit 2', () => {
  assert.equal(run([]).code, 2);
  assert.equal(run(['assess']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['assess', '--date']).code, 2);
  assert.equal(run(['logic']).code, 2);
});

test('paths lists every path of the questionnaire with its outcome and counts them', () => {
  const { code, stdout, stderr } = run(['paths', '--rules', rulesDir, '--date', '2026-11-23']);
  assert.equal(code, 0);
  const lines = stdout.trim().split('\n');
  const count = Number(/^(\d+) paths/m.exec(stderr)[1]);
  assert.equal(lines.length, count);
  assert.ok(lines.some((l) => l.startsWith('situation_pro="autre" => not_eligible')));
  const json = run(['paths', '--json', '--date', '2026-11-23']);
  const first = JSON.parse(json.stdout.split('\n')[0]);
  assert.ok(Array.isArray(first.path));
  assert.deepEqual(Object.keys(first.request.answers).sort(), [...first.path].sort());
  assert.equal(first.response.next_question, null);
});

test('bundle prints the validated rules as one JSON document, and refuses broken rules', () => {
  const { code, stdout } = run(['bundle', '--rules', rulesDir]);
  assert.equal(code, 0);
  const bundle = JSON.parse(stdout);
  assert.ok('manifest.json' in bundle.files);
  assert.ok('locales/fr.json' in bundle.files);
  assert.ok(!Object.keys(bundle.files).some((name) => name.startsWith('schema/')));
  const dir = brokenCopy(brokenCases[0]);
  try {
    const broken = run(['bundle', '--rules', dir]);
    assert.equal(broken.code, 1);
    assert.equal(broken.stdout, '');
    assert.match(broken.stderr, /questions\.json#/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('info prints the rules\' info in a language (what the page reads from rules.json), and refuses an unknown one', () => {
  const french = run(['info', '--rules', rulesDir]);
  assert.equal(french.code, 0);
  const info = JSON.parse(french.stdout);
  assert.equal(info.locale, 'fr', 'the default language without --locale');
  assert.deepEqual(info.locales.map(({ id }) => id), ['fr', 'en']);
  assert.equal(info.questions.situation_pro.type, 'choice');
  assert.ok(info.questions.situation_pro.options.includes('salarie'));
  assert.ok(Object.keys(info.sources.criteria).includes('statut_professionnel'));
  assert.equal(typeof info.texts.ui, 'object');
  const english = JSON.parse(run(['info', '--locale', 'en']).stdout);
  assert.equal(english.locale, 'en');
  assert.notEqual(english.ui.start, info.ui.start, 'the page\'s texts in English');
  assert.deepEqual(english.questions, info.questions, 'how a question is answered is the same in every language');
  const unknown = run(['info', '--locale', 'de']);
  assert.equal(unknown.code, 1);
  assert.equal(JSON.parse(unknown.stdout).error.code, 'request.unknown_locale');
  assert.equal(run(['info', '--date', '2026-12-01']).code, 2);
  assert.equal(run(['info', 'FILE']).code, 2);
});
