// Kiosk mode (docs/kiosk.md) through the page with ?kiosk: nothing stored anywhere, the wipe after
// inactivity (short delays here), "Terminer et effacer", touch targets, printing, and the QR code
// of the summary, read back from a screenshot with jsQR.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { expectNoAxeViolations } from './axe.mjs';
import { decodePng } from './png.mjs';
import {
  answerQuestion,
  checkedValues,
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

const employee = loadPersona('salariee-arret-maladie.json');
// The longest summary of all the personas (eligible, two programmes, eight measures, a point to check).
const longest = loadPersona('independant-indemnisation-incertaine.json');
const incomplete = loadPersona('salarie-contrat-incertain.json');
const notEligible = loadPersona('salarie-sans-contrat.json');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

async function withKiosk(persona, query, body, { viewport = DESKTOP } = {}) {
  const fixture = await openPage(env, { date: persona.date, viewport });
  try {
    await fixture.open(query);
    await body(fixture.page, fixture);
    fixture.assertClean();
  } finally {
    await fixture.close();
  }
}

// Everything a page could keep: both web storages, cookies (the page's and the context's), the
// IndexedDB databases and the Cache Storage.
async function storedAnywhere(page, context) {
  const inPage = await page.evaluate(async () => ({
    sessionStorage: Object.keys(sessionStorage),
    localStorage: Object.keys(localStorage),
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    caches: await caches.keys(),
  }));
  return { ...inPage, contextCookies: (await context.cookies()).map((cookie) => cookie.name) };
}

const NOTHING = { sessionStorage: [], localStorage: [], cookie: '', indexedDB: [], caches: [], contextCookies: [] };

async function assertNothingStored(page, context, when) {
  assert.deepEqual(await storedAnywhere(page, context), NOTHING, `kiosk: something stored ${when}`);
}

const countdown = (page) => page.locator('[data-kiosk-countdown]');

// The text of the page's screens, to check an answer or a result left no trace.
const screenText = (page) => page.locator('.screen-host').innerText();

// The QR code as the page draws it: a screenshot of it, decoded by jsQR; its bytes read as UTF-8
// (a wrong byte fails instead of being replaced). jsQR, far less tolerant than a phone camera,
// misreads large codes whose modules fall between pixels: the code is drawn 4 px a module here.
const PIXELS_PER_MODULE = 4;
async function readQrCode(page) {
  const code = page.locator('[data-qr] svg');
  await code.evaluate((svg, scale) => {
    const size = svg.viewBox.baseVal.width * scale;
    svg.style.width = `${size}px`;
    svg.style.maxWidth = 'none';
    svg.parentElement.style.maxWidth = 'none';
    // In the middle of the screen, away from the kiosk bar that stays at the bottom.
    svg.scrollIntoView({ block: 'center' });
  }, PIXELS_PER_MODULE);
  const { width, height, data } = decodePng(await code.screenshot());
  const found = jsQR(data, width, height);
  assert.ok(found, 'jsQR finds a QR code in the screenshot of [data-qr]');
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(found.binaryData)), version: found.version };
}

describe('kiosk mode', { concurrency: 3 }, () => {
  test('a persona completed in kiosk mode stores nothing anywhere, at any step', async () => {
    await withKiosk(employee, '?kiosk', async (page, fixture) => {
      await assertNothingStored(page, fixture.context, 'on the intro');
      await expectScreen(page, 'intro');
      await clickAction(page, 'next');
      for (const step of employee.steps) {
        await answerQuestion(page, step.question, step.answer);
        await assertNothingStored(page, fixture.context, `after answering ${step.question}`);
      }
      await expectScreen(page, 'recap');
      await clickAction(page, 'next');
      const result = await expectScreen(page, 'result');
      assert.equal(await result.getAttribute('data-eligibility'), employee.expect.eligibility);
      await assertNothingStored(page, fixture.context, 'on the result');
    });
  });

  test('kiosk mode has larger type, touch targets of 64 px at least, and "Terminer et effacer" on every screen', async () => {
    await withKiosk(employee, '?kiosk', async (page) => {
      assert.ok(await page.locator('#app.app--kiosk').count(), 'the root has the class app--kiosk');
      const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.screen-host')).fontSize));
      assert.ok((await fontSize()) >= 22, `kiosk body text is 22 px at least (got ${await fontSize()})`);
      const seen = [];
      const check = async (name) => {
        await expectScreen(page, name);
        const finish = page.locator('[data-action="wipe"]');
        assert.equal(await finish.count(), 1, `${name}: one "Terminer et effacer" button`);
        assert.equal((await finish.innerText()).trim(), 'Terminer et effacer');
        const small = await page.locator('.screen-host button, .screen-host .choice label, [data-kiosk-bar] button').evaluateAll(
          (elements) =>
            elements
              .filter((el) => el.getClientRects().length)
              .map((el) => ({ text: el.textContent.trim().slice(0, 40), height: el.getBoundingClientRect().height }))
              .filter((target) => target.height < 64),
        );
        assert.deepEqual(small, [], `${name}: touch targets lower than 64 px`);
        seen.push(name);
      };
      await check('intro');
      await clickAction(page, 'next');
      await check('question');
      await walkPersonaFromFirstQuestion(page, employee);
      await check('recap');
      await clickAction(page, 'next');
      await check('result');
      assert.deepEqual(seen, ['intro', 'question', 'recap', 'result']);
    });
  });

  test('after the idle time a countdown shows, then everything is wiped back to the intro', async () => {
    await withKiosk(employee, '?kiosk&idle=4&countdown=3', async (page, fixture) => {
      const historyLength = await page.evaluate(() => history.length);
      await completePersona(page, employee);
      const outcome = (await page.locator('.outcome-title').innerText()).trim();
      const dialog = countdown(page);
      await dialog.waitFor({ state: 'visible', timeout: 8_000 });
      assert.equal(await dialog.getAttribute('role'), 'alertdialog');
      assert.match(await dialog.locator('[data-kiosk-count]').innerText(), /Effacement dans [1-3] secondes?\./);
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-action')),
        'stay',
        'the focus moves to "Continuer" in the countdown',
      );

      await expectScreen(page, 'intro');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-focus')), true, 'focus on the heading');
      assert.ok(!(await screenText(page)).includes(outcome), 'the result is gone from the page');
      assert.equal(await page.evaluate(() => history.length), historyLength, 'no page history added to go back to');
      await assertNothingStored(page, fixture.context, 'after the wipe');

      // Nothing comes back: the first question has no answer checked, Back leads to the intro.
      await clickAction(page, 'next');
      const first = employee.steps[0].question;
      await expectQuestion(page, first);
      assert.deepEqual(await checkedValues(page, first), [], `${first} is not answered any more`);
      await clickAction(page, 'back');
      await expectScreen(page, 'intro');
    });
  });

  test('on the untouched intro no countdown shows: there is nothing to wipe', async () => {
    await withKiosk(employee, '?kiosk&idle=1&countdown=2', async (page) => {
      await expectScreen(page, 'intro');
      await page.waitForTimeout(2_500);
      assert.equal(await countdown(page).isVisible(), false, 'no countdown over the empty intro');
    });
  });

  test('a touch during the countdown cancels it and keeps the answers; "Continuer" does too', async () => {
    await withKiosk(employee, '?kiosk&idle=4&countdown=10', async (page) => {
      await walkPersona(page, employee, { steps: employee.steps.slice(0, 2) });
      const third = employee.steps[2].question;
      await expectQuestion(page, third);

      const dialog = countdown(page);
      await dialog.waitFor({ state: 'visible', timeout: 8_000 });
      // A touch on the dimmed page around the dialog.
      await page.mouse.click(5, 5);
      await dialog.waitFor({ state: 'hidden' });
      await expectQuestion(page, third);

      // The watcher is armed again: the countdown comes back, and "Continuer" closes it.
      await dialog.waitFor({ state: 'visible', timeout: 8_000 });
      await dialog.locator('[data-action="stay"]').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForTimeout(1_000);
      await expectQuestion(page, third);
      await clickAction(page, 'back');
      const second = employee.steps[1].question;
      await expectQuestion(page, second);
      assert.deepEqual(await checkedValues(page, second), ['true'], `${second} is still answered`);
    });
  });

  test('"Terminer et effacer" wipes at once, from a question and from the result', async () => {
    await withKiosk(employee, '?kiosk', async (page, fixture) => {
      await walkPersona(page, employee, { steps: employee.steps.slice(0, 3) });
      await clickAction(page, 'wipe');
      await expectScreen(page, 'intro');
      await assertNothingStored(page, fixture.context, 'after "Terminer et effacer"');
      await clickAction(page, 'next');
      await expectQuestion(page, employee.steps[0].question);
      assert.deepEqual(await checkedValues(page, employee.steps[0].question), []);

      await clickAction(page, 'back');
      await completePersona(page, employee);
      await clickAction(page, 'wipe');
      await expectScreen(page, 'intro');
      assert.equal(await page.locator('[data-screen="result"], [data-qr]').count(), 0, 'nothing of the result left');
      // The wipe is said to screen reader users.
      await page.waitForFunction(() => document.querySelector('.screen-host + [role="status"]')?.textContent === 'Vos réponses ont été effacées.');
    });
  });

  test('after a wipe the next person gets the kiosk\'s own language back', async () => {
    await withKiosk(employee, '?kiosk', async (page) => {
      await expectScreen(page, 'intro');
      await page.locator('a[data-locale="en"]').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await clickAction(page, 'next');
      await answerQuestion(page, employee.steps[0].question, employee.steps[0].answer);
      await clickAction(page, 'wipe');
      await expectScreen(page, 'intro');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      assert.equal((await page.locator('[data-action="wipe"]').innerText()).trim(), 'Terminer et effacer');
      assert.equal(new URL(page.url()).searchParams.get('lang'), null, 'the address no longer asks for English');
      assert.equal(new URL(page.url()).searchParams.has('kiosk'), true, 'the address still asks for the kiosk');
    });
  });

  test('"Effacer maintenant" in the countdown wipes at once', async () => {
    await withKiosk(employee, '?kiosk&idle=2&countdown=30', async (page) => {
      await walkPersona(page, employee, { steps: employee.steps.slice(0, 1) });
      const dialog = countdown(page);
      await dialog.waitFor({ state: 'visible', timeout: 8_000 });
      await dialog.locator('[data-action="wipe-now"]').click();
      await expectScreen(page, 'intro');
      assert.equal(await dialog.isVisible(), false);
    });
  });

  for (const persona of [longest, incomplete, notEligible]) {
    test(`the QR code decodes to exactly the summary shown under it (${persona.file})`, async () => {
      await withKiosk(persona, '?kiosk', async (page) => {
        await completePersona(page, persona);
        const shown = await page.locator('[data-qr-text]').textContent();
        const { text, version } = await readQrCode(page);
        assert.equal(text, shown, 'the QR code holds the text shown under it');
        assert.ok(version <= 25, `a QR code of version 25 at most (got ${version})`);

        const titles = (selector) =>
          page.locator(`[data-screen="result"] ${selector} .item-title`).evaluateAll((els) => els.map((el) => el.textContent.trim()));
        const outcome = (await page.locator('.outcome-title').innerText()).trim();
        assert.ok(text.includes(outcome), `the summary names the outcome "${outcome}"`);
        for (const title of [...(await titles('[data-measure]')), ...(await titles('[data-programme]')), ...(await titles('[data-channel]'))]) {
          assert.ok(text.includes(title), `the summary names "${title}"`);
        }
        assert.match(text, /36 46/, 'how to call');
        assert.match(text, /ameli/, 'the ameli account');
        assert.match(text, /Ce résultat est une indication/, 'the indicative notice');

        const svg = page.locator('[data-qr] svg');
        assert.equal(await svg.getAttribute('role'), 'img');
        assert.match(await svg.getAttribute('aria-label'), /résumé/);
      });
    });
  }

  test('the public page (no ?kiosk, or ?kiosk=0) has no QR code, no kiosk bar, and keeps its answers in sessionStorage', async () => {
    await withKiosk(employee, '?kiosk=0', async (page) => {
      await completePersona(page, employee);
      assert.equal(await page.locator('[data-qr], [data-kiosk-bar], .app--kiosk').count(), 0);
      assert.notEqual(await page.evaluate(() => sessionStorage.length), 0, 'the public page keeps its answers for a reload');
    });
  });

  test('printing the kiosk result shows the QR code and hides the kiosk bar; on receipt paper it takes the width', async () => {
    await withKiosk(employee, '?kiosk', async (page) => {
      await completePersona(page, employee);
      await page.emulateMedia({ media: 'print' });
      const visible = (selector) => page.locator(selector).first().isVisible();
      assert.equal(await visible('[data-qr] svg'), true, 'the QR code prints');
      assert.equal(await visible('[data-kiosk-bar]'), false, 'the kiosk bar does not print');
      assert.equal(await visible('.qr-details'), false, 'the code text does not print twice');
      const a4 = await page.locator('[data-qr] svg').boundingBox();
      assert.ok(a4.width >= 150 && a4.width <= 260, `on A4 the code is about 5.5 cm wide (got ${a4.width} px)`);

      // An 80 mm receipt printer: about 300 CSS pixels wide.
      await page.setViewportSize({ width: 300, height: 800 });
      const receipt = await page.locator('[data-qr] svg').boundingBox();
      const content = await page.locator('[data-screen="result"]').boundingBox();
      assert.ok(Math.abs(receipt.width - content.width) <= 2, `on receipt paper the code takes the width (${receipt.width} of ${content.width})`);
      const columns = await page.locator('.result-section--measures .items').evaluate((el) => getComputedStyle(el).columnCount);
      assert.equal(columns, '1', 'one column on receipt paper');
      await page.screenshot({ path: join(ensureScreenshotDir(), 'kiosk-print-receipt-300.png'), fullPage: true });
      await page.screenshot({
        path: join(ensureScreenshotDir(), 'kiosk-print-receipt-top-300.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: 300, height: 600 },
      });
    });
  });

  test('the kiosk\'s watcher leaves no timer and no listener behind once destroyed', async () => {
    await withKiosk(employee, '', async (page) => {
      const outcome = await page.evaluate(async () => {
        const { startKiosk } = await import('./kiosk.js');
        const root = document.createElement('div');
        document.body.append(root);
        let wipes = 0;
        const kiosk = startKiosk({
          root,
          settings: { idleSeconds: 1, countdownSeconds: 1 },
          hasSession: () => true,
          onWipe: () => {
            wipes += 1;
          },
        });
        const added = root.children.length;
        kiosk.destroy();
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
        return { added, left: root.children.length, wipes, dialogs: document.querySelectorAll('dialog[open]').length };
      });
      assert.deepEqual(outcome, { added: 2, left: 0, wipes: 0, dialogs: 0 });
    });
  });

  test('axe finds no WCAG 2.1 A/AA violation on the kiosk\'s question, countdown and result with its QR code', async () => {
    await withKiosk(employee, '?kiosk&idle=5&countdown=30', async (page) => {
      await walkPersona(page, employee, { steps: employee.steps.slice(0, 1) });
      await expectQuestion(page, employee.steps[1].question);
      await expectNoAxeViolations(page, 'kiosk question');
      await countdown(page).waitFor({ state: 'visible', timeout: 8_000 });
      await expectNoAxeViolations(page, 'kiosk countdown');
      await countdown(page).locator('[data-action="stay"]').click();
      await walkPersonaFromFirstQuestion(page, employee, 1);
      await expectScreen(page, 'recap');
      await clickAction(page, 'next');
      await expectScreen(page, 'result');
      await page.locator('.qr-details summary').click();
      await expectNoAxeViolations(page, 'kiosk result with its QR code (text shown)');
    });
  });

  test('screenshots of kiosk mode: a question, the countdown, the result with its QR code', async () => {
    const dir = ensureScreenshotDir();
    for (const [label, viewport] of [
      ['1280', DESKTOP],
      ['375', PHONE],
    ]) {
      await withKiosk(
        longest,
        '?kiosk&idle=6&countdown=20',
        async (page) => {
          await expectScreen(page, 'intro');
          await page.screenshot({ path: join(dir, `kiosk-intro-${label}.png`), fullPage: true });
          await clickAction(page, 'next');
          await answerQuestion(page, longest.steps[0].question, longest.steps[0].answer);
          await expectQuestion(page, longest.steps[1].question);
          await page.screenshot({ path: join(dir, `kiosk-question-${label}.png`) });
          await walkPersonaFromFirstQuestion(page, longest, 1);
          await expectScreen(page, 'recap');
          await clickAction(page, 'next');
          await expectScreen(page, 'result');
          // The top of the result (outcome and QR code) as the kiosk shows it, then the whole page.
          await page.screenshot({ path: join(dir, `kiosk-result-${label}.png`) });
          await page.screenshot({ path: join(dir, `kiosk-result-full-${label}.png`), fullPage: true });
          await page.locator('[data-take-away]').evaluate((element) => element.scrollIntoView({ block: 'center' }));
          await page.screenshot({ path: join(dir, `kiosk-qr-${label}.png`) });
          // Left alone on the result, the countdown comes.
          await countdown(page).waitFor({ state: 'visible', timeout: 10_000 });
          await page.screenshot({ path: join(dir, `kiosk-countdown-${label}.png`) });
        },
        { viewport },
      );
    }
  });
});

// Answers the persona's steps from `from` on (the question shown must be the step's).
async function walkPersonaFromFirstQuestion(page, persona, from = 0) {
  for (const step of persona.steps.slice(from)) await answerQuestion(page, step.question, step.answer);
}
