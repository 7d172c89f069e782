// Logic of the page without a DOM: the long dates (format.js) and the gathering of the sources a
// result cites (sources.js), run under Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate as longDate } from '../../web/format.js';
import { byDocument, gatherSources, siteOf, sourcesOf, webAddress } from '../../web/sources.js';

test('longDate writes the first day of a month "1er" in French, and only then', () => {
  assert.equal(longDate('2021-07-01', 'fr'), '1er juillet 2021');
  assert.equal(longDate('2020-12-01', 'fr-FR'), '1er décembre 2020');
  assert.equal(longDate('2026-11-23', 'fr'), '23 novembre 2026');
  assert.equal(longDate('2021-07-11', 'fr'), '11 juillet 2021');
  assert.equal(longDate('2021-07-21', 'fr'), '21 juillet 2021');
  assert.equal(longDate('2021-07-01', 'en'), '1 July 2021');
  assert.equal(longDate('2026-11-23', 'en'), '23 November 2026');
});

test('longDate gives back what is not a day as it came', () => {
  assert.equal(longDate('2021-7-1', 'fr'), '2021-7-1');
  assert.equal(longDate(undefined, 'fr'), '');
});

const ameli = { document: 'ameli_pdp', title: 'Prévenir la désinsertion professionnelle', url: 'https://www.ameli.fr/pdp' };
const css = { document: 'code_securite_sociale', title: 'Code de la sécurité sociale (Légifrance)', date: '2026-03-14', url: 'https://www.legifrance.gouv.fr/codes/x' };

test('sourcesOf keeps the entries that say something and drops unsafe addresses', () => {
  const item = {
    sources: [
      { ...ameli, passage: 'Comment bénéficier ?' },
      { document: 'notes', title: 'Notes', passage: 'P', url: 'javascript:alert(1)' },
      { document: 'empty' },
      null,
      'text',
    ],
  };
  const shown = sourcesOf(item);
  assert.equal(shown.length, 2);
  assert.deepEqual(shown[0], { ...ameli, date: '', passage: 'Comment bénéficier ?', article: '' });
  assert.equal(shown[1].url, '', 'a javascript: address is never a link');
  assert.deepEqual(sourcesOf({}), []);
  assert.deepEqual(sourcesOf(null), []);
});

test('gatherSources lists each document once, its passages once each, in the order of the page', () => {
  const response = {
    measures: [
      { id: 'm1', sources: [{ ...css, passage: 'Article L323-3' }, { ...ameli, passage: 'A' }] },
      { id: 'm2', sources: [{ ...css, passage: 'Article L323-3-1' }, { ...css, passage: 'Article L323-3' }] },
    ],
    channels: [{ id: 'c1', sources: [{ ...ameli, passage: 'A' }, { ...ameli, passage: 'B' }] }],
    criteria: [{ id: 'k1', sources: [{ document: 'revue', title: 'Revue', date: '2026-12-02', passage: 'R1' }] }],
    to_check: [{ question: 'q', sources: [{ ...ameli, passage: 'not a citing list' }] }],
  };
  assert.deepEqual(gatherSources(response), [
    // Channels come first on the page, then measures, then criteria.
    { document: 'ameli_pdp', title: ameli.title, date: '', url: ameli.url, passages: ['A', 'B'] },
    { document: 'code_securite_sociale', title: css.title, date: '2026-03-14', url: css.url, passages: ['Article L323-3', 'Article L323-3-1'] },
    { document: 'revue', title: 'Revue', date: '2026-12-02', url: '', passages: ['R1'] },
  ]);
  assert.deepEqual(gatherSources({}), []);
});

test('gatherSources fills a date or an address a first citation left out', () => {
  const response = {
    measures: [
      { sources: [{ document: 'd', title: 'D', passage: 'p1' }] },
      { sources: [{ document: 'd', title: 'D', passage: 'p2', date: '2024-07-05', url: 'https://www.ameli.fr/x' }] },
    ],
  };
  assert.deepEqual(gatherSources(response), [
    { document: 'd', title: 'D', date: '2024-07-05', url: 'https://www.ameli.fr/x', passages: ['p1', 'p2'] },
  ]);
});

test('webAddress and siteOf', () => {
  assert.equal(webAddress(' https://www.service-public.fr/particuliers/actualites/A16196 '), 'https://www.service-public.fr/particuliers/actualites/A16196');
  assert.equal(webAddress('data:text/html,x'), '');
  assert.equal(webAddress('ftp://x'), '');
  assert.equal(siteOf('https://www.legifrance.gouv.fr/codes/x'), 'legifrance.gouv.fr');
  assert.equal(siteOf('https://ameli.fr'), 'ameli.fr');
  assert.equal(siteOf(''), '');
});

test('byDocument groups one item\'s sources: a document cited twice shows once, with both passages', () => {
  const sources = sourcesOf({
    sources: [
      { ...ameli, passage: 'A' },
      { ...css, passage: 'Article L323-3' },
      { ...ameli, passage: 'B' },
      { ...ameli, passage: 'A' },
    ],
  });
  assert.deepEqual(byDocument(sources), [
    { document: 'ameli_pdp', title: ameli.title, date: '', url: ameli.url, passages: ['A', 'B'] },
    { document: 'code_securite_sociale', title: css.title, date: '2026-03-14', url: css.url, passages: ['Article L323-3'] },
  ]);
  assert.deepEqual(byDocument([]), []);
});
