#!/usr/bin/env node
// Plain-language report on the French texts: words per sentence and rare words, text by text;
// fails when a sentence shown on the result screen is too long.
//
// Usage: node scripts/plain-language.mjs [--file rules/locales/fr.json] [--max-words 20] [--json]
// (another language's file gets the sentence checks only: the word list and glossary are French)
// Exit: 0 the report is printed and every limit holds; 1 a limit is broken (listed at the end);
// 2 the file, the word list or the glossary cannot be read.
//
// What is counted (the definitions the authors work with):
// - A text: each string of the locale file, named by its JSON pointer (/measures/crpe/text).
//   "$schema", "locale", "name" and "months" are not texts to read.
// - A sentence ends after ".", "!", "?" or "…" followed by a space or the end of the text. A colon
//   or a semicolon does not end a sentence: "Écrivez : « … »." is one sentence.
// - A word is what stands between spaces and holds a letter or a digit: "l'arrêt" is one word,
//   "médecin-conseil" one, "36 46" two, a placeholder such as {date} one.
// - The result screen shows the texts under /eligibility, /outcomes, /criteria, /programmes,
//   /measures, /actors, /channels, /next_steps, /notices and each question's /to_check. A sentence there
//   may have at most 20 words (--max-words), and each outcome's "now" (the result's first lines)
//   must be a single sentence: it says what the person can do now. Other texts (questions, the
//   page's own words) are reported, not enforced.
// - A rare word is a word that is not in scripts/plain-language/frequent-words.fr.txt (a list of
//   everyday French words written for this project; regular plurals, feminines, adverbs in -ment
//   and regular verb endings of a listed word count as listed), or a word of 13 letters or more.
//   Numbers, placeholders and words in capitals of 2 letters or fewer are not words to judge.
//   A term of scripts/plain-language/glossary.fr.json is allowed (its words are not rare) where
//   it appears, with the other forms it lists: each term names the text that explains it, and the
//   script checks that this text exists and uses the term. Rare words are reported so that authors replace them or explain
//   them; they do not fail the check (a person may need an exact word to ask the caisse).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'scripts', 'plain-language');
const RESULT_SCREEN = [/^\/eligibility\//, /^\/outcomes\//, /^\/criteria\//, /^\/programmes\//, /^\/measures\//,
  /^\/actors\//, /^\/channels\//, /^\/next_steps\//, /^\/notices\//, /^\/questions\/[^/]+\/to_check$/];
const NOT_TEXTS = new Set(['/$schema', '/locale', '/name']);
const LONG_WORD = 13;

class UsageError extends Error {}

function parseArguments(argv) {
  const options = { file: join(root, 'rules', 'locales', 'fr.json'), maxWords: 20, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--file' && argv[i + 1]) options.file = argv[++i];
    else if (arg === '--max-words' && /^[1-9]\d*$/.test(argv[i + 1] ?? '')) options.maxWords = Number(argv[++i]);
    else throw new UsageError(`unknown argument "${arg}" (usage: [--file PATH] [--max-words N] [--json])`);
  }
  return options;
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${error.message}`);
  }
}

// ---- Words

const lower = (text) => text.normalize('NFC').replaceAll('’', "'").toLowerCase();
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'/;

/** A token as a word to look up: lower case, no punctuation around, no elided article. */
function bareWord(token) {
  return lower(token)
    .replace(/^[^\p{L}\p{N}{]+|[^\p{L}\p{N}}]+$/gu, '')
    .replace(ELISION, '');
}

// Forms a listed word may take: the word itself and what regular French endings reduce it to.
const ENDINGS = [
  // plurals and feminines
  ['aux', 'al'], ['x', ''], ['s', ''], ['e', ''], ['es', ''], ['ive', 'if'], ['euse', 'eur'],
  ['euse', 'eux'], ['elle', 'el'], ['enne', 'en'], ['ère', 'er'], ['trice', 'teur'], ['ette', 'et'],
  // adverbs
  ['ement', ''], ['ment', ''], ['amment', 'ant'], ['emment', 'ent'],
  // -er verbs
  ...['e', 'es', 'ent', 'ons', 'ez', 'é', 'ée', 'és', 'ées', 'ais', 'ait', 'aient', 'ions', 'iez',
    'ant', 'era', 'erai', 'eras', 'erez', 'erons', 'eront', 'erait', 'eraient'].map((e) => [e, 'er']),
  // -ir verbs (finir)
  ...['is', 'it', 'issons', 'issez', 'issent', 'i', 'ie', 'ies', 'issant', 'ira', 'irez', 'iront',
    'irait'].map((e) => [e, 'ir']),
  // -re verbs (répondre)
  ...['s', 'ons', 'ez', 'ent', 'u', 'ue', 'us', 'ues', 'ais', 'ait', 'aient', 'ions', 'iez', 'ant', 'ra',
    'rez', 'ront', 'rait'].map((e) => [e, 're']),
  ['d', 'dre'],
  // words formed on a listed one
  ['ation', 'er'], ['age', 'er'], ['ement', 'er'],
];

function reductions(word) {
  const forms = new Set([word]);
  for (const [ending, replacement] of ENDINGS) {
    if (word.length > ending.length + 2 && word.endsWith(ending)) {
      forms.add(word.slice(0, -ending.length) + replacement);
    }
  }
  return forms;
}

function readFrequentWords() {
  let text;
  try {
    text = readFileSync(join(dataDir, 'frequent-words.fr.txt'), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the frequent-word list: ${error.message}`);
  }
  const words = new Set();
  for (const line of text.split('\n')) {
    for (const token of line.replace(/#.*/, '').split(/\s+/)) {
      const word = bareWord(token);
      if (word) words.add(word);
    }
  }
  return words;
}

function isFrequent(word, frequent) {
  // Two steps of reduction: "seulement" → "seule" → "seul", "vérifiées" → "vérifier".
  for (const form of reductions(word)) {
    if (frequent.has(form)) return true;
    for (const base of reductions(form)) if (frequent.has(base)) return true;
  }
  // A compound is as plain as its parts: "vous-même", "rendez-vous".
  return word.includes('-') && word.split('-').every((part) => part && isFrequent(part, frequent));
}

const isNotJudged = (token, word) =>
  !word || /\p{N}/u.test(word) || /^\{[a-z_]+\}$/.test(word) || /^\p{Lu}{1,2}$/u.test(token.replace(/[^\p{L}]/gu, ''));

// ---- Texts

/** Every text of the locale: [JSON pointer, string]. */
function textsOf(locale, at = '') {
  if (typeof locale === 'string') return NOT_TEXTS.has(at) ? [] : [[at, locale]];
  if (locale === null || typeof locale !== 'object' || Array.isArray(locale)) return [];
  return Object.entries(locale)
    .filter(([key]) => key !== 'months')
    .flatMap(([key, value]) => textsOf(value, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`));
}

function valueAt(locale, pointer) {
  let value = locale;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (value === null || typeof value !== 'object' || !(key in value)) return undefined;
    value = value[key];
  }
  return value;
}

const sentencesOf = (text) => text.trim().split(/(?<=[.!?…])\s+/u).filter((s) => s.trim());
const wordsOf = (sentence) => sentence.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readGlossary(locale) {
  const glossary = readJson(join(dataDir, 'glossary.fr.json'), 'the glossary');
  const problems = [];
  const terms = (glossary.terms ?? []).flatMap(({ term, forms = [], explained_at: at }) => {
    const explained = valueAt(locale, at ?? '');
    const texts = explained === undefined ? [] : textsOf(explained).map(([, text]) => lower(text));
    if (!texts.length) problems.push(`glossary: "${term}" is explained at ${at}, which is not a text of the locale`);
    else if (!texts.some((text) => text.includes(lower(term)))) {
      problems.push(`glossary: "${term}" is explained at ${at}, which does not use it`);
    }
    // Longest first, so that "pension d'invalidité" is taken before "invalidité".
    return [term, ...forms].map((words) => ({
      words,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(lower(words))}(?![\\p{L}\\p{N}])`, 'gu'),
    }));
  });
  terms.sort((a, b) => b.words.length - a.words.length);
  return { terms, problems };
}

/** The report of one text: its sentences (words, over the limit?) and its rare words. */
function checkText(pointer, text, { frequent, glossary, maxWords }) {
  const onResult = RESULT_SCREEN.some((pattern) => pattern.test(pointer));
  const sentences = sentencesOf(text).map((sentence) => {
    const words = wordsOf(sentence).length;
    return { text: sentence, words, tooLong: onResult && words > maxWords };
  });
  // Glossary terms found in the text are read as explained: their words are not judged.
  let plain = lower(text);
  for (const { pattern } of glossary.terms) plain = plain.replace(pattern, ' ');
  const rare = [];
  for (const token of plain.split(/\s+/)) {
    const word = bareWord(token);
    if (isNotJudged(token, word)) continue;
    // A compound is as long as its longest part: "connectez-vous" is not a long word.
    const letters = Math.max(...word.split('-').map((part) => part.replace(/[^\p{L}]/gu, '').length));
    if (frequent && (!isFrequent(word, frequent) || letters >= LONG_WORD) && !rare.includes(word)) rare.push(word);
  }
  const problems = sentences
    .filter((s) => s.tooLong)
    .map((s) => `${pointer}: a sentence of ${s.words} words (at most ${maxWords} on the result screen): « ${s.text} »`);
  if (/^\/(eligibility|outcomes)\/[^/]+\/now$/.test(pointer) && sentences.length !== 1) {
    problems.push(`${pointer}: the result's first lines must say in one sentence what the person can do now; it has ${sentences.length}`);
  }
  return { pointer, onResult, sentences, rare, problems };
}

export function plainLanguageReport({ file, maxWords }) {
  const locale = readJson(file, 'the locale file');
  // The word list and the glossary are French: another language gets the sentence checks only.
  const french = (locale.locale ?? 'fr') === 'fr';
  const frequent = french ? readFrequentWords() : null;
  const glossary = french ? readGlossary(locale) : { terms: [], problems: [] };
  const texts = textsOf(locale).map(([pointer, text]) => checkText(pointer, text, { frequent, glossary, maxWords }));
  const outcomes = ['eligible', 'not_eligible', 'incomplete'];
  const missingNow = outcomes.filter((o) => typeof valueAt(locale, `/eligibility/${o}/now`) !== 'string');
  return {
    file,
    maxWords,
    texts,
    problems: [
      ...texts.flatMap((t) => t.problems),
      ...missingNow.map((o) => `/eligibility/${o}/now: missing (the result's first lines)`),
    ],
    setupProblems: glossary.problems,
  };
}

// ---- Printing

function printReport(report) {
  const lines = [];
  const width = Math.max(...report.texts.map((t) => t.pointer.length));
  const describe = (t) => {
    const counts = t.sentences.map((s) => (s.tooLong ? `${s.words}!` : String(s.words))).join(' · ');
    const rare = t.rare.length ? `   rare: ${t.rare.join(', ')}` : '';
    return `  ${t.pointer.padEnd(width)}  ${counts}${rare}`;
  };
  lines.push(`Plain language: ${relative(process.cwd(), report.file) || report.file}`);
  lines.push('Words per sentence ("!" over the limit), then the rare words (definitions: top of scripts/plain-language.mjs).');
  lines.push('', `Result screen (at most ${report.maxWords} words a sentence):`);
  for (const t of report.texts.filter((t) => t.onResult)) lines.push(describe(t));
  lines.push('', 'Questions and the page (reported, not enforced):');
  for (const t of report.texts.filter((t) => !t.onResult)) lines.push(describe(t));

  const sentences = report.texts.flatMap((t) => t.sentences.map((s) => ({ ...s, pointer: t.pointer })));
  const longest = sentences.reduce((a, b) => (b.words > a.words ? b : a), { words: 0 });
  const resultSentences = report.texts.filter((t) => t.onResult).flatMap((t) => t.sentences);
  const average = resultSentences.reduce((sum, s) => sum + s.words, 0) / Math.max(1, resultSentences.length);
  const rareCount = new Map();
  for (const t of report.texts) for (const word of t.rare) rareCount.set(word, (rareCount.get(word) ?? 0) + 1);
  const rare = [...rareCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'));
  lines.push('', 'Summary:');
  lines.push(`  ${report.texts.length} texts, ${sentences.length} sentences; the longest has ${longest.words} words (${longest.pointer ?? '-'}).`);
  lines.push(`  Result screen: ${resultSentences.length} sentences, ${average.toFixed(1)} words on average.`);
  lines.push(`  Rare words (${rare.length}), with the number of texts using them: ${rare.map(([w, n]) => `${w} (${n})`).join(', ') || 'none'}.`);
  const problems = [...report.setupProblems, ...report.problems];
  if (problems.length) {
    lines.push('', `To fix (${problems.length}):`, ...problems.map((p) => `  ${p}`));
  } else {
    lines.push(`  Every sentence of the result screen has at most ${report.maxWords} words; each outcome's "now" is one sentence.`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function main() {
  let report;
  try {
    report = plainLanguageReport(parseArguments(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`plain-language: ${error.message}\n`);
    return 2;
  }
  if (report.setupProblems.length) {
    process.stderr.write(`plain-language: ${report.setupProblems.join('\n')}\n`);
    return 2;
  }
  if (parseArguments(process.argv.slice(2)).json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    printReport(report);
  }
  return report.problems.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
