/** DHS IDENT: 1:N search of the immigration gallery; a match sends the automatic IAQ to LESC (DOMAIN.md §1 steps 4–5). */
import { insertAudited } from '../../store/audited.ts';
import { identResults } from '../../store/schema/index.ts';
import type { TenprintSearch } from '../ports.ts';
import { loadPrints, recordOutcomes } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics, type BookingRef } from '../topics.ts';

export function identStage(search: TenprintSearch): Stage {
  return {
    name: 'ident',
    topics: [topics.identSearch],
    async handle(tx, messages, ctx) {
      const ids = messages.map((m) => (m.payload as BookingRef).bookingId);
      const prints = await loadPrints(tx, ids);
      const results: (typeof identResults.$inferInsert)[] = [];
      for (const id of ids) {
        const [best] = await search.search(prints.get(id)!, 1);
        results.push(
          best?.hit
            ? { bookingId: id, outcome: 'match', fin: best.subjectId, score: best.score, at: ctx.at }
            : { bookingId: id, outcome: 'no_match', fin: null, score: best?.score ?? 0, at: ctx.at },
        );
      }
      await insertAudited(tx, identResults, results, ctx);
      await recordOutcomes(tx, results.filter((r) => r.outcome === 'no_match').map((r) => ({ bookingId: r.bookingId, outcome: 'no_ident_match' as const })), ctx);
      return results.filter((r) => r.fin).map((r) => message(topics.lescQuery, r.bookingId, { bookingId: r.bookingId, fin: r.fin }, ctx.at));
    },
  };
}
