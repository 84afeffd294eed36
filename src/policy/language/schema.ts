/**
 * The schema of a rule file's blocks (zod), checked node by node so that every error carries the
 * line of the statement at fault. Types of conditions are checked afterwards by type-check.ts.
 */
import { z } from 'zod';
import { SeccomError } from '../../errors/index.ts';
import { isLocalDate } from '../time/local-date.ts';
import { assertTimeZone } from '../time/zoned-time.ts';

export const ID_RE = /^[a-z][a-z0-9-]*$/;
const id = z.string().regex(ID_RE, 'an id: lower-case letters, digits and -, starting with a letter');
const date = z.string().refine(isLocalDate, 'a calendar date YYYY-MM-DD');
const text = (what: string) => z.string({ error: `a ${what} is required` }).min(1, `a ${what} is required`);
export const statusSchema = z.enum(['verified', 'secondary', 'unverified'], {
  error: 'status is verified, secondary or unverified',
});
const literal = z.object({ t: z.enum(['number', 'date', 'symbol', 'string']), v: z.union([z.string(), z.number()]) });

export const headerSchema = z.strictObject({
  name: text('name "…"'),
  kind: z.enum(['federal', 'state', 'county', 'city'], { error: 'kind is federal, state, county or city' }),
  parent: id.optional(),
  state: z.string().regex(/^[A-Z]{2}$/, 'state is a two-letter code').optional(),
  timezone: z
    .string()
    .refine((tz) => {
      try {
        assertTimeZone(tz);
        return true;
      } catch {
        return false;
      }
    }, 'timezone is an IANA name such as America/New_York')
    .optional(),
  source: text('source "…" (the law or memo the file encodes)'),
  status: statusSchema,
  note: z.string().optional(),
});

export const eventSchema = z.object({
  kind: z.enum(['activated', 'all-activated', 'requested-not-share', 'withdrew-not-share'], {
    error: 'event is activated, all-activated, requested-not-share or withdrew-not-share',
  }),
  date,
  cite: text('cite "…"'),
  status: statusSchema.optional(),
  note: z.string().optional(),
  line: z.number(),
});

export const ruleSchema = z.object({
  id,
  line: z.number(),
  when: z.array(z.unknown()).min(1, 'a rule needs at least one "when"'),
  then: literal.optional().refine((v) => v !== undefined, 'a rule needs "then <value>"'),
  cite: text('cite "…" (the section this rule encodes)'),
  note: z.string().optional(),
});

export const decideSchema = z
  .object({
    name: id,
    mode: z.enum(['first', 'agree', 'sum'], { error: 'mode is first, agree or sum' }),
    from: date,
    until: date.optional(),
    line: z.number(),
    values: z.array(z.string()).optional(),
    default: literal.optional(),
    source: text('source "…"'),
    status: statusSchema,
    note: z.string().optional(),
    rules: z.array(z.unknown()),
  })
  .superRefine((d, ctx) => {
    if (d.until !== undefined && d.until <= d.from) ctx.addIssue({ code: 'custom', message: `until ${d.until} is not after from ${d.from}`, path: ['until'] });
    if (d.mode === 'sum') {
      if (d.values) ctx.addIssue({ code: 'custom', message: 'a sum decision adds numbers and takes no "values"', path: ['values'] });
      if (d.default) ctx.addIssue({ code: 'custom', message: 'a sum decision starts at 0 and takes no "default"', path: ['default'] });
      return;
    }
    if (!d.values) ctx.addIssue({ code: 'custom', message: `a ${d.mode} decision lists its "values"`, path: ['values'] });
    else if (new Set(d.values).size !== d.values.length) ctx.addIssue({ code: 'custom', message: 'a value is listed twice', path: ['values'] });
    if (!d.default) ctx.addIssue({ code: 'custom', message: `a ${d.mode} decision needs a "default" (what holds when no rule fires)`, path: ['default'] });
    else if (d.values && !d.values.includes(String(d.default.v)))
      ctx.addIssue({ code: 'custom', message: `default ${d.default.v} is not one of the values (${d.values.join(' ')})`, path: ['default'] });
  });

export const setSchema = z.object({
  name: id,
  line: z.number(),
  items: z.array(literal).min(1, 'a set lists at least one value'),
  cite: z.string().optional(),
});

/** Parses with a schema or throws SECCOM_POLICY_SCHEMA at the node's line. */
export function checkNode<T>(schema: z.ZodType<T>, node: unknown, file: string, line: number, rule?: string): T {
  const r = schema.safeParse(node);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  throw schemaError(file, line, `${field}${issue.message}`, rule);
}

export function schemaError(file: string, line: number, message: string, rule?: string): SeccomError {
  return new SeccomError('SECCOM_POLICY_SCHEMA', `${file}:${line}: ${message}${rule ? ` (in ${rule})` : ''}`, {
    location: { file, line, ...(rule ? { rule } : {}) },
  });
}
