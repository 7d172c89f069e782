// web/opening.js: the opening the build writes into the page's rules.json, read back by the page
// (its info from the bundle, as the engine reads it: rules-info.js), and the comparison that decides whether
// the engine's first reply must be drawn again. tests/wasm/opening.test.mjs holds the opening of
// the built page equal to what the shipped module answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openingOf, openingReply, showsTheSame } from '../../web/opening.js';

const question = { id: 'situation_pro', type: 'choice', label: 'Votre situation ?', choices: [{ value: 'salarie', label: 'Salarié' }] };
const firstReply = {
  rules: { version: '2026.12.0', information_date: '2026-12-02' },
  date: '2026-12-04',
  locale: 'fr',
  answers: {},
  steps: [],
  dropped: [],
  next_question: question,
  progress: { answered: 0, remaining_at_most: 10 },
  notices: { privacy: 'Rien ne part.' },
  criteria: [{ id: 'arret_travail', status: 'unknown', title: 'Un arrêt' }],
  measures: [],
  eligibility: 'unknown',
};
const lasting = { rules: firstReply.rules, default_locale: 'fr', questions: { situation_pro: { type: 'choice', options: ['salarie'] } }, sources: {}, documents: {} };
const frenchTexts = { locale: 'fr', name: 'Français', ui: { start: 'Commencer' } };
const bundle = (opening, more = {}) => JSON.stringify({
  files: { 'manifest.json': '{}', 'locales/fr.json': JSON.stringify(frenchTexts) },
  separate_locales: { en: 'English', de: 'Deutsch' },
  info: lasting,
  ...(opening ? { opening } : {}),
  ...more,
});

test('the build keeps of the first reply what the intro and the first question read, not the result', () => {
  const kept = openingReply(firstReply);
  assert.deepEqual(Object.keys(kept).sort(), ['answers', 'date', 'dropped', 'locale', 'next_question', 'notices', 'progress', 'rules', 'steps']);
  assert.equal(kept.next_question, question);
  assert.equal('criteria' in kept, false);
});

test('the page reads its opening and its info from the bundle: the default language first, the others by code, not loaded', () => {
  const opening = openingOf(bundle({ reply: openingReply(firstReply) }));
  assert.deepEqual(opening.info, {
    ...lasting,
    locale: 'fr',
    locales: [{ id: 'fr', name: 'Français', loaded: true }, { id: 'de', name: 'Deutsch', loaded: false }, { id: 'en', name: 'English', loaded: false }],
    ui: { start: 'Commencer' },
    texts: frenchTexts,
  });
  assert.deepEqual(opening.reply, openingReply(firstReply));
});

test('a bundle without an opening, or with a broken one, gives none: the app waits for its engine', () => {
  assert.equal(openingOf(bundle(null)), null);
  assert.equal(openingOf(bundle({ reply: { ...openingReply(firstReply), next_question: null } })), null);
  assert.equal(openingOf(bundle({ reply: { ...openingReply(firstReply), steps: 'none' } })), null);
  assert.equal(openingOf(bundle({ reply: { ...openingReply(firstReply), locale: 'de' } })), null, 'no texts in that language');
  assert.equal(openingOf(bundle({ reply: openingReply(firstReply) }, { info: undefined })), null, 'no info written by the build');
  assert.equal(openingOf('{"files": '), null);
  assert.equal(openingOf(''), null);
  assert.equal(openingOf(undefined), null);
});

test('the engine\'s first reply shows the same as the opening on another day, not with another question or notice', () => {
  const opening = openingReply(firstReply);
  assert.equal(showsTheSame(opening, { ...firstReply, date: '2027-01-15' }), true);
  assert.equal(showsTheSame(opening, { ...firstReply, next_question: { ...question, label: 'Autre ?' } }), false);
  assert.equal(showsTheSame(opening, { ...firstReply, notices: { privacy: 'Autre.' } }), false);
  assert.equal(showsTheSame(opening, { ...firstReply, progress: { answered: 0, remaining_at_most: 9 } }), false);
});

test('the comparison does not depend on the order of the members (the native core sorts them, the page does not)', () => {
  const reordered = { ...firstReply, next_question: { choices: question.choices, label: question.label, type: question.type, id: question.id } };
  assert.equal(showsTheSame(openingReply(firstReply), reordered), true);
});
