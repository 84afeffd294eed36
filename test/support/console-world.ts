/**
 * A small, fixed world for the API and browser tests: three county jails in two states, a few
 * people in the FBI and DHS galleries, one user per role, and bookings that the real pipeline
 * carries to known ends (a detainer held, one declined, a citizen left alone, no IDENT match).
 * Synthetic people only.
 */
import { createHash } from 'node:crypto';
import type { FingerTemplate } from '../../src/biometrics/template.ts';
import type { BookingSubmission } from '../../src/domain/booking.ts';
import type { ManualClock } from '../../src/domain/clock.ts';
import { insertAudited } from '../../src/store/audited.ts';
import { convictions, criminalSubjects, encounters, immigrationSubjects, jurisdictionActivations, jurisdictions } from '../../src/store/schema/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { Pipeline } from '../../src/pipeline/pipeline.ts';
import { automaticSteps, type ConsoleGate, type HumanSteps } from '../../src/server/steps/gate.ts';
import { createConsolePipeline } from '../../src/server/steps/pipeline.ts';
import type { ServerContext } from '../../src/server/context.ts';

export const worldPassword = 'synthetic-world-password';

export const counties = {
  hartford: { id: 'us-ct-hartford', name: 'Hartford County Jail', state: 'CT', ori: 'CT0020000', rulesetId: 'us-ct' },
  newHaven: { id: 'us-ct-new-haven', name: 'New Haven County Jail', state: 'CT', ori: 'CT0050000', rulesetId: 'us-ct' },
  cook: { id: 'us-il-cook', name: 'Cook County Jail', state: 'IL', ori: 'IL0160000', rulesetId: 'us-il-cook' },
} as const;

/** One user per role; user names are the keys. */
export const worldUsers = {
  hartford: { displayName: 'Hal Hartford', role: 'jail_officer', ori: counties.hartford.ori, scope: `county:${counties.hartford.id}` },
  newhaven: { displayName: 'Nora New Haven', role: 'jail_officer', ori: counties.newHaven.ori, scope: `county:${counties.newHaven.id}` },
  cook: { displayName: 'Cal Cook', role: 'jail_officer', ori: counties.cook.ori, scope: `county:${counties.cook.id}` },
  sib: { displayName: 'Sam Bureau', role: 'sib_operator', ori: 'CTSP00000', scope: 'state:CT' },
  analyst: { displayName: 'Lee Analyst', role: 'lesc_analyst', ori: 'VTICE0900', scope: 'national' },
  ero: { displayName: 'Eve Officer', role: 'ero_officer', ori: 'CTICE0000', scope: 'state:CT' },
  eroil: { displayName: 'Ian Officer', role: 'ero_officer', ori: 'ILICE0000', scope: 'state:IL' },
  board: { displayName: 'Bo Board', role: 'overseer', ori: 'CT0020000', scope: `county:${counties.hartford.id}` },
  inspector: { displayName: 'Ina Inspector', role: 'inspector', ori: 'DCOIG0000', scope: 'national' },
  admin: { displayName: 'Ada Admin', role: 'admin', ori: 'VTICE0900', scope: 'national' },
} as const;
export type WorldUser = keyof typeof worldUsers;

/** Ten fingers drawn from a seed: the same seed always gives the same prints. */
export function fingers(seed: string): FingerTemplate[] {
  return Array.from({ length: 10 }, (_, i) => {
    const h = createHash('sha256').update(`${seed}/${i}`).digest();
    const minutiae = Array.from({ length: 12 }, (_, k) => ({
      x: 20 + h[k % 32]! + k * 7,
      y: 30 + h[(k + 7) % 32]! + k * 5,
      angle: Number(((h[(k + 13) % 32]! / 255) * 6).toFixed(4)),
      type: k % 2 ? ('ending' as const) : ('bifurcation' as const),
      quality: 60,
    }));
    return { width: 500, height: 500, ppi: 500, position: i + 1, quality: 70, minutiae };
  });
}

export interface Person {
  key: string;
  family: string;
  given: string;
  dob: string;
  sex: 'M' | 'F';
  pob: string;
  /** In DHS IDENT with this status. */
  ident?: { fin: string; status: string; aNumber: string | null; priorRemovalOrder: boolean };
  /** In the FBI file with these convictions. */
  fbi?: { number: string; convictions: { offense: string; ncic: string; level: 1 | 2 | 3; felony: boolean; on: string }[] };
  /** The prints on file (default: fingers(key)). */
  templates?: FingerTemplate[];
}

export const people = {
  /** Overstay with a felony conviction, booked in Hartford: detainer, CT honours, held. */
  held: {
    key: 'held',
    family: 'MORALES',
    given: 'DIEGO',
    dob: '1984-02-11',
    sex: 'M',
    pob: 'MX',
    ident: { fin: 'FIN0000001', status: 'overstay', aNumber: 'A012345678', priorRemovalOrder: false },
    fbi: { number: 'FBI000001', convictions: [{ offense: 'BURGLARY', ncic: '2299', level: 2, felony: true, on: '2008-05-02' }] },
  },
  /** Prior removal order, no conviction, booked in Cook County: detainer (priority 3), Cook declines. */
  declined: {
    key: 'declined',
    family: 'REYES',
    given: 'ANA',
    dob: '1990-07-21',
    sex: 'F',
    pob: 'GT',
    ident: { fin: 'FIN0000002', status: 'removed', aNumber: 'A055512345', priorRemovalOrder: true },
  },
  /** Naturalised citizen in IDENT, booked in Hartford: ICE takes no action. */
  citizen: {
    key: 'citizen',
    family: 'NGUYEN',
    given: 'LINH',
    dob: '1975-12-01',
    sex: 'F',
    pob: 'VN',
    ident: { fin: 'FIN0000003', status: 'naturalized', aNumber: 'A087654321', priorRemovalOrder: false },
  },
  /** Nobody in the galleries, booked in New Haven. */
  unknown: { key: 'unknown', family: 'SMITH', given: 'JOHN', dob: '1969-03-03', sex: 'M', pob: 'IL' },
  /** For the console's human steps (booked by the tests that need them). */
  queued: {
    key: 'queued',
    family: 'ALVAREZ',
    given: 'LUIS',
    dob: '1981-09-30',
    sex: 'M',
    pob: 'MX',
    ident: { fin: 'FIN0000005', status: 'overstay', aNumber: 'A023456789', priorRemovalOrder: false },
    fbi: { number: 'FBI000005', convictions: [{ offense: 'ROBBERY', ncic: '1299', level: 2, felony: true, on: '2009-11-14' }] },
  },
  fugitive: {
    key: 'fugitive',
    family: 'OKAFOR',
    given: 'GRACE',
    dob: '1987-04-04',
    sex: 'F',
    pob: 'NG',
    ident: { fin: 'FIN0000006', status: 'removed', aNumber: 'A034567890', priorRemovalOrder: true },
  },
  claimant: {
    key: 'claimant',
    family: 'SANTOS',
    given: 'MARIA',
    dob: '1979-01-19',
    sex: 'F',
    pob: 'PR',
    ident: { fin: 'FIN0000007', status: 'overstay', aNumber: null, priorRemovalOrder: false },
    fbi: { number: 'FBI000007', convictions: [{ offense: 'SHOPLIFTING', ncic: '2303', level: 3, felony: false, on: '2010-02-02' }] },
  },
} satisfies Record<string, Person>;

async function seedReference(store: Store, at: Date, extra: readonly Person[]): Promise<void> {
  const ctx = { actor: 'test:world', at };
  await store.transaction(async (tx) => {
    await insertAudited(tx, jurisdictions, Object.values(counties), ctx);
    await insertAudited(
      tx,
      jurisdictionActivations,
      Object.values(counties).map((c) => ({
        jurisdictionId: c.id,
        effectiveFrom: new Date('2009-01-01T00:00:00Z'),
        activated: true,
        optOutRequested: false,
        note: 'activated (test world)',
      })),
      ctx,
    );
    const all: Person[] = [...Object.values(people), ...extra];
    await insertAudited(
      tx,
      immigrationSubjects,
      all
        .filter((p) => p.ident)
        .map((p) => ({
          fin: p.ident!.fin,
          personId: `P-${p.key}`,
          aNumber: p.ident!.aNumber,
          status: p.ident!.status,
          familyName: p.family,
          givenName: p.given,
          dob: p.dob,
          sex: p.sex,
          pob: p.pob,
          priorRemovalOrder: p.ident!.priorRemovalOrder,
          templates: p.templates ?? fingers(p.key),
          enrolledAt: new Date('2005-01-01T00:00:00Z'),
        })),
      ctx,
    );
    await insertAudited(
      tx,
      encounters,
      all.filter((p) => p.ident).map((p) => ({ id: `E-${p.key}`, fin: p.ident!.fin, kind: 'visa', at: new Date('2004-06-01T00:00:00Z'), place: 'Miami, FL' })),
      ctx,
    );
    const convicted = all.filter((p) => p.fbi);
    await insertAudited(
      tx,
      criminalSubjects,
      convicted.map((p) => ({
        fbiNumber: p.fbi!.number,
        personId: `P-${p.key}`,
        familyName: p.family,
        givenName: p.given,
        dob: p.dob,
        sex: p.sex,
        templates: p.templates ?? fingers(p.key),
        enrolledAt: new Date('2008-05-01T00:00:00Z'),
      })),
      ctx,
    );
    await insertAudited(
      tx,
      convictions,
      convicted.flatMap((p) =>
        p.fbi!.convictions.map((c, i) => ({
          id: `C-${p.key}-${i}`,
          fbiNumber: p.fbi!.number,
          offense: c.offense,
          ncic: c.ncic,
          level: c.level,
          felony: c.felony,
          aggravated: false,
          maxMonths: c.felony ? 60 : 6,
          convictedOn: c.on,
        })),
      ),
      ctx,
    );
  });
}

let tcnSeq = 0;

/** A livescan submission of one of the world's people at a county jail. */
export function submission(person: Person, county: (typeof counties)[keyof typeof counties], arrestedAt: Date, releaseInHours = 24): BookingSubmission {
  tcnSeq += 1;
  const n = String(tcnSeq).padStart(5, '0');
  return {
    tcn: `T${county.state}${n}`,
    ori: county.ori,
    bookingNumber: `BK-${county.state}-${n}`,
    tot: 'CAR',
    familyName: person.family,
    givenName: person.given,
    dob: person.dob,
    sex: person.sex,
    pob: person.pob,
    arrestedAt,
    releaseDueAt: new Date(arrestedAt.getTime() + releaseInHours * 3_600_000),
    charges: [{ offense: 'LARCENY', ncic: '2399', level: 3, felony: false }],
    prints: fingers(person.key),
  };
}

/** Delivers every message due now, advancing the clock to each next due message up to `until`. */
export async function runPipeline(pipeline: Pipeline, clock: ManualClock, until: Date): Promise<void> {
  for (;;) {
    while ((await pipeline.bus.pump()) > 0);
    const next = await pipeline.bus.nextDue();
    if (!next || next > until) return;
    if (next > clock.now()) clock.set(next);
  }
}

export interface ConsoleWorld {
  pipeline: Pipeline;
  gate: ConsoleGate;
  bookingIds: Record<'held' | 'declined' | 'citizen' | 'unknown', string>;
}

/**
 * Seeds the reference data and users, and runs one booking of each person through the pipeline
 * (decided automatically). `steps` says which later bookings people decide in the console.
 */
export async function seedConsoleWorld(
  ctx: ServerContext,
  clock: ManualClock,
  opts: { steps?: HumanSteps; extraPeople?: readonly Person[] } = {},
): Promise<ConsoleWorld> {
  const { store } = ctx;
  const steps = opts.steps ?? automaticSteps;
  await seedReference(store, clock.now(), opts.extraPeople ?? []);
  for (const [username, u] of Object.entries(worldUsers)) {
    await ctx.users.create({ username, ...u, password: worldPassword }, 'test:world');
  }
  const { pipeline, gate } = await createConsolePipeline(store, clock, ctx.book, steps);
  ctx.pipeline = pipeline;
  const t = clock.now();
  const subs = [
    submission(people.held, counties.hartford, t, 6),
    submission(people.declined, counties.cook, t, 6),
    submission(people.citizen, counties.hartford, t, 6),
    submission(people.unknown, counties.newHaven, t, 6),
  ];
  const done = await pipeline.submit(subs);
  // Far enough for every decision, not so far that the held person's hold runs out.
  await runPipeline(pipeline, clock, new Date(t.getTime() + 7 * 3_600_000));
  const [held, declined, citizen, unknown] = done.map((d) => d.bookingId) as [string, string, string, string];
  return { pipeline, gate, bookingIds: { held, declined, citizen, unknown } };
}
