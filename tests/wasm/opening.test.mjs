// The opening of the built page (dist/rules.json, web/opening.js) against the module the page
// ships: what the page draws before its engine has started is what the engine then answers, and
// the flow goes on from it as from the engine's own reply.
//
// Here rather than in tests/js: it needs dist/, which ./build-wasm.sh writes after ctest.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openingOf, openingReply, showsTheSame } from '../../web/opening.js';
import { initialState, loadCountedEngine, perform, root, shownQuestion } from './flow-driver.mjs';
import { receive, update } from '../../web/flow.js';

const dist = process.env.PDP_DIST_DIR ?? join(root, 'dist');
let engine;
let opening;
before(async () => {
  engine = await loadCountedEngine(dist);
  opening = openingOf(readFileSync(join(dist, 'rules.json'), 'utf8'));
});

// The flow as the page starts it on the opening (app-actions.js: showOpening).
const onOpening = () => receive(update(initialState({ locale: opening.info.locale }), { type: 'confirm' }).state, opening.reply);

test('the built page has an opening, whose info is the engine\'s in the default language', () => {
  assert.ok(opening, 'dist/rules.json has no opening');
  assert.deepEqual(opening.info, engine.rulesInfo);
});

test('the opening\'s first reply is the module\'s, worded, to the first request (whatever the day)', () => {
  const reply = engine.assess({ answers: {} });
  assert.deepEqual({ ...opening.reply, date: null }, { ...openingReply(reply), date: null });
  assert.equal(showsTheSame(opening.reply, engine.assess({ answers: {}, date: '2027-03-01' })), true);
});

test('from the opening, Start shows the first question as the engine\'s reply does, without asking the core', () => {
  const calls = engine.calls;
  const started = perform(engine, onOpening(), { type: 'start' }, '2026-12-04');
  assert.equal(engine.calls, calls, 'Start asked the core');
  const fromEngine = perform(engine, perform(engine, initialState({ locale: 'fr' }), { type: 'resume', stored: {} }, '2026-12-04'), { type: 'start' }, '2026-12-04');
  assert.deepEqual(shownQuestion(started), shownQuestion(fromEngine));
});

test('the engine\'s confirmation keeps the screen and the answer chosen on the opening\'s first question', () => {
  let state = perform(engine, onOpening(), { type: 'start' }, '2026-12-04');
  const id = state.current;
  const choice = shownQuestion(state).question.choices[0].value;
  state = update(state, { type: 'pick', value: choice }).state;
  const confirmed = perform(engine, state, { type: 'confirm' }, '2026-12-04');
  assert.equal(confirmed.screen, 'question');
  assert.equal(confirmed.current, id);
  assert.equal(shownQuestion(confirmed).answer, choice);
  assert.notEqual(confirmed.reply, opening.reply, 'the engine\'s reply replaces the opening\'s');
  // On the intro, it stays on the intro.
  assert.equal(perform(engine, onOpening(), { type: 'confirm' }, '2026-12-04').screen, 'intro');
});

test('an answer on the opening\'s first question goes to the core and leads on as from the engine\'s reply', () => {
  const started = perform(engine, onOpening(), { type: 'start' }, '2026-12-04');
  const value = shownQuestion(started).question.choices[0].value;
  const answered = perform(engine, started, { type: 'answer', id: started.current, value }, '2026-12-04');
  const fromEngine = perform(engine, perform(engine, perform(engine, initialState({ locale: 'fr' }), { type: 'resume', stored: {} }, '2026-12-04'), { type: 'start' }, '2026-12-04'),
    { type: 'answer', id: started.current, value }, '2026-12-04');
  assert.deepEqual(shownQuestion(answered), shownQuestion(fromEngine));
  assert.deepEqual(answered.answers, { [started.current]: value });
});
