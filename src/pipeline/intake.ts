/**
 * Intake: the jail's submission enters the pipeline. Every booking of a call is checked first
 * (form, known jurisdiction, TCN not seen before); if any fails, nothing is written and the first
 * failure is thrown with its stable code. Otherwise the bookings, their charges and their
 * `booking.submitted` messages commit in one transaction.
 */
import { inArray } from 'drizzle-orm';
import { SeccomError } from '../errors/index.ts';
import type { Clock } from '../domain/clock.ts';
import { validateBooking, type BookingSubmission } from '../domain/booking.ts';
import { enqueue } from '../bus/outbox.ts';
import { insertAudited } from '../store/audited.ts';
import { arrestCharges, bookings, jurisdictions } from '../store/schema/index.ts';
import type { Store } from '../store/store.ts';
import { claimCitizenship } from './claims.ts';
import { message } from './stage.ts';
import { topics } from './topics.ts';

export interface Submitted {
  bookingId: string;
  tcn: string;
  jurisdictionId: string;
}

export function bookingIdFor(tcn: string): string {
  return `B-${tcn}`;
}

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: string }).code === '23505') return true;
  }
  return false;
}

export async function submitBookings(store: Store, clock: Clock, subs: readonly BookingSubmission[], actor = 'intake'): Promise<Submitted[]> {
  if (subs.length === 0) return [];
  subs.forEach(validateBooking);
  const seen = new Set<string>();
  for (const s of subs) {
    if (seen.has(s.tcn)) throw duplicate(s.tcn, 'twice in this submission');
    seen.add(s.tcn);
  }
  try {
    return await store.transaction(async (tx) => {
      const at = clock.now();
      const oris = [...new Set(subs.map((s) => s.ori))];
      const known = new Map((await tx.select().from(jurisdictions).where(inArray(jurisdictions.ori, oris))).map((j) => [j.ori, j]));
      const existing = await tx.select({ id: bookings.id, tcn: bookings.tcn }).from(bookings).where(inArray(bookings.tcn, [...seen]));
      if (existing[0]) throw duplicate(existing[0].tcn, `already submitted as booking ${existing[0].id}`);
      const rows = subs.map((s) => {
        const j = known.get(s.ori);
        if (!j) {
          throw new SeccomError('SECCOM_UNKNOWN_JURISDICTION', `no jurisdiction has ORI ${s.ori}`, { location: { field: 'ori', tcn: s.tcn } });
        }
        return { s, j, id: bookingIdFor(s.tcn) };
      });
      const ctx = { actor, at };
      await insertAudited(
        tx,
        bookings,
        rows.map(({ s, j, id }) => ({
          id,
          tcn: s.tcn,
          jurisdictionId: j.id,
          ori: s.ori,
          bookingNumber: s.bookingNumber,
          tot: s.tot,
          familyName: s.familyName,
          givenName: s.givenName,
          dob: s.dob,
          sex: s.sex,
          pob: s.pob,
          arrestedAt: s.arrestedAt,
          submittedAt: at,
          releaseDueAt: s.releaseDueAt,
          prints: s.prints,
          simPersonId: s.simPersonId ?? null,
        })),
        ctx,
      );
      await insertAudited(
        tx,
        arrestCharges,
        rows.flatMap(({ s, id }) =>
          s.charges.map((c, i) => ({
            bookingId: id,
            seq: i + 1,
            offense: c.offense,
            ncic: c.ncic,
            level: c.level,
            felony: c.felony,
            maxMonths: c.maxMonths ?? null,
            felonyClass: c.felonyClass ?? null,
            bondPosted: c.bondPosted ?? null,
            probableCauseFinding: c.probableCauseFinding ?? false,
          })),
        ),
        ctx,
      );
      // The synthetic person's claim of US citizenship, scheduled for when it is made.
      await claimCitizenship(
        tx,
        ctx,
        rows.flatMap(({ s, id }) => (s.simCitizenshipClaim ? [{ bookingId: id, at: s.simCitizenshipClaim.at, madeTo: s.simCitizenshipClaim.madeTo, by: actor }] : [])),
      );
      await enqueue(
        tx,
        rows.map(({ id }) => message(topics.bookingSubmitted, id, { bookingId: id }, at)),
      );
      return rows.map(({ s, j, id }) => ({ bookingId: id, tcn: s.tcn, jurisdictionId: j.id }));
    });
  } catch (e) {
    // Two submitters racing with the same TCN: the unique index decides, and the loser is told so.
    if (isUniqueViolation(e)) throw duplicate(subs.length === 1 ? subs[0]!.tcn : 'one of the TCNs', 'submitted concurrently');
    throw e;
  }
}

function duplicate(tcn: string, how: string): SeccomError {
  return new SeccomError('SECCOM_DUPLICATE_SUBMISSION', `TCN ${tcn} ${how}`, { location: { field: 'tcn', tcn } });
}
