// Every persona of tests/scenarios through the module the page ships (dist/pdp-core.wasm,
// called through dist/engine.js as the page calls it): the questions asked in order, then the
// result, with the checks of tests/scenarios.tests.cpp, which runs the same files natively.
// tests/scenarios/README.md describes the files; adding one adds a test here, nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.PDP_DIST_DIR ?? join(root, 'dist');
const folder = join(root, 'tests', 'scenarios');

// What an `expect` may say (tests/scenarios/README.md); anything else is a typo or a check this
// runner has not learnt yet, and fails rather than being skipped.
const EXPECTATIONS = new Set(['eligibility', 'outcome', 'criteria', 'would_be_met_by', 'programmes',
  'measures', 'actors', 'channels', 'next_steps', 'pending', 'in_force', 'period_status', 'variants',
  'to_check']);
const LISTS = ['programmes', 'measures', 'actors', 'channels', 'next_steps'];

const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();

let loading = null;
// One engine for the whole file, loaded as the page loads it.
function engine() {
  loading ??= (async () => {
    assert.ok(existsSync(join(dist, 'pdp-core.wasm')), `${dist}/ is missing: run ./build-wasm.sh first`);
    const { loadEngine } = await import(pathToFileURL(join(dist, 'engine.js')).href);
    return loadEngine({
      wasmBinary: readFileSync(join(dist, 'pdp-core.wasm')),
      rules: readFileSync(join(dist, 'rules.json'), 'utf8'),
    });
  })();
  return loading;
}

const sorted = (list) => [...list].sort();
const idsOf = (list) => list.map((entry) => entry.id);

function findById(response, list, id) {
  const entry = response[list].find((candidate) => candidate.id === id);
  assert.ok(entry, `no ${id} in ${list}`);
  return entry;
}

// "question=answer" (or "question=a|b" for one of several) for each change of a way, answers
// written as JSON: the notation of the scenario files.
function describeWay(way) {
  return way.changes.map((change) => `${change.question}=${change.answers.map((a) => JSON.stringify(a)).join('|')}`);
}

function checkResult(response, expect) {
  assert.equal(response.eligibility, expect.eligibility, 'eligibility');
  if ('outcome' in expect) assert.equal(response.outcome.id, expect.outcome, 'outcome');
  for (const [id, status] of Object.entries(expect.criteria ?? {})) {
    assert.equal(findById(response, 'criteria', id).status, status, `status of criterion ${id}`);
  }
  for (const [id, ways] of Object.entries(expect.would_be_met_by ?? {})) {
    const actual = findById(response, 'criteria', id).would_be_met_by.map(describeWay);
    assert.deepEqual(sorted(actual.map((way) => JSON.stringify(way))), sorted(ways.map((way) => JSON.stringify(way))),
      `would_be_met_by of criterion ${id}`);
  }
  const pending = new Set(expect.pending ?? []);
  for (const list of LISTS) {
    if (!(list in expect)) continue;
    assert.deepEqual(sorted(idsOf(response[list])), sorted(expect[list]), `ids of ${list}`);
    for (const item of response[list]) {
      assert.equal(item.status, pending.has(item.id) ? 'to_check' : 'applies', `status of ${list} ${item.id}`);
    }
  }
  for (const [id, inForce] of Object.entries(expect.in_force ?? {})) {
    assert.equal(findById(response, 'programmes', id).in_force, inForce, `in_force of programme ${id}`);
  }
  for (const [id, status] of Object.entries(expect.period_status ?? {})) {
    assert.equal(findById(response, 'programmes', id).period_status, status, `period_status of programme ${id}`);
  }
  for (const [id, variant] of Object.entries(expect.variants ?? {})) {
    const item = ['measures', 'actors', 'next_steps'].map((list) => response[list].find((entry) => entry.id === id))
      .find(Boolean);
    assert.ok(item, `no item ${id}`);
    assert.equal(item.variant ?? null, variant, `variant of ${id}`);
  }
  // What to check: the questions answered "je ne sais pas" and the criteria the sources leave open.
  const toCheck = response.to_check.map((entry) => entry.criterion ?? entry.question);
  assert.deepEqual(sorted(toCheck), sorted(expect.to_check ?? []), 'to_check');
}

test('the scenario folder holds the personas', () => {
  assert.ok(files.length >= 10, `only ${files.length} scenario files in ${folder}`);
});

for (const file of files) {
  const scenario = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  test(`${file} (${scenario.name}): the shipped module asks the expected questions and gives the expected result`, async () => {
    const unknown = Object.keys(scenario.expect).filter((key) => !EXPECTATIONS.has(key));
    assert.deepEqual(unknown, [], `expectations this runner does not know (tests/scenarios/README.md lists them)`);
    const core = await engine();
    const answers = {};
    for (const [index, step] of scenario.steps.entries()) {
      const response = core.assess({ answers, date: scenario.date });
      assert.equal(response.next_question?.id, step.question, `question asked at step ${index + 1}`);
      answers[step.question] = step.answer;
    }
    const response = core.assess({ answers, date: scenario.date });
    assert.equal(response.next_question, null, 'no question left after the last step');
    checkResult(response, scenario.expect);
  });
}
