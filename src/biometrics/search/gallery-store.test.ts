import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { openTestStore } from '../../../test/support/store.ts';
import { insertAudited } from '../../store/audited.ts';
import { immigrationSubjects, searchGallery } from '../../store/schema/index.ts';
import type { Store } from '../../store/store.ts';
import { SearchEngine } from './engine.ts';
import { loadGallery, saveRecords } from './gallery-store.ts';
import { openEngineSearches } from './tenprint-port.ts';
import { capture, testPerson } from './testing.ts';

let store: Store;
const at = new Date('2012-04-02T06:00:00Z');

function subject(n: number) {
  return {
    fin: `FIN${String(n).padStart(9, '0')}`,
    personId: `P${n}`,
    aNumber: null,
    status: 'visa',
    familyName: 'DOE',
    givenName: 'JANE',
    dob: '1980-01-01',
    sex: 'F',
    pob: 'MX',
    priorRemovalOrder: false,
    templates: testPerson(n),
    enrolledAt: at,
  };
}

before(async () => {
  store = await openTestStore('pglite');
  await store.transaction((tx) => insertAudited(tx, immigrationSubjects, [1, 2, 3, 4, 5].map(subject), { actor: 'test', at }));
});
after(() => store.close());

test('a first load encodes the subjects of the system of record and saves them; the next load reads the saved records', async () => {
  const first = new SearchEngine({ threads: 0 });
  try {
    assert.deepEqual(await loadGallery(store, 'ident', first.gallery('ident')), { loaded: 0, encoded: 5, dropped: 0 });
    assert.equal((await store.db.select().from(searchGallery).where(eq(searchGallery.gallery, 'ident'))).length, 5);
  } finally {
    await first.close();
  }
  // A row whose subject is gone is dropped at the next load.
  await store.db.insert(searchGallery).values({ gallery: 'ident', subjectId: 'FIN-GONE', record: new Uint8Array([0]) });
  const second = new SearchEngine({ threads: 0 });
  try {
    assert.deepEqual(await loadGallery(store, 'ident', second.gallery('ident')), { loaded: 5, encoded: 0, dropped: 1 });
    const { candidates } = await second.gallery('ident').search(capture(testPerson(3), 1));
    assert.equal(candidates[0]?.subjectId, 'FIN000000003');
    assert.ok(candidates[0]!.hit);
  } finally {
    await second.close();
  }
});

test('the pipeline port finds a noisy capture, and an enrolment is searchable at once and saved for the next start', async () => {
  const searches = await openEngineSearches(store);
  try {
    const [best] = await searches.identSearch.search(capture(testPerson(2), 7), 1);
    assert.deepEqual([best?.subjectId, best?.hit], ['FIN000000002', true]);
    assert.deepEqual(await searches.cjisSearch.search(capture(testPerson(2), 7), 1), []);
    searches.cjisSearch.enrol('FBI-NEW', capture(testPerson(9), 0));
    const [found] = await searches.cjisSearch.search(capture(testPerson(9), 1), 1);
    assert.deepEqual([found?.subjectId, found?.hit], ['FBI-NEW', true]);
  } finally {
    await searches.close();
  }
  const saved = await store.db.select().from(searchGallery).where(eq(searchGallery.subjectId, 'FBI-NEW'));
  assert.equal(saved.length, 1);
});

test('processes starting together may reconcile the same gallery at once: neither fails, each row is saved once', async () => {
  await store.db.delete(searchGallery).where(eq(searchGallery.gallery, 'ident'));
  const engines = [new SearchEngine({ threads: 0 }), new SearchEngine({ threads: 0 })];
  try {
    const reports = await Promise.all(engines.map((e) => loadGallery(store, 'ident', e.gallery('ident'))));
    for (const r of reports) assert.equal(r.loaded + r.encoded, 5);
    assert.equal((await store.db.select().from(searchGallery).where(eq(searchGallery.gallery, 'ident'))).length, 5);
    const { candidates } = await engines[1]!.gallery('ident').search(capture(testPerson(4), 1));
    assert.equal(candidates[0]?.subjectId, 'FIN000000004');
  } finally {
    await Promise.all(engines.map((e) => e.close()));
  }
});

test('saving records in one call saves each, replaces a saved one, and keeps the last of a subject given twice', async () => {
  const bytes = (v: number) => new Uint8Array([v, v]);
  await saveRecords(store, 'sib:ZZ', [{ subjectId: 'ZZ1', record: bytes(1) }]);
  await saveRecords(store, 'sib:ZZ', [
    { subjectId: 'ZZ1', record: bytes(2) },
    { subjectId: 'ZZ2', record: bytes(3) },
    { subjectId: 'ZZ2', record: bytes(4) },
  ]);
  const rows = await store.db.select().from(searchGallery).where(eq(searchGallery.gallery, 'sib:ZZ'));
  assert.deepEqual(
    rows.map((r) => [r.subjectId, [...r.record]]).sort(),
    [
      ['ZZ1', [2, 2]],
      ['ZZ2', [4, 4]],
    ],
  );
});
