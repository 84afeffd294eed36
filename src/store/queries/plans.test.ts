/**
 * No list query of the console scans a whole table: EXPLAIN on PostgreSQL, over 30,000 bookings
 * with the records every stage writes, must show no sequential scan of a large table, for every
 * list (bookings by scope and step, each kind of search, a deep page, the queues, the audit log).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Store } from '../store.ts';
import { bookingsNamed, listAudit } from './audit.ts';
import { listBookings } from './bookings.ts';
import { listQueue } from './queues.ts';
import { listEscalations } from './safeguards.ts';
import { detainersWithoutConvictionQuery, holdsByExpiryQuery } from './stats.ts';
import { bulkBookingId, seedBulkBookings } from '../../../test/support/bulk-bookings.ts';
import { requireOrSkip } from '../../../test/support/env.ts';
import { explain, seqScans } from '../../../test/support/plans.ts';
import { openTestStore, postgresAvailable } from '../../../test/support/store.ts';

const bookings = 30_000;

describe('query plans of the console lists (PostgreSQL)', async () => {
  const skip = requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable());
  let store: Store;
  before(async () => {
    if (skip) return;
    store = await openTestStore('postgres');
    await seedBulkBookings(store, bookings);
    await store.db.execute(sql`INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, data, prev_hash, hash)
      SELECT g, now(), 'user:u' || (g % 50), 'read', 'bookings', 'B' || g, '{}'::jsonb, '', '' FROM generate_series(1, 30000) g`);
    await store.db.execute(sql`ANALYZE audit_log`);
  });
  after(async () => {
    await store?.close();
  });

  const searched = Array.from({ length: 200 }, (_, i) => bulkBookingId(i * 97));
  const deep = { submittedAt: new Date('2011-02-15T00:00:00Z'), id: bulkBookingId(12_000) };
  const cases: [string, () => SQLWrapper][] = [
    ['bookings, national, first page', () => listBookings(store.db, {}, { limit: 51 })],
    ['bookings, national, a deep page', () => listBookings(store.db, {}, { limit: 51, after: deep })],
    ['bookings, one county', () => listBookings(store.db, { jurisdictionId: 'bench-ct-a' }, { limit: 51 })],
    ['bookings, one state', () => listBookings(store.db, { state: 'CT' }, { limit: 51, after: deep })],
    ['bookings, LESC (reached the IAQ)', () => listBookings(store.db, { reached: 'iaq' }, { limit: 51 })],
    ['bookings, ERO in a state (IAR sent)', () => listBookings(store.db, { state: 'CT', reached: 'iar' }, { limit: 51 })],
    ['search by family name', () => listBookings(store.db, { jurisdictionId: 'bench-ct-b' }, { limit: 51, q: 'morales042' })],
    ['search by name and given name', () => listBookings(store.db, {}, { limit: 51, q: 'GARCIA007, GIVEN1' })],
    ['search by booking number', () => listBookings(store.db, {}, { limit: 51, q: 'BK-1234' })],
    ['search by TCN', () => listBookings(store.db, {}, { limit: 51, q: 'TBULK1234' })],
    ['search by SID', () => listBookings(store.db, {}, { limit: 51, q: 'CT00001234' })],
    ['search by FIN', () => listBookings(store.db, {}, { limit: 51, q: 'FIN1230' })],
    ['LESC queue', () => listQueue(store.db, 'lesc', {}, { limit: 51 })],
    ['ERO queue, one state, searched', () => listQueue(store.db, 'ero', { state: 'CT' }, { limit: 51, q: 'lopez1' })],
    ['audit log, newest first', () => listAudit(store.db, { limit: 51 })],
    ['audit log, one actor, a deep page', () => listAudit(store.db, { actor: 'user:u7', beforeSeq: 20_000, limit: 51 })],
    ['audit log, one record', () => listAudit(store.db, { entity: 'bookings', entityId: 'B77', limit: 51 })],
    ['audit search: the bookings a name names', () => bookingsNamed(store.db, {}, 'morales042', 201)],
    ['audit search: the bookings a SID names, one county', () => bookingsNamed(store.db, { jurisdictionId: 'bench-ct-b' }, 'CT00001234', 201)],
    ['dashboard: no-conviction detainers, a deep page', () => detainersWithoutConvictionQuery({ visibility: {} }, 26, { submittedAt: deep.submittedAt, bookingId: deep.id })],
    ['dashboard: no-conviction detainers, one county', () => detainersWithoutConvictionQuery({ visibility: { jurisdictionId: 'bench-ct-a' } }, 26)],
    ['dashboard: escalations, a page', () => listEscalations(store.db, { state: 'CT' }, 26, { raisedAt: deep.submittedAt, bookingId: deep.id, reason: 'us-citizenship-claim' })],
    ['dashboard: holds near expiry, a page', () => holdsByExpiryQuery({ visibility: {} }, { expiry: 'near', now: deep.submittedAt, withinMs: 6 * 3_600_000, after: { holdExpiresAt: deep.submittedAt, bookingId: deep.id }, limit: 26 })],
    ['audit search: the entries of 200 bookings', () => listAudit(store.db, { bookingIds: searched, limit: 51 })],
    ['audit search: one actor, a deep page', () => listAudit(store.db, { bookingIds: searched, actor: 'user:u7', beforeSeq: 20_000, limit: 51 })],
  ];

  for (const [name, query] of cases) {
    test(`${name}: no sequential scan of a large table`, async (t) => {
      if (skip) return t.skip(skip);
      const plan = await explain(store.db, query());
      assert.deepEqual(seqScans(plan), [], JSON.stringify(plan, null, 1).slice(0, 3000));
    });
  }

  test('the plan check can fail: a filter on an unindexed column scans', async (t) => {
    if (skip) return t.skip(skip);
    const plan = await explain(store.db, sql`SELECT * FROM bookings WHERE pob = 'XX'`);
    assert.deepEqual(seqScans(plan), ['bookings']);
  });
});
