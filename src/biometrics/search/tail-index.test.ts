import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from './random.ts';
import { TailIndex } from './tail-index.ts';

test('the tail index holds what a map of lists holds, in the order added, through growth', () => {
  const r = seededRandom(3);
  const index = new TailIndex(4);
  const model = new Map<number, number[]>();
  for (let i = 0; i < 20_000; i++) {
    // Keys from a small range (long lists) and a large one (many keys, several rehashes).
    const key = r() < 0.5 ? Math.floor(r() * 50) : Math.floor(r() * 8_830_976);
    const record = Math.floor(r() * 65_535);
    index.add(key, record);
    model.set(key, [...(model.get(key) ?? []), record]);
  }
  assert.equal(index.size, model.size);
  const seen = new Map<number, number[]>();
  index.forEach((key, record) => seen.set(key, [...(seen.get(key) ?? []), record]));
  assert.deepEqual(new Map([...seen].sort((a, b) => a[0] - b[0])), new Map([...model].sort((a, b) => a[0] - b[0])));
  const votes = new Uint32Array(65_535);
  const expected = new Uint32Array(65_535);
  for (const [key, list] of model) {
    const at = index.find(key);
    assert.ok(at >= 0, `key ${key} found`);
    assert.equal(index.count(at), list.length);
    index.vote(at, votes);
    for (const rec of list) expected[rec]!++;
  }
  assert.deepEqual(votes, expected);
  assert.equal(index.find(8_830_977), -1);
  assert.equal(new TailIndex().find(0), -1);
});
