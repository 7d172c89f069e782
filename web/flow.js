// The questionnaire's flow, with no DOM and no engine: a state and an event give the next state
// and the one request to send to the core (or none); the core's reply then gives the screen to
// show. The core owns the conversation: its reply's `steps` is the path walked (each question
// asked, in order, with its answer, label, choices and progress), so Back, "Modifier" and the
// recap read it instead of asking the core again, and nothing here replays the questionnaire.
// The controller (app.js) performs the requests and renders `shownQuestion(state)` and the rest.

export const SCREENS = Object.freeze(['intro', 'question', 'recap', 'result']);
// The events that move along the path the last reply holds, without asking the core.
const MOVES = ['start', 'back', 'edit', 'to-result'];

const has = (object, key) => Object.prototype.hasOwnProperty.call(object ?? {}, key);

/**
 * A fresh flow: no answer, the intro.
 * - answers: what the core kept (its reply's `answers`): what is stored;
 * - rules_version: the version of the rules the answers were given under (sent back on resume,
 *   so that the core drops, and lists, what a newer edition no longer asks);
 * - screen, current (the question on screen), editing (opened by "Modifier": Next then asks only
 *   what the change opened and returns to the recap), pick (chosen on screen, not yet submitted);
 * - reply: the core's last reply, for these answers; pending: what the awaited reply answers;
 * - fault: an error to show over the screen; rules_changed: the answers an update of the rules
 *   dropped, to say so.
 * @param {{locale?: string|null}} [options] the language of the requests
 */
export function initialState({ locale = null } = {}) {
  return {
    answers: {},
    rules_version: null,
    screen: 'intro',
    current: null,
    editing: false,
    pick: null,
    locale,
    reply: null,
    pending: null,
    fault: null,
    rules_changed: [],
  };
}

/** What is kept between page loads (storage.js): never the reply, the pick or a fault. */
export function storedPart(state) {
  const { answers, rules_version: version, screen, current, editing } = state;
  return { answers, ...(version ? { rules_version: version } : {}), screen, current, editing };
}

/**
 * An event in, the next state and the one request it needs (null: nothing to ask the core).
 * Events: {type: 'resume', stored} (a state read back by storage.js, possibly `damaged`),
 * 'start', {type: 'answer', id, value}, {type: 'pick', value}, 'back', {type: 'edit', id},
 * 'to-result', {type: 'restart', locale?}, {type: 'switch-locale', locale}, 'retry',
 * 'drop-answer', {type: 'fail', error} (the request failed: `error` has code, message, path),
 * 'confirm' (the same request again, for the engine's own reply to what the opening showed:
 * opening.js; the screen and the pick stay).
 * @returns {{state: object, request: {answers: object, locale?: string, rules_version?: string}|null}}
 */
export function update(state, event) {
  const reply = state.reply;
  // A person's action clears the notice of a rules update: it has been seen.
  const acted = { ...state, rules_changed: [], fault: null };
  switch (event.type) {
    case 'resume': {
      const stored = event.stored ?? {};
      const resumed = {
        ...initialState({ locale: state.locale }),
        answers: { ...(stored.answers ?? {}) },
        rules_version: stored.rules_version ?? null,
        screen: SCREENS.includes(stored.screen) ? stored.screen : 'intro',
        current: stored.current ?? null,
        editing: stored.editing === true,
      };
      // Part of what was stored could not be read: say so before going on with the rest.
      if (stored.damaged) return still({ ...resumed, fault: { code: 'storage.damaged', message: 'the stored answers could not be read back' } });
      return ask(resumed, { type: 'resume' });
    }
    case 'retry':
      return ask({ ...state, fault: null }, { type: 'resume' });
    case 'drop-answer': {
      // Only the answer the error names goes; every other one is kept.
      const id = state.fault?.answer;
      const answers = { ...state.answers };
      if (id) delete answers[id];
      return ask({ ...state, answers, fault: null }, { type: 'resume' });
    }
    case 'fail':
      return still({ ...state, pending: null, fault: faultOf(event.error, state.answers) });
    case 'pick':
      return still(state.screen === 'question' ? { ...state, pick: event.value } : state);
    case 'answer':
      // The answer reaches `answers` only through the reply: a refused one is not kept.
      return ask({ ...acted, pick: null }, { type: 'answer', id: event.id }, withAnswer(state.answers, event.id, event.value));
    case 'restart':
      return ask(initialState({ locale: event.locale ?? state.locale }), { type: 'restart' });
    case 'switch-locale':
      return ask({ ...state, locale: event.locale }, { type: 'switch-locale' });
    case 'confirm':
      return ask(state, { type: 'confirm' });
    default:
      if (!MOVES.includes(event.type)) throw new Error(`unknown flow event "${event.type}"`);
  }
  // The other events move along the path the last reply holds: no request. (Without a reply, which
  // only a page that failed to start lacks, the core is asked where the answers lead.)
  if (!reply) return ask({ ...acted, screen: event.type === 'start' ? 'question' : acted.screen, current: null }, { type: 'resume' });
  const steps = stepsOf(reply);
  switch (event.type) {
    case 'start': {
      // The first question, pre-filled when it was answered (Back to the intro, then Start).
      const first = steps[0]?.question ?? reply.next_question;
      return still(first ? onQuestion(acted, first.id, false) : { ...acted, screen: 'recap', editing: false });
    }
    case 'back':
      return still(back(acted, steps));
    case 'edit': {
      const known = steps.some((step) => step.question.id === event.id) || reply.next_question?.id === event.id;
      return still(known ? onQuestion(acted, event.id, true) : state);
    }
    default: // 'to-result'
      return still(reply.next_question ? onQuestion(acted, reply.next_question.id, false) : leave(acted, 'result'));
  }
}

/**
 * The core's reply to the pending request in: the new state, on the screen it leads to.
 * @param {object} state a state whose `pending` is set (update returned a request)
 * @param {object} reply the core's response
 */
export function receive(state, reply) {
  const pending = state.pending ?? { type: 'resume' };
  // A language switch or a confirmation asks nothing new: the place, the pick and the notice of a
  // rules update stay.
  const same = pending.type === 'switch-locale' || pending.type === 'confirm';
  const dropped = Array.isArray(reply.dropped) ? reply.dropped : [];
  const next = {
    ...state,
    reply,
    pending: null,
    fault: null,
    // What the core kept is what is stored: the answers it dropped go.
    answers: reply.answers ?? {},
    rules_version: reply.rules?.version ?? state.rules_version,
    rules_changed:
      same ? state.rules_changed : dropped.filter((entry) => entry.reason === 'rules_changed'),
  };
  switch (pending.type) {
    case 'restart':
      return leave(next, 'intro');
    case 'answer':
      return afterAnswer(next, pending.id);
    default:
      // Resume (a reload, retry, drop-answer), a language switch, a confirmation: the same place.
      return { ...place(next), pick: same && next.current === state.current ? state.pick : null };
  }
}

/**
 * The question on screen as the core asked it, in the reply's language: {question, progress,
 * answer}, answer being the unsubmitted pick, else the one given. Null on other screens.
 */
export function shownQuestion(state) {
  if (state.screen !== 'question' || !state.reply) return null;
  const step = stepsOf(state.reply).find((entry) => entry.question.id === state.current);
  const asked = step ?? (state.reply.next_question?.id === state.current ? { question: state.reply.next_question, progress: state.reply.progress } : null);
  if (!asked) return null;
  const answer = state.pick ?? (has(state.answers, state.current) ? state.answers[state.current] : undefined);
  return { question: asked.question, progress: asked.progress, answer };
}

// ---- Moves

// After an answer: going through the questions in order (after Back, too), the one that follows,
// pre-filled when it was answered before; after a "Modifier", only the questions the change
// opened (the core's next question), then the recap.
function afterAnswer(state, id) {
  const reply = state.reply;
  if (!state.editing) {
    const steps = stepsOf(reply);
    const index = steps.findIndex((step) => step.question.id === id);
    const following = index >= 0 ? steps[index + 1] : undefined;
    if (following) return onQuestion(state, following.question.id, false);
  }
  return reply.next_question ? onQuestion(state, reply.next_question.id, state.editing) : leave(state, 'recap');
}

// Back: from the result to the recap, from the recap to the last question answered, from a
// question to the one asked before it, from the first question to the intro.
function back(state, steps) {
  if (state.screen === 'result') return leave(state, 'recap');
  if (state.screen === 'intro') return state;
  const index = state.screen === 'question' ? steps.findIndex((step) => step.question.id === state.current) : -1;
  // Not on the path (the core's next question, or the recap): the last question answered.
  const previous = index === -1 ? steps.at(-1) : steps[index - 1];
  return previous ? onQuestion(state, previous.question.id, state.editing) : leave(state, 'intro');
}

// Where a resumed state goes with a fresh reply: the screen it was on when the answers still lead
// there (the question on screen, the recap or result when nothing is left to ask), else the
// core's next question.
function place(state) {
  const reply = state.reply;
  if (state.screen === 'intro') return leave(state, 'intro');
  if (state.screen === 'question' && shownQuestion(state)) return state;
  if (reply.next_question) return onQuestion(state, reply.next_question.id, state.editing);
  return leave(state, state.screen === 'result' ? 'result' : 'recap');
}

function onQuestion(state, id, editing) {
  return { ...state, screen: 'question', current: id, editing, pick: null };
}

function leave(state, screen) {
  return { ...state, screen, current: null, editing: false, pick: null };
}

// ---- Requests

function ask(state, pending, answers = state.answers) {
  const request = { answers };
  if (state.locale) request.locale = state.locale;
  if (state.rules_version) request.rules_version = state.rules_version;
  return { state: { ...state, pending }, request };
}

function still(state) {
  return { state, request: null };
}

// The answers with `id` set: an answer changed keeps its place, a new one comes last (the core
// takes the answers in the order given).
function withAnswer(answers, id, value) {
  return { ...answers, [id]: value };
}

function stepsOf(reply) {
  return Array.isArray(reply?.steps) ? reply.steps : [];
}

// The error as the error screen shows it, with the stored answer it names (`/answers/<id>`),
// which "drop-answer" removes.
function faultOf(error, answers) {
  const id = /^\/answers\/([^/]+)/.exec(error?.path ?? '')?.[1] ?? null;
  return {
    code: error?.code || 'engine.unexpected',
    message: error?.message ?? '',
    path: error?.path ?? '',
    answer: id !== null && has(answers, id) ? id : null,
  };
}
