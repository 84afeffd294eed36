/** Bookings submitted by jails (intake) with their arrest charges. */
import { boolean, date, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { fingerTemplates } from './template-column.ts';
import { jurisdictions } from './jurisdictions.ts';

export const bookings = pgTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    /** Transaction control number: one submission, never two. */
    tcn: text('tcn').notNull().unique(),
    jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
    ori: text('ori').notNull(),
    bookingNumber: text('booking_number').notNull(),
    /** EBTS type of transaction: CAR (answer required) or CNA. */
    tot: text('tot').notNull(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    dob: date('dob', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    pob: text('pob').notNull(),
    arrestedAt: timestamp('arrested_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    prints: fingerTemplates('prints').notNull(),
    /** When the jail would otherwise release the person (bail, sentence served): the detainer clock starts here. */
    releaseDueAt: timestamp('release_due_at', { withTimezone: true }).notNull(),
    /** Synthetic bookings only: the world person who was booked, for oversight statistics. */
    simPersonId: text('sim_person_id'),
  },
  (t) => [index('bookings_jurisdiction_idx').on(t.jurisdictionId)],
);

export const arrestCharges = pgTable(
  'arrest_charges',
  {
    bookingId: text('booking_id').notNull().references(() => bookings.id),
    seq: smallint('seq').notNull(),
    offense: text('offense').notNull(),
    ncic: text('ncic').notNull(),
    /** Level of the charge at booking, kept apart from the level of any conviction. */
    level: smallint('level').notNull(),
    felony: boolean('felony').notNull(),
    /** Statutory maximum in months; null when the submission did not give it (then read from the level). */
    maxMonths: integer('max_months'),
    /** The state's felony class (Connecticut A–E), when given. */
    felonyClass: text('felony_class'),
    /** Bail posted on this charge; null when not known (read as posted: the protective reading). */
    bondPosted: boolean('bond_posted'),
    /** A magistrate found probable cause on this charge (Cal. Gov. Code 7282.5(b)). */
    probableCauseFinding: boolean('probable_cause_finding').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.seq] })],
);
