/** The pipeline's running totals per hop (the demo's output, the status page and API). */
import { count, countDistinct, eq, inArray, isNotNull, isNull, and } from 'drizzle-orm';
import { HOLD_FORMS } from '../domain/detainer.ts';
import type { Db } from '../store/db.ts';
import {
  auditLog,
  bookingOutcomes,
  bookings,
  citizenshipClaims,
  cjisResults,
  detainerEvents,
  detainers,
  escalations,
  iaqs,
  iars,
  identResults,
  outbox,
  sibResults,
} from '../store/schema/index.ts';

export interface PipelineCounts {
  bookings: number;
  sibForwarded: number;
  cjisHits: number;
  identMatches: number;
  iaqs: number;
  iars: number;
  /** Detainers proper: the requests to hold (I-247, I-247D). */
  detainers: { lodged: number; honoured: number; declined: number; lapsed: number };
  auditEntries: number;
  /** Requests for notification of release (I-247N): agreed, declined, and release times given. */
  notifications: { lodged: number; agreed: number; declined: number; notified: number };
  /** Requests for voluntary transfer (I-247X): agreed, declined, and custody handed over. */
  transfers: { lodged: number; agreed: number; declined: number; transferred: number };
  /** Claims of US citizenship recorded, and requests to the jail they cancelled. */
  citizenshipClaims: { claims: number; cancelled: number };
  escalations: number;
}

async function n(q: Promise<{ n: number }[]>): Promise<number> {
  return Number((await q)[0]?.n ?? 0);
}

export async function pipelineCounts(db: Db): Promise<PipelineCounts> {
  // Requests of these forms that were ever in the state (the history is never overwritten).
  const reachedBy = (forms: readonly string[]) => async (state: string) =>
    n(
      db
        .select({ n: countDistinct(detainerEvents.detainerId) })
        .from(detainerEvents)
        .innerJoin(detainers, eq(detainers.id, detainerEvents.detainerId))
        .where(and(eq(detainerEvents.to, state), inArray(detainers.form, [...forms]))),
    );
  const reached = reachedBy(HOLD_FORMS);
  const notification = reachedBy(['I-247N']);
  const transfer = reachedBy(['I-247X']);
  return {
    bookings: await n(db.select({ n: count() }).from(bookings)),
    sibForwarded: await n(db.select({ n: count() }).from(sibResults).where(eq(sibResults.forwardedToDhs, true))),
    cjisHits: await n(db.select({ n: count() }).from(cjisResults).where(eq(cjisResults.srf, 'I'))),
    identMatches: await n(db.select({ n: count() }).from(identResults).where(eq(identResults.outcome, 'match'))),
    iaqs: await n(db.select({ n: count() }).from(iaqs)),
    iars: await n(db.select({ n: count() }).from(iars)),
    detainers: { lodged: await reached('lodged'), honoured: await reached('honoured'), declined: await reached('declined'), lapsed: await reached('lapsed') },
    auditEntries: await n(db.select({ n: count() }).from(auditLog)),
    notifications: { lodged: await notification('lodged'), agreed: await notification('honoured'), declined: await notification('declined'), notified: await notification('notified') },
    transfers: { lodged: await transfer('lodged'), agreed: await transfer('honoured'), declined: await transfer('declined'), transferred: await transfer('custody_transferred') },
    citizenshipClaims: {
      claims: await n(db.select({ n: count() }).from(citizenshipClaims)),
      cancelled: await n(
        db
          .select({ n: countDistinct(detainerEvents.detainerId) })
          .from(detainerEvents)
          .innerJoin(detainers, eq(detainers.id, detainerEvents.detainerId))
          .innerJoin(citizenshipClaims, eq(citizenshipClaims.bookingId, detainers.bookingId))
          .where(eq(detainerEvents.to, 'cancelled')),
      ),
    },
    escalations: await n(db.select({ n: count() }).from(escalations)),
  };
}

export interface FlowState {
  outcomes: Record<string, number>;
  /** Bookings still on their way (no outcome yet). */
  inFlight: number;
  messages: { pending: number; dead: number };
}

export async function flowState(db: Db): Promise<FlowState> {
  const byOutcome = await db.select({ outcome: bookingOutcomes.outcome, n: count() }).from(bookingOutcomes).groupBy(bookingOutcomes.outcome).orderBy(bookingOutcomes.outcome);
  const ended = byOutcome.reduce((s, r) => s + Number(r.n), 0);
  const total = await n(db.select({ n: count() }).from(bookings));
  return {
    outcomes: Object.fromEntries(byOutcome.map((r) => [r.outcome, Number(r.n)])),
    inFlight: total - ended,
    messages: {
      pending: await n(db.select({ n: count() }).from(outbox).where(and(isNull(outbox.publishedAt), isNull(outbox.deadAt)))),
      dead: await n(db.select({ n: count() }).from(outbox).where(isNotNull(outbox.deadAt))),
    },
  };
}

