/** The pipeline's running totals per hop (the demo's output, the status page and API). */
import { count, countDistinct, eq, isNotNull, isNull, and } from 'drizzle-orm';
import type { Db } from '../store/db.ts';
import {
  auditLog,
  bookingOutcomes,
  bookings,
  cjisResults,
  detainerEvents,
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
  detainers: { lodged: number; honoured: number; declined: number; lapsed: number };
  auditEntries: number;
}

async function n(q: Promise<{ n: number }[]>): Promise<number> {
  return Number((await q)[0]?.n ?? 0);
}

export async function pipelineCounts(db: Db): Promise<PipelineCounts> {
  const reached = async (state: string) =>
    n(db.select({ n: countDistinct(detainerEvents.detainerId) }).from(detainerEvents).where(eq(detainerEvents.to, state)));
  return {
    bookings: await n(db.select({ n: count() }).from(bookings)),
    sibForwarded: await n(db.select({ n: count() }).from(sibResults).where(eq(sibResults.forwardedToDhs, true))),
    cjisHits: await n(db.select({ n: count() }).from(cjisResults).where(eq(cjisResults.srf, 'I'))),
    identMatches: await n(db.select({ n: count() }).from(identResults).where(eq(identResults.outcome, 'match'))),
    iaqs: await n(db.select({ n: count() }).from(iaqs)),
    iars: await n(db.select({ n: count() }).from(iars)),
    detainers: { lodged: await reached('lodged'), honoured: await reached('honoured'), declined: await reached('declined'), lapsed: await reached('lapsed') },
    auditEntries: await n(db.select({ n: count() }).from(auditLog)),
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

