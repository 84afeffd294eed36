/**
 * FBI CJIS / IAFIS: searches the criminal master file (SRE: I ident with FBI number, or N). A
 * criminal submission (CAR) with no ident enrols a new subject with a new FBI number. Where the
 * jurisdiction shares, the prints go on to IDENT (DOMAIN.md §1 step 3).
 */
import { createHash } from 'node:crypto';
import { insertAudited } from '../../store/audited.ts';
import { cjisResults, criminalSubjects } from '../../store/schema/index.ts';
import type { TenprintSearch } from '../ports.ts';
import { loadBookings, loadPrints, recordOutcomes } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics } from '../topics.ts';

interface CjisSearch {
  bookingId: string;
  forwardToDhs: boolean;
}

/** A new FBI number, derived from the booking so a replay assigns the same one. */
export function fbiNumberFor(bookingId: string): string {
  const n = createHash('sha256').update(bookingId).digest().readUInt32BE(0) % 1_000_000_000;
  return `${String(n).padStart(9, '0')}`;
}

export function cjisStage(search: TenprintSearch): Stage {
  return {
    name: 'cjis',
    topics: [topics.cjisSearch],
    async handle(tx, messages, ctx) {
      const asks = messages.map((m) => m.payload as CjisSearch);
      const booked = await loadBookings(tx, asks.map((a) => a.bookingId));
      const prints = await loadPrints(tx, asks.map((a) => a.bookingId));
      const results: (typeof cjisResults.$inferInsert)[] = [];
      const enrolled: (typeof criminalSubjects.$inferInsert)[] = [];
      for (const a of asks) {
        const b = booked.get(a.bookingId)!;
        const probe = prints.get(b.id)!;
        const [best] = await search.search(probe, 1);
        if (best?.hit) {
          results.push({ bookingId: b.id, srf: 'I', fbiNumber: best.subjectId, score: best.score, newlyEnrolled: false, at: ctx.at });
          continue;
        }
        const fbiNumber = fbiNumberFor(b.id);
        const enrol = b.tot === 'CAR';
        results.push({ bookingId: b.id, srf: 'N', fbiNumber: enrol ? fbiNumber : '', score: best?.score ?? 0, newlyEnrolled: enrol, at: ctx.at });
        if (enrol) {
          enrolled.push({ fbiNumber, personId: b.simPersonId, familyName: b.familyName, givenName: b.givenName, dob: b.dob, sex: b.sex, templates: probe, enrolledAt: ctx.at });
        }
      }
      await insertAudited(tx, cjisResults, results, ctx);
      await insertAudited(tx, criminalSubjects, enrolled, ctx);
      ctx.afterCommit(() => {
        for (const s of enrolled) search.enrol(s.fbiNumber, s.templates);
      });
      await recordOutcomes(tx, asks.filter((a) => !a.forwardToDhs).map((a) => ({ bookingId: a.bookingId, outcome: 'not_shared' as const })), ctx);
      return asks.filter((a) => a.forwardToDhs).map((a) => message(topics.identSearch, a.bookingId, { bookingId: a.bookingId }, ctx.at));
    },
  };
}
