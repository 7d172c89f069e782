#!/usr/bin/env node
// The build's last step (build-wasm.sh), on the staging folder that already holds web/, the wasm
// module and rules.json: writes the rules' texts into index.html's static first screen
// (static-page.mjs) and the public address into its head (page-head.mjs, PDP_PUBLIC_URL), draws
// the icons of manifest.webmanifest (icons.mjs), bundles the embeddable element, writes the
// integrity hashes (the element, what it fetches, and the host's loader pdp-frame.js), the example host pages, the service
// worker's file list and the one-file standalone.html; last, each file's precompressed copies
// (precompress.mjs).
//
//   node scripts/build-dist.mjs STAGING_DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { STATIC_TEXTS, asideFile, localeFile } from '../web/rules-bundle.js';
import { bytesToInlineText } from '../web/inlined-bytes.js';
import { writeIcons } from './icons.mjs';
import { writePageHead } from './page-head.mjs';
import { PRECOMPRESSED, writePrecompressed } from './precompress.mjs';
import { STATIC_PAGES, STATIC_PAGES_DIR, writeStaticPage } from './static-page.mjs';

// What a browser of 2023 runs (class fields, private methods, top-level await not needed).
const TARGET = ['es2022'];
// Files of the embedding and the standalone page: not part of the public page the worker caches.
// regles.html (the rules for reviewers) is a page of its own: the questionnaire's offline cache
// does not need it. pdp-frame.js runs in host pages, on the hosts' origins, which the worker never
// controls: a cached copy would serve no one.
const NOT_PUBLIC_PAGE = /^(embed-[^/]*|standalone\.(html|js)|integrity\.json|sw\.js|pdp-autodiagnostic\.js|pdp-frame\.js|regles\.(html|css))$/;
const ELEMENT = 'pdp-autodiagnostic.js';
// The host's loader (a link that becomes a frame): deployed as written, small enough to read.
const FRAME_LOADER = 'pdp-frame.js';

function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

function filesUnder(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

function replaceOnce(text, marker, replacement, file) {
  if (text.split(marker).length !== 2) throw new Error(`${file}: expected "${marker}" exactly once`);
  return text.replace(marker, () => replacement);
}

// The element and everything it imports (app, screens, engine, the module's loader) as one ES
// module, so that one integrity hash covers all the JavaScript; the hashes of the files it
// fetches (styles, wasm, rules, each separate language's texts, the asides' texts) are compiled
// into it.
async function bundleElement(dir) {
  const fetched = ['styles.css', 'styles-later.css', 'pdp-core.wasm', ...readdirSync(dir).filter((name) => /^(rules(\.[a-z]{2})?|asides\.[a-z]{2})\.json$/.test(name))];
  const integrity = Object.fromEntries(fetched.map((file) => [file, sri(readFileSync(join(dir, file)))]));
  await build({
    entryPoints: [join(dir, ELEMENT)],
    outfile: join(dir, ELEMENT),
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    define: { PDP_INTEGRITY: JSON.stringify(integrity) },
    logLevel: 'warning',
  });
  return { [ELEMENT]: sri(readFileSync(join(dir, ELEMENT))), ...integrity };
}

// The example host pages name the element's or the loader's hash in their <script integrity>.
function writeExamples(dir, integrity) {
  const markers = { __PDP_ELEMENT_INTEGRITY__: integrity[ELEMENT], __PDP_FRAME_INTEGRITY__: integrity[FRAME_LOADER] };
  for (const file of readdirSync(dir).filter((name) => /^embed-.*\.html$/.test(name))) {
    const path = join(dir, file);
    const html = readFileSync(path, 'utf8');
    const written = Object.entries(markers).reduce((text, [marker, hash]) => text.replaceAll(marker, hash), html);
    if (written !== html) writeFileSync(path, written);
  }
}

/**
 * Writes dir/sw.js: the worker's source (web/sw.js) with the list of every file of the public page
 * in dir, each with its hash, and a version that changes when any of them does. Returns
 * {version, files}. Exported for the offline tests, which deploy a second version.
 */
export async function writeServiceWorker(dir, source = readFileSync(join(dir, 'sw.js'), 'utf8')) {
  const files = {};
  for (const path of filesUnder(dir).sort()) {
    const name = relative(dir, path).split(sep).join('/');
    // The precompressed copies are the same files as the server sends them: not cached twice.
    if (NOT_PUBLIC_PAGE.test(name) || PRECOMPRESSED.test(name)) continue;
    files[name] = sri(readFileSync(path));
  }
  const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  const { code } = await transform(source, {
    loader: 'js',
    target: TARGET,
    define: { PDP_BUILD: JSON.stringify({ version, files }) },
  });
  writeFileSync(join(dir, 'sw.js'), code);
  return { version, files: Object.keys(files) };
}

// Text put inside a <script> or <style> element must not close it early.
function safeInside(text, element, what) {
  if (new RegExp(`</${element}`, 'i').test(text)) throw new Error(`${what} contains "</${element}": cannot inline it`);
  return text;
}

// The rules as the public page gets them, each inlined in its own block: rules.json as
// "pdp-rules", and each language it leaves out as "pdp-rules-<code>", which the core adds when a
// person picks it (standalone.js reads it instead of fetching it). Byte for byte as written, with
// nothing around them: the module recognises them by their SHA-256 (docs/security.md §4).
function rulesBlocks(dir) {
  const bundle = readFileSync(join(dir, 'rules.json'), 'utf8');
  const blocks = [['pdp-rules', bundle]];
  const separate = Object.keys(JSON.parse(bundle).separate_locales ?? {});
  for (const code of separate) {
    blocks.push([`pdp-rules-${code}`, readFileSync(join(dir, localeFile(code)), 'utf8')]);
  }
  // Each language's asides' texts as "pdp-asides-<code>", read when a person opens one.
  const manifest = JSON.parse(JSON.parse(bundle).files['manifest.json']);
  for (const code of [manifest.default_locale, ...separate]) {
    blocks.push([`pdp-asides-${code}`, readFileSync(join(dir, asideFile(code)), 'utf8')]);
  }
  return blocks.map(([id, text]) => `<script type="application/json" id="${id}">${safeInside(text, 'script', id)}</script>`);
}

// One HTML file from index.html: the styles, the bundled app, the rules (JSON, every language) and
// the wasm (web/inlined-bytes.js) inlined, the favicon as a data: address. No request at all once opened.
async function writeStandalone(dir) {
  const result = await build({
    entryPoints: [join(dir, 'standalone.js')],
    bundle: true,
    write: false,
    format: 'esm',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const script = safeInside(result.outputFiles[0].text, 'script', 'the bundled script');
  // Both sheets, in their order (the public page loads the second later).
  const styles = ['styles.css', 'styles-later.css'].map((sheet) => safeInside(readFileSync(join(dir, sheet), 'utf8'), 'style', sheet)).join('\n');
  const wasm = bytesToInlineText(readFileSync(join(dir, 'pdp-core.wasm')));
  const icon = readFileSync(join(dir, 'favicon.png')).toString('base64');

  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  html = replaceOnce(html, '<link rel="stylesheet" href="styles.css">', `<style>\n${styles}</style>`, 'index.html');
  html = replaceOnce(html, 'href="favicon.png"', `href="data:image/png;base64,${icon}"`, 'index.html');
  // Opened from a file or a kiosk's disk, it is not an address to share nor to install: no
  // canonical link, og:url, og:image, manifest nor touch icon (each would be a request, or point
  // to a file beside it that is not there), and noindex, so that a copy put online by mistake is
  // not found instead of the public page.
  html = html.replace(/\n *<(link rel="(canonical|manifest|apple-touch-icon)"|meta property="og:(url|image)")[^>]*>/g, '');
  // Nor the links to the static legal pages: no file is beside it (the app's asides have them).
  const staticLinks = /\n *<footer class="app-footer" data-static-links>[^]*?<\/footer>/;
  if (!staticLinks.test(html)) throw new Error('index.html: expected its static links (data-static-links)');
  html = html.replace(staticLinks, '');
  if (/rel="(canonical|manifest|apple-touch-icon)"|og:url|og:image/.test(html)) throw new Error('index.html: a link to share or install was left in standalone.html');
  html = replaceOnce(html, '<meta name="referrer" content="no-referrer">', '<meta name="referrer" content="no-referrer">\n  <meta name="robots" content="noindex">', 'index.html');
  // Nothing to fetch: the preloads of the module and the rules go with the rest.
  html = html.replace(/\n *<!-- Fetched while main\.js downloads[^]*?-->/, '').replace(/\n *<link rel="(module)?preload"[^>]*>/g, '');
  if (/rel="(module)?preload"|pdp-core\.wasm"|rules\.json"/.test(html)) throw new Error('index.html: a preload was left in standalone.html');
  html = replaceOnce(
    html,
    '<script type="module" src="main.js"></script>',
    [
      // The module (deferred: it runs once the whole file is parsed) before the wasm: brotli
      // finds more of its words in the texts just above it (about 80 bytes).
      ...rulesBlocks(dir),
      `<script type="module">\n${script}</script>`,
      `<script type="application/octet-stream" id="pdp-wasm">${wasm}</script>`,
    ].join('\n'),
    'index.html',
  );
  writeFileSync(join(dir, 'standalone.html'), html);
  rmSync(join(dir, 'standalone.js'));
  rmSync(join(dir, 'inlined-bytes.js'));
  return statSync(join(dir, 'standalone.html')).size;
}

async function main() {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/build-dist.mjs STAGING_DIR\n');
    process.exit(2);
  }
  // First: standalone.html is made from index.html, and the worker lists its hash.
  let staticTexts = 0;
  for (const name of STATIC_PAGES) staticTexts += await writeStaticPage(dir, name);
  rmSync(join(dir, STATIC_TEXTS), { force: true });  // the build's own: not shipped
  rmSync(join(dir, STATIC_PAGES_DIR), { recursive: true, force: true });  // written into the pages
  const address = writePageHead(dir);
  const icons = writeIcons(dir);
  // The standalone page bundles the unbundled element's siblings: write it before the element's
  // bundle replaces its source.
  const standaloneSize = await writeStandalone(dir);
  const integrity = { ...(await bundleElement(dir)), [FRAME_LOADER]: sri(readFileSync(join(dir, FRAME_LOADER))) };
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
  writeExamples(dir, integrity);
  const worker = await writeServiceWorker(dir);
  // Last: every file is final now.
  const compressed = writePrecompressed(dir);
  process.stdout.write(
    `build-dist: ${STATIC_PAGES.join(', ')} ${staticTexts} texts; public address ${address ?? '(PDP_PUBLIC_URL unset: no og:url, og:image)'}; ` +
      `icons ${icons.map((icon) => `${icon.file} ${icon.bytes} B`).join(', ')}; standalone.html ${(standaloneSize / 1024).toFixed(0)} KiB; ` +
      `service worker version ${worker.version} (${worker.files.length} files); ` +
      `${ELEMENT} integrity ${integrity[ELEMENT]}; ${compressed} files precompressed (.br, .gz)\n`,
  );
}

const invokedDirectly = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`build-dist: ${error.message}\n`);
    process.exit(1);
  }
}
