// The screen for a state of the flow (flow.js): which view, with what. The views (screens/*.js)
// draw; this only picks the one the state is on and hands it the core's reply and the texts.
import { h } from './dom.js';
import { shownQuestion } from './flow.js';
import { renderError } from './screens/error.js';
import { renderIntro } from './screens/intro.js';
import { questionStep, renderQuestion } from './screens/question.js';
import { renderRecap } from './screens/recap.js';

// The result screen's code (and the kiosk's summary and its QR code) is not needed before the
// first question: the public page's main.js fetches it as a chunk of its own, asked for on the
// recap, so that the first question stays within its size budget (docs/performance.md). The
// element and standalone.html bundle it in. A failed fetch is tried again the next time.
let resultCode = null;
export function loadResultCode() {
  resultCode ??= Promise.all([import('./screens/result.js'), import('./screens/take-away.js'), import('./summary-text.js')])
    .then(([result, takeAway, summary]) => ({ ...result, ...takeAway, ...summary }))
    .catch((error) => {
      resultCode = null;
      throw error;
    });
  return resultCode;
}

/**
 * The screen of `state`, with the step that names it and what goes above it.
 * @param {object} state the flow's state
 * @param {object} context
 * @param {import('./texts.js').Texts} context.t the app's texts
 * @param {{takeAway(response: object, code: object): Element|null, response(r: object): object}|null} context.kiosk
 *   the kiosk's part (its QR code, its privacy notice), null off kiosk
 * @param {{answer(id: string, value: *): void, pick(value: *): void, invalid(message: string): void}} context.on
 * @returns {Promise<{screen: Element, step: string, before: Element[]}>}
 */
export async function renderState(state, { t, kiosk, on }) {
  const before = state.rules_changed?.length && !state.fault ? [rulesChangedNotice(state.rules_changed, t)] : [];
  const response = kiosk ? kiosk.response(state.reply) : state.reply;
  if (state.fault) {
    const screen = renderError({ error: state.fault, canDropAnswer: state.fault.answer !== null, t });
    return { screen, step: t('error_title'), before };
  }
  if (state.screen === 'question') {
    const { question, progress, answer } = shownQuestion(state);
    const screen = renderQuestion({ question, progress, answer, t, onNext: (value) => on.answer(question.id, value), onInvalid: on.invalid });
    // What is chosen before Next is the flow's too: a language switch keeps it.
    screen.addEventListener('change', () => on.pick(pickOf(screen, question)));
    return { screen, step: questionStep(progress, t), before };
  }
  if (state.screen === 'recap') {
    // The result comes next: its code is fetched meanwhile (an error shows when it is needed).
    loadResultCode().catch(() => {});
    return { screen: renderRecap({ response, t }), step: t('recap_title'), before };
  }
  if (state.screen === 'result') {
    const code = await loadResultCode();
    const takeAway = kiosk ? kiosk.takeAway(state.reply, code) : null;
    const screen = code.renderResult({ response, t, locale: t.locale, takeAway, kiosk: Boolean(kiosk) });
    return { screen, step: t('step_result'), before };
  }
  return { screen: renderIntro({ response, t }), step: t('step_intro'), before };
}

// After an update of the rules, the answers that no longer fit a question were taken out: the
// person is told which, in words, before anything else.
function rulesChangedNotice(dropped, t) {
  const labels = dropped.map((entry) => entry.label).filter(Boolean);
  return h(
    'div',
    { class: 'notice notice--rules-changed', 'data-notice': 'rules-changed', role: 'status' },
    h('p', {}, t('rules_changed_text')),
    labels.length ? h('p', {}, t('rules_changed_questions')) : null,
    labels.length ? h('ul', {}, labels.map((label) => h('li', {}, label))) : null,
  );
}

/** The choice on `screen` in the core's form (as the question's Next sends it), or null for none. */
export function pickOf(screen, question) {
  const values = [...screen.querySelectorAll('input[name="answer"]:checked')].map((input) => input.value);
  const chosen = (question.choices ?? []).filter((choice) => values.includes(String(choice.value))).map((choice) => choice.value);
  if (chosen.length === 0) return null;
  if (question.type !== 'multi') return chosen[0];
  return chosen.includes('ne_sait_pas') ? 'ne_sait_pas' : chosen;
}
