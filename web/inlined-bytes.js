// Bytes (the wasm module) inlined in an HTML file as text that compresses almost like the bytes
// themselves: each byte is one character, shifted by one so that the many zero bytes of a module
// become a one-byte character. Base64 would cost about 15 KB brotli more (docs/performance.md).
// Three characters cannot stand as themselves inside a <script> element: NUL (the parser replaces
// it), CR (the parser turns it into LF) and "<" (it could end the element); they are written as
// U+0100 plus their value. The page must be read as UTF-8 (<meta charset="utf-8">).

const SHIFT = 1;
const ESCAPED = 0x100;
const UNSAFE = new Set([0x00, 0x0d, 0x3c]);

/** Bytes → the text of a <script type="application/octet-stream"> element. */
export function bytesToInlineText(bytes) {
  let text = '';
  for (const byte of bytes) {
    const code = (byte + SHIFT) & 0xff;
    text += String.fromCharCode(UNSAFE.has(code) ? ESCAPED + code : code);
  }
  return text;
}

/** The element's text (textContent) → the bytes; a character no encoding writes is an error. */
export function inlineTextToBytes(text) {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    let code = text.charCodeAt(index);
    if (code >= ESCAPED) code -= ESCAPED;
    if (code > 0xff) throw new Error(`the inlined module is damaged (character ${index})`);
    bytes[index] = (code - SHIFT) & 0xff;
  }
  return bytes;
}
