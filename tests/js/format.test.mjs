// web/format.js: dates, lists and quotes as each language writes them (the one place the page
// formats them), and web/texts.js: each app instance keeps its own words. Run under Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatList, quote } from '../../web/format.js';
import { createTexts } from '../../web/texts.js';

test('the first day of a month is "1er" in French and "1" in English', () => {
  assert.equal(formatDate('2021-07-01', 'fr'), '1er juillet 2021');
  assert.equal(formatDate('2021-07-01', 'en'), '1 July 2021');
  // Only the first: the 11th and the 21st stay cardinal in French.
  assert.equal(formatDate('2021-07-11', 'fr'), '11 juillet 2021');
  assert.equal(formatDate('2026-11-23', 'en'), '23 November 2026');
});

test('what is not a day comes back as it came', () => {
  assert.equal(formatDate('2021-07', 'fr'), '2021-07');
  assert.equal(formatDate(null, 'en'), '');
});

test('quotes: French guillemets with narrow no-break spaces inside, English curly quotes', () => {
  assert.equal(quote('Oui', 'fr'), '«\u202FOui\u202F»');
  assert.equal(quote('Oui', 'fr-FR'), '«\u202FOui\u202F»');
  assert.equal(quote('Yes', 'en'), '“Yes”');
  assert.equal(quote('Yes', 'en-GB'), '“Yes”');
  assert.doesNotMatch(quote('Yes', 'en'), /[«»]/, 'no French guillemets in English');
});

test('lists are joined as each language joins them', () => {
  assert.equal(formatList(['A', 'B', 'C'], 'fr', 'conjunction'), 'A, B et C');
  assert.equal(formatList(['A', 'B'], 'fr', 'disjunction'), 'A ou B');
  assert.equal(formatList(['A', 'B', 'C'], 'en', 'conjunction'), 'A, B, and C');
  assert.equal(formatList(['A', 'B'], 'en', 'disjunction'), 'A or B');
  assert.equal(formatList(['A'], 'fr', 'conjunction'), 'A');
  assert.equal(formatList([], 'en', 'conjunction'), '');
});

test('two sets of texts in two languages keep their own words and language', () => {
  const french = createTexts({ next: 'Suivant', progress_question: 'Question {n}' }, 'fr');
  const english = createTexts({ next: 'Next', progress_question: 'Question {n}' }, 'en');
  assert.equal(french('next'), 'Suivant');
  assert.equal(english('next'), 'Next');
  assert.equal(french.locale, 'fr');
  assert.equal(english.locale, 'en');
  assert.equal(english('progress_question', { n: 3 }), 'Question 3');
  // A missing text shows its key; a placeholder without a value stays as written.
  assert.equal(french('absent'), 'absent');
  assert.equal(french('progress_question'), 'Question {n}');
});

test('texts are kept as given: a later change to the ui object does not reach them', () => {
  const ui = { next: 'Suivant' };
  const t = createTexts(ui, 'fr');
  ui.next = 'changed';
  assert.equal(t('next'), 'Suivant');
});
