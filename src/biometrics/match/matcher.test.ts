import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSeccomError } from '../../errors/index.ts';
import type { FingerTemplate, Minutia } from '../template.ts';
import { errorRates } from './error-rates.ts';
import { Matcher, coreParams, matchPacked, prepareProbe, scorePairs } from './matcher.ts';
import { EDGE_KEYS, packTemplate, readPackedTemplate } from './packed-template.ts';
import { WasmCore } from './wasm-core.ts';
import { DEFAULT_THRESHOLD, THRESHOLDS, fmrAt, thresholdFor } from './thresholds.ts';
import { spearman } from './rank-correlation.ts';

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

/** A random but fingerprint-like minutiae set: 40 points, at least 10 px apart. */
function randomTemplate(seed: number, n = 40): FingerTemplate {
  const r = rng(seed);
  const minutiae: Minutia[] = [];
  while (minutiae.length < n) {
    const m: Minutia = { x: 40 + r() * 220, y: 40 + r() * 300, angle: r() * 2 * Math.PI, type: r() < 0.5 ? 'ending' : 'bifurcation', quality: 50 + Math.floor(r() * 50) };
    if (minutiae.every((o) => Math.hypot(o.x - m.x, o.y - m.y) >= 10)) minutiae.push({ ...m, x: Math.round(m.x), y: Math.round(m.y) });
  }
  return { width: 300, height: 380, ppi: 500, position: 0, quality: 80, minutiae };
}

/** Rotates (counter-clockwise as viewed), shifts, jitters and drops some minutiae: another impression. */
function reimpress(t: FingerTemplate, seed: number, rot: number, dx: number, dy: number, drop = 0.2): FingerTemplate {
  const r = rng(seed);
  const c = Math.cos(rot);
  const s = Math.sin(rot);
  const minutiae = t.minutiae
    .filter(() => r() >= drop)
    .map((m) => {
      const x = m.x - 150;
      const y = m.y - 190;
      // y grows downwards, so a counter-clockwise turn as viewed is (x, y) → (x c + y s, −x s + y c).
      return { ...m, x: Math.round(150 + x * c + y * s + dx + (r() - 0.5) * 4), y: Math.round(190 - x * s + y * c + dy + (r() - 0.5) * 4), angle: (m.angle + rot + (r() - 0.5) * 0.1 + 2 * Math.PI) % (2 * Math.PI) };
    });
  return { ...t, minutiae };
}

test('packed templates round-trip through bytes and keep geometry at 500 ppi', () => {
  const t = randomTemplate(1);
  const p = packTemplate(t);
  const q = readPackedTemplate(Uint8Array.from(p.bytes));
  assert.deepEqual(q.bytes, p.bytes);
  assert.equal(q.count, 40);
  assert.ok(q.edgeCount > 0);
  const hi = packTemplate({ ...t, ppi: 1000, minutiae: t.minutiae.map((m) => ({ ...m, x: m.x * 2, y: m.y * 2 })) });
  assert.deepEqual(hi.x, p.x);
  assert.deepEqual(hi.edgeLen, p.edgeLen);
});

test('corrupt packed bytes are a typed error', () => {
  const p = packTemplate(randomTemplate(2));
  for (const bad of [p.bytes.slice(0, 10), Uint8Array.from(p.bytes).fill(0, 0, 4), p.bytes.slice(0, p.bytes.length - 8)]) {
    assert.throws(() => readPackedTemplate(bad), (e) => isSeccomError(e) && e.code === 'SECCOM_FP_TEMPLATE_CORRUPT');
  }
  const wild = Uint8Array.from(p.bytes);
  wild[p.edgeTo.byteOffset - p.bytes.byteOffset] = 250; // an edge pointing past the minutiae
  assert.throws(() => readPackedTemplate(wild), (e) => isSeccomError(e) && e.code === 'SECCOM_FP_TEMPLATE_CORRUPT');
});

test('the same finger moved and rotated matches; a different finger does not', () => {
  const a = randomTemplate(3);
  const probe = new Matcher(prepareProbe(packTemplate(a)));
  for (const [rot, dx, dy] of [[0, 0, 0], [0.3, 20, -15], [-0.5, -30, 25], [Math.PI / 2, 0, 40]] as const) {
    const s = probe.score(packTemplate(reimpress(a, 7, rot, dx, dy)));
    assert.ok(s >= DEFAULT_THRESHOLD.score, `rotation ${rot}: score ${s}`);
  }
  for (let seed = 10; seed < 30; seed++) {
    const s = probe.score(packTemplate(randomTemplate(seed)));
    assert.ok(s < thresholdFor(1e-2), `impostor ${seed}: score ${s}`);
  }
});

test('scores are deterministic and a prepared probe gives the same score as a one-off match', () => {
  const a = packTemplate(randomTemplate(4));
  const b = packTemplate(reimpress(randomTemplate(4), 9, 0.2, 5, 5));
  const m = new Matcher(prepareProbe(a));
  const first = m.score(b);
  m.score(packTemplate(randomTemplate(99)));
  assert.equal(m.score(b), first);
  assert.equal(matchPacked(a, b), first);
});

test('scores are those of the JavaScript matcher the WebAssembly core replaced', () => {
  // Recorded with the all-JavaScript matcher (commit 62e3ead): the core must not change a score.
  const expected = [143.06739670518925, 0.3, 170.6070045455344, 0.25, 185.32943640986986, 0.25, 245.23988256399082, 1, 113.33385784192353, 0.15, 196.31600800749794, 0.25];
  const got: number[] = [];
  for (let s = 50; s < 56; s++) {
    const m = new Matcher(prepareProbe(packTemplate(randomTemplate(s))));
    got.push(m.score(packTemplate(reimpress(randomTemplate(s), s + 1, 0.1 * (s - 52), 3 * (s - 53), 10, 0.25))));
    got.push(m.score(packTemplate(randomTemplate(s + 100))));
  }
  assert.deepEqual(got, expected);
});

test('probes evicted from the core\'s slots, or dropped when slot memory is full, score the same', () => {
  const probes = [60, 61, 62, 63, 64].map((s) => prepareProbe(packTemplate(randomTemplate(s))));
  const candidates = [60, 61, 62, 63, 64].map((s) => packTemplate(reimpress(randomTemplate(s), 3, 0.2, 4, -6)));
  const expected = probes.map((p) => candidates.map((c) => new Matcher(p).score(c)));
  // Two slots for five probes (evictions), or five (no evictions, but resident probes dropped),
  // with room for about three probes' data before everything is dropped.
  for (const slots of [2, 5]) {
    const small = new WasmCore({ ...coreParams(), slots, slotMemoryLimit: 3 * ((EDGE_KEYS + 1) * 4 + 40_000) });
    for (let round = 0; round < 3; round++) {
      for (let j = 0; j < candidates.length; j++) {
        for (let i = 0; i < probes.length; i++) {
          const best = small.score(probes[i]!, candidates[j]!);
          assert.equal(scorePairs(best >>> 16, best & 0xffff, probes[i]!.template.count, candidates[j]!.count), expected[i]![j], `${slots} slots`);
        }
      }
    }
  }
});

test('empty and one-minutia templates score 0', () => {
  const empty = packTemplate({ ...randomTemplate(5), minutiae: [] });
  const one = packTemplate({ ...randomTemplate(5), minutiae: randomTemplate(5).minutiae.slice(0, 1) });
  const full = packTemplate(randomTemplate(5));
  assert.equal(matchPacked(empty, full), 0);
  assert.equal(matchPacked(full, empty), 0);
  assert.equal(matchPacked(one, full), 0);
});

test('error rates: separable scores give 0, known overlaps give the expected rates', () => {
  assert.deepEqual(errorRates([5, 6, 7], [1, 2, 3]), { eer: 0, fnmrAt1e2: 0, fnmrAt1e3: 0, zeroFmr: 0 });
  const gen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const imp = [0, 0, 0, 0, 0, 0, 0, 0, 0, 4.5];
  const r = errorRates(gen, imp);
  assert.equal(r.zeroFmr, 0.4); // genuine scores ≤ 4.5 are rejected at zero FMR
  assert.equal(r.fnmrAt1e2, 0.4); // 1 false match of 10 is over 1%
  assert.ok(r.eer > 0 && r.eer <= 0.1);
});

test('threshold table is monotonic and maps scores to FMR bounds', () => {
  for (let i = 1; i < THRESHOLDS.length; i++) {
    assert.ok(THRESHOLDS[i]!.fmr < THRESHOLDS[i - 1]!.fmr);
    assert.ok(THRESHOLDS[i]!.score > THRESHOLDS[i - 1]!.score);
  }
  assert.equal(fmrAt(0), 1);
  assert.equal(fmrAt(DEFAULT_THRESHOLD.score), DEFAULT_THRESHOLD.fmr);
  assert.equal(thresholdFor(DEFAULT_THRESHOLD.fmr), DEFAULT_THRESHOLD.score);
});

test('spearman: monotone → ±1, ties averaged', () => {
  assert.equal(spearman([1, 2, 3, 4], [10, 20, 30, 40]), 1);
  assert.equal(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
  assert.ok(Math.abs(spearman([1, 1, 2, 2], [1, 2, 3, 4]) - 0.894) < 0.01);
});
