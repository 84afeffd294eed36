/**
 * Pulling from a durable JetStream consumer without waiting: one `no_wait` pull request answers at
 * once with what is available (the client library's fetch waits at least a second when a consumer
 * is empty, which would make every pump of a quiet topic cost that second). A batch's
 * acknowledgements end with a request, so the server has applied them before the next pull.
 */
import { createInbox, type NatsConnection } from '@nats-io/transport-node';
import { SeccomError } from '../../errors/index.ts';
import type { Message } from '../message.ts';
import { decodeMessage } from './relay.ts';

export interface Pulled {
  message: Message;
  /** How many times JetStream has delivered it, this delivery included. */
  deliveries: number;
  /** Its position in the stream, for a stable order among topics. */
  streamSeq: number;
  /** JetStream's acknowledgement subject for this delivery. */
  reply: string;
}

const requestTimeoutMs = 5000;

/** Reads delivery count and stream sequence from `$JS.ACK.[domain.hash.]stream.consumer.delivered.sseq.…`. */
function deliveryInfo(reply: string): { deliveries: number; streamSeq: number } {
  const t = reply.split('.');
  const at = t.length === 9 ? 4 : 6;
  return { deliveries: Number(t[at]), streamSeq: Number(t[at + 1]) };
}

/** Up to `batch` messages available now from the consumer (fewer, or none, without waiting). */
export async function pullNow(nc: NatsConnection, stream: string, consumer: string, batch: number): Promise<Pulled[]> {
  const inbox = createInbox();
  const sub = nc.subscribe(inbox);
  // If the server never answers (disconnected), give up; messages sent later are redelivered after the ack wait.
  const timer = setTimeout(() => sub.unsubscribe(), requestTimeoutMs);
  nc.publish(`$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`, JSON.stringify({ batch, no_wait: true }), { reply: inbox });
  const pulled: Pulled[] = [];
  try {
    for await (const m of sub) {
      // A status (404 no messages, 408 fewer than asked) ends the answer; a full batch ends without one.
      if (!m.reply) break;
      pulled.push({ message: decodeMessage(m.string()), ...deliveryInfo(m.reply), reply: m.reply });
      if (pulled.length === batch) break;
    }
  } finally {
    clearTimeout(timer);
    sub.unsubscribe();
  }
  return pulled;
}

export type Verdict = '+ACK' | '-NAK' | '+TERM';

/** Acknowledges (+ACK), asks for redelivery (-NAK) or ends delivery (+TERM), and waits for the server. */
export async function settle(nc: NatsConnection, pulled: readonly Pulled[], verdict: Verdict): Promise<void> {
  const last = pulled.at(-1);
  if (!last) return;
  // The server handles one connection's messages in order: confirming the last confirms them all
  // (and a request per message costs more CPU than the whole relay).
  for (const p of pulled.slice(0, -1)) nc.publish(p.reply, verdict);
  try {
    await nc.request(last.reply, verdict, { timeout: requestTimeoutMs });
  } catch (e) {
    throw new SeccomError('SECCOM_BUS_UNAVAILABLE', `JetStream did not confirm ${verdict} of ${pulled.length} messages (they are redelivered after the ack wait; inboxes drop repeats): ${(e as Error).message}`, { cause: e });
  }
}

/** Tells JetStream the messages are still being worked on, restarting their ack wait. */
export function touch(nc: NatsConnection, pulled: readonly Pulled[]): void {
  for (const p of pulled) nc.publish(p.reply, '+WPI');
}
