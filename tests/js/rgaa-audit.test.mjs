// The RGAA audit (docs/rgaa/audit.json) is complete and backed by checks that exist, and the
// accessibility statement (rules/locales/*.json, docs/accessibility-audit.md) says what it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  STATUSES,
  THEMES,
  auditResults,
  loadAudit,
  root,
  staleFiles,
  statementTexts,
  withStatement,
} from '../../scripts/accessibility-statement.mjs';

const audit = loadAudit();
const source = (file) => readFileSync(join(root, file), 'utf8');

test('the audit names RGAA 4.1.2, a date, a sample and its environment', () => {
  assert.equal(audit.rgaa, '4.1.2');
  assert.match(audit.date, /^\d{4}-\d{2}-\d{2}$/);
  const ids = audit.sample.map((page) => page.id);
  assert.equal(new Set(ids).size, ids.length, 'each page of the sample once');
  // The RGAA method's sample for this tool: each screen type, the kiosk, the embedded tag, the frame.
  for (const id of ['intro', 'question', 'question-error', 'recap', 'result', 'print', 'statement', 'load-error', 'static-nojs', 'kiosk-result', 'embed-tag', 'embed-frame']) {
    assert.ok(ids.includes(id), `the sample has ${id}`);
  }
  for (const page of audit.sample) assert.ok(page.name?.fr && page.name?.en && page.where, `${page.id}: its name in French and English, where it is`);
  const { environment } = audit;
  assert.ok(environment.browser && environment.axe_core && environment.assistive_technology?.used, 'browser, axe-core, assistive technology');
});

test('the environment is the one the tests use: axe-core of node_modules, playwright-core', () => {
  const version = (name) => JSON.parse(source(`node_modules/${name}/package.json`)).version;
  assert.equal(audit.environment.axe_core, version('axe-core'));
  assert.equal(audit.environment.playwright_core, version('playwright-core'));
});

test('all 106 criteria of the grid, each once, theme by theme with its count, with a title', () => {
  const ids = audit.criteria.map((criterion) => criterion.id);
  assert.equal(ids.length, 106);
  assert.equal(new Set(ids).size, 106, 'no criterion twice');
  const expected = THEMES.flatMap(([, count], theme) => Array.from({ length: count }, (_, index) => `${theme + 1}.${index + 1}`));
  assert.deepEqual(ids, expected, 'the official numbers 1.1 … 13.12, in order');
  for (const criterion of audit.criteria) assert.match(criterion.title, /\?$|respectée \?$/, `${criterion.id}: the criterion's question`);
});

test('each criterion has a valid status and what that status needs: NA why, C how checked, NC reason and plan', () => {
  for (const c of audit.criteria) {
    assert.ok(STATUSES.includes(c.status), `${c.id}: status ${c.status}`);
    if (c.status === 'NA') assert.ok(c.why?.length > 10, `${c.id}: why it does not apply`);
    if (c.status === 'C') assert.ok((c.tests?.length ?? 0) + (c.manual?.length ?? 0) > 0, `${c.id}: how it was checked`);
    if (c.status === 'NC') {
      for (const language of ['fr', 'en']) assert.ok(c.reason?.[language] && c.plan?.[language], `${c.id}: reason and plan in ${language}`);
    }
  }
});

test('each test a conformant criterion names is a test or suite of that file', () => {
  for (const c of audit.criteria) {
    for (const { file, name } of c.tests ?? []) {
      assert.ok(existsSync(join(root, file)), `${c.id}: ${file} exists`);
      const titles = source(file).split('\n').filter((line) => /\b(test|describe)\(/.test(line));
      assert.ok(titles.some((line) => line.includes(name)), `${c.id}: no test or describe in ${file} named with "${name}"`);
    }
  }
});

test('each manual check says what was looked at, and its evidence is written by a test', () => {
  const auditTest = source('tests/browser/rgaa-audit.test.mjs');
  const accessibilityTest = source('tests/browser/accessibility.test.mjs');
  const sampleIds = new Set(audit.sample.map((page) => page.id));
  for (const c of audit.criteria) {
    for (const check of c.manual ?? []) {
      assert.ok(check.check.length > 20, `${c.id}: the check described`);
      assert.ok(check.evidence.length > 0, `${c.id}: a screenshot or tree it relied on`);
      for (const path of check.evidence) {
        const page = /^build\/artifacts\/rgaa\/(.+?)(-nocss)?\.(png|ax\.txt)$/.exec(path);
        if (page) {
          // rgaa-audit.test.mjs writes <page>.png and <page>.ax.txt for each page of the sample,
          // and <page>-nocss.png where it asks for it.
          assert.ok(sampleIds.has(page[1]), `${c.id}: ${path} is of a page of the sample`);
          if (page[2]) assert.match(auditTest, new RegExp(`record\\(page, '${page[1]}', \\{ withoutCss: true`), `${c.id}: ${path} is taken without CSS`);
          continue;
        }
        const zoom = /^build\/artifacts\/screenshots\/a11y-zoom200-(result|statement)-fr-1280\.png$/.exec(path);
        assert.ok(zoom && accessibilityTest.includes('a11y-zoom200-'), `${c.id}: ${path} is written by a test`);
      }
    }
  }
});

test('the rate is the RGAA\'s: conformant over applicable, rounded down; the status follows it', () => {
  const criteria = (c, nc, na) => [
    ...Array.from({ length: c }, () => ({ status: 'C' })),
    ...Array.from({ length: nc }, () => ({ status: 'NC' })),
    ...Array.from({ length: na }, () => ({ status: 'NA' })),
  ];
  const of = (c, nc, na) => auditResults({ criteria: criteria(c, nc, na), sample: [] });
  assert.deepEqual([of(60, 0, 46).rate, of(60, 0, 46).status], [100, 'total']);
  assert.deepEqual([of(59, 1, 46).rate, of(59, 1, 46).status], [98, 'partial'], 'one failure is never 100 %');
  assert.deepEqual([of(199, 1, 0).rate, of(199, 1, 0).status], [99, 'partial'], 'rounded down');
  assert.deepEqual([of(30, 30, 46).rate, of(30, 30, 46).status], [50, 'partial']);
  assert.deepEqual([of(29, 31, 46).rate, of(29, 31, 46).status], [48, 'none']);
  assert.equal(of(0, 0, 106).status, 'none', 'nothing applicable: no audit result');
});

test('a non-conformity is listed in the statement with its reason and plan, in each language', () => {
  const failing = structuredClone(audit);
  const criterion = failing.criteria.find((c) => c.id === '8.7');
  Object.assign(criterion, { status: 'NC', reason: { fr: 'Des mots français ne sont pas signalés.', en: 'French words are not marked.' }, plan: { fr: 'Les marquer.', en: 'Mark them.' } });
  for (const code of ['fr', 'en']) {
    const locale = JSON.parse(source(`rules/locales/${code}.json`));
    const texts = statementTexts(failing, locale);
    assert.ok(texts.a11y_missing.includes('8.7') && texts.a11y_missing.includes(criterion.reason[code]) && texts.a11y_missing.includes(criterion.plan[code]));
    assert.match(texts.footer_accessibility, code === 'fr' ? /partiellement conforme$/ : /partially compliant$/);
    // The locale keeps its other texts and their order.
    const updated = withStatement(locale, texts);
    assert.deepEqual(Object.keys(updated.ui), Object.keys(locale.ui));
    assert.equal(updated.ui.a11y_contact, locale.ui.a11y_contact);
  }
});

test('the statement in the locales and docs/accessibility-audit.md are the ones generated from the audit (run scripts/accessibility-statement.mjs)', () => {
  assert.deepEqual(staleFiles(audit), []);
  const results = auditResults(audit);
  const fr = JSON.parse(source('rules/locales/fr.json')).ui;
  assert.ok(fr.a11y_rate.includes(`${results.rate} %`), fr.a11y_rate);
  assert.ok(fr.footer_accessibility.endsWith({ total: 'totalement conforme', partial: 'partiellement conforme', none: 'non conforme' }[results.status]));
});
