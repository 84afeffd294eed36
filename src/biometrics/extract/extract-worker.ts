/** Worker thread body of ExtractionPool: decode + extract, one request at a time. */
import { parentPort } from 'node:worker_threads';
import { isSeccomError } from '../../errors/index.ts';
import { decodeImage } from '../../formats/images/index.ts';
import { extractTemplate } from './extract.ts';
import type { PoolRequest, PoolReply } from './worker-pool.ts';

parentPort!.on('message', (req: PoolRequest) => {
  let reply: PoolReply;
  try {
    const image = decodeImage(req.bytes, { ppi: req.ppi });
    const t0 = performance.now();
    const { template } = extractTemplate(image, { ppi: req.ppi });
    reply = { id: req.id, template, ms: performance.now() - t0 };
  } catch (e) {
    reply = isSeccomError(e)
      ? { id: req.id, error: { code: e.code, message: e.message } }
      : { id: req.id, error: { code: 'SECCOM_INTERNAL', message: (e as Error)?.stack ?? String(e) } };
  }
  parentPort!.postMessage(reply);
});
