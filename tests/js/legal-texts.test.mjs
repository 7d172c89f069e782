// The legal notice and the personal data page (web/screens/legal.js, privacy.js, and their static
// copies): what their texts must keep saying in every language, and the asides' names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAside } from '../../web/asides.js';

const root = process.env.PDP_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const localesDir = join(root, 'rules', 'locales');
const locales = readdirSync(localesDir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
const uiOf = (locale) => JSON.parse(readFileSync(join(localesDir, `${locale}.json`), 'utf8')).ui;

test('the asides are the statement, the legal notice and the personal data page, nothing else', () => {
  for (const name of ['accessibility', 'legal', 'privacy']) assert.ok(isAside(name), name);
  for (const name of ['back', 'next', 'restart', 'intro', 'toString', '__proto__', '', undefined]) assert.equal(isAside(name), false, String(name));
});

for (const locale of locales) {
  test(`[${locale}] the personal data page names the buttons that erase, as the page words them`, () => {
    const ui = uiOf(locale);
    // A person looks for the button by its words: a renamed button must be renamed here too.
    assert.ok(ui.privacy_kept_session.includes(ui.restart), `privacy_kept_session quotes "${ui.restart}"`);
    assert.ok(ui.privacy_kept_memory.includes(ui.restart), `privacy_kept_memory quotes "${ui.restart}"`);
    assert.ok(ui.privacy_kept_kiosk.includes(ui.kiosk_finish), `privacy_kept_kiosk quotes "${ui.kiosk_finish}"`);
  });
}

test('[fr] the publisher is the Cnam at its address, and the pages carry the French titles', () => {
  const ui = uiOf('fr');
  assert.equal(ui.legal_title, 'Mentions légales');
  assert.equal(ui.privacy_title, 'Données personnelles');
  assert.match(ui.legal_publisher, /Caisse nationale de l'Assurance Maladie \(Cnam\), 50 avenue du Professeur André Lemierre, 75986 Paris cedex 20/);
  assert.match(ui.privacy_no_tracking, /cookie/);
  assert.match(ui.privacy_no_tracking, /mesure d'audience/);
});
