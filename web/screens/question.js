// One question: a form with a fieldset, one real input and label per choice, Back and Next.
import { button, focusHeading, h } from '../dom.js';

const UNKNOWN = 'ne_sait_pas';

/**
 * @param {object} options
 * @param {object} options.question response.next_question: {id, type, label, help, choices, exclusive}
 * @param {{answered: number, remaining_at_most: number}} options.progress
 * @param {*} options.answer the stored answer to pre-select, if any
 * @param {import('../texts.js').Texts} options.t the app's texts
 * @param {(value: *) => void} options.onNext called with the chosen answer, in the core's form
 * @param {(message: string) => void} options.onInvalid called when Next is pressed with nothing chosen
 */
export function renderQuestion({ question, progress, answer, t, onNext, onInvalid }) {
  const multi = question.type === 'multi';
  const choices = Array.isArray(question.choices) ? question.choices : [];
  const exclusive = new Set([...(question.exclusive ?? []), UNKNOWN].map(String));

  const helpId = 'question-help';
  const errorId = 'question-error';
  const error = h('p', { id: errorId, class: 'field-error' });
  error.hidden = true;

  const inputs = choices.map((choice, index) => {
    const id = `choice-${index}`;
    const input = h('input', {
      type: multi ? 'checkbox' : 'radio',
      name: 'answer',
      id,
      value: String(choice.value),
    });
    input.checked = isChosen(answer, choice.value);
    // "Je ne sais pas" stands a little apart from the answers themselves.
    const className = choice.value === UNKNOWN ? 'choice choice--unknown' : 'choice';
    return { input, item: h('div', { class: className }, input, h('label', { for: id }, choice.label)) };
  });

  const requiredId = 'question-required';
  const describedBy = [question.help ? helpId : null, multi ? requiredId : null].filter(Boolean).join(' ');
  // Every question needs an answer (RGAA 11.10): said before Next, not only after. One choice:
  // a required radio group (not `required` on the radios, which Chromium then reads as invalid
  // before anything was tried). Several: in words (a11y_required_multi), since no ARIA state says
  // "at least one box" of a group.
  const fieldset = h(
    'fieldset',
    { 'aria-describedby': describedBy || null, role: multi ? null : 'radiogroup', 'aria-required': multi ? null : 'true' },
    h('legend', {}, focusHeading(2, question.label, { class: 'question-label' })),
    question.help ? h('p', { id: helpId, class: 'hint' }, question.help) : null,
    multi ? h('p', { id: requiredId, class: 'hint' }, t('a11y_required_multi')) : null,
    error,
    h('div', { class: multi ? 'choices choices--multi' : 'choices' }, inputs.map((entry) => entry.item)),
  );

  const form = h(
    'form',
    { class: 'question-form', novalidate: true },
    fieldset,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button button--primary', 'data-action': 'next' }, t('next')),
      button(t('back'), { 'data-action': 'back' }),
    ),
  );

  const showError = (message) => {
    error.textContent = message;
    error.hidden = false;
    fieldset.setAttribute('aria-invalid', 'true');
    fieldset.setAttribute('aria-describedby', [describedBy, errorId].filter(Boolean).join(' '));
  };
  const clearError = () => {
    if (error.hidden) return;
    error.hidden = true;
    error.textContent = '';
    fieldset.removeAttribute('aria-invalid');
    if (describedBy) fieldset.setAttribute('aria-describedby', describedBy);
    else fieldset.removeAttribute('aria-describedby');
  };

  form.addEventListener('change', (event) => {
    const changed = event.target;
    if (multi && changed instanceof HTMLInputElement && changed.checked) {
      // An exclusive choice ("none of these", "I don't know") cannot go with the others.
      const changedIsExclusive = exclusive.has(changed.value);
      for (const { input } of inputs) {
        if (input !== changed && (changedIsExclusive || exclusive.has(input.value))) input.checked = false;
      }
    }
    clearError();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = readValue(inputs, choices, multi);
    if (value === undefined) {
      const message = multi ? t('error_choose_some') : t('error_choose_one');
      showError(message);
      onInvalid(message);
      return;
    }
    onNext(value);
  });

  return h(
    'section',
    { class: 'screen screen--question', 'data-screen': 'question', 'data-question': question.id },
    h('h1', { class: 'app-name' }, t('app_title')),
    progressBlock(progress, t),
    form,
    h('div', { class: 'actions actions--quiet' }, button(t('restart'), { 'data-action': 'restart' }, 'quiet')),
  );
}

/** The title of a question's step: "Question 3". */
export function questionStep(progress, t) {
  return t('progress_question', { n: (progress?.answered ?? 0) + 1 });
}

function progressBlock(progress, t) {
  if (!progress) return null;
  const answered = progress.answered ?? 0;
  const remaining = progress.remaining_at_most ?? 0;
  const bar = h('progress', { max: String(answered + remaining), value: String(answered), 'aria-hidden': 'true' });
  return h(
    'div',
    { class: 'progress' },
    h(
      'p',
      { class: 'progress-text' },
      h('span', { class: 'progress-step' }, questionStep(progress, t)),
      h('span', { class: 'progress-remaining' },
        remaining <= 1 ? t('progress_last') : t('progress_remaining', { remaining })),
    ),
    bar,
  );
}

function isChosen(answer, value) {
  if (answer === undefined || answer === null) return false;
  if (Array.isArray(answer)) return answer.some((entry) => String(entry) === String(value));
  return String(answer) === String(value);
}

// The answer as the core takes it: true/false, an option id, a list of option ids, or "ne_sait_pas".
function readValue(inputs, choices, multi) {
  const chosen = inputs
    .filter(({ input }) => input.checked)
    .map(({ input }) => choices.find((choice) => String(choice.value) === input.value))
    .filter(Boolean)
    .map((choice) => choice.value);
  if (chosen.length === 0) return undefined;
  if (!multi) return chosen[0];
  return chosen.includes(UNKNOWN) ? UNKNOWN : chosen;
}
