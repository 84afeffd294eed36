import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeRecord } from './compact.ts';
import { prepareSearchProbe } from './probe.ts';
import { Segment, TAIL_MIN } from './segment.ts';
import { Shard } from './shard.ts';
import { capture, testPerson } from './testing.ts';

const persons = 60;
const records = Array.from({ length: persons }, (_, p) => encodeRecord(capture(testPerson(p), 0)));
const probeOf = (p: number) => prepareSearchProbe(encodeRecord(capture(testPerson(p), 1)));

test('the mate of a ten-print probe leads the shortlist and stands out', () => {
  const seg = new Segment();
  records.forEach((r, i) => seg.append(1000 + i, r));
  seg.index();
  for (const p of [0, 17, 59]) {
    const list = seg.shortlist(probeOf(p), 5);
    assert.equal(seg.ids[list.local[0]!], 1000 + p);
    assert.ok(list.z[0]! > 2 * list.z[1]!, `z ${list.z[0]} against ${list.z[1]}`);
  }
});

test('records added one by one are found before and after the index is rebuilt; removed ones are not', () => {
  const seg = new Segment();
  records.forEach((r, i) => seg.append(i, r));
  seg.rebuild();
  for (let i = 0; i < 10; i++) {
    seg.append(100 + i, encodeRecord(capture(testPerson(200 + i), 0)));
    seg.index();
  }
  const late = seg.shortlist(prepareSearchProbe(encodeRecord(capture(testPerson(205), 1))), 1);
  assert.equal(seg.ids[late.local[0]!], 105, 'a record in the tail is found');
  seg.remove(late.local[0]!);
  assert.notEqual(seg.ids[seg.shortlist(prepareSearchProbe(encodeRecord(capture(testPerson(205), 1))), 1).local[0]!], 105);
  assert.equal(seg.size, persons + 9);
  seg.rebuild();
  assert.equal(seg.ids[seg.shortlist(probeOf(45), 1).local[0]!], 45, 'rebuilding keeps the live records');
});

test('a shard search returns the mate first with a fused score over every finger; exhaustive agrees', () => {
  const shard = new Shard();
  shard.add(records.map((_, i) => i), records);
  const probe = probeOf(23);
  const found = shard.search(probe, { top: 3 });
  const [best] = found.candidates;
  assert.equal(best?.id, 23);
  assert.ok(found.scanned > 0);
  assert.ok(found.rescored >= 1 && found.rescored < persons, 'only records that stand out are rescored');
  assert.equal(best!.fingers.length, 10);
  assert.ok(best!.fingers.every((s) => s !== null && s > 0));
  const exhaustive = shard.search(probe, { top: 1, exhaustive: true });
  const [ex] = exhaustive.candidates;
  assert.equal(exhaustive.rescored, persons);
  assert.equal(ex?.id, 23);
  assert.equal(ex!.score, best!.score);
  // A listing fills up to `top` even when only the mate stands out.
  assert.equal(shard.search(probe, { top: 5, fill: true }).candidates.length, 5);
  // Replacing a record and removing one.
  shard.add([23], [records[24]!]);
  assert.notEqual(shard.search(probe, { top: 1 }).candidates[0]?.id, 23);
  assert.equal(shard.remove(24), true);
  assert.equal(shard.remove(24), false);
  assert.equal(shard.size, persons - 1);
});

test('a probe without usable fingers finds nothing', () => {
  const shard = new Shard();
  shard.add([0, 1], records.slice(0, 2));
  const empty = encodeRecord([{ width: 100, height: 100, ppi: 500, position: 1, quality: 0, minutiae: [] }]);
  assert.deepEqual(prepareSearchProbe(empty), []);
  assert.deepEqual(shard.search(prepareSearchProbe(empty), { top: 5, fill: true }), { candidates: [], scanned: 0, rescored: 0 });
});

test('a tail merged into the table keeps every live record findable and drops removed ones', () => {
  const seg = new Segment();
  records.forEach((r, i) => seg.append(i, r));
  seg.index();
  // TAIL_MIN + 6 more, one at a time: past the tail limit, the tail is merged.
  const more = TAIL_MIN + 6;
  for (let i = 0; i < more; i++) {
    seg.append(500 + i, encodeRecord(capture(testPerson(500 + i), 0)));
    seg.index();
    if (i === 3) seg.remove(seg.count - 1);
  }
  assert.equal(seg.size, persons + more - 1);
  assert.equal(seg.ids[seg.shortlist(probeOf(12), 1).local[0]!], 12);
  for (const p of [500, 510, 500 + more - 1]) {
    assert.equal(seg.ids[seg.shortlist(prepareSearchProbe(encodeRecord(capture(testPerson(p), 1))), 1).local[0]!], p);
  }
  assert.notEqual(seg.ids[seg.shortlist(prepareSearchProbe(encodeRecord(capture(testPerson(503), 1))), 1).local[0]!], 503);
});

test('a rebuild gives the same index whether it keeps every key between its passes or recomputes some', () => {
  const whole = new Segment();
  const partial = new Segment(10_000);
  for (const seg of [whole, partial]) {
    records.forEach((r, i) => seg.append(i, r));
    seg.remove(7);
    seg.rebuild();
  }
  for (const p of [3, 7, 40, 59]) {
    const a = whole.shortlist(probeOf(p), 8);
    assert.deepEqual(partial.shortlist(probeOf(p), 8), a);
    assert.ok(a.scanned > 0);
  }
  assert.equal(whole.bytes, partial.bytes);
});

test('removed records give their bytes back; the others keep their bytes and stay findable', () => {
  const seg = new Segment();
  // Four copies of the records (ids 1000 × copy + person), the first three then removed.
  for (let c = 0; c < 4; c++) records.forEach((r, i) => seg.append(1000 * c + i, r));
  seg.index();
  const before = seg.bytes;
  for (let local = 0; local < 3 * persons; local++) seg.remove(local);
  const freed = records.reduce((n, r) => n + r.length, 0) * 3;
  assert.ok(seg.bytes < before - freed / 2, `${seg.bytes} bytes of ${before}`);
  for (let i = 0; i < persons; i++) {
    assert.deepEqual(seg.record(3 * persons + i), records[i]);
    assert.equal(seg.record(i).length, 0);
  }
  assert.equal(seg.ids[seg.shortlist(probeOf(50), 1).local[0]!], 3050);
  // Appending after a compaction goes on from the compacted end.
  const late = encodeRecord(capture(testPerson(300), 0));
  const local = seg.append(300, late);
  seg.index();
  assert.deepEqual(seg.record(local), late);
  assert.deepEqual(seg.record(3 * persons), records[0]);
  assert.equal(seg.ids[seg.shortlist(prepareSearchProbe(encodeRecord(capture(testPerson(300), 1))), 1).local[0]!], 300);
});
