// The page's flow (docs/page.md, "Flow and storage"): reload, Back, edits from the recap and from
// the result, restart, print. Driven through the stable hooks only.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerQuestion,
  checkedValues,
  clickAction,
  completePersona,
  describeScreen,
  expectQuestion,
  expectScreen,
  idsShown,
  loadPersona,
  openPage,
  STORAGE_KEY,
  storedState,
  useBrowser,
  walkPersona,
} from './support.mjs';

const env = useBrowser();

const employee = loadPersona('salariee-arret-maladie.json');

// Opens a fresh page (own sessionStorage) on the persona's date, runs `body`, checks it stayed clean.
async function withPage(persona, body) {
  const fixture = await openPage(env, { date: persona.date });
  try {
    await fixture.open();
    await body(fixture.page, fixture);
    fixture.assertClean();
  } finally {
    await fixture.close();
  }
}

// Each test in its own browser context (own sessionStorage); a few at a time.
describe('the flow', { concurrency: 3 }, () => {
  test('reload keeps progress: the same question is shown and the earlier answers are kept', async () => {
    await withPage(employee, async (page) => {
      await walkPersona(page, employee, { steps: employee.steps.slice(0, 2) });
      await expectQuestion(page, employee.steps[2].question);
      assert.notEqual(await storedState(page), null, `sessionStorage holds ${STORAGE_KEY}`);

      await page.reload();
      await expectQuestion(page, employee.steps[2].question);

      await clickAction(page, 'back');
      await expectQuestion(page, 'contrat_travail');
      assert.deepEqual(await checkedValues(page, 'contrat_travail'), ['true'], 'contrat_travail kept after reload');
      await clickAction(page, 'back');
      await expectQuestion(page, 'situation_pro');
      assert.deepEqual(await checkedValues(page, 'situation_pro'), ['salarie'], 'situation_pro kept after reload');
    });
  });

  test('reload on the recap and on the result resumes on the same screen', async () => {
    await withPage(employee, async (page, fixture) => {
      // What a screen fetches (the result's code, as a chunk) finishes first: a reload in the
      // middle would abort it, a failed request (seen on a loaded machine).
      await walkPersona(page, employee);
      await expectScreen(page, 'recap');
      await fixture.settled();
      await page.reload();
      await expectScreen(page, 'recap');
      await fixture.settled();
      await clickAction(page, 'next');
      await expectScreen(page, 'result');
      await fixture.settled();
      await page.reload();
      const result = await expectScreen(page, 'result');
      assert.equal(await result.getAttribute('data-eligibility'), employee.expect.eligibility);
    });
  });

  test('Back shows the previous question with its answer checked', async () => {
    await withPage(employee, async (page) => {
      await walkPersona(page, employee, { steps: employee.steps.slice(0, 4) });
      await expectQuestion(page, employee.steps[4].question);
      for (const step of employee.steps.slice(0, 4).reverse()) {
        await clickAction(page, 'back');
        await expectQuestion(page, step.question);
        assert.deepEqual(
          await checkedValues(page, step.question),
          (Array.isArray(step.answer) ? step.answer : [step.answer]).map(String).sort(),
          `Back to ${step.question}: its answer is checked`,
        );
      }
      // Next again with the same answer: the later answers were kept. The page shows either the
      // question that follows, pre-filled, or the first one still unanswered (the core's
      // `next_question`); either way no answer was lost.
      await answerQuestion(page, 'situation_pro', 'salarie');
      await page.locator('[data-question="contrat_travail"], [data-question="difficultes"]').first().waitFor();
      const shown = await describeScreen(page);
      if (shown.question === 'contrat_travail') {
        assert.deepEqual(await checkedValues(page, 'contrat_travail'), ['true'], 'the following question pre-filled');
      } else {
        assert.equal(shown.question, employee.steps[4].question, `after Back then Next: ${JSON.stringify(shown)}`);
        await clickAction(page, 'back');
        await expectQuestion(page, employee.steps[3].question);
        assert.deepEqual(await checkedValues(page, employee.steps[3].question), [employee.steps[3].answer]);
      }
    });
  });

  test('Next with nothing chosen stays on the question and shows an error tied to the fieldset', async () => {
    await withPage(employee, async (page) => {
      await clickAction(page, 'next');
      await expectQuestion(page, 'situation_pro');
      await clickAction(page, 'next');
      await expectQuestion(page, 'situation_pro');
      const fieldset = page.locator('[data-question="situation_pro"] fieldset').first();
      await page
        .locator('[data-question="situation_pro"] fieldset[aria-invalid="true"]')
        .waitFor()
        .catch(() => {});
      assert.equal(await fieldset.getAttribute('aria-invalid'), 'true', 'fieldset aria-invalid');
      const describedBy = (await fieldset.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(
        describedBy
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => page.locator(`[id="${id}"]`).textContent().catch(() => '')),
      );
      assert.ok(messages.some((text) => text.trim().length > 0), `an error message referenced by aria-describedby="${describedBy}"`);
    });
  });

  test('editing situation_pro from the recap (salarie → independant) asks the new questions, then the recap has no contrat_travail', async () => {
    await withPage(employee, async (page) => {
      await walkPersona(page, employee);
      const recap = await expectScreen(page, 'recap');
      assert.ok((await recap.locator('[data-edit="contrat_travail"]').count()) >= 1, 'recap lists contrat_travail before the edit');

      await recap.locator('[data-edit="situation_pro"]').first().click();
      await expectQuestion(page, 'situation_pro');
      assert.deepEqual(await checkedValues(page, 'situation_pro'), ['salarie'], 'the edited question opens pre-filled');
      await answerQuestion(page, 'situation_pro', 'independant');

      // Only questions the change opened are asked, then the recap again.
      const answersForNewQuestions = { arret_indemnise: true, probleme_sante: ['maladie_invalidante'] };
      const asked = [];
      for (;;) {
        await page.locator('[data-screen="recap"], [data-question]').first().waitFor({ state: 'visible' });
        const shown = await describeScreen(page);
        if (shown.screens.includes('recap')) break;
        assert.ok(shown.question in answersForNewQuestions, `after the edit, an unexpected question: ${JSON.stringify(shown)}`);
        assert.ok(!asked.includes(shown.question), `${shown.question} asked twice`);
        asked.push(shown.question);
        // The screen answered, held so that the loop reads the next one only once it has gone
        // (the reply comes from the engine's worker: until then the question stays in view).
        const answered = await page.locator(`[data-question="${shown.question}"]`).first().elementHandle();
        await answerQuestion(page, shown.question, answersForNewQuestions[shown.question]);
        await answered.waitForElementState('hidden');
      }
      assert.deepEqual(asked.sort(), Object.keys(answersForNewQuestions).sort(), 'the questions the change opened');

      const edited = await expectScreen(page, 'recap');
      const entries = await idsShown(page, 'data-edit', '[data-screen="recap"]');
      assert.ok(!entries.includes('contrat_travail'), `no contrat_travail entry in the recap (entries: ${entries})`);
      assert.ok(!entries.includes('solution_entreprise'), `no solution_entreprise entry in the recap (entries: ${entries})`);
      for (const id of ['situation_pro', 'arret_indemnise', 'probleme_sante']) {
        assert.ok(entries.includes(id), `recap entry ${id} (entries: ${entries})`);
      }
      const state = await storedState(page);
      assert.equal(state?.answers?.situation_pro, 'independant', 'stored answer');
      assert.ok(!('contrat_travail' in (state?.answers ?? {})), 'contrat_travail dropped from the stored answers');

      await edited.locator('[data-action="next"]').first().click();
      const result = await expectScreen(page, 'result');
      assert.equal(await result.getAttribute('data-eligibility'), 'eligible');
      assert.ok((await idsShown(page, 'data-programme')).includes('pdp_ti'), 'the self-employed offer is shown');
    });
  });

  test('restart erases the answers: no pdp-autodiagnostic:v1 in sessionStorage and the intro shown', async () => {
    await withPage(employee, async (page) => {
      await completePersona(page, employee);
      assert.notEqual(await storedState(page), null, 'state stored before restart');
      await clickAction(page, 'restart');
      await expectScreen(page, 'intro');
      const storedAfterRestart = await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY);
      assert.deepEqual(JSON.parse(storedAfterRestart ?? '{}').answers ?? {}, {}, 'no answer left after restart');
      // Starting again begins from no answer at all.
      await clickAction(page, 'next');
      await expectQuestion(page, 'situation_pro');
      assert.deepEqual(await checkedValues(page, 'situation_pro'), [], 'no answer pre-selected after restart');
      await page.reload();
      await expectQuestion(page, 'situation_pro');
      assert.deepEqual(await checkedValues(page, 'situation_pro'), []);
      // Erased means the key is gone, not an empty state written back (docs/page.md: "restart erases it").
      assert.equal(storedAfterRestart, null, `sessionStorage still holds ${STORAGE_KEY} after restart: ${storedAfterRestart}`);
    });
  });

  for (const file of ['salarie-sans-contrat.json', 'salarie-sans-difficulte.json']) {
    const persona = loadPersona(file);
    test(`not eligible (${file}): the result shows what blocks and a data-edit button back to that answer, which opens that question`, async () => {
      await withPage(persona, async (page) => {
        const result = await completePersona(page, persona);
        assert.equal(await result.getAttribute('data-eligibility'), 'not_eligible');
        const [blocking, alternatives] = Object.entries(persona.expect.would_be_met_by)[0];
        const criterion = result.locator(`[data-criterion="${blocking}"]`);
        assert.equal(await criterion.getAttribute('data-status'), 'unmet');
        assert.ok(await criterion.isVisible(), `the blocking criterion ${blocking} is visible`);
        assert.ok(((await criterion.textContent()) ?? '').trim().length > 0, `criterion ${blocking} says something`);

        // Back to the answer that blocks: the last one given that the alternatives name.
        const named = new Set(alternatives.flat().map((condition) => condition.split('=')[0]));
        const step = [...persona.steps].reverse().find((s) => named.has(s.question));
        const edit = criterion.locator(`[data-edit="${step.question}"]`).first();
        assert.ok(await edit.isVisible(), `a visible [data-edit="${step.question}"] in criterion ${blocking}`);
        await edit.click();
        await expectQuestion(page, step.question);
        assert.deepEqual(
          await checkedValues(page, step.question),
          (Array.isArray(step.answer) ? step.answer : [step.answer]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).sort(),
          'the question opens with the answer given',
        );
      });
    });
  }

  test('print: the result has [data-action="print"]; in print media no button is visible, the result is', async () => {
    await withPage(employee, async (page) => {
      const result = await completePersona(page, employee);
      const print = result.locator('[data-action="print"]');
      assert.equal(await print.count(), 1, 'one print button');
      assert.ok(await print.isVisible(), 'print button visible on screen');

      await page.emulateMedia({ media: 'print' });
      const buttons = page.locator('button, [data-action], [data-edit], input[type="button"], input[type="submit"]');
      const visible = [];
      for (const button of await buttons.all()) {
        if (await button.isVisible()) visible.push(await button.evaluate((el) => el.outerHTML.slice(0, 120)));
      }
      assert.deepEqual(visible, [], 'buttons visible in print media');
      assert.ok(await result.isVisible(), 'the result itself is printed');
      assert.ok(await result.locator('[data-measure]').first().isVisible(), 'the measures are printed');
      await page.emulateMedia({ media: 'screen' });
      assert.ok(await print.isVisible());
    });
  });

  test('each screen moves the focus to its heading, names the step in document.title, and every input has a real label', async () => {
    await withPage(employee, async (page) => {
      const focusAndTitle = () =>
        page.evaluate(() => ({
          focused: document.activeElement?.matches('h1, h2') ?? false,
          tabindex: document.activeElement?.getAttribute('tabindex'),
          title: document.title,
          lang: document.documentElement.lang,
        }));
      await expectScreen(page, 'intro');
      const titles = new Set();
      const intro = await focusAndTitle();
      assert.equal(intro.lang, 'fr');
      titles.add(intro.title);

      await clickAction(page, 'next');
      const question = await expectQuestion(page, 'situation_pro');
      try {
        await page.locator('[aria-live="polite"]:not(:empty), [role="status"]:not(:empty)').first().waitFor({ state: 'attached' });
      } catch {
        assert.fail('a polite live region announces the new screen');
      }
      const onQuestion = await focusAndTitle();
      assert.ok(onQuestion.focused && onQuestion.tabindex === '-1', `heading focused on the question: ${JSON.stringify(onQuestion)}`);
      titles.add(onQuestion.title);
      assert.equal(await question.locator('fieldset legend h2').count(), 1, 'the label is an h2 inside the legend');
      const help = await question.locator('fieldset').first().evaluate((fieldset) =>
        (fieldset.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent.trim() ?? '')
          .join(' '),
      );
      assert.ok(help.length > 0, 'the fieldset is described by the help text (aria-describedby)');
      const unlabelled = await question
        .locator('input')
        .evaluateAll((inputs) => inputs.filter((input) => !input.labels?.length || !input.labels[0].textContent.trim()).map((i) => i.value));
      assert.deepEqual(unlabelled, [], 'inputs without a real <label>');
      // situation_pro: five options, one choice.
      assert.deepEqual(await question.locator('input').evaluateAll((inputs) => inputs.map((i) => i.type)), ['radio', 'radio', 'radio', 'radio', 'radio']);

      for (const step of employee.steps) await answerQuestion(page, step.question, step.answer);
      await expectScreen(page, 'recap');
      const onRecap = await focusAndTitle();
      assert.ok(onRecap.focused, `heading focused on the recap: ${JSON.stringify(onRecap)}`);
      titles.add(onRecap.title);
      await clickAction(page, 'next');
      await expectScreen(page, 'result');
      const onResult = await focusAndTitle();
      assert.ok(onResult.focused, `heading focused on the result: ${JSON.stringify(onResult)}`);
      titles.add(onResult.title);
      assert.equal(titles.size, 4, `document.title differs per step: ${[...titles].join(' | ')}`);
    });
  });

  test('an answer the core refuses shows the error screen (role="alert", a restart button) and keeps the stored answers', async () => {
    const fixture = await openPage(env, { date: employee.date });
    const { page } = fixture;
    try {
      await fixture.open();
      const broken = { answers: { situation_pro: 'pirate' }, history: ['situation_pro'], screen: 'recap', current: null };
      await page.evaluate(([key, state]) => sessionStorage.setItem(key, JSON.stringify(state)), [STORAGE_KEY, broken]);
      await page.reload();
      const error = await expectScreen(page, 'error');
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.ok((await error.textContent()).includes('answers.unknown_option'), 'the error code is shown for support');
      assert.equal((await storedState(page))?.answers?.situation_pro, 'pirate', 'the answers stay stored');
      await clickAction(page, 'restart');
      await expectScreen(page, 'intro');
      assert.equal((await storedState(page))?.answers?.situation_pro, undefined, 'restart erased the answers');
      // Only the page's own files were fetched, and nothing broke the CSP.
      assert.deepEqual(fixture.records.requests.filter((r) => r.method !== 'GET' || new URL(r.url).origin !== env.origin), []);
      assert.deepEqual(fixture.records.cspViolations, []);
      assert.deepEqual(fixture.records.pageErrors, []);
    } finally {
      await fixture.close();
    }
  });

  test('an exclusive option (difficultes: aucune) unchecks the others, and the reverse', async () => {
    await withPage(employee, async (page) => {
      const before = employee.steps.findIndex((step) => step.question === 'difficultes');
      await walkPersona(page, employee, { steps: employee.steps.slice(0, before) });
      const question = await expectQuestion(page, 'difficultes');
      const option = (value) => question.locator(`input[value="${value}"]`);
      const types = await question.locator('input').evaluateAll((inputs) => inputs.map((i) => i.type));
      assert.deepEqual([...new Set(types)], ['checkbox'], 'a multi question uses checkboxes');
      await option('reprise_difficile').check();
      await option('risque_rupture_contrat').check();
      assert.deepEqual(await checkedValues(page, 'difficultes'), ['reprise_difficile', 'risque_rupture_contrat']);
      await option('aucune').check();
      assert.deepEqual(await checkedValues(page, 'difficultes'), ['aucune'], 'checking aucune unchecks the others');
      await option('reprise_difficile').check();
      assert.deepEqual(await checkedValues(page, 'difficultes'), ['reprise_difficile'], 'checking another option unchecks aucune');
    });
  });

  test('Back from the result goes to the recap, Back from the recap to the last question', async () => {
    await withPage(employee, async (page) => {
      await completePersona(page, employee);
      await clickAction(page, 'back');
      await expectScreen(page, 'recap');
      await clickAction(page, 'back');
      const last = employee.steps.at(-1);
      await expectQuestion(page, last.question);
      assert.deepEqual(await checkedValues(page, last.question), [String(last.answer)], 'the last answer pre-selected');
      await clickAction(page, 'next');
      await expectScreen(page, 'recap');
    });
  });

  test('?lang= with a language the rules lack falls back to the default one; <html lang> follows', async () => {
    const fixture = await openPage(env, { date: employee.date });
    try {
      await fixture.open('?lang=zz');
      await expectScreen(fixture.page, 'intro');
      assert.equal(await fixture.page.evaluate(() => document.documentElement.lang), 'fr');
      await fixture.open('?lang=fr');
      await expectScreen(fixture.page, 'intro');
      assert.equal(await fixture.page.evaluate(() => document.documentElement.lang), 'fr');
      fixture.assertClean();
    } finally {
      await fixture.close();
    }
  });
});
