/**
 * Faults particular to the JetStream bus (the shared ones are in bus.contract.ts): a relay that
 * died between publishing and marking its batch, and a message whose worker dies at every delivery.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { eq, inArray } from 'drizzle-orm';
import { ManualClock } from '../../domain/clock.ts';
import { outbox } from '../../store/schema/index.ts';
import type { Store } from '../../store/store.ts';
import type { Message } from '../message.ts';
import { enqueue } from '../outbox.ts';
import { SimulatedCrash } from '../simulated-crash.ts';
import { subjectOf } from './connection.ts';
import { JetStreamBus } from './jetstream-bus.ts';
import { encodeMessage, relayDue } from './relay.ts';
import { requireOrSkip } from '../../../test/support/env.ts';
import { deleteStream, natsAvailable, testNatsServer, testStreamName } from '../../../test/support/nats.ts';
import { openTestStore, postgresAvailable } from '../../../test/support/store.ts';

const t0 = new Date('2011-06-01T08:00:00Z');
const msg = (topic: string, n: number): Message => ({ id: `${topic}:${n}`, topic, payload: { n }, availableAt: t0 });

describe('JetStreamBus faults', () => {
  let store: Store | undefined;
  const target = { servers: testNatsServer, stream: testStreamName(), ackWaitMs: 1000 };
  before(async () => {
    if (requireOrSkip(`NATS JetStream on ${testNatsServer}`, await natsAvailable())) return;
    if (requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable())) return;
    store = await openTestStore('postgres');
  });
  after(async () => {
    if (!store) return;
    await deleteStream(target.stream);
    await store.close();
  });

  test('a relay that died after publishing, before marking, publishes again; JetStream keeps each message once', async (t) => {
    if (!store) return t.skip('services not available');
    const bus = await JetStreamBus.open(store, new ManualClock(t0), target); // makes the stream
    const nc = await connect({ servers: testNatsServer });
    try {
      const messages = [1, 2, 3].map((n) => msg('f1.a', n));
      await store.transaction((tx) => enqueue(tx, messages));
      const js = jetstream(nc);
      for (const m of messages) await js.publish(subjectOf(target.stream, m.topic), encodeMessage(m), { msgID: m.id });
      assert.equal(await relayDue(store, nc, target.stream, t0, 250), 3);
      const info = await (await jetstreamManager(nc)).streams.info(target.stream, { subjects_filter: subjectOf(target.stream, 'f1.>') });
      assert.equal(info.state.subjects?.[subjectOf(target.stream, 'f1.a')], 3);
      const rows = await store.db.select().from(outbox).where(inArray(outbox.id, messages.map((m) => m.id)));
      assert.ok(rows.every((r) => r.publishedAt));
    } finally {
      await nc.close();
      await bus.close();
    }
  });

  test('a message whose worker dies at every delivery is parked after maxAttempts deliveries, without another try', async (t) => {
    if (!store) return t.skip('services not available');
    const clock = new ManualClock(t0);
    await store.transaction((tx) => enqueue(tx, [msg('f2.a', 1)]));
    let calls = 0;
    const dying = async () => {
      calls++;
      throw new SimulatedCrash('worker killed');
    };
    for (let life = 1; life <= 2; life++) {
      const bus = await JetStreamBus.open(store, clock, target, { maxAttempts: 2, pollMs: 50 });
      bus.subscribe('f2.a', 'f2-consumer', dying);
      await assert.rejects(bus.pump(), SimulatedCrash);
      await bus.close();
    }
    const last = await JetStreamBus.open(store, clock, target, { maxAttempts: 2, pollMs: 50 });
    last.subscribe('f2.a', 'f2-consumer', dying);
    assert.equal(await last.pump(), 1);
    assert.equal(calls, 2, 'the third delivery is parked, not handled');
    const [row] = await store.db.select().from(outbox).where(eq(outbox.id, 'f2.a:1'));
    assert.ok(row!.deadAt);
    assert.equal(row!.attempts, 3);
    assert.match(row!.lastError ?? '', /delivered 3 times without an acknowledgement/);
    assert.equal(await last.nextDue(), undefined);
    await last.close();
  });
});
