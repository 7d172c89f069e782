#!/usr/bin/env node
// What a .wasm is made of: code bytes per family of functions (the project, nlohmann::json,
// iostreams and locale, the rest of libc++, libc…) and the data segment, from a module linked
// with function names (em++ --profiling-funcs); names are demangled with llvm-cxxfilt.
//
//   node bench/wasm-composition.mjs build/size/pdp-core-names.wasm [--top N]
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import process from 'node:process';

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at.offset++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return value;
    shift += 7;
  }
}

function readName(bytes, at) {
  const length = readU32(bytes, at);
  const text = new TextDecoder().decode(bytes.subarray(at.offset, at.offset + length));
  at.offset += length;
  return text;
}

/** Sections of a module: code bodies (index → size), function names, data bytes, other bytes. */
export function parseModule(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const at = { offset: 8 };
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  const sections = {};
  while (at.offset < bytes.length) {
    const id = bytes[at.offset++];
    const size = readU32(bytes, at);
    const end = at.offset + size;
    const inner = { offset: at.offset };
    if (id === 0) {
      const name = readName(bytes, inner);
      sections[`custom:${name}`] = (sections[`custom:${name}`] ?? 0) + size;
      if (name === 'name') {
        while (inner.offset < end) {
          const kind = bytes[inner.offset++];
          const length = readU32(bytes, inner);
          const next = inner.offset + length;
          if (kind === 1) {
            for (let n = readU32(bytes, inner); n > 0; n -= 1) {
              const index = readU32(bytes, inner);
              names.set(index, readName(bytes, inner));
            }
          }
          inner.offset = next;
        }
      }
    } else {
      const label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
        'start', 'element', 'code', 'data', 'datacount'][id] ?? `section${id}`;
      sections[label] = (sections[label] ?? 0) + size;
      if (id === 2) {
        for (let n = readU32(bytes, inner); n > 0; n -= 1) {
          readName(bytes, inner);
          readName(bytes, inner);
          const kind = bytes[inner.offset++];
          if (kind === 0) {
            importedFunctions += 1;
            readU32(bytes, inner);
          } else if (kind === 1) {
            inner.offset += 1;
            const flags = readU32(bytes, inner);
            readU32(bytes, inner);
            if (flags & 1) readU32(bytes, inner);
          } else if (kind === 2) {
            const flags = readU32(bytes, inner);
            readU32(bytes, inner);
            if (flags & 1) readU32(bytes, inner);
          } else if (kind === 3) {
            inner.offset += 2;
          }
        }
      } else if (id === 10) {
        for (let n = readU32(bytes, inner); n > 0; n -= 1) {
          const bodySize = readU32(bytes, inner);
          bodies.push({ index: importedFunctions + bodies.length, size: bodySize + 1 });
          inner.offset += bodySize;
        }
      }
    }
    at.offset = end;
  }
  return { bodies, names, sections };
}

// The family a demangled name belongs to: first match wins.
const FAMILIES = [
  ['project (pdp::)', /\bpdp::|^pdp_/],
  ['nlohmann::json', /nlohmann/],
  ['iostreams and locale', /basic_(i|o|io)stream|basic_(string|stream)buf|basic_[io]?stringstream|ios_base|\blocale\b|__locale|ctype|codecvt|num_(put|get)|numpunct|moneypunct|money_(put|get)|time_(put|get)|messages|collate|__stdoutbuf|__stdinbuf|DoIOSInit|ios_base|__num_(put|get)|__time_/],
  ['libc++ strings, containers, other', /^std::|^void std::|^(unsigned |signed )?(long |int |char |bool |double )?std::|__cxa|__cxxabiv1|operator new|operator delete|abi::/],
  ['libc (printf, strtod, malloc…)', /^(v?s?n?printf|vf?printf|fmt_|pop_arg|printf_core|out|pad|strto|__strto|scan|__floatscan|__intscan|decfloat|hexfloat|scalbn|frexp|fmod|memchr|memcpy|memmove|memset|memcmp|strlen|strcmp|strchr|__stdio|__towrite|__fwritex|fwrite|dlmalloc|dlfree|dlrealloc|emmalloc|malloc|free|realloc|calloc|sbrk|__|emscripten_|_emscripten|std::uncaught|abort|wctomb|wcrtomb|mbrtowc|mbtowc|snprintf|isw|tolower|toupper|copysign|log|exp|pow|floor|ceil|round|trunc|atoi|strtol|getenv|stack|dynCall)/],
];

function familyOf(name) {
  for (const [family, pattern] of FAMILIES) if (pattern.test(name)) return family;
  return 'other (unnamed or unmatched)';
}

function demangle(names) {
  const result = spawnSync('llvm-cxxfilt', { input: names.join('\n'), maxBuffer: 1 << 28 });
  if (result.status !== 0) return names;
  const lines = result.stdout.toString().split('\n');
  return names.map((name, i) => lines[i] || name);
}

/** Code bytes per family, the largest functions, and the other sections' bytes. */
export function composition(bytes, { top = 15 } = {}) {
  const { bodies, names, sections } = parseModule(bytes);
  const demangled = demangle(bodies.map((body) => names.get(body.index) ?? `function${body.index}`));
  const families = new Map();
  const functions = bodies.map((body, i) => ({ name: demangled[i], size: body.size, family: familyOf(demangled[i]) }));
  for (const fn of functions) {
    const family = families.get(fn.family) ?? { bytes: 0, count: 0 };
    family.bytes += fn.size;
    family.count += 1;
    families.set(fn.family, family);
  }
  functions.sort((a, b) => b.size - a.size);
  return { families, largest: functions.slice(0, top), sections, total: bytes.length };
}

function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/wasm-composition.mjs MODULE.wasm [--top N]');
    process.exit(2);
  }
  const topAt = process.argv.indexOf('--top');
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 15;
  const { families, largest, sections, total } = composition(readFileSync(file), { top });
  const code = sections.code ?? 0;
  console.log(`${file}: ${total} bytes; code ${code}, data ${sections.data ?? 0}, names ${sections['custom:name'] ?? 0}`);
  console.log('\ncode by family (bytes, share of code, functions):');
  for (const [family, { bytes: size, count }] of [...families].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`  ${String(size).padStart(8)}  ${((100 * size) / code).toFixed(1).padStart(5)}%  ${String(count).padStart(5)}  ${family}`);
  }
  console.log(`\nlargest ${top} functions:`);
  for (const fn of largest) console.log(`  ${String(fn.size).padStart(7)}  ${fn.name.slice(0, 150)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
