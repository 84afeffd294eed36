/**
 * The scale-out Bus: stages still enqueue into the outbox in their own transaction; each pump
 * relays the due outbox rows to a JetStream work-queue stream (relay.ts), then pulls every
 * subscribed consumer's messages and hands them to its handler. A message is acknowledged only
 * after its handler's transaction (with the inbox claim) committed, so a crash before the
 * acknowledgement redelivers it after the ack wait and the inbox drops the repeat. Processes that
 * subscribe the same consumer share its messages.
 *
 * As in OutboxBus, a failing batch is retried message by message; a message that fails on its
 * `maxAttempts`-th delivery, or arrives after that many deliveries without a verdict (its worker
 * died each time), is parked as dead in the outbox (dead_at, attempts, last_error) and removed from
 * the stream: kept, counted on the status page, never dropped.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SeccomError } from '../../errors/index.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/store.ts';
import type { Bus, Handler } from '../bus.ts';
import type { Message } from '../message.ts';
import { nextDue, recordFailure } from '../outbox.ts';
import { SimulatedCrash } from '../simulated-crash.ts';
import type { JetStreamTarget } from './bus-url.ts';
import { connectJetStream, type JetStreamConnection } from './connection.ts';
import { durableName, ensureConsumer, heldMessages } from './consumers.ts';
import { pullNow, settle, touch, type Pulled } from './pull.ts';
import { relayDue } from './relay.ts';

export interface JetStreamBusOptions {
  batchSize?: number;
  maxAttempts?: number;
  /** Real milliseconds between two looks at messages other processes hold unacknowledged. */
  pollMs?: number;
  /** Test hook: called after a handler returned and before its batch is acknowledged. */
  beforeAck?: (messages: Message[]) => void;
}

interface Subscription {
  topic: string;
  consumer: string;
  handler: Handler;
  durable: string;
}

export class JetStreamBus implements Bus {
  readonly #subs: Subscription[] = [];
  /** Ack wait of each durable consumer made sure of. */
  readonly #ackWaitMs = new Map<string, number>();
  readonly #running = new Set<Promise<number>>();
  readonly #batchSize: number;
  readonly #maxAttempts: number;
  readonly #pollMs: number;
  readonly #beforeAck?: (messages: Message[]) => void;
  #closing = false;

  static async open(store: Store, clock: Clock, target: JetStreamTarget, options: JetStreamBusOptions = {}): Promise<JetStreamBus> {
    return new JetStreamBus(store, clock, target, await connectJetStream(target), options);
  }

  private constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly target: JetStreamTarget,
    private readonly conn: JetStreamConnection,
    options: JetStreamBusOptions,
  ) {
    this.#batchSize = options.batchSize ?? 250;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#pollMs = options.pollMs ?? 100;
    this.#beforeAck = options.beforeAck;
  }

  subscribe(topic: string, consumer: string, handler: Handler): void {
    if (this.#subs.some((s) => s.topic === topic)) {
      throw new SeccomError('SECCOM_BUS_SUBSCRIPTION', `topic "${topic}" already has a consumer; a JetStream work queue delivers each topic to one consumer`);
    }
    this.#subs.push({ topic, consumer, handler, durable: durableName(consumer, topic) });
  }

  get topics(): string[] {
    return this.#subs.map((s) => s.topic);
  }

  async pump(limit = Infinity): Promise<number> {
    if (this.#closing) return 0;
    const run = this.#pump(limit);
    this.#running.add(run);
    try {
      return await run;
    } finally {
      this.#running.delete(run);
    }
  }

  async #pump(limit: number): Promise<number> {
    await this.#ensureConsumers();
    let delivered = 0;
    while (delivered < limit && !this.#closing) {
      const relayed = await relayDue(this.store, this.conn.nc, this.target.stream, this.clock.now(), this.#batchSize);
      let round = 0;
      for (const subs of this.#byConsumer()) round += await this.#deliverFrom(subs);
      delivered += round;
      if (relayed + round > 0) continue;
      // Nothing for us now. Messages another process holds unacknowledged either get acknowledged
      // or, if it died, come back after the ack wait: wait for them, so "none left" holds.
      if ((await this.#held()) === 0) break;
      await sleep(this.#pollMs);
    }
    return delivered;
  }

  async nextDue(): Promise<Date | undefined> {
    await this.#ensureConsumers();
    const due = await nextDue(this.store.db, this.topics);
    if ((await this.#held()) === 0) return due;
    const now = this.clock.now();
    return due && due < now ? due : now;
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.allSettled(this.#running);
    await this.conn.nc.close();
  }

  #byConsumer(): Subscription[][] {
    const groups = new Map<string, Subscription[]>();
    for (const s of this.#subs) groups.set(s.consumer, [...(groups.get(s.consumer) ?? []), s]);
    return [...groups.values()];
  }

  async #ensureConsumers(): Promise<void> {
    for (const s of this.#subs) {
      if (this.#ackWaitMs.has(s.durable)) continue;
      try {
        this.#ackWaitMs.set(s.durable, await ensureConsumer(this.conn.jsm, this.target.stream, s.durable, s.topic, this.target.ackWaitMs));
      } catch (e) {
        throw new SeccomError('SECCOM_BUS_UNAVAILABLE', `JetStream consumer ${s.durable} on stream ${this.target.stream}: ${(e as Error).message}`, { cause: e });
      }
    }
  }

  async #held(): Promise<number> {
    try {
      return await heldMessages(this.conn.jsm, this.target.stream, this.#subs.map((s) => s.durable));
    } catch (e) {
      throw new SeccomError('SECCOM_BUS_UNAVAILABLE', `reading the consumers of stream ${this.target.stream}: ${(e as Error).message}`, { cause: e });
    }
  }

  /** One pull from each of a consumer's topics, handed over in due order (a stage sees its timers in time order). */
  async #deliverFrom(subs: Subscription[]): Promise<number> {
    const nc = this.conn.nc;
    const pulled = (await Promise.all(subs.map((s) => pullNow(nc, this.target.stream, s.durable, this.#batchSize))))
      .flat()
      .sort((a, b) => a.message.availableAt.getTime() - b.message.availableAt.getTime() || a.streamSeq - b.streamSeq);
    if (pulled.length === 0) return 0;
    // Keep the messages ours while earlier batches run: a long batch would otherwise be redelivered elsewhere.
    const heartbeat = setInterval(() => touch(nc, pulled), Math.min(...subs.map((s) => this.#ackWaitMs.get(s.durable)!)) / 3);
    try {
      const byHandler = new Map<Handler, Pulled[]>();
      for (const p of await this.#parkOverdelivered(pulled)) {
        const handler = subs.find((s) => s.topic === p.message.topic)!.handler;
        byHandler.set(handler, [...(byHandler.get(handler) ?? []), p]);
      }
      for (const [handler, batch] of byHandler) await this.#deliver(handler, batch);
    } finally {
      clearInterval(heartbeat);
    }
    return pulled.length;
  }

  async #deliver(handler: Handler, batch: Pulled[]): Promise<void> {
    const done: Pulled[] = [];
    try {
      await this.#handle(handler, batch);
      done.push(...batch);
    } catch (e) {
      if (e instanceof SimulatedCrash) throw e;
      // Isolate the bad message: the others of the batch go through on their own.
      for (const p of batch) {
        try {
          await this.#handle(handler, [p]);
          done.push(p);
        } catch (e1) {
          if (e1 instanceof SimulatedCrash) throw e1;
          await this.#failed(p, (e1 as Error)?.stack ?? String(e1));
        }
      }
    }
    await settle(this.conn.nc, done, '+ACK');
  }

  async #handle(handler: Handler, batch: Pulled[]): Promise<void> {
    const messages = batch.map((p) => p.message);
    await handler(messages);
    this.#beforeAck?.(messages);
  }

  /** Counts a failed delivery in the outbox; redelivers it, or parks it when that was its last attempt. */
  async #failed(p: Pulled, error: string): Promise<void> {
    const dead = p.deliveries >= this.#maxAttempts;
    await recordFailure(this.store.db, p.message.id, { error, attempts: p.deliveries, deadAt: dead ? this.clock.now() : undefined });
    await settle(this.conn.nc, [p], dead ? '+TERM' : '-NAK');
  }

  /** Parks the messages delivered more than maxAttempts times without a verdict; returns the others. */
  async #parkOverdelivered(pulled: Pulled[]): Promise<Pulled[]> {
    const over = pulled.filter((p) => p.deliveries > this.#maxAttempts);
    for (const p of over) {
      const error = `delivered ${p.deliveries} times without an acknowledgement: its worker died or outran the ack wait each time`;
      await recordFailure(this.store.db, p.message.id, { error, attempts: p.deliveries, deadAt: this.clock.now() });
    }
    await settle(this.conn.nc, over, '+TERM');
    return pulled.filter((p) => p.deliveries <= this.#maxAttempts);
  }
}
