// web/frame-relay.js: the iframe variant tells its parent event names, only to the origin the
// host named in ?origin=, and nothing when that origin is missing or not a web origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parentRelay } from '../../web/frame-relay.js';

// A framed window (or not) whose parent records what it is sent.
function framedView(search, { framed = true } = {}) {
  const sent = [];
  const view = { location: { search } };
  view.parent = framed ? { postMessage: (message, origin) => sent.push({ message, origin }) } : view;
  return { view, sent };
}

test('framed with ?origin=, each event name goes to that origin only, as {source, event}', () => {
  const { view, sent } = framedView('?lang=fr&origin=https%3A%2F%2Fwww.example.fr%2Fpage%3Fx%3D1');
  const emit = parentRelay(view);
  emit('started');
  emit('finished');
  assert.deepEqual(sent, [
    { message: { source: 'pdp-autodiagnostic', event: 'started' }, origin: 'https://www.example.fr' },
    { message: { source: 'pdp-autodiagnostic', event: 'finished' }, origin: 'https://www.example.fr' },
  ]);
});

test('nothing is posted without ?origin=, with an origin that is not http(s), or when not framed', () => {
  for (const search of ['?lang=fr', '?origin=', '?origin=*', '?origin=null', '?origin=javascript%3Aalert(1)', '?origin=file%3A%2F%2F%2Ftmp']) {
    const { view, sent } = framedView(search);
    parentRelay(view)('finished');
    assert.deepEqual(sent, [], search);
  }
  const { view, sent } = framedView('?origin=https%3A%2F%2Fwww.example.fr', { framed: false });
  parentRelay(view)('finished');
  assert.deepEqual(sent, []);
});
