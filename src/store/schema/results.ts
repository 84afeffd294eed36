/** What each stage decided about a booking: one table per hop, written once, never deleted. */
import { boolean, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { EroExplanation, JailExplanation } from '../../pipeline/ports.ts';
import { bookings } from './bookings.ts';

const bookingRef = () => text('booking_id').notNull().references(() => bookings.id);
const at = () => timestamp('at', { withTimezone: true }).notNull();

export const sibResults = pgTable('sib_results', {
  bookingId: bookingRef().primaryKey(),
  sid: text('sid').notNull(),
  /** The state AFIS search: false when it identified the person (an existing SID), true when the SIB enrolled them under a new SID; null for SIDs assigned before the SIB searched. */
  newlyAssigned: boolean('newly_assigned'),
  /** The best candidate's score in the state search (0 with none); null before the SIB searched. */
  score: real('score'),
  forwardedToDhs: boolean('forwarded_to_dhs').notNull(),
  reason: text('reason').notNull(),
  at: at(),
});

export const cjisResults = pgTable('cjis_results', {
  bookingId: bookingRef().primaryKey(),
  /** SRE 2.059 SRF: I (ident) or N (non-ident). */
  srf: text('srf').notNull(),
  fbiNumber: text('fbi_number').notNull(),
  score: real('score').notNull(),
  newlyEnrolled: boolean('newly_enrolled').notNull(),
  at: at(),
});

export const identResults = pgTable('ident_results', {
  bookingId: bookingRef().primaryKey(),
  /** match | no_match */
  outcome: text('outcome').notNull(),
  fin: text('fin'),
  score: real('score').notNull(),
  at: at(),
});

export const iaqs = pgTable('iaqs', {
  id: text('id').primaryKey(),
  bookingId: bookingRef().unique(),
  /** The Nlets IAQ text as sent to LESC (ORI VTICE0900). */
  text: text('text').notNull(),
  at: at(),
});

export const iars = pgTable('iars', {
  id: text('id').primaryKey(),
  iaqId: text('iaq_id').notNull().unique().references(() => iaqs.id),
  bookingId: bookingRef(),
  /** The typed IAR body (see domain/lesc.ts): status, A-number, FIN, biographics, encounters, criminal history. */
  body: jsonb('body').notNull(),
  status: text('status').notNull(),
  analyst: text('analyst').notNull(),
  at: at(),
});

export const iceDecisions = pgTable('ice_decisions', {
  bookingId: bookingRef().primaryKey(),
  /** detainer | notification | none */
  action: text('action').notNull(),
  level: smallint('level'),
  priority: smallint('priority'),
  reason: text('reason').notNull(),
  /** The engine's whole answer: levels, priority, discretion, safeguards and every decision with the rules that fired (cite, file, line, facts used). Null when the port gave none. */
  explanation: jsonb('explanation').$type<EroExplanation>(),
  officer: text('officer').notNull(),
  at: at(),
});

export const detainers = pgTable(
  'detainers',
  {
    id: text('id').primaryKey(),
    bookingId: bookingRef().unique(),
    form: text('form').notNull(),
    /** requested | lodged | honoured | declined | lapsed | cancelled | custody_transferred | released */
    state: text('state').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** End of the hold computed by the detainer clock, once honoured. */
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [index('detainers_state_idx').on(t.state)],
);

/** Every transition of a detainer, in order: the state history is never overwritten. */
export const detainerEvents = pgTable(
  'detainer_events',
  {
    detainerId: text('detainer_id').notNull().references(() => detainers.id),
    seq: integer('seq').notNull(),
    from: text('from_state'),
    to: text('to_state').notNull(),
    reason: text('reason').notNull(),
    at: at(),
  },
  (t) => [primaryKey({ columns: [t.detainerId, t.seq] })],
);

export const jailResponses = pgTable('jail_responses', {
  detainerId: text('detainer_id').primaryKey().references(() => detainers.id),
  bookingId: bookingRef(),
  /** honour | notify-only | decline */
  decision: text('decision').notNull(),
  rulesetId: text('ruleset_id').notNull(),
  reason: text('reason').notNull(),
  /** The engine's whole answer: hold / notify / transfer, the law that decided, the detainer clock of a hold, and the rules that fired. Null when the port gave none. */
  explanation: jsonb('explanation').$type<JailExplanation>(),
  at: at(),
});

/**
 * A person's claim to be a US citizen (DOMAIN.md §4, §8), dated when it was made: it stops any
 * detainer clock for good and escalates the case. One per booking: the first claim is the one
 * that counts, since a later one cannot stop a clock earlier.
 */
export const citizenshipClaims = pgTable('citizenship_claims', {
  bookingId: bookingRef().primaryKey(),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
  /** Who heard it: jail | lesc | ero | hotline */
  madeTo: text('made_to').notNull(),
  recordedBy: text('recorded_by').notNull(),
  note: text('note').notNull(),
});

/** A case sent up for review by a person (a claim of US citizenship against ICE's record); never closed by a stage. */
export const escalations = pgTable(
  'escalations',
  {
    bookingId: bookingRef(),
    /** us-citizenship-claim */
    reason: text('reason').notNull(),
    detainerId: text('detainer_id').references(() => detainers.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedBy: text('raised_by').notNull(),
    note: text('note').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.reason] })],
);

/** Where a booking's path ended (see pipeline/outcome.ts); written once, when it ends. */
export const bookingOutcomes = pgTable(
  'booking_outcomes',
  {
    bookingId: bookingRef().primaryKey(),
    outcome: text('outcome').notNull(),
    at: at(),
  },
  (t) => [index('booking_outcomes_outcome_idx').on(t.outcome)],
);
