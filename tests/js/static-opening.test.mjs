// scripts/static-opening.mjs and scripts/static-dom.mjs: the build draws the opening's intro and
// first question with the app's own views and writes them as HTML into index.html, where they
// work with no script: Start is a link to the question, Back a link to the intro, and the form
// sends nothing anywhere. tests/browser/static-opening.test.mjs uses them in a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_QUESTION_ID, staticOpening } from '../../scripts/static-opening.mjs';
import { staticDocument, withStaticDocument } from '../../scripts/static-dom.mjs';
import { button, h } from '../../web/dom.js';

const question = {
  id: 'situation_pro',
  type: 'choice',
  label: 'Votre situation ?',
  help: 'Votre travail « principal » & le reste.',
  choices: [{ value: 'salarie', label: 'Salarié' }, { value: 'ne_sait_pas', label: 'Je ne sais pas' }],
};
const reply = {
  rules: { version: '2026.12.0', information_date: '2026-12-02' },
  date: '2026-12-04',
  locale: 'fr',
  answers: {},
  steps: [],
  dropped: [],
  next_question: question,
  progress: { answered: 0, remaining_at_most: 10 },
  notices: { privacy: 'Rien ne part.', information_date: 'À jour au 2 décembre 2026.' },
};
const ui = { app_title: 'Est-ce pour moi ?', intro_text: 'Vous êtes en arrêt.', start: 'Commencer', next: 'Continuer', back: 'Retour', restart: 'Effacer', progress_question: 'Question {n}' };
const bundleText = (opening = { reply }) => JSON.stringify({
  files: { 'manifest.json': '{}', 'locales/fr.json': JSON.stringify({ locale: 'fr', name: 'Français', ui }) },
  info: { rules: reply.rules, default_locale: 'fr', questions: {}, sources: {}, documents: {} },
  ...(opening ? { opening } : {}),
});

const attributesOf = (html, tag) => [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((match) => match[1]);

test('the intro is the app\'s, its Start a link to the first question, marked as static', async () => {
  const { intro } = await staticOpening(bundleText());
  assert.match(intro, /^<section class="screen screen--intro" data-static-screen="intro">/);
  assert.match(intro, /<h1 tabindex="-1" data-focus class="intro-title">Est-ce pour moi \?<\/h1>/);
  assert.match(intro, /<p class="lead">Vous êtes en arrêt\.<\/p>/);
  assert.match(intro, /<p class="notice notice--privacy">Rien ne part\.<\/p>/);
  assert.match(intro, new RegExp(`<a href="#${FIRST_QUESTION_ID}" class="button button--primary" data-static-start>Commencer</a>`));
  assert.doesNotMatch(intro, /<button|data-screen=|data-action=/, 'no button that needs the app, nothing the app\'s selectors find');
});

test('the first question is the app\'s, its form sends nothing anywhere, Back is a link to the intro', async () => {
  const { question: html } = await staticOpening(bundleText());
  assert.match(html, new RegExp(`^<section class="screen screen--question" id="${FIRST_QUESTION_ID}" data-static-screen="question" data-static-question="situation_pro">`));
  assert.deepEqual(attributesOf(html, 'form'), [' class="question-form" novalidate method="dialog"'], 'method="dialog" outside a dialog: submitting does nothing');
  assert.match(html, /<h2 tabindex="-1" data-focus class="question-label">Votre situation \?<\/h2>/);
  assert.match(html, /<p id="question-help" class="hint">Votre travail « principal » &amp; le reste\.<\/p>/);
  assert.deepEqual(attributesOf(html, 'input'), [
    ' type="radio" name="answer" id="choice-0" value="salarie"',
    ' type="radio" name="answer" id="choice-1" value="ne_sait_pas"',
  ]);
  assert.match(html, /<label for="choice-0">Salarié<\/label>/);
  assert.match(html, /<p id="question-error" class="field-error" hidden><\/p>/);
  assert.match(html, /<span class="progress-step">Question 1<\/span>/);
  assert.match(html, /<a href="#" class="button button--secondary">Retour<\/a>/);
  assert.doesNotMatch(html, /Effacer|data-action="restart"|data-action="back"/, 'nothing to start again before the app');
  assert.doesNotMatch(html, /data-screen=|data-question=|\son[a-z]+=|\sstyle=/);
});

test('a bundle without an opening stops the build', async () => {
  await assert.rejects(staticOpening(bundleText(null)), /rules\.json has no opening/);
  await assert.rejects(staticOpening('not json'), /rules\.json has no opening/);
});

test('the static document writes text and attributes escaped, void elements unclosed, reflected properties as attributes', () => {
  const html = withStaticDocument(() => {
    const input = h('input', { type: 'checkbox', value: 'a "b" & c' });
    input.checked = true;
    const note = h('p', { class: 'x' }, 'a < b & c > d', h('br'), '[en:Hello] suite');
    note.hidden = true;
    const quiet = button('Go', { 'data-action': 'next' });
    return [input.outerHTML, note.outerHTML, quiet.outerHTML];
  });
  assert.deepEqual(html, [
    '<input type="checkbox" value="a &quot;b&quot; &amp; c" checked>',
    '<p class="x" hidden>a &lt; b &amp; c &gt; d<br><span lang="en">Hello</span> suite</p>',
    '<button type="button" data-action="next" class="button button--secondary">Go</button>',
  ]);
  assert.equal(globalThis.document, undefined, 'the globals are put back');
});

test('an element appended twice moves, as in a document', () => {
  const [first, second, moved] = ['div', 'div', 'span'].map((tag) => staticDocument.createElement(tag));
  first.append(moved);
  second.append(moved);
  assert.equal(first.outerHTML, '<div></div>');
  assert.equal(second.outerHTML, '<div><span></span></div>');
});
