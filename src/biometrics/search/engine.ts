/**
 * The 1:N search engine: named galleries of ten-print records, sharded over worker threads, each
 * thread owning its shards' records and index (host.ts). A search goes to every shard and the
 * candidates are merged; adds and removes go to the record's shard. A thread answers in arrival
 * order, so a search sees every add and remove sent before it, and the engine never blocks while
 * a thread works.
 *
 * With `threads: 0` the shards live in the calling thread (small galleries, tests). An idle
 * engine does not keep the process alive; close() ends its threads and fails what is pending.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SeccomError, type ErrorCode } from '../../errors/index.ts';
import type { FingerTemplate } from '../template.ts';
import { encodeRecord, fingerCount, fingerOffsets } from './compact.ts';
import { hitThreshold } from './fusion.ts';
import { ShardHost, type HostReply, type HostRequest } from './host.ts';
import { MIN_PROBE_MINUTIAE } from './probe.ts';
import { byScore, type ShardResult, type ShardStats } from './shard.ts';

export interface EngineOptions {
  /** Worker threads (one shard each); 0 keeps the one shard in the calling thread. Default: cores, at most 4. */
  threads?: number;
}

export interface Candidate {
  subjectId: string;
  /** Fused score (sum of finger scores). */
  score: number;
  /** The score reaches the identification threshold for this probe. */
  hit: boolean;
  /** Score of each usable probe finger; null when not compared (rescoring stopped early). */
  fingers: (number | null)[];
  /** Index votes (normalised) and their z; 0 in exhaustive searches. */
  votes: number;
  z: number;
}

export interface SearchResult {
  /** Best first. */
  candidates: Candidate[];
  /** Probe fingers with enough minutiae to search with; 0 means the probe is unusable. */
  usableFingers: number;
  threshold: number;
  /** Index postings visited and records rescored, over all shards. */
  scanned: number;
  rescored: number;
}

export interface GalleryEntry {
  subjectId: string;
  /** Compact record (compact.ts encodeRecord). */
  record: Uint8Array;
}

interface Channel {
  call(req: HostRequest, transfer?: ArrayBuffer[]): Promise<unknown>;
  close(): Promise<void>;
  readonly running: boolean;
}

class LocalChannel implements Channel {
  private host: ShardHost | undefined = new ShardHost();

  async call(req: HostRequest): Promise<unknown> {
    if (!this.host) throw closedError();
    return this.host.handle(req);
  }

  async close(): Promise<void> {
    this.host = undefined;
  }

  get running(): boolean {
    return false;
  }
}

// Workers run the TypeScript sources through tsx, like the main thread (Node 20 does not apply
// `--import` hooks to a worker's entry module, so the worker registers tsx itself first).
const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(
  new URL('./search-worker.ts', import.meta.url).href,
)}); });`;

class WorkerChannel implements Channel {
  private readonly worker = new Worker(bootstrap, { eval: true });
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private seq = 0;
  private failure: SeccomError | undefined;
  private alive = true;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (reply: HostReply) => {
      const p = this.pending.get(reply.seq);
      this.pending.delete(reply.seq);
      if (this.pending.size === 0) this.worker.unref();
      if (!p) return;
      if ('error' in reply) p.reject(new SeccomError(reply.error.code as ErrorCode, reply.error.message));
      else p.resolve(reply.value);
    });
    this.worker.on('error', (err) => this.fail(new SeccomError('SECCOM_SEARCH_ENGINE_CLOSED', `search worker failed: ${err.message}`, { cause: err })));
    this.worker.on('exit', () => {
      this.alive = false;
      this.fail(new SeccomError('SECCOM_SEARCH_ENGINE_CLOSED', 'search worker exited'));
    });
  }

  get running(): boolean {
    return this.alive;
  }

  call(req: HostRequest, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      // A busy engine keeps the process alive until its answers arrive; an idle one does not.
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...req, seq }, transfer);
    });
  }

  private fail(e: SeccomError): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.fail(closedError());
    await this.worker.terminate();
    this.alive = false;
  }
}

function closedError(): SeccomError {
  return new SeccomError('SECCOM_SEARCH_ENGINE_CLOSED', 'the search engine is closed');
}

export class SearchEngine {
  private readonly channels: Channel[];
  private readonly galleries = new Map<string, Gallery>();

  constructor(opts: EngineOptions = {}) {
    const threads = Math.max(0, Math.floor(opts.threads ?? Math.min(4, availableParallelism())));
    this.channels = threads === 0 ? [new LocalChannel()] : Array.from({ length: threads }, () => new WorkerChannel());
  }

  /** Worker threads still running. */
  get threads(): number {
    return this.channels.filter((c) => c.running).length;
  }

  gallery(name: string): Gallery {
    let g = this.galleries.get(name);
    if (!g) this.galleries.set(name, (g = new Gallery(name, this.channels)));
    return g;
  }

  async close(): Promise<void> {
    await Promise.all(this.channels.map((c) => c.close()));
  }
}

/** One gallery: subject ids here, records in the shards (record n goes to shard n mod shards). */
export class Gallery {
  private readonly ids = new Map<string, number>();
  private readonly subjects: string[] = [];

  constructor(
    readonly name: string,
    private readonly channels: readonly Channel[],
  ) {}

  /** Subjects enrolled. */
  get size(): number {
    return this.ids.size;
  }

  has(subjectId: string): boolean {
    return this.ids.has(subjectId);
  }

  add(subjectId: string, fingers: readonly FingerTemplate[]): Promise<void> {
    return this.addRecords([{ subjectId, record: encodeRecord(fingers) }]);
  }

  /** Adds or replaces subjects; records are checked here, so a bad one fails the call before any is sent. */
  async addRecords(entries: readonly GalleryEntry[]): Promise<void> {
    for (const e of entries) fingerOffsets(e.record);
    const perShard = this.channels.map(() => ({ ids: [] as number[], records: [] as Uint8Array[] }));
    for (const e of entries) {
      let id = this.ids.get(e.subjectId);
      if (id === undefined) {
        id = this.subjects.length;
        this.subjects.push(e.subjectId);
        this.ids.set(e.subjectId, id);
      }
      const batch = perShard[id % this.channels.length]!;
      batch.ids.push(id);
      batch.records.push(e.record);
    }
    await Promise.all(
      perShard.map((b, s) => {
        if (b.ids.length === 0) return undefined;
        const bytes = new Uint8Array(b.records.reduce((n, r) => n + r.length, 0));
        let o = 0;
        for (const r of b.records) {
          bytes.set(r, o);
          o += r.length;
        }
        const req: HostRequest = { op: 'add', gallery: this.name, ids: Uint32Array.from(b.ids), lengths: Uint32Array.from(b.records, (r) => r.length), bytes };
        return this.channels[s]!.call(req, [bytes.buffer, req.ids.buffer as ArrayBuffer, req.lengths.buffer as ArrayBuffer]);
      }),
    );
  }

  /** Removes a subject; false when it was not enrolled. */
  async remove(subjectId: string): Promise<boolean> {
    const id = this.ids.get(subjectId);
    if (id === undefined) return false;
    this.ids.delete(subjectId);
    return (await this.channels[id % this.channels.length]!.call({ op: 'remove', gallery: this.name, id })) as boolean;
  }

  /**
   * Candidates for a probe (templates or a compact record), best first: by default only records
   * whose index votes stand out are rescored (a decision); `fill` rescores at least `top` per
   * shard segment (a listing); `exhaustive` rescores every record (the benchmark's reference).
   */
  async search(probe: readonly FingerTemplate[] | Uint8Array, opts: { top?: number; fill?: boolean; exhaustive?: boolean } = {}): Promise<SearchResult> {
    const record = probe instanceof Uint8Array ? probe : encodeRecord(probe);
    const usableFingers = fingerOffsets(record).filter((fo) => fingerCount(record, fo) >= MIN_PROBE_MINUTIAE).length;
    const threshold = hitThreshold(usableFingers);
    if (usableFingers === 0) return { candidates: [], usableFingers, threshold, scanned: 0, rescored: 0 };
    const top = Math.max(1, Math.floor(opts.top ?? 10));
    const req: HostRequest = { op: 'search', gallery: this.name, probe: record, top, fill: opts.fill ?? false, exhaustive: opts.exhaustive ?? false };
    const parts = (await Promise.all(this.channels.map((c) => c.call(req)))) as ShardResult[];
    const merged = parts.flatMap((p) => p.candidates).sort(byScore).slice(0, top);
    return {
      candidates: merged.map((c) => ({ subjectId: this.subjects[c.id]!, score: c.score, hit: c.score >= threshold, fingers: c.fingers, votes: c.votes, z: c.z })),
      usableFingers,
      threshold,
      scanned: parts.reduce((n, p) => n + p.scanned, 0),
      rescored: parts.reduce((n, p) => n + p.rescored, 0),
    };
  }

  /** Records, fingers and bytes held over all shards. */
  async stats(): Promise<ShardStats> {
    const parts = (await Promise.all(this.channels.map((c) => c.call({ op: 'stats', gallery: this.name })))) as ShardStats[];
    return parts.reduce((a, b) => ({ records: a.records + b.records, fingers: a.fingers + b.fingers, bytes: a.bytes + b.bytes }));
  }
}
