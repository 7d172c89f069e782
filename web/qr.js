// A QR code as an <svg> built node by node (no markup parsed, no style attribute: CSP-safe), from
// a text encoded as UTF-8. The encoder (qrcode-generator) is passed in, so that the page loads it
// only in kiosk mode and Node tests can give it the npm package.

// A namespace name, never fetched (tests/js/page-texts.test.mjs allows this one address).
const SVG = 'http://www.w3.org/2000/svg';

// Level L (7 % of the code may be lost): a code shown on a screen or printed is not damaged, and
// every module saved makes it larger and easier for a phone camera to read.
export const QR_ERROR_CORRECTION = 'L';
// At level L, 1273 bytes fit in a version 25 code (117 × 117 modules): what a phone reads from a
// kiosk screen or a printed page in a second or two. Longer texts are shortened before (see
// summary-text.js), never cut by the encoder.
export const QR_MAX_BYTES = 1270;
export const QR_MAX_VERSION = 25;
// The light margin readers need around the code, in modules (the standard asks for 4).
export const QR_QUIET_ZONE = 4;

/**
 * The modules of the QR code of `text`: rows of booleans (true = dark), without the margin.
 * @param {(typeNumber: number, level: string) => object} qrcode the qrcode-generator factory
 * @param {string} text
 * @throws {RangeError} when the text takes more than QR_MAX_BYTES in UTF-8
 */
export function qrModules(qrcode, text) {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > QR_MAX_BYTES) {
    throw new RangeError(`the text takes ${bytes.length} bytes, more than the ${QR_MAX_BYTES} a QR code here may hold`);
  }
  // One character per byte: the encoder's byte mode keeps each character's low 8 bits, so the
  // code holds the UTF-8 bytes exactly (phones read them as UTF-8).
  const data = String.fromCharCode(...bytes);
  let code = encode(qrcode, 0, data);
  // Version 23 is skipped for 24: jsQR and jsqrcode, inside many web scanners, carry a wrong
  // alignment position for it and never read it (github.com/cozmo/jsQR/issues/251).
  if (code.getModuleCount() === 23 * 4 + 17) code = encode(qrcode, 24, data);
  const count = code.getModuleCount();
  return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (__, col) => code.isDark(row, col)));
}

// A code of the given version (0: the smallest that holds the data).
function encode(qrcode, version, data) {
  const code = qrcode(version, QR_ERROR_CORRECTION);
  code.addData(data, 'Byte');
  code.make();
  return code;
}

/** The version of a code (1 to 40) from its size in modules. */
export function qrVersion(modules) {
  return (modules.length - 17) / 4;
}

/**
 * The QR code of `text` as an <svg role="img"> scaled by CSS (class "qr-code"): one white square
 * with the quiet zone, one path for the dark modules.
 * @param {Document} doc the document the element is for
 * @param {(typeNumber: number, level: string) => object} qrcode the qrcode-generator factory
 * @param {string} text
 * @param {string} label what the image holds, for people who cannot see it
 */
export function qrSvg(doc, qrcode, text, label) {
  const modules = qrModules(qrcode, text);
  const size = modules.length + 2 * QR_QUIET_ZONE;
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('class', 'qr-code');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('data-qr-version', String(qrVersion(modules)));

  const background = doc.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#ffffff');

  // Each run of dark modules on a row is one rectangle of the path.
  const runs = [];
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x += 1) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < row.length && row[end + 1]) end += 1;
      runs.push(`M${x + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${end - x + 1}v1h-${end - x + 1}z`);
      x = end;
    }
  });
  const dark = doc.createElementNS(SVG, 'path');
  dark.setAttribute('d', runs.join(''));
  dark.setAttribute('fill', '#000000');

  svg.append(background, dark);
  return svg;
}
