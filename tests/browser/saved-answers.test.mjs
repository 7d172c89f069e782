// Answers saved by an earlier edition of the rules (2026.11: no pension question for a salaried
// person on leave, no "fonctionnaire" option) are still read back after the rules change: the page
// keeps what still applies and asks what the new edition needs, rather than showing a result
// computed from answers it no longer has, or wiping the questionnaire.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  answerQuestion,
  checkedValues,
  clickAction,
  ensureScreenshotDir,
  expectQuestion,
  expectScreen,
  openPage,
  STORAGE_KEY,
  storedState,
  useBrowser,
} from './support.mjs';

const env = useBrowser();

// What the 2026.11 page stored for a salaried person who had reached the result.
const savedBy2026_11 = {
  answers: {
    situation_pro: 'salarie',
    contrat_travail: true,
    arret_travail: true,
    motif_arret: 'maladie',
    difficultes: ['reprise_difficile'],
    solution_entreprise: 'oui',
    deja_contacte: false,
  },
  history: ['situation_pro', 'contrat_travail', 'arret_travail', 'motif_arret', 'difficultes', 'solution_entreprise', 'deja_contacte'],
  screen: 'result',
  current: null,
};

async function reloadWith(fixture, state) {
  // Let the first load finish, its favicon too (Chromium asks for it after the load event): a
  // reload in the middle aborts it, a failed request.
  const { page } = fixture;
  await page.waitForLoadState('load');
  await fixture.settled();
  await page.evaluate(([key, saved]) => sessionStorage.setItem(key, JSON.stringify(saved)), [STORAGE_KEY, state]);
  await page.reload();
}

describe('answers saved by the previous edition of the rules', { concurrency: 2 }, () => {
  test('a result saved before the pension question existed resumes on that question, every other answer kept', async () => {
    const fixture = await openPage(env, { date: '2026-12-02' });
    try {
      await fixture.open();
      await reloadWith(fixture, savedBy2026_11);
      await expectQuestion(fixture.page, 'pension_invalidite');
      assert.deepEqual((await storedState(fixture.page))?.answers, savedBy2026_11.answers, 'nothing saved was lost');

      await answerQuestion(fixture.page, 'pension_invalidite', false);
      // The questions after it come in their order, each with its saved answer already chosen (as
      // after Back), then the recap and the result.
      for (const id of ['difficultes', 'solution_entreprise', 'deja_contacte']) {
        await expectQuestion(fixture.page, id);
        const saved = [savedBy2026_11.answers[id]].flat().map(String);
        assert.deepEqual(await checkedValues(fixture.page, id), saved, `${id}: the saved answer is chosen`);
        await clickAction(fixture.page, 'next');
      }
      await expectScreen(fixture.page, 'recap');
      await clickAction(fixture.page, 'next');
      const result = await expectScreen(fixture.page, 'result');
      assert.equal(await result.getAttribute('data-eligibility'), 'eligible');
      fixture.assertClean('resumed result');
    } finally {
      await fixture.close();
    }
  });

  test('a saved answer that is no longer one of the choices is named in an error, and the answers stay stored', async () => {
    const fixture = await openPage(env, { date: '2026-12-02' });
    try {
      await fixture.open();
      const removed = { ...savedBy2026_11, answers: { ...savedBy2026_11.answers, motif_arret: 'cure_thermale' } };
      await reloadWith(fixture, removed);
      const error = await expectScreen(fixture.page, 'error');
      assert.match(await error.textContent(), /answers\.unknown_option/, 'the error code names what is wrong');
      assert.equal((await storedState(fixture.page))?.answers?.motif_arret, 'cure_thermale', 'the answers stay stored');
    } finally {
      await fixture.close();
    }
  });

  test('going back from the new question shows the earlier answers as they were saved', async () => {
    const fixture = await openPage(env, { date: '2026-12-02' });
    try {
      await fixture.open();
      await reloadWith(fixture, savedBy2026_11);
      await expectQuestion(fixture.page, 'pension_invalidite');
      await clickAction(fixture.page, 'back');
      await expectQuestion(fixture.page, 'motif_arret');
      assert.deepEqual(await checkedValues(fixture.page, 'motif_arret'), ['maladie']);
      fixture.assertClean('back from the new question');
    } finally {
      await fixture.close();
    }
  });

  test('answers saved under an older version of the rules that no longer fit are taken out with a notice naming their questions', async () => {
    const fixture = await openPage(env, { date: '2026-12-02' });
    try {
      await fixture.open();
      // Saved by the page of an earlier edition: one option and one question it had are gone.
      const older = {
        ...savedBy2026_11,
        rules_version: '2026.10.1',
        answers: { ...savedBy2026_11.answers, motif_arret: 'cure_thermale', question_retiree: true },
      };
      await reloadWith(fixture, older);
      await expectQuestion(fixture.page, 'motif_arret');
      const notice = fixture.page.locator('[data-notice="rules-changed"]');
      await notice.waitFor();
      assert.equal(await notice.getAttribute('role'), 'status');
      const items = await notice.locator('li').allTextContents();
      const words = (text) => text.replace(/\s+/g, ' ').trim(); // French puts a no-break space before "?"
      assert.deepEqual(items.map(words), ['Pour quelle raison êtes-vous en arrêt ?'], 'the question asked again, in words');
      const stored = (await storedState(fixture.page))?.answers ?? {};
      assert.equal(stored.motif_arret, undefined, 'the option that is gone is not kept');
      assert.equal(stored.question_retiree, undefined, 'the question that is gone is not kept');
      assert.equal(stored.situation_pro, 'salarie', 'the answers that still fit are kept');
      assert.equal(await checkedValues(fixture.page, 'motif_arret').then((values) => values.length), 0, 'nothing is chosen for it');
      await fixture.page.screenshot({ path: join(ensureScreenshotDir(), 'rules-changed-375.png'), fullPage: true });
      await answerQuestion(fixture.page, 'motif_arret', 'maladie');
      // The notice goes once the person acts (with the next screen: the reply may take a moment).
      await notice.waitFor({ state: 'detached' });
      assert.equal(await notice.count(), 0, 'the notice goes once the person acts');
      fixture.assertClean('rules changed');
    } finally {
      await fixture.close();
    }
  });
});
