/**
 * The human steps of the flow worked in the console: the LESC analyst sending the IAR, the ERO
 * officer deciding, the jail answering a detainer. A task is opened when a booking reaches a step
 * that people work (the queue), and closed by the decision; the decision itself is a record,
 * written (and audited) as the user, and carried to the stage on the bus.
 */
import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const consoleTasks = pgTable(
  'console_tasks',
  {
    /** lesc | ero | jail */
    step: text('step').notNull(),
    bookingId: text('booking_id').notNull(),
    detainerId: text('detainer_id'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
  },
  (t) => [primaryKey({ columns: [t.step, t.bookingId] }), index('console_tasks_open_idx').on(t.step, t.closedAt, t.openedAt, t.bookingId)],
);

export const consoleDecisions = pgTable(
  'console_decisions',
  {
    id: text('id').primaryKey(),
    step: text('step').notNull(),
    bookingId: text('booking_id').notNull(),
    detainerId: text('detainer_id'),
    /** What the user decided (the step's input, e.g. the IAR fields, the ERO action, the jail's answer). */
    decision: jsonb('decision').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('console_decisions_booking_idx').on(t.bookingId)],
);
