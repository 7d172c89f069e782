// Differential test: random JsonLogic rules and data, evaluated by `pdp-assess logic` and by the
// reference implementation json-logic-js 2.0.5; the JSON results must be identical.
//
// Seeded (PDP_DIFF_SEED overrides the default seed, PDP_DIFF_CASES the number of cases), so that a
// failure can be replayed. Cases are left out, and counted, when:
// - json-logic-js throws (e.g. `*` without operands, `missing_some` with null options): our engine
//   answers something defined instead of failing;
// - the result depends on object identity (== / === / != / !== / in between two arrays or objects
//   that are the very same JavaScript object, e.g. {"==": [{"var": "arr"}, {"var": "arr"}]}):
//   JSON values carry no identity, so our engine never finds two arrays or objects equal.
// The generator avoids on purpose: the `log` operator (it prints), characters outside the Basic
// Multilingual Plane (substr could cut them into lone surrogates, which UTF-8 cannot carry), and
// var names reaching Object.prototype ("constructor", "__proto__"...).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {createRequire} from 'node:module';
import test from 'node:test';

const require = createRequire(import.meta.url);
const jsonLogic = require('json-logic-js');

const DEFAULT_SEED = 20240607;
const seed = process.env.PDP_DIFF_SEED ? Number(process.env.PDP_DIFF_SEED) : DEFAULT_SEED;
const caseCount = process.env.PDP_DIFF_CASES ? Number(process.env.PDP_DIFF_CASES) : 1000;
const binary = process.env.PDP_ASSESS;

// mulberry32: small, fast, good enough to spread the cases.
function prng(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(seed);
const chance = (p) => random() < p;
const integer = (low, high) => low + Math.floor(random() * (high - low + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

// ---------------------------------------------------------------------------------------------
// Values

const NUMBERS = [0, 1, -1, 2, 3, -3, 7, 10, 100, 2.5, -0.5, 0.1, 0.2, 1 / 3, 1e21, 1.5e-7, 123456789,
  -2.75, 4294967296, 0.000001];
const NUMERIC_STRINGS = ['1.5e-7', '-1e21', '0', '1', '2', '-3', '2.5', ' 4 ', '1e3', '0x1A', '0b11', '', '.5', '5.',
  'Infinity', '-Infinity', 'NaN', '\t7\n', '3px', '1,2', '-0', '00012', '1e400'];
const STRINGS = ['apple', 'banana', 'Apple', 'a', 'b', 'é', 'ça va', 'zèbre', 'b.c', 'jsonlogic', 'true',
  'null', 'false', '10', '9', 'aucune', 'salarie', 'ab', 'abc', '\u00a0', '\uff21'];

// Any double, from tiny to huge: exercises JavaScript's number formatting (cat) and parsing.
const anyNumber = () => Number(((random() - 0.5) * 10 ** integer(-12, 25)).toPrecision(integer(1, 17)));

function primitive() {
  const r = random();
  if (r < 0.06) return anyNumber();
  if (r < 0.3) return pick(NUMBERS);
  if (r < 0.5) return pick(NUMERIC_STRINGS);
  if (r < 0.8) return pick(STRINGS);
  if (r < 0.93) return chance(0.5);
  return null;
}

function smallArray(depth = 0) {
  const out = [];
  for (let i = integer(0, 4); i > 0; --i) out.push(depth < 1 && chance(0.15) ? smallArray(depth + 1) : primitive());
  return out;
}

function value(depth = 0) {
  const r = random();
  if (depth < 2 && r < 0.15) return smallArray(depth);
  if (depth < 2 && r < 0.22) return {x: value(depth + 1), y: {z: primitive()}};
  return primitive();
}

function data() {
  const r = random();
  if (r < 0.04) return primitive();
  if (r < 0.08) return smallArray();
  const out = {};
  const fields = {
    a: () => value(), b: () => value(), c: () => primitive(), n: () => pick(NUMBERS),
    s: () => pick(STRINGS), arr: () => smallArray(), nums: () => Array.from({length: integer(0, 5)}, () => pick(NUMBERS)),
    strs: () => Array.from({length: integer(0, 4)}, () => pick(STRINGS)),
    obj: () => ({x: value(1), y: {z: primitive()}}),
    items: () => Array.from({length: integer(0, 4)}, () => ({qty: pick(NUMBERS), name: pick(STRINGS)})),
    nested: () => [smallArray(), smallArray()],
  };
  for (const [name, make] of Object.entries(fields)) {
    if (chance(0.85)) out[name] = make();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rules

const TOP_NAMES = ['a', 'b', 'c', 'n', 's', 'arr', 'nums', 'strs', 'obj', 'items', 'nested', 'obj.x',
  'obj.y.z', 'obj.x.0', 'arr.0', 'arr.1', 'arr.7', 'nums.length', 's.length', 's.0', 'zz', 'a.b',
  'items.0.qty', 'nested.1.0', '', 0, 1, null, 'strs.01', 'arr.-1'];
const ELEMENT_NAMES = ['', '', 'qty', 'name', '0', 'length', 'x', 'zz'];
const REDUCE_NAMES = ['current', 'accumulator', 'current.qty', 'accumulator.0', '', 'zz'];
const ARRAY_NAMES = ['arr', 'nums', 'strs', 'items', 'nested', 'a', 's', 'zz', 'obj'];

const OPERATORS = ['var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!',
  'or', 'and', '<', '<=', '>', '>=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce',
  'all', 'none', 'some', 'merge', 'in', 'cat', 'substr'];

const ARITY = {
  'var': [1, 2], 'if': [0, 6], '?:': [1, 5], '==': [2, 2], '===': [2, 2], '!=': [2, 2], '!==': [2, 2],
  '!': [1, 1], '!!': [1, 1], 'or': [1, 4], 'and': [1, 4], '<': [2, 3], '<=': [2, 3], '>': [2, 2],
  '>=': [2, 2], 'max': [0, 4], 'min': [0, 4], '+': [0, 4], '-': [1, 2], '*': [1, 4], '/': [2, 2],
  '%': [2, 2], 'merge': [0, 4], 'in': [2, 2], 'cat': [0, 4], 'substr': [1, 3],
};

function variable(names) {
  const name = pick(names);
  if (chance(0.2)) return {var: [name, primitive()]};
  if (chance(0.3)) return {var: [name]};
  return {var: name};
}

function leaf(names) {
  const r = random();
  if (r < 0.45) return variable(names);
  if (r < 0.9) return primitive();
  return smallArray();
}

function arrayish(depth, names) {
  const r = random();
  if (r < 0.5) return {var: pick(names === TOP_NAMES ? ARRAY_NAMES : names)};
  if (r < 0.75) return smallArray();
  return rule(depth - 1, names);
}

function operands(op, depth, names) {
  const [low, high] = ARITY[op];
  // Now and then one operand too few or too many: JavaScript ignores extras and sees undefined.
  let count = integer(low, high);
  if (chance(0.08)) count = Math.max(0, count + pick([-1, 1]));
  return Array.from({length: count}, () => rule(depth - 1, names));
}

function rule(depth, names = TOP_NAMES) {
  if (depth <= 0 || chance(0.25)) return leaf(names);
  const op = pick(OPERATORS);
  switch (op) {
    case 'var':
      return chance(0.8) ? variable(names) : {var: [rule(depth - 1, names), primitive()]};
    case 'missing': {
      const keys = Array.from({length: integer(0, 3)}, () => pick(names.filter((n) => typeof n === 'string')));
      if (chance(0.2)) return {missing: {merge: [pick(keys.concat(['a'])), {if: [rule(depth - 1, names), ['b'], []]}]}};
      return {missing: chance(0.3) ? [keys] : keys};
    }
    case 'missing_some':
      return {missing_some: [chance(0.9) ? integer(0, 3) : primitive(),
        Array.from({length: integer(0, 3)}, () => pick(names.filter((n) => typeof n === 'string')))]};
    case 'map': case 'filter': case 'all': case 'none': case 'some':
      return {[op]: [arrayish(depth, names), rule(depth - 1, ELEMENT_NAMES)]};
    case 'reduce': {
      const args = [arrayish(depth, names), rule(depth - 1, REDUCE_NAMES)];
      if (chance(0.85)) args.push(rule(depth - 2, names));
      return {reduce: args};
    }
    case 'substr': {
      const args = [chance(0.7) ? pick(STRINGS.concat(NUMERIC_STRINGS)) : rule(depth - 1, names),
        chance(0.8) ? integer(-7, 7) : rule(depth - 1, names)];
      if (chance(0.6)) args.push(chance(0.8) ? integer(-7, 7) : rule(depth - 1, names));
      return {substr: args};
    }
    case 'in':
      return {in: [rule(depth - 1, names), chance(0.5) ? pick([smallArray(), pick(STRINGS)]) : rule(depth - 1, names)]};
    default: {
      const args = operands(op, depth, names);
      // Single operands are often written without their array.
      if (args.length === 1 && chance(0.3)) return {[op]: args[0]};
      return {[op]: args};
    }
  }
}

// ---------------------------------------------------------------------------------------------
// json-logic-js, watched for identity comparisons

let identityUsed = false;
const isObject = (v) => typeof v === 'object' && v !== null;
const sameObject = (a, b) => isObject(a) && a === b;
jsonLogic.add_operation('==', (a, b) => { if (sameObject(a, b)) identityUsed = true; return a == b; });
jsonLogic.add_operation('===', (a, b) => { if (sameObject(a, b)) identityUsed = true; return a === b; });
jsonLogic.add_operation('!=', (a, b) => { if (sameObject(a, b)) identityUsed = true; return a != b; });
jsonLogic.add_operation('!==', (a, b) => { if (sameObject(a, b)) identityUsed = true; return a !== b; });
jsonLogic.add_operation('in', (a, b) => {
  if (Array.isArray(b) && isObject(a) && b.includes(a)) identityUsed = true;
  if (!b || typeof b.indexOf === 'undefined') return false;
  return b.indexOf(a) !== -1;
});

// What JSON.stringify makes of a result (undefined at the top becomes null, like our output).
const normalise = (x) => (x === undefined ? null : JSON.parse(JSON.stringify(x)));

function reference(logic, input) {
  identityUsed = false;
  let result;
  try {
    result = jsonLogic.apply(logic, input);
  } catch {
    return {skip: 'throws'};
  }
  if (identityUsed) return {skip: 'identity'};
  return {result: normalise(result)};
}

function ours(logic, input) {
  const output = execFileSync(binary, ['logic', JSON.stringify(logic), JSON.stringify(input)], {encoding: 'utf8'});
  return JSON.parse(output);
}

test(`pdp-assess logic agrees with json-logic-js on random rules (seed ${seed})`, () => {
  assert.ok(binary, 'PDP_ASSESS must name the pdp-assess binary');
  console.log(`differential seed ${seed} (set PDP_DIFF_SEED to replay another), ${caseCount} cases`);
  const skipped = {throws: 0, identity: 0};
  const mismatches = [];
  let compared = 0;
  for (let attempt = 0; compared < caseCount && attempt < caseCount * 3; ++attempt) {
    const logic = rule(integer(1, 4));
    const input = data();
    const expected = reference(logic, input);
    if (expected.skip) {
      skipped[expected.skip] += 1;
      continue;
    }
    compared += 1;
    const actual = ours(logic, input);
    try {
      assert.deepStrictEqual(actual, expected.result);
    } catch {
      mismatches.push({rule: logic, data: input, expected: expected.result, actual});
    }
  }
  console.log(`compared ${compared}, skipped ${skipped.throws} (json-logic-js throws) and ` +
              `${skipped.identity} (object identity)`);
  assert.ok(compared >= Math.min(caseCount, 500), `only ${compared} cases could be compared`);
  assert.equal(mismatches.length, 0,
      `${mismatches.length} mismatches (seed ${seed}), first ones:\n` +
      mismatches.slice(0, 5).map((m) => JSON.stringify(m)).join('\n'));
});

// Two targeted batches: many operations per command, as one rule that is an array of operations
// (in chunks: a command line argument is limited to 128 KiB).
function compareBatch(operations, input) {
  const differences = [];
  for (let start = 0; start < operations.length; start += 200) {
    const logic = operations.slice(start, start + 200);
    const expected = normalise(jsonLogic.apply(logic, input));
    const actual = ours(logic, input);
    for (let i = 0; i < expected.length; ++i) {
      if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) {
        differences.push({rule: logic[i], expected: expected[i], actual: actual[i]});
      }
    }
  }
  assert.equal(differences.length, 0, `seed ${seed}:\n` + differences.slice(0, 5).map((d) => JSON.stringify(d)).join('\n'));
}

test(`cat writes numbers as JavaScript's Number#toString (seed ${seed})`, () => {
  const numbers = Array.from({length: 3000}, anyNumber).concat([1e21, 1e-7, 123e-20, 0.1 + 0.2, -1e-6, 2 ** 53 + 2, 5e-324,
    1.7976931348623157e308, 100, 1e20, 123456789012345680000]);
  compareBatch(numbers.map((n) => ({cat: ['<', n, '>', {'+': [n, 1]}, ' ', {'*': [n, '3']}, ' ', [n, -n]]})), {});
});

test(`< orders strings by UTF-16 code units (seed ${seed})`, () => {
  // Astral characters are fine here (no substr): they sort before U+E000..U+FFFF in UTF-16.
  const alphabet = ['a', 'b', 'A', 'é', '\u00ff', '\ue000', '\uff21', '\ufffd', '\u{1f600}', '\u{10000}', '1', ' ', ''];
  const word = () => Array.from({length: integer(0, 3)}, () => pick(alphabet)).join('');
  const pairs = Array.from({length: 2000}, () => [word(), word()]);
  compareBatch(pairs.flatMap(([x, y]) => [{'<': [x, y]}, {'<=': [x, y]}, {'>': [x, y]}, {'==': [x, y]}]), {});
});
