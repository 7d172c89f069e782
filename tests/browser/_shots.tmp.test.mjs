import { test } from 'node:test';
import { useBrowser, openPage, clickAction, expectQuestion } from './support.mjs';
const env = useBrowser();
test('shots', async () => {
  const p = await openPage(env, { viewport: { width: 375, height: 700 } });
  await p.page.emulateMedia({ forcedColors: 'active' });
  await p.open();
  await p.page.keyboard.press('Tab'); await p.page.keyboard.press('Tab'); await p.page.keyboard.press('Tab');
  await p.page.keyboard.press('Enter');
  await expectQuestion(p.page, 'situation_pro');
  await p.page.screenshot({ path: '/tmp/a11y/forced-heading.png' });
  await p.page.keyboard.press('Tab'); await p.page.keyboard.press('ArrowDown');
  await p.page.screenshot({ path: '/tmp/a11y/forced-choice.png' });
  await p.page.emulateMedia({ forcedColors: 'none' });
  await p.page.screenshot({ path: '/tmp/a11y/normal-choice.png' });
  await p.close();
});
