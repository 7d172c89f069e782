// The kiosk's pieces that need no browser: its settings from an address (a bad value gives the
// default), and the summary its QR code carries, for every persona (the core's responses from the
// command line): it fits the code, names the outcome and the measures, and reads back exactly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import qrcode from 'qrcode-generator';
import { KIOSK_DEFAULTS, kioskFlag, kioskFromAddress, kioskSettings } from '../../web/kiosk.js';
import { QR_MAX_BYTES, QR_MAX_VERSION, QR_QUIET_ZONE, qrModules, qrVersion } from '../../web/qr.js';
import { summaryText, utf8Length } from '../../web/summary-text.js';
import { createTexts } from '../../web/texts.js';

const root = process.env.PDP_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.PDP_ASSESS ?? join(root, 'build', 'dev', 'src', 'cli', 'pdp-assess');

describe('kiosk settings', () => {
  test('?kiosk alone, ?kiosk=1 or ?kiosk=true turn the kiosk on with the defaults (120 s, then 20 s)', () => {
    for (const search of ['?kiosk', '?kiosk=1', '?kiosk=true', '?lang=en&kiosk']) {
      assert.deepEqual(kioskFromAddress(search), { idleSeconds: 120, countdownSeconds: 20 }, search);
    }
    assert.deepEqual(KIOSK_DEFAULTS, { idleSeconds: 120, countdownSeconds: 20 });
  });

  test('no kiosk parameter, or kiosk=0/false/off/no, leaves the kiosk off', () => {
    for (const search of ['', '?lang=fr', '?kiosk=0', '?kiosk=false', '?kiosk=OFF', '?kiosk=no', '?idle=30']) {
      assert.equal(kioskFromAddress(search), null, search);
    }
    assert.equal(kioskFlag(null), false);
    assert.equal(kioskFlag(''), true, 'a boolean attribute present with no value means on');
  });

  test('idle= and countdown= in whole seconds are taken', () => {
    assert.deepEqual(kioskFromAddress('?kiosk&idle=30&countdown=5'), { idleSeconds: 30, countdownSeconds: 5 });
    assert.deepEqual(kioskSettings({ idleSeconds: 45, countdownSeconds: '10' }), { idleSeconds: 45, countdownSeconds: 10 });
  });

  test('a bad idle or countdown value falls back to its default and never breaks the kiosk', () => {
    for (const bad of ['abc', '-5', '0', '1.5', '1e3', '', '99999', ' ', '30s']) {
      assert.deepEqual(
        kioskFromAddress(`?kiosk&idle=${encodeURIComponent(bad)}&countdown=${encodeURIComponent(bad)}`),
        { idleSeconds: 120, countdownSeconds: 20 },
        `idle=${bad}`,
      );
    }
    assert.deepEqual(kioskSettings(null), KIOSK_DEFAULTS);
    assert.deepEqual(kioskSettings({ idleSeconds: Number.NaN, countdownSeconds: {} }), KIOSK_DEFAULTS);
  });
});

// The core's response to a persona's answers, on its date, worded in French (as the page words it).
function respond(persona) {
  const answers = Object.fromEntries(persona.steps.map((step) => [step.question, step.answer]));
  const run = spawnSync(cli, ['assess', '--texts', '-'], {
    input: JSON.stringify({ answers, date: persona.date, locale: 'fr' }),
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `pdp-assess assess failed (${cli}): ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout);
}

// Draws the modules 4 px each with the quiet zone, as RGBA, and lets jsQR read them.
function readBack(modules) {
  const scale = 4;
  const size = (modules.length + 2 * QR_QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const row = Math.floor(y / scale) - QR_QUIET_ZONE;
      const col = Math.floor(x / scale) - QR_QUIET_ZONE;
      if (modules[row]?.[col]) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  const found = jsQR(data, size, size);
  assert.ok(found, 'jsQR reads the code');
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(found.binaryData));
}

describe('the summary in the QR code', () => {
  const t = createTexts(JSON.parse(readFileSync(join(root, 'rules', 'locales', 'fr.json'), 'utf8')).ui, 'fr');
  const folder = join(root, 'tests', 'scenarios');
  const personas = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((file) => ({ file, ...JSON.parse(readFileSync(join(folder, file), 'utf8')) }));

  for (const persona of personas) {
    test(`${persona.file}: fits a version ${QR_MAX_VERSION} code, names the outcome, measures and ways to ask, reads back exactly`, () => {
      const response = respond(persona);
      const text = summaryText(response, t, QR_MAX_BYTES);
      assert.ok(utf8Length(text) <= QR_MAX_BYTES, `${utf8Length(text)} bytes`);
      assert.ok(text.includes(response.outcome.title), 'the outcome');
      for (const item of [...response.measures, ...response.programmes, ...response.channels]) {
        assert.ok(text.includes(item.title), `"${item.title}"`);
      }
      for (const entry of response.to_check ?? []) assert.ok(text.includes(entry.label), `to check: "${entry.label}"`);
      assert.ok(text.includes(response.notices.indicative), 'the indicative notice');
      if (response.channels.length) {
        assert.match(text, /36 46/);
        assert.match(text, /ameli/);
        // How to ask in full (the words to say at the 36 46) fits every persona.
        assert.match(text, /service social/);
      } else {
        // Another body handles the case (a civil servant, the MSA): never the 36 46, and where to
        // turn instead.
        assert.doesNotMatch(text, /36 46/);
        assert.ok(response.next_steps.length > 0);
        for (const step of response.next_steps) assert.ok(text.includes(step.title), `"${step.title}"`);
      }

      const modules = qrModules(qrcode, text);
      assert.ok(qrVersion(modules) <= QR_MAX_VERSION, `version ${qrVersion(modules)}`);
      assert.equal(readBack(modules), text);
    });
  }

  test('a summary too long for the budget is shortened: the people and the steps go before how to ask', () => {
    const response = respond(personas.find((p) => p.file === 'independant-indemnisation-incertaine.json'));
    const full = summaryText(response, t);
    for (const actor of response.actors) assert.ok(full.includes(actor.title), 'the full summary names the people');
    const short = summaryText(response, t, utf8Length(full) - 1);
    assert.ok(utf8Length(short) < utf8Length(full));
    for (const actor of response.actors) assert.ok(!short.includes(actor.title), `"${actor.title}" dropped first`);
    assert.ok(short.includes(response.channels[1].how), 'how to ask is kept');
    const shortest = summaryText(response, t, 10);
    assert.ok(!shortest.includes(response.channels[1].how), 'at last, the ways to ask by title only');
    assert.ok(shortest.includes(response.channels[1].title));
  });

  test('a text that would need a version 23 code gets a version 24 one, which jsQR reads', () => {
    // At level L version 22 holds 1003 bytes at most, version 23 1091.
    const text = 'Résumé à emporter. '.repeat(50).slice(0, 900);
    assert.ok(utf8Length(text) > 1003 && utf8Length(text) <= 1091, `${utf8Length(text)} bytes`);
    const modules = qrModules(qrcode, text);
    assert.equal(qrVersion(modules), 24);
    assert.equal(readBack(modules), text);
  });

  test('a text longer than a code may hold is refused, never cut', () => {
    assert.throws(() => qrModules(qrcode, 'é'.repeat(QR_MAX_BYTES)), RangeError);
  });

  test('a programme to confirm on the date says so, with its note at the most detailed level', () => {
    const response = respond(personas.find((p) => p.file === 'independant-2026-hors-periode.json'));
    const programme = response.programmes.find((item) => item.period_status === 'to_confirm');
    assert.ok(programme?.date_note, 'the persona has a programme to confirm, with its note');
    const full = summaryText(response, t);
    assert.ok(full.includes(`${programme.title} (à confirmer)`), 'the status beside the title');
    assert.ok(full.includes(programme.date_note), 'the note in full');
    const shortest = summaryText(response, t, 10);
    assert.ok(shortest.includes(`${programme.title} (à confirmer)`), 'the status is never dropped');
    assert.ok(!shortest.includes(programme.date_note));
    const inForce = response.programmes.find((item) => item.period_status === 'in_force');
    assert.ok(!full.includes(`${inForce.title} (`), 'a programme in force has no status');
  });

  test('a condition the sources leave open (to_check without a question) is named by its label', () => {
    const response = respond(personas.find((p) => p.file === 'independant-sans-arret-activite-menacee.json'));
    const entry = (response.to_check ?? []).find((item) => !item.question);
    assert.ok(entry?.criterion, 'the persona has a to_check entry about a criterion');
    const text = summaryText(response, t);
    assert.ok(text.includes(`- ${entry.label}`));
    assert.ok(!text.includes('undefined'));
  });
});
