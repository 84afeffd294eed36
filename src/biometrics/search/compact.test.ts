import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packTemplate } from '../match/packed-template.ts';
import type { FingerTemplate } from '../template.ts';
import { decodeFinger, decodeRecord, encodeRecord, fingerCount, fingerOffsets, fingerPosition, MAX_RECORD_FINGERS } from './compact.ts';
import { seededRandom } from './random.ts';
import { syntheticFinger } from './synthetic.ts';
import { randomFlow, testPerson } from './testing.ts';

function finger(seed: number, position: number): FingerTemplate {
  return syntheticFinger(randomFlow(seed), seededRandom(seed), position);
}

test('a compact record unpacks to what packTemplate makes of the original, finger by finger', () => {
  const fingers = [1, 2, 3].map((p) => finger(p, p));
  const record = encodeRecord(fingers);
  const offsets = fingerOffsets(record);
  assert.equal(offsets.length, 3);
  offsets.forEach((fo, k) => {
    assert.equal(fingerPosition(record, fo), k + 1);
    assert.equal(fingerCount(record, fo), fingers[k]!.minutiae.length);
    assert.deepEqual(packTemplate(decodeFinger(record, fo)).bytes, packTemplate(fingers[k]!).bytes);
  });
  assert.equal(decodeRecord(record).length, 3);
});

test('coordinates are normalised to 500 ppi', () => {
  const t = finger(9, 4);
  const at1000 = { ...t, ppi: 1000, minutiae: t.minutiae.map((m) => ({ ...m, x: m.x * 2, y: m.y * 2 })) };
  assert.deepEqual(encodeRecord([at1000]), encodeRecord([t]));
});

test('malformed records and too many fingers are typed errors', () => {
  const record = encodeRecord([finger(1, 1), finger(2, 2)]);
  assert.throws(() => fingerOffsets(record.subarray(0, record.length - 3)), { code: 'SECCOM_SEARCH_BAD_RECORD' });
  assert.throws(() => fingerOffsets(new Uint8Array(0)), { code: 'SECCOM_SEARCH_BAD_RECORD' });
  const padded = new Uint8Array(record.length + 1);
  padded.set(record);
  assert.throws(() => fingerOffsets(padded), { code: 'SECCOM_SEARCH_BAD_RECORD' });
  assert.throws(() => encodeRecord(Array.from({ length: MAX_RECORD_FINGERS + 1 }, (_, i) => finger(i, 0))), { code: 'SECCOM_SEARCH_BAD_RECORD' });
});

test('a ten-print of a synthetic person encodes ten fingers at positions 1..10', () => {
  const record = encodeRecord(testPerson(17));
  assert.deepEqual(fingerOffsets(record).map((fo) => fingerPosition(record, fo)), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});
