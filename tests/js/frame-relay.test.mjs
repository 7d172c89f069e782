// web/frame-relay.js: the iframe variant tells its parent event names and its height, only to the
// origin the host named in ?origin=, and nothing when that origin is missing or not a web origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parentRelay, reportHeight } from '../../web/frame-relay.js';

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

// A framed view whose document's height the test sets, with a ResizeObserver and animation frames
// the test triggers by hand.
function resizableView(search, { framed = true } = {}) {
  const { view, sent } = framedView(search, { framed });
  const state = { height: 0, observers: [], frames: [] };
  view.document = { documentElement: { getBoundingClientRect: () => ({ height: state.height }) } };
  view.requestAnimationFrame = (callback) => state.frames.push(callback);
  view.ResizeObserver = class {
    constructor(callback) {
      this.callback = callback;
    }
    observe(target) {
      state.observers.push({ target, callback: this.callback });
    }
  };
  const resize = (height) => {
    state.height = height;
    for (const { callback } of state.observers) callback([]);
  };
  const nextFrame = () => state.frames.splice(0).forEach((callback) => callback());
  return { view, sent, state, resize, nextFrame };
}

test('framed with ?origin=, the height goes to that origin, once per animation frame, only when it changed', () => {
  const { view, sent, state, resize, nextFrame } = resizableView('?origin=https%3A%2F%2Fwww.example.fr');
  reportHeight(view);
  assert.equal(state.observers.length, 1);
  assert.equal(state.observers[0].target, view.document.documentElement);
  resize(400.2);
  resize(612.4);
  nextFrame();
  resize(612.9);
  nextFrame();
  resize(300);
  nextFrame();
  assert.deepEqual(sent, [
    { message: { source: 'pdp-autodiagnostic', kind: 'resize-height', value: 613 }, origin: 'https://www.example.fr' },
    { message: { source: 'pdp-autodiagnostic', kind: 'resize-height', value: 300 }, origin: 'https://www.example.fr' },
  ]);
});

test('no height is observed nor posted without a web ?origin=, or when not framed', () => {
  for (const [search, framed] of [['?lang=fr', true], ['?origin=*', true], ['?origin=https%3A%2F%2Fwww.example.fr', false]]) {
    const { view, sent, state, resize, nextFrame } = resizableView(search, { framed });
    reportHeight(view);
    resize(500);
    nextFrame();
    assert.deepEqual([state.observers.length, sent], [0, []], search);
  }
});
