/** The human steps: work queues, the IAR form, the ERO decision screen, the jail's answer. */
import { z } from 'zod';
import { pageQuery, zonedTime } from './common.ts';
import { citizenshipClaimView, escalationView, timelineEntry } from './bookings.ts';

export const queueQuery = z.object({ q: z.string().trim().max(100).optional().describe('Name, booking number, TCN, SID or FIN'), ...pageQuery });

export const queueItem = z
  .object({
    bookingId: z.string(),
    bookingNumber: z.string(),
    tcn: z.string(),
    name: z.string(),
    dob: z.string(),
    jurisdictionName: z.string(),
    timeZone: z.string(),
    openedAt: zonedTime.describe('When the booking reached this step'),
    waitingMs: z.number().int().describe('Time in the queue, on the pipeline clock'),
    fin: z.string().nullable(),
    iaqText: z.string().nullable(),
    iarStatus: z.string().nullable(),
    detainerId: z.string().nullable(),
    detainerForm: z.string().nullable(),
    releaseDueAt: zonedTime,
  })
  .meta({ id: 'QueueItem' });
export type QueueItem = z.infer<typeof queueItem>;

export const IMMIGRATION_STATUSES = ['lpr', 'visa', 'overstay', 'entered_without_inspection', 'removed', 'naturalized', 'asylum'] as const;

export const iarBody = z.object({
  status: z.enum(IMMIGRATION_STATUSES),
  aNumber: z
    .string()
    .regex(/^A\d{8,9}$/, 'an A-number: A and 8 or 9 digits')
    .nullable(),
  priorRemovalOrder: z.boolean(),
  citizenshipClaim: z.boolean().describe('The person claims to be a US citizen: the case escalates and no detainer may follow'),
  remarks: z.string().max(2000),
});

export const decisionBody = z.object({
  action: z.enum(['I-247', 'I-247D', 'I-247N', 'I-247X', 'none']).describe('I-247/I-247D detainer, I-247N request for notification, I-247X transfer request, none'),
  reason: z.string().min(3).max(2000),
});

export const jailResponseBody = z.object({
  response: z.enum(['honour', 'notify-only', 'decline']),
  reason: z.string().min(3).max(2000),
});

const trace = z.object({ rule: z.string(), cite: z.string(), condition: z.string(), value: z.string() });

export const caseView = z
  .object({
    bookingId: z.string(),
    bookingNumber: z.string(),
    name: z.string(),
    dob: z.string(),
    jurisdictionName: z.string(),
    rulesetId: z.string(),
    timeZone: z.string(),
    at: zonedTime,
    timeline: z.array(timelineEntry),
    facts: z.object({
      charges: z.array(z.object({ offense: z.string(), ncic: z.string(), level: z.number().int(), felony: z.boolean() })),
      immigrationStatus: z.string(),
      aNumber: z.string().nullable(),
      fin: z.string(),
      priorRemovalOrder: z.boolean(),
      convictions: z.array(z.object({ offense: z.string(), level: z.number().int(), felony: z.boolean(), aggravated: z.boolean(), convictedOn: z.string() })),
      encounters: z.array(z.object({ kind: z.string(), at: z.string(), place: z.string() })),
      citizenshipClaimAt: zonedTime.nullable(),
      releaseDueAt: zonedTime,
    }),
    assessment: z.object({
      chargeLevel: z.string(),
      convictionLevel: z.string(),
      removalCategory: z.string(),
      priority: z.string().nullable(),
      recommended: z.string(),
      escalation: z.string().nullable(),
      safeguards: z.array(z.string()),
      discretion: z.object({ score: z.number(), factors: z.array(z.object({ factor: z.string(), weight: z.number(), cite: z.string() })) }).nullable(),
      rules: z.array(trace),
      notes: z.array(z.string()),
      recorded: z.boolean().describe("true: the engine's answer stored with the ICE decision; false: its answer now, for a case still waiting"),
    }),
    jailPreview: z
      .object({ response: z.string(), hold: z.boolean(), decidedBy: z.string(), clockRule: z.string(), holdExpiresAt: zonedTime.nullable() })
      .nullable()
      .describe("The jail's answer as recorded once given; before that, what its local rules would answer to the request (lodged, else recommended)"),
    allowedActions: z.array(z.string()),
    waitingSince: zonedTime.nullable(),
    decided: z.object({ action: z.string(), by: z.string(), at: zonedTime, reason: z.string() }).nullable(),
    citizenshipClaim: citizenshipClaimView.nullable(),
    escalations: z.array(escalationView),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof caseView>;
