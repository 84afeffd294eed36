/**
 * The Bus contract: every implementation (OutboxBus, JetStreamBus) passes these tests. Each test
 * uses its own topics, so one store serves the whole file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { like, sql } from 'drizzle-orm';
import { ManualClock, type Clock } from '../domain/clock.ts';
import { simState, outbox } from '../store/schema/index.ts';
import type { Store } from '../store/store.ts';
import type { Bus } from './bus.ts';
import type { Message } from './message.ts';
import { claimFresh } from './inbox.ts';
import { enqueue } from './outbox.ts';
import { SimulatedCrash } from './simulated-crash.ts';

export interface BusFaults {
  /** Called after a handler returned, before the bus acknowledges the batch. */
  beforeAck?: (messages: Message[]) => void;
}

export interface BusFixture {
  store: Store;
  /** A new bus instance on the same store: a second call stands for a process restart. */
  makeBus(clock: Clock, faults?: BusFaults): Promise<Bus>;
  close(): Promise<void>;
}

const t0 = new Date('2011-06-01T08:00:00Z');

function msg(topic: string, n: number, availableAt = t0): Message {
  return { id: `${topic}:${n}`, topic, payload: { n }, availableAt };
}

/** An idempotent consumer: counts how often each message's effect was applied (must end at 1). */
function countingHandler(store: Store, consumer: string, received: string[], opts: { failOn?: number; crashInside?: () => boolean } = {}) {
  return async (messages: Message[]) => {
    received.push(...messages.map((m) => m.id));
    if (messages.some((m) => (m.payload as { n: number }).n === opts.failOn)) throw new Error(`poison ${opts.failOn}`);
    await store.transaction(async (tx) => {
      const fresh = await claimFresh(tx, consumer, messages.map((m) => m.id), t0);
      for (const m of messages.filter((x) => fresh.has(x.id))) {
        await tx
          .insert(simState)
          .values({ key: `effect:${m.id}`, value: 1 })
          .onConflictDoUpdate({ target: simState.key, set: { value: sql`to_jsonb((${simState.value})::int + 1)` } });
      }
      if (opts.crashInside?.()) throw new SimulatedCrash('inside the handler transaction');
    });
  };
}

async function effects(store: Store, topic: string): Promise<Record<string, number>> {
  const found = await store.db.select().from(simState).where(like(simState.key, `effect:${topic}:%`));
  return Object.fromEntries(found.map((r) => [r.key.slice('effect:'.length), Number(r.value)]));
}

function expectOnce(topic: string, ns: number[]): Record<string, number> {
  return Object.fromEntries(ns.map((n) => [`${topic}:${n}`, 1]));
}

export function busContract(label: string, setup: () => Promise<BusFixture | undefined>): void {
  describe(`bus contract: ${label}`, () => {
    let fx: BusFixture | undefined;
    before(async () => {
      fx = await setup();
    });
    after(async () => {
      await fx?.close();
    });

    test('delivers messages of committed transactions once, and never those of rolled-back ones', async (t) => {
      if (!fx) return t.skip('backend not available');
      const { store } = fx;
      const bus = await fx.makeBus(new ManualClock(t0));
      const received: string[] = [];
      bus.subscribe('c1.a', 'c1-consumer', countingHandler(store, 'c1-consumer', received));
      await store.transaction((tx) => enqueue(tx, [msg('c1.a', 1), msg('c1.a', 2), msg('c1.a', 2)]));
      await assert.rejects(
        store.transaction(async (tx) => {
          await enqueue(tx, [msg('c1.a', 3)]);
          throw new Error('abort');
        }),
      );
      assert.equal(await bus.pump(), 2);
      assert.equal(await bus.pump(), 0);
      assert.deepEqual(await effects(store, 'c1.a'), expectOnce('c1.a', [1, 2]));
      assert.deepEqual(received.sort(), ['c1.a:1', 'c1.a:2']);
      await bus.close();
    });

    test('holds a message until it is due', async (t) => {
      if (!fx) return t.skip('backend not available');
      const { store } = fx;
      const clock = new ManualClock(t0);
      const bus = await fx.makeBus(clock);
      const received: string[] = [];
      bus.subscribe('c2.timer', 'c2-consumer', countingHandler(store, 'c2-consumer', received));
      const due = new Date(t0.getTime() + 48 * 3600_000);
      await store.transaction((tx) => enqueue(tx, [msg('c2.timer', 1, due)]));
      assert.equal(await bus.pump(), 0);
      assert.deepEqual(await bus.nextDue(), due);
      clock.set(due.getTime() - 1);
      assert.equal(await bus.pump(), 0);
      clock.set(due);
      assert.equal(await bus.pump(), 1);
      assert.equal(await bus.nextDue(), undefined);
      await bus.close();
    });

    test('a crash between the handler commit and the acknowledgement redelivers, and nothing is applied twice', async (t) => {
      if (!fx) return t.skip('backend not available');
      const { store } = fx;
      const clock = new ManualClock(t0);
      const ns = [1, 2, 3, 4, 5];
      await store.transaction((tx) => enqueue(tx, ns.map((n) => msg('c3.a', n))));
      const received: string[] = [];
      const crashing = await fx.makeBus(clock, {
        beforeAck: () => {
          throw new SimulatedCrash('before ack');
        },
      });
      crashing.subscribe('c3.a', 'c3-consumer', countingHandler(store, 'c3-consumer', received));
      await assert.rejects(crashing.pump(), SimulatedCrash);
      await crashing.close();

      const restarted = await fx.makeBus(clock);
      restarted.subscribe('c3.a', 'c3-consumer', countingHandler(store, 'c3-consumer', received));
      await restarted.pump();
      assert.deepEqual(await effects(store, 'c3.a'), expectOnce('c3.a', ns));
      assert.ok(received.length > ns.length, 'the messages were delivered again after the crash');
      await restarted.close();
    });

    test('a crash inside the handler transaction loses nothing: after restart each message is applied once', async (t) => {
      if (!fx) return t.skip('backend not available');
      const { store } = fx;
      const clock = new ManualClock(t0);
      await store.transaction((tx) => enqueue(tx, [1, 2, 3].map((n) => msg('c4.a', n))));
      const received: string[] = [];
      const bus = await fx.makeBus(clock);
      bus.subscribe('c4.a', 'c4-consumer', countingHandler(store, 'c4-consumer', received, { crashInside: () => true }));
      await assert.rejects(bus.pump(), SimulatedCrash);
      assert.deepEqual(await effects(store, 'c4.a'), {});
      await bus.close();

      const restarted = await fx.makeBus(clock);
      restarted.subscribe('c4.a', 'c4-consumer', countingHandler(store, 'c4-consumer', received));
      await restarted.pump();
      assert.deepEqual(await effects(store, 'c4.a'), expectOnce('c4.a', [1, 2, 3]));
      await restarted.close();
    });

    test('a message that keeps failing is parked as dead after its attempts; the rest of its batch goes through', async (t) => {
      if (!fx) return t.skip('backend not available');
      const { store } = fx;
      const bus = await fx.makeBus(new ManualClock(t0));
      const received: string[] = [];
      bus.subscribe('c5.a', 'c5-consumer', countingHandler(store, 'c5-consumer', received, { failOn: 2 }));
      await store.transaction((tx) => enqueue(tx, [1, 2, 3].map((n) => msg('c5.a', n))));
      await bus.pump();
      assert.deepEqual(await effects(store, 'c5.a'), expectOnce('c5.a', [1, 3]));
      const [dead] = await store.db.select().from(outbox).where(sql`${outbox.id} = 'c5.a:2'`);
      assert.ok(dead!.deadAt, 'parked as dead');
      assert.match(dead!.lastError ?? '', /poison 2/);
      assert.equal(await bus.nextDue(), undefined);
      await bus.close();
    });
  });
}
