/**
 * Human steps on the bus. The gate wraps the pipeline's Bus: for bookings whose step people work
 * in the console, it holds the message that would let the automatic stage decide and opens a
 * task instead (the console's queue). The person's decision later travels on the same topic, to
 * the same stage handler, carrying the decision; the console policy port (./policy.ts) answers
 * with it while that delivery runs. So a decision made in the console takes the path an automatic
 * one takes: stage handler, inbox, outbox, audit.
 *
 * The LESC step is worked after the automatic LESC stage drafted the IAR from the systems of
 * record: the gate holds the IAR's way to ERO (ero.review) until the analyst sends it.
 */
import { and, inArray } from 'drizzle-orm';
import type { Bus, Handler } from '../../bus/bus.ts';
import type { Message } from '../../bus/message.ts';
import type { Clock } from '../../domain/clock.ts';
import { topics } from '../../pipeline/topics.ts';
import { bookings, consoleTasks } from '../../store/schema/index.ts';
import type { Store } from '../../store/store.ts';
import { appendAudit } from '../../store/audit.ts';

export const HUMAN_STEPS = ['lesc', 'ero', 'jail'] as const;
export type HumanStep = (typeof HUMAN_STEPS)[number];

/** Which bookings' step people work: every booking, none, or those of the listed jurisdictions. */
export type StepSelector = 'all' | 'none' | readonly string[];
export type HumanSteps = Readonly<Record<HumanStep, StepSelector>>;

export const automaticSteps: HumanSteps = { lesc: 'none', ero: 'none', jail: 'none' };

/** What a person decided, as the decision message carries it to the stage. */
export type CarriedDecision =
  | { step: 'ero'; decisionId: string; by: string; action: 'I-247' | 'I-247D' | 'I-247N' | 'I-247X' | 'none'; reason: string }
  | { step: 'jail'; decisionId: string; by: string; response: 'honour' | 'notify-only' | 'decline'; reason: string };

interface Payload {
  bookingId: string;
  detainerId?: string;
  decision?: CarriedDecision;
}

function selects(selector: StepSelector, jurisdictionId: string): boolean {
  return selector === 'all' || (selector !== 'none' && selector.includes(jurisdictionId));
}

export class ConsoleGate implements Bus {
  readonly #inner: Bus;
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #steps: HumanSteps;
  /** Decisions of the delivery running now, by booking. */
  readonly #carried = new Map<string, CarriedDecision>();

  constructor(inner: Bus, store: Store, clock: Clock, steps: HumanSteps) {
    this.#inner = inner;
    this.#store = store;
    this.#clock = clock;
    this.#steps = steps;
  }

  get steps(): HumanSteps {
    return this.#steps;
  }

  isHuman(step: HumanStep, jurisdictionId: string): boolean {
    return selects(this.#steps[step], jurisdictionId);
  }

  /** The decision carried by the message being delivered for this booking. */
  carried(bookingId: string): CarriedDecision | undefined {
    return this.#carried.get(bookingId);
  }

  subscribe(topic: string, consumer: string, handler: Handler): void {
    if (topic === topics.eroReview) this.#inner.subscribe(topic, consumer, (m) => this.#gate(m, handler, 'ero'));
    else if (topic === topics.detainerLodged) this.#inner.subscribe(topic, consumer, (m) => this.#gate(m, handler, 'jail'));
    else this.#inner.subscribe(topic, consumer, handler);
  }

  pump(limit?: number): Promise<number> {
    return this.#inner.pump(limit);
  }

  nextDue(): Promise<Date | undefined> {
    return this.#inner.nextDue();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }

  async #gate(messages: Message[], handler: Handler, step: 'ero' | 'jail'): Promise<void> {
    const payloads = messages.map((m) => m.payload as Payload);
    const ids = [...new Set(payloads.map((p) => p.bookingId))];
    const db = this.#store.db;
    const where = new Map((await db.select({ id: bookings.id, j: bookings.jurisdictionId }).from(bookings).where(inArray(bookings.id, ids))).map((b) => [b.id, b.j]));
    const tasks = await db
      .select()
      .from(consoleTasks)
      .where(and(inArray(consoleTasks.bookingId, ids), inArray(consoleTasks.step, ['lesc', step])));
    const lescSent = new Set(tasks.filter((t) => t.step === 'lesc' && t.closedAt).map((t) => t.bookingId));

    const open: (typeof consoleTasks.$inferInsert)[] = [];
    const deliver: Message[] = [];
    messages.forEach((m, i) => {
      const p = payloads[i]!;
      const j = where.get(p.bookingId) ?? '';
      const at = this.#clock.now();
      if (step === 'ero' && this.isHuman('lesc', j) && !lescSent.has(p.bookingId)) {
        open.push({ step: 'lesc', bookingId: p.bookingId, openedAt: at });
      } else if (this.isHuman(step, j) && !p.decision) {
        open.push({ step, bookingId: p.bookingId, detainerId: p.detainerId ?? null, openedAt: at });
      } else {
        deliver.push(m);
      }
    });
    // Redelivery of a held message finds its task open already. Opening is audited, which also
    // tells the console's live updates that a booking joined a queue.
    if (open.length) {
      await this.#store.transaction(async (tx) => {
        const opened = await tx.insert(consoleTasks).values(open).onConflictDoNothing().returning();
        await appendAudit(
          tx,
          opened.map((t) => ({ at: t.openedAt, actor: 'console:gate', action: 'insert' as const, entity: 'console_tasks', entityId: `${t.step}/${t.bookingId}`, data: { step: t.step, bookingId: t.bookingId } })),
        );
      });
    }
    if (deliver.length === 0) return;
    for (const m of deliver) {
      const p = m.payload as Payload;
      if (p.decision) this.#carried.set(p.bookingId, p.decision);
    }
    try {
      await handler(deliver);
    } finally {
      for (const m of deliver) this.#carried.delete((m.payload as Payload).bookingId);
    }
  }
}
