/**
 * Each state's criminal history repository as its State Identification Bureau's AFIS holds it: one
 * row per person the state has identified, under the SID it assigned (system of record of the
 * SIB's per-state search galleries). `person_id` links a row to the world's truth for oversight
 * statistics; the SIB never reads it to decide.
 */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bookings } from './bookings.ts';
import { fingerTemplates } from './template-column.ts';

export const stateSubjects = pgTable(
  'state_subjects',
  {
    /** State code + number, e.g. TX00000042. */
    sid: text('sid').primaryKey(),
    /** Two-letter state code (the first two letters of the booking agency's ORI). */
    state: text('state').notNull(),
    /** The SID's number from state_sid_counters; 0 for SIDs assigned before the SIB searched (migration 0011). */
    seq: integer('seq').notNull(),
    /** Null for people enrolled from bookings that are not synthetic. */
    personId: text('person_id'),
    templates: fingerTemplates('templates').notNull(),
    /** The booking whose prints enrolled the person. */
    bookingId: text('booking_id').notNull().references(() => bookings.id),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('state_subjects_state_seq_idx').on(t.state, t.seq)],
);

/**
 * The last SID number each state assigned. The SIB locks its states' rows for the whole of its
 * transaction, so one state's searches and enrolments take turns across processes: a process sees
 * every enrolment committed before it searches, and no number is handed out twice.
 */
export const stateSidCounters = pgTable('state_sid_counters', {
  state: text('state').primaryKey(),
  last: integer('last').notNull(),
});
