/**
 * The relay: publishes due outbox rows to JetStream, then marks them published, one batch per
 * transaction. A crash between the publish and the mark republishes the batch; JetStream drops the
 * repeats by `Nats-Msg-Id` (the message id), and past its duplicate window the consumer's inbox
 * still does. Timers stay in the outbox until the clock reaches them. One process relays at a time
 * (a transaction-scoped advisory lock), so messages enter the stream in due order; the others wait
 * for it, so that when relayDue returns, every message due by `now` is in the stream.
 */
import { sql } from 'drizzle-orm';
import { createInbox, headers, type NatsConnection } from '@nats-io/transport-node';
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

const pubAckTimeoutMs = 5000;

/**
 * Publishes a batch and waits for every PubAck, on one reply subscription (the JetStream client
 * makes a request, with its timers and errors, per message: more CPU than the rest of the relay).
 */
async function publishAll(nc: NatsConnection, stream: string, messages: Message[]): Promise<void> {
  if (messages.length === 0) return;
  const inbox = createInbox();
  const sub = nc.subscribe(inbox, { max: messages.length });
  const timer = setTimeout(() => sub.unsubscribe(), pubAckTimeoutMs);
  for (const m of messages) {
    const h = headers();
    h.set('Nats-Msg-Id', m.id);
    nc.publish(subjectOf(stream, m.topic), encodeMessage(m), { reply: inbox, headers: h });
  }
  let acked = 0;
  try {
    for await (const r of sub) {
      // A status instead of a PubAck: no stream listens (503 no responders).
      if (r.headers?.hasError) throw new Error(`${r.headers.code} ${r.headers.description}`);
      const ack = r.json<{ error?: { description: string } }>();
      if (ack.error) throw new Error(ack.error.description);
      acked++;
    }
  } finally {
    clearTimeout(timer);
    sub.unsubscribe();
  }
  if (acked < messages.length) throw new Error(`JetStream acknowledged ${acked} of ${messages.length} messages within ${pubAckTimeoutMs} ms`);
}

/** Relays every due message; resolves to how many this process published. */
export async function relayDue(store: Store, nc: NatsConnection, stream: string, now: Date, batchSize: number): Promise<number> {
  let relayed = 0;
  for (;;) {
    const n = await store.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${relayLock})`);
      const due = await duePending(tx, undefined, now, batchSize);
      try {
        await publishAll(nc, stream, due);
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
