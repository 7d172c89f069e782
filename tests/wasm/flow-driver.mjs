// Drives the page's flow (web/flow.js) on the built module, as the controller does but without a
// page: each event through update(), its request (if any) to the engine, the reply through
// receive(). Counts the engine's assessments. Shared by tests/wasm/flow.test.mjs and
// bench/flow-calls.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initialState, receive, shownQuestion, storedPart, update } from '../../web/flow.js';

export { initialState, shownQuestion, storedPart };

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const defaultDist = process.env.PDP_DIST_DIR ?? join(root, 'dist');
const cli = join(root, 'build', 'dev', 'src', 'cli', 'pdp-assess');

/**
 * The engine as the page loads it (dist/engine.js over dist/pdp-core.wasm and rules.json, other
 * languages read from dist/ when asked), its assessments counted.
 */
export async function loadCountedEngine(dist = defaultDist) {
  const missing = ['pdp-core.wasm', 'rules.json', 'engine.js'].filter((file) => !existsSync(join(dist, file)));
  assert.deepEqual(missing, [], `${dist} lacks ${missing.join(', ')}: run ./build-wasm.sh first`);
  const { createEngine } = await import(pathToFileURL(join(dist, 'engine.js')).href);
  const compiled = await WebAssembly.compile(readFileSync(join(dist, 'pdp-core.wasm')));
  const read = [];
  const engine = createEngine(compiled, readFileSync(join(dist, 'rules.json'), 'utf8'), async (file) => {
    read.push(file);
    return readFileSync(join(dist, file), 'utf8');
  });
  const counted = {
    calls: 0,
    read,
    engine,
    rulesInfo: engine.rulesInfo,
    useLocale: (id) => engine.useLocale(id),
    // As the controller does: the reply (ids) with its words, in its language.
    assess(request) {
      counted.calls += 1;
      return engine.withTexts(engine.assess(request));
    },
  };
  return counted;
}

/**
 * One event, as the controller performs it: the flow's next state, the engine asked once when the
 * flow needs it, the reply (or the error) given back to the flow.
 */
export function perform(engine, state, event, date) {
  const step = update(state, event);
  if (!step.request) return step.state;
  try {
    return receive(step.state, engine.assess({ ...step.request, date }));
  } catch (error) {
    if (error?.name !== 'EngineError') throw error;
    return update(step.state, { type: 'fail', error }).state;
  }
}

/** Every path of the exhaustive walk on `date`, as the native command line lists them (worded, as the page shows replies). */
export function walkPaths(date) {
  assert.ok(existsSync(cli), `${cli} is missing: run ./build-wasm.sh first (it builds the command line)`);
  const lines = execFileSync(cli, ['paths', '--json', '--texts', '--date', date], { maxBuffer: 1 << 30 }).toString().trim().split('\n');
  return lines.map((line) => {
    // The response is left as text: only the path and the request are read here.
    const at = line.indexOf(',"response":');
    const { path, request } = JSON.parse(`${line.slice(0, at)}}`);
    return { path, answers: request.answers, response: line.slice(at + ',"response":'.length, -1) };
  });
}

/**
 * A person walking one path from a fresh page: loads (resume of nothing), Start, then answers each
 * question shown with the path's answer, to the recap. `onQuestion(state, index)` is called on
 * each question before it is answered and returns the state to go on from (tests go Back there).
 */
export function walk(engine, { answers }, date, onQuestion = (state) => state) {
  let state = perform(engine, initialState({ locale: 'fr' }), { type: 'resume', stored: {} }, date);
  state = perform(engine, state, { type: 'start' }, date);
  const asked = [];
  while (state.screen === 'question') {
    assert.equal(state.fault, null, `a fault: ${JSON.stringify(state.fault)}`);
    state = onQuestion(state, asked.length);
    const id = shownQuestion(state).question.id;
    assert.ok(id in answers, `${id} asked, not in the path ${JSON.stringify(answers)}`);
    assert.ok(!asked.includes(id), `${id} asked twice`);
    asked.push(id);
    state = perform(engine, state, { type: 'answer', id, value: answers[id] }, date);
    assert.ok(asked.length <= 64, 'the walk does not end');
  }
  return { state, asked };
}
