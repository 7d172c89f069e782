// The page's texts and its CSP hygiene: every ui key the page uses exists in the locale and every
// one there is used; no file of web/ holds HTML injection, eval, remote addresses or inline styles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.PDP_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const webDir = join(root, 'web');
const localesDir = join(root, 'rules', 'locales');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const webFiles = filesUnder(webDir).map((file) => ({
  name: relative(webDir, file),
  // latin1 reads any byte, so binary files (the icon) are scanned too without failing.
  text: readFileSync(file, 'latin1'),
}));
const scripts = webFiles.filter((file) => file.name.endsWith('.js'));

// The page reads its texts with t('key') (web/texts.js), always with a literal key; index.html's
// static first screen and the static pages it links to name them as data-text="ui.key", filled in
// by the build (scripts/static-page.mjs), and its head names them as data-text-content="ui.key".
function keysUsed() {
  const used = new Map();
  for (const file of scripts) {
    for (const match of file.text.matchAll(/\bt\(\s*(['"`])([A-Za-z0-9_]+)\1/g)) {
      if (!used.has(match[2])) used.set(match[2], file.name);
    }
  }
  for (const file of webFiles.filter(({ name }) => name.endsWith('.html'))) {
    for (const match of file.text.matchAll(/\bdata-text(?:-content)?="ui\.([A-Za-z0-9_]+)"/g)) {
      if (!used.has(match[1])) used.set(match[1], file.name);
    }
  }
  return used;
}

function uiOf(locale) {
  return JSON.parse(readFileSync(join(localesDir, `${locale}.json`), 'utf8')).ui;
}

const locales = readdirSync(localesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length));

test('the page finds its files and uses some ui texts', () => {
  assert.ok(scripts.some((file) => file.name === 'app.js'), 'web/app.js exists');
  assert.ok(keysUsed().size > 10, 'the page uses ui keys through t()');
});

test('t() is only called with a literal key, so every use can be checked', () => {
  for (const file of scripts) {
    // Calls, not the definition (function t(key, …)).
    for (const match of file.text.matchAll(/(?<!function\s+)\bt\(\s*([^\s)])/g)) {
      assert.match(match[1], /['"`]/, `${file.name}: t() called with a computed key near "${match[0]}"`);
    }
  }
});

for (const locale of locales) {
  test(`every ui key the page uses exists in locales/${locale}.json`, () => {
    const ui = uiOf(locale);
    assert.equal(typeof ui, 'object', `locales/${locale}.json has a "ui" section`);
    const missing = [...keysUsed()].filter(([key]) => !Object.hasOwn(ui, key)).map(([key, file]) => `${key} (${file})`);
    assert.deepEqual(missing, [], `ui keys used by the page but missing from locales/${locale}.json`);
  });

  test(`every ui key of locales/${locale}.json is used by the page`, () => {
    const used = keysUsed();
    const unused = Object.keys(uiOf(locale)).filter((key) => !used.has(key));
    assert.deepEqual(unused, [], `ui keys of locales/${locale}.json that no page script uses`);
  });

  test(`the ui texts of locales/${locale}.json are non-empty strings with snake_case keys`, () => {
    for (const [key, text] of Object.entries(uiOf(locale))) {
      assert.match(key, /^[a-z][a-z0-9_]*$/, `ui key "${key}" is snake_case`);
      assert.equal(typeof text, 'string', `ui.${key} is a string`);
      assert.notEqual(text.trim(), '', `ui.${key} is not empty`);
    }
  });
}

const forbidden = [
  ['innerHTML', /innerHTML/],
  ['outerHTML assignment', /outerHTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['eval(', /\beval\s*\(/],
  ['new Function', /new\s+Function\b/],
  // The SVG namespace is a name, not an address the page fetches (web/qr.js).
  ['http://', /http:\/\/(?!www\.w3\.org\/2000\/svg')/i],
  ['https://', /https:\/\//i],
  ['a style= attribute', /\bstyle\s*=/i],
  ['setAttribute("style")', /setAttribute\(\s*['"`]style['"`]/],
];

for (const [what, pattern] of forbidden) {
  test(`no file in web/ contains ${what}`, () => {
    const offenders = webFiles.filter((file) => pattern.test(file.text)).map((file) => file.name);
    assert.deepEqual(offenders, [], `files of web/ containing ${what}`);
  });
}

test('web/index.html has no inline script, style element or event handler attribute', () => {
  const html = webFiles.find((file) => file.name === 'index.html')?.text;
  assert.ok(html, 'web/index.html exists');
  for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    assert.match(script[1], /\bsrc=/, 'every <script> loads a file');
    assert.equal(script[2].trim(), '', 'no code inside <script>');
  }
  assert.doesNotMatch(html, /<style\b/i, 'no <style> element');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler (onclick=…)');
  assert.match(html, /<script type="module" src="main\.js"><\/script>/, "main.js (which starts app.js) is loaded as a module");
});
