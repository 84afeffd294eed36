import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/env.ts';
import { SeccomError, type ErrorCode } from '../../errors/index.ts';
import { parseAnsiNist, readAnsiNist } from './index.ts';

const tpcard = readFileSync(sharedData('ansi-nist', 'nist-references', 'type-4-tpcard.an2'));
const tip = readFileSync(sharedData('ansi-nist', 'nist-references', 'type-14-tip-eji-wsq.an2'));
const latin = (s: string) => Buffer.from(s, 'latin1');

function throwsWith(bytes: Uint8Array, code: ErrorCode, location: Record<string, string | number>) {
  assert.throws(
    () => readAnsiNist(bytes),
    (e: unknown) => {
      assert.ok(e instanceof SeccomError, String(e));
      assert.equal(e.code, code, e.message);
      assert.deepEqual(e.location, location, e.message);
      return true;
    },
  );
}

function edit(src: Uint8Array, at: number, bytes: number[] | Uint8Array): Buffer {
  const out = Buffer.from(src);
  out.set(bytes, at);
  return out;
}

/** Offset of the n-th (0-based) record start, found by reading the valid file. */
const recordAt = (src: Uint8Array, n: number) => parseAnsiNist(src).recordOffsets[n]!;

test('a 20-byte file claiming a 2 GB record fails at once without allocating', () => {
  throwsWith(latin('1.001:2147483647\x1d1.0'), 'SECCOM_ANSI_NIST_TRUNCATED', { record: 1, offset: 17 });
  const huge = edit(tpcard, recordAt(tpcard, 2), [0x7f, 0xff, 0xff, 0xff]);
  throwsWith(huge.subarray(0, recordAt(tpcard, 2) + 20), 'SECCOM_ANSI_NIST_LEN_MISMATCH', {
    record: 3,
    field: '4.001',
    offset: recordAt(tpcard, 2),
  });
});

test('truncated files name the record and offset', () => {
  throwsWith(tpcard.subarray(0, 100), 'SECCOM_ANSI_NIST_TRUNCATED', { record: 1, field: '1.003', offset: 27 });
  const cut = recordAt(tpcard, 5) + 10;
  throwsWith(tpcard.subarray(0, cut), 'SECCOM_ANSI_NIST_TRUNCATED', { record: 6, offset: recordAt(tpcard, 5) });
  throwsWith(tpcard.subarray(0, recordAt(tpcard, 15)), 'SECCOM_ANSI_NIST_TRUNCATED', { record: 16, offset: recordAt(tpcard, 15) });
  throwsWith(new Uint8Array(0), 'SECCOM_ANSI_NIST_TRUNCATED', { record: 1, offset: 0 });
});

test('a wrong LEN in a tagged record is reported at its LEN field', () => {
  // 2.001:57 -> 2.001:58: the record still ends at its FS, so the mismatch is a violation.
  const at = recordAt(tpcard, 1);
  const bad = edit(tpcard, at + 7, latin('8'));
  throwsWith(bad, 'SECCOM_ANSI_NIST_LEN_MISMATCH', { record: 2, field: '2.001', offset: at });
  // In a tagged image record LEN locates the end, so a wrong LEN misplaces the closing FS.
  const t14 = recordAt(tip, 2);
  const digit = tip[t14 + 7]!;
  const off = edit(tip, t14 + 7, [digit === 0x39 ? 0x38 : digit + 1]);
  const e = (() => {
    try {
      readAnsiNist(off);
    } catch (err) {
      return err as SeccomError;
    }
    return undefined;
  })();
  assert.ok(e && ['SECCOM_ANSI_NIST_BAD_SEPARATOR', 'SECCOM_ANSI_NIST_LEN_MISMATCH'].includes(e.code), e?.message);
  assert.equal(e.location?.record, 3);
});

test('bad separators and tags are located', () => {
  // The FS closing Type-1 becomes GS: the Type-2 fields then sit in the Type-1 record.
  const fs = recordAt(tpcard, 1) - 1;
  // The reader then expects a Type-2 record where the first Type-4 starts; the earlier violation rides along.
  const merged = edit(tpcard, fs, [0x1d]);
  throwsWith(merged, 'SECCOM_ANSI_NIST_BAD_TAG', { record: 2, offset: recordAt(tpcard, 2) });
  try {
    readAnsiNist(merged);
  } catch (e) {
    const first = ((e as SeccomError).details as { violations: { code: string; location: unknown }[] }).violations[0]!;
    assert.equal(first.code, 'SECCOM_ANSI_NIST_BAD_TAG');
    assert.deepEqual(first.location, { record: 1, field: '2.001', offset: fs + 1 });
  }
  throwsWith(edit(tpcard, 3, latin('x')), 'SECCOM_ANSI_NIST_BAD_TAG', { record: 1, offset: 3 });
  // The FS after a tagged record's image data becomes a GS.
  const end = recordAt(tip, 3) - 1;
  throwsWith(edit(tip, end, [0x1d]), 'SECCOM_ANSI_NIST_BAD_SEPARATOR', { record: 3, field: '14.999', offset: end });
});

test('CNT and IDC consistency', () => {
  // 1.003:1<US>15 -> 1<US>14
  const cnt = edit(tpcard, tpcard.indexOf(latin('1.003:1\x1f15')) + 9, latin('4'));
  throwsWith(cnt, 'SECCOM_ANSI_NIST_CNT_MISMATCH', { record: 1, field: '1.003', offset: 21 });
  const idcAt = recordAt(tpcard, 2) + 4;
  throwsWith(edit(tpcard, idcAt, [9]), 'SECCOM_ANSI_NIST_IDC_MISMATCH', { record: 3, field: '4.002', offset: recordAt(tpcard, 2) });
  const extra = Buffer.concat([tpcard, latin('junk')]);
  throwsWith(extra, 'SECCOM_ANSI_NIST_CNT_MISMATCH', { record: 16, offset: tpcard.length });
});

test('bogus Type-4 headers: zero width, unknown GCA, impossible finger position', () => {
  const at = recordAt(tpcard, 2);
  throwsWith(edit(tpcard, at + 13, [0, 0]), 'SECCOM_ANSI_NIST_BAD_IMAGE_HEADER', { record: 3, field: '4.006', offset: at });
  throwsWith(edit(tpcard, at + 17, [9]), 'SECCOM_ANSI_NIST_BAD_IMAGE_HEADER', { record: 3, field: '4.008', offset: at });
  throwsWith(edit(tpcard, at + 6, [42]), 'SECCOM_ANSI_NIST_BAD_IMAGE_HEADER', { record: 3, field: '4.004', offset: at });
  // GCA 0 (uncompressed) on WSQ data is only a warning: the data is not what the header says.
  const { violations } = parseAnsiNist(edit(tpcard, at + 17, [0]));
  assert.deepEqual(
    violations.map((v) => [v.severity, v.code, v.location.field]),
    [['warning', 'SECCOM_ANSI_NIST_BAD_IMAGE_HEADER', '4.008']],
  );
});

test('8-bit text without a DCS declaring it is a character-set violation', () => {
  const at = tpcard.indexOf(latin('domain defined'));
  throwsWith(edit(tpcard, at, [0xe9]), 'SECCOM_ANSI_NIST_CHARSET', { record: 2, field: '2.003', offset: at });
});
