/**
 * What one search thread holds and does: a shard per gallery, and the requests the engine sends
 * it. The same code runs inside a worker (search-worker.ts) or in the engine's own thread when it
 * has no workers, so both paths answer alike.
 */
import { createHash } from 'node:crypto';
import { prepareSearchProbe, type ProbeFinger } from './probe.ts';
import { Shard, type ShardResult, type ShardStats } from './shard.ts';

export type HostRequest =
  | { op: 'add'; gallery: string; ids: Uint32Array; lengths: Uint32Array; bytes: Uint8Array }
  | { op: 'remove'; gallery: string; id: number }
  | { op: 'search'; gallery: string; probe: Uint8Array; top: number; fill: boolean; exhaustive: boolean }
  | { op: 'stats'; gallery: string };

export type HostReply = { seq: number; value: unknown } | { seq: number; error: { code: string; message: string } };

/**
 * Prepared probes kept, so the same prints searched in the next gallery reuse their keys and
 * matchers: the pipeline searches a booking's prints in its state's, the CJIS and the IDENT
 * gallery in three successive stages, with other bookings' searches in between (4 kept missed
 * almost always; 128 hit every time in `seccom demo`, for about 80 MB).
 */
const PROBE_CACHE = 128;

export class ShardHost {
  private readonly galleries = new Map<string, Shard>();
  private readonly probes = new Map<string, ProbeFinger[]>();

  handle(req: HostRequest): undefined | boolean | ShardResult | ShardStats {
    const shard = this.shard(req.gallery);
    switch (req.op) {
      case 'add': {
        const records: Uint8Array[] = [];
        let o = 0;
        for (const len of req.lengths) {
          records.push(req.bytes.subarray(o, o + len));
          o += len;
        }
        shard.add(Array.from(req.ids), records);
        return undefined;
      }
      case 'remove':
        return shard.remove(req.id);
      case 'search':
        return shard.search(this.probe(req.probe), { top: req.top, fill: req.fill, exhaustive: req.exhaustive });
      case 'stats':
        return shard.stats();
    }
  }

  private shard(gallery: string): Shard {
    let s = this.galleries.get(gallery);
    if (!s) this.galleries.set(gallery, (s = new Shard()));
    return s;
  }

  private probe(bytes: Uint8Array): ProbeFinger[] {
    const key = createHash('sha1').update(bytes).digest('base64');
    let p = this.probes.get(key);
    if (p) {
      this.probes.delete(key);
    } else {
      p = prepareSearchProbe(bytes);
      if (this.probes.size >= PROBE_CACHE) this.probes.delete(this.probes.keys().next().value!);
    }
    this.probes.set(key, p);
    return p;
  }
}
