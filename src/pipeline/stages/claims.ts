/**
 * A claim of US citizenship, at the time it is made (DOMAIN.md §4, §8): recorded and escalated
 * (../claims.ts), and the booking's request to the jail is cancelled. A hold being served stops at
 * the claim by the engine's detainer clock (clockStateAt: stopped for good, never paused) and the
 * person is released then; a request not yet answered, or a notification or transfer still to
 * come, is cancelled and the person leaves at the otherwise-release time. A hold already over
 * (lapsed, custody transferred) is left as it is; the escalation is what follows it up.
 */
import { inArray } from 'drizzle-orm';
import type { Message } from '../../bus/message.ts';
import { clockStateAt } from '../../policy/index.ts';
import { citizenshipClaims, detainers, jailResponses } from '../../store/schema/index.ts';
import { recordClaims, type ClaimMessage } from '../claims.ts';
import { loadBookings, moveDetainer } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics, type ReleaseDue } from '../topics.ts';

export const claimsStage: Stage = {
  name: 'claims',
  topics: [topics.citizenshipClaimed],
  async handle(tx, messages, ctx) {
    await recordClaims(tx, ctx, messages.map((m) => ({ ...(m.payload as ClaimMessage), at: m.availableAt })));
    const ids = messages.map((m) => (m.payload as ClaimMessage).bookingId);
    // The first claim recorded for the booking is the one that stops the clock.
    const claimed = new Map((await tx.select().from(citizenshipClaims).where(inArray(citizenshipClaims.bookingId, ids))).map((c) => [c.bookingId, c.claimedAt]));
    const requests = await tx.select().from(detainers).where(inArray(detainers.bookingId, ids));
    const booked = await loadBookings(tx, requests.map((d) => d.bookingId));
    const clocks = new Map(
      (await tx.select({ id: jailResponses.detainerId, explanation: jailResponses.explanation }).from(jailResponses).where(inArray(jailResponses.detainerId, requests.map((d) => d.id)))).map(
        (r) => [r.id, r.explanation?.clock ?? null],
      ),
    );
    const out: Message[] = [];
    for (const d of requests) {
      const claimAt = claimed.get(d.bookingId)!;
      const releaseDueAt = booked.get(d.bookingId)!.releaseDueAt;
      // The claim takes effect at its own time, however late the batch runs, and never before the request's last change.
      const when = { ...ctx, at: new Date(Math.max(claimAt.getTime(), d.updatedAt.getTime())) };
      let releaseAt: Date;
      if (d.state === 'requested' || d.state === 'lodged') {
        releaseAt = new Date(Math.max(releaseDueAt.getTime(), when.at.getTime()));
      } else if (d.state === 'honoured' && d.holdExpiresAt) {
        // The engine's clock says whether the claim came while the hold could still run, and when it stops.
        const clock = clocks.get(d.id);
        const state = clock ? clockStateAt(clock, claimAt.getTime(), claimAt.getTime()) : undefined;
        if (state ? state.status !== 'stopped' : claimAt >= d.holdExpiresAt) continue; // over already: it lapses on its own timer
        releaseAt = state?.status === 'stopped' ? new Date(state.stoppedAt) : new Date(Math.max(claimAt.getTime(), releaseDueAt.getTime()));
      } else if (d.state === 'honoured') {
        releaseAt = new Date(Math.max(releaseDueAt.getTime(), when.at.getTime())); // a notification or transfer still to come
      } else {
        continue;
      }
      await moveDetainer(tx, d, 'cancelled', `US citizenship claimed at ${claimAt.toISOString()}: the request is cancelled and the case escalated`, when);
      // A notification or transfer has its release timer already; that one finds the request cancelled.
      out.push(message<ReleaseDue>(topics.releaseDue, d.id, { detainerId: d.id, bookingId: d.bookingId, act: 'release' }, releaseAt));
    }
    return out;
  },
};
