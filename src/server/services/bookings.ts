/**
 * Bookings for the console: the scoped, keyset-paged list and the audited read of one booking
 * (a person's record: every open by a user is an audit entry in the same transaction).
 */
import { SeccomError, isSeccomError } from '../../errors/index.ts';
import { auditRead } from '../../store/audited.ts';
import { bookingRecord, listBookings, type BookingListRow, type BookingRecord } from '../../store/queries/bookings.ts';
import { safeguardsOf, type BookingSafeguards } from '../../store/queries/safeguards.ts';
import type { BookingDetail, BookingSummary } from '../contract/bookings.ts';
import { hasPermission, Permission } from '../access/permissions.ts';
import { actorOf, type Principal } from '../access/principal.ts';
import type { DetainerForm } from '../../pipeline/ports.ts';
import { allowedResponses, assess, eroExplanation, jailExplanation } from './cases.ts';
import { bookingVisibility } from '../access/visibility.ts';
import type { ServerDeps } from '../context.ts';
import { currentStep, timeline } from './booking-status.ts';
import { decodeCursor, pageFrom } from './cursor.ts';
import { rulesetTimeZone, stateTimeZone } from './time-zones.ts';
import { zoned } from './zoned.ts';

export class BookingService {
  readonly #deps: ServerDeps;
  readonly #zones = new Map<string, string>();

  constructor(deps: ServerDeps) {
    this.#deps = deps;
  }

  /** A jurisdiction's time zone, from its rule set (memoised: rule books are fixed for the process). */
  timeZoneOf(rulesetId: string, state: string, fallback: string): string {
    const key = `${rulesetId}|${state}`;
    let tz = this.#zones.get(key);
    if (!tz) {
      tz = rulesetTimeZone(this.#deps.book, rulesetId) ?? stateTimeZone(this.#deps.book, state) ?? fallback;
      this.#zones.set(key, tz);
    }
    return tz;
  }

  async list(p: Principal, query: { q?: string; cursor?: string; limit: number }) {
    const key = decodeCursor(query.cursor, 'ss');
    const after = key ? { submittedAt: new Date(key[0] as string), id: key[1] as string } : undefined;
    if (after && Number.isNaN(after.submittedAt.getTime())) throw new SeccomError('SECCOM_BAD_CURSOR', 'the cursor is not one this list returned');
    const rows = await listBookings(this.#deps.store.db, bookingVisibility(p), { q: query.q || undefined, after, limit: query.limit + 1 });
    return pageFrom(
      rows,
      query.limit,
      (r) => [r.submittedAt.toISOString(), r.id],
      (r) => this.#summary(r, p),
    );
  }

  #summary(r: BookingListRow, p: Principal): BookingSummary {
    const tz = this.timeZoneOf(r.rulesetId, r.state, p.timeZone);
    const { step, status } = currentStep({
      hasSib: r.sid !== null,
      forwardedToDhs: r.forwardedToDhs,
      hasCjis: r.srf !== null,
      identOutcome: r.identOutcome,
      hasIaq: r.iaqAt !== null,
      hasIar: r.iarStatus !== null,
      action: r.action,
      detainerState: r.detainerState,
      outcome: r.outcome,
      lescPending: r.lescPending,
      eroPending: r.eroPending,
      notified: r.notified,
    });
    return {
      id: r.id,
      bookingNumber: r.bookingNumber,
      tcn: r.tcn,
      sid: r.sid,
      fin: r.fin,
      name: `${r.familyName}, ${r.givenName}`,
      dob: r.dob,
      jurisdictionId: r.jurisdictionId,
      jurisdictionName: r.jurisdictionName,
      timeZone: tz,
      submittedAt: zoned(r.submittedAt, tz),
      step,
      status,
      level: r.level,
      priority: r.priority,
      action: r.action,
      detainerState: r.detainerState,
      holdExpiresAt: zoned(r.holdExpiresAt, tz),
      outcome: r.outcome,
    };
  }

  /**
   * Reads one booking for a user, auditing the read with its purpose. A booking outside the user's
   * visibility is SECCOM_NOT_FOUND, word for word the same as a missing one.
   */
  async read(p: Principal, id: string, purpose: string): Promise<{ record: BookingRecord; safeguards: BookingSafeguards; timeZone: string }> {
    const visibility = bookingVisibility(p);
    const { store, clock } = this.#deps;
    const read = await store.transaction(async (tx) => {
      const r = await bookingRecord(tx, visibility, id);
      if (!r) return undefined;
      await auditRead(tx, 'bookings', id, { actor: actorOf(p), at: clock.now(), purpose });
      return { record: r, safeguards: await safeguardsOf(tx, id) };
    });
    if (!read) throw new SeccomError('SECCOM_NOT_FOUND', `no booking ${id}`, { location: { booking: id } });
    return { ...read, timeZone: this.timeZoneOf(read.record.jurisdiction.rulesetId, read.record.jurisdiction.state, p.timeZone) };
  }

  async detail(p: Principal, id: string): Promise<BookingDetail> {
    const { record: r, safeguards, timeZone: tz } = await this.read(p, id, 'booking-detail');
    const t = (d: Date) => zoned(d, tz);
    const open = (step: string) => r.tasks.find((x) => x.step === step && !x.closedAt);
    // The IAR LESC drafted from its systems is the analyst's until sent: nobody else sees it.
    const iarPending = Boolean(open('lesc'));
    const iar = iarPending && p.role !== 'lesc_analyst' ? undefined : r.iar;
    const jailTask = open('jail');
    // Only a detainer still waiting for the jail needs the rules asked now; an answer carries its own.
    const jailRules = r.detainer?.state === 'lodged' && !r.jail && r.iar ? await this.#jailRules(id, r.detainer.form) : null;
    const { step, status } = currentStep({
      hasSib: Boolean(r.sib),
      forwardedToDhs: r.sib?.forwardedToDhs ?? null,
      hasCjis: Boolean(r.cjis),
      identOutcome: r.ident?.outcome ?? null,
      hasIaq: Boolean(r.iaq),
      hasIar: Boolean(r.iar),
      action: r.decision?.action ?? null,
      detainerState: r.detainer?.state ?? null,
      outcome: r.outcome?.outcome ?? null,
      lescPending: iarPending,
      eroPending: Boolean(open('ero')),
      notified: r.detainerEvents.some((e) => e.to === 'notified'),
    });
    const b = r.booking;
    return {
      id: b.id,
      bookingNumber: b.bookingNumber,
      tcn: b.tcn,
      sid: r.sib?.sid ?? null,
      fin: r.ident?.fin ?? null,
      name: `${b.familyName}, ${b.givenName}`,
      dob: b.dob,
      jurisdictionId: b.jurisdictionId,
      jurisdictionName: r.jurisdiction.name,
      timeZone: tz,
      submittedAt: t(b.submittedAt),
      step,
      status,
      level: r.decision?.level ?? null,
      priority: r.decision?.priority ?? null,
      action: r.decision?.action ?? null,
      detainerState: r.detainer?.state ?? null,
      holdExpiresAt: zoned(r.detainer?.holdExpiresAt, tz),
      outcome: r.outcome?.outcome ?? null,
      ori: b.ori,
      tot: b.tot,
      sex: b.sex,
      pob: b.pob,
      rulesetId: r.jurisdiction.rulesetId,
      arrestedAt: t(b.arrestedAt),
      releaseDueAt: t(b.releaseDueAt),
      charges: r.charges.map((c) => ({ seq: c.seq, offense: c.offense, ncic: c.ncic, level: c.level, felony: c.felony })),
      timeline: timeline(r, tz),
      sib: r.sib ? { sid: r.sib.sid, newlyAssigned: r.sib.newlyAssigned, forwardedToDhs: r.sib.forwardedToDhs, reason: r.sib.reason, at: t(r.sib.at) } : null,
      cjis: r.cjis ? { srf: r.cjis.srf, fbiNumber: r.cjis.fbiNumber, at: t(r.cjis.at) } : null,
      ident: r.ident ? { outcome: r.ident.outcome, fin: r.ident.fin, at: t(r.ident.at) } : null,
      iaq: r.iaq ? { id: r.iaq.id, text: r.iaq.text, at: t(r.iaq.at) } : null,
      iar: iar ? { id: iar.id, status: iar.status, analyst: iar.analyst, at: t(iar.at), body: iar.body, pending: iarPending } : null,
      decision: r.decision
        ? {
            action: r.decision.action,
            level: r.decision.level,
            priority: r.decision.priority,
            reason: r.decision.reason,
            officer: r.decision.officer,
            at: t(r.decision.at),
            explanation: r.decision.explanation ? eroExplanation(r.decision.explanation) : null,
          }
        : null,
      detainer: r.detainer
        ? {
            id: r.detainer.id,
            form: r.detainer.form,
            state: r.detainer.state,
            requestedAt: t(r.detainer.requestedAt),
            holdExpiresAt: zoned(r.detainer.holdExpiresAt, tz),
            events: r.detainerEvents.map((e) => ({ seq: e.seq, from: e.from, to: e.to, reason: e.reason, at: t(e.at) })),
          }
        : null,
      jail: r.jail
        ? {
            decision: r.jail.decision,
            rulesetId: r.jail.rulesetId,
            reason: r.jail.reason,
            at: t(r.jail.at),
            explanation: r.jail.explanation ? jailExplanation(r.jail.explanation, r.jail.explanation.clock) : null,
          }
        : null,
      jailRules: jailRules?.explanation ?? null,
      ...safeguardViews(safeguards, tz),
      tasks: r.tasks.map((x) => ({ step: x.step, openedAt: t(x.openedAt), closedAt: zoned(x.closedAt, tz), closedBy: x.closedBy })),
      consoleDecisions: r.decided.map((x) => ({ step: x.step, by: x.decidedBy, at: t(x.decidedAt), decision: x.decision })),
      actions: {
        answerIaq: iarPending && hasPermission(p.role, Permission.IarSubmit),
        decide: Boolean(open('ero')) && hasPermission(p.role, Permission.DecisionMake),
        respond: Boolean(jailTask) && r.detainer?.state === 'lodged' && hasPermission(p.role, Permission.DetainerRespond),
      },
      jailChoices: jailTask && jailRules ? allowedResponses(jailRules.response) : [],
      outcomeAt: zoned(r.outcome?.at, tz),
      serverNow: t(this.#deps.clock.now()),
    };
  }

  /** What the jail's local rules answer to this detainer now, with the reasons. */
  async #jailRules(bookingId: string, form: string) {
    const { store, clock, book } = this.#deps;
    let a;
    try {
      a = await assess(store.db, book, bookingId, clock.now(), { form: form as DetainerForm });
    } catch (e) {
      // A case the rules cannot judge (no version in force at that date) shows no advice rather than failing the page.
      if (isSeccomError(e) && e.code.startsWith('SECCOM_POLICY_')) return null;
      throw e;
    }
    const j = a.decision.jail;
    return j ? { explanation: jailExplanation(j, a.decision.clock), response: j.response } : null;
  }
}

/** A booking's claim of US citizenship and its escalations, in the jurisdiction's zone. */
export function safeguardViews(s: BookingSafeguards, tz: string) {
  return {
    citizenshipClaim: s.claim ? { claimedAt: zoned(s.claim.claimedAt, tz), madeTo: s.claim.madeTo, recordedBy: s.claim.recordedBy, note: s.claim.note } : null,
    escalations: s.escalations.map((e) => ({ reason: e.reason, detainerId: e.detainerId, raisedAt: zoned(e.raisedAt, tz), raisedBy: e.raisedBy, note: e.note })),
  };
}
