// Languages: a locale is one file of rules/locales/, English is complete, and a locale missing a
// text stops `validate` and `./build-wasm.sh` with the file and the key's JSON path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.PDP_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.PDP_ASSESS ?? join(root, 'build', 'dev', 'src', 'cli', 'pdp-assess');
const rulesDir = join(root, 'rules');
const localesDir = join(rulesDir, 'locales');

function run(args, input) {
  const result = spawnSync(cli, args, { input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readLocale(code) {
  return JSON.parse(readFileSync(join(localesDir, `${code}.json`), 'utf8'));
}

// A copy of the shipped rules, changed by `change(dir)`, removed after `use(dir)`.
function withRulesCopy(change, use) {
  const dir = mkdtempSync(join(tmpdir(), 'pdp-locales-'));
  try {
    cpSync(rulesDir, dir, { recursive: true });
    change(dir);
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Every JSON pointer of an object's keys (leaves and branches), "$schema" aside.
function pointers(value, at = '') {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value)
    .filter(([key]) => key !== '$schema')
    .flatMap(([key, child]) => [`${at}/${key}`, ...pointers(child, `${at}/${key}`)]);
}

const employee = {
  answers: {
    situation_pro: 'salarie', contrat_travail: true, arret_travail: true, motif_arret: 'maladie',
    pension_invalidite: false, difficultes: ['reprise_difficile'], probleme_sante: ['handicap'],
    solution_entreprise: 'oui', deja_contacte: false,
  },
  date: '2026-11-22',
};

test('English has exactly the keys of French, so the page is complete in both', () => {
  assert.deepEqual(pointers(readLocale('en')).sort(), pointers(readLocale('fr')).sort());
});

test('validate lists the locales found in rules/locales, the default (French) first', () => {
  const { code, stdout } = run(['validate', '--rules', rulesDir]);
  assert.equal(code, 0, stdout);
  const report = JSON.parse(stdout);
  assert.equal(report.locales[0], 'fr');
  assert.ok(report.locales.includes('en'));
});

test('assess --locale en answers in English, and in French without a locale', () => {
  const english = JSON.parse(run(['assess', '--texts', '--locale', 'en', '-'], JSON.stringify(employee)).stdout);
  assert.equal(english.locale, 'en');
  assert.equal(english.eligibility, 'eligible');
  assert.equal(english.outcome.title, readLocale('en').eligibility.eligible.title);
  assert.match(english.outcome.title, /You seem to meet the conditions/);
  const french = JSON.parse(run(['assess', '--texts', '-'], JSON.stringify(employee)).stdout);
  assert.equal(french.locale, 'fr');
  assert.equal(french.outcome.title, readLocale('fr').eligibility.eligible.title);
});

test('a third language is one file: locales/de.json is found with no other change', () => {
  withRulesCopy((dir) => {
    const german = { ...readLocale('en'), locale: 'de', name: 'Deutsch' };
    german.eligibility.eligible.title = 'Sie scheinen die Bedingungen zu erfüllen';
    writeFileSync(join(dir, 'locales', 'de.json'), JSON.stringify(german, null, 2));
  }, (dir) => {
    const validated = run(['validate', '--rules', dir]);
    assert.equal(validated.code, 0, validated.stdout);
    assert.deepEqual(JSON.parse(validated.stdout).locales, ['fr', 'de', 'en']);
    const assessed = run(['assess', '--texts', '--rules', dir, '--locale', 'de', '-'], JSON.stringify(employee));
    assert.equal(assessed.code, 0, assessed.stdout);
    const response = JSON.parse(assessed.stdout);
    assert.equal(response.locale, 'de');
    assert.equal(response.outcome.title, 'Sie scheinen die Bedingungen zu erfüllen');
  });
});

test('a locale the rules do not have is refused by assess, naming the ones available', () => {
  const { code, stdout } = run(['assess', '--locale', 'de', '-'], JSON.stringify(employee));
  assert.equal(code, 1);
  const { error } = JSON.parse(stdout);
  assert.equal(error.code, 'request.unknown_locale');
  assert.match(error.message, /"en"/);
});

// Removes one text from the English file of a rules copy.
function withoutEnglishText(dir) {
  const file = join(dir, 'locales', 'en.json');
  const english = JSON.parse(readFileSync(file, 'utf8'));
  delete english.measures.essai_encadre.text;
  writeFileSync(file, JSON.stringify(english, null, 2));
}

test('validate refuses a locale missing a text, naming the locale file and the key\'s JSON path', () => {
  withRulesCopy(withoutEnglishText, (dir) => {
    const { code, stdout } = run(['validate', '--rules', dir]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    const problem = report.problems.find((p) => p.path === 'locales/en.json#/measures/essai_encadre/text');
    assert.ok(problem, JSON.stringify(report.problems));
    assert.equal(problem.code, 'rules.missing_text');
    assert.match(problem.message, /locales\/en\.json/);
  });
});

test('./build-wasm.sh fails on a locale missing a text, names its JSON path, writes nothing', () => {
  withRulesCopy(withoutEnglishText, (dir) => {
    const out = join(dir, 'dist-never-written');
    const build = spawnSync(join(root, 'build-wasm.sh'), [], {
      encoding: 'utf8', env: { ...process.env, PDP_RULES_DIR: dir, PDP_DIST_DIR: out },
    });
    assert.notEqual(build.status, 0);
    assert.match(build.stderr, /locales\/en\.json#\/measures\/essai_encadre\/text/);
    assert.match(build.stderr, /the rules are not valid/);
    assert.equal(existsSync(out), false);
  });
});
