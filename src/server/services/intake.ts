/**
 * Booking submission through the API: an ANSI/NIST-ITL file (EBTS CAR/CNA, traditional or XML)
 * read and turned into a booking by the spine's path (formats/ebts → pipeline/ebts-booking), or a
 * booking as JSON from a machine client; both go through the pipeline's intake, as the user. A
 * jail submits for its own agency only.
 */
import { eq } from 'drizzle-orm';
import type { BookingSubmission } from '../../domain/booking.ts';
import { SeccomError } from '../../errors/index.ts';
import { readTransaction } from '../../formats/ebts/index.ts';
import { bookingFromEbts } from '../../pipeline/ebts-booking.ts';
import { submitBookings } from '../../pipeline/intake.ts';
import { jurisdictions } from '../../store/schema/index.ts';
import { actorOf, type Principal } from '../access/principal.ts';
import type { ServerContext } from '../context.ts';

export class IntakeService {
  readonly #ctx: () => ServerContext;

  constructor(ctx: () => ServerContext) {
    this.#ctx = ctx;
  }

  /** The submitting agency must be inside the user's jurisdiction. */
  async #checkAgency(p: Principal, ori: string): Promise<void> {
    const [j] = await this.#ctx().store.db.select().from(jurisdictions).where(eq(jurisdictions.ori, ori));
    const inScope =
      j !== undefined &&
      (p.scope.kind === 'national' || (p.scope.kind === 'state' && j.state === p.scope.state) || (p.scope.kind === 'county' && j.id === p.scope.jurisdictionId));
    if (j && !inScope) throw new SeccomError('SECCOM_FORBIDDEN', `you submit bookings for your own jurisdiction only, not for ORI ${ori}`, { location: { field: 'ori' } });
  }

  async submit(p: Principal, booking: BookingSubmission): Promise<{ bookingId: string; tcn: string }> {
    await this.#checkAgency(p, booking.ori);
    const ctx = this.#ctx();
    const [done] = await submitBookings(ctx.store, ctx.clock, [booking], actorOf(p));
    await ctx.pipeline?.bus.pump();
    return { bookingId: done!.bookingId, tcn: done!.tcn };
  }

  /** Reads the transaction file, extracts the prints and submits it; `releaseDueAt` overrides the default (48 h after arrest). */
  async submitFile(p: Principal, bytes: Uint8Array, releaseDueAt?: Date): Promise<{ bookingId: string; tcn: string }> {
    const booking = bookingFromEbts(readTransaction(bytes));
    return this.submit(p, releaseDueAt ? { ...booking, releaseDueAt } : booking);
  }
}
