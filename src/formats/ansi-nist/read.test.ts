import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ansiNistFiles, dumpEntries, payloadRows } from '../../../test/support/ansi-nist-files.ts';
import { an2kText, binaryField, errorsOf, imageOf, parseAnsiNist, readAnsiNist, sha256Hex, fieldValue, textField, type AnRecord } from './index.ts';
import { imageHeaderViolations } from './images.ts';

const files = ansiNistFiles();

test('the shared data holds the 52 ANSI/NIST-ITL files, 50 of them with an an2k2txt dump', () => {
  assert.equal(files.length, 52);
  assert.equal(files.filter((f) => f.dumpPath).length, 50);
});

test('every item of every file equals the NBIS an2k2txt dump, in order', () => {
  let entries = 0;
  for (const f of files.filter((x) => x.dumpPath)) {
    const file = readAnsiNist(readFileSync(f.path));
    const ours = an2kText(file, (r, fi) => `fld_${r}_${fi}.tmp`).split('\x1f\n');
    ours.pop();
    const golden = dumpEntries(f.dumpPath!);
    assert.deepEqual(ours, golden, f.name);
    entries += golden.length;
  }
  assert.ok(entries > 12_000, `${entries} entries compared`);
});

test('every binary field equals the payload NBIS extracted (size and SHA-256)', () => {
  const byName = new Map(files.map((f) => [f.name, f]));
  const rows = payloadRows();
  assert.equal(rows.length, 172);
  for (const row of rows) {
    const f = byName.get(row.file);
    assert.ok(f, row.file);
    const m = /^fld_(\d+)_(\d+)\.tmp$/.exec(row.payload)!;
    const field = readAnsiNist(readFileSync(f.path)).records[Number(m[1]) - 1]!.fields[Number(m[2]) - 1]!;
    assert.equal(field.kind, 'binary', `${row.file} ${row.payload}`);
    if (field.kind !== 'binary') continue;
    assert.equal(field.bytes.length, row.bytes, `${row.file} ${row.payload}`);
    assert.equal(sha256Hex(field.bytes), row.sha256, `${row.file} ${row.payload}`);
  }
});

test('the two files an2k2txt refused (1.015 DCS) parse, UTF-8 text decoded', () => {
  const utf8 = files.find((f) => f.name.endsWith('type-14-amp-nqm-utf8.an2'))!;
  const { file, violations } = parseAnsiNist(readFileSync(utf8.path));
  assert.deepEqual(errorsOf(violations), []);
  assert.equal(fieldValue(file.records[1]!, 3), 'two chinese characters: 華裔');
  const face = files.find((f) => f.name.endsWith('face_jpb_DOM_GMT_DCS.an2'))!;
  const parsed = parseAnsiNist(readFileSync(face.path));
  assert.deepEqual(errorsOf(parsed.violations), []);
  assert.deepEqual(parsed.file.records[0]!.fields.find((x) => x.num === 15), {
    kind: 'text',
    num: 15,
    tag: '1.015',
    subfields: [['000', 'ASCII 7-bit English', '000']],
  });
  assert.equal(imageOf(parsed.file.records[1]!)?.compression, 'JPEGB');
});

test('old 1.01: tags are read as field numbers and kept as written', () => {
  const f = files.find((x) => x.name.endsWith('valid1.1.an2'))!;
  const type1 = readAnsiNist(readFileSync(f.path)).records[0]!;
  assert.equal(type1.fields[0]!.tag, '1.01');
  assert.equal(type1.fields[0]!.num, 1);
  assert.equal(fieldValue(type1, 4), 'CAR');
});

test('image headers: Type-4 FGP, IMP, HLL, VLL, GCA and tagged CGA/SLC/THPS', () => {
  const f = files.find((x) => x.name.endsWith('type-4-tpcard.an2'))!;
  const file = readAnsiNist(readFileSync(f.path));
  const first = imageOf(file.records[2]!)!;
  assert.deepEqual(
    { type: first.recordType, idc: first.idc, w: first.width, h: first.height, c: first.compression, fgp: first.positions, imp: first.impression },
    { type: 4, idc: 1, w: 804, h: 752, c: 'WSQ20', fgp: [1], imp: 3 },
  );
  assert.deepEqual([first.data[0], first.data[1]], [0xff, 0xa0]);
  const t14 = files.find((x) => x.name.endsWith('type-14-tpcard-nqm.an2'))!;
  const img = imageOf(readAnsiNist(readFileSync(t14.path)).records[2]!)!;
  assert.equal(img.recordType, 14);
  assert.equal(img.compression, 'WSQ20');
  assert.equal(img.ppi, 500);
  assert.equal(img.bitsPerPixel, 8);
});

test('reference files have no errors; placeholder payloads of the NBIS test files are warnings only', () => {
  let warned = 0;
  for (const f of files) {
    const { violations } = parseAnsiNist(readFileSync(f.path));
    assert.deepEqual(errorsOf(violations), [], f.name);
    warned += violations.length;
  }
  assert.ok(warned > 0);
});

test('image header checks apply to records that have an image header: not Type-21, nor a Type-20 without HLL', () => {
  const rec = (type: number, fields: [number, string][]): AnRecord => ({
    type,
    encoding: 'tagged',
    fields: [...fields.map(([n, v]) => textField(type, n, [[v]])), binaryField(type, 999, new Uint8Array([1, 2, 3]))],
  });
  assert.deepEqual(imageHeaderViolations(rec(21, [[2, '1'], [15, 'WAV'], [21, '1']])), []);
  assert.deepEqual(imageHeaderViolations(rec(20, [[2, '1'], [15, 'MP3'], [21, '1']])), []);
  // A Type-20 still image has HLL, VLL and CGA, and they are checked.
  const still = imageHeaderViolations(rec(20, [[2, '1'], [6, '0'], [7, '480'], [11, 'NONE']]));
  assert.deepEqual(still.map((v) => [v.field, v.severity]), [['20.006', 'error']]);
});
