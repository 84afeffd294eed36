/**
 * The relay: publishes due outbox rows to JetStream, then marks them published, one batch per
 * transaction. A crash between the publish and the mark republishes the batch; JetStream drops the
 * repeats by `Nats-Msg-Id` (the message id), and past its duplicate window the consumer's inbox
 * still does. Timers stay in the outbox until the clock reaches them. One process relays at a time
 * (a transaction-scoped advisory lock), so messages enter the stream in due order; the others wait
 * for it, so that when relayDue returns, every message due by `now` is in the stream.
 */
import { sql } from 'drizzle-orm';
import type { JetStreamClient } from '@nats-io/jetstream';
import { SeccomError } from '../../errors/index.ts';
import type { Store } from '../../store/store.ts';
import type { Message } from '../message.ts';
import { duePending, markPublished } from '../outbox.ts';
import { subjectOf } from './connection.ts';

/** Key of the advisory lock held by the process relaying. */
const relayLock = 0x5ecc0b05;

export function encodeMessage(m: Message): string {
  return JSON.stringify({ id: m.id, topic: m.topic, payload: m.payload, availableAt: m.availableAt.toISOString() });
}

export function decodeMessage(data: string): Message {
  const m = JSON.parse(data) as Omit<Message, 'availableAt'> & { availableAt: string };
  return { ...m, availableAt: new Date(m.availableAt) };
}

/** Relays every due message; resolves to how many this process published. */
export async function relayDue(store: Store, js: JetStreamClient, stream: string, now: Date, batchSize: number): Promise<number> {
  let relayed = 0;
  for (;;) {
    const n = await store.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${relayLock})`);
      const due = await duePending(tx, undefined, now, batchSize);
      try {
        await Promise.all(due.map((m) => js.publish(subjectOf(stream, m.topic), encodeMessage(m), { msgID: m.id })));
      } catch (e) {
        throw new SeccomError('SECCOM_BUS_PUBLISH', `relaying ${due.length} messages to stream ${stream}: ${(e as Error).message}`, { cause: e });
      }
      await markPublished(tx, due.map((m) => m.id), now);
      return due.length;
    });
    relayed += n;
    if (n < batchSize) return relayed;
  }
}
