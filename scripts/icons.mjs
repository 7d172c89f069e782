// A build step (scripts/build-dist.mjs): draws the page's icons for web/manifest.webmanifest and
// the apple-touch-icon, the favicon's drawing (a white check mark on the page's blue) at each size,
// and writes them as PNG with node:zlib only. Pure arithmetic: the same bytes on every build.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

// The page's colours (web/styles/base.css): --pdp-primary and --pdp-on-primary.
export const ICON_BACKGROUND = [0x0a, 0x4b, 0x94];
const MARK = [0xff, 0xff, 0xff];

// `any`: a rounded square, transparent corners. `maskable`: the whole square painted, the mark
// inside the central circle (80 % of the size) that every launcher's mask keeps. `opaque`: the
// whole square (iOS rounds the corners itself and paints transparency black).
export const ICONS = Object.freeze([
  { file: 'icon-192.png', size: 192, shape: 'any' },
  { file: 'icon-512.png', size: 512, shape: 'any' },
  { file: 'icon-maskable-512.png', size: 512, shape: 'maskable' },
  { file: 'apple-touch-icon.png', size: 180, shape: 'opaque' },
]);

// ---- PNG (8-bit RGBA, no interlace, filter "none" on every row)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** A PNG file of `width`×`height` RGBA pixels (`rgba`: 4 bytes a pixel, row after row). */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- The drawing, in units of the icon's size (0..1), anti-aliased by distance

// The check mark as in favicon.png: two strokes with round ends.
const CHECK = [[0.29, 0.52], [0.44, 0.67], [0.72, 0.37]];
const CHECK_WIDTH = 0.11;

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

// Signed distance to a square of side 1 centred at 0.5 with rounded corners (negative inside).
function roundedSquare(px, py, radius) {
  const qx = Math.abs(px - 0.5) - (0.5 - radius);
  const qy = Math.abs(py - 0.5) - (0.5 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const coverage = (distance, pixel) => Math.max(0, Math.min(1, 0.5 - distance / pixel));

/** The RGBA pixels of the icon `shape` at `size` px. */
export function drawIcon(size, shape) {
  const pixel = 1 / size;
  // The maskable icon's safe circle is 80 % of the size: the mark shrinks to fit in it.
  const scale = shape === 'maskable' ? 0.8 : 1;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const px = (x + 0.5) * pixel;
      const py = (y + 0.5) * pixel;
      const background = shape === 'any' ? coverage(roundedSquare(px, py, 0.18), pixel) : 1;
      const mx = (px - 0.5) / scale + 0.5;
      const my = (py - 0.5) / scale + 0.5;
      const stroke = Math.min(distanceToSegment(mx, my, CHECK[0], CHECK[1]), distanceToSegment(mx, my, CHECK[1], CHECK[2]));
      const mark = coverage((stroke - CHECK_WIDTH / 2) * scale, pixel);
      const at = (y * size + x) * 4;
      for (let c = 0; c < 3; c += 1) rgba[at + c] = Math.round(ICON_BACKGROUND[c] + (MARK[c] - ICON_BACKGROUND[c]) * mark);
      rgba[at + 3] = Math.round(255 * background);
    }
  }
  return rgba;
}

/** Writes every icon of ICONS into `dir`; returns [{file, size, bytes}]. */
export function writeIcons(dir) {
  return ICONS.map(({ file, size, shape }) => {
    const png = encodePng(size, size, drawIcon(size, shape));
    writeFileSync(join(dir, file), png);
    return { file, size, bytes: png.length };
  });
}
