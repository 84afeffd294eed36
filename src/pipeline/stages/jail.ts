/**
 * The jail (DOMAIN.md §1 step 7, §4, §5): answers a lodged request under its local law through
 * the policy port, storing the answer with its explanation — a detainer honoured with its clock,
 * a notification or transfer agreed, notification only, or declined — then acts on the timers: at
 * the otherwise-release time it tells ICE the release when it agreed to (notified) and releases,
 * or hands the person to ICE on an agreed transfer; a hold lapses and ends in release when its
 * clock runs out, or in custody when ICE arrives in time.
 */
import { jailActs } from '../../domain/detainer.ts';
import { insertAudited } from '../../store/audited.ts';
import { inArray } from 'drizzle-orm';
import { citizenshipClaims, jailResponses } from '../../store/schema/index.ts';
import type { DetainerForm, PolicyPort } from '../ports.ts';
import { loadDetainers, moveDetainer, recordOutcomes } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics, type DetainerRef, type Outcome, type ReleaseDue } from '../topics.ts';
import { loadCases } from './ero.ts';
import type { Message } from '../../bus/message.ts';

export function jailStage(policy: PolicyPort): Stage {
  return {
    name: 'jail',
    topics: [topics.detainerLodged, topics.releaseDue, topics.holdExpired, topics.iceArrival],
    async handle(tx, messages, ctx) {
      const refs = messages.map((m) => ({ topic: m.topic, due: m.availableAt, act: (m.payload as Partial<ReleaseDue>).act ?? 'release', ...(m.payload as DetainerRef) }));
      const found = await loadDetainers(tx, refs.map((r) => r.detainerId));
      const lodged = refs.filter((r) => r.topic === topics.detainerLodged);
      const cases = await loadCases(tx, lodged.map((r) => r.bookingId), ctx.at);
      // A claim of US citizenship made by the release time withdraws a promised notice as well.
      const notices = refs.filter((r) => r.topic === topics.releaseDue && r.act === 'notify').map((r) => r.bookingId);
      const claimed = new Map(
        notices.length ? (await tx.select().from(citizenshipClaims).where(inArray(citizenshipClaims.bookingId, notices))).map((c) => [c.bookingId, c.claimedAt]) : [],
      );
      const out: Message[] = [];
      const ends: { bookingId: string; outcome: Outcome; at: Date }[] = [];
      const answers: (typeof jailResponses.$inferInsert)[] = [];

      for (const r of refs) {
        let d = found.get(r.detainerId)!;
        // Timers take effect at their due time, however late the batch runs.
        const when = r.topic === topics.detainerLodged ? ctx : { ...ctx, at: r.due };
        const ref = { detainerId: r.detainerId, bookingId: r.bookingId };
        if (r.topic === topics.detainerLodged) {
          if (d.state !== 'lodged') continue;
          const c = cases.get(r.bookingId)!;
          const answer = policy.jail(c, d.form as DetainerForm);
          answers.push({ detainerId: d.id, bookingId: r.bookingId, decision: answer.response, rulesetId: c.rulesetId, reason: `${policy.name}: ${answer.reason}`, explanation: answer.explanation ?? null, at: ctx.at });
          const releaseAt = c.releaseDueAt > ctx.at ? c.releaseDueAt : ctx.at;
          const { atRelease } = jailActs(d.form, answer.response);
          if (answer.hold && answer.holdExpiresAt) {
            d = await moveDetainer(tx, d, 'honoured', answer.reason, ctx, { holdExpiresAt: answer.holdExpiresAt });
            out.push(message(topics.detainerHonoured, d.id, ref, ctx.at), message(topics.holdExpired, d.id, ref, answer.holdExpiresAt));
          } else if (answer.response === 'honour' && atRelease !== 'release') {
            // A notification or transfer agreed: it happens at the otherwise-release time.
            d = await moveDetainer(tx, d, 'honoured', answer.reason, ctx);
            out.push(message<ReleaseDue>(topics.releaseDue, d.id, { ...ref, act: atRelease }, releaseAt));
          } else {
            // Declined, or notification only: no hold in any case (a hold without its clock is never kept).
            d = await moveDetainer(tx, d, 'declined', answer.reason, ctx);
            out.push(message<ReleaseDue>(topics.releaseDue, d.id, { ...ref, act: answer.response === 'notify-only' ? 'notify' : 'release' }, releaseAt));
          }
        } else if (r.topic === topics.releaseDue) {
          if (d.state === 'honoured' && r.act === 'transfer') {
            d = await moveDetainer(tx, d, 'custody_transferred', 'custody handed to ICE at the otherwise-release time, as agreed', when);
            ends.push({ bookingId: r.bookingId, outcome: 'custody_transferred', at: when.at });
          } else if (d.state === 'declined' || d.state === 'cancelled' || (d.state === 'honoured' && r.act === 'notify')) {
            const claim = claimed.get(r.bookingId);
            const withdrawn = claim !== undefined && claim <= r.due;
            if (r.act === 'notify' && withdrawn && d.state === 'honoured') d = await moveDetainer(tx, d, 'cancelled', 'US citizenship claimed before the release: no notice', when);
            else if (r.act === 'notify' && !withdrawn && d.state !== 'cancelled') d = await moveDetainer(tx, d, 'notified', 'ICE notified of the release time', when);
            d = await moveDetainer(tx, d, 'released', 'released at the otherwise-release time', when);
            ends.push({ bookingId: r.bookingId, outcome: 'released', at: when.at });
          } else {
            continue;
          }
        } else if (r.topic === topics.holdExpired) {
          if (d.state !== 'honoured') continue; // ICE took custody in time
          d = await moveDetainer(tx, d, 'lapsed', 'the detainer clock expired before ICE assumed custody', when);
          d = await moveDetainer(tx, d, 'released', 'released when the hold lapsed', when);
          ends.push({ bookingId: r.bookingId, outcome: 'released', at: when.at });
        } else if (r.topic === topics.iceArrival) {
          // Judged at the arrival time itself, however late the message is handled.
          if (d.state !== 'honoured' || (d.holdExpiresAt && r.due >= d.holdExpiresAt)) continue; // too late: the hold lapsed
          d = await moveDetainer(tx, d, 'custody_transferred', 'ICE assumed custody within the hold', when);
          ends.push({ bookingId: r.bookingId, outcome: 'custody_transferred', at: when.at });
        }
        found.set(d.id, d);
      }
      await insertAudited(tx, jailResponses, answers, ctx);
      await recordOutcomes(tx, ends, ctx);
      return out;
    },
  };
}
