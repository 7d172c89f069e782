// web/language-marks.js: the "[fr:…]" marks of another language's words inside a text (RGAA 8.7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inLanguage, languageParts, withoutLanguageMarks } from '../../web/language-marks.js';

test('a text without marks is one plain part', () => {
  assert.deepEqual(languageParts('Sick leave is when a doctor tells you not to work.'), [{ text: 'Sick leave is when a doctor tells you not to work.' }]);
  assert.deepEqual(languageParts(''), [{ text: '' }]);
});

test('each mark is a part with its language, in order, the brackets and code left out', () => {
  assert.deepEqual(languageParts('The adviser ([fr:médecin-conseil]) of [fr:la caisse].'), [
    { text: 'The adviser (' },
    { text: 'médecin-conseil', lang: 'fr' },
    { text: ') of ' },
    { text: 'la caisse', lang: 'fr' },
    { text: '.' },
  ]);
  assert.equal(withoutLanguageMarks('The adviser ([fr:médecin-conseil]).'), 'The adviser (médecin-conseil).');
});

test('what is not a mark stays text: no code, a long code, an empty mark', () => {
  for (const text of ['[médecin]', '[fra:médecin]', '[fr:]', '[FR:médecin]']) {
    assert.deepEqual(languageParts(text), [{ text }], text);
    assert.equal(withoutLanguageMarks(text), text);
  }
});

test('inLanguage marks a text only on a page in another language, and never one holding a bracket', () => {
  assert.equal(inLanguage('Article L323-3-1', 'fr', 'en'), '[fr:Article L323-3-1]');
  assert.equal(inLanguage('Article L323-3-1', 'fr', 'fr'), 'Article L323-3-1');
  assert.equal(inLanguage('Article [1]', 'fr', 'en'), 'Article [1]');
  assert.deepEqual(languageParts(inLanguage('Article L323-3-1', 'fr', 'en')), [{ text: 'Article L323-3-1', lang: 'fr' }]);
});

test('the English texts mark French names, and only with well-formed marks (no stray bracket)', () => {
  const en = readFileSync(new URL('../../rules/locales/en.json', import.meta.url), 'utf8');
  const marks = [...en.matchAll(/\[fr:([^[\]"]+)\]/g)].map((m) => m[1]);
  assert.ok(marks.includes('médecin-conseil') && marks.includes('temps partiel thérapeutique'), marks.join(', '));
  // Any bracket left once the marks are out would be shown as is.
  assert.doesNotMatch(withoutLanguageMarks(en).replace(/"\$schema"[^\n]*/, ''), /\[[a-z]{2}:/);
  // French needs no mark: its texts are French.
  const fr = readFileSync(new URL('../../rules/locales/fr.json', import.meta.url), 'utf8');
  assert.doesNotMatch(fr, /\[[a-z]{2}:/);
});
