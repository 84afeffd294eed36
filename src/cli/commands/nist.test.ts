import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import type { CliIO } from '../command.ts';
import { sharedData } from '../../../test/support/env.ts';
import { sampleCar } from '../../../test/support/ebts-sample.ts';
import { buildTenprint } from '../../formats/ebts/index.ts';
import { readAnsiNist, setField, sha256Hex, writeAnsiNist } from '../../formats/ansi-nist/index.ts';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const tpcard = sharedData('ansi-nist', 'nist-references', 'type-4-tpcard.an2');
const tmp = mkdtempSync(join(tmpdir(), 'seccom-nist-'));

test('nist dump --json prints records, fields and image hashes', async () => {
  const io = capture();
  assert.equal(await main(['nist', 'dump', tpcard, '--json'], io), 0);
  const out = JSON.parse(io.stdout.join(''));
  assert.equal(out.records.length, 16);
  assert.deepEqual(out.records[0].type, 1);
  assert.equal(out.records[0].idc, null);
  assert.equal(out.records[0].fields['1.002'], '0400');
  assert.deepEqual(out.records[0].fields['1.003'][1], ['2', '00']);
  const t4 = out.records[2];
  assert.deepEqual([t4.type, t4.idc, t4.fields['4.006'], t4.fields['4.004']], [4, 1, '804', [['1', '255', '255', '255', '255', '255']]]);
  const payload = readFileSync(sharedData('ansi-nist', 'an2k2txt-payloads.tsv'), 'latin1')
    .split('\n')
    .find((l) => l.startsWith('nist-references/type-4-tpcard.an2\tfld_3_9.tmp'))!
    .split('\t');
  assert.deepEqual(t4.fields['4.009'], { bytes: Number(payload[2]), sha256: payload[3] });
});

test('nist dump prints the an2k2txt lines', async () => {
  const io = capture();
  assert.equal(await main(['nist', 'dump', tpcard], io), 0);
  const lines = io.stdout.join('').split('\n');
  assert.equal(lines[0], '1.1.1.1 [1.001]=250');
  assert.ok(lines.includes('1.3.2.2 [1.003]=00'));
  assert.match(lines.find((l) => l.startsWith('3.9.1.1 [4.009]'))!, /^3\.9\.1\.1 \[4\.009\]=<binary \d+ bytes sha256 [0-9a-f]{64}>$/);
});

test('nist validate: 0 for a valid file, non-zero listing each violation', async () => {
  const ok = capture();
  assert.equal(await main(['nist', 'validate', tpcard], ok), 0);
  assert.match(ok.stdout.at(-1)!, /valid$/);

  const bad = Buffer.from(readFileSync(tpcard));
  bad[bad.indexOf('2.001:57') + 7] = 0x38; // LEN 57 -> 58
  const path = join(tmp, 'bad.an2');
  writeFileSync(path, bad);
  const io = capture();
  assert.equal(await main(['nist', 'validate', path], io), 4);
  assert.match(io.stdout[0]!, /SECCOM_ANSI_NIST_LEN_MISMATCH: LEN says 58 bytes, the record has 57 \(record 2, field 2.001, offset \d+\)/);

  const cut = join(tmp, 'cut.an2');
  writeFileSync(cut, readFileSync(tpcard).subarray(0, 1000));
  const io2 = capture();
  assert.notEqual(await main(['nist', 'validate', cut, '--json'], io2), 0);
  const report = JSON.parse(io2.stdout.join(''));
  assert.equal(report.valid, false);
  assert.equal(report.violations[0].code, 'SECCOM_ANSI_NIST_LEN_MISMATCH');
});

test('nist validate --tot applies the EBTS rules of that TOT', async () => {
  const car = join(tmp, 'car.an2');
  writeFileSync(car, buildTenprint(sampleCar()));
  assert.equal(await main(['nist', 'validate', car, '--tot', 'CAR'], capture()), 0);
  const io = capture();
  assert.notEqual(await main(['nist', 'validate', tpcard, '--tot', 'CAR'], io), 0);
  assert.ok(io.stdout.some((l) => /SECCOM_EBTS_MISSING_FIELD: T2_NAM/.test(l)));
  assert.ok(io.stdout.some((l) => /SECCOM_EBTS_BAD_FIELD: 1.004 TOT is "AMN", validated as CAR/.test(l)));
});

test('nist convert traditional -> XML -> traditional gives the same bytes; XML validates', async () => {
  const src = join(tmp, 'car2.an2');
  const bytes = buildTenprint(sampleCar());
  writeFileSync(src, bytes);
  const xml = join(tmp, 'car2.xml');
  const back = join(tmp, 'car2-back.an2');
  assert.equal(await main(['nist', 'convert', src, xml], capture()), 0);
  assert.equal(await main(['nist', 'validate', xml, '--tot', 'CAR'], capture()), 0);
  assert.equal(await main(['nist', 'convert', xml, back], capture()), 0);
  assert.equal(sha256Hex(readFileSync(back)), sha256Hex(bytes));
  assert.equal(await main(['nist', 'convert', tpcard, join(tmp, 'tpcard.xml')], capture()), 0);
  const io = capture();
  const std = sharedData('ansi-nist', 'nist-references', 'type-9-13-std.an2');
  assert.equal(await main(['nist', 'convert', std, join(tmp, 'std.xml')], io), 4);
  assert.match(io.stderr.join(''), /SECCOM_ANSI_NIST_XML_UNMAPPED: field 9.005 has no XML mapping/);
  // A Type-8 signature converts, but this NBIS file has no DOM, which the XSD requires: refused, saying so.
  const noDom = capture();
  assert.equal(await main(['nist', 'convert', sharedData('ansi-nist', 'nbis-testdata', 'sign_vec.an2'), join(tmp, 'sig.xml')], noDom), 4);
  assert.match(noDom.stderr.join(''), /SECCOM_ANSI_NIST_XML_INVALID: .* fails the XSDs \(the transaction has no 1.013 DOM/);
  // With a DOM it converts, vectors and all, and comes back as the same bytes.
  const sig = readAnsiNist(readFileSync(sharedData('ansi-nist', 'nbis-testdata', 'sign_vec.an2')));
  setField(sig.records[0]!, 13, [['NORAM', '']]);
  const sigBytes = writeAnsiNist(sig);
  writeFileSync(join(tmp, 'sig.an2'), sigBytes);
  assert.equal(await main(['nist', 'convert', join(tmp, 'sig.an2'), join(tmp, 'sig.xml')], capture()), 0);
  assert.equal(await main(['nist', 'convert', join(tmp, 'sig.xml'), join(tmp, 'sig-back.an2')], capture()), 0);
  assert.equal(sha256Hex(readFileSync(join(tmp, 'sig-back.an2'))), sha256Hex(sigBytes));
});

test('nist usage errors', async () => {
  assert.equal(await main(['nist', 'frobnicate'], capture()), 2);
  assert.equal(await main(['nist', 'dump'], capture()), 2);
  assert.equal(await main(['nist', 'dump', join(tmp, 'missing.an2')], capture()), 5);
});
