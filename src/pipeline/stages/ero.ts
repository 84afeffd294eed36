/**
 * ICE ERO: decides on the IAR, through the policy port, whether to send the jail a request — a
 * detainer (I-247, I-247D), a request for notification of release (I-247N) or for voluntary
 * transfer (I-247X) — and stores the decision with its explanation (DOMAIN.md §1 step 6, §3). A
 * decision made on a claim of US citizenship escalates the case. Once a jail holds someone on a
 * detainer, ERO plans when officers arrive to take custody.
 */
import { asc, inArray } from 'drizzle-orm';
import type { IarBody } from '../../domain/lesc.ts';
import type { ArrestCharge, OffenseLevel } from '../../domain/offense.ts';
import { insertAudited } from '../../store/audited.ts';
import { arrestCharges, citizenshipClaims, detainerEvents, detainers, iars, iceDecisions, jurisdictions } from '../../store/schema/index.ts';
import type { Db } from '../../store/db.ts';
import { escalate } from '../claims.ts';
import type { EroCase, PickupPlanner, PolicyPort } from '../ports.ts';
import { groupBy, loadBookings, lockBookings, recordOutcomes } from '../records.ts';
import { message, type Stage } from '../stage.ts';
import { topics, type BookingRef, type DetainerRef } from '../topics.ts';

/** Builds the case ERO and the jail decide on at `at`, from the stored booking, charges, IAR and any claim of US citizenship made by then. */
export async function loadCases(tx: Db, ids: string[], at: Date): Promise<Map<string, EroCase>> {
  const booked = await loadBookings(tx, ids);
  const charges = groupBy(await tx.select().from(arrestCharges).where(inArray(arrestCharges.bookingId, ids)).orderBy(asc(arrestCharges.seq)), (c) => c.bookingId);
  const answers = new Map((await tx.select().from(iars).where(inArray(iars.bookingId, ids))).map((r) => [r.bookingId, r.body as IarBody]));
  const claims = new Map((await tx.select().from(citizenshipClaims).where(inArray(citizenshipClaims.bookingId, ids))).map((c) => [c.bookingId, c.claimedAt]));
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
        charges: (charges.get(id) ?? []).map(
          (x): ArrestCharge => ({
            offense: x.offense,
            ncic: x.ncic,
            level: x.level as OffenseLevel,
            felony: x.felony,
            ...(x.maxMonths === null ? {} : { maxMonths: x.maxMonths }),
            ...(x.felonyClass === null ? {} : { felonyClass: x.felonyClass }),
            ...(x.bondPosted === null ? {} : { bondPosted: x.bondPosted }),
            probableCauseFinding: x.probableCauseFinding,
          }),
        ),
        iar: answers.get(id)!,
      };
      const claimAt = claims.get(id);
      if (claimAt && claimAt <= at) c.citizenshipClaimAt = claimAt;
      return [id, c];
    }),
  );
}

export function eroStage(policy: PolicyPort, pickup: PickupPlanner): Stage {
  return {
    name: 'ero',
    topics: [topics.eroReview, topics.detainerHonoured],
    async handle(tx, messages, ctx) {
      const reviews = messages.filter((m) => m.topic === topics.eroReview).map((m) => (m.payload as BookingRef).bookingId);
      const honoured = messages.filter((m) => m.topic === topics.detainerHonoured).map((m) => m.payload as DetainerRef);
      const out = [];

      // A claim of US citizenship recorded meanwhile waits for this decision, or this one for it.
      await lockBookings(tx, reviews);
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
          explanation: d.explanation ?? null,
          officer: 'ERO-OFFICER',
          at: ctx.at,
        })),
        ctx,
      );
      await escalate(
        tx,
        ctx,
        decisions
          .filter(({ id }) => cases.get(id)!.citizenshipClaimAt)
          .map(({ id, d }) => ({ bookingId: id, note: `US citizenship claimed at ${cases.get(id)!.citizenshipClaimAt!.toISOString()}, before ICE decided (${d.action})` })),
      );
      // Every form goes to the jail as a request (the id keeps the detainer naming for all of them).
      const rows = decisions
        .filter(({ d }) => d.action !== 'none')
        .map(({ id, d }) => ({ id: `D-${id.slice(2)}`, bookingId: id, form: d.action, state: 'requested', requestedAt: ctx.at, holdExpiresAt: null, updatedAt: ctx.at, version: 1 }));
      await insertAudited(tx, detainers, rows, ctx);
      await insertAudited(tx, detainerEvents, rows.map((r) => ({ detainerId: r.id, seq: 1, from: null, to: 'requested', reason: `ERO requested ${r.form}`, at: ctx.at })), ctx);
      out.push(...rows.map((r) => message(topics.detainerIssued, r.id, { detainerId: r.id, bookingId: r.bookingId }, ctx.at)));
      await recordOutcomes(tx, decisions.filter(({ d }) => d.action === 'none').map(({ id }) => ({ bookingId: id, outcome: 'no_action' as const })), ctx);

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
