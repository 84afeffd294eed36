import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/env.ts';
import { isSeccomError } from '../../errors/index.ts';
import { decodeWsq } from './index.ts';

const file = new Uint8Array(readFileSync(sharedData('wsq', 'cwsq-0.75', 'fvc2002_DB4_B_104_2.wsq')));

/** Offset of the first segment with this marker (walks the length-prefixed header segments). */
function segmentAt(bytes: Uint8Array, marker: number): number {
  let pos = 2;
  while (((bytes[pos]! << 8) | bytes[pos + 1]!) !== marker) pos += 2 + ((bytes[pos + 2]! << 8) | bytes[pos + 3]!);
  return pos;
}

function rejects(bytes: Uint8Array, code: string, opts = {}): Record<string, string | number> {
  let location: Record<string, string | number> | undefined;
  assert.throws(
    () => decodeWsq(bytes, opts),
    (e: unknown) => {
      assert.ok(isSeccomError(e), `not a SeccomError: ${e}`);
      assert.equal(e.code, code, e.message);
      location = e.location;
      return true;
    },
  );
  assert.ok(location && typeof location.offset === 'number', 'has a byte offset');
  return location;
}

test('every truncation fails as SECCOM_WSQ_TRUNCATED', () => {
  const dataStart = segmentAt(file, 0xffa3);
  const cuts = [];
  for (let n = 0; n < dataStart + 8; n++) cuts.push(n);
  for (let n = dataStart + 8; n < file.length; n += 61) cuts.push(n);
  cuts.push(file.length - 1, file.length - 2);
  for (const n of cuts) {
    const loc = rejects(file.subarray(0, n), 'SECCOM_WSQ_TRUNCATED');
    assert.ok((loc.offset as number) <= n, `offset ${loc.offset} within the ${n} bytes`);
  }
});

test('a file that is not WSQ fails at offset 0', () => {
  const loc = rejects(Uint8Array.of(0x89, 0x50, 0x4e, 0x47), 'SECCOM_WSQ_BAD_MARKER');
  assert.equal(loc.offset, 0);
});

test('a Huffman table whose counts overflow the code space is rejected where it is', () => {
  const bad = file.slice();
  const dht = segmentAt(bad, 0xffa6);
  bad[dht + 5] = 3; // three codes of length 1
  const loc = rejects(bad, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE');
  assert.equal(loc.offset, dht + 4);
  assert.equal(loc.marker, 'DHT');
  const badId = file.slice();
  badId[dht + 4] = 9;
  rejects(badId, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE');
});

test('a block using an undefined Huffman table is rejected', () => {
  const bad = file.slice();
  bad[segmentAt(bad, 0xffa3) + 4] = 5;
  rejects(bad, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE');
});

test('a tiny file claiming a huge frame fails before allocating', () => {
  // SOI, then SOF claiming 65535 x 65535: 21 bytes.
  const sof = Uint8Array.of(0xff, 0xa0, 0xff, 0xa2, 0, 17, 0, 255, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 1, 2, 0, 0);
  rejects(sof, 'SECCOM_WSQ_TOO_LARGE');
  // A real header patched to 9000 x 9000 (under the limit) with a few bytes of data.
  const big = file.slice(0, segmentAt(file, 0xffa3) + 12);
  const at = segmentAt(big, 0xffa2);
  big.set([0x23, 0x28, 0x23, 0x28], at + 6);
  rejects(big, 'SECCOM_WSQ_TRUNCATED');
  rejects(file, 'SECCOM_WSQ_TOO_LARGE', { maxPixels: 1000 });
});

test('frames under 32 pixels a side are refused', () => {
  const bad = file.slice();
  const at = segmentAt(bad, 0xffa2);
  bad.set([0, 16], at + 6);
  const loc = rejects(bad, 'SECCOM_WSQ_BAD_HEADER');
  assert.equal(loc.marker, 'SOF');
});

test('garbage in the entropy-coded data is a typed error, not a crash', () => {
  const bad = file.slice();
  const start = segmentAt(bad, 0xffa3) + 5;
  for (let i = start; i < start + 400; i++) bad[i] = 0xff;
  const e = (() => {
    try {
      decodeWsq(bad);
    } catch (err) {
      return err;
    }
    return undefined;
  })();
  assert.ok(isSeccomError(e) && e.code.startsWith('SECCOM_WSQ_'), String(e));
});
