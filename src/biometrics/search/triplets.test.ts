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

/** Triplets by a plain scan: for each minutia, its 4 nearest (ties to the lower index) within 168 px. */
function plainTriplets(x: Int32Array, y: Int32Array, angle: Uint8Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const near = Array.from({ length: n }, (_, j) => ({ j, d: (x[j]! - x[i]!) ** 2 + (y[j]! - y[i]!) ** 2 }))
      .filter((c) => c.j !== i && c.d < 168 * 168)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, NEIGHBOURS);
    const dir = (j: number) => Math.round(Math.atan2(y[j]! - y[i]!, x[j]! - x[i]!) * (128 / Math.PI)) & 255;
    for (let p = 0; p < near.length; p++) {
      for (let q = p + 1; q < near.length; q++) {
        const [a, b] = [near[p]!, near[q]!];
        out.push(Math.round(Math.sqrt(a.d)), Math.round(Math.sqrt(b.d)), (dir(a.j) - angle[i]!) & 255, (dir(b.j) - angle[i]!) & 255, (angle[a.j]! - angle[i]!) & 255, (angle[b.j]! - angle[i]!) & 255);
      }
    }
  }
  return out;
}

test('neighbours found by the x-ordered scan are those of a plain scan, ties included', () => {
  const s = new TripletScratch();
  // A lattice (many equal distances, in x and in y), fingers, and a sparse spread at the 168-px limit.
  const layouts: [number, number, number][][] = [
    Array.from({ length: 36 }, (_, k) => [20 + 15 * (k % 6), 30 + 15 * Math.floor(k / 6), (k * 37) & 255]),
    ...testPerson(6).slice(0, 4).map((f) => f.minutiae.map((m): [number, number, number] => [Math.round(m.x), Math.round(m.y), Math.round(m.angle * 40) & 255])),
    Array.from({ length: 12 }, (_, k) => [k * 168, (k % 2) * 100, k * 20]),
  ];
  for (const layout of layouts) {
    const n = Math.min(INDEX_MINUTIAE, layout.length);
    layout.slice(0, n).forEach(([x, y, a], i) => {
      s.x[i] = x;
      s.y[i] = y;
      s.angle[i] = a;
    });
    const t = s.triplets(n);
    assert.deepEqual(Array.from(s.tri.subarray(0, 6 * t)), plainTriplets(s.x, s.y, s.angle, n));
  }
});
