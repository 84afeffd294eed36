/** Schemas shared by every route: problem details, pagination, ids. */
import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable SECCOM_ error code (docs/errors.md)'),
    detail: z.string(),
    instance: z.string().optional(),
    location: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof problemSchema>;

/** Keyset pagination: pass back `nextCursor` as `cursor` for the next page. */
export const pageQuery = {
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const idParam = z.object({ id: z.string().min(1).max(100) });

/** An instant as ISO 8601 with the jurisdiction's offset, e.g. 2011-06-01T14:05:00-04:00. */
export const zonedTime = z.string().describe('ISO 8601 with the UTC offset of the jurisdiction');

export const problemResponses = {
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  422: problemSchema,
} as const;
