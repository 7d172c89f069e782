// The RGAA audit's sample (docs/rgaa/audit.json, "sample"): each page of it opened as a person
// reaches it, its screenshot and the accessibility tree Chromium gives assistive technologies
// written to build/artifacts/rgaa/ for the manual checks to look at, and on each page what can be
// checked from the rendered code: ids unique and every reference resolved, the HTML parser keeps
// the DOM as the scripts built it (RGAA 8.2, offline), headings without a skipped level (9.1),
// every control named in the tree (7.1, 11.1), valid lang codes (8.3, 8.7).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  answerQuestion,
  clickAction,
  completePersona,
  expectQuestion,
  expectScreen,
  loadPersona,
  openPage,
  repoRoot,
  useBrowser,
  walkPersona,
} from './support.mjs';

const env = useBrowser();
const audit = JSON.parse(readFileSync(join(repoRoot, 'docs', 'rgaa', 'audit.json'), 'utf8'));
const artifacts = join(repoRoot, 'build', 'artifacts', 'rgaa');
const persona = loadPersona('salariee-arret-maladie.json');
const en = JSON.parse(readFileSync(join(repoRoot, 'rules', 'locales', 'en.json'), 'utf8'));
const DESKTOP = { width: 1280, height: 900 };

// What the page's rendered code shows, read in the page (open shadow roots and same-origin frames
// included: the embedded tool lives in one or the other).
function readRenderedCode() {
  const roots = [];
  const collect = (root) => {
    roots.push(root);
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) collect(element.shadowRoot);
      if (element.tagName === 'IFRAME') {
        try {
          if (element.contentDocument) collect(element.contentDocument);
        } catch {
          // another origin: audited on its own
        }
      }
    }
  };
  collect(document);
  const problems = [];
  const headings = [];
  for (const root of roots) {
    const elements = [...root.querySelectorAll('*')];
    const ids = new Map();
    for (const element of elements) if (element.id) ids.set(element.id, (ids.get(element.id) ?? 0) + 1);
    for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" used ${count} times`);
    for (const element of elements) {
      for (const name of ['aria-labelledby', 'aria-describedby', 'aria-controls']) {
        for (const id of (element.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)) {
          if (!ids.has(id)) problems.push(`${name}="${id}" on <${element.localName}> names no element`);
        }
      }
      if (element.localName === 'label' && element.htmlFor && !ids.has(element.htmlFor)) problems.push(`label for="${element.htmlFor}" names no element`);
      const lang = element.getAttribute('lang');
      if (lang !== null && !/^[a-z]{2}(-[A-Z]{2})?$/.test(lang)) problems.push(`lang="${lang}" on <${element.localName}>`);
      if (element instanceof HTMLUnknownElement) problems.push(`<${element.localName}> is not an HTML element`);
      if (/^h[1-6]$/.test(element.localName) && element.getClientRects().length) headings.push(Number(element.localName[1]));
    }
    // The parser's view of the same code: a <div> in a <p>, a button in a button, a list item out
    // of a list… would come back reshaped, with another sequence of elements.
    // Style attributes (the progress bar's width, set through the CSSOM) are left out: the page's
    // CSP would refuse them in the parsed copy, and the sequence of elements does not depend on them.
    const markup = (root.nodeType === Node.DOCUMENT_NODE ? root.body.innerHTML : root.innerHTML).replace(/\sstyle="[^"]*"/g, '');
    const reparsed = new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html').body;
    // What a <noscript> holds is text while scripts run, elements for a parser without them.
    const shape = (node) => [...node.querySelectorAll('*')].filter((element) => !element.parentElement?.closest('noscript')).map((element) => element.localName).join(' ');
    const built = root.nodeType === Node.DOCUMENT_NODE ? root.body : root;
    if (shape(reparsed) !== shape(built)) problems.push(`the HTML parser reshapes the code of ${root.nodeType === Node.DOCUMENT_NODE ? 'the document' : 'a shadow root'}`);
  }
  const htmlLang = document.documentElement.getAttribute('lang');
  if (!/^[a-z]{2}$/.test(htmlLang ?? '')) problems.push(`<html lang="${htmlLang}">`);
  for (const [index, level] of headings.entries()) {
    if (index > 0 && level > headings[index - 1] + 1) problems.push(`heading h${level} after h${headings[index - 1]}`);
  }
  return { problems, headings, doctype: document.doctype?.name ?? null };
}

// The roles a person must hear a name for (a <details> is a group named by nothing: left out).
const NAMED_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'textbox', 'combobox', 'image', 'Iframe', 'dialog', 'alertdialog', 'navigation']);

// The accessibility tree Chromium builds for assistive technologies (CDP
// Accessibility.getFullAXTree): one line per node shown, "role: name", indented by depth.
async function accessibilityTree(page) {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const lines = [];
    const unnamed = [];
    const walk = (node, depth) => {
      const role = node.role?.value ?? '';
      const name = (node.name?.value ?? '').replace(/\s+/g, ' ').trim();
      const shown = !node.ignored && !['none', 'generic', 'InlineTextBox', 'LineBreak'].includes(role) && !(role === 'StaticText' && !name);
      if (shown) {
        const props = (node.properties ?? [])
          .filter((p) => ['checked', 'invalid', 'level', 'expanded', 'required', 'focusable'].includes(p.name) && p.value?.value !== false)
          .map((p) => `${p.name}=${p.value?.value}`);
        lines.push(`${'  '.repeat(depth)}${role}: ${name}${props.length ? ` [${props.join(', ')}]` : ''}`);
        if (NAMED_ROLES.has(role) && !name) unnamed.push(role);
      }
      for (const id of node.childIds ?? []) if (byId.has(id)) walk(byId.get(id), shown ? depth + 1 : depth);
    };
    walk(nodes[0], 0);
    return { text: `${lines.join('\n')}\n`, unnamed };
  } finally {
    await session.detach();
  }
}

// Writes the page's screenshot and tree, checks its code and its tree; with `withoutCss`, a second
// screenshot with every style sheet taken away (RGAA 10.2, 10.3: the content keeps its order and
// meaning without CSS).
async function record(page, id, { withoutCss = false, fullPage = true } = {}) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${id}.png`), fullPage });
  const tree = await accessibilityTree(page);
  writeFileSync(join(artifacts, `${id}.ax.txt`), tree.text);
  assert.deepEqual(tree.unnamed, [], `${id}: controls without a name in the accessibility tree`);
  assert.ok(tree.text.includes('heading: '), `${id}: the tree has headings`);
  const code = await page.evaluate(readRenderedCode);
  assert.deepEqual(code.problems, [], `${id}: the rendered code`);
  assert.equal(code.doctype, 'html', `${id}: <!doctype html>`);
  if (withoutCss) {
    await page.evaluate(() => {
      for (const sheet of document.querySelectorAll('link[rel="stylesheet"], style')) sheet.remove();
      document.adoptedStyleSheets = [];
    });
    await page.screenshot({ path: join(artifacts, `${id}-nocss.png`), fullPage: true });
  }
  return tree;
}

// Each page this file visits is in the audit's sample, and the other way round. A page marked
// "pending" in the sample is not in this build yet (an aside screen another change adds): once it
// is, the footer walk finds it and this file fails until the sample says it was audited.
const sampleIds = new Set(audit.sample.filter((page) => !page.pending).map((page) => page.id));
const visited = new Set();

async function withPage(options, body) {
  const fixture = await openPage(env, { viewport: DESKTOP, ...options });
  try {
    await body(fixture.page, fixture);
  } finally {
    await fixture.close();
  }
}

// One test after the other: the last one checks what the others visited.
describe('the RGAA audit\'s sample: screenshots, accessibility trees and rendered code (build/artifacts/rgaa/)', { concurrency: 1 }, () => {
  test('the public page in French: intro, question, question with its error, recap, result, print view, statement', async () => {
    await withPage({ date: persona.date }, async (page, fixture) => {
      await fixture.open();
      await expectScreen(page, 'intro');
      const intro = await record(page, 'intro', { withoutCss: true });
      visited.add('intro');
      // RGAA 12.6: the footer, on every screen, is the page's footer landmark, after <main>.
      assert.match(intro.text, /contentinfo/, 'the tree has a footer landmark');
      assert.ok(await page.evaluate(() => Boolean(document.querySelector('main + .app-footer-host > footer.app-footer')) && !document.querySelector('main footer')), 'the footer follows <main>, not inside it');
      await page.reload();
      await expectScreen(page, 'intro');
      await clickAction(page, 'next');
      await expectScreen(page, 'question');
      const asked = (await record(page, 'question')).text;
      assert.match(asked, /radiogroup: \S.*required=true/, 'the tree says an answer is needed, before Next, on the named group');
      assert.doesNotMatch(asked, /invalid=true/, 'nothing is said invalid before Next');
      await clickAction(page, 'next');
      await page.locator('[data-screen="question"] [aria-invalid="true"]').waitFor();
      const tree = await record(page, 'question-error');
      assert.match(tree.text, /invalid=true/, 'the tree says the answer is missing');
      visited.add('question').add('question-error');
      // Start again from the intro: a reload would resume on the question.
      await page.evaluate(() => sessionStorage.clear());
      await fixture.open();
      await walkPersona(page, persona);
      await expectScreen(page, 'recap');
      await record(page, 'recap');
      visited.add('recap');
      await clickAction(page, 'next');
      await expectScreen(page, 'result');
      await fixture.settled();
      await record(page, 'result');
      visited.add('result');
      await page.emulateMedia({ media: 'print' });
      await record(page, 'print');
      visited.add('print');
      await page.emulateMedia({ media: 'screen' });
      await clickAction(page, 'accessibility');
      await expectScreen(page, 'accessibility');
      await record(page, 'statement', { withoutCss: true });
      visited.add('statement');
      fixture.assertClean();
    });
  });

  test('the result in English (French names marked lang="fr") and each screen the footer leads to', async () => {
    await withPage({ date: persona.date }, async (page, fixture) => {
      await fixture.open('?lang=en');
      // RGAA 11.10: that an answer is needed is said before Next: radios are required, a group of
      // boxes says "Tick at least one answer" and is described by it.
      await expectScreen(page, 'intro');
      await clickAction(page, 'next');
      const kinds = new Set();
      for (const step of persona.steps) {
        const question = await expectQuestion(page, step.question);
        const state = await question.evaluate((form) => ({
          multi: form.querySelectorAll('input[type="checkbox"]').length > 0,
          radiosRequired: form.querySelector('fieldset').getAttribute('role') === 'radiogroup' && form.querySelector('fieldset').getAttribute('aria-required') === 'true',
          describedBy: form.querySelector('fieldset').getAttribute('aria-describedby') ?? '',
          requiredText: form.querySelector('#question-required')?.textContent ?? null,
        }));
        if (state.multi) {
          assert.equal(state.requiredText, en.ui.a11y_required_multi, `${step.question}: the words that an answer is needed`);
          assert.ok(state.describedBy.split(' ').includes('question-required'), `${step.question}: the group is described by them`);
        } else assert.ok(state.radiosRequired, `${step.question}: a required radio group`);
        kinds.add(state.multi ? 'multi' : 'single');
        await answerQuestion(page, step.question, step.answer);
      }
      assert.deepEqual([...kinds].sort(), ['multi', 'single'], 'the persona meets both kinds of question');
      await expectScreen(page, 'recap');
      await clickAction(page, 'next');
      await expectScreen(page, 'result');
      await fixture.settled();
      await record(page, 'result-en', { withoutCss: true });
      visited.add('result-en');
      // Every way out of the footer (the statement, and the screens built like it) is an aside.
      const actions = await page.locator('.app-footer [data-action]').evaluateAll((all) => all.map((b) => b.dataset.action));
      assert.ok(actions.includes('accessibility'), actions.join(', '));
      await page.goto(new URL('?lang=fr', env.url).href);
      for (const action of actions.filter((name) => name !== 'accessibility')) {
        await expectScreen(page, 'result');
        await clickAction(page, action);
        // An aside's screen is named as its footer action; its texts are fetched first.
        await expectScreen(page, action);
        const screen = await page.locator('[data-screen]').first().getAttribute('data-screen');
        await record(page, `aside-${screen}`);
        visited.add(`aside-${screen}`);
        await clickAction(page, 'back');
      }
      fixture.assertClean();
    });
  });

  test('the load-error screen and the static screen without JavaScript', async () => {
    await withPage({}, async (page) => {
      await page.route('**/rules.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(env.url);
      await expectScreen(page, 'error');
      await record(page, 'load-error');
      visited.add('load-error');
    });
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP, locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto(env.url);
      await page.locator('[data-static-intro]').waitFor();
      // The page's own scripts are off; the checks run in the test's own world.
      await record(page, 'static-nojs', { withoutCss: true });
      visited.add('static-nojs');
    } finally {
      await context.close();
    }
  });

  test('the kiosk (?kiosk): intro and result with its QR code', async () => {
    await withPage({ date: persona.date }, async (page, fixture) => {
      await fixture.open('?kiosk');
      await expectScreen(page, 'intro');
      await record(page, 'kiosk-intro');
      await completePersona(page, persona);
      await fixture.settled();
      await page.locator('svg.qr-code').waitFor();
      const tree = await record(page, 'kiosk-result');
      assert.match(tree.text, /image: \S/, 'the QR code is an image with a name');
      visited.add('kiosk-intro').add('kiosk-result');
    });
  });

  test('the embedded tool: the <pdp-autodiagnostic> tag and the frame', async () => {
    await withPage({ date: persona.date }, async (page) => {
      await page.goto(new URL('embed-example.html', env.url).href);
      await page.locator('pdp-autodiagnostic [data-screen="intro"]').waitFor();
      await record(page, 'embed-tag');
      visited.add('embed-tag');
      await page.goto(new URL('embed-frame-example.html', env.url).href);
      const frame = page.frameLocator('#tool');
      await frame.locator('[data-screen="intro"]').waitFor();
      const tree = await record(page, 'embed-frame');
      assert.match(tree.text, /Iframe: \S/, 'the frame has a title');
      visited.add('embed-frame');
    });
  });

  test('every page of the audit\'s sample was visited, and every page visited is in the sample', () => {
    assert.deepEqual([...visited].sort(), [...sampleIds].sort());
  });
});
