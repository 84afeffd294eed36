/** Worker thread body of the search engine: one ShardHost, requests answered in arrival order. */
import { parentPort } from 'node:worker_threads';
import { isSeccomError } from '../../errors/index.ts';
import { ShardHost, type HostReply, type HostRequest } from './host.ts';

const host = new ShardHost();

parentPort!.on('message', (msg: HostRequest & { seq: number }) => {
  let reply: HostReply;
  try {
    reply = { seq: msg.seq, value: host.handle(msg) };
  } catch (e) {
    reply = isSeccomError(e)
      ? { seq: msg.seq, error: { code: e.code, message: e.message } }
      : { seq: msg.seq, error: { code: 'SECCOM_INTERNAL', message: (e as Error)?.stack ?? String(e) } };
  }
  parentPort!.postMessage(reply);
});
