// index.html's static first screens (scripts/static-opening.mjs, docs/page.md): before any script
// has run, Start shows the first question, drawn by the build with the app's own views, and a
// choice can be made on it; its Next sends nothing anywhere. The app then takes it over in place,
// on the same question, with the choice and the focus where they were, and goes on from there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkedValues, clickAction, expectQuestion, expectScreen, holdBack, openPage, repoRoot, selectAnswer, useBrowser,
} from './support.mjs';

const env = useBrowser();
const fr = JSON.parse(readFileSync(join(repoRoot, 'rules', 'locales', 'fr.json'), 'utf8'));
const PHONE = { width: 375, height: 812 };

const staticQuestion = (page) => page.locator('[data-static-question="situation_pro"]');

// The page with its app held back: only index.html's own screens work.
async function beforeTheApp(fixture) {
  const release = await holdBack(fixture.page, '**/main.js');
  await fixture.page.goto(env.url, { waitUntil: 'commit' });
  await fixture.page.locator('[data-static-start]').waitFor({ state: 'visible' });
  assert.equal(await fixture.page.locator('[data-screen]').count(), 0, 'no screen of the app yet');
  return release;
}

test('before any script, Start shows the first question; the app takes it over with the choice and the focus, and goes on', async () => {
  const fixture = await openPage(env, { viewport: PHONE });
  try {
    const release = await beforeTheApp(fixture);
    await fixture.page.locator('[data-static-start]').click();
    const question = staticQuestion(fixture.page);
    await question.waitFor({ state: 'visible' });
    assert.equal(await fixture.page.locator('[data-static-screen="intro"]').isVisible(), false, 'the question in place of the intro');
    assert.equal((await question.locator('h2').textContent()).trim(), fr.questions.situation_pro.label.replace(/ \?$/, '\u00a0?'));
    assert.ok(await fixture.page.locator('.loading').isVisible(), '"Chargement…" under it until the app is there');
    await question.locator('label[for="choice-0"]').click();
    assert.equal(await fixture.page.evaluate(() => document.activeElement?.id), 'choice-0');
    release();
    await expectQuestion(fixture.page, 'situation_pro');
    assert.equal(await fixture.page.locator('[data-static-intro]').count(), 0, 'the static screens are gone');
    assert.deepEqual(await checkedValues(fixture.page, 'situation_pro'), ['salarie'], 'the choice made before the app');
    assert.equal(await fixture.page.evaluate(() => document.activeElement?.closest('[data-question]') ? document.activeElement.id : null), 'choice-0', 'the focus on the same choice, in the app\'s screen');
    await clickAction(fixture.page, 'next');
    await expectQuestion(fixture.page, 'contrat_travail');
    // Back from the first question: the app's intro (the person is on the app's screens now).
    await clickAction(fixture.page, 'back');
    await expectQuestion(fixture.page, 'situation_pro');
    await clickAction(fixture.page, 'back');
    await expectScreen(fixture.page, 'intro');
    fixture.assertClean('the static first question taken over');
  } finally {
    await fixture.close();
  }
});

test('the static first question\'s Next sends nothing anywhere and loses nothing; its Back is the intro', async () => {
  const fixture = await openPage(env, { viewport: PHONE });
  try {
    const release = await beforeTheApp(fixture);
    const address = fixture.page.url();
    await fixture.page.locator('[data-static-start]').click();
    await staticQuestion(fixture.page).locator('label[for="choice-2"]').click();
    const requests = fixture.records.requests.length;
    await staticQuestion(fixture.page).locator('button[type="submit"]').click();
    await fixture.page.waitForTimeout(300);
    assert.equal(fixture.page.url(), `${address}#premiere-question`, 'no answer in the address');
    assert.equal(fixture.records.requests.length, requests, 'no request');
    assert.ok(await staticQuestion(fixture.page).isVisible(), 'the question stays');
    assert.equal(await staticQuestion(fixture.page).locator('input:checked').getAttribute('value'), 'fonctionnaire');
    await staticQuestion(fixture.page).getByRole('link', { name: fr.ui.back }).click();
    assert.ok(await fixture.page.locator('[data-static-screen="intro"]').isVisible(), 'Back: the intro');
    assert.equal(await staticQuestion(fixture.page).isVisible(), false);
    release();
    // On the intro when the app comes: the app's intro.
    await expectScreen(fixture.page, 'intro');
    fixture.assertClean('the static first question\'s buttons');
  } finally {
    await fixture.close();
  }
});
