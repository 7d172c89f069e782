// The result, in the order a person needs it: the outcome, what to check and what blocks, then how
// to ask (the channels and the first step, open), then what can help and who is involved as short
// titles that open to their text, then the conditions one by one. Every item and condition opens,
// on demand, to the passages it rests on; the printed summary ends with the list of them.
// Everything shown is what the core returned: nothing here decides anything about eligibility.
// The parts live beside it by idea: the conditions (result-conditions.js), the items and the ways
// to ask (result-items.js), the passages cited (result-sources.js).
import { button, focusHeading, h } from '../dom.js';
import { formatDate } from '../format.js';
import { gatherSources } from '../sources.js';
import { criteriaList, givenAnswers, toCheckSection } from './result-conditions.js';
import { disclosureList, list, nextStepsSection, openList, paragraph, programmeBody, programmeNote, section } from './result-items.js';
import { sourcesSection } from './result-sources.js';

/**
 * @param {object} options
 * @param {object} options.response a finished response (next_question null)
 * @param {import('../texts.js').Texts} options.t the app's texts; dates, lists and quotes follow
 *   their language (t.locale)
 * @param {Element|null} [options.takeAway] the kiosk's QR code of the summary, shown after the
 *   outcome
 * @param {boolean} [options.kiosk] addresses are written out, never links (nobody should leave the
 *   tool on a shared screen)
 */
export function renderResult({ response, t, takeAway = null, kiosk = false }) {
  const eligibility = response.eligibility ?? 'incomplete';
  const criteria = list(response.criteria);
  const unmet = criteria.filter((criterion) => criterion.status === 'unmet');
  const others = criteria.filter((criterion) => criterion.status !== 'unmet');
  const outcome = response.outcome ?? {};
  // What every part needs: the words, whether addresses may be links, the answers given.
  const context = { t, locale: t.locale, kiosk, answers: givenAnswers(response) };

  return h(
    'section',
    { class: `screen screen--result result--${eligibility}`, 'data-screen': 'result', 'data-eligibility': eligibility },
    h(
      'header',
      { class: 'result-header' },
      h('h1', { class: 'app-name' }, t('app_title')),
      response.date ? h('p', { class: 'result-date' }, t('result_date', { date: formatDate(response.date, t.locale) })) : null,
    ),
    h(
      'div',
      { class: `outcome outcome--${eligibility}` },
      focusHeading(2, outcome.title ?? t('step_result'), { class: 'outcome-title' }),
      outcome.now ? h('p', { class: 'outcome-now' }, outcome.now) : null,
      outcome.text ? h('p', { class: 'outcome-text' }, outcome.text) : null,
    ),
    takeAway,
    toCheckSection(list(response.to_check), context),
    unmet.length ? section('blocking', t('section_blocking'), criteriaList(unmet, context)) : null,
    // How to ask comes right after the verdict that says "voici comment": each channel with what to
    // say or write, open; then the steps.
    section(
      'channels',
      eligibility === 'not_eligible' ? t('section_contact') : t('section_channels'),
      openList(list(response.channels), 'data-channel', (item) => [paragraph(item.how, 'channel-how')], context),
    ),
    nextStepsSection(list(response.next_steps), context),
    section(
      'programmes',
      t('section_programmes'),
      disclosureList(list(response.programmes), 'data-programme', programmeBody, context, programmeNote),
    ),
    section('measures', t('section_measures'), disclosureList(list(response.measures), 'data-measure', (item) => [paragraph(item.text)], context)),
    section('actors', t('section_actors'), disclosureList(list(response.actors), 'data-actor', (item) => [paragraph(item.role)], context)),
    others.length
      ? section('criteria', unmet.length ? t('section_other_criteria') : t('section_criteria'), criteriaList(others, context))
      : null,
    noticesSection(response.notices ?? {}, t),
    sourcesSection(gatherSources(response), context),
    h(
      'div',
      { class: 'actions' },
      button(t('print'), { 'data-action': 'print' }, 'primary'),
      button(t('review_answers'), { 'data-action': 'back' }),
      button(t('restart'), { 'data-action': 'restart' }, 'quiet'),
    ),
  );
}

function noticesSection(notices, t) {
  const texts = [notices.indicative, notices.privacy, notices.information_date, notices.rules_version].filter(Boolean);
  if (!texts.length) return null;
  return section(
    'notices',
    t('section_notices'),
    h('div', { class: 'notices' }, texts.map((text, index) => h('p', { class: index === 0 ? 'notice' : 'small' }, text))),
  );
}
