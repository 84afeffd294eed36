/** Oversight statistics: totals, breakdowns, trend, holds near or past expiry, detainers on people with no conviction. */
import { z } from 'zod';
import { pageOf, pageQuery, zonedTime } from './common.ts';

export const statsQuery = z.object({
  from: z.iso.date().optional().describe('First day of the period (bookings submitted from this date, UTC)'),
  to: z.iso.date().optional().describe('Day after the period'),
  jurisdiction: z.string().max(64).optional().describe('One jurisdiction id within your scope'),
});

/** The dashboard: its figures, and the first page of each list unless `lists=none`. */
export const dashboardQuery = statsQuery.extend({
  lists: z
    .enum(['first-page', 'none'])
    .default('first-page')
    .describe('none: the figures only, every list empty and no person named, so nothing is audited (the console refreshes its figures live this way)'),
});

/** The dashboard's lists, each a keyset-paged route of its own (the dashboard carries the first page and its cursor). */
export const noConvictionQuery = statsQuery.extend(pageQuery);
export const escalationsQuery = z.object(pageQuery);
export const holdsQuery = z.object({
  expiry: z.enum(['near', 'past']).describe('near: the hold ends within 6 hours; past: it has ended (must always be empty)'),
  ...pageQuery,
});

const breakdown = z.array(z.object({ key: z.string(), bookings: z.number().int(), detainers: z.number().int() }));
export const holdRow = z.object({
  bookingId: z.string(),
  bookingNumber: z.string(),
  name: z.string(),
  jurisdictionName: z.string(),
  state: z.string(),
  holdExpiresAt: zonedTime,
  timeZone: z.string(),
});

export const noConvictionCase = z
  .object({
    bookingId: z.string(),
    bookingNumber: z.string(),
    name: z.string(),
    jurisdictionName: z.string(),
    submittedAt: zonedTime,
    timeZone: z.string(),
    form: z.string(),
    state: z.string(),
    immigrationStatus: z.string().nullable(),
  })
  .meta({ id: 'NoConvictionCase' });

export const escalationRow = z
  .object({
    bookingId: z.string(),
    bookingNumber: z.string(),
    name: z.string(),
    jurisdictionName: z.string(),
    timeZone: z.string(),
    reason: z.string(),
    raisedAt: zonedTime,
    raisedBy: z.string(),
    note: z.string(),
    claimedAt: zonedTime.nullable().describe('When US citizenship was claimed'),
    madeTo: z.string().nullable().describe('Who heard the claim: jail, lesc, ero or hotline'),
  })
  .meta({ id: 'EscalatedCase' });

export const noConvictionPage = pageOf(noConvictionCase);
export const escalationPage = pageOf(escalationRow);
export const holdPage = pageOf(holdRow);
export type NoConvictionCaseView = z.infer<typeof noConvictionCase>;
export type EscalationView = z.infer<typeof escalationRow>;
export type HoldView = z.infer<typeof holdRow>;

export const statsView = z
  .object({
    scopeLabel: z.string(),
    now: zonedTime,
    totals: z.object({
      bookings: z.number().int(),
      identMatches: z.number().int(),
      decisions: z.number().int(),
      detainers: z.number().int(),
      detainersNoConviction: z.number().int(),
      honoured: z.number().int(),
      declined: z.number().int(),
      lapsed: z.number().int(),
      custodyTransferred: z.number().int(),
      citizensInFlow: z.number().int().describe('US citizens (synthetic ground truth, or as LESC reported) matched in IDENT'),
      detainersOnCitizens: z.number().int(),
      citizenshipClaims: z.number().int().describe('People who claimed US citizenship (to the jail, LESC, ERO or the hotline)'),
    }),
    byLevel: breakdown,
    byPriority: breakdown,
    byConviction: breakdown,
    byOutcome: breakdown,
    byJurisdiction: breakdown,
    byImmigrationStatus: breakdown,
    trend: z.array(z.object({ month: z.string(), bookings: z.number().int(), identMatches: z.number().int(), detainers: z.number().int(), detainersNoConviction: z.number().int() })),
    holdsNearExpiry: z.array(holdRow).describe('Held on a detainer, the hold ending within 6 hours, soonest first (first page; more at /api/stats/holds?expiry=near)'),
    holdsPastExpiry: z.array(holdRow).describe('Held past the end of the hold: must always be empty (first page; more at /api/stats/holds?expiry=past)'),
    noConvictionCases: z.array(noConvictionCase).describe('The latest detainers on people with no conviction (first page; more at /api/stats/no-conviction)'),
    escalations: z.array(escalationRow).describe('The latest escalated cases within your jurisdiction (claims of US citizenship), newest first (first page; more at /api/stats/escalations)'),
    holdCounts: z.object({ near: z.number().int(), past: z.number().int() }).describe('How many holds end within 6 hours, and how many have ended (must be 0)'),
    more: z
      .object({
        noConvictionCases: z.string().nullable(),
        escalations: z.string().nullable(),
        holdsNearExpiry: z.string().nullable(),
        holdsPastExpiry: z.string().nullable(),
      })
      .describe("Each list's nextCursor, for its own route"),
  })
  .meta({ id: 'Stats' });
export type StatsView = z.infer<typeof statsView>;
