/**
 * The pipeline end to end on one embedded store: each stage's records for the paths a booking can
 * take, the intake's typed errors, and crashes at every acknowledgement point.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, count, countDistinct, eq, inArray } from 'drizzle-orm';
import { OutboxBus } from '../bus/outbox-bus.ts';
import { SimulatedCrash } from '../bus/simulated-crash.ts';
import { ManualClock } from '../domain/clock.ts';
import type { BookingSubmission } from '../domain/booking.ts';
import type { IarBody } from '../domain/lesc.ts';
import { verifyAudit } from '../store/audit.ts';
import {
  auditLog,
  bookingOutcomes,
  bookings,
  cjisResults,
  detainerEvents,
  detainers,
  iaqs,
  iars,
  identResults,
  outbox,
  sibResults,
} from '../store/schema/index.ts';
import type { Store } from '../store/store.ts';
import { BookingStream } from '../sim/bookings.ts';
import { simEpoch } from '../sim/demo.ts';
import { advanceClock } from '../sim/driver.ts';
import { Prng } from '../sim/prng.ts';
import { seedWorld } from '../sim/seed.ts';
import { generateWorld, type World, type WorldPerson } from '../sim/world.ts';
import { openTestStore } from '../../test/support/store.ts';
import { worldBooking } from '../../test/support/world-booking.ts';
import { createPipeline } from './pipeline.ts';
import { isSeccomError } from '../errors/index.ts';

const hour = 3_600_000;
const TX = 'TX1010000';
const COOK = 'IL0160000';
const MA = 'MA0130000'; // activated only on 2012-05-15

let store: Store;
let world: World;
const clock = new ManualClock(new Date(simEpoch.getTime() + hour));
const pickupDelays = new Map<string, number>();

before(async () => {
  store = await openTestStore('pglite');
  world = generateWorld('pipeline-test', 500, simEpoch);
  await seedWorld(store, world);
});
after(() => store?.close());

function pipeline(bus?: OutboxBus) {
  return createPipeline(store, clock, { bus, ports: { pickup: { delayMs: (id) => pickupDelays.get(id) ?? 10 * hour } } });
}

function bookingOf(p: WorldPerson, ori: string, tcn: string, releaseInHours = 12): BookingSubmission {
  return worldBooking(p, clock.now(), { ori, tcn, releaseInHours });
}

function people() {
  const criminal = new Set(world.criminalSubjects.map((s) => s.personId));
  const gallery = new Map(world.immigrationSubjects.map((s) => [s.personId, s]));
  const plain = world.people.filter((p) => !criminal.has(p.row.id) && !gallery.has(p.row.id));
  const convicted = world.people.filter((p) => criminal.has(p.row.id) && !gallery.has(p.row.id));
  const removable = world.people.filter((p) => ['entered_without_inspection', 'overstay', 'removed'].includes(gallery.get(p.row.id)?.status ?? ''));
  assert.ok(plain.length >= 2 && convicted.length >= 1 && removable.length >= 3, 'the test world has every kind of person');
  return { plain, convicted, removable, gallery };
}

test('each path through the stages leaves its records and ends in its outcome', async () => {
  const { plain, convicted, removable, gallery } = people();
  const p = await pipeline();
  pickupDelays.set('D-T-SEIZED', 10 * hour);
  pickupDelays.set('D-T-LAPSED', 70 * hour);
  const submitted = await p.submit([
    bookingOf(plain[0]!, TX, 'T-PLAIN'),
    bookingOf(convicted[0]!, TX, 'T-CONVICTED'),
    bookingOf(plain[1]!, MA, 'T-NOT-SHARED'),
    bookingOf(removable[0]!, TX, 'T-SEIZED'),
    bookingOf(removable[1]!, TX, 'T-LAPSED'),
    bookingOf(removable[2]!, COOK, 'T-DECLINED'),
  ]);
  assert.deepEqual(submitted.map((s) => s.bookingId), ['B-T-PLAIN', 'B-T-CONVICTED', 'B-T-NOT-SHARED', 'B-T-SEIZED', 'B-T-LAPSED', 'B-T-DECLINED']);
  await advanceClock(p.bus, clock);

  const outcomes = Object.fromEntries((await store.db.select().from(bookingOutcomes)).map((o) => [o.bookingId, o.outcome]));
  assert.deepEqual(outcomes, {
    'B-T-PLAIN': 'no_ident_match',
    'B-T-CONVICTED': 'no_ident_match',
    'B-T-NOT-SHARED': 'not_shared',
    'B-T-SEIZED': 'custody_transferred',
    'B-T-LAPSED': 'released',
    'B-T-DECLINED': 'released',
  });

  // SIB: a SID for everyone; DHS sharing decided by the jurisdiction's activation at the arrest.
  const sib = new Map((await store.db.select().from(sibResults)).map((r) => [r.bookingId, r]));
  assert.equal(sib.size, 6);
  assert.equal(sib.get('B-T-NOT-SHARED')!.forwardedToDhs, false);
  assert.match(sib.get('B-T-NOT-SHARED')!.reason, /^Suffolk County, MA: not activated on 2012-04-02$/);
  assert.match(sib.get('B-T-PLAIN')!.reason, /^Harris County, TX: shared: activated 2008-10-27 \(us-tx-harris, policies\/us-tx-harris.policy:\d+\)/);
  assert.match(sib.get('B-T-PLAIN')!.sid, /^TX\d{8}$/);

  // CJIS: an ident carries the file's FBI number; a first arrest is enrolled.
  const cjis = new Map((await store.db.select().from(cjisResults)).map((r) => [r.bookingId, r]));
  const fbi = world.criminalSubjects.find((s) => s.personId === convicted[0]!.row.id)!.fbiNumber;
  assert.deepEqual([cjis.get('B-T-CONVICTED')!.srf, cjis.get('B-T-CONVICTED')!.fbiNumber], ['I', fbi]);
  assert.deepEqual([cjis.get('B-T-PLAIN')!.srf, cjis.get('B-T-PLAIN')!.newlyEnrolled], ['N', true]);

  // IDENT: searched only where shared; a match names the FIN.
  const ident = new Map((await store.db.select().from(identResults)).map((r) => [r.bookingId, r]));
  assert.equal(ident.has('B-T-NOT-SHARED'), false);
  assert.equal(ident.get('B-T-PLAIN')!.outcome, 'no_match');
  assert.equal(ident.get('B-T-SEIZED')!.fin, gallery.get(removable[0]!.row.id)!.fin);

  // LESC: the automatic IAQ in Nlets form, and the IAR with status and history.
  const [iaq] = await store.db.select().from(iaqs).where(eq(iaqs.bookingId, 'B-T-SEIZED'));
  const person = removable[0]!.row;
  assert.ok(iaq!.text.startsWith(`IAQ.${TX}.AX.TXT`), iaq!.text);
  assert.match(iaq!.text, new RegExp(`NAM/${person.familyName}, ${person.givenName}\\.DOB/${person.dob.replaceAll('-', '')}\\.SEX/${person.sex}\\.`));
  assert.match(iaq!.text, /CUS\/Y\.OFF\/5403\./);
  const [iar] = await store.db.select().from(iars).where(eq(iars.bookingId, 'B-T-SEIZED'));
  const body = iar!.body as IarBody;
  assert.equal(body.status, gallery.get(person.id)!.status);
  assert.equal(body.fin, gallery.get(person.id)!.fin);
  assert.ok(body.encounters.length > 0);

  // Detainers: the whole history, in order, for each ending.
  const history = async (id: string) =>
    (await store.db.select().from(detainerEvents).where(eq(detainerEvents.detainerId, id)).orderBy(asc(detainerEvents.seq))).map((e) => e.to);
  assert.deepEqual(await history('D-T-SEIZED'), ['requested', 'lodged', 'honoured', 'custody_transferred']);
  assert.deepEqual(await history('D-T-LAPSED'), ['requested', 'lodged', 'honoured', 'lapsed', 'released']);
  assert.deepEqual(await history('D-T-DECLINED'), ['requested', 'lodged', 'declined', 'released']);

  // The detainer clock (no weekend or holiday in between here): the hold ends 48 hours after the
  // otherwise-release time, and the detainer lapses exactly then.
  const [lapsed] = await store.db.select().from(detainers).where(eq(detainers.id, 'D-T-LAPSED'));
  const [booking] = await store.db.select().from(bookings).where(eq(bookings.id, 'B-T-LAPSED'));
  assert.equal(lapsed!.holdExpiresAt!.getTime(), booking!.releaseDueAt.getTime() + 48 * hour);
  const [lapse] = await store.db.select().from(detainerEvents).where(eq(detainerEvents.to, 'lapsed'));
  assert.equal(lapse!.at.getTime(), lapsed!.holdExpiresAt!.getTime());

  assert.equal((await verifyAudit(store.db)).entries > 0, true);
});

async function snapshot() {
  const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]!.n);
  return {
    bookings: await n(store.db.select({ n: count() }).from(bookings)),
    audit: await n(store.db.select({ n: count() }).from(auditLog)),
    outbox: await n(store.db.select({ n: count() }).from(outbox)),
  };
}

function expectCode(code: string) {
  return (e: unknown) => {
    assert.ok(isSeccomError(e), String(e));
    assert.equal(e.code, code);
    return true;
  };
}

test('bad submissions get typed errors and leave nothing half-written', async () => {
  const { plain } = people();
  const p = await pipeline();
  const before = await snapshot();
  await assert.rejects(p.submit([bookingOf(plain[0]!, 'ZZ9999999', 'T-UNKNOWN')]), expectCode('SECCOM_UNKNOWN_JURISDICTION'));
  await assert.rejects(p.submit([{ ...bookingOf(plain[0]!, TX, 'T-BAD'), dob: 'yesterday' }]), expectCode('SECCOM_MALFORMED_BOOKING'));
  await assert.rejects(p.submit([bookingOf(plain[0]!, TX, 'T-PLAIN')]), expectCode('SECCOM_DUPLICATE_SUBMISSION'));
  // One bad booking among good ones: none of them is written.
  await assert.rejects(
    p.submit([bookingOf(plain[0]!, TX, 'T-GOOD-1'), bookingOf(plain[1]!, 'ZZ9999999', 'T-GOOD-2')]),
    expectCode('SECCOM_UNKNOWN_JURISDICTION'),
  );
  await assert.rejects(p.submit([bookingOf(plain[0]!, TX, 'T-TWICE'), bookingOf(plain[1]!, TX, 'T-TWICE')]), expectCode('SECCOM_DUPLICATE_SUBMISSION'));
  assert.deepEqual(await snapshot(), before);
});

test('crashes between a stage commit and its acknowledgement lose nothing and duplicate nothing', async () => {
  const stream = new BookingStream(world);
  const rng = new Prng('crashes');
  let crashes = 0;
  const submitted = await (await pipeline()).submit(Array.from({ length: 60 }, (_, n) => stream.booking(n)));
  const ids = submitted.map((s) => s.bookingId);
  for (let restarts = 0; ; restarts++) {
    assert.ok(restarts < 200, 'the pipeline finishes');
    const bus = new OutboxBus(store, clock, {
      batchSize: 7,
      beforeAck: () => {
        if (rng.chance(0.3)) {
          crashes++;
          throw new SimulatedCrash('between commit and acknowledgement');
        }
      },
    });
    const p = await pipeline(bus); // a restarted process: new bus, galleries reloaded from the store
    try {
      await advanceClock(p.bus, clock);
      break;
    } catch (e) {
      if (!(e instanceof SimulatedCrash)) throw e;
    }
  }
  assert.ok(crashes >= 5, `crashes happened (${crashes})`);

  const one = async (table: typeof sibResults | typeof cjisResults | typeof bookingOutcomes) => {
    const [r] = await store.db.select({ rows: count(), distinct: countDistinct(table.bookingId) }).from(table).where(inArray(table.bookingId, ids));
    return r!;
  };
  // Every booking reached exactly one end, with one record per hop it passed.
  assert.deepEqual(await one(bookingOutcomes), { rows: 60, distinct: 60 });
  assert.deepEqual(await one(sibResults), { rows: 60, distinct: 60 });
  assert.deepEqual(await one(cjisResults), { rows: 60, distinct: 60 });
  const forwarded = await store.db.select({ n: count() }).from(sibResults).where(inArray(sibResults.bookingId, ids));
  const searched = await store.db.select({ n: count() }).from(identResults).where(inArray(identResults.bookingId, ids));
  const shared = (await store.db.select().from(sibResults).where(inArray(sibResults.bookingId, ids))).filter((r) => r.forwardedToDhs).length;
  assert.equal(searched[0]!.n, shared);
  assert.ok(forwarded[0]!.n >= shared);
  // Detainer histories are gapless: no transition applied twice.
  for (const d of await store.db.select().from(detainers).where(inArray(detainers.bookingId, ids))) {
    const seqs = (await store.db.select().from(detainerEvents).where(eq(detainerEvents.detainerId, d.id)).orderBy(asc(detainerEvents.seq))).map((e) => e.seq);
    assert.deepEqual(seqs, Array.from({ length: d.version }, (_, i) => i + 1));
  }
  const [pending] = await store.db.select({ n: count() }).from(outbox).where(eq(outbox.attempts, 0));
  assert.ok(pending!.n > 0);
  await verifyAudit(store.db);
});
