// The official JsonLogic tests (jsonlogic.com/tests.json, 277 cases), run through the command line
// `pdp-assess logic RULE DATA`: one test per section, naming the case that fails.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import test from 'node:test';

const binary = process.env.PDP_ASSESS;
const file = `${process.env.PDP_SOURCE_DIR}/tests/conformance/jsonlogic-tests.json`;
const entries = JSON.parse(readFileSync(file, 'utf8'));

// Strings are section headings; the cases [rule, data, expected] that follow belong to them.
const sections = [];
for (const entry of entries) {
  if (typeof entry === 'string') {
    sections.push({title: entry, cases: []});
  } else {
    if (sections.length === 0) sections.push({title: '(untitled)', cases: []});
    sections.at(-1).cases.push(entry);
  }
}

test('the official file holds its 277 cases', () => {
  assert.equal(sections.reduce((count, section) => count + section.cases.length, 0), 277);
});

for (const section of sections.filter((s) => s.cases.length > 0)) {
  test(`official cases: ${section.title}`, () => {
    assert.ok(binary, 'PDP_ASSESS must name the pdp-assess binary');
    for (const [rule, data, expected] of section.cases) {
      const args = ['logic', JSON.stringify(rule), JSON.stringify(data)];
      const which = `rule ${args[1]} over data ${args[2]}`;
      let output;
      let actual;
      try {
        output = execFileSync(binary, args, {encoding: 'utf8'});
        actual = JSON.parse(output);
      } catch (error) {
        assert.fail(`${which}: expected ${JSON.stringify(expected)}, failed with ${error.message}`);
      }
      assert.deepStrictEqual(actual, expected,
          `${which}: expected ${JSON.stringify(expected)}, got ${output.trim()}`);
    }
  });
}
