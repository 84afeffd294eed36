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
  optOutHonoured: z.boolean(),
  note: z.string(),
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
  optOutRequested: z.boolean(),
  optOutHonoured: z.boolean().describe('Whether the federal policy in force gives the opt-out effect (not after 5 Aug 2011)'),
  note: z.string().min(3).max(500),
});

export const jurisdictionChangeBody = z.object({ rulesetId: z.string().min(1).max(64) });
