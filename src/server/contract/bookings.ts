/** Bookings as the console shows them: list rows and the full record with its stage timeline. */
import { z } from 'zod';
import { pageQuery, zonedTime } from './common.ts';

export const STEPS = ['booking', 'sib', 'cjis', 'ident', 'lesc', 'ero', 'detainer', 'jail', 'outcome'] as const;
export type Step = (typeof STEPS)[number];

export const bookingListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Name (FAMILY or FAMILY, GIVEN prefix), booking number, TCN, SID or FIN'),
  ...pageQuery,
});

export const bookingSummary = z
  .object({
    id: z.string(),
    bookingNumber: z.string(),
    tcn: z.string(),
    sid: z.string().nullable(),
    fin: z.string().nullable(),
    name: z.string().describe('FAMILY, Given'),
    dob: z.string(),
    jurisdictionId: z.string(),
    jurisdictionName: z.string(),
    timeZone: z.string().describe("The jurisdiction's IANA time zone"),
    submittedAt: zonedTime,
    step: z.enum(STEPS).describe('Where the booking is now'),
    status: z.string().describe('Human-readable state'),
    level: z.number().int().nullable(),
    priority: z.number().int().nullable(),
    action: z.string().nullable(),
    detainerState: z.string().nullable(),
    holdExpiresAt: zonedTime.nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'BookingSummary' });
export type BookingSummary = z.infer<typeof bookingSummary>;

export const timelineEntry = z.object({
  step: z.enum(STEPS),
  label: z.string(),
  state: z.enum(['done', 'current', 'pending', 'skipped']),
  at: zonedTime.nullable(),
  summary: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

const charge = z.object({ seq: z.number().int(), offense: z.string(), ncic: z.string(), level: z.number().int(), felony: z.boolean() });

const explanation = z
  .object({
    outcome: z.string(),
    decidedBy: z.string().describe('Rule set (and version) that decided'),
    rules: z.array(z.object({ rule: z.string(), cite: z.string(), condition: z.string(), value: z.string() })),
    notes: z.array(z.string()),
  })
  .meta({ id: 'Explanation' });
export type Explanation = z.infer<typeof explanation>;

/** A claim of US citizenship recorded for the booking, and the escalations it (or another safeguard) raised. */
export const citizenshipClaimView = z
  .object({ claimedAt: zonedTime, madeTo: z.string().describe('jail, lesc, ero or hotline'), recordedBy: z.string(), note: z.string() })
  .meta({ id: 'CitizenshipClaim' });
export const escalationView = z
  .object({ reason: z.string(), detainerId: z.string().nullable(), raisedAt: zonedTime, raisedBy: z.string(), note: z.string() })
  .meta({ id: 'Escalation' });

export const detainerView = z.object({
  id: z.string(),
  form: z.string(),
  state: z.string(),
  requestedAt: zonedTime,
  holdExpiresAt: zonedTime.nullable(),
  events: z.array(z.object({ seq: z.number().int(), from: z.string().nullable(), to: z.string(), reason: z.string(), at: zonedTime })),
});

export const bookingDetail = bookingSummary
  .extend({
    ori: z.string(),
    tot: z.string(),
    sex: z.string(),
    pob: z.string(),
    rulesetId: z.string(),
    arrestedAt: zonedTime,
    releaseDueAt: zonedTime,
    charges: z.array(charge),
    timeline: z.array(timelineEntry),
    sib: z.object({ sid: z.string(), newlyAssigned: z.boolean().nullable().describe('true: enrolled under a new SID; false: found in the state repository; null: assigned before the state search'), forwardedToDhs: z.boolean(), reason: z.string(), at: zonedTime }).nullable(),
    cjis: z.object({ srf: z.string(), fbiNumber: z.string(), at: zonedTime }).nullable(),
    ident: z.object({ outcome: z.string(), fin: z.string().nullable(), at: zonedTime }).nullable(),
    iaq: z.object({ id: z.string(), text: z.string(), at: zonedTime }).nullable(),
    iar: z
      .object({ id: z.string(), status: z.string(), analyst: z.string(), at: zonedTime, body: z.unknown(), pending: z.boolean().describe('Drafted from the systems of record, not yet sent by an analyst') })
      .nullable(),
    decision: z
      .object({
        action: z.string(),
        level: z.number().int().nullable(),
        priority: z.number().int().nullable(),
        reason: z.string(),
        officer: z.string(),
        at: zonedTime,
        explanation: explanation.nullable().describe("The policy engine's answer stored with the decision (null for decisions recorded before explanations were kept)"),
      })
      .nullable(),
    detainer: detainerView.nullable(),
    jail: z
      .object({
        decision: z.string(),
        rulesetId: z.string(),
        reason: z.string(),
        at: zonedTime,
        explanation: explanation.nullable().describe("The policy engine's answer stored with the jail's answer, with the hold's clock"),
      })
      .nullable(),
    jailRules: explanation.nullable().describe('While a detainer waits for the jail: what its local rules answer now, with the rules that fired'),
    citizenshipClaim: citizenshipClaimView.nullable(),
    escalations: z.array(escalationView),
    tasks: z.array(z.object({ step: z.string(), openedAt: zonedTime, closedAt: zonedTime.nullable(), closedBy: z.string().nullable() })).describe('Steps worked by people in the console'),
    consoleDecisions: z.array(z.object({ step: z.string(), by: z.string(), at: zonedTime, decision: z.unknown() })),
    actions: z.object({ answerIaq: z.boolean(), decide: z.boolean(), respond: z.boolean() }).describe('What you can do on this booking now'),
    jailChoices: z.array(z.string()).describe('Answers the local rules leave the jail (when you can respond)'),
    outcomeAt: zonedTime.nullable(),
    serverNow: zonedTime.describe("The pipeline clock's now, for countdowns"),
  })
  .meta({ id: 'BookingDetail' });
export type BookingDetail = z.infer<typeof bookingDetail>;
