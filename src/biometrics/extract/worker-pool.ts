/**
 * Extraction on worker threads, for batch work (benchmarks, enrolment of a gallery). Requests
 * queue and go to the next idle worker; `close()` terminates every worker and rejects what is
 * still pending, so a pool never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { SeccomError, type ErrorCode } from '../../errors/index.ts';
import type { FingerTemplate } from '../template.ts';

export interface PoolRequest {
  id: number;
  bytes: Uint8Array;
  ppi?: number;
}

export type PoolReply =
  | { id: number; template: FingerTemplate; ms: number }
  | { id: number; error: { code: string; message: string } };

export interface PooledExtraction {
  template: FingerTemplate;
  /** Extraction time on the worker, decoding excluded. */
  ms: number;
}

// Workers run the TypeScript sources through tsx, like the main thread (Node 20 does not apply
// `--import` hooks to a worker's entry module, so the worker registers tsx itself first).
// Both are resolved here, so the worker finds them whatever the current directory.
const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(
  new URL('./extract-worker.ts', import.meta.url).href,
)}); });`;

interface Pending {
  req: PoolRequest;
  resolve: (r: PooledExtraction) => void;
  reject: (e: Error) => void;
}

export class ExtractionPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly threads = Math.max(1, availableParallelism() - 1)) {
    for (let i = 0; i < threads; i++) {
      const w = new Worker(bootstrap, { eval: true });
      w.on('message', (reply: PoolReply) => this.done(w, reply));
      w.on('error', (err) => this.fail(w, err));
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Number of worker threads still running. */
  get running(): number {
    return this.workers.length;
  }

  extract(bytes: Uint8Array, ppi?: number): Promise<PooledExtraction> {
    if (this.closed) return Promise.reject(new SeccomError('SECCOM_INTERNAL', 'extraction pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ req: { id: this.nextId++, bytes, ppi }, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const gone = new SeccomError('SECCOM_INTERNAL', 'extraction pool closed before the request finished');
    for (const p of this.queue.splice(0)) p.reject(gone);
    for (const p of this.busy.values()) p.reject(gone);
    this.busy.clear();
    const workers = this.workers.splice(0);
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.busy.set(w, p);
      w.postMessage(p.req);
    }
  }

  private done(w: Worker, reply: PoolReply): void {
    const p = this.busy.get(w);
    this.busy.delete(w);
    if (!this.closed) this.idle.push(w);
    if (p) {
      if ('error' in reply) p.reject(new SeccomError(reply.error.code as ErrorCode, reply.error.message));
      else p.resolve({ template: reply.template, ms: reply.ms });
    }
    this.pump();
  }

  private fail(w: Worker, err: Error): void {
    const p = this.busy.get(w);
    this.busy.delete(w);
    p?.reject(new SeccomError('SECCOM_INTERNAL', `extraction worker failed: ${err.message}`, { cause: err }));
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
    if (this.workers.length === 0) for (const q of this.queue.splice(0)) q.reject(new SeccomError('SECCOM_INTERNAL', 'no extraction worker left'));
  }
}
