/**
 * Claims of US citizenship (DOMAIN.md §4, §8): dated and audited, each stops any detainer clock on
 * the booking for good and escalates the case for a person to review. A claim is recorded when it
 * is made; the `citizenship.claimed` message, due at that time, carries its effect on the
 * booking's request to the jail (stages/claims.ts). The policy engine reads recorded claims from
 * the case (ERO answers none, the jail declines), so a claim made before a decision prevents it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { enqueue } from '../bus/outbox.ts';
import type { ClaimChannel } from '../domain/claim.ts';
import { insertAudited, type WriteContext } from '../store/audited.ts';
import type { Db } from '../store/db.ts';
import { citizenshipClaims, detainers, escalations, iceDecisions } from '../store/schema/index.ts';
import { lockBookings } from './records.ts';
import { message } from './stage.ts';
import { topics } from './topics.ts';

export interface CitizenshipClaim {
  bookingId: string;
  /** When it was made. */
  at: Date;
  madeTo: ClaimChannel;
  /** Who recorded it (a user, or the stage). */
  by: string;
  note?: string;
}

/** The message payload; the claim's time is the message's due time. */
export type ClaimMessage = Omit<CitizenshipClaim, 'at'>;

export const CITIZENSHIP_ESCALATION = 'us-citizenship-claim';

/**
 * Records the claims made by now and schedules every claim's effect at its own time: a claim
 * later than now (a synthetic person's, known in advance) is recorded when it comes due. Call it
 * in the transaction that learns of the claims.
 */
export async function claimCitizenship(tx: Db, ctx: WriteContext, claims: readonly CitizenshipClaim[]): Promise<void> {
  await recordClaims(tx, ctx, claims.filter((c) => c.at <= ctx.at));
  await enqueue(
    tx,
    claims.map(({ at, ...c }) => message<ClaimMessage>(topics.citizenshipClaimed, c.bookingId, c, at)),
  );
}

/**
 * Writes the claims not recorded yet (a booking's first claim is the one that counts) and
 * escalates those ICE has already decided on; ERO escalates the others when it decides.
 */
export async function recordClaims(tx: Db, ctx: WriteContext, claims: readonly CitizenshipClaim[]): Promise<void> {
  const ids = [...new Set(claims.map((c) => c.bookingId))];
  if (ids.length === 0) return;
  await lockBookings(tx, ids);
  const known = new Set((await tx.select({ id: citizenshipClaims.bookingId }).from(citizenshipClaims).where(inArray(citizenshipClaims.bookingId, ids))).map((r) => r.id));
  const fresh = new Map<string, CitizenshipClaim>();
  for (const c of [...claims].sort((a, b) => a.at.getTime() - b.at.getTime())) if (!known.has(c.bookingId) && !fresh.has(c.bookingId)) fresh.set(c.bookingId, c);
  if (fresh.size === 0) return;
  await insertAudited(
    tx,
    citizenshipClaims,
    [...fresh.values()].map((c) => ({ bookingId: c.bookingId, claimedAt: c.at, madeTo: c.madeTo, recordedBy: c.by, note: c.note ?? '' })),
    ctx,
  );
  const decided = (await tx.select({ id: iceDecisions.bookingId }).from(iceDecisions).where(inArray(iceDecisions.bookingId, [...fresh.keys()]))).map((r) => r.id);
  await escalate(
    tx,
    ctx,
    decided.map((id) => ({ bookingId: id, note: `US citizenship claimed to the ${fresh.get(id)!.madeTo} at ${fresh.get(id)!.at.toISOString()}, after ICE decided` })),
  );
}

/** Escalates bookings for a claim of US citizenship, once each; names the booking's request to the jail if there is one. */
export async function escalate(tx: Db, ctx: WriteContext, items: readonly { bookingId: string; note: string }[]): Promise<void> {
  const ids = items.map((i) => i.bookingId);
  if (ids.length === 0) return;
  const done = new Set(
    (await tx.select({ id: escalations.bookingId }).from(escalations).where(and(inArray(escalations.bookingId, ids), eq(escalations.reason, CITIZENSHIP_ESCALATION)))).map((r) => r.id),
  );
  const requests = new Map((await tx.select({ id: detainers.id, bookingId: detainers.bookingId }).from(detainers).where(inArray(detainers.bookingId, ids))).map((d) => [d.bookingId, d.id]));
  await insertAudited(
    tx,
    escalations,
    items
      .filter((i) => !done.has(i.bookingId))
      .map((i) => ({ bookingId: i.bookingId, reason: CITIZENSHIP_ESCALATION, detainerId: requests.get(i.bookingId) ?? null, raisedAt: ctx.at, raisedBy: ctx.actor, note: i.note })),
    ctx,
  );
}
