import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FingerTemplate } from '../template.ts';
import { encodeRecord, fingerOffsets, readFinger } from './compact.ts';
import { INDEX_MINUTIAE, KEY_SPACE, MAX_TRIPLETS, NEIGHBOURS, tripletKeys, TripletScratch } from './triplets.ts';
import { testPerson } from './testing.ts';

function keys(t: FingerTemplate): Set<number> {
  const record = encodeRecord([t]);
  const s = new TripletScratch();
  const out = new Uint32Array(MAX_TRIPLETS);
  const n = readFinger(record, fingerOffsets(record)[0]!, s.x, s.y, s.angle, INDEX_MINUTIAE);
  return new Set(out.subarray(0, tripletKeys(s, n, out)));
}

/** Rotates (counter-clockwise as viewed) and shifts a template without any other change. */
function moved(t: FingerTemplate, rot: number, dx: number, dy: number): FingerTemplate {
  const c = Math.cos(rot);
  const s = Math.sin(rot);
  return {
    ...t,
    width: t.width + 400,
    height: t.height + 400,
    minutiae: t.minutiae.map((m) => ({ ...m, x: 200 + dx + c * m.x + s * m.y, y: 200 + dy - s * m.x + c * m.y, angle: (m.angle + rot + 2 * Math.PI) % (2 * Math.PI) })),
  };
}

const shared = (a: Set<number>, b: Set<number>) => [...a].filter((k) => b.has(k)).length / Math.min(a.size, b.size);

test('triplet keys survive rotation and translation, and differ between fingers', () => {
  const f = testPerson(1)[0]!;
  const k = keys(f);
  assert.ok(k.size > 50);
  for (const v of k) assert.ok(v >= 0 && v < KEY_SPACE);
  assert.ok(shared(k, keys(moved(f, 0.5, 37, -21))) > 0.6, 'most keys of a moved finger are the same');
  assert.ok(shared(k, keys(testPerson(2)[0]!)) < 0.2, 'another finger shares few keys');
});

test('each minutia gives at most one triplet per pair of its nearest neighbours', () => {
  const f = testPerson(4)[3]!;
  const record = encodeRecord([f]);
  const s = new TripletScratch();
  const n = readFinger(record, fingerOffsets(record)[0]!, s.x, s.y, s.angle, INDEX_MINUTIAE);
  assert.ok(s.triplets(n) <= (n * NEIGHBOURS * (NEIGHBOURS - 1)) / 2);
  assert.equal(s.triplets(2), 0, 'two minutiae make no triplet');
});
