import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { encodeRecord } from './compact.ts';
import { SearchEngine } from './engine.ts';
import { hitThreshold } from './fusion.ts';
import { capture, testPerson } from './testing.ts';

const entries = Array.from({ length: 40 }, (_, p) => ({ subjectId: `FIN${p}`, record: encodeRecord(capture(testPerson(p), 0)) }));
const copy = () => entries.map((e) => ({ ...e, record: e.record.slice() }));

test('worker and in-thread engines find the same mate with the same score', async () => {
  const local = new SearchEngine({ threads: 0 });
  const workers = new SearchEngine({ threads: 2 });
  try {
    assert.equal(workers.threads, 2);
    await local.gallery('ident').addRecords(copy());
    await workers.gallery('ident').addRecords(copy());
    const stats = await workers.gallery('ident').stats();
    assert.deepEqual([stats.records, stats.fingers], [40, 400]);
    for (const p of [3, 28]) {
      const probe = capture(testPerson(p), 1);
      const a = await local.gallery('ident').search(probe, { top: 3 });
      const b = await workers.gallery('ident').search(probe, { top: 3 });
      assert.equal(a.candidates[0]?.subjectId, `FIN${p}`);
      assert.ok(a.candidates[0]!.hit);
      // z depends on the shard's records; the candidate and its scores do not.
      const { z: _za, ...ca } = a.candidates[0]!;
      const { z: _zb, ...cb } = b.candidates[0]!;
      assert.deepEqual(cb, ca);
      assert.equal(a.usableFingers, 10);
      assert.equal(a.threshold, hitThreshold(10));
      // Same gallery, same probe, same answer.
      assert.deepEqual(await local.gallery('ident').search(probe, { top: 3 }), a);
    }
    // Galleries are separate.
    assert.deepEqual((await workers.gallery('cjis').search(capture(testPerson(3), 1))).candidates, []);
  } finally {
    await local.close();
    await workers.close();
  }
  assert.equal(workers.threads, 0);
});

test('adds and removes sent while a search runs apply in order', async () => {
  const engine = new SearchEngine({ threads: 2 });
  try {
    const g = engine.gallery('cjis');
    await g.addRecords(copy());
    const probe = capture(testPerson(55), 1);
    const before = g.search(probe);
    const added = g.add('NEW55', capture(testPerson(55), 0));
    const during = g.search(probe);
    const removed = g.remove('FIN7');
    const after = g.search(capture(testPerson(7), 1));
    await added;
    assert.notEqual((await before).candidates[0]?.subjectId, 'NEW55');
    assert.equal((await during).candidates[0]?.subjectId, 'NEW55');
    assert.equal(await removed, true);
    assert.notEqual((await after).candidates[0]?.subjectId, 'FIN7');
    assert.equal(await g.remove('FIN7'), false);
    assert.equal(g.size, 40);
  } finally {
    await engine.close();
  }
});

test('an unusable probe gives an empty, flagged result; a malformed record is refused', async () => {
  const engine = new SearchEngine({ threads: 0 });
  try {
    const g = engine.gallery('ident');
    await g.addRecords(copy().slice(0, 5));
    const blank = await g.search([{ width: 300, height: 300, ppi: 500, position: 2, quality: 0, minutiae: [] }]);
    assert.equal(blank.usableFingers, 0);
    assert.deepEqual(blank.candidates, []);
    await assert.rejects(g.addRecords([{ subjectId: 'X', record: new Uint8Array([3, 1]) }]), { code: 'SECCOM_SEARCH_BAD_RECORD' });
    assert.equal(g.size, 5);
  } finally {
    await engine.close();
  }
});

test('closing rejects pending work, ends every thread and refuses later calls', async () => {
  const engine = new SearchEngine({ threads: 2 });
  const g = engine.gallery('ident');
  const pending = g.addRecords(copy());
  const search = g.search(capture(testPerson(1), 1));
  const settled = Promise.allSettled([pending, search]);
  await engine.close();
  for (const s of await settled) if (s.status === 'rejected') assert.equal((s.reason as { code: string }).code, 'SECCOM_SEARCH_ENGINE_CLOSED');
  assert.equal(engine.threads, 0);
  await assert.rejects(g.search(capture(testPerson(1), 1)), { code: 'SECCOM_SEARCH_ENGINE_CLOSED' });
});

test('a process with an engine exits on its own, closed or idle', () => {
  const engineUrl = new URL('./engine.ts', import.meta.url).href;
  const testingUrl = new URL('./testing.ts', import.meta.url).href;
  for (const close of [true, false]) {
    const script = `
      const { SearchEngine } = await import(${JSON.stringify(engineUrl)});
      const { capture, testPerson } = await import(${JSON.stringify(testingUrl)});
      const engine = new SearchEngine({ threads: 2 });
      await engine.gallery('g').add('A', capture(testPerson(1), 0));
      const r = await engine.gallery('g').search(capture(testPerson(1), 1));
      console.log(r.candidates[0].subjectId);
      ${close ? 'await engine.close();' : ''}`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), 'A');
  }
});

test('a search thread that dies fails its pending and later requests; the others are closed cleanly', async () => {
  const engine = new SearchEngine({ threads: 2 });
  const g = engine.gallery('ident');
  await g.addRecords(copy());
  // Stands in for a thread that crashes: the engine sees only its exit.
  const [first] = (engine as unknown as { channels: { worker: { terminate(): Promise<number> } }[] }).channels;
  // A large add keeps the thread busy (an index rebuild) while it dies.
  const many = Array.from({ length: 50 }, (_, k) => copy().map((e) => ({ ...e, subjectId: `${e.subjectId}-${k}` }))).flat();
  const pending = g.addRecords(many);
  await first!.worker.terminate();
  await assert.rejects(pending, { code: 'SECCOM_SEARCH_ENGINE_CLOSED' });
  await assert.rejects(g.search(capture(testPerson(2), 1)), { code: 'SECCOM_SEARCH_ENGINE_CLOSED' });
  assert.equal(engine.threads, 1);
  await engine.close();
  assert.equal(engine.threads, 0);
});
