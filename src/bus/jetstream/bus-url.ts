/**
 * The `--bus` value: `nats://HOST[:PORT][?stream=NAME&ackWait=SECONDS]`. The stream name is also
 * the prefix of its subjects, so several pipelines (or tests) can share one NATS server.
 */
import { SeccomError } from '../../errors/index.ts';

export interface JetStreamTarget {
  /** host:port of the NATS server. */
  servers: string;
  stream: string;
  /** How long JetStream waits for an acknowledgement before it redelivers (consumers created from now on). */
  ackWaitMs: number;
}

export const defaultStream = 'SECCOM';
export const defaultAckWaitMs = 30_000;

export function parseBusUrl(text: string): JetStreamTarget {
  const bad = (why: string) => new SeccomError('SECCOM_BUS_URL', `--bus "${text}": ${why}; expected nats://HOST[:PORT][?stream=NAME&ackWait=SECONDS]`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad('not a URL');
  }
  if (url.protocol !== 'nats:') throw bad(`unsupported scheme "${url.protocol}"`);
  if (!url.hostname) throw bad('no host');
  if (url.username || (url.pathname && url.pathname !== '/')) throw bad('credentials and paths are not supported');
  for (const key of url.searchParams.keys()) if (key !== 'stream' && key !== 'ackWait') throw bad(`unknown parameter "${key}"`);
  const stream = url.searchParams.get('stream') ?? defaultStream;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) throw bad(`stream "${stream}" must be 1-64 letters, digits, "_" or "-"`);
  const ackWait = url.searchParams.get('ackWait');
  const ackWaitMs = ackWait === null ? defaultAckWaitMs : Number(ackWait) * 1000;
  if (!Number.isFinite(ackWaitMs) || ackWaitMs < 1000) throw bad(`ackWait "${ackWait}" must be at least 1 second`);
  return { servers: `${url.hostname}:${url.port || '4222'}`, stream, ackWaitMs };
}
