import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeccomError } from '../../errors/index.ts';
import { parseBusUrl } from './bus-url.ts';

test('a nats:// URL gives server, stream and ack wait, with defaults', () => {
  assert.deepEqual(parseBusUrl('nats://127.0.0.1:4222'), { servers: '127.0.0.1:4222', stream: 'SECCOM', ackWaitMs: 30_000 });
  assert.deepEqual(parseBusUrl('nats://nats.internal?stream=county_7&ackWait=2.5'), { servers: 'nats.internal:4222', stream: 'county_7', ackWaitMs: 2500 });
});

test('other schemes, paths, credentials, unknown parameters, bad streams and ack waits are SECCOM_BUS_URL', () => {
  for (const bad of ['127.0.0.1:4222', 'http://127.0.0.1', 'nats://u:p@h', 'nats://h/x', 'nats://h?batch=5', 'nats://h?stream=a.b', 'nats://h?ackWait=0.5', 'nats://h?ackWait=x']) {
    assert.throws(() => parseBusUrl(bad), (e) => e instanceof SeccomError && e.code === 'SECCOM_BUS_URL', bad);
  }
});
