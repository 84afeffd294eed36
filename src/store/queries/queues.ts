/**
 * The console's work queues: bookings waiting for a person at one step, oldest first, keyset-paged
 * on (opened_at, booking_id) over console_tasks_open_idx, within the reader's visibility.
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { bookings, consoleTasks, detainers, iaqs, iars, identResults, jurisdictions } from '../schema/index.ts';
import { bookingSearch } from './bookings.ts';
import { visibleBookings, type BookingVisibility } from './visibility.ts';

export interface QueueOptions {
  q?: string;
  after?: { openedAt: Date; bookingId: string };
  limit: number;
}

export function listQueue(db: Db, step: 'lesc' | 'ero' | 'jail', visibility: BookingVisibility, opts: QueueOptions) {
  const where: SQL[] = [eq(consoleTasks.step, step), isNull(consoleTasks.closedAt), visibleBookings(visibility)];
  if (opts.q) where.push(bookingSearch(opts.q));
  if (opts.after) {
    where.push(sql`(${consoleTasks.openedAt}, ${consoleTasks.bookingId}) > (${opts.after.openedAt.toISOString()}::timestamptz, ${opts.after.bookingId})`);
  }
  return db
    .select({
      bookingId: consoleTasks.bookingId,
      openedAt: consoleTasks.openedAt,
      bookingNumber: bookings.bookingNumber,
      tcn: bookings.tcn,
      familyName: bookings.familyName,
      givenName: bookings.givenName,
      dob: bookings.dob,
      jurisdictionName: jurisdictions.name,
      rulesetId: jurisdictions.rulesetId,
      state: jurisdictions.state,
      fin: identResults.fin,
      iaqText: iaqs.text,
      iarStatus: iars.status,
      detainerId: detainers.id,
      detainerForm: detainers.form,
      releaseDueAt: bookings.releaseDueAt,
    })
    .from(consoleTasks)
    .innerJoin(bookings, eq(bookings.id, consoleTasks.bookingId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, bookings.jurisdictionId))
    .leftJoin(identResults, eq(identResults.bookingId, bookings.id))
    .leftJoin(iaqs, eq(iaqs.bookingId, bookings.id))
    .leftJoin(iars, eq(iars.bookingId, bookings.id))
    .leftJoin(detainers, eq(detainers.bookingId, bookings.id))
    .where(and(...where))
    .orderBy(asc(consoleTasks.openedAt), asc(consoleTasks.bookingId))
    .limit(opts.limit);
}
export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];
