/** The audit viewer: filtered, keyset-paged entries and the chain verification badge. */
import { z } from 'zod';
import { pageOf, pageQuery, zonedTime } from './common.ts';

export const auditQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("Entries about the records of the bookings this names (within your jurisdiction): family name prefix ('FAMILY, Given' narrows), booking number, TCN, SID or FIN"),
  actor: z.string().max(100).optional().describe('e.g. user:hartford, stage:ero'),
  action: z.enum(['insert', 'update', 'read']).optional(),
  entity: z.string().max(64).optional().describe('Table, e.g. bookings, detainers, users'),
  entityId: z.string().max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional().describe('Day after the last day'),
  ...pageQuery,
});

export const auditEntry = z
  .object({
    seq: z.number().int(),
    at: zonedTime,
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    data: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditPage = pageOf(auditEntry).extend({
  search: z
    .object({
      bookings: z.number().int().describe('How many bookings the search named (their records are the ones searched)'),
      more: z.boolean().describe('The term names more bookings than a search covers: only the newest are searched; narrow the term'),
    })
    .nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

export const chainStatus = z
  .object({
    status: z.enum(['intact', 'broken']),
    entries: z.number().int(),
    headHash: z.string().nullable(),
    checkedAt: zonedTime,
    problem: z.object({ code: z.string(), detail: z.string(), seq: z.number().int().nullable() }).nullable(),
  })
  .meta({ id: 'ChainStatus' });
export type ChainStatus = z.infer<typeof chainStatus>;
