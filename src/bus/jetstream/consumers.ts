/**
 * One durable pull consumer per (consumer, topic): NATS 2.9 consumers filter one subject, and on a
 * work-queue stream no two consumers may share one, which also enforces the one consumer per topic.
 * Worker processes of a stage bind to the same durable consumers and share their messages.
 */
import { AckPolicy, DeliverPolicy, JetStreamApiCodes, JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';
import { subjectOf } from './connection.ts';

/** The durable name (no dots: they separate subject tokens). */
export function durableName(consumer: string, topic: string): string {
  return `${consumer}__${topic}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Creates the consumer unless it exists; resolves to its ack wait in ms. */
export async function ensureConsumer(jsm: JetStreamManager, stream: string, name: string, topic: string, ackWaitMs: number): Promise<number> {
  const config = {
    durable_name: name,
    filter_subject: subjectOf(stream, topic),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: ackWaitMs * 1e6,
    // The bus parks a message itself after too many deliveries; JetStream's own limit would only stop delivering it.
    max_deliver: -1,
  };
  try {
    // An existing consumer keeps the configuration it was created with (its ack wait included).
    return ((await jsm.consumers.info(stream, name)).config.ack_wait ?? config.ack_wait) / 1e6;
  } catch (e) {
    if (!(e instanceof JetStreamApiError && e.code === JetStreamApiCodes.ConsumerNotFound)) throw e;
    await jsm.consumers.add(stream, config);
    return ackWaitMs;
  }
}

/** Messages of these consumers not yet acknowledged: waiting, or delivered and unacknowledged. */
export async function heldMessages(jsm: JetStreamManager, stream: string, names: readonly string[]): Promise<number> {
  const infos = await Promise.all(names.map((n) => jsm.consumers.info(stream, n)));
  return infos.reduce((sum, i) => sum + i.num_pending + i.num_ack_pending, 0);
}
