/**
 * Which bookings a reader may see, as one SQL condition on `bookings` that every list, count and
 * single-record read applies: a jurisdiction (one county or every county of a state) and, for
 * roles that work one step of the flow, only bookings that reached that step.
 */
import { sql, type SQL } from 'drizzle-orm';
import { bookings, consoleTasks, iaqs, iars, jurisdictions } from '../schema/index.ts';

export interface BookingVisibility {
  /** One county jail's bookings. */
  jurisdictionId?: string;
  /** Every jail's bookings in a state (two-letter code). */
  state?: string;
  /** Only bookings that reached a step: an IAQ was sent to LESC, or LESC sent its IAR on to ERO. */
  reached?: 'iaq' | 'iar';
}

export function visibleBookings(v: BookingVisibility): SQL {
  const parts: SQL[] = [];
  if (v.jurisdictionId !== undefined) parts.push(sql`${bookings.jurisdictionId} = ${v.jurisdictionId}`);
  if (v.state !== undefined) {
    parts.push(sql`${bookings.jurisdictionId} IN (SELECT ${jurisdictions.id} FROM ${jurisdictions} WHERE ${jurisdictions.state} = ${v.state})`);
  }
  if (v.reached === 'iaq') parts.push(sql`EXISTS (SELECT 1 FROM ${iaqs} WHERE ${iaqs.bookingId} = ${bookings.id})`);
  if (v.reached === 'iar') {
    // An IAR that an analyst still has to review has not reached ERO.
    parts.push(sql`EXISTS (SELECT 1 FROM ${iars} WHERE ${iars.bookingId} = ${bookings.id})
      AND NOT EXISTS (SELECT 1 FROM ${consoleTasks} WHERE ${consoleTasks.bookingId} = ${bookings.id} AND ${consoleTasks.step} = 'lesc' AND ${consoleTasks.closedAt} IS NULL)`);
  }
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}
