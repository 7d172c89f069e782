// The accessibility statement, in the form French public bodies publish it (RGAA model): status,
// what was tested and how, what is not accessible, how to report a problem, the recourse. Its
// status, rate, non-conformities, date, pages and environment are texts generated from the RGAA
// audit (scripts/accessibility-statement.mjs, docs/rgaa/audit.json): this view only shows them.
// Its static copy for a browser without JavaScript is web/static-pages/accessibilite.html
// (docs/page.md).
import { h } from '../dom.js';
import { asideScreen, part } from './aside.js';

/** @param {{t: import('../texts.js').Texts}} options */
export function renderAccessibility({ t }) {
  return asideScreen(
    { name: 'accessibility', title: t('a11y_title'), t },
    h('p', {}, t('a11y_intro')),
    part(t('a11y_status_title'), h('p', {}, t('a11y_status')), h('p', {}, t('a11y_rate'))),
    part(
      t('a11y_results_title'),
      h('ul', {}, h('li', {}, t('a11y_result_axe')), h('li', {}, t('a11y_result_keyboard')),
        h('li', {}, t('a11y_result_reflow')), h('li', {}, t('a11y_result_display'))),
    ),
    part(t('a11y_missing_title'), lines(t('a11y_missing'))),
    part(
      t('a11y_env_title'),
      h('p', {}, t('a11y_date')),
      h('p', {}, t('a11y_sample')),
      h('p', {}, t('a11y_env')),
      h('p', {}, t('a11y_at')),
      h('p', {}, t('a11y_tech')),
    ),
    part(t('a11y_contact_title'), h('p', {}, t('a11y_contact'))),
    part(
      t('a11y_recourse_title'),
      h('p', {}, t('a11y_recourse')),
      h('ul', {}, h('li', {}, t('a11y_recourse_form')), h('li', {}, t('a11y_recourse_phone')),
        h('li', {}, t('a11y_recourse_post')), h('li', {}, t('a11y_recourse_delegate'))),
    ),
  );
}

// The non-conformities come one a line: a list when there are several, a sentence otherwise.
function lines(text) {
  const items = text.split('\n').filter(Boolean);
  return items.length > 1 ? h('ul', {}, items.map((item) => h('li', {}, item))) : h('p', {}, text);
}
