// scripts/serve.mjs on its own, over a temporary folder: the headers every response carries,
// MIME types, methods, missing files, folders and every way of trying to leave the root.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY, startServer } from '../../scripts/serve.mjs';
import { repoRoot } from './support.mjs';

const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";
const SECRET = 'SECRET-OUTSIDE-THE-ROOT';

let base;
let root;
let server;

before(async () => {
  base = mkdtempSync(join(tmpdir(), 'pdp-serve-'));
  root = join(base, 'site');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(join(root, 'empty'));
  mkdirSync(join(root, 'space dir'));
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  writeFileSync(join(root, 'space dir', 'é.txt'), 'accent');
  const files = {
    'app.js': 'export {};',
    'mod.mjs': 'export {};',
    'styles.css': 'body{}',
    'rules.json': '{}',
    'manifest.webmanifest': '{}',
    'pdp-core.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    'favicon.ico': Buffer.from([0, 0, 1, 0]),
    'data.bin': Buffer.from([1, 2, 3]),
    'pdp-frame.js': '(() => {})();',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  symlinkSync(join(base, 'secret.txt'), join(root, 'link-out.txt'));
  symlinkSync(base, join(root, 'link-dir'));
  server = await startServer({ root, port: 0 });
});

after(async () => {
  await server?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

// A raw request: `path` goes on the wire exactly as written (fetch would normalise `..`).
function raw(method, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

// A request with the given headers (Accept-Encoding…): status, headers and the body as sent.
function requestWith(method, path, headers) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function assertSecurityHeaders(response, what) {
  assert.equal(response.headers['content-security-policy'], STRICT_CSP, `CSP header on ${what}`);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', `nosniff on ${what}`);
  assert.equal(response.headers['referrer-policy'], 'no-referrer', `Referrer-Policy on ${what}`);
}

test('startServer listens on 127.0.0.1 on a free port and says where', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.notEqual(server.port, 0);
  assert.equal(CONTENT_SECURITY_POLICY, STRICT_CSP);
});

test('/ serves index.html as text/html with the strict CSP, nosniff and no-referrer', async () => {
  const response = await raw('GET', '/');
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(response.body.toString(), '<!doctype html><title>t</title>');
  assertSecurityHeaders(response, '/');
});

test('each kind of file gets its MIME type', async () => {
  const expected = {
    '/index.html': /^text\/html\b/,
    '/app.js': /^text\/javascript\b/,
    '/mod.mjs': /^text\/javascript\b/,
    '/styles.css': /^text\/css\b/,
    '/rules.json': /^application\/json\b/,
    '/manifest.webmanifest': /^application\/manifest\+json\b/,
    '/pdp-core.wasm': /^application\/wasm$/,
    '/logo.svg': /^image\/svg\+xml$/,
    '/logo.png': /^image\/png$/,
    '/favicon.ico': /^image\/(x-icon|vnd\.microsoft\.icon)$/,
    '/data.bin': /^application\/octet-stream$/,
  };
  for (const [path, type] of Object.entries(expected)) {
    const response = await raw('GET', path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers['content-type'], type, path);
    assertSecurityHeaders(response, path);
  }
});

test('only the host\'s loader, pdp-frame.js, is shared with other origins (CORS, for its integrity)', async () => {
  const loader = await raw('GET', '/pdp-frame.js');
  assert.equal(loader.status, 200);
  assert.equal(loader.headers['access-control-allow-origin'], '*');
  assertSecurityHeaders(loader, '/pdp-frame.js');
  for (const path of ['/', '/app.js', '/rules.json', '/pdp-core.wasm']) {
    assert.equal((await raw('GET', path)).headers['access-control-allow-origin'], undefined, path);
  }
});

test('the query string is ignored and percent-encoded names are decoded', async () => {
  assert.equal((await raw('GET', '/app.js?v=3')).status, 200);
  const accented = await raw('GET', '/space%20dir/%C3%A9.txt');
  assert.equal(accented.status, 200);
  assert.equal(accented.body.toString(), 'accent');
});

test('HEAD answers the headers and length without a body', async () => {
  const response = await raw('HEAD', '/app.js');
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-length'], String('export {};'.length));
  assert.equal(response.body.length, 0);
  assertSecurityHeaders(response, 'HEAD');
});

test('a file unchanged since If-Modified-Since is a 304 without a body; a changed one is sent', async () => {
  const revalidate = (since) =>
    new Promise((resolve, reject) => {
      const headers = { 'If-Modified-Since': since };
      const req = request({ host: '127.0.0.1', port: server.port, path: '/app.js', headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  const first = await raw('GET', '/app.js');
  const lastModified = first.headers['last-modified'];
  assert.ok(lastModified, 'a file is sent with Last-Modified');
  const unchanged = await revalidate(lastModified);
  assert.equal(unchanged.status, 304);
  assert.equal(unchanged.body.length, 0);
  assertSecurityHeaders(unchanged, '304');
  const older = new Date(Date.parse(lastModified) - 60_000).toUTCString();
  const changed = await revalidate(older);
  assert.equal(changed.status, 200);
  assert.equal(changed.body.toString(), 'export {};');
});

test('a precompressed copy (x.br, x.gz) is sent to a browser that accepts it, as x with Content-Encoding', async () => {
  const text = `export const words = "${'questionnaire '.repeat(200)}";`;
  mkdirSync(join(root, 'packed'));
  const brotli = brotliCompressSync(text);
  const gzip = gzipSync(text);
  writeFileSync(join(root, 'packed', 'main.js'), text);
  writeFileSync(join(root, 'packed', 'main.js.br'), brotli);
  writeFileSync(join(root, 'packed', 'main.js.gz'), gzip);
  writeFileSync(join(root, 'packed', 'plain.js'), text);
  const get = (accept, path = '/packed/main.js') => requestWith('GET', path, accept === null ? {} : { 'Accept-Encoding': accept });

  const sentBrotli = await get('gzip, deflate, br, zstd');
  assert.equal(sentBrotli.status, 200);
  assert.equal(sentBrotli.headers['content-encoding'], 'br');
  assert.match(sentBrotli.headers['content-type'], /^text\/javascript\b/);
  assert.equal(sentBrotli.headers.vary, 'Accept-Encoding');
  assert.equal(Number(sentBrotli.headers['content-length']), brotli.length);
  assert.ok(sentBrotli.body.equals(brotli), 'the brotli copy, as written');
  assertSecurityHeaders(sentBrotli, 'a brotli copy');

  const sentGzip = await get('gzip');
  assert.equal(sentGzip.headers['content-encoding'], 'gzip');
  assert.ok(sentGzip.body.equals(gzip), 'the gzip copy, as written');
  assert.equal((await get('br;q=0, gzip;q=0.5')).headers['content-encoding'], 'gzip');
  assert.equal((await get('*')).headers['content-encoding'], 'br');
  assert.equal((await get('*, br;q=0')).headers['content-encoding'], 'gzip');

  for (const accept of [null, '', 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
    const identity = await get(accept);
    assert.equal(identity.headers['content-encoding'], undefined, `Accept-Encoding ${accept}`);
    assert.equal(identity.body.toString(), text, `Accept-Encoding ${accept}`);
  }
  const uncopied = await get('br, gzip', '/packed/plain.js');
  assert.equal(uncopied.headers['content-encoding'], undefined);
  assert.equal(uncopied.body.toString(), text);

  const head = await requestWith('HEAD', '/packed/main.js', { 'Accept-Encoding': 'br' });
  assert.equal(head.headers['content-encoding'], 'br');
  assert.equal(Number(head.headers['content-length']), brotli.length);
  assert.equal(head.body.length, 0);

  // The file changed after its copies were written (a damaged or re-marked copy of dist/, even
  // with newer dates on the copies): the stale copies are not sent, the file itself is.
  const changed = text.replace('questionnaire', 'changé');
  writeFileSync(join(root, 'packed', 'main.js'), changed);
  const later = new Date(Date.now() + 3_600_000);
  utimesSync(join(root, 'packed', 'main.js.br'), later, later);
  const stale = await get('br, gzip');
  assert.equal(stale.headers['content-encoding'], undefined);
  assert.equal(stale.body.toString(), changed);
  // A copy that is not what its name says (not brotli at all) is not sent either.
  writeFileSync(join(root, 'packed', 'plain.js.br'), text);
  assert.equal((await get('br', '/packed/plain.js')).headers['content-encoding'], undefined);
});

test('a precompressed copy that is a link leading outside the root is not sent', async () => {
  mkdirSync(join(root, 'packed-out'));
  writeFileSync(join(root, 'packed-out', 'a.txt'), 'inside');
  // Outside the root, a true gzip copy of the file: only its place keeps it from being sent.
  writeFileSync(join(base, 'outside.gz'), gzipSync('inside'));
  symlinkSync(join(base, 'outside.gz'), join(root, 'packed-out', 'a.txt.gz'));
  const response = await requestWith('GET', '/packed-out/a.txt', { 'Accept-Encoding': 'gzip' });
  assert.equal(response.headers['content-encoding'], undefined);
  assert.equal(response.body.toString(), 'inside');
});

test('a missing file is a 404 with the security headers', async () => {
  for (const path of ['/missing.js', '/sub/missing.html', '/app.js/x']) {
    const response = await raw('GET', path);
    assert.equal(response.status, 404, path);
    assertSecurityHeaders(response, path);
  }
});

test('any method other than GET and HEAD is a 405 naming the allowed ones', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    const response = await raw(method, '/index.html');
    assert.equal(response.status, 405, method);
    assert.equal(response.headers.allow, 'GET, HEAD');
    assertSecurityHeaders(response, method);
  }
});

test('no directory listing: a folder without index.html is a 404', async () => {
  for (const path of ['/empty/', '/empty', '/space%20dir/']) {
    const response = await raw('GET', path);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(response.body.toString(), /é\.txt/);
  }
});

test('a folder with index.html serves it, and without its final slash redirects to it', async () => {
  const withSlash = await raw('GET', '/sub/');
  assert.equal(withSlash.status, 200);
  assert.equal(withSlash.body.toString(), '<!doctype html><title>sub</title>');
  const withoutSlash = await raw('GET', '/sub?x=1');
  assert.equal(withoutSlash.status, 301);
  assert.equal(withoutSlash.headers.location, '/sub/?x=1');
  assertSecurityHeaders(withoutSlash, 'redirect');
});

test('paths that try to leave the root are refused, encoded or not', async () => {
  const attempts = [
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/sub/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/sub/%2e%2e/%2e%2e/secret.txt',
    '/./index.html',
    '/index.html%00.txt',
    '//../secret.txt',
    '../secret.txt',
    'secret.txt',
  ];
  for (const path of attempts) {
    const response = await raw('GET', path);
    assert.ok([400, 403, 404].includes(response.status), `${path}: status ${response.status}`);
    assert.doesNotMatch(response.body.toString(), new RegExp(SECRET), path);
    assertSecurityHeaders(response, path);
  }
});

test('a symbolic link leading outside the root is not followed', async () => {
  for (const path of ['/link-out.txt', '/link-dir/secret.txt']) {
    const response = await raw('GET', path);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(response.body.toString(), new RegExp(SECRET), path);
  }
});

test('badly percent-encoded paths are a 400', async () => {
  const response = await raw('GET', '/%zz');
  assert.equal(response.status, 400);
  assertSecurityHeaders(response, '/%zz');
});

test('startServer refuses a root that does not exist', async () => {
  await assert.rejects(startServer({ root: join(base, 'nope'), port: 0 }), /no such folder/);
});

// The command line: prints where it serves, serves, stops on SIGTERM.
function runCli(args) {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'serve.mjs'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

test('the command line prints "Serving DIR at URL", serves DIR and stops on SIGTERM', async () => {
  const cli = runCli(['--root', root, '--port', '0']);
  const deadline = Date.now() + 10_000;
  let match;
  while (!(match = /^Serving (.+) at (http:\/\/127\.0\.0\.1:(\d+)\/)\n/.exec(cli.output().stdout))) {
    assert.ok(Date.now() < deadline, `no "Serving" line: ${JSON.stringify(cli.output())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal(match[1], root);
  const response = await fetch(`${match[2]}styles.css`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-security-policy'), STRICT_CSP);
  assert.match(response.headers.get('content-type'), /^text\/css\b/);
  cli.child.kill('SIGTERM');
  assert.equal(await cli.exited, 0);
});

test('the command line fails clearly on a missing root (1) and on bad arguments (2)', async () => {
  const missing = runCli(['--root', join(base, 'nope'), '--port', '0']);
  assert.equal(await missing.exited, 1);
  assert.match(missing.output().stderr, /no such folder/);
  const bad = runCli(['--port', 'eighty']);
  assert.equal(await bad.exited, 2);
  assert.match(bad.output().stderr, /usage/);
  const unknown = runCli(['--verbose']);
  assert.equal(await unknown.exited, 2);
});
