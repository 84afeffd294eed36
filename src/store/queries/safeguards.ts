/**
 * Claims of US citizenship and the escalations they raised (DOMAIN.md §8), for the console: one
 * booking's (after the caller has checked the reader may see the booking), and the escalated
 * cases within a reader's visibility, newest first, for overseers.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { bookings, citizenshipClaims, escalations, jurisdictions } from '../schema/index.ts';
import { visibleBookings, type BookingVisibility } from './visibility.ts';

export async function safeguardsOf(db: Db, bookingId: string) {
  const [claim] = await db.select().from(citizenshipClaims).where(eq(citizenshipClaims.bookingId, bookingId));
  const raised = await db.select().from(escalations).where(eq(escalations.bookingId, bookingId)).orderBy(asc(escalations.raisedAt), asc(escalations.reason));
  return { claim: claim ?? null, escalations: raised };
}
export type BookingSafeguards = Awaited<ReturnType<typeof safeguardsOf>>;

/** Escalated cases within a reader's visibility, newest first, keyset-paged on (raised, booking id, reason). */
export function listEscalations(db: Db, visibility: BookingVisibility, limit: number, after?: { raisedAt: Date; bookingId: string; reason: string }) {
  const next = after
    ? sql`(${escalations.raisedAt}, ${escalations.bookingId}, ${escalations.reason}) < (${after.raisedAt.toISOString()}::timestamptz, ${after.bookingId}, ${after.reason})`
    : undefined;
  return db
    .select({
      bookingId: escalations.bookingId,
      reason: escalations.reason,
      detainerId: escalations.detainerId,
      raisedAt: escalations.raisedAt,
      raisedBy: escalations.raisedBy,
      note: escalations.note,
      claimedAt: citizenshipClaims.claimedAt,
      madeTo: citizenshipClaims.madeTo,
      bookingNumber: bookings.bookingNumber,
      name: sql<string>`${bookings.familyName} || ', ' || ${bookings.givenName}`,
      jurisdictionName: jurisdictions.name,
      rulesetId: jurisdictions.rulesetId,
    })
    .from(escalations)
    .innerJoin(bookings, eq(bookings.id, escalations.bookingId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, bookings.jurisdictionId))
    .leftJoin(citizenshipClaims, eq(citizenshipClaims.bookingId, escalations.bookingId))
    .where(and(visibleBookings(visibility), next))
    .orderBy(desc(escalations.raisedAt), desc(escalations.bookingId), desc(escalations.reason))
    .limit(limit);
}
export type EscalationRow = Awaited<ReturnType<typeof listEscalations>>[number];
