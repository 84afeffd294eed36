/** Administration: users, jurisdictions, their activation history and rule versions. */
import { z } from 'zod';
import { ROLES } from '../access/permissions.ts';
import { pageQuery } from './common.ts';

export const userListQuery = z.object({ q: z.string().max(64).optional().describe('Start of the user name or display name'), ...pageQuery });

export const newUserBody = z.object({
  username: z.string().min(2).max(64),
  displayName: z.string().min(1).max(120),
  role: z.enum(ROLES),
  ori: z.string().length(9),
  scope: z.string().min(1).max(80).describe('national, state:XX or county:<jurisdiction id>'),
  timeZone: z.string().optional(),
  password: z.string().min(12).max(256).optional().describe('Generated and returned once when absent'),
});

export const userChangeBody = z
  .object({
    displayName: z.string().min(1).max(120),
    role: z.enum(ROLES),
    ori: z.string().length(9),
    scope: z.string().min(1).max(80),
    timeZone: z.string(),
    password: z.string().min(12).max(256),
    disabled: z.boolean(),
  })
  .partial();

export const activationView = z.object({
  effectiveFrom: z.string(),
  activated: z.boolean(),
  optOutRequested: z.boolean(),
  note: z.string(),
  sharing: z.boolean().nullable().describe("The policy engine's answer from that date on: prints go on to DHS (null: no federal opt-out policy in force then)"),
});

export const participationView = z
  .object({
    at: z.string().describe("The jurisdiction's local date the answer is for"),
    sharing: z.boolean().describe('Prints go on to DHS IDENT'),
    activated: z.boolean(),
    notShareRequested: z.boolean(),
    optOutPolicy: z.string().describe('The federal opt-out policy in force: whether a request not to share has effect'),
    reasons: z.array(
      z.object({ jurisdiction: z.string(), event: z.string(), date: z.string(), cite: z.string(), file: z.string().describe('Rule file, or the store table of a record'), line: z.number().int().nullable() }),
    ),
  })
  .meta({ id: 'Participation' });

export const jurisdictionListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('The start of a word of the name, or the id, ORI or state code'),
  ...pageQuery,
});

export const jurisdictionView = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.string(),
    ori: z.string(),
    rulesetId: z.string(),
    timeZone: z.string(),
    activation: activationView.nullable().describe('The activation row in force now'),
    participation: participationView
      .nullable()
      .describe("Whether the jail's bookings reach DHS today, as the policy engine decides it from the rule files and the activation history (null: no federal opt-out policy in force)"),
  })
  .meta({ id: 'Jurisdiction' });

export const policyVersionView = z.object({
  jurisdiction: z.string().describe('Rule file the version is in (federal, state, county)'),
  file: z.string(),
  decision: z.string(),
  from: z.string(),
  until: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  rules: z.number().int(),
  inForce: z.boolean(),
});

export const jurisdictionDetail = jurisdictionView
  .extend({
    activations: z.array(activationView).describe('Every dated change, oldest first; nothing is ever removed'),
    policyVersions: z.array(policyVersionView).describe('The dated rule versions along the rule set chain (federal first)'),
    rulesets: z.array(z.string()).describe('Rule sets the jurisdiction may be put under'),
  })
  .meta({ id: 'JurisdictionDetail' });
export type JurisdictionDetail = z.infer<typeof jurisdictionDetail>;
export type JurisdictionView = z.infer<typeof jurisdictionView>;

export const newActivationBody = z.object({
  effectiveFrom: z.iso.datetime({ offset: true }),
  activated: z.boolean(),
  optOutRequested: z.boolean().describe('The jurisdiction asks not to share; whether that has effect is the federal opt-out policy in force (the policy engine decides)'),
  note: z.string().min(3).max(500),
});

export const jurisdictionChangeBody = z.object({ rulesetId: z.string().min(1).max(64) });
