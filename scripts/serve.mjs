#!/usr/bin/env node
// A small static file server for the built page (dist/), with the strict Content-Security-Policy
// the page must work under (docs: PRODUCT.md §7), and the build's precompressed copies (x.br,
// x.gz beside x) sent to a browser that accepts them, as a static host would. Local use and
// browser tests only: node:http, no dependency, listens on 127.0.0.1.
//
//   node scripts/serve.mjs [--root DIR] [--port N]     (defaults: dist/, 8080; --port 0 = any free port)
//
// Tests start it in-process: `const { url, close } = await startServer({ root, port: 0 });`
import { createServer } from 'node:http';
import { createReadStream, realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

// Sent with every response, errors and redirects included.
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
});

const DEFAULT_TYPE = 'application/octet-stream';

// Files that pages of other origins load with `crossorigin` and `integrity` (the host's loader,
// docs/embedding.md): a check of integrity across origins needs CORS. Nothing else is shared.
const CROSS_ORIGIN_FILES = new Set(['pdp-frame.js']);

// Turns the request target into the list of path segments under the root, or {refused: status}:
// 400 for a target that is not a path or is badly percent-encoded, 403 for anything that could
// leave the root (a `.` or `..` segment, literal or encoded, an encoded slash or backslash, NUL),
// checked on the raw target before any normalisation could hide it.
function relativePathOf(target) {
  if (typeof target !== 'string' || !target.startsWith('/')) return { refused: 400 };
  const rawPath = target.split(/[?#]/, 1)[0];
  const segments = [];
  for (const rawSegment of rawPath.split('/').slice(1)) {
    let segment;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { refused: 400 };
    }
    if (segment === '.' || segment === '..') return { refused: 403 };
    if (/[/\\\0]/.test(segment)) return { refused: 403 };
    segments.push(segment);
  }
  return segments;
}

function isInside(root, candidate) {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function statOrNull(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

// The file to serve for a request, {redirect} for a folder named without its final slash, or null.
async function resolveFile(realRoot, segments) {
  let path = resolve(realRoot, ...segments);
  if (!isInside(realRoot, path)) return null;
  let info = await statOrNull(path);
  if (info?.isDirectory()) {
    const index = resolve(path, 'index.html');
    const indexInfo = await statOrNull(index);
    if (!indexInfo?.isFile()) return null; // no directory listing
    if (segments.length > 0 && segments.at(-1) !== '') return { redirect: true };
    path = index;
    info = indexInfo;
  }
  if (!info?.isFile()) return null;
  // A symbolic link inside the root must not lead outside it.
  let real;
  try {
    real = await realpath(path);
  } catch {
    return null;
  }
  if (!isInside(realRoot, real)) return null;
  return { path: real, size: info.size, modified: info.mtime, modifiedMs: info.mtimeMs };
}

// The precompressed copies the build writes beside a file, in order of preference.
const ENCODINGS = Object.freeze([
  ['br', '.br', promisify(brotliDecompress)],
  ['gzip', '.gz', promisify(gunzip)],
]);

// The codings an Accept-Encoding header allows, with their weights ("br;q=0" refuses br; "*"
// stands for any coding not named).
function acceptedEncodings(header) {
  const weights = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => param.trim().match(/^q=([\d.]+)$/)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  return (coding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
}

// Whether a copy decodes to its file, byte for byte: a file changed after the build (a test's
// damaged or re-marked copy of dist/) must not be sent as its stale copy, and dates cannot tell
// (a copied folder gets new ones). Checked once per version of the two files.
async function decodesTo(copy, file, decode, checked) {
  const stamp = `${copy.size}:${copy.mtimeMs}:${file.size}:${file.modifiedMs}`;
  const known = checked.get(copy.path);
  if (known?.stamp === stamp) return known.same;
  let same = false;
  try {
    const [packed, original] = await Promise.all([readFile(copy.path), readFile(file.path)]);
    same = (await decode(packed)).equals(original);
  } catch {
    same = false;
  }
  checked.set(copy.path, { stamp, same });
  return same;
}

// The copy of `file` to send for these accepted codings: {path, size, encoding}, or the file
// itself. Never a copy that leads outside the root or does not decode to the file.
async function encodedFile(realRoot, file, acceptHeader, checked) {
  const accepts = acceptedEncodings(acceptHeader);
  for (const [encoding, suffix, decode] of ENCODINGS) {
    if (!accepts(encoding)) continue;
    const info = await statOrNull(file.path + suffix);
    if (!info?.isFile()) continue;
    let real;
    try {
      real = await realpath(file.path + suffix);
    } catch {
      continue;
    }
    if (!isInside(realRoot, real)) continue;
    const copy = { path: real, size: info.size, mtimeMs: info.mtimeMs };
    if (await decodesTo(copy, file, decode, checked)) return { path: real, size: info.size, encoding };
  }
  return { path: file.path, size: file.size, encoding: null };
}

function sendText(res, status, text, extraHeaders = {}) {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function handle(realRoot, req, res, checked) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const segments = relativePathOf(req.url);
  if (segments.refused) {
    sendText(res, segments.refused, segments.refused === 403 ? 'Forbidden' : 'Bad Request');
    return;
  }
  const file = await resolveFile(realRoot, segments);
  if (file === null) {
    sendText(res, 404, 'Not Found');
    return;
  }
  if (file.redirect) {
    const [path, query] = req.url.split(/\?(.*)/s, 2);
    sendText(res, 301, 'Moved Permanently', { Location: `${path}/${query ? `?${query}` : ''}` });
    return;
  }
  // Last-Modified lets a returning browser revalidate (304) instead of downloading again.
  const lastModified = file.modified.toUTCString();
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  if (!Number.isNaN(since) && Math.floor(file.modified.getTime() / 1000) * 1000 <= since) {
    res.writeHead(304, { ...SECURITY_HEADERS, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' });
    res.end();
    return;
  }
  const shared = CROSS_ORIGIN_FILES.has(segments.at(-1)) ? { 'Access-Control-Allow-Origin': '*' } : {};
  const sent = await encodedFile(realRoot, file, req.headers['accept-encoding'], checked);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    ...shared,
    'Content-Type': MIME_TYPES[extname(file.path).toLowerCase()] ?? DEFAULT_TYPE,
    ...(sent.encoding ? { 'Content-Encoding': sent.encoding } : {}),
    'Content-Length': sent.size,
    'Cache-Control': 'no-cache',
    'Last-Modified': lastModified,
    Vary: 'Accept-Encoding',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(sent.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 = a free port).
 * Resolves to {url, port, root, close}; `close()` stops the server and its open connections.
 */
export async function startServer({ root = 'dist', port = 8080, host = '127.0.0.1' } = {}) {
  const absoluteRoot = resolve(root);
  const info = await statOrNull(absoluteRoot);
  if (!info?.isDirectory()) throw new Error(`cannot serve ${absoluteRoot}: no such folder`);
  const realRoot = await realpath(absoluteRoot);

  const checked = new Map();  // each precompressed copy checked against its file (encodedFile)
  const server = createServer((req, res) => {
    handle(realRoot, req, res, checked).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  // Requests Node's parser refuses (a malformed request line…) still get the security headers.
  server.on('clientError', (error, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const headers = Object.entries({ ...SECURITY_HEADERS, 'Content-Length': '0', Connection: 'close' })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 400 Bad Request\r\n${headers}\r\n`);
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}/`;
  const close = () =>
    new Promise((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    });
  return { url, port: actualPort, root: realRoot, close };
}

const USAGE = 'usage: node scripts/serve.mjs [--root DIR] [--port N]';

function parseArgs(argv) {
  const options = { root: 'dist/', port: 8080 };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      if (i >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[i];
    };
    if (flag === '--root') options.root = value();
    else if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port: not a port number: ${text}`);
      options.port = port;
    } else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`serve: ${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let server;
  try {
    server = await startServer({ root: options.root, port: options.port });
  } catch (error) {
    const hint = error.code === 'EADDRINUSE' ? ' (port in use: try --port 0)' : '';
    const build = /no such folder/.test(error.message) ? ' (run ./build-wasm.sh first?)' : '';
    process.stderr.write(`serve: ${error.message}${hint}${build}\n`);
    process.exit(1);
  }
  process.stdout.write(`Serving ${options.root} at ${server.url}\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly = (() => {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) await main();
