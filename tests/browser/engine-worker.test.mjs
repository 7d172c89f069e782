// The public page runs its engine in a worker (web/engine-worker.js): the module is instantiated,
// the rules loaded and every assessment made off the main thread, so that loading the rules never
// blocks the page (issue #16's Lighthouse audit: total blocking time). Where no worker can run it,
// the page runs the same engine itself, and the person sees no difference.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completePersona, loadPersona, openPage, useBrowser } from './support.mjs';

const env = useBrowser();
const employee = loadPersona('salariee-arret-maladie.json');

// Counts the module's instances made by the page's own thread (an init script runs in the page,
// not in its workers).
function countMainThreadInstances() {
  const Instance = WebAssembly.Instance;
  globalThis.__pdpMainThreadInstances = 0;
  WebAssembly.Instance = function CountedInstance(...args) {
    globalThis.__pdpMainThreadInstances += 1;
    return new Instance(...args);
  };
  WebAssembly.Instance.prototype = Instance.prototype;
}

async function resultOf(fixture) {
  await fixture.open();
  const result = await completePersona(fixture.page, employee);
  return {
    eligibility: await result.getAttribute('data-eligibility'),
    mainThreadInstances: await fixture.page.evaluate(() => globalThis.__pdpMainThreadInstances),
  };
}

describe('the engine off the main thread', { concurrency: 3 }, () => {
  test('the public page loads the rules and assesses in a worker: no instance of the module on its own thread', async () => {
    const fixture = await openPage(env);
    try {
      await fixture.context.addInitScript(countMainThreadInstances);
      const { eligibility, mainThreadInstances } = await resultOf(fixture);
      assert.equal(eligibility, employee.expect.eligibility);
      assert.equal(mainThreadInstances, 0, 'the module was instantiated on the main thread');
      assert.deepEqual(fixture.page.workers().map((worker) => new URL(worker.url()).pathname), ['/engine-worker.js']);
      assert.equal(fixture.records.requests.filter((r) => r.url.endsWith('/pdp-core.wasm')).length, 1, 'the module is fetched once');
      fixture.assertClean('the engine in a worker');
    } finally {
      await fixture.close();
    }
  });

  test('a browser without workers runs the engine on the page, to the same result', async () => {
    const fixture = await openPage(env);
    try {
      await fixture.context.addInitScript(countMainThreadInstances);
      await fixture.context.addInitScript(() => {
        delete globalThis.Worker;
      });
      const { eligibility, mainThreadInstances } = await resultOf(fixture);
      assert.equal(eligibility, employee.expect.eligibility);
      assert.ok(mainThreadInstances >= 1, 'the page instantiated the module itself');
      fixture.assertClean('no workers');
    } finally {
      await fixture.close();
    }
  });

  test("a worker whose file cannot load (a server without it) leaves the page to run the engine, to the same result", async () => {
    const fixture = await openPage(env);
    try {
      await fixture.context.addInitScript(countMainThreadInstances);
      await fixture.context.route('**/engine-worker.js', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
      const { eligibility, mainThreadInstances } = await resultOf(fixture);
      assert.equal(eligibility, employee.expect.eligibility);
      assert.ok(mainThreadInstances >= 1, 'the page instantiated the module itself');
      // The only failures are the worker's file (its 404, then the worker's failed load).
      const failed = fixture.records.failures.map((failure) => failure.replace(env.origin, ''));
      assert.ok(failed.includes('GET /engine-worker.js: HTTP 404'), failed.join('\n'));
      assert.deepEqual(failed.filter((failure) => !failure.startsWith('GET /engine-worker.js: ')), []);
      assert.deepEqual(fixture.records.pageErrors, []);
    } finally {
      await fixture.close();
    }
  });
});
