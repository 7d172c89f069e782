#!/usr/bin/env node
// The accessibility statement's results, generated from the RGAA audit (docs/rgaa/audit.json),
// never typed by hand: the conformance rate, the status (also in the footer), the list of
// non-conformities, the date, the pages checked and the test environment, written into each
// locale's ui texts (the a11y_* keys listed in GENERATED_KEYS, and footer_accessibility), and the
// readable report docs/accessibility-audit.md. build-wasm.sh runs it before bundling the rules;
// tests/js/rgaa-audit.test.mjs fails when what is committed differs from what it writes.
//
//   node scripts/accessibility-statement.mjs          write the locales and the report
//   node scripts/accessibility-statement.mjs --check  write nothing; exit 1 when they are stale
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const AUDIT_FILE = join(root, 'docs', 'rgaa', 'audit.json');
export const REPORT_FILE = join(root, 'docs', 'accessibility-audit.md');
const localePath = (code) => join(root, 'rules', 'locales', `${code}.json`);

// The RGAA 4.1.2 grid: its 13 themes and how many criteria each has (106 in all).
export const THEMES = [
  ['Images', 9], ['Cadres', 2], ['Couleurs', 3], ['Multimédia', 13], ['Tableaux', 8], ['Liens', 2],
  ['Scripts', 5], ['Éléments obligatoires', 10], ['Structuration de l\'information', 4],
  ['Présentation de l\'information', 14], ['Formulaires', 13], ['Navigation', 11], ['Consultation', 12],
];
export const STATUSES = ['C', 'NC', 'NA'];

export function loadAudit(file = AUDIT_FILE) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The audit's results, by the RGAA's rule: the rate is the conformant criteria over the applicable
 * ones (conformant and not conformant; NA left out), rounded down so that one failure never shows
 * as 100 %. Status: "total" at 100 %, "partial" from 50 %, "none" below (or nothing applicable).
 */
export function auditResults(audit) {
  const count = (status) => audit.criteria.filter((criterion) => criterion.status === status).length;
  const conformant = count('C');
  const applicable = conformant + count('NC');
  const rate = applicable ? Math.floor((conformant * 100) / applicable) : 0;
  let status = 'none';
  if (applicable && conformant === applicable) status = 'total';
  else if (rate >= 50) status = 'partial';
  return {
    conformant,
    applicable,
    notApplicable: count('NA'),
    rate,
    status,
    nonConformities: audit.criteria.filter((criterion) => criterion.status === 'NC'),
    audited: audit.sample.filter((page) => !page.pending),
    pending: audit.sample.filter((page) => page.pending),
  };
}

// The generated sentences, per language. A language the audit must be stated in gets its words here.
const WORDS = {
  fr: {
    status: { total: 'totalement conforme', partial: 'partiellement conforme', none: 'non conforme' },
    footer: (s) => `Accessibilité : ${s}`,
    statusText: (s) => `Cet outil est ${s} au RGAA 4.1.2, le référentiel général d'amélioration de l'accessibilité.`,
    rate: (r) =>
      `Un audit interne a vérifié les 106 critères du RGAA. ${r.applicable} s'appliquent à cet outil, les ${r.notApplicable} autres non. ` +
      `Taux de conformité : ${r.rate} % (${r.conformant} critères respectés sur ${r.applicable}).`,
    none: 'Aucun contenu non accessible n\'a été trouvé par l\'audit.',
    nonConformity: (c) => `Critère ${c.id} : ${c.reason.fr} Ce qui est prévu : ${c.plan.fr}`,
    date: (d) => `Cette déclaration a été établie le ${d}, d'après l'audit fait ce jour-là.`,
    sample: (pages) => `Pages vérifiées : ${list(pages, 'et')}.`,
    env: (e) => `Tests faits avec le navigateur ${e.browser} sous Linux (${e.os.replace(/ \(Linux\)$/, '')}) et l'outil axe-core ${e.axe_core}, sur ordinateur et sur une largeur de téléphone.`,
    at: 'Aucun lecteur d\'écran n\'a pu être lancé pour cet audit. À la place, on a lu ce que le navigateur transmet aux lecteurs d\'écran, page par page. Un essai avec NVDA et VoiceOver est prévu.',
  },
  en: {
    status: { total: 'fully compliant', partial: 'partially compliant', none: 'not compliant' },
    footer: (s) => `Accessibility: ${s}`,
    statusText: (s) => `This tool is ${s} with RGAA 4.1.2, the French accessibility standard.`,
    rate: (r) =>
      `An internal audit checked the 106 RGAA criteria. ${r.applicable} apply to this tool, the other ${r.notApplicable} do not. ` +
      `Compliance rate: ${r.rate}% (${r.conformant} criteria met out of ${r.applicable}).`,
    none: 'The audit found no content that is not accessible.',
    nonConformity: (c) => `Criterion ${c.id}: ${c.reason.en} What is planned: ${c.plan.en}`,
    date: (d) => `This statement was made on ${d}, from the audit done that day.`,
    sample: (pages) => `Pages checked: ${list(pages, 'and')}.`,
    env: (e) => `Tests run with the ${e.browser} browser on Linux (${e.os.replace(/ \(Linux\)$/, '')}) and the axe-core ${e.axe_core} tool, at computer and phone widths.`,
    at: 'No screen reader could be run for this audit. Instead, what the browser passes to screen readers was read, page by page. A test with NVDA and VoiceOver is planned.',
  },
};

function list(items, and) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

function dateInWords(iso, months) {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day === 1 && months[0] === 'janvier' ? '1er' : day} ${months[month - 1]} ${year}`;
}

/** The keys this script writes, in the order they stand in the ui texts. */
export const GENERATED_KEYS = ['footer_accessibility', 'a11y_status', 'a11y_rate', 'a11y_missing', 'a11y_date', 'a11y_sample', 'a11y_env', 'a11y_at'];

/**
 * The generated ui texts of one locale. a11y_missing holds one non-conformity a line.
 * @param {object} audit the audit file
 * @param {{locale: string, months: string[]}} locale the locale file (its code and month names)
 */
export function statementTexts(audit, locale) {
  const words = WORDS[locale.locale];
  if (!words) throw new Error(`accessibility-statement: no words for the locale "${locale.locale}" (add them to WORDS)`);
  const results = auditResults(audit);
  const status = words.status[results.status];
  return {
    footer_accessibility: words.footer(status),
    a11y_status: words.statusText(status),
    a11y_rate: words.rate(results),
    a11y_missing: results.nonConformities.length ? results.nonConformities.map(words.nonConformity).join('\n') : words.none,
    a11y_date: words.date(dateInWords(audit.date, locale.months)),
    a11y_sample: words.sample(results.audited.map((page) => page.name[locale.locale])),
    a11y_env: words.env(audit.environment),
    a11y_at: words.at,
  };
}

/**
 * The locale with the generated texts in place: a key already there keeps its place; a new one goes
 * right after the a11y_* key before it in GENERATED_KEYS (so the ui's end, where others add keys,
 * is left alone).
 */
export function withStatement(locale, texts) {
  const ui = Object.entries(locale.ui);
  for (const [index, key] of GENERATED_KEYS.entries()) {
    const at = ui.findIndex(([name]) => name === key);
    if (at >= 0) ui[at] = [key, texts[key]];
    else {
      const before = ui.findIndex(([name]) => name === GENERATED_KEYS[index - 1]);
      ui.splice(before >= 0 ? before + 1 : ui.length, 0, [key, texts[key]]);
    }
  }
  return { ...locale, ui: Object.fromEntries(ui) };
}

// Text as Markdown shows it: "<pdp-autodiagnostic>" stays words, "|" stays in its table cell.
const md = (text) => String(text).replace(/</g, '&lt;').replace(/\|/g, '\\|');

/** The readable report of the audit (docs/accessibility-audit.md). */
export function auditReport(audit) {
  const results = auditResults(audit);
  const out = [
    '# RGAA 4.1.2 audit (generated)',
    '',
    `Generated by \`scripts/accessibility-statement.mjs\` from \`docs/rgaa/audit.json\`: edit that file, then run`,
    'the script (`./build-wasm.sh` does). The statement\'s texts in `rules/locales/*.json` come from the same file.',
    '',
    `- Date: ${audit.date}; auditor: ${audit.auditor.en}.`,
    `- Result: **${WORDS.fr.status[results.status]}** (${WORDS.en.status[results.status]}): ${results.rate} %, ` +
      `${results.conformant} conformant out of ${results.applicable} applicable criteria; ${results.notApplicable} not applicable; ` +
      `${results.nonConformities.length} not conformant.`,
    `- Environment: ${audit.environment.browser} on ${audit.environment.os}, axe-core ${audit.environment.axe_core}, ` +
      `playwright-core ${audit.environment.playwright_core}; widths ${audit.environment.widths}.`,
    `- Assistive technology: ${audit.environment.assistive_technology.used}. Stand-in: ${audit.environment.assistive_technology.stand_in}. ` +
      `${audit.environment.assistive_technology.why}`,
    '',
    '## Sample',
    '',
    '| page | where | evidence |',
    '|---|---|---|',
    ...audit.sample.map((page) =>
      `| ${md(page.name.en)} | ${md(page.where)} | ${page.pending ? `**not audited yet**: ${md(page.pending)}` : `\`build/artifacts/rgaa/${page.id}.png\`, \`${page.id}.ax.txt\``} |`,
    ),
    '',
    '## Non-conformities',
    '',
    ...(results.nonConformities.length
      ? results.nonConformities.map((c) => `- **${c.id}** ${md(c.title)} ${md(c.reason.en)} Plan: ${md(c.plan.en)}`)
      : ['None.']),
    '',
    '## Criteria',
  ];
  for (const [index, [theme]] of THEMES.entries()) {
    out.push('', `### ${index + 1}. ${theme}`, '');
    for (const c of audit.criteria.filter((criterion) => criterion.id.split('.')[0] === String(index + 1))) {
      out.push(`- **${c.id} ${c.status}** — ${md(c.title)}`);
      if (c.why) out.push(`  - Not applicable: ${md(c.why)}`);
      for (const test of c.tests ?? []) out.push(`  - Test: \`${test.file}\` › “${md(test.name)}”`);
      for (const check of c.manual ?? []) out.push(`  - Manual: ${md(check.check)} (${check.evidence.map((path) => `\`${path}\``).join(', ')})`);
      if (c.note) out.push(`  - Note: ${md(c.note)}`);
      if (c.reason) out.push(`  - Reason: ${md(c.reason.en)} Plan: ${md(c.plan.en)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Every file this script writes, with the text it would write: {path: text}. */
export function generatedFiles(audit = loadAudit()) {
  const files = { [REPORT_FILE]: auditReport(audit) };
  for (const code of Object.keys(WORDS)) {
    const locale = JSON.parse(readFileSync(localePath(code), 'utf8'));
    files[localePath(code)] = `${JSON.stringify(withStatement(locale, statementTexts(audit, locale)), null, 2)}\n`;
  }
  return files;
}

/** The generated files whose committed text differs from what this script writes. */
export function staleFiles(audit = loadAudit()) {
  return Object.entries(generatedFiles(audit))
    .filter(([path, text]) => {
      try {
        return readFileSync(path, 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale = staleFiles();
  if (check) {
    if (stale.length) {
      console.error(`accessibility-statement: stale, run node scripts/accessibility-statement.mjs: ${stale.join(', ')}`);
      process.exit(1);
    }
  } else {
    const files = generatedFiles();
    for (const path of stale) writeFileSync(path, files[path]);
    const results = auditResults(loadAudit());
    console.log(`accessibility-statement: ${WORDS.fr.status[results.status]}, ${results.rate} % (${results.conformant}/${results.applicable}); ${stale.length ? `wrote ${stale.length} file(s)` : 'up to date'}`);
  }
}
