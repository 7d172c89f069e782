// The plain-language check (scripts/plain-language.mjs): the shipped French texts pass it, and it
// fails, naming the text, when a result-screen sentence is too long or an outcome's first lines
// are more than one sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.PDP_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = join(root, 'scripts', 'plain-language.mjs');
const frenchFile = join(root, 'rules', 'locales', 'fr.json');

function check(args = []) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Runs the check on a copy of fr.json changed by `change`.
function checkChanged(change, args = []) {
  const dir = mkdtempSync(join(tmpdir(), 'pdp-plain-'));
  try {
    const french = JSON.parse(readFileSync(frenchFile, 'utf8'));
    change(french);
    const file = join(dir, 'fr.json');
    writeFileSync(file, JSON.stringify(french, null, 2));
    return check(['--file', file, ...args]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TWENTY_WORDS =
  'Vous pouvez demander cette aide à votre caisse, par téléphone ou par votre compte, quand vous le voulez, sans attendre.';
const TWENTY_ONE_WORDS = TWENTY_WORDS.replace('sans attendre.', 'sans attendre demain.');

test('the shipped English texts pass the same limits: no result-screen sentence over 20 words, each "now" one sentence', () => {
  const { code, stdout, stderr } = check(['--file', join(root, 'rules', 'locales', 'en.json')]);
  assert.equal(code, 0, stdout + stderr);
});

test('the shipped French texts pass: no result-screen sentence over 20 words, each "now" one sentence', () => {
  const { code, stdout, stderr } = check();
  assert.equal(code, 0, `${stdout}\n${stderr}`);
  assert.match(stdout, /Every sentence of the result screen has at most 20 words/);
});

test('the report names each text by its JSON path with its words per sentence', () => {
  const { stdout } = check();
  const french = JSON.parse(readFileSync(frenchFile, 'utf8'));
  for (const pointer of ['/eligibility/eligible/now', '/measures/crpe/text', '/questions/situation_pro/label']) {
    assert.match(stdout, new RegExp(`^  ${pointer.replaceAll('/', '\\/')} +\\d`, 'm'), `${pointer} is reported`);
  }
  const line = stdout.split('\n').find((l) => l.trimStart().startsWith('/eligibility/eligible/now '));
  const words = french.eligibility.eligible.now.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  assert.match(line, new RegExp(`\\s${words}$|\\s${words}\\s`), `the words of the "now" sentence: ${line}`);
});

test('each outcome\'s "now" is a single sentence in the shipped texts', () => {
  const report = JSON.parse(check(['--json']).stdout);
  for (const outcome of ['eligible', 'not_eligible', 'incomplete']) {
    const now = report.texts.find((t) => t.pointer === `/eligibility/${outcome}/now`);
    assert.equal(now.sentences.length, 1, `${outcome}: ${JSON.stringify(now.sentences)}`);
  }
});

test('a result-screen sentence of 21 words fails with exit 1, naming its JSON path', () => {
  assert.equal(TWENTY_ONE_WORDS.split(' ').length, 21);
  const { code, stdout } = checkChanged((fr) => {
    fr.measures.formation.text = `Une phrase courte. ${TWENTY_ONE_WORDS}`;
  });
  assert.equal(code, 1);
  assert.match(stdout, /\/measures\/formation\/text: a sentence of 21 words/);
  assert.match(stdout, /\/measures\/formation\/text +3 · 21!/);
});

test('a 20-word sentence on the result screen passes; a long sentence in a question help is only reported', () => {
  assert.equal(TWENTY_WORDS.split(' ').length, 20);
  const atLimit = checkChanged((fr) => {
    fr.next_steps.demander_accompagnement.text = TWENTY_WORDS;
  });
  assert.equal(atLimit.code, 0, atLimit.stdout);
  const inHelp = checkChanged((fr) => {
    fr.questions.situation_pro.help = TWENTY_ONE_WORDS;
  });
  assert.equal(inHelp.code, 0, inHelp.stdout);
  assert.match(inHelp.stdout, /\/questions\/situation_pro\/help +21\b/);
});

test('a to_check text, a notice and an actor\'s role count as result-screen texts', () => {
  for (const [pointer, change] of [
    ['/questions/contrat_travail/to_check', (fr) => { fr.questions.contrat_travail.to_check = TWENTY_ONE_WORDS; }],
    ['/notices/privacy', (fr) => { fr.notices.privacy = TWENTY_ONE_WORDS; }],
    ['/actors/medecin_travail/role', (fr) => { fr.actors.medecin_travail.role = TWENTY_ONE_WORDS; }],
  ]) {
    const { code, stdout } = checkChanged(change);
    assert.equal(code, 1, pointer);
    assert.ok(stdout.includes(`${pointer}: a sentence of 21 words`), `${pointer}: ${stdout.slice(-400)}`);
  }
});

test('an outcome\'s "now" of two sentences fails, saying it must be one', () => {
  const { code, stdout } = checkChanged((fr) => {
    fr.eligibility.incomplete.now = 'Vérifiez ce point. Puis appelez votre caisse.';
  });
  assert.equal(code, 1);
  assert.match(stdout, /\/eligibility\/incomplete\/now: the result's first lines must say in one sentence/);
});

test('rare words: a word outside the frequent-word list is reported, a glossary term where it appears is not', () => {
  const report = (change) => JSON.parse(checkChanged(change, ['--json']).stdout);
  const rareOf = (r, pointer) => r.texts.find((t) => t.pointer === pointer).rare;
  const changed = report((fr) => {
    fr.next_steps.parler_medecin_traitant.text = 'Votre médecin traitant peut vous aider. Il connaît la nosologie.';
    fr.next_steps.repondre_caisse.text = 'Répondez vite à votre caisse : elle vous aidera à préparer la suite.';
  });
  assert.deepEqual(rareOf(changed, '/next_steps/parler_medecin_traitant/text'), ['nosologie']);
  assert.deepEqual(rareOf(changed, '/next_steps/repondre_caisse/text'), [], 'regular forms of listed words are not rare');
  // A long word is rare even when common ("reconnaissances" has 15 letters).
  const long = report((fr) => {
    fr.next_steps.repondre_caisse.text = 'Vous gardez vos reconnaissances.';
  });
  assert.deepEqual(rareOf(long, '/next_steps/repondre_caisse/text'), ['reconnaissances']);
});

test('a glossary term whose explaining text is gone stops the check (exit 2) and says which', () => {
  const { code, stderr } = checkChanged((fr) => {
    delete fr.measures.essai_encadre;
  });
  assert.equal(code, 2);
  assert.match(stderr, /"essai encadré" is explained at \/measures\/essai_encadre, which is not a text/);
});

test('bad arguments and an unreadable file exit 2 with a message', () => {
  const unknown = check(['--words']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown argument "--words"/);
  const missing = check(['--file', join(tmpdir(), 'no-such-locale.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read the locale file/);
});
