/**
 * State Identification Bureau: assigns the State ID and decides, through the participation port
 * (the jail's dated activation under the federal opt-out policy in force), whether the prints go
 * on to DHS once CJIS has them (DOMAIN.md §1 step 2, §2).
 */
import { inArray, sql } from 'drizzle-orm';
import { insertAudited } from '../../store/audited.ts';
import { bookings, jurisdictionActivations, jurisdictions, sibResults } from '../../store/schema/index.ts';
import type { ParticipationPort } from '../ports.ts';
import { groupBy, loadBookings } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics, type BookingRef } from '../topics.ts';

/**
 * PLACEHOLDER state-repository search: the SID is derived from the prints themselves (their
 * SHA-256), so the same person always gets the same SID in a state. A real SIB searches its AFIS.
 */
export function sidFor(ori: string, printsSha256: string): string {
  return `${ori.slice(0, 2)}${String(Number.parseInt(printsSha256.slice(0, 8), 16) % 100_000_000).padStart(8, '0')}`;
}

export function sibStage(participation: ParticipationPort): Stage {
  return {
    name: 'sib',
    topics: [topics.bookingSubmitted],
    async handle(tx, messages, ctx) {
      const ids = messages.map((m) => (m.payload as BookingRef).bookingId);
      const booked = await loadBookings(tx, ids);
      const jIds = [...new Set([...booked.values()].map((b) => b.jurisdictionId))];
      const juris = await tx.select().from(jurisdictions).where(inArray(jurisdictions.id, jIds));
      const acts = groupBy(await tx.select().from(jurisdictionActivations).where(inArray(jurisdictionActivations.jurisdictionId, jIds)), (a) => a.jurisdictionId);
      const digests = new Map(
        (await tx.select({ id: bookings.id, sha: sql<string>`encode(sha256(${bookings.prints}), 'hex')` }).from(bookings).where(inArray(bookings.id, ids))).map((r) => [r.id, r.sha]),
      );
      const results = ids.map((id) => {
        const b = booked.get(id)!;
        const j = juris.find((x) => x.id === b.jurisdictionId)!;
        const sharing = participation.sharing({ ...j, activations: acts.get(j.id) ?? [] }, b.arrestedAt);
        return { bookingId: id, sid: sidFor(b.ori, digests.get(id)!), forwardedToDhs: sharing.forward, reason: sharing.reason, at: ctx.at };
      });
      await insertAudited(tx, sibResults, results, ctx);
      return results.map((r) => message(topics.cjisSearch, r.bookingId, { bookingId: r.bookingId, forwardToDhs: r.forwardedToDhs }, ctx.at));
    },
  };
}
