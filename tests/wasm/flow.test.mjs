// The page's flow (web/flow.js) on real replies of the built module, without a browser: every
// path of the exhaustive walk, Back from every step, "Modifier", restart, resume from storage
// (a rules update dropping an answer, with its notice), a language switch keeping an answer
// chosen but not sent, and how many times the core is asked for each.
//
// Here rather than in tests/js: it needs dist/ (the module the page ships), which ./build-wasm.sh
// writes after ctest has run tests/js; test.sh runs tests/wasm/ right after that build.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialState, loadCountedEngine, perform, root, shownQuestion, storedPart, walk, walkPaths } from './flow-driver.mjs';

const DATE = '2026-11-23';
const readJson = (...parts) => JSON.parse(readFileSync(join(root, ...parts), 'utf8'));
const employee = readJson('tests', 'scenarios', 'salariee-arret-maladie.json');
const english = readJson('rules', 'locales', 'en.json');
const french = readJson('rules', 'locales', 'fr.json');

let engine;
const paths = {};
// Back from every question is checked on every path; the longer walks (the whole way back and
// forth, "Modifier" on each step) on one path in five, which still meets every question, answer
// and outcome: the machine running the tests is shared.
let sample;
before(async () => {
  engine = await loadCountedEngine();
  for (const date of ['2021-06-15', DATE]) paths[date] = walkPaths(date);
  sample = paths[DATE].filter((_, index) => index % 5 === 0);
});

// `run(state, event)` on the test's engine and date, and the number of assessments it took.
function run(state, event, date = DATE) {
  const calls = engine.calls;
  const next = perform(engine, state, event, date);
  return { state: next, calls: engine.calls - calls };
}

// The question on screen: its id and the answer shown chosen.
function onScreen(state) {
  const shown = shownQuestion(state);
  return shown && { id: shown.question.id, answer: shown.answer };
}

const resumed = (stored, locale = 'fr') => run(initialState({ locale }), { type: 'resume', stored });

// The employee persona answered up to (not including) step `count`.
function employeeUpTo(count) {
  let state = resumed({}).state;
  state = run(state, { type: 'start' }).state;
  for (const step of employee.steps.slice(0, count)) {
    state = run(state, { type: 'answer', id: step.question, value: step.answer }).state;
  }
  return state;
}

describe('every path of the walk', () => {
  for (const date of ['2021-06-15', DATE]) {
    // Every path on the date of the personas; one in five on the date before the 2021 reform (the
    // parity test compares every one of those with the native core already).
    const which = date === DATE ? 'every path' : 'a path in five';
    test(`on ${date}, ${which}: the questions in the path's order, one assessment per answer and one at start, then the native result`, () => {
      let most = 0;
      const walked = date === DATE ? paths[date] : paths[date].filter((_, index) => index % 5 === 0);
      for (const path of walked) {
        const calls = engine.calls;
        const { state, asked } = walk(engine, path, date);
        assert.deepEqual(asked, path.path, 'the questions in the order of the walk');
        assert.equal(state.screen, 'recap');
        assert.equal(engine.calls - calls, 1 + asked.length, `${asked.length} answers: ${engine.calls - calls} assessments`);
        assert.deepEqual(state.reply.steps.map((step) => step.question.id), path.path, 'the recap: every step, in order');
        assert.deepEqual(state.answers, path.answers);
        const result = run(state, { type: 'to-result' }, date);
        assert.equal(result.state.screen, 'result');
        assert.equal(result.calls, 0, 'the result is the last reply');
        assert.deepEqual(result.state.reply, JSON.parse(path.response), 'the result the native core gives');
        most = Math.max(most, engine.calls - calls);
      }
      assert.ok(paths[date].length > 1000, `${paths[date].length} paths`);
      assert.ok(most <= 1 + Math.max(...paths[date].map((path) => path.path.length)));
    });
  }
});

describe('Back and Next', () => {
  test('Back from every question of every path shows the one before, its answer chosen, without asking the core; Next again comes back', () => {
    for (const path of paths[DATE]) {
      walk(engine, path, DATE, (state, index) => {
        const previous = run(state, { type: 'back' });
        assert.equal(previous.calls, 0, 'Back asks nothing');
        if (index === 0) {
          assert.equal(previous.state.screen, 'intro', 'Back from the first question: the intro');
          const again = run(previous.state, { type: 'start' });
          assert.equal(again.calls, 0);
          assert.deepEqual(onScreen(again.state), onScreen(state));
          return again.state;
        }
        const id = path.path[index - 1];
        assert.deepEqual(onScreen(previous.state), { id, answer: path.answers[id] });
        assert.deepEqual(shownQuestion(previous.state).question, state.reply.steps[index - 1].question, 'as it was asked');
        const forward = run(previous.state, { type: 'answer', id, value: path.answers[id] });
        assert.equal(forward.calls, 1);
        assert.deepEqual(onScreen(forward.state), onScreen(state), 'Next: the question it left');
        return forward.state;
      });
    }
  });

  test('from the result, Back goes through the recap and every question to the intro; Start and Next then show each one pre-filled, to the recap', () => {
    for (const path of sample) {
      const walked = walk(engine, path, DATE).state;
      const steps = walked.reply.steps;
      let { state, calls } = run(run(walked, { type: 'to-result' }).state, { type: 'back' });
      assert.equal(state.screen, 'recap', 'Back from the result: the recap');
      for (let index = path.path.length - 1; index >= 0; index -= 1) {
        ({ state, calls } = run(state, { type: 'back' }));
        const id = path.path[index];
        assert.equal(calls, 0, 'Back asks nothing');
        assert.deepEqual(onScreen(state), { id, answer: path.answers[id] }, `Back to ${id}, its answer chosen`);
        assert.deepEqual(shownQuestion(state).progress, steps[index].progress, 'the progress shown then');
      }
      ({ state, calls } = run(state, { type: 'back' }));
      assert.equal(state.screen, 'intro', 'Back from the first question: the intro');
      ({ state, calls } = run(state, { type: 'start' }));
      assert.equal(calls, 0);
      for (const [index, id] of path.path.entries()) {
        assert.deepEqual(onScreen(state), { id, answer: path.answers[id] }, `${id} pre-filled`);
        ({ state, calls } = run(state, { type: 'answer', id, value: path.answers[id] }));
        assert.equal(calls, 1);
        if (index < path.path.length - 1) assert.equal(state.screen, 'question');
      }
      assert.equal(state.screen, 'recap');
      assert.deepEqual(state.answers, path.answers, 'no answer lost');
    }
  });

  test('Back from the recap goes to the last question answered, and Next from it back to the recap', () => {
    const path = paths[DATE][0];
    const back = run(walk(engine, path, DATE).state, { type: 'back' });
    const last = path.path.at(-1);
    assert.deepEqual(onScreen(back.state), { id: last, answer: path.answers[last] });
    const next = run(back.state, { type: 'answer', id: last, value: path.answers[last] });
    assert.equal(next.state.screen, 'recap');
  });
});

describe('"Modifier"', () => {
  test('from the recap, on every step of a path in five: the question pre-filled at no cost; the same answer again returns to the recap in one assessment', () => {
    const questions = new Set();
    for (const path of sample) {
      const recap = walk(engine, path, DATE).state;
      for (const id of path.path) {
        const edit = run(recap, { type: 'edit', id });
        assert.equal(edit.calls, 0);
        assert.deepEqual(onScreen(edit.state), { id, answer: path.answers[id] });
        assert.equal(edit.state.editing, true);
        const same = run(edit.state, { type: 'answer', id, value: path.answers[id] });
        assert.equal(same.calls, 1);
        assert.equal(same.state.screen, 'recap', `${id} changed to the same answer: the recap again`);
        assert.deepEqual(same.state.answers, path.answers);
        questions.add(id);
      }
    }
    assert.deepEqual([...questions].sort(), [...new Set(paths[DATE].flatMap((path) => path.path))].sort(), 'every question edited');
  });

  test('situation_pro changed from salarie to independant: only the questions the change opened are asked, then the recap; the answers that no longer apply are dropped', () => {
    let state = employeeUpTo(employee.steps.length);
    assert.equal(state.screen, 'recap');
    state = run(state, { type: 'edit', id: 'situation_pro' }).state;
    let step = run(state, { type: 'answer', id: 'situation_pro', value: 'independant' });
    assert.equal(step.calls, 1);
    assert.ok(step.state.reply.dropped.some((entry) => entry.question === 'contrat_travail' && entry.reason === 'not_asked'),
      `contrat_travail dropped: ${JSON.stringify(step.state.reply.dropped)}`);
    const newAnswers = { arret_indemnise: true, probleme_sante: ['maladie_invalidante'] };
    const asked = [];
    state = step.state;
    while (state.screen === 'question') {
      const { id } = onScreen(state);
      assert.ok(id in newAnswers, `an unexpected question after the edit: ${id}`);
      asked.push(id);
      state = run(state, { type: 'answer', id, value: newAnswers[id] }).state;
    }
    assert.deepEqual(asked.sort(), Object.keys(newAnswers).sort());
    assert.equal(state.screen, 'recap');
    const ids = state.reply.steps.map((entry) => entry.question.id);
    for (const gone of ['contrat_travail', 'solution_entreprise']) {
      assert.ok(!ids.includes(gone), `${gone} not in the recap`);
      assert.ok(!(gone in storedPart(state).answers), `${gone} not stored`);
    }
    assert.equal(run(state, { type: 'to-result' }).state.reply.eligibility, 'eligible');
  });
});

describe('restart and resume', () => {
  test('restart: one assessment, no answer left, the intro; Start shows the first question with nothing chosen', () => {
    const result = run(employeeUpTo(employee.steps.length), { type: 'to-result' }).state;
    const restarted = run(result, { type: 'restart' });
    assert.equal(restarted.calls, 1);
    assert.equal(restarted.state.screen, 'intro');
    assert.deepEqual(storedPart(restarted.state), { answers: {}, rules_version: engine.rulesInfo.rules.version, screen: 'intro', current: null, editing: false });
    const start = run(restarted.state, { type: 'start' });
    assert.deepEqual(onScreen(start.state), { id: 'situation_pro', answer: undefined });
  });

  test('a reload on every question, the recap and the result of every path resumes on the same screen, in one assessment', () => {
    for (const path of sample) {
      const reload = (state) => {
        const again = resumed(JSON.parse(JSON.stringify(storedPart(state))));
        assert.equal(again.calls, 1);
        assert.equal(again.state.screen, state.screen);
        assert.deepEqual(shownQuestion(again.state), shownQuestion(state));
        assert.deepEqual(again.state.answers, state.answers);
        return again.state;
      };
      const recap = walk(engine, path, DATE, reload).state;
      reload(recap);
      reload(run(recap, { type: 'to-result' }).state);
      // Mid-way back: the question answered shows again with its answer, after a reload too.
      reload(run(recap, { type: 'back' }).state);
    }
  });

  test('answers saved under an older edition of the rules: an option that no longer exists is dropped with a notice, its question asked again', () => {
    const saved = {
      answers: { situation_pro: 'salarie', contrat_travail: true, arret_travail: true, motif_arret: 'cure_thermale' },
      rules_version: '2026.11.0',
      screen: 'result',
      current: null,
    };
    const { state, calls } = resumed(saved);
    assert.equal(calls, 1);
    assert.equal(state.fault, null);
    assert.deepEqual(onScreen(state), { id: 'motif_arret', answer: undefined });
    assert.deepEqual(state.rules_changed.map(({ question, reason }) => ({ question, reason })), [{ question: 'motif_arret', reason: 'rules_changed' }]);
    assert.equal(state.rules_changed[0].label, french.questions.motif_arret.label, 'named by its label');
    assert.deepEqual(storedPart(state), {
      answers: { situation_pro: 'salarie', contrat_travail: true, arret_travail: true },
      rules_version: engine.rulesInfo.rules.version,
      screen: 'question',
      current: 'motif_arret',
      editing: false,
    }, 'the dropped answer is not stored; the version is now the loaded one');
    // The notice stays while the language changes, and goes once the person acts.
    assert.equal(run(state, { type: 'answer', id: 'motif_arret', value: 'maladie' }).state.rules_changed.length, 0);
  });

  test('a question that no longer exists, saved under an older edition, is dropped too (no label: there is no question to name)', () => {
    const { state } = resumed({ answers: { situation_pro: 'salarie', question_retiree: 'oui' }, rules_version: '2026.11.0', screen: 'question', current: 'question_retiree' });
    assert.equal(state.fault, null);
    assert.deepEqual(state.rules_changed.map((entry) => [entry.question, entry.label]), [['question_retiree', undefined]]);
    assert.deepEqual(onScreen(state), { id: 'contrat_travail', answer: undefined });
  });

  test('the same answers saved with no version (an older page) or with the version loaded: refused by the core, the error names the answer; "drop-answer" removes only it', () => {
    const answers = { situation_pro: 'salarie', contrat_travail: true, motif_arret: 'cure_thermale' };
    for (const version of [undefined, engine.rulesInfo.rules.version]) {
      const { state } = resumed({ answers, rules_version: version, screen: 'recap' });
      assert.equal(state.fault?.code, 'answers.unknown_option', String(version));
      assert.equal(state.fault.answer, 'motif_arret');
      assert.deepEqual(storedPart(state).answers, answers, 'nothing erased before the person chooses');
      const dropped = run(state, { type: 'drop-answer' });
      assert.equal(dropped.calls, 1);
      assert.equal(dropped.state.fault, null);
      assert.deepEqual(dropped.state.answers, { situation_pro: 'salarie', contrat_travail: true });
      assert.deepEqual(onScreen(dropped.state), { id: 'arret_travail', answer: undefined });
    }
  });

  test('a damaged stored state: the fault at no cost, then "retry" goes on with what was read', () => {
    const damaged = run(initialState({ locale: 'fr' }), {
      type: 'resume',
      stored: { answers: { situation_pro: 'salarie' }, screen: 'question', current: 'contrat_travail', damaged: true },
    });
    assert.equal(damaged.calls, 0);
    assert.equal(damaged.state.fault.code, 'storage.damaged');
    const retried = run(damaged.state, { type: 'retry' });
    assert.equal(retried.calls, 1);
    assert.deepEqual(onScreen(retried.state), { id: 'contrat_travail', answer: undefined });
  });
});

describe('a language switch', () => {
  test('mid-question keeps the answers, the question and the answer chosen but not sent, in one assessment', async () => {
    const third = employee.steps[2];
    let state = employeeUpTo(2);
    assert.equal(onScreen(state).id, third.question);
    const picked = run(state, { type: 'pick', value: third.answer });
    assert.equal(picked.calls, 0, 'a pick asks nothing');
    state = picked.state;
    const info = await engine.useLocale('en');
    assert.equal(info.locale, 'en');
    assert.ok(engine.read.includes('rules.en.json'), 'English read from its own file');
    const switched = run(state, { type: 'switch-locale', locale: 'en' });
    assert.equal(switched.calls, 1);
    const shown = shownQuestion(switched.state);
    assert.equal(shown.question.label, english.questions[third.question].label, 'the question in English');
    assert.equal(shown.answer, third.answer, 'the answer chosen before the switch is still chosen');
    assert.deepEqual(switched.state.answers, state.answers);
    assert.equal(switched.state.reply.locale, 'en');
    // Back: the previous question, in English, its answer chosen, at no cost.
    const back = run(switched.state, { type: 'back' });
    assert.equal(back.calls, 0);
    assert.equal(shownQuestion(back.state).question.label, english.questions[employee.steps[1].question].label);
    assert.equal(shownQuestion(back.state).answer, employee.steps[1].answer);
    // The rest in English, to the same result as in French.
    let rest = run(switched.state, { type: 'answer', id: third.question, value: third.answer }).state;
    for (const step of employee.steps.slice(3)) rest = run(rest, { type: 'answer', id: step.question, value: step.answer }).state;
    assert.equal(rest.screen, 'recap');
    assert.equal(rest.reply.locale, 'en');
    assert.equal(rest.reply.eligibility, employee.expect.eligibility);
  });

  test('on the recap and on the result: the same screen in the other language', async () => {
    await engine.useLocale('en');
    const recap = employeeUpTo(employee.steps.length);
    for (const state of [recap, run(recap, { type: 'to-result' }).state]) {
      const switched = run(state, { type: 'switch-locale', locale: 'en' });
      assert.equal(switched.calls, 1);
      assert.equal(switched.state.screen, state.screen);
      assert.equal(switched.state.reply.locale, 'en');
      assert.equal(switched.state.reply.steps[0].question.label, english.questions.situation_pro.label);
    }
  });
});
