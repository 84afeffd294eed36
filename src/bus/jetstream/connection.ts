/**
 * Connects to NATS and makes sure the bus's stream exists: a work queue (a message is removed once
 * its consumer acknowledges it, so worker processes share a stage's messages) capturing
 * `<stream>.>`, with a duplicate window long enough that a relay repeating a batch after a crash is
 * dropped by `Nats-Msg-Id`.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, JetStreamApiError, JetStreamApiCodes, RetentionPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { SeccomError } from '../../errors/index.ts';
import type { JetStreamTarget } from './bus-url.ts';

export interface JetStreamConnection {
  nc: NatsConnection;
  jsm: JetStreamManager;
}

const duplicateWindowNs = 10 * 60 * 1e9;

export function subjectOf(stream: string, topic: string): string {
  return `${stream}.${topic}`;
}

export async function connectJetStream(target: JetStreamTarget): Promise<JetStreamConnection> {
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: target.servers, name: 'seccom', maxReconnectAttempts: -1 });
  } catch (e) {
    throw new SeccomError('SECCOM_BUS_UNAVAILABLE', `cannot reach NATS at ${target.servers}: ${(e as Error).message}`, { cause: e });
  }
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, target.stream);
    return { nc, jsm };
  } catch (e) {
    await nc.close();
    throw new SeccomError('SECCOM_BUS_UNAVAILABLE', `JetStream stream ${target.stream} on ${target.servers}: ${(e as Error).message}`, { cause: e });
  }
}

async function ensureStream(jsm: JetStreamManager, stream: string): Promise<void> {
  try {
    await jsm.streams.info(stream);
  } catch (e) {
    if (!(e instanceof JetStreamApiError && e.code === JetStreamApiCodes.StreamNotFound)) throw e;
    await jsm.streams.add({ name: stream, subjects: [subjectOf(stream, '>')], retention: RetentionPolicy.Workqueue, duplicate_window: duplicateWindowNs });
  }
}
