/**
 * Read models of bookings for the console: the keyset-paged list (newest first, searchable by
 * name, booking number, TCN, SID and FIN) and everything known about one booking. Both apply the
 * reader's visibility in SQL, so a booking outside it is indistinguishable from a missing one.
 * Indexes that keep these off full scans: migrations/0004_console_indexes.sql.
 */
import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import {
  arrestCharges,
  bookingOutcomes,
  bookings,
  cjisResults,
  consoleDecisions,
  consoleTasks,
  detainerEvents,
  detainers,
  iaqs,
  iars,
  iceDecisions,
  identResults,
  jailResponses,
  jurisdictions,
  sibResults,
} from '../schema/index.ts';
import { visibleBookings, type BookingVisibility } from './visibility.ts';

export interface BookingListOptions {
  /** Name ("FAMILY" or "FAMILY, GIVEN" prefix), booking number, TCN, SID or FIN. */
  q?: string;
  /** Keyset: the (submittedAt, id) of the last row of the previous page. */
  after?: { submittedAt: Date; id: string };
  limit: number;
}

function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Rows matching the search text: exact identifiers or a name prefix (each has its own index). */
export function bookingSearch(q: string): SQL {
  const comma = q.indexOf(',');
  const family = (comma >= 0 ? q.slice(0, comma) : q).trim();
  const given = comma >= 0 ? q.slice(comma + 1).trim() : '';
  const name = given
    ? sql`(lower(${bookings.familyName}) = ${family.toLowerCase()} AND lower(${bookings.givenName}) LIKE ${likePrefix(given)})`
    : sql`lower(${bookings.familyName}) LIKE ${likePrefix(family)}`;
  // One indexed lookup per kind of identifier, united: an OR of them would scan the bookings.
  return sql`${bookings.id} IN (
    SELECT ${bookings.id} FROM ${bookings} WHERE ${bookings.bookingNumber} = ${q}
    UNION ALL SELECT ${bookings.id} FROM ${bookings} WHERE ${bookings.tcn} = ${q}
    UNION ALL SELECT ${bookings.id} FROM ${bookings} WHERE ${bookings.id} = ${q}
    UNION ALL SELECT ${sibResults.bookingId} FROM ${sibResults} WHERE ${sibResults.sid} = ${q}
    UNION ALL SELECT ${identResults.bookingId} FROM ${identResults} WHERE ${identResults.fin} = ${q}
    UNION ALL SELECT ${bookings.id} FROM ${bookings} WHERE ${name})`;
}

/** The booking waits for a person in the console at this step. */
function openTask(step: string) {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${consoleTasks} WHERE ${consoleTasks.step} = ${step} AND ${consoleTasks.bookingId} = ${bookings.id} AND ${consoleTasks.closedAt} IS NULL)`;
}

/** The jail told ICE the release time, as a request for notification asked (the request's history went through notified). */
function notifiedIce() {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${detainerEvents} WHERE ${detainerEvents.detainerId} = ${detainers.id} AND ${detainerEvents.to} = 'notified')`;
}

/**
 * The page query (a Drizzle builder: await it, or EXPLAIN it). The page's ids are chosen first,
 * over the bookings alone (visibility, search, keyset, order, limit), and only those rows are
 * joined to the stage tables: joining first would leave the planner too many joins to reorder.
 */
export function listBookings(db: Db, visibility: BookingVisibility, opts: BookingListOptions) {
  const where: SQL[] = [visibleBookings(visibility)];
  if (opts.q) where.push(bookingSearch(opts.q));
  if (opts.after) {
    where.push(sql`(${bookings.submittedAt}, ${bookings.id}) < (${opts.after.submittedAt.toISOString()}::timestamptz, ${opts.after.id})`);
  }
  const page = db
    .select({ pageId: sql<string>`${bookings.id}`.as('page_id') })
    .from(bookings)
    .where(and(...where))
    .orderBy(desc(bookings.submittedAt), desc(bookings.id))
    .limit(opts.limit)
    .as('page');
  return db
    .select({
      id: bookings.id,
      bookingNumber: bookings.bookingNumber,
      tcn: bookings.tcn,
      familyName: bookings.familyName,
      givenName: bookings.givenName,
      dob: bookings.dob,
      jurisdictionId: bookings.jurisdictionId,
      jurisdictionName: jurisdictions.name,
      rulesetId: jurisdictions.rulesetId,
      state: jurisdictions.state,
      submittedAt: bookings.submittedAt,
      releaseDueAt: bookings.releaseDueAt,
      sid: sibResults.sid,
      forwardedToDhs: sibResults.forwardedToDhs,
      srf: cjisResults.srf,
      identOutcome: identResults.outcome,
      fin: identResults.fin,
      iaqAt: iaqs.at,
      iarStatus: iars.status,
      action: iceDecisions.action,
      level: iceDecisions.level,
      priority: iceDecisions.priority,
      detainerState: detainers.state,
      holdExpiresAt: detainers.holdExpiresAt,
      jailDecision: jailResponses.decision,
      outcome: bookingOutcomes.outcome,
      lescPending: openTask('lesc'),
      eroPending: openTask('ero'),
      notified: notifiedIce(),
    })
    .from(page)
    .innerJoin(bookings, eq(bookings.id, page.pageId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, bookings.jurisdictionId))
    .leftJoin(sibResults, eq(sibResults.bookingId, bookings.id))
    .leftJoin(cjisResults, eq(cjisResults.bookingId, bookings.id))
    .leftJoin(identResults, eq(identResults.bookingId, bookings.id))
    .leftJoin(iaqs, eq(iaqs.bookingId, bookings.id))
    .leftJoin(iars, eq(iars.iaqId, iaqs.id))
    .leftJoin(iceDecisions, eq(iceDecisions.bookingId, bookings.id))
    .leftJoin(detainers, eq(detainers.bookingId, bookings.id))
    .leftJoin(jailResponses, eq(jailResponses.detainerId, detainers.id))
    .leftJoin(bookingOutcomes, eq(bookingOutcomes.bookingId, bookings.id))
    .orderBy(desc(bookings.submittedAt), desc(bookings.id));
}
export type BookingListRow = Awaited<ReturnType<typeof listBookings>>[number];

/** Everything about one visible booking, or undefined when it is missing or not visible. Run in the transaction that audits the read. */
export async function bookingRecord(tx: Db, visibility: BookingVisibility, id: string) {
  const { prints: _prints, ...bookingColumns } = getTableColumns(bookings);
  const [head] = await tx
    .select({ booking: bookingColumns, jurisdiction: jurisdictions })
    .from(bookings)
    .innerJoin(jurisdictions, eq(jurisdictions.id, bookings.jurisdictionId))
    .where(and(eq(bookings.id, id), visibleBookings(visibility)));
  if (!head) return undefined;
  // One after another: a transaction is one connection, which runs one query at a time anyway
  // (node-postgres deprecates queueing them on a client; pg 9 refuses it).
  const one = async <T>(q: PromiseLike<T[]>) => (await q)[0];
  const charges = await tx.select().from(arrestCharges).where(eq(arrestCharges.bookingId, id)).orderBy(asc(arrestCharges.seq));
  const sib = await one(tx.select().from(sibResults).where(eq(sibResults.bookingId, id)));
  const cjis = await one(tx.select().from(cjisResults).where(eq(cjisResults.bookingId, id)));
  const ident = await one(tx.select().from(identResults).where(eq(identResults.bookingId, id)));
  const iaq = await one(tx.select().from(iaqs).where(eq(iaqs.bookingId, id)));
  const iar = await one(tx.select().from(iars).where(eq(iars.bookingId, id)));
  const decision = await one(tx.select().from(iceDecisions).where(eq(iceDecisions.bookingId, id)));
  const detainer = await one(tx.select().from(detainers).where(eq(detainers.bookingId, id)));
  const jail = await one(tx.select().from(jailResponses).where(eq(jailResponses.bookingId, id)));
  const outcome = await one(tx.select().from(bookingOutcomes).where(eq(bookingOutcomes.bookingId, id)));
  const events = detainer
    ? await tx.select().from(detainerEvents).where(eq(detainerEvents.detainerId, detainer.id)).orderBy(asc(detainerEvents.seq))
    : [];
  const tasks = await tx.select().from(consoleTasks).where(eq(consoleTasks.bookingId, id));
  const decided = await tx.select().from(consoleDecisions).where(eq(consoleDecisions.bookingId, id)).orderBy(asc(consoleDecisions.decidedAt));
  return { booking: head.booking, jurisdiction: head.jurisdiction, charges, sib, cjis, ident, iaq, iar, decision, detainer, detainerEvents: events, jail, outcome, tasks, decided };
}
export type BookingRecord = NonNullable<Awaited<ReturnType<typeof bookingRecord>>>;
