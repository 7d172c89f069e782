// The JSON Schemas of rules/schema/ describe the rule files as the C++ loader accepts them:
// they compile, every shipped rule file matches the schema its "$schema" names, and broken
// variants of the shipped files are rejected at the place the loader would point to.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(process.env.PDP_SOURCE_DIR || path.join(here, '..', '..'));
const rulesDir = path.join(sourceDir, 'rules');
const schemaDir = path.join(rulesDir, 'schema');
const ID_BASE = 'https://pdp-autodiagnostic.invalid/schema/';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const schemaFiles = fs
  .readdirSync(schemaDir)
  .filter((name) => name.endsWith('.schema.json'))
  .sort();
const schemas = new Map(schemaFiles.map((name) => [name, readJson(path.join(schemaDir, name))]));

// Strict-mode warnings are collected, so a schema that ajv would only complain about fails too.
const warnings = [];
const ajv = new Ajv2020({
  allErrors: true,
  logger: {
    log: () => {},
    warn: (...args) => warnings.push(args.join(' ')),
    error: (...args) => warnings.push(args.join(' ')),
  },
});
for (const schema of schemas.values()) ajv.addSchema(schema);

// Every rule file the loader may read: the JSON files of rules/, outside rules/schema/.
function ruleFiles(dir = rulesDir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== schemaDir) found.push(...ruleFiles(full));
    } else if (entry.name.endsWith('.json')) {
      found.push(full);
    }
  }
  return found.sort();
}

const relative = (file) => path.relative(rulesDir, file).split(path.sep).join('/');

// The schema a rule file names with "$schema", resolved like an editor does: relative to the file.
function schemaNamedBy(file, data) {
  assert.equal(typeof data.$schema, 'string', `${relative(file)} names no "$schema"`);
  const schemaFile = path.resolve(path.dirname(file), data.$schema);
  assert.equal(path.dirname(schemaFile), schemaDir, `${relative(file)} names a schema outside rules/schema/`);
  const schema = schemas.get(path.basename(schemaFile));
  assert.ok(schema, `${relative(file)} names ${data.$schema}, which does not exist`);
  return ajv.getSchema(schema.$id);
}

function shipped(name) {
  return readJson(path.join(rulesDir, name));
}

function validatorFor(name) {
  return schemaNamedBy(path.join(rulesDir, name), shipped(name));
}

const indexOf = (list, id) => {
  const index = list.findIndex((item) => item.id === id);
  assert.ok(index >= 0, `no item "${id}" in the shipped rules`);
  return index;
};

// An error "belongs" to a place when it is at it, inside it, or at an enclosing object (as the
// errors of `if`, `oneOf` and `required` are).
const related = (at, expected) =>
  at === expected || at.startsWith(`${expected}/`) || expected.startsWith(`${at}/`) || at === '';

describe('rule schemas', () => {
  test('every schema compiles under JSON Schema 2020-12 without strict-mode warnings', () => {
    for (const name of ['common', 'manifest', 'questions', 'criteria', 'orientation', 'locale']) {
      assert.ok(schemas.has(`${name}.schema.json`), `${name}.schema.json is missing`);
    }
    for (const [name, schema] of schemas) {
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', name);
      assert.equal(typeof ajv.getSchema(schema.$id), 'function', `${name} does not compile`);
    }
    assert.deepEqual(warnings, []);
  });

  test('every schema is identified by its file name under the .invalid base', () => {
    for (const [name, schema] of schemas) assert.equal(schema.$id, ID_BASE + name);
  });

  test('every property a schema declares carries a description for editors', () => {
    const byId = new Map([...schemas.values()].map((schema) => [schema.$id, schema]));
    const resolve = (ref, base) => {
      const url = new URL(ref, base);
      let node = byId.get(url.href.split('#')[0]);
      for (const token of url.hash.replace(/^#\/?/, '').split('/').filter(Boolean)) {
        node = node[decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      return { node, base: url.href.split('#')[0] };
    };
    const described = (schema, base) => {
      if (schema === false || typeof schema.description === 'string') return true;
      if (typeof schema.$ref !== 'string') return false;
      const target = resolve(schema.$ref, base);
      return described(target.node, target.base);
    };
    const missing = [];
    // Conditional parts (allOf/if/then) only restate declared properties: they are not walked.
    const walk = (node, where, base) => {
      if (Array.isArray(node) || node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (['allOf', 'if', 'then', 'else', 'oneOf', 'anyOf', 'not', 'examples'].includes(key)) continue;
        if (key === 'properties') {
          for (const [property, schema] of Object.entries(value)) {
            if (!described(schema, base)) missing.push(`${where}/properties/${property}`);
            walk(schema, `${where}/properties/${property}`, base);
          }
        } else {
          walk(value, `${where}/${key}`, base);
        }
      }
    };
    for (const [name, schema] of schemas) walk(schema, name + '#', schema.$id);
    assert.deepEqual(missing, []);
  });
});

describe('shipped rule files', () => {
  const files = ruleFiles();

  test('include the manifest, every file it lists and the default locale\'s file', () => {
    const names = files.map(relative);
    const manifest = shipped('manifest.json');
    for (const name of ['manifest.json', ...Object.values(manifest.files),
      `locales/${manifest.default_locale}.json`]) {
      assert.ok(names.includes(name), `${name} is missing`);
    }
  });

  for (const file of files) {
    test(`${relative(file)} matches the schema its "$schema" names`, () => {
      const data = readJson(file);
      const validate = schemaNamedBy(file, data);
      const valid = validate(data);
      assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    });
  }
});

// Each variant breaks one shipped file in one way, as a rule author might.
const questions = shipped('questions.json').questions;
const q = (id) => indexOf(questions, id);
const criteria = shipped('criteria.json').criteria;
const programmes = shipped('programmes.json').programmes;
const p = (id) => indexOf(programmes, id);

const brokenVariants = [
  {
    spec: 'a question with a field the loader does not know is rejected',
    file: 'questions.json',
    change: (d) => { d.questions[0].hint = 'x'; },
    at: '/questions/0', keyword: 'additionalProperties', params: { additionalProperty: 'hint' },
  },
  {
    spec: 'a question of type "text" is rejected (boolean, choice or multi only)',
    file: 'questions.json',
    change: (d) => { d.questions[0].type = 'text'; },
    at: '/questions/0/type', keyword: 'enum',
  },
  {
    spec: 'a boolean question with options is rejected',
    file: 'questions.json',
    change: (d) => { d.questions[q('contrat_travail')].options = ['oui', 'non']; },
    at: `/questions/${q('contrat_travail')}/options`, keyword: 'false schema',
  },
  {
    spec: 'a choice question without options is rejected',
    file: 'questions.json',
    change: (d) => { delete d.questions[q('situation_pro')].options; },
    at: `/questions/${q('situation_pro')}`, keyword: 'required', params: { missingProperty: 'options' },
  },
  {
    spec: 'a choice question with a single option is rejected',
    file: 'questions.json',
    change: (d) => { d.questions[q('situation_pro')].options = ['salarie']; },
    at: `/questions/${q('situation_pro')}/options`, keyword: 'minItems',
  },
  {
    spec: 'exclusive options are rejected outside multi questions',
    file: 'questions.json',
    change: (d) => { d.questions[q('situation_pro')].exclusive = ['autre']; },
    at: `/questions/${q('situation_pro')}/exclusive`, keyword: 'maxItems',
  },
  {
    spec: 'allows_unknown is rejected on a question that already has a "ne_sait_pas" option',
    file: 'questions.json',
    change: (d) => { d.questions[q('solution_entreprise')].allows_unknown = true; },
    at: `/questions/${q('solution_entreprise')}/options/2`, keyword: 'not',
  },
  {
    spec: 'a question without asked_when is rejected',
    file: 'questions.json',
    change: (d) => { delete d.questions[0].asked_when; },
    at: '/questions/0', keyword: 'required', params: { missingProperty: 'asked_when' },
  },
  {
    spec: 'an id that is not snake_case ("Situation-Pro") is rejected',
    file: 'questions.json',
    change: (d) => { d.questions[q('situation_pro')].id = 'Situation-Pro'; },
    at: `/questions/${q('situation_pro')}/id`, keyword: 'pattern',
  },
  {
    spec: 'a measure without source is rejected',
    file: 'measures.json',
    change: (d) => { delete d.measures[0].source; },
    at: '/measures/0', keyword: 'required', params: { missingProperty: 'source' },
  },
  {
    spec: 'an empty source list is rejected',
    file: 'measures.json',
    change: (d) => { d.measures[0].source = []; },
    at: '/measures/0/source', keyword: 'minItems',
  },
  {
    spec: 'a source citing an empty passage is rejected',
    file: 'actors.json',
    change: (d) => { d.actors[0].source[0].passage = ''; },
    at: '/actors/0/source/0/passage', keyword: 'minLength',
  },
  {
    spec: 'a source with a field other than document, passage and article is rejected',
    file: 'channels.json',
    change: (d) => { d.channels[0].source[0].page = 3; },
    at: '/channels/0/source/0', keyword: 'additionalProperties', params: { additionalProperty: 'page' },
  },
  {
    spec: 'a programme-only field on a measure is rejected',
    file: 'measures.json',
    change: (d) => { d.measures[0].valid_until = '2021-01-01'; },
    at: '/measures/0', keyword: 'additionalProperties', params: { additionalProperty: 'valid_until' },
  },
  {
    spec: 'a programme dated "2022-13-01" is rejected',
    file: 'programmes.json',
    change: (d) => { d.programmes[p('pdp_ti')].valid_from = '2022-13-01'; },
    at: `/programmes/${p('pdp_ti')}/valid_from`, keyword: 'pattern',
  },
  {
    spec: 'a programme dated on the 29th of February of a common year is rejected',
    file: 'programmes.json',
    change: (d) => { d.programmes[p('pdp_ti')].valid_until = '2023-02-29'; },
    at: `/programmes/${p('pdp_ti')}/valid_until`, keyword: 'pattern',
  },
  {
    spec: 'a programme period with valid_from but no valid_until is rejected',
    file: 'programmes.json',
    change: (d) => { delete d.programmes[p('pdp_ti')].valid_until; },
    at: `/programmes/${p('pdp_ti')}`, keyword: 'dependentRequired',
  },
  {
    spec: 'an orientation file holding two lists is rejected',
    file: 'next_steps.json',
    change: (d) => { d.actors = []; },
    at: '', keyword: 'oneOf',
  },
  {
    spec: 'a criterion example with status "maybe" is rejected',
    file: 'criteria.json',
    change: (d) => { d.criteria[0].examples[0].status = 'maybe'; },
    at: '/criteria/0/examples/0/status', keyword: 'enum',
  },
  {
    spec: 'a criterion example without answers is rejected',
    file: 'criteria.json',
    change: (d) => { delete d.criteria[criteria.length - 1].examples[0].answers; },
    at: `/criteria/${criteria.length - 1}/examples/0`, keyword: 'required', params: { missingProperty: 'answers' },
  },
  {
    spec: 'a manifest listing an unknown kind of rule file is rejected',
    file: 'manifest.json',
    change: (d) => { d.files.faq = 'faq.json'; },
    at: '/files', keyword: 'additionalProperties', params: { additionalProperty: 'faq' },
  },
  {
    spec: 'a default locale that is not a two-letter code is rejected',
    file: 'manifest.json',
    change: (d) => { d.default_locale = 'fra'; },
    at: '/default_locale', keyword: 'pattern',
  },
  {
    spec: 'a manifest listing its locales is rejected (the locales are the files of locales/)',
    file: 'manifest.json',
    change: (d) => { d.locales = ['fr']; },
    at: '', keyword: 'additionalProperties', params: { additionalProperty: 'locales' },
  },
  {
    spec: 'a locale missing a question label is rejected',
    file: 'locales/fr.json',
    change: (d) => { delete d.questions.situation_pro.label; },
    at: '/questions/situation_pro', keyword: 'required', params: { missingProperty: 'label' },
  },
  {
    spec: 'a locale with an empty text is rejected',
    file: 'locales/fr.json',
    change: (d) => { d.criteria.situation_sante.unknown = ''; },
    at: '/criteria/situation_sante/unknown', keyword: 'minLength',
  },
  {
    spec: 'a locale with 11 months is rejected',
    file: 'locales/fr.json',
    change: (d) => { d.months.pop(); },
    at: '/months', keyword: 'minItems',
  },
  {
    spec: 'a locale without the notices the summary uses is rejected',
    file: 'locales/fr.json',
    change: (d) => { delete d.notices.programme_period; },
    at: '/notices', keyword: 'required', params: { missingProperty: 'programme_period' },
  },
];

describe('broken rule files', () => {
  for (const variant of brokenVariants) {
    test(variant.spec, () => {
      const data = structuredClone(shipped(variant.file));
      variant.change(data);
      const validate = validatorFor(variant.file);
      assert.equal(validate(data), false, `${variant.file} was accepted`);
      const errors = validate.errors;
      const summary = JSON.stringify(errors, null, 2);
      const pointed = errors.find((e) => e.instancePath === variant.at && e.keyword === variant.keyword);
      assert.ok(pointed, `no "${variant.keyword}" error at "${variant.at}":\n${summary}`);
      for (const [key, value] of Object.entries(variant.params ?? {})) {
        assert.equal(pointed.params[key], value, summary);
      }
      for (const error of errors) {
        assert.ok(related(error.instancePath, variant.at), `unrelated error:\n${summary}`);
      }
    });
  }
});

describe('dates', () => {
  const validate = validatorFor('programmes.json');
  const withPeriod = (from, until) => {
    const data = structuredClone(shipped('programmes.json'));
    Object.assign(data.programmes[p('pdp_ti')], { valid_from: from, valid_until: until });
    return validate(data);
  };

  test('are accepted when written YYYY-MM-DD and naming a real day from 1900 to 2999', () => {
    for (const date of ['1900-01-01', '2999-12-31', '2000-02-29', '2024-02-29', '2400-02-29',
      '2022-01-31', '2022-04-30', '2022-12-31']) {
      assert.ok(withPeriod(date, date), `${date}: ${JSON.stringify(validate.errors)}`);
    }
  });

  test('are rejected otherwise, as the loader rejects them', () => {
    for (const date of ['1899-12-31', '3000-01-01', '1900-02-29', '2100-02-29', '2023-02-29',
      '2022-02-30', '2022-04-31', '2022-00-10', '2022-01-00', '2022-1-01', '22-01-01',
      '2022-01-01T00:00', ' 2022-01-01', '2022/01/01']) {
      assert.equal(withPeriod(date, '2022-12-31'), false, `${date} was accepted`);
    }
  });
});
