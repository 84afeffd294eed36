/**
 * The console's human steps: the LESC analyst sends the IAR, the ERO officer decides, the jail
 * answers a detainer. Each closes its task and writes the decision as the user (audited) in one
 * transaction with the message that carries it on the bus; the stage applies it as it applies an
 * automatic decision (src/server/steps/gate.ts). A task already closed is SECCOM_CONFLICT.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { enqueue } from '../../bus/outbox.ts';
import type { ImmigrationStatus, IarBody } from '../../domain/lesc.ts';
import { SeccomError } from '../../errors/index.ts';
import type { DetainerForm, JailExplanation } from '../../pipeline/ports.ts';
import { claimCitizenship } from '../../pipeline/claims.ts';
import type { JailResponse } from '../../policy/index.ts';
import { message } from '../../pipeline/stage.ts';
import { topics } from '../../pipeline/topics.ts';
import { insertAudited, updateAudited } from '../../store/audited.ts';
import type { Db } from '../../store/db.ts';
import { bookingRecord } from '../../store/queries/bookings.ts';
import { consoleDecisions, consoleTasks, detainers, iars } from '../../store/schema/index.ts';
import type { Pipeline } from '../../pipeline/pipeline.ts';
import { actorOf, type Principal } from '../access/principal.ts';
import { bookingVisibility } from '../access/visibility.ts';
import type { ServerDeps } from '../context.ts';
import type { CarriedDecision, HumanStep } from '../steps/gate.ts';
import type { CaseView, QueueItem } from '../contract/steps.ts';
import { listQueue } from '../../store/queries/queues.ts';
import { safeguardViews, type BookingService } from './bookings.ts';
import { timeline } from './booking-status.ts';
import { allowedActions, allowedResponses, assess, explain } from './cases.ts';
import { decodeCursor, pageFrom } from './cursor.ts';
import { zoned } from './zoned.ts';

export interface IarInput {
  status: ImmigrationStatus;
  aNumber: string | null;
  priorRemovalOrder: boolean;
  citizenshipClaim: boolean;
  remarks: string;
}

export interface EroInput {
  action: 'I-247' | 'I-247D' | 'I-247N' | 'I-247X' | 'none';
  reason: string;
}

export interface JailInput {
  response: 'honour' | 'notify-only' | 'decline';
  reason: string;
}

export class StepService {
  readonly #deps: ServerDeps;
  readonly #bookings: BookingService;
  readonly #pipeline: () => Pipeline | undefined;

  constructor(deps: ServerDeps, bookings: BookingService, pipeline: () => Pipeline | undefined) {
    this.#deps = deps;
    this.#bookings = bookings;
    this.#pipeline = pipeline;
  }

  /** Bookings waiting at a step, oldest first, with their time in the queue. */
  async queue(p: Principal, step: HumanStep, query: { q?: string; cursor?: string; limit: number }) {
    const key = decodeCursor(query.cursor, 'ss');
    const after = key ? { openedAt: new Date(key[0] as string), bookingId: key[1] as string } : undefined;
    if (after && Number.isNaN(after.openedAt.getTime())) throw new SeccomError('SECCOM_BAD_CURSOR', 'the cursor is not one this list returned');
    const rows = await listQueue(this.#deps.store.db, step, bookingVisibility(p), { q: query.q || undefined, after, limit: query.limit + 1 });
    const now = this.#deps.clock.now().getTime();
    return pageFrom(
      rows,
      query.limit,
      (r) => [r.openedAt.toISOString(), r.bookingId],
      (r): QueueItem => {
        const tz = this.#bookings.timeZoneOf(r.rulesetId, r.state, p.timeZone);
        return {
          bookingId: r.bookingId,
          bookingNumber: r.bookingNumber,
          tcn: r.tcn,
          name: `${r.familyName}, ${r.givenName}`,
          dob: r.dob,
          jurisdictionName: r.jurisdictionName,
          timeZone: tz,
          openedAt: zoned(r.openedAt, tz),
          waitingMs: Math.max(0, now - r.openedAt.getTime()),
          fin: r.fin,
          iaqText: r.iaqText,
          iarStatus: r.iarStatus,
          detainerId: r.detainerId,
          detainerForm: r.detainerForm,
          releaseDueAt: zoned(r.releaseDueAt, tz),
        };
      },
    );
  }

  /** The ERO officer's decision screen: the case facts and what the rules make of them (an audited read). */
  async caseView(p: Principal, bookingId: string): Promise<CaseView> {
    const { record: r, safeguards, timeZone: tz } = await this.#bookings.read(p, bookingId, 'ero-decision');
    if (!r.iar) throw new SeccomError('SECCOM_CONFLICT', `booking ${bookingId} has no IAR yet: nothing to decide on`);
    const { store, book } = this.#deps;
    const now = this.#deps.clock.now();
    // A decided case shows what the engine answered then, as stored; a waiting one its answer now.
    const recorded = r.decision?.explanation ?? null;
    const e = recorded ?? (await assess(store.db, book, bookingId, now)).decision.ero;
    const ex = explain(e.action, e.jurisdiction, e.explanation, e.escalation ? [`Escalated: ${e.escalation}.`] : []);
    const form = r.detainer?.form ?? (e.action === 'none' ? undefined : e.action);
    const jailPreview = await this.#jailPreview(r.jail?.explanation ?? null, bookingId, now, form as DetainerForm | undefined, tz);
    const body = r.iar.body as IarBody;
    const task = r.tasks.find((t) => t.step === 'ero');
    const mine = r.decided.find((d) => d.step === 'ero');
    return {
      bookingId,
      bookingNumber: r.booking.bookingNumber,
      name: `${r.booking.familyName}, ${r.booking.givenName}`,
      dob: r.booking.dob,
      jurisdictionName: r.jurisdiction.name,
      rulesetId: r.jurisdiction.rulesetId,
      timeZone: tz,
      at: zoned(now, tz),
      timeline: timeline(r, tz),
      facts: {
        charges: r.charges.map((c) => ({ offense: c.offense, ncic: c.ncic, level: c.level, felony: c.felony })),
        immigrationStatus: body.status,
        aNumber: body.aNumber,
        fin: body.fin,
        priorRemovalOrder: body.priorRemovalOrder,
        convictions: body.criminalHistory.convictions.map((c) => ({ offense: c.offense, level: c.level, felony: c.felony, aggravated: c.aggravated, convictedOn: c.convictedOn })),
        encounters: body.encounters,
        citizenshipClaimAt: zoned(safeguards.claim?.claimedAt, tz),
        releaseDueAt: zoned(r.booking.releaseDueAt, tz),
      },
      assessment: {
        chargeLevel: e.chargeLevel,
        convictionLevel: e.convictionLevel,
        removalCategory: e.removalCategory,
        priority: e.priority,
        recommended: e.action,
        escalation: e.escalation,
        safeguards: e.safeguards.map((x) => `${x.id}: ${x.effect}. ${x.cite}`),
        discretion: e.discretion ? { score: e.discretion.score, factors: e.discretion.factors.map((f) => ({ ...f })) } : null,
        rules: ex.rules,
        notes: ex.notes,
        recorded: recorded !== null,
      },
      jailPreview,
      allowedActions: allowedActions(book, e.action, e.at),
      waitingSince: task && !task.closedAt ? zoned(task.openedAt, tz) : null,
      decided: mine ? { action: (mine.decision as EroInput).action, by: mine.decidedBy, at: zoned(mine.decidedAt, tz), reason: (mine.decision as EroInput).reason } : null,
      ...safeguardViews(safeguards, tz),
    };
  }

  /** The jail's answer as stored once given, else what its rules would answer to `form` now. */
  async #jailPreview(stored: JailExplanation | null, bookingId: string, now: Date, form: DetainerForm | undefined, tz: string): Promise<CaseView['jailPreview']> {
    let j: JailResponse | undefined = stored ?? undefined;
    let clock = stored?.clock ?? null;
    if (!j && form) {
      const d = (await assess(this.#deps.store.db, this.#deps.book, bookingId, now, { form })).decision;
      j = d.jail ?? undefined;
      clock = d.clock;
    }
    if (!j) return null;
    return { response: j.response, hold: j.hold, decidedBy: j.decidedBy, clockRule: j.clockRule, holdExpiresAt: clock ? zoned(new Date(clock.expiresAtMs), tz) : null };
  }

  /** The booking if the user may see it (else SECCOM_NOT_FOUND), read in the transaction. */
  async #visible(tx: Db, p: Principal, bookingId: string) {
    const r = await bookingRecord(tx, bookingVisibility(p), bookingId);
    if (!r) throw new SeccomError('SECCOM_NOT_FOUND', `no booking ${bookingId}`, { location: { booking: bookingId } });
    return r;
  }

  async #closeTask(tx: Db, step: HumanStep, bookingId: string, by: string, at: Date): Promise<void> {
    const closed = await updateAudited(tx, consoleTasks, { step, bookingId }, { closedAt: at, closedBy: by }, { actor: by, at }, isNull(consoleTasks.closedAt));
    if (!closed) {
      throw new SeccomError('SECCOM_CONFLICT', `booking ${bookingId} is not waiting for a ${step} decision (already decided, or decided automatically)`, {
        location: { booking: bookingId, step },
      });
    }
  }

  async #record(tx: Db, step: HumanStep, bookingId: string, detainerId: string | null, decision: object, by: string, at: Date): Promise<string> {
    const id = randomUUID();
    await insertAudited(tx, consoleDecisions, [{ id, step, bookingId, detainerId, decision, decidedBy: by, decidedAt: at }], { actor: by, at });
    return id;
  }

  /** Lets the embedded pipeline apply the decision now, so the answer shows its effect. */
  async #apply(): Promise<void> {
    await this.#pipeline()?.bus.pump();
  }

  /** The analyst sends the IAR: the draft from the systems of record, as corrected, goes on to ERO. */
  async answerIaq(p: Principal, bookingId: string, input: IarInput): Promise<void> {
    const { store, clock } = this.#deps;
    const by = actorOf(p);
    await store.transaction(async (tx) => {
      const r = await this.#visible(tx, p, bookingId);
      const now = clock.now();
      await this.#closeTask(tx, 'lesc', bookingId, by, now);
      if (!r.iar) throw new SeccomError('SECCOM_CONFLICT', `booking ${bookingId} has no IAR draft to send`);
      const body: IarBody = { ...(r.iar.body as IarBody), status: input.status, aNumber: input.aNumber, priorRemovalOrder: input.priorRemovalOrder };
      await updateAudited(tx, iars, { id: r.iar.id }, { status: input.status, body, analyst: p.username, at: now }, { actor: by, at: now });
      const decisionId = await this.#record(tx, 'lesc', bookingId, null, input, by, now);
      // Recorded before the IAR goes on, so the engine reads the claim when ERO decides (and refuses a detainer).
      if (input.citizenshipClaim) await claimCitizenship(tx, { actor: by, at: now }, [{ bookingId, at: now, madeTo: 'lesc', by, note: input.remarks }]);
      await enqueue(tx, [message(topics.eroReview, `${bookingId}:lesc:${decisionId}`, { bookingId }, now)]);
    });
    await this.#apply();
  }

  /** The ERO officer decides: the recommended action or a less severe one. */
  async decide(p: Principal, bookingId: string, input: EroInput): Promise<void> {
    const { store, clock, book } = this.#deps;
    const by = actorOf(p);
    await store.transaction(async (tx) => {
      const r = await this.#visible(tx, p, bookingId);
      const now = clock.now();
      const a = await assess(tx, book, bookingId, now);
      const allowed = allowedActions(book, a.decision.ero.action, a.decision.at);
      if (!allowed.includes(input.action)) {
        throw new SeccomError('SECCOM_DECISION_NOT_ALLOWED', `the rules in force recommend ${a.decision.ero.action}; ${input.action} would go further`, {
          details: { allowed },
        });
      }
      await this.#closeTask(tx, 'ero', bookingId, by, now);
      const decisionId = await this.#record(tx, 'ero', bookingId, null, input, by, now);
      const decision: CarriedDecision = { step: 'ero', decisionId, by, action: input.action, reason: input.reason };
      await enqueue(tx, [message(topics.eroReview, `${bookingId}:decision:${decisionId}`, { bookingId, decision }, now)]);
    });
    await this.#apply();
  }

  /** The jail answers a lodged detainer: what its local rules say, or something more protective. */
  async respond(p: Principal, detainerId: string, input: JailInput): Promise<void> {
    const { store, clock, book } = this.#deps;
    const by = actorOf(p);
    // Another jurisdiction's detainer is "not found", word for word like a missing one.
    const missing = () => new SeccomError('SECCOM_NOT_FOUND', `no detainer ${detainerId}`, { location: { detainer: detainerId } });
    const bookingId = await this.#bookingOfDetainer(detainerId);
    if (!bookingId) throw missing();
    await store.transaction(async (tx) => {
      const r = await bookingRecord(tx, bookingVisibility(p), bookingId);
      if (!r || r.detainer?.id !== detainerId) throw missing();
      if (r.detainer.state !== 'lodged') throw new SeccomError('SECCOM_CONFLICT', `detainer ${detainerId} is ${r.detainer.state}, not awaiting an answer`);
      const now = clock.now();
      const a = await assess(tx, book, bookingId, now, { form: r.detainer.form as DetainerForm });
      const allowed = allowedResponses(a.decision.jail?.response ?? 'decline');
      if (!allowed.includes(input.response)) {
        throw new SeccomError('SECCOM_DECISION_NOT_ALLOWED', `local law (${r.jurisdiction.rulesetId}) requires ${a.decision.jail?.response}; ${input.response} would hold where it may not`, {
          details: { allowed },
        });
      }
      await this.#closeTask(tx, 'jail', bookingId, by, now);
      const decisionId = await this.#record(tx, 'jail', bookingId, detainerId, input, by, now);
      const decision: CarriedDecision = { step: 'jail', decisionId, by, response: input.response, reason: input.reason };
      await enqueue(tx, [message(topics.detainerLodged, `${detainerId}:answer:${decisionId}`, { detainerId, bookingId, decision }, now)]);
    });
    await this.#apply();
  }

  async #bookingOfDetainer(detainerId: string): Promise<string | undefined> {
    const [d] = await this.#deps.store.db.select({ b: detainers.bookingId }).from(detainers).where(eq(detainers.id, detainerId));
    return d?.b;
  }
}
