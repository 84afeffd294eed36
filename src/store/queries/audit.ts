/**
 * The audit viewer's queries: entries newest first, keyset-paged on seq, filtered by the indexed
 * columns; and the search by a person's name, booking number, TCN, SID or FIN, which resolves the
 * term to the bookings it names (within the reader's visibility) and those to every record the
 * pipeline, the console and the users wrote or read about them.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import {
  arrestCharges,
  auditLog,
  bookings,
  cjisResults,
  consoleDecisions,
  detainerEvents,
  detainers,
  escalations,
  iaqs,
  iars,
  identResults,
  sibResults,
} from '../schema/index.ts';
import { bookingSearch } from './bookings.ts';
import { visibleBookings, type BookingVisibility } from './visibility.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Only entries about these bookings' records (from `bookingsNamed`). */
  bookingIds?: readonly string[];
  /** Entries with seq below this (the previous page's last). */
  beforeSeq?: number;
  limit: number;
}

/** The newest visible bookings a search term names (name prefix, booking number, TCN, SID, FIN): their ids. */
export function bookingsNamed(db: Db, visibility: BookingVisibility, q: string, limit: number) {
  return db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(visibleBookings(visibility), bookingSearch(q)))
    .orderBy(desc(bookings.submittedAt), desc(bookings.id))
    .limit(limit);
}

/** Tables keyed by the booking id itself (their audit entity id is the booking id). */
const keyedByBooking = ['bookings', 'sib_results', 'cjis_results', 'ident_results', 'ice_decisions', 'citizenship_claims', 'booking_outcomes'];
/** The console's steps: a task's audit entity id is `step/bookingId`. */
const steps = ['lesc', 'ero', 'jail'];

/**
 * The (entity, entity id) pairs of the audit that concern these bookings: the booking and its stage
 * results, the records with their own ids (IAQ, IAR, detainer and its events, the jail's answer,
 * console tasks and decisions, charges, escalations) and the person's records in the systems of
 * record (the state repository's person, the FBI subject, the IDENT subject, the world person).
 */
function subjectsOf(ids: readonly string[]): SQL {
  const values = (xs: readonly string[]) => sql.join(xs.map((x) => sql`(${x})`), sql`, `);
  // Per booking (a lateral join), so that each record is found by its booking on an index.
  return sql`
    SELECT t.entity, hit.id AS entity_id FROM (VALUES ${values(ids)}) AS hit(id) CROSS JOIN (VALUES ${values(keyedByBooking)}) AS t(entity)
    UNION SELECT 'console_tasks', s.step || '/' || hit.id FROM (VALUES ${values(ids)}) AS hit(id) CROSS JOIN (VALUES ${values(steps)}) AS s(step)
    UNION SELECT r.entity, r.entity_id FROM (VALUES ${values(ids)}) AS hit(id) CROSS JOIN LATERAL (
      SELECT 'arrest_charges' AS entity, ${arrestCharges.bookingId} || '/' || ${arrestCharges.seq} AS entity_id FROM ${arrestCharges} WHERE ${arrestCharges.bookingId} = hit.id
      UNION ALL SELECT 'escalations', ${escalations.bookingId} || '/' || ${escalations.reason} FROM ${escalations} WHERE ${escalations.bookingId} = hit.id
      UNION ALL SELECT 'iaqs', ${iaqs.id} FROM ${iaqs} WHERE ${iaqs.bookingId} = hit.id
      UNION ALL SELECT 'iars', ${iars.id} FROM ${iars} WHERE ${iars.bookingId} = hit.id
      UNION ALL SELECT 'console_decisions', ${consoleDecisions.id} FROM ${consoleDecisions} WHERE ${consoleDecisions.bookingId} = hit.id
      UNION ALL SELECT 'detainers', ${detainers.id} FROM ${detainers} WHERE ${detainers.bookingId} = hit.id
      UNION ALL SELECT 'jail_responses', ${detainers.id} FROM ${detainers} WHERE ${detainers.bookingId} = hit.id
      UNION ALL SELECT 'detainer_events', ${detainerEvents.detainerId} || '/' || ${detainerEvents.seq}
        FROM ${detainers} JOIN ${detainerEvents} ON ${detainerEvents.detainerId} = ${detainers.id} WHERE ${detainers.bookingId} = hit.id
      UNION ALL SELECT 'state_subjects', ${sibResults.sid} FROM ${sibResults} WHERE ${sibResults.bookingId} = hit.id
      UNION ALL SELECT 'criminal_subjects', ${cjisResults.fbiNumber} FROM ${cjisResults} WHERE ${cjisResults.bookingId} = hit.id
      UNION ALL SELECT 'immigration_subjects', ${identResults.fin} FROM ${identResults} WHERE ${identResults.bookingId} = hit.id AND ${identResults.fin} IS NOT NULL
      UNION ALL SELECT 'persons', ${bookings.simPersonId} FROM ${bookings} WHERE ${bookings.id} = hit.id AND ${bookings.simPersonId} IS NOT NULL
    ) AS r`;
}

/** The page query (a Drizzle builder, or with `bookingIds` an SQL query: await it through `rows`, or EXPLAIN it). */
export function listAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.actor) where.push(eq(auditLog.actor, f.actor));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  if (f.beforeSeq !== undefined) where.push(lt(auditLog.seq, f.beforeSeq));
  if (f.bookingIds) {
    // Each subject is looked up on audit_entity_idx (a lateral join drives from the few subjects);
    // a filter of the newest entries by "is one of the subjects" would walk the whole log.
    const subjects = f.bookingIds.length ? subjectsOf(f.bookingIds) : sql`SELECT NULL::text AS entity, NULL::text AS entity_id WHERE FALSE`;
    const own = db
      .select()
      .from(auditLog)
      .where(and(sql`${auditLog.entity} = subject.entity AND ${auditLog.entityId} = subject.entity_id`, ...where))
      .orderBy(desc(auditLog.seq))
      .limit(f.limit);
    return db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} IN (SELECT e.seq FROM (${subjects}) AS subject CROSS JOIN LATERAL (${own}) AS e ORDER BY e.seq DESC LIMIT ${f.limit})`)
      .orderBy(desc(auditLog.seq));
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(f.limit);
}
