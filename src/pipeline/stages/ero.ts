/**
 * ICE ERO: decides on the IAR whether to request a detainer (DOMAIN.md §1 step 6, §3), through the
 * policy port; and, once a jail honours a detainer, plans when officers arrive to take custody.
 */
import { asc, inArray } from 'drizzle-orm';
import type { IarBody } from '../../domain/lesc.ts';
import type { ArrestCharge, OffenseLevel } from '../../domain/offense.ts';
import { insertAudited } from '../../store/audited.ts';
import { arrestCharges, detainerEvents, detainers, iars, iceDecisions, jurisdictions } from '../../store/schema/index.ts';
import type { Db } from '../../store/db.ts';
import type { EroCase, PickupPlanner, PolicyPort } from '../ports.ts';
import { groupBy, loadBookings, recordOutcomes } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics, type BookingRef, type DetainerRef } from '../topics.ts';

/** Builds the case ERO and the jail decide on, from the stored booking, charges and IAR. */
export async function loadCases(tx: Db, ids: string[], at: Date): Promise<Map<string, EroCase>> {
  const booked = await loadBookings(tx, ids);
  const charges = groupBy(await tx.select().from(arrestCharges).where(inArray(arrestCharges.bookingId, ids)).orderBy(asc(arrestCharges.seq)), (c) => c.bookingId);
  const answers = new Map((await tx.select().from(iars).where(inArray(iars.bookingId, ids))).map((r) => [r.bookingId, r.body as IarBody]));
  const jIds = [...new Set([...booked.values()].map((b) => b.jurisdictionId))];
  const rulesets = new Map((await tx.select().from(jurisdictions).where(inArray(jurisdictions.id, jIds))).map((j) => [j.id, j.rulesetId]));
  return new Map(
    ids.map((id) => {
      const b = booked.get(id)!;
      const c: EroCase = {
        bookingId: id,
        rulesetId: rulesets.get(b.jurisdictionId)!,
        at,
        arrestedAt: b.arrestedAt,
        releaseDueAt: b.releaseDueAt,
        charges: (charges.get(id) ?? []).map((x): ArrestCharge => ({ offense: x.offense, ncic: x.ncic, level: x.level as OffenseLevel, felony: x.felony })),
        iar: answers.get(id)!,
      };
      return [id, c];
    }),
  );
}

const holdForms = new Set(['I-247', 'I-247D', 'I-247X']);

export function eroStage(policy: PolicyPort, pickup: PickupPlanner): Stage {
  return {
    name: 'ero',
    topics: [topics.eroReview, topics.detainerHonoured],
    async handle(tx, messages, ctx) {
      const reviews = messages.filter((m) => m.topic === topics.eroReview).map((m) => (m.payload as BookingRef).bookingId);
      const honoured = messages.filter((m) => m.topic === topics.detainerHonoured).map((m) => m.payload as DetainerRef);
      const out = [];

      const cases = await loadCases(tx, reviews, ctx.at);
      const decisions = reviews.map((id) => ({ id, d: policy.ero(cases.get(id)!) }));
      await insertAudited(
        tx,
        iceDecisions,
        decisions.map(({ id, d }) => ({
          bookingId: id,
          action: d.action,
          level: d.convictionLevel,
          priority: d.priority,
          reason: `${policy.name}: ${d.reason}`,
          officer: 'ERO-OFFICER',
          at: ctx.at,
        })),
        ctx,
      );
      const issued = decisions.filter(({ d }) => holdForms.has(d.action));
      const rows = issued.map(({ id, d }) => ({ id: `D-${id.slice(2)}`, bookingId: id, form: d.action, state: 'requested', requestedAt: ctx.at, holdExpiresAt: null, updatedAt: ctx.at, version: 1 }));
      await insertAudited(tx, detainers, rows, ctx);
      await insertAudited(tx, detainerEvents, rows.map((r) => ({ detainerId: r.id, seq: 1, from: null, to: 'requested', reason: `ERO requested ${r.form}`, at: ctx.at })), ctx);
      out.push(...rows.map((r) => message(topics.detainerIssued, r.id, { detainerId: r.id, bookingId: r.bookingId }, ctx.at)));
      await recordOutcomes(
        tx,
        decisions.filter(({ d }) => !holdForms.has(d.action)).map(({ id, d }) => ({ bookingId: id, outcome: d.action === 'I-247N' ? ('notification_requested' as const) : ('no_action' as const) })),
        ctx,
      );

      if (honoured.length) {
        const booked = await loadBookings(tx, honoured.map((h) => h.bookingId));
        for (const h of honoured) {
          const releasable = Math.max(booked.get(h.bookingId)!.releaseDueAt.getTime(), ctx.at.getTime());
          out.push(message(topics.iceArrival, h.detainerId, h, new Date(releasable + pickup.delayMs(h.detainerId))));
        }
      }
      return out;
    },
  };
}
