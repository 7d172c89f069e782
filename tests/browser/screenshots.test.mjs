// Full-page screenshots of each screen at a phone width (375×812) and a desktop width (1280×900),
// written to build/artifacts/screenshots/<name>-<width>.png for people to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  clickAction,
  completePersona,
  ensureScreenshotDir,
  expectQuestion,
  expectScreen,
  loadPersona,
  openPage,
  useBrowser,
  walkPersona,
} from './support.mjs';

const env = useBrowser();

const VIEWPORTS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
];

const RESULTS = [
  ['result-eligible', 'salariee-arret-maladie.json', 'eligible'],
  ['result-not-eligible', 'salarie-ni-arret-ni-pension.json', 'not_eligible'],
  ['result-incomplete', 'salarie-contrat-incertain.json', 'incomplete'],
];

async function shoot(page, name, viewport) {
  const path = join(ensureScreenshotDir(), `${name}-${viewport.width}.png`);
  // Let the focus move and the live region settle before the picture.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  assert.ok(statSync(path).size > 1000, `${path} written`);
}

describe('screenshots', { concurrency: 2 }, () => {
  for (const viewport of VIEWPORTS) {
    test(`screenshots at ${viewport.width}×${viewport.height}: intro, a question, the recap, each kind of result`, async () => {
      const employee = loadPersona('salariee-arret-maladie.json');
      const fixture = await openPage(env, { date: employee.date, viewport });
      const { page } = fixture;
      try {
        await fixture.open();
        await expectScreen(page, 'intro');
        await shoot(page, 'intro', viewport);

        await clickAction(page, 'next');
        await expectQuestion(page, 'situation_pro');
        await shoot(page, 'question', viewport);
        await clickAction(page, 'back');

        // A multi-choice question with help text, one option checked.
        const multi = employee.steps.findIndex((step) => step.question === 'difficultes');
        await walkPersona(page, employee, { steps: employee.steps.slice(0, multi) });
        await expectQuestion(page, 'difficultes');
        await page.locator('[data-question="difficultes"] input[value="reprise_difficile"]').check();
        await shoot(page, 'question-multi', viewport);
        await clickAction(page, 'next');
        for (const step of employee.steps.slice(multi + 1)) {
          await expectQuestion(page, step.question);
          await page.locator(`[data-question="${step.question}"] input[value="${String(step.answer)}"]`).check();
          await clickAction(page, 'next');
        }
        await expectScreen(page, 'recap');
        await shoot(page, 'recap', viewport);
        fixture.assertClean('intro, question and recap');
      } finally {
        await fixture.close();
      }

      for (const [name, file, eligibility] of RESULTS) {
        const persona = loadPersona(file);
        const resultFixture = await openPage(env, { date: persona.date, viewport });
        try {
          await resultFixture.open();
          const result = await completePersona(resultFixture.page, persona);
          assert.equal(await result.getAttribute('data-eligibility'), eligibility);
          await shoot(resultFixture.page, name, viewport);
          resultFixture.assertClean(name);
        } finally {
          await resultFixture.close();
        }
      }
    });
  }
});
