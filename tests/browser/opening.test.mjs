// The public page's opening (web/opening.js): its intro and first question are drawn from the
// rules it has read, before its engine (the module, in a worker) is ready; an answer given then
// waits for the engine, and nothing is lost; once the engine answers, what the opening drew stays
// as it is. The kiosk's styles and the print's come later (styles-later.css), never before the
// first question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkedValues, clickAction, expectQuestion, expectScreen, holdBack, openPage, selectAnswer, useBrowser,
} from './support.mjs';

const env = useBrowser();

const requested = (fixture, file) => fixture.records.requests.some((request) => new URL(request.url).pathname === `/${file}`);

test('the intro and the first question are drawn before the engine is ready, and an answer given then is not lost', async () => {
  const fixture = await openPage(env);
  try {
    const release = await holdBack(fixture.page, '**/pdp-core.wasm');
    await fixture.page.goto(env.url);
    await expectScreen(fixture.page, 'intro');
    await clickAction(fixture.page, 'next');
    await expectQuestion(fixture.page, 'situation_pro');
    assert.equal(requested(fixture, 'styles-later.css'), false, 'the kiosk\'s and the print\'s styles wait');
    // Next before the engine is there: the answer waits for it, on the same screen.
    await selectAnswer(fixture.page, 'situation_pro', 'salarie');
    await fixture.page.locator('[data-screen="question"] [data-action="next"]').click();
    await fixture.page.waitForTimeout(300);
    await expectQuestion(fixture.page, 'situation_pro');
    release();
    await expectQuestion(fixture.page, 'contrat_travail');
    await clickAction(fixture.page, 'back');
    await expectQuestion(fixture.page, 'situation_pro');
    assert.deepEqual(await checkedValues(fixture.page, 'situation_pro'), ['salarie'], 'the answer given before the engine was ready is kept');
    fixture.assertClean('the opening');
  } finally {
    await fixture.close();
  }
});

test('once the engine has answered, the screens drawn from the opening stay as they were, the choice on screen too', async () => {
  const fixture = await openPage(env);
  try {
    const release = await holdBack(fixture.page, '**/pdp-core.wasm');
    await fixture.page.goto(env.url);
    await expectScreen(fixture.page, 'intro');
    await clickAction(fixture.page, 'next');
    await selectAnswer(fixture.page, 'situation_pro', 'independant');
    const screen = fixture.page.locator('[data-screen="question"]');
    await screen.evaluate((element) => {
      element.dataset.drawnBy = 'opening';
    });
    release();
    await fixture.settled();
    // The engine's first reply was the opening's: nothing drawn again.
    assert.equal(await screen.getAttribute('data-drawn-by'), 'opening');
    assert.deepEqual(await checkedValues(fixture.page, 'situation_pro'), ['independant']);
    fixture.assertClean('the engine taking over');
  } finally {
    await fixture.close();
  }
});

test('while the intro is read, the screen Start leads to is laid out once unseen, and nothing of it stays', async () => {
  const fixture = await openPage(env);
  try {
    // Each holder of a screen laid out ahead (view.js layOutUnseen): the question in it, and
    // whether it was ever seen or took room.
    await fixture.page.addInitScript(() => {
      const holders = [];
      globalThis.__unseen = holders;
      new MutationObserver((changes) => {
        for (const change of changes) {
          for (const node of change.addedNodes) {
            if (!(node instanceof Element) || !node.classList.contains('screen-unseen')) continue;
            const box = node.getBoundingClientRect();
            holders.push({
              question: node.querySelector('[data-question]')?.getAttribute('data-question') ?? null,
              seen: node.checkVisibility({ checkVisibilityCSS: true }) || box.height > 0,
            });
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await fixture.page.goto(env.url);
    await expectScreen(fixture.page, 'intro');
    await fixture.page.waitForFunction(() => globalThis.__unseen.length > 0, null, { timeout: 5000 });
    const holders = await fixture.page.evaluate(() => globalThis.__unseen);
    assert.deepEqual(holders[0], { question: 'situation_pro', seen: false });
    assert.equal(await fixture.page.locator('.screen-unseen, [data-question]').count(), 0, 'nothing of it stays on the intro');
    assert.equal(await fixture.page.evaluate(() => document.activeElement === document.body), true, 'the focus has not moved');
    await clickAction(fixture.page, 'next');
    await expectQuestion(fixture.page, 'situation_pro');
    fixture.assertClean('the screen laid out ahead');
  } finally {
    await fixture.close();
  }
});

test('the kiosk\'s and the print\'s styles come with the recap, before the result and its print button', async () => {
  const fixture = await openPage(env);
  try {
    await fixture.open();
    await clickAction(fixture.page, 'next');
    await expectQuestion(fixture.page, 'situation_pro');
    await fixture.settled();
    assert.equal(requested(fixture, 'styles-later.css'), false);
    // Straight to the recap: every question answered "I don't know" where it can be.
    for (let step = 0; step < 30; step += 1) {
      if (await fixture.page.locator('[data-screen="recap"]').isVisible()) break;
      const question = fixture.page.locator('[data-question]');
      await question.waitFor();
      const id = await question.getAttribute('data-question');
      const inputs = question.locator('input');
      const unknown = question.locator('input[value="ne_sait_pas"]');
      await ((await unknown.count()) ? unknown : inputs.first()).check();
      await question.locator('[data-action="next"]').first().click();
      await fixture.page.waitForFunction((asked) => document.querySelector('[data-question]')?.getAttribute('data-question') !== asked, id);
    }
    await expectScreen(fixture.page, 'recap');
    assert.equal(requested(fixture, 'styles-later.css'), true);
    assert.equal(await fixture.page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.endsWith('/styles-later.css') && sheet.cssRules.length > 0)), true);
    fixture.assertClean('the later styles');
  } finally {
    await fixture.close();
  }
});
