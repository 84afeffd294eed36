/**
 * The NATS JetStream server the bus tests use (the CI machine runs one on 127.0.0.1:4222), and
 * per-test streams: a random name each, deleted afterwards.
 */
import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

export const testNatsServer = process.env.SECCOM_TEST_NATS ?? '127.0.0.1:4222';

export async function natsAvailable(): Promise<boolean> {
  try {
    const nc = await connect({ servers: testNatsServer, timeout: 2000 });
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
      return true;
    } finally {
      await nc.close();
    }
  } catch {
    return false;
  }
}

/** A stream name of its own for one test file or test. */
export function testStreamName(): string {
  return `seccom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function deleteStream(stream: string): Promise<void> {
  const nc = await connect({ servers: testNatsServer });
  try {
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}
