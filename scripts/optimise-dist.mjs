#!/usr/bin/env node
// Makes a built page folder lighter, in place (build-wasm.sh runs it on its staging folder, before
// build-dist.mjs hashes the files): main.js, the public page's entry, becomes one minified bundle
// of the page's modules, the wasm module's loader included (one request instead of a dozen, about
// half the bytes; engine-worker.js, the engine off the main thread, a second entry sharing its
// chunk); what the app imports with import() (the result screen, the asides, the kiosk) becomes a
// second bundle of its own, fetched after the first question; the kiosk's QR encoder is minified;
// styles.css and styles-later.css become the files of styles/ they list, in their order, minified,
// as one file each (the rules are
// made light before the module is compiled: scripts/rules-for-page.mjs). The separate modules
// stay beside the bundle: the element and standalone.html are bundled from them, and engine.js
// is what integrators and the Node tests import.
//
//   node scripts/optimise-dist.mjs DIR
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { build, transform } from 'esbuild';

// What qrcode-generator draws with (an HTML table, an SVG or GIF image, text, a canvas): the page
// draws its own <svg> from isDark (web/qr.js), so these methods and the GIF and base64 encoders only
// they use are left out of the kiosk's copy, and so of the element and standalone.html, which bundle
// it (about 1.8 KB brotli). A newer version without one of them fails the build, not the kiosk.
const QR_DRAWING = ['createTableTag', 'createSvgTag', 'createDataURL', 'createImgTag', 'createASCII', 'renderTo2dContext'];

/** qrcode-generator's source without the methods of QR_DRAWING (each `_this.name = function…}`). */
export function withoutQrDrawing(source) {
  let text = source;
  for (const name of QR_DRAWING) {
    const head = `  _this.${name} = function(`;
    const start = text.indexOf(head);
    if (start < 0 || text.indexOf(head, start + 1) >= 0) throw new Error(`vendor/qrcode.mjs: expected "${head.trim()}" once`);
    let depth = 0;
    let end = text.indexOf('{', start);
    for (; end < text.length; end += 1) {
      if (text[end] === '{') depth += 1;
      else if (text[end] === '}' && (depth -= 1) === 0) break;
    }
    if (end === text.length) throw new Error(`vendor/qrcode.mjs: ${name} does not end`);
    text = text.slice(0, start) + text.slice(text[end + 1] === ';' ? end + 2 : end + 1);
  }
  return text;
}

// Browsers with WebAssembly, ES modules and `??` (the page's own code uses it).
const TARGET = ['chrome91', 'firefox90', 'safari15', 'edge91'];

// What the bundles of the page share: minified modules for TARGET, written by the caller.
const BUNDLE = {
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: TARGET,
  write: false,
  logLevel: 'silent',
  legalComments: 'none',
  // The QR encoder is for the kiosk only: kept as its own file, imported when a kiosk starts.
  external: ['./vendor/qrcode.mjs'],
};

// The page's styles: what every screen needs, then what only a kiosk and printing need (the public
// page loads the second when the app asks for it: web/later-styles.js).
export const STYLESHEETS = ['styles.css', 'styles-later.css'];

// Stands for a module the page imports with import(), in main.js's bundle, until the later
// bundle has named its file.
const LATER = './@later/';

export async function optimiseDist(dir) {
  const entry = join(dir, 'main.js');
  // The modules the app imports with import() (the result screen, the asides, the kiosk, the
  // frame's relay) are fetched when needed, each with what it imports: bundled apart, so that the
  // modules they share with main.js (dom.js, texts.js…) are copied into them rather than split out
  // of main.js into small chunks fetched before the first question (about 550 bytes brotli less
  // before it; none of those modules keeps a state that two copies could disagree on).
  const later = new Set();
  const bundled = await build({
    ...BUNDLE,
    entryPoints: [entry, join(dir, 'engine-worker.js')],
    // What main.js shares with engine-worker.js (the engine) goes to a chunk main.js imports,
    // preloaded by index.html.
    outdir: dir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    plugins: [{
      name: 'later',
      setup(build) {
        build.onResolve({ filter: /^\.\.?\// }, (args) => {
          if (args.kind !== 'dynamic-import' || args.path === BUNDLE.external[0]) return undefined;
          const module = relative(dir, resolve(args.resolveDir, args.path)).split(sep).join('/');
          later.add(module);
          return { path: `${LATER}${module}`, external: true };
        });
      },
    }],
  });
  const afterwards = await build({
    ...BUNDLE,
    entryPoints: [...later].map((module) => join(dir, module)),
    outdir: dir,
    // Beside main.js (where its import() looks), with a hash like every chunk.
    outbase: dir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
  });
  const files = new Map();
  for (const [output, { entryPoint }] of Object.entries(afterwards.metafile.outputs)) {
    if (entryPoint) files.set(relative(dir, resolve(entryPoint)).split(sep).join('/'), basename(output));
  }
  const outputs = [...afterwards.outputFiles, ...bundled.outputFiles.map((file) => {
    const text = file.text.replace(/"\.\/@later\/([^"]+)"/g, (_, module) => {
      if (!files.has(module)) throw new Error(`${module}: imported with import() but not bundled`);
      return `"./${files.get(module)}"`;
    });
    if (text.includes(LATER)) throw new Error(`${basename(file.path)}: an import() left unresolved`);
    return { path: file.path, contents: text };
  })];
  // styles.css and styles-later.css list the files of styles/ in the order the cascade needs
  // (@import): bundled, each becomes one minified file.
  const styles = await Promise.all(STYLESHEETS.map((sheet) => build({
    entryPoints: [join(dir, sheet)],
    bundle: true,
    minify: true,
    target: TARGET,
    write: false,
    logLevel: 'silent',
  })));
  // The kiosk's QR encoder, minified without what the page never calls.
  const qrFile = join(dir, 'vendor', 'qrcode.mjs');
  const qr = await transform(withoutQrDrawing(readFileSync(qrFile, 'utf8')), { loader: 'js', format: 'esm', minify: true, target: TARGET, legalComments: 'none' });
  for (const file of outputs) writeFileSync(file.path, file.contents);
  writeFileSync(qrFile, qr.code);
  preloadChunks(dir, outputs.find((file) => file.path === entry).contents);
  for (const [i, sheet] of STYLESHEETS.entries()) writeFileSync(join(dir, sheet), styles[i].outputFiles[0].contents);
  // The parts are inside the two sheets now: not deployed, not cached by the service worker.
  rmSync(join(dir, 'styles'), { recursive: true, force: true });
}

// The chunks main.js imports statically are fetched with it, not after it has been parsed.
function preloadChunks(dir, main) {
  // `from"./x.js"` and `import"./x.js"`, not `import("./x.js")` (fetched when needed).
  const chunks = [...main.matchAll(/\b(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)].map((match) => match[1]);
  if (!chunks.length) return;
  const file = join(dir, 'index.html');
  const marker = '<script type="module" src="main.js"></script>';
  const html = readFileSync(file, 'utf8');
  if (html.split(marker).length !== 2) throw new Error(`index.html: expected "${marker}" exactly once`);
  const links = [...new Set(chunks)].map((chunk) => `\n  <link rel="modulepreload" href="${chunk}">`).join('');
  writeFileSync(file, html.replace(marker, () => marker + links));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/optimise-dist.mjs DIR');
    process.exit(2);
  }
  optimiseDist(resolve(dir)).catch((error) => {
    console.error(`optimise-dist: ${error.message}`);
    process.exit(1);
  });
}
