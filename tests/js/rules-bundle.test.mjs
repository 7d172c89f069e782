// web/rules-bundle.js, the build's split of the rules for the page: each language apart from the
// default in its own bundle, the asides' texts in their own file, the build's static texts in none.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitByLocale } from '../../web/rules-bundle.js';

const ui = (lang) => ({
  app_title: `title ${lang}`,
  footer_accessibility: `footer ${lang}`,
  legal_title: `legal ${lang}`,
  privacy_title: `privacy ${lang}`,
  a11y_required_multi: `tick ${lang}`,
  a11y_title: `statement ${lang}`,
  legal_host: `host ${lang}`,
  privacy_sent: `sent ${lang}`,
  static_what: `what ${lang}`,
  meta_title: `meta ${lang}`,
});
const whole = {
  files: {
    'manifest.json': JSON.stringify({ default_locale: 'fr' }),
    'questions.json': JSON.stringify({ questions: [] }),
    'locales/fr.json': JSON.stringify({ name: 'Français', ui: ui('fr') }),
    'locales/en.json': JSON.stringify({ name: 'English', ui: ui('en') }),
  },
};
const uiIn = (bundle, code) => JSON.parse(bundle.files[`locales/${code}.json`]).ui;

describe('the rules split for the page', () => {
  const { light, separate, asides, statics } = splitByLocale(whole);

  test('the default language stays in rules.json, each other one goes to its own bundle', () => {
    assert.deepEqual(Object.keys(light.files).sort(), ['locales/fr.json', 'manifest.json', 'questions.json']);
    assert.deepEqual(light.separate_locales, { en: 'English' });
    assert.deepEqual(Object.keys(separate), ['en']);
  });

  test("the asides' texts leave every bundle for asides.<code>.json; the footer's words and a question's stay", () => {
    for (const [code, ownUi] of [['fr', uiIn(light, 'fr')], ['en', uiIn(separate.en, 'en')]]) {
      assert.deepEqual(Object.keys(ownUi).sort(), ['a11y_required_multi', 'app_title', 'footer_accessibility', 'legal_title', 'privacy_title'], code);
      assert.deepEqual(asides[code], { a11y_title: `statement ${code}`, legal_host: `host ${code}`, privacy_sent: `sent ${code}` }, code);
    }
  });

  test('the texts only the build writes into HTML are in no bundle: the default language\'s are handed to the build', () => {
    assert.deepEqual(statics, { static_what: 'what fr', meta_title: 'meta fr' });
  });
});
