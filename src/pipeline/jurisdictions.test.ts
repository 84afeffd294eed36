/**
 * Each jurisdiction's law on pipeline cases: bookings of synthetic people with designed records
 * go through every stage, at dates when each law was in force, and the jail answers under its own
 * rules — honour and decline wherever the law allows both — with the engine's explanation stored
 * with the ICE decision and with the jail's answer. Also: notification and transfer requests
 * (PEP), claims of US citizenship, and that no hold outlasts its clock.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq, inArray } from 'drizzle-orm';
import type { FingerTemplate } from '../biometrics/template.ts';
import { ManualClock } from '../domain/clock.ts';
import type { BookingSubmission } from '../domain/booking.ts';
import type { ImmigrationStatus } from '../domain/lesc.ts';
import type { RecordFlags } from '../domain/offense.ts';
import { verifyAudit } from '../store/audit.ts';
import {
  bookingOutcomes,
  citizenshipClaims,
  detainerEvents,
  detainers,
  escalations,
  iceDecisions,
  jailResponses,
} from '../store/schema/index.ts';
import { listEscalations, safeguardsOf } from '../store/queries/safeguards.ts';
import type { Store } from '../store/store.ts';
import { advanceClock } from '../sim/driver.ts';
import { syntheticHand } from '../sim/fingers.ts';
import { offenses } from '../sim/offenses.ts';
import { Prng } from '../sim/prng.ts';
import { seedWorld } from '../sim/seed.ts';
import type { World } from '../sim/world.ts';
import { openTestStore } from '../../test/support/store.ts';
import { pipelineCounts } from './counts.ts';
import { bookingIdFor } from './intake.ts';
import { createPipeline, type Pipeline } from './pipeline.ts';
import type { TenprintSearch } from './ports.ts';

const hour = 3_600_000;
const ORI = { tx: 'TX1010000', ca: 'CA0194200', cook: 'IL0160000', ct: 'CT0020000', ma: 'MA0130000', ny: 'NY0230000' } as const;

interface Person {
  id: string;
  citizenship?: 'us_born' | 'naturalized' | 'lpr' | 'visa_holder' | 'undocumented';
  /** In the IDENT gallery with this status. */
  status?: ImmigrationStatus;
  /** Convictions: NCIC code and date. A person with convictions, flags or a warrant has an FBI record. */
  convictions?: [ncic: string, on: string][];
  flags?: Partial<RecordFlags>;
  warrant?: { issuer: 'state' | 'federal' | 'local'; state?: string; judicial?: boolean; felony?: boolean };
}

const spec = (ncic: string) => offenses.find((o) => o.ncic === ncic)!;

/** A world of designed people; each has an FBI record if anything criminal is known, and an IDENT record if it has a status. */
function worldOf(people: readonly Person[], epoch: Date): World {
  const world: World = { seed: 'jurisdictions', epoch, people: [], criminalSubjects: [], convictions: [], warrants: [], immigrationSubjects: [], encounters: [] };
  for (const p of people) {
    const prints = syntheticHand(new Prng(p.id));
    const row = { id: p.id, familyName: `SYN-${p.id}`, givenName: 'PERSON', dob: '1980-01-01', sex: 'M', pob: p.status ? 'MX' : 'TX', citizenship: p.citizenship ?? 'undocumented', createdAt: epoch };
    world.people.push({ row, prints, convicted: Boolean(p.convictions?.length) });
    if (p.convictions || p.flags || p.warrant) {
      const fbiNumber = `F${p.id}`;
      world.criminalSubjects.push({ fbiNumber, personId: p.id, familyName: row.familyName, givenName: row.givenName, dob: row.dob, sex: row.sex, templates: prints, enrolledAt: epoch, ...p.flags });
      (p.convictions ?? []).forEach(([ncic, on], k) => {
        const o = spec(ncic);
        world.convictions.push({ id: `${fbiNumber}-C${k}`, fbiNumber, ...o, federal: false, convictedOn: on });
      });
      if (p.warrant) {
        const w = p.warrant;
        world.warrants.push({ id: `${fbiNumber}-W`, fbiNumber, issuer: w.issuer, state: w.state ?? null, judicial: w.judicial ?? true, felony: w.felony ?? true, immigration: false, description: 'synthetic warrant', issuedOn: '2011-01-01' });
      }
    }
    if (p.status) {
      const fin = `FIN-${p.id}`;
      world.immigrationSubjects.push({ fin, personId: p.id, aNumber: null, status: p.status, familyName: row.familyName, givenName: row.givenName, dob: row.dob, sex: row.sex, pob: row.pob, priorRemovalOrder: p.status === 'removed', templates: prints, enrolledAt: epoch });
      world.encounters.push({ id: `${fin}-E1`, fin, kind: 'border', at: new Date('2005-05-05T00:00:00Z'), place: 'EL PASO, TX' });
    }
  }
  return world;
}

/** The search port as an exact lookup: these tests are about the law, not about matching. */
function exactSearch(gallery: Iterable<[string, readonly FingerTemplate[]]>): TenprintSearch {
  const key = (t: readonly FingerTemplate[]) => t.map((f) => f.minutiae.map((m) => `${m.x},${m.y}`).sort().join(';')).join('|');
  const index = new Map([...gallery].map(([id, t]) => [key(t), id]));
  return {
    async search(probe) {
      const id = index.get(key(probe));
      return id ? [{ subjectId: id, score: 1, hit: true }] : [];
    },
    enrol(id, templates) {
      index.set(key(templates), id);
    },
  };
}

// ---------------------------------------------------------------- the people -------------------

const ERA_2014: Person[] = [
  { id: 'CA-HONOUR', status: 'overstay', convictions: [['1299', '2010-03-01']] },
  { id: 'CA-DECLINE', status: 'overstay' },
  { id: 'CT-NO-BOND', status: 'entered_without_inspection' },
  { id: 'CT-WARRANT', status: 'overstay', warrant: { issuer: 'state', state: 'CT', felony: false } },
  { id: 'CT-DECLINE', status: 'overstay' },
  { id: 'COOK', status: 'overstay', convictions: [['2299', '2011-03-01']] },
  { id: 'HARRIS', status: 'overstay', convictions: [['2299', '2011-03-01']] },
  { id: 'SUFFOLK', status: 'overstay', convictions: [['2299', '2011-03-01']] },
  { id: 'KINGS', status: 'overstay', convictions: [['2299', '2011-03-01']] },
  // US citizens with a wrong record in IDENT, both with a felony on record.
  { id: 'CLAIM-IN-HOLD', citizenship: 'us_born', status: 'overstay', convictions: [['2299', '2011-03-01']] },
  { id: 'CLAIM-FIRST', citizenship: 'us_born', status: 'overstay', convictions: [['2299', '2011-03-01']] },
];

const ERA_2020: Person[] = [
  { id: 'CA-NOTIFY', status: 'overstay', convictions: [['2299', '2015-03-01']] },
  { id: 'CA-NOTIFY-NOT-MET', status: 'overstay', convictions: [['2303', '2010-03-01'], ['2303', '2010-06-01'], ['3562', '2010-09-01']] },
  { id: 'CA-HOLD-AS-NOTICE', status: 'overstay', convictions: [['1299', '2015-03-01']] },
  { id: 'CA-NOTICE-CLAIMED', status: 'overstay', convictions: [['1299', '2015-03-01']] },
  { id: 'CT-CLASS-A', status: 'overstay', convictions: [['0999', '2001-03-01']] },
  { id: 'CT-CLASS-C', status: 'overstay', convictions: [['2299', '2015-03-01']] },
  { id: 'CT-TRANSFER', status: 'removed', convictions: [['2399', '2015-03-01']], warrant: { issuer: 'federal', judicial: true, felony: true } },
  { id: 'COOK-TRANSFER', status: 'removed', convictions: [['2399', '2015-03-01']] },
  { id: 'HARRIS-NOTIFY', status: 'overstay', convictions: [['2299', '2015-03-01']] },
];

const era2014 = new Date('2014-06-02T14:00:00Z'); // a Monday: Dec 2012 guidance, California and Connecticut TRUST Acts
const era2020 = new Date('2020-01-06T14:00:00Z'); // a Monday: PEP forms, California Values Act, Connecticut 2019 amendment

let store: Store;
let world: World;
let pipeline: Pipeline;
const clock = new ManualClock(era2014);

before(async () => {
  store = await openTestStore('pglite');
  world = worldOf([...ERA_2014, ...ERA_2020], era2014);
  await seedWorld(store, world);
  pipeline = await createPipeline(store, clock, {
    ports: {
      cjisSearch: exactSearch(world.criminalSubjects.map((s) => [s.fbiNumber, s.templates])),
      identSearch: exactSearch(world.immigrationSubjects.map((s) => [s.fin, s.templates])),
      // ICE comes too late for any hold here: each hold runs its whole clock and lapses.
      pickup: { delayMs: () => 200 * hour },
    },
  });
});
after(async () => {
  await pipeline?.close();
  await store?.close();
});

function booking(id: string, ori: string, charges: { ncic: string; bondPosted?: boolean }[], o: Partial<BookingSubmission> = {}): BookingSubmission {
  const p = world.people.find((x) => x.row.id === id)!;
  return {
    tcn: `J-${id}`,
    ori,
    bookingNumber: `BK-${id}`,
    tot: 'CAR',
    familyName: p.row.familyName,
    givenName: p.row.givenName,
    dob: p.row.dob,
    sex: 'M',
    pob: p.row.pob,
    arrestedAt: new Date(clock.now().getTime() - hour),
    releaseDueAt: new Date(clock.now().getTime() + 12 * hour),
    charges: charges.map((c) => {
      const s = spec(c.ncic);
      return { offense: s.offense, ncic: s.ncic, level: s.level, felony: s.felony, maxMonths: s.maxMonths, bondPosted: c.bondPosted ?? true };
    }),
    prints: p.prints,
    simPersonId: id,
    ...o,
  };
}

async function recordOf(id: string) {
  const bookingId = bookingIdFor(`J-${id}`);
  const [decision] = await store.db.select().from(iceDecisions).where(eq(iceDecisions.bookingId, bookingId));
  const [request] = await store.db.select().from(detainers).where(eq(detainers.bookingId, bookingId));
  const [answer] = await store.db.select().from(jailResponses).where(eq(jailResponses.bookingId, bookingId));
  const [outcome] = await store.db.select().from(bookingOutcomes).where(eq(bookingOutcomes.bookingId, bookingId));
  const events = request ? await store.db.select().from(detainerEvents).where(eq(detainerEvents.detainerId, request.id)).orderBy(asc(detainerEvents.seq)) : [];
  return { bookingId, decision, request, answer, outcome, events, history: events.map((e) => e.to) };
}

/** The rules that fired in a stored explanation, as "decision: rule (file)". */
function fired(traces: readonly { decision: string; file: string; fired: readonly { rule: string; cite: string; line: number; facts: readonly unknown[] }[] }[]): string[] {
  for (const t of traces) for (const f of t.fired) assert.ok(f.cite && f.line > 0 && f.facts.length > 0, `${t.decision}: ${f.rule} carries its cite, line and facts`);
  return traces.flatMap((t) => t.fired.map((f) => `${t.decision}: ${f.rule} (${t.file})`));
}

test('2014: each jail answers the I-247 under its own law, and the answer is stored with its explanation', async () => {
  clock.set(era2014);
  await pipeline.submit([
    booking('CA-HONOUR', ORI.ca, [{ ncic: '5403' }]),
    booking('CA-DECLINE', ORI.ca, [{ ncic: '5403' }]),
    booking('CT-NO-BOND', ORI.ct, [{ ncic: '2299', bondPosted: false }]),
    booking('CT-WARRANT', ORI.ct, [{ ncic: '5403' }]),
    booking('CT-DECLINE', ORI.ct, [{ ncic: '5403' }]),
    booking('COOK', ORI.cook, [{ ncic: '5403' }]),
    booking('HARRIS', ORI.tx, [{ ncic: '5403' }]),
    booking('SUFFOLK', ORI.ma, [{ ncic: '5403' }]),
    booking('KINGS', ORI.ny, [{ ncic: '5403' }]),
    booking('CLAIM-IN-HOLD', ORI.tx, [{ ncic: '5403' }], { simCitizenshipClaim: { at: new Date(era2014.getTime() + 22 * hour), madeTo: 'hotline' } }),
    booking('CLAIM-FIRST', ORI.tx, [{ ncic: '5403' }], { simCitizenshipClaim: { at: era2014, madeTo: 'jail' } }),
  ]);
  await advanceClock(pipeline.bus, clock);

  const expect: [string, 'honour' | 'decline', string[]][] = [
    [
      'CA-HONOUR',
      'honour',
      [
        'ca-7282-5: serious-or-violent-felony (policies/us-ca.policy)',
        'ca-7282-5: state-prison-felony (policies/us-ca.policy)',
        'ca-7282-5: listed-felony-within-15-years (policies/us-ca.policy)',
        'jail-response: listed-circumstance (policies/us-ca.policy)',
      ],
    ],
    ['CA-DECLINE', 'decline', []],
    ['CT-NO-BOND', 'honour', ['jail-response: pending-charge-no-bond (policies/us-ct.policy)']],
    ['CT-WARRANT', 'honour', ['jail-response: state-arrest-warrant (policies/us-ct.policy)']],
    ['CT-DECLINE', 'decline', []],
    ['COOK', 'decline', []],
    ['HARRIS', 'honour', []],
    ['SUFFOLK', 'honour', []],
    ['KINGS', 'honour', []],
  ];
  for (const [id, response, rules] of expect) {
    const r = await recordOf(id);
    assert.equal(r.decision?.action, 'I-247', `${id}: ICE asks for a detainer`);
    assert.equal(r.decision!.explanation!.action, 'I-247');
    assert.ok(fired(r.decision!.explanation!.explanation).includes('action: criteria-met (policies/federal.policy)'), `${id}: the Dec 2012 criteria decided`);
    assert.equal(r.answer?.decision, response, id);
    const ex = r.answer!.explanation!;
    assert.equal(ex.response, response);
    assert.equal(ex.request, 'I-247');
    assert.deepEqual(fired(ex.explanation).filter((x) => !x.startsWith('clock')), rules, `${id}: the rules that fired`);
    if (rules.length === 0) assert.ok(ex.explanation.some((t) => t.decision === 'jail-response' && t.byDefault && t.version.source), `${id}: the default in force, with its source`);
    if (response === 'honour') {
      assert.deepEqual(r.history, ['requested', 'lodged', 'honoured', 'lapsed', 'released'], id);
      assert.equal(ex.clock?.expiresAtMs, r.request!.holdExpiresAt!.getTime(), `${id}: the stored clock is the hold's`);
    } else {
      assert.deepEqual(r.history, ['requested', 'lodged', 'declined', 'released'], id);
    }
  }
  // Connecticut counts an absolute 48 hours; Harris County the federal 48 hours without the weekend.
  const ct = await recordOf('CT-NO-BOND');
  assert.equal(ct.answer!.explanation!.clockRule, 'absolute');
  assert.equal(ct.request!.holdExpiresAt!.getTime() - era2014.getTime(), (12 + 48) * hour);

  // A claim of US citizenship during the hold stops it at the claim; the case is escalated.
  const held = await recordOf('CLAIM-IN-HOLD');
  assert.deepEqual(held.history, ['requested', 'lodged', 'honoured', 'cancelled', 'released']);
  const claimAt = era2014.getTime() + 22 * hour;
  assert.equal(held.events.at(-1)!.at.getTime(), claimAt, 'released at the claim, not at the end of the clock');
  assert.ok(claimAt < held.request!.holdExpiresAt!.getTime());
  assert.deepEqual([held.outcome?.outcome, held.outcome?.at.getTime()], ['released', claimAt]);
  const [claim] = await store.db.select().from(citizenshipClaims).where(eq(citizenshipClaims.bookingId, held.bookingId));
  assert.deepEqual([claim?.claimedAt.getTime(), claim?.madeTo], [claimAt, 'hotline']);
  const [escalated] = await store.db.select().from(escalations).where(eq(escalations.bookingId, held.bookingId));
  assert.deepEqual([escalated?.reason, escalated?.detainerId], ['us-citizenship-claim', held.request!.id]);

  // A claim made at booking: ICE takes no action (the safeguard, recorded in the explanation) and escalates.
  const first = await recordOf('CLAIM-FIRST');
  assert.equal(first.decision?.action, 'none');
  assert.equal(first.request, undefined);
  assert.equal(first.decision!.explanation!.escalation, 'us-citizenship-claim');
  assert.deepEqual(first.decision!.explanation!.safeguards.map((s) => s.id), ['us-citizenship-claim']);
  assert.equal(first.outcome?.outcome, 'no_action');
  assert.equal((await store.db.select().from(escalations).where(eq(escalations.bookingId, first.bookingId))).length, 1);

  // What the console reads: a booking's claim and escalations, and the escalated cases a reader may see.
  const seen = await safeguardsOf(store.db, first.bookingId);
  assert.deepEqual([seen.claim?.madeTo, seen.escalations.map((e) => e.reason)], ['jail', ['us-citizenship-claim']]);
  assert.deepEqual((await listEscalations(store.db, { jurisdictionId: 'tx-harris' }, 10)).map((e) => e.bookingId).sort(), [first.bookingId, held.bookingId].sort());
  assert.deepEqual(await listEscalations(store.db, { jurisdictionId: 'ct-hartford' }, 10), []);
});

test('2020: requests for notification and transfer (PEP) are answered under the California Values Act, Connecticut 2019 and Cook County', async () => {
  clock.set(era2020);
  await pipeline.submit([
    booking('CA-NOTIFY', ORI.ca, [{ ncic: '5403' }]),
    booking('CA-NOTIFY-NOT-MET', ORI.ca, [{ ncic: '5403' }]),
    booking('CA-HOLD-AS-NOTICE', ORI.ca, [{ ncic: '5403' }]),
    booking('CA-NOTICE-CLAIMED', ORI.ca, [{ ncic: '5403' }], { simCitizenshipClaim: { at: new Date(era2020.getTime() + 6 * hour), madeTo: 'jail' } }),
    booking('CT-CLASS-A', ORI.ct, [{ ncic: '5403' }]),
    booking('CT-CLASS-C', ORI.ct, [{ ncic: '5403' }]),
    booking('CT-TRANSFER', ORI.ct, [{ ncic: '5403' }]),
    booking('COOK-TRANSFER', ORI.cook, [{ ncic: '5403' }]),
    booking('HARRIS-NOTIFY', ORI.tx, [{ ncic: '5403' }]),
  ]);
  await advanceClock(pipeline.bus, clock);

  const expect: [string, string, string, string[], string[]][] = [
    ['CA-NOTIFY', 'I-247N', 'honour', ['requested', 'lodged', 'honoured', 'notified', 'released'], ['jail-response: notification (policies/us-ca.policy)']],
    ['CA-NOTIFY-NOT-MET', 'I-247N', 'decline', ['requested', 'lodged', 'declined', 'released'], []],
    ['CA-HOLD-AS-NOTICE', 'I-247D', 'notify-only', ['requested', 'lodged', 'declined', 'notified', 'released'], ['jail-response: hold-becomes-notification (policies/us-ca.policy)']],
    // A claim made after the jail agreed to notify, before the release: no notice is given.
    ['CA-NOTICE-CLAIMED', 'I-247D', 'notify-only', ['requested', 'lodged', 'declined', 'released'], ['jail-response: hold-becomes-notification (policies/us-ca.policy)']],
    ['CT-CLASS-A', 'I-247D', 'honour', ['requested', 'lodged', 'honoured', 'lapsed', 'released'], ['jail-response: class-a-or-b-felony (policies/us-ct.policy)']],
    ['CT-CLASS-C', 'I-247N', 'decline', ['requested', 'lodged', 'declined', 'released'], []],
    ['CT-TRANSFER', 'I-247X', 'honour', ['requested', 'lodged', 'honoured', 'custody_transferred'], ['jail-response: judicial-warrant (policies/us-ct.policy)']],
    ['COOK-TRANSFER', 'I-247X', 'decline', ['requested', 'lodged', 'declined', 'released'], []],
    ['HARRIS-NOTIFY', 'I-247N', 'honour', ['requested', 'lodged', 'honoured', 'notified', 'released'], []],
  ];
  for (const [id, form, response, history, rules] of expect) {
    const r = await recordOf(id);
    assert.equal(r.decision?.action, form, `${id}: ICE's request`);
    assert.equal(r.answer?.decision, response, id);
    assert.deepEqual(r.history, history, id);
    assert.deepEqual(
      fired(r.answer!.explanation!.explanation).filter((x) => x.startsWith('jail-response')),
      rules,
      `${id}: the rules that fired`,
    );
  }
  // A transfer is handed over, and a notification given, at the otherwise-release time.
  const transfer = await recordOf('CT-TRANSFER');
  assert.deepEqual([transfer.outcome?.outcome, transfer.outcome?.at.getTime()], ['custody_transferred', era2020.getTime() + 12 * hour]);
  assert.equal((await recordOf('CA-NOTIFY')).events.find((e) => e.to === 'notified')!.at.getTime(), era2020.getTime() + 12 * hour);

  const counts = await pipelineCounts(store.db);
  assert.deepEqual(counts.notifications, { lodged: 4, agreed: 2, declined: 2, notified: 2 });
  assert.deepEqual(counts.transfers, { lodged: 2, agreed: 1, declined: 1, transferred: 1 });
  assert.deepEqual(counts.citizenshipClaims, { claims: 3, cancelled: 1 });
  assert.equal(counts.escalations, 3);
});

test('no hold outlasts its clock, and every record change is in the audit chain', async () => {
  const held = await store.db.select().from(detainers).where(inArray(detainers.form, ['I-247', 'I-247D']));
  let holds = 0;
  for (const d of held.filter((x) => x.holdExpiresAt)) {
    holds++;
    const end = (await store.db.select().from(detainerEvents).where(eq(detainerEvents.detainerId, d.id))).find((e) => ['lapsed', 'cancelled', 'custody_transferred'].includes(e.to))!;
    assert.ok(end.at <= d.holdExpiresAt!, `${d.id} ended by its clock`);
  }
  assert.ok(holds >= 7);
  assert.ok((await verifyAudit(store.db)).entries > 0);
});
