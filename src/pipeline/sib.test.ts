/**
 * The State Identification Bureau's AFIS search: a person keeps their SID across bookings with
 * different livescan captures, a new person gets the state's next SID, numbering survives a
 * restart, and two processes working on one state at once never give one number twice nor one
 * person two numbers.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { capture } from '../biometrics/search/testing.ts';
import { openEngineSearches, type EngineSearches } from '../biometrics/search/tenprint-port.ts';
import type { Message } from '../bus/message.ts';
import { ManualClock } from '../domain/clock.ts';
import type { BookingSubmission } from '../domain/booking.ts';
import { verifyAudit } from '../store/audit.ts';
import { openStore } from '../store/open.ts';
import { sibResults, stateSidCounters, stateSubjects } from '../store/schema/index.ts';
import type { Store } from '../store/store.ts';
import { simEpoch } from '../sim/demo.ts';
import { seedWorld } from '../sim/seed.ts';
import { generateWorld, type World } from '../sim/world.ts';
import { createTestDatabase, openTestStore, postgresAvailable } from '../../test/support/store.ts';
import { requireOrSkip } from '../../test/support/env.ts';
import { worldBooking } from '../../test/support/world-booking.ts';
import { submitBookings, type Submitted } from './intake.ts';
import { ruleBookParticipation } from './participation.ts';
import type { ParticipationPort, StateSearch } from './ports.ts';
import { stageHandler } from './stage.ts';
import { sibStage } from './stages/sib.ts';
import { topics } from './topics.ts';

const hour = 3_600_000;
const TX = 'TX1010000';
const CT = 'CT0020000';
const world: World = generateWorld('sib-test', 40, simEpoch);
const clock = new ManualClock(new Date(simEpoch.getTime() + hour));

/** Booking `tcn` of world person `n` at jail `ori`, with livescan capture number `take`. */
function booking(n: number, ori: string, tcn: string, take: number): BookingSubmission {
  const p = world.people[n]!;
  return worldBooking(p, clock.now(), { ori, tcn, prints: capture(p.prints, take) });
}

/** Submits the bookings and runs them through the SIB stage as one batch; their results by TCN. */
async function sib(store: Store, search: StateSearch, subs: BookingSubmission[], participation: ParticipationPort = ruleBookParticipation()) {
  const submitted = await submitBookings(store, clock, subs);
  return sibAgain(store, search, submitted, participation);
}

async function sibAgain(store: Store, search: StateSearch, submitted: Submitted[], participation: ParticipationPort = ruleBookParticipation()) {
  const messages: Message[] = submitted.map((s) => ({ id: `${topics.bookingSubmitted}:${s.bookingId}`, topic: topics.bookingSubmitted, payload: { bookingId: s.bookingId }, availableAt: clock.now() }));
  await stageHandler(store, clock, sibStage(participation, search))(messages);
  const rows = await store.db.select().from(sibResults).where(inArray(sibResults.bookingId, submitted.map((s) => s.bookingId)));
  const byId = new Map(rows.map((r) => [r.bookingId, r]));
  return Object.fromEntries(submitted.map((s) => [s.tcn, byId.get(s.bookingId)!]));
}

let store: Store;
let searches: EngineSearches;
before(async () => {
  store = await openTestStore('pglite');
  await seedWorld(store, world);
  searches = await openEngineSearches(store, { threads: 0 });
});
after(async () => {
  await searches?.close();
  await store?.close();
});

test('migration 0011: a SID from before the state search becomes a repository person, identified at their next booking', async () => {
  // As the placeholder left it: a SID derived from the prints, no repository behind it.
  const [old] = await submitBookings(store, clock, [booking(30, TX, 'OLD-1', 1)]);
  await store.db.insert(sibResults).values({ bookingId: old!.bookingId, sid: 'TX55555555', forwardedToDhs: true, reason: 'placeholder', at: clock.now() });
  await store.db.execute(sql.raw(readFileSync(new URL('../store/migrations/0011_placeholder_sids_enrolled.sql', import.meta.url), 'utf8')));
  const [carried] = await store.db.select().from(stateSubjects).where(eq(stateSubjects.sid, 'TX55555555'));
  assert.deepEqual([carried?.state, carried?.seq, carried?.personId, carried?.bookingId], ['TX', 0, world.people[30]!.row.id, old!.bookingId]);
  await searches.close();
  searches = await openEngineSearches(store, { threads: 0 });
  const next = await sib(store, searches.stateSearch, [booking(30, TX, 'OLD-2', 2)]);
  assert.deepEqual([next['OLD-2']!.sid, next['OLD-2']!.newlyAssigned], ['TX55555555', false]);
});

test('a person booked again with another capture keeps their SID; another person gets the next one', async () => {
  const first = await sib(store, searches.stateSearch, [booking(1, TX, 'A-1', 1), booking(2, TX, 'B-1', 2)]);
  assert.deepEqual([first['A-1']!.sid, first['A-1']!.newlyAssigned], ['TX00000001', true]);
  assert.deepEqual([first['B-1']!.sid, first['B-1']!.newlyAssigned], ['TX00000002', true]);

  // Another capture of person 1, person 3 twice in one batch, and person 1 in another state.
  const second = await sib(store, searches.stateSearch, [booking(1, TX, 'A-2', 7), booking(3, TX, 'C-1', 3), booking(3, TX, 'C-2', 4), booking(1, CT, 'A-CT', 5)]);
  assert.deepEqual([second['A-2']!.sid, second['A-2']!.newlyAssigned], ['TX00000001', false]);
  assert.ok(second['A-2']!.score! > first['B-1']!.score!, 'a hit scores above a stranger');
  assert.deepEqual([second['C-1']!.sid, second['C-1']!.newlyAssigned], ['TX00000003', true]);
  assert.deepEqual([second['C-2']!.sid, second['C-2']!.newlyAssigned], ['TX00000003', false]);
  assert.deepEqual([second['A-CT']!.sid, second['A-CT']!.newlyAssigned], ['CT00000001', true]);

  const repo = await store.db.select().from(stateSubjects).where(gt(stateSubjects.seq, 0)).orderBy(asc(stateSubjects.sid));
  assert.deepEqual(
    repo.map((r) => [r.sid, r.personId, r.seq]),
    [
      ['CT00000001', world.people[1]!.row.id, 1],
      ['TX00000001', world.people[1]!.row.id, 1],
      ['TX00000002', world.people[2]!.row.id, 2],
      ['TX00000003', world.people[3]!.row.id, 3],
    ],
  );
  await verifyAudit(store.db);
});

test('a SIB transaction that fails takes back the people it held: the retry enrols them under the same numbers', async () => {
  const failing: ParticipationPort = {
    sharing() {
      throw new Error('participation unavailable');
    },
  };
  const subs = [booking(7, TX, 'G-1', 1), booking(7, TX, 'G-2', 2)];
  const submitted = await submitBookings(store, clock, subs);
  await assert.rejects(sibAgain(store, searches.stateSearch, submitted, failing), /participation unavailable/);
  assert.equal((await store.db.select().from(stateSubjects).where(eq(stateSubjects.personId, world.people[7]!.row.id))).length, 0);
  const retried = await sibAgain(store, searches.stateSearch, submitted);
  assert.deepEqual([retried['G-1']!.sid, retried['G-1']!.newlyAssigned], ['TX00000004', true]);
  assert.deepEqual([retried['G-2']!.sid, retried['G-2']!.newlyAssigned], ['TX00000004', false]);
});

test('after a restart the reloaded galleries identify, and numbering goes on without reusing a number', async () => {
  await searches.close();
  searches = await openEngineSearches(store, { threads: 0 });
  const again = await sib(store, searches.stateSearch, [booking(2, TX, 'B-2', 9), booking(4, TX, 'D-1', 1)]);
  assert.deepEqual([again['B-2']!.sid, again['B-2']!.newlyAssigned], ['TX00000002', false]);
  assert.deepEqual([again['D-1']!.sid, again['D-1']!.newlyAssigned], ['TX00000005', true]);
  const [counter] = await store.db.select().from(stateSidCounters).where(eq(stateSidCounters.state, 'TX'));
  assert.equal(counter!.last, 5);
});

test('a SID carried over from before the search keeps its number out of the sequence', async () => {
  // As migration 0011 leaves it: a repository person with seq 0 whose SID holds a number ahead.
  const [enrolling] = await store.db.select().from(stateSubjects).where(eq(stateSubjects.sid, 'TX00000005'));
  await store.db.insert(stateSubjects).values({ ...enrolling!, sid: 'TX00000006', seq: 0, personId: world.people[5]!.row.id, templates: capture(world.people[5]!.prints, 0) });
  await searches.close();
  searches = await openEngineSearches(store, { threads: 0 });
  const next = await sib(store, searches.stateSearch, [booking(5, TX, 'E-1', 2), booking(6, TX, 'F-1', 1)]);
  assert.deepEqual([next['E-1']!.sid, next['E-1']!.newlyAssigned], ['TX00000006', false]);
  assert.deepEqual([next['F-1']!.sid, next['F-1']!.newlyAssigned], ['TX00000007', true]);
});

test('two processes on PostgreSQL booking the same people in one state at once: one SID per person, no SID twice', async (t) => {
  if (requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable())) return t.skip('no PostgreSQL');
  const database = await createTestDatabase();
  const stores = [await openStore({ url: database.url }), await openStore({ url: database.url })];
  const engines: EngineSearches[] = [];
  try {
    await seedWorld(stores[0]!, world);
    for (const s of stores) engines.push(await openEngineSearches(s, { threads: 0 }));
    // Three rounds; in each, both processes book people 10..17 (new ones and known ones) at once.
    for (let round = 0; round < 3; round++) {
      const people = Array.from({ length: 8 }, (_, i) => 10 + i + round * 4);
      await Promise.all(
        stores.map((s, w) => sib(s, engines[w]!.stateSearch, people.map((n) => booking(n, TX, `R${round}-W${w}-P${n}`, round * 2 + w)))),
      );
    }
    const results = await stores[0]!.db.select().from(sibResults);
    const subs = await stores[0]!.db.select({ sid: stateSubjects.sid, personId: stateSubjects.personId }).from(stateSubjects);
    const sidsOf = new Map<string, Set<string>>();
    for (const r of results) {
      const person = r.bookingId.split('-P')[1]!;
      sidsOf.set(person, (sidsOf.get(person) ?? new Set()).add(r.sid));
    }
    // 10..25: sixteen people, each with one SID, all different, numbered 1..16 without a gap.
    assert.equal(sidsOf.size, 16);
    for (const [person, sids] of sidsOf) assert.equal(sids.size, 1, `person ${person}: ${[...sids]}`);
    assert.equal(new Set([...sidsOf.values()].map((s) => [...s][0])).size, 16);
    assert.deepEqual(subs.map((s) => s.sid).sort(), Array.from({ length: 16 }, (_, i) => `TX${String(i + 1).padStart(8, '0')}`));
    assert.equal(new Set(subs.map((s) => s.personId)).size, 16);
    assert.equal(results.filter((r) => r.newlyAssigned).length, 16);
  } finally {
    for (const e of engines) await e.close();
    for (const s of stores) await s.close();
    await database.drop();
  }
});
