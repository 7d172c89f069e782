// The wasm inlined in standalone.html as text (web/inlined-bytes.js): every byte comes back, and
// the text holds nothing an HTML parser would change or take for the end of the element.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bytesToInlineText, inlineTextToBytes } from '../../web/inlined-bytes.js';

const everyByte = Uint8Array.from({ length: 256 }, (_, value) => value);

describe('a module inlined in an HTML page as text', () => {
  test('every byte value comes back as it was', () => {
    assert.deepEqual(inlineTextToBytes(bytesToInlineText(everyByte)), everyByte);
  });

  test('the text has no NUL, no CR and no "<", so the parser keeps it and cannot end the element', () => {
    const text = bytesToInlineText(everyByte);
    assert.equal(text.length, 256);
    assert.doesNotMatch(text, /[\0\r<]/);
  });

  test('zero bytes, the commonest in a module, take one byte of UTF-8', () => {
    assert.equal(Buffer.byteLength(bytesToInlineText(new Uint8Array(100)), 'utf8'), 100);
  });

  test('a character no encoding writes is refused, with where it is', () => {
    assert.throws(() => inlineTextToBytes('ab\u2603'), /damaged \(character 2\)/);
  });
});
