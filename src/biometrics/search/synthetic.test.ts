import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPacked } from '../match/matcher.ts';
import { packTemplate } from '../match/packed-template.ts';
import { DEFAULT_THRESHOLD, thresholdFor } from '../match/thresholds.ts';
import { mixSeed, seededRandom } from './random.ts';
import { impression, MIN_SPACING, syntheticFinger } from './synthetic.ts';
import { capture, randomFlow, testPerson } from './testing.ts';

test('synthetic fingers and impressions are pure functions of their seeds', () => {
  assert.deepEqual(testPerson(3), testPerson(3));
  assert.notDeepEqual(testPerson(3), testPerson(4));
  assert.deepEqual(capture(testPerson(3), 1), capture(testPerson(3), 1));
  assert.notDeepEqual(capture(testPerson(3), 1), capture(testPerson(3), 2));
  assert.equal(mixSeed(1, 2), mixSeed(1, 2));
  assert.notEqual(mixSeed(1, 2), mixSeed(2, 1));
});

test('a synthetic finger keeps its minutiae apart and inside its frame', () => {
  const f = syntheticFinger(randomFlow(5), seededRandom(5), 3);
  assert.equal(f.position, 3);
  assert.ok(f.minutiae.length >= 12);
  for (const m of f.minutiae) {
    assert.ok(m.x >= 0 && m.y >= 0 && m.x <= f.width && m.y <= f.height);
    assert.ok(m.angle >= 0 && m.angle < 2 * Math.PI);
  }
  // The warp may bring two minutiae a little closer than they were drawn.
  let closest = Infinity;
  for (const a of f.minutiae) for (const b of f.minutiae) if (a !== b) closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
  assert.ok(closest >= MIN_SPACING * 0.7, `closest pair ${closest}`);
});

test('two impressions of one finger match; fingers drawn on one flow do not', () => {
  const flow = randomFlow(11);
  let genuine = 0;
  let impostor = 0;
  for (let i = 0; i < 10; i++) {
    const a = syntheticFinger(flow, seededRandom(100 + i));
    const b = syntheticFinger(flow, seededRandom(200 + i));
    const r = seededRandom(300 + i);
    const s = matchPacked(packTemplate(impression(a, r)), packTemplate(impression(a, r)));
    if (s >= DEFAULT_THRESHOLD.score) genuine++;
    if (matchPacked(packTemplate(impression(a, r)), packTemplate(impression(b, r))) >= thresholdFor(1e-2)) impostor++;
  }
  assert.ok(genuine >= 9, `${genuine} of 10 genuine pairs matched`);
  assert.ok(impostor <= 1, `${impostor} of 10 impostor pairs passed FMR 1%`);
});
