/**
 * The synthetic world's ground truth: who each person really is. Only the simulator and the
 * oversight statistics read it; pipeline stages see people only through the systems of record.
 */
import { date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { fingerTemplates } from './template-column.ts';

export const persons = pgTable('persons', {
  id: text('id').primaryKey(),
  familyName: text('family_name').notNull(),
  givenName: text('given_name').notNull(),
  dob: date('dob', { mode: 'string' }).notNull(),
  sex: text('sex').notNull(),
  pob: text('pob').notNull(),
  /** us_born | naturalized | lpr | visa_holder | undocumented */
  citizenship: text('citizenship').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** The person's ten real fingers (placeholder minutiae sets); a livescan capture reads them. */
export const personPrints = pgTable('person_prints', {
  personId: text('person_id').primaryKey().references(() => persons.id),
  templates: fingerTemplates('templates').notNull(),
});
