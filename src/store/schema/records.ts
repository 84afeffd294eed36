/**
 * Systems of record the pipeline searches: the FBI criminal master file (with rap sheets) and the
 * DHS immigration gallery (IDENT subjects, their encounters and ICE status). `person_id` links a
 * record to the world's truth for oversight statistics; stages never read it to decide.
 */
import { boolean, date, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { fingerTemplates } from './template-column.ts';

export const criminalSubjects = pgTable('criminal_subjects', {
  fbiNumber: text('fbi_number').primaryKey(),
  /** Null for subjects enrolled from bookings that are not synthetic. */
  personId: text('person_id'),
  familyName: text('family_name').notNull(),
  givenName: text('given_name').notNull(),
  dob: date('dob', { mode: 'string' }).notNull(),
  sex: text('sex').notNull(),
  templates: fingerTemplates('templates').notNull(),
  enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
  /** NCIC Gang File: a known gang member. */
  gangMember: boolean('gang_member').notNull().default(false),
  /** NCIC Known or Suspected Terrorist File: a possible Terrorist Screening Database match. */
  tsdbMatch: boolean('tsdb_match').notNull().default(false),
  /** Designated a Security Risk Group member by the state Department of Correction. */
  securityRiskGroup: boolean('security_risk_group').notNull().default(false),
  /** Current registrants (sex offender registry; arson registry where a state keeps one). */
  sexRegistrant: boolean('sex_registrant').notNull().default(false),
  arsonRegistrant: boolean('arson_registrant').notNull().default(false),
});

export const convictions = pgTable(
  'convictions',
  {
    id: text('id').primaryKey(),
    fbiNumber: text('fbi_number').notNull().references(() => criminalSubjects.fbiNumber),
    offense: text('offense').notNull(),
    ncic: text('ncic').notNull(),
    /** Secure Communities offense level of the conviction: 1, 2 or 3. */
    level: smallint('level').notNull(),
    felony: boolean('felony').notNull(),
    aggravated: boolean('aggravated').notNull(),
    maxMonths: integer('max_months').notNull(),
    /** The state's felony class (Connecticut A–E), null for misdemeanors and unclassified felonies. */
    felonyClass: text('felony_class'),
    /** Convicted in a federal court. */
    federal: boolean('federal').notNull().default(false),
    convictedOn: date('convicted_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('convictions_fbi_idx').on(t.fbiNumber)],
);

/** Outstanding arrest warrants (NCIC Wanted Person File), by the subject's FBI number. */
export const warrants = pgTable(
  'warrants',
  {
    id: text('id').primaryKey(),
    fbiNumber: text('fbi_number').notNull().references(() => criminalSubjects.fbiNumber),
    /** state | federal | local */
    issuer: text('issuer').notNull(),
    /** Two-letter code of the issuing state; null for federal warrants. */
    state: text('state'),
    /** Issued or signed by a judge or magistrate (an ICE administrative warrant is not). */
    judicial: boolean('judicial').notNull(),
    felony: boolean('felony').notNull(),
    /** A civil immigration warrant. */
    immigration: boolean('immigration').notNull(),
    description: text('description').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('warrants_fbi_idx').on(t.fbiNumber)],
);

export const immigrationSubjects = pgTable('immigration_subjects', {
  fin: text('fin').primaryKey(),
  personId: text('person_id').notNull(),
  aNumber: text('a_number'),
  /** lpr | visa | overstay | entered_without_inspection | removed | naturalized | asylum */
  status: text('status').notNull(),
  familyName: text('family_name').notNull(),
  givenName: text('given_name').notNull(),
  dob: date('dob', { mode: 'string' }).notNull(),
  sex: text('sex').notNull(),
  pob: text('pob').notNull(),
  priorRemovalOrder: boolean('prior_removal_order').notNull(),
  templates: fingerTemplates('templates').notNull(),
  enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
});

export const encounters = pgTable(
  'encounters',
  {
    id: text('id').primaryKey(),
    fin: text('fin').notNull().references(() => immigrationSubjects.fin),
    /** border | visa | removal | naturalization | asylum */
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
  },
  (t) => [index('encounters_fin_idx').on(t.fin)],
);
