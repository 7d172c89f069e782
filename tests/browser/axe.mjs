// axe-core in the browser tests: injects node_modules/axe-core into the page (and its frames) at
// the DevTools level, which the page's strict CSP does not apply to, runs the WCAG 2.1 A/AA rules
// and fails with a readable list of what is wrong (rule, impact, element, why).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support.mjs';

const AXE_PATH = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource = null;

/** The WCAG 2.1 A and AA rules (RGAA 4.1.2 is based on WCAG 2.1 AA). */
export const WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The axe-core version injected (for the accessibility statement and reports). */
export function axeVersion() {
  return JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'package.json'), 'utf8')).version;
}

// `page.addScriptTag` would add a <script> that the CSP blocks; `frame.evaluate(text)` runs
// through the DevTools protocol instead. Every frame gets it so axe can look inside iframes.
async function injectAxe(page) {
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    const present = await frame.evaluate(() => typeof globalThis.axe === 'object').catch(() => true);
    if (!present) await frame.evaluate(axeSource);
  }
}

/**
 * Runs axe (WCAG 2.1 A and AA rules) on the page as it is now; returns the violations as axe gives
 * them. `include`: an axe context (a selector, or for shadow DOM an array of selector chains) to
 * restrict the check to; `exclude` likewise. Open shadow roots are checked by axe itself.
 */
export async function axeViolations(page, { include = null, exclude = null, tags = WCAG21_AA_TAGS } = {}) {
  await injectAxe(page);
  return page.evaluate(
    async ({ include, exclude, tags }) => {
      const context = {};
      if (include !== null) context.include = include;
      if (exclude !== null) context.exclude = exclude;
      const results = await globalThis.axe.run(Object.keys(context).length ? context : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: n.html.slice(0, 200),
          summary: n.failureSummary,
        })),
      }));
    },
    { include, exclude, tags },
  );
}

/** The violations as text, one block per rule, one line per element. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${JSON.stringify(n.target)}: ${String(n.summary ?? '').replace(/\s+/g, ' ').trim()}\n      ${n.html}`)
        .join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Fails, listing every violation, unless axe finds none of the WCAG 2.1 A/AA rules violated.
 * Looking into a shadow root, axe adds an inline <style> of its own that the strict CSP blocks:
 * check the page's own records (fixture.assertClean) before calling this, not after.
 */
export async function expectNoAxeViolations(page, what, options = {}) {
  const violations = await axeViolations(page, options);
  if (violations.length > 0) {
    assert.fail(`${what}: ${violations.length} axe violation(s) of WCAG 2.1 A/AA:\n${formatViolations(violations)}`);
  }
}
