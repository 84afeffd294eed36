/**
 * The embedded Bus: consumers read the outbox table directly (no broker). After a handler returns,
 * the batch is marked published; a crash before that redelivers it and the inbox drops the repeat.
 */
import { SeccomError } from '../errors/index.ts';
import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';
import type { Bus, Handler } from './bus.ts';
import type { Message } from './message.ts';
import { duePending, markFailed, markPublished, nextDue } from './outbox.ts';
import { SimulatedCrash } from './simulated-crash.ts';

export interface OutboxBusOptions {
  batchSize?: number;
  maxAttempts?: number;
  /** Test hook: called after a handler returned and before its batch is acknowledged. */
  beforeAck?: (messages: Message[]) => void;
}

interface Subscription {
  topic: string;
  consumer: string;
  handler: Handler;
}

export class OutboxBus implements Bus {
  readonly #subs: Subscription[] = [];
  readonly #batchSize: number;
  readonly #maxAttempts: number;
  readonly #beforeAck?: (messages: Message[]) => void;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    options: OutboxBusOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 250;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#beforeAck = options.beforeAck;
  }

  subscribe(topic: string, consumer: string, handler: Handler): void {
    if (this.#subs.some((s) => s.topic === topic)) {
      throw new SeccomError('SECCOM_BUS_SUBSCRIPTION', `topic "${topic}" already has a consumer; the embedded bus delivers each topic to one consumer`);
    }
    this.#subs.push({ topic, consumer, handler });
  }

  get topics(): string[] {
    return this.#subs.map((s) => s.topic);
  }

  async pump(limit = Infinity): Promise<number> {
    let delivered = 0;
    while (delivered < limit) {
      // One query for every subscribed topic, in due order; each topic's run goes to its handler.
      const due = await duePending(this.store.db, this.topics, this.clock.now(), this.#batchSize);
      if (due.length === 0) return delivered;
      // Grouped by handler, in due order: a stage with several topics sees its timers in time order.
      const byHandler = new Map<Handler, { sub: Subscription; batch: Message[] }>();
      for (const m of due) {
        const sub = this.#subs.find((s) => s.topic === m.topic)!;
        const group = byHandler.get(sub.handler);
        if (group) group.batch.push(m);
        else byHandler.set(sub.handler, { sub, batch: [m] });
      }
      for (const { sub, batch } of byHandler.values()) await this.#deliver(sub, batch);
      delivered += due.length;
      // Let timers, signals and HTTP requests in between batches: PGlite answers without real I/O.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return delivered;
  }

  async #deliver(sub: Subscription, batch: Message[]): Promise<void> {
    try {
      await this.#handle(sub, batch);
    } catch (e) {
      if (e instanceof SimulatedCrash) throw e;
      // Isolate the bad message: the others of the batch go through on their own.
      for (const m of batch) {
        try {
          await this.#handle(sub, [m]);
        } catch (e1) {
          if (e1 instanceof SimulatedCrash) throw e1;
          await markFailed(this.store.db, m.id, (e1 as Error)?.stack ?? String(e1), this.clock.now(), this.#maxAttempts);
        }
      }
    }
  }

  async #handle(sub: Subscription, batch: Message[]): Promise<void> {
    await sub.handler(batch);
    this.#beforeAck?.(batch);
    await markPublished(this.store.db, batch.map((m) => m.id), this.clock.now());
  }

  nextDue(): Promise<Date | undefined> {
    return nextDue(this.store.db, this.topics);
  }

  async close(): Promise<void> {}
}
