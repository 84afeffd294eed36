import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ansiNistFiles } from '../../../test/support/ansi-nist-files.ts';
import { SeccomError } from '../../errors/index.ts';
import { binaryField, fieldValue, parseAnsiNist, readAnsiNist, setField, textField, writeAnsiNist, type AnsiNistFile } from './index.ts';

test('write(read(file)) gives the same bytes for every file', () => {
  for (const f of ansiNistFiles()) {
    const bytes = readFileSync(f.path);
    const out = writeAnsiNist(readAnsiNist(bytes));
    assert.ok(Buffer.from(out).equals(bytes), f.name);
  }
});

function minimal(): AnsiNistFile {
  return {
    records: [
      {
        type: 1,
        encoding: 'tagged',
        fields: [
          textField(1, 1, [['0']]),
          textField(1, 2, [['0500']]),
          textField(1, 3, [['1', '2'], ['2', '00'], ['4', '01']]),
          textField(1, 4, [['CAR']]),
        ],
      },
      { type: 2, encoding: 'tagged', fields: [textField(2, 1, [['0']]), textField(2, 2, [['00']]), textField(2, 18, [['DOE,JANE']])] },
      {
        type: 4,
        encoding: 'binary',
        fields: [
          textField(4, 1, [['0']]),
          textField(4, 2, [['1']]),
          textField(4, 3, [['1']]),
          textField(4, 4, [['2']]),
          textField(4, 5, [['0']]),
          textField(4, 6, [['2']]),
          textField(4, 7, [['2']]),
          textField(4, 8, [['0']]),
          binaryField(4, 9, Uint8Array.of(1, 2, 3, 4)),
        ],
      },
    ],
  };
}

test('LEN fields are computed, including the digit-count fixed point of tagged records', () => {
  const bytes = writeAnsiNist(minimal());
  const { file, violations } = parseAnsiNist(bytes);
  assert.deepEqual(violations, []);
  const t1 = Buffer.from(bytes).toString('latin1').split('\x1c')[0]!;
  assert.equal(fieldValue(file.records[0]!, 1), String(t1.length + 1));
  assert.equal(fieldValue(file.records[2]!, 1), String(18 + 4));
  assert.deepEqual(file.records[2]!.fields[3], textField(4, 4, [['2', '255', '255', '255', '255', '255']]));
});

test('a record that grows past a power of ten gets a longer LEN (99, then 101: 100 is no fixed point)', () => {
  const f = minimal();
  setField(f.records[1]!, 18, [['X'.repeat(74)]]);
  const short = parseAnsiNist(writeAnsiNist(f));
  assert.equal(fieldValue(short.file.records[1]!, 1), '99');
  setField(f.records[1]!, 18, [['X'.repeat(75)]]);
  const long = parseAnsiNist(writeAnsiNist(f));
  assert.deepEqual(long.violations, []);
  assert.equal(fieldValue(long.file.records[1]!, 1), '101');
});

test('UTF-8 values are written as UTF-8 only when 1.015 DCS declares it', () => {
  const f = minimal();
  setField(f.records[1]!, 18, [['ŁUKASZ,ŻANETA']]);
  assert.throws(() => writeAnsiNist(f), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_UNENCODABLE');
  setField(f.records[0]!, 15, [['003', 'UTF-8']]);
  const back = readAnsiNist(writeAnsiNist(f));
  assert.equal(fieldValue(back.records[1]!, 18), 'ŁUKASZ,ŻANETA');
});

test('values holding separators, wrong tags and out-of-range binary headers are refused', () => {
  const sep = minimal();
  setField(sep.records[1]!, 18, [['A\x1dB']]);
  assert.throws(() => writeAnsiNist(sep), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_UNENCODABLE' && e.location?.field === '2.018');
  const tag = minimal();
  tag.records[1]!.fields[2]!.tag = '3.018';
  assert.throws(() => writeAnsiNist(tag), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_UNENCODABLE');
  const hll = minimal();
  setField(hll.records[2]!, 6, [['70000']]);
  assert.throws(() => writeAnsiNist(hll), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_UNENCODABLE' && e.location?.field === '4.006');
});

test('a 200 KB text value (an EBTS rap sheet) reads and writes back', () => {
  const f = minimal();
  const ers = 'LINE OF A RAP SHEET\r\n'.repeat(10_000);
  setField(f.records[1]!, 75, [[ers]]);
  const bytes = writeAnsiNist(f);
  const back = readAnsiNist(bytes);
  assert.equal(fieldValue(back.records[1]!, 75), ers);
  assert.ok(Buffer.from(writeAnsiNist(back)).equals(Buffer.from(bytes)));
});
