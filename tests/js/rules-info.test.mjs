// web/rules-info.js: the rules' info as the page reads it from its bundles (the build wrote there
// the core's, `pdp-assess info`; the module keeps no words). tests/wasm/parity.test.mjs holds the
// built page's info equal to the native core's, in each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { infoOf, lastingInfo, textsIn } from '../../web/rules-info.js';

const coreInfo = {
  rules: { version: '2026.12.0', information_date: '2026-12-02' },
  default_locale: 'fr',
  locale: 'fr',
  locales: [{ id: 'fr', name: 'Français', loaded: true }],
  questions: { arret_travail: { type: 'boolean', options: [], allows_unknown: true, exclusive: [] } },
  sources: { criteria: { situation_sante: [{ document: 'loi', passage: 'art. 1' }] } },
  documents: { loi: { title: 'La loi' } },
  ui: { start: 'Commencer' },
  texts: { name: 'Français', ui: { start: 'Commencer' } },
};
const french = { name: 'Français', ui: { start: 'Commencer' }, questions: { arret_travail: { label: 'En arrêt ?' } } };
const english = { name: 'English', ui: { start: 'Start' } };
const page = {
  files: { 'manifest.json': '{}', 'criteria.json': '{}', 'locales/fr.json': JSON.stringify(french) },
  separate_locales: { en: 'English', de: 'Deutsch' },
  info: lastingInfo(coreInfo),
};

test('the build keeps of the core\'s info what no language changes', () => {
  assert.deepEqual(Object.keys(lastingInfo(coreInfo)).sort(), ['default_locale', 'documents', 'questions', 'rules', 'sources']);
  assert.equal(lastingInfo(coreInfo).questions, coreInfo.questions);
  assert.deepEqual(lastingInfo({ rules: coreInfo.rules }), { rules: coreInfo.rules }, 'a part missing is not invented');
});

test('the texts at hand are the bundle\'s locale files, parsed, by code; no other file', () => {
  assert.deepEqual([...textsIn(page)], [['fr', french]]);
  assert.deepEqual([...textsIn({ files: { 'locales/en.json': JSON.stringify(english) } })], [['en', english]]);
  assert.equal(textsIn({ files: { 'locales/english.json': '{}', 'manifest.json': '{}' } }).size, 0);
  assert.equal(textsIn(null).size, 0);
  assert.throws(() => textsIn({ files: { 'locales/fr.json': '{' } }), SyntaxError, 'a broken text is not taken for none');
});

test('the info in a language: the lasting parts, every language (the default first, then by code), that language\'s texts', () => {
  const texts = textsIn(page);
  const info = infoOf(page, texts, 'fr');
  assert.deepEqual(info, {
    ...lastingInfo(coreInfo),
    locale: 'fr',
    locales: [{ id: 'fr', name: 'Français', loaded: true }, { id: 'de', name: 'Deutsch', loaded: false }, { id: 'en', name: 'English', loaded: false }],
    ui: french.ui,
    texts: french,
  });
  // English added: its name is its texts' own, and it is loaded.
  texts.set('en', english);
  const inEnglish = infoOf(page, texts, 'en');
  assert.equal(inEnglish.locale, 'en');
  assert.equal(inEnglish.ui, english.ui);
  assert.deepEqual(inEnglish.locales.map(({ id, loaded }) => [id, loaded]), [['fr', true], ['de', false], ['en', true]]);
  assert.equal(inEnglish.questions, page.info.questions, 'what no language changes is shared');
});

test('a language without texts at hand, or texts without a ui section, give empty ones (as the core\'s info)', () => {
  assert.deepEqual(infoOf(page, textsIn(page), 'de').texts, {});
  assert.deepEqual(infoOf(page, textsIn(page), 'de').ui, {});
  assert.deepEqual(infoOf(page, new Map([['fr', { name: 'Français' }]]), 'fr').ui, {});
});
