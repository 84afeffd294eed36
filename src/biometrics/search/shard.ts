/**
 * A shard of the gallery: the segments one thread owns, and the search over them. A search takes
 * each segment's shortlist (index votes fused over the probe's fingers) and rescores the records
 * that stand out finger by finger with the 1:1 matcher (rescore.ts); the fused score is the sum
 * of the finger scores (fusion.ts).
 */
import { fingerOffsets } from './compact.ts';
import type { ProbeFinger } from './probe.ts';
import { Rescorer } from './rescore.ts';
import { Segment } from './segment.ts';

export interface SearchOptions {
  /** Candidates returned at most. */
  readonly top: number;
  /** Rescore at least `top` records per segment, so a listing is full even when no record stands out. */
  readonly fill?: boolean;
  /** Rescore every live record instead of the shortlist (the benchmark's reference). */
  readonly exhaustive?: boolean;
}

/**
 * Which shortlisted records are rescored: the first `top` by votes when filling a listing, and
 * up to `max` whose votes stand out, z ≥ zGate × √(2 ln n) (√(2 ln n) is about where the best of
 * n chance vote counts lands; mated ten-prints reach z 10 to 20 at any gallery size). A decision
 * search whose probe has no mate usually rescores nothing and returns no candidate. A segment of
 * at most `max` records has too few for a z to mean anything: all its voted records are rescored.
 */
export const rescoreParams = { max: 24, zGate: 1 };

export interface ShardCandidate {
  readonly id: number;
  readonly score: number;
  /** Score of each usable probe finger (probe order) on the record; null when not compared (rescore.ts). */
  readonly fingers: (number | null)[];
  /** The record's normalised index votes and their z (0 in exhaustive searches). */
  readonly votes: number;
  readonly z: number;
}

/** A shard's answer: its best candidates and what the search cost. */
export interface ShardResult {
  readonly candidates: ShardCandidate[];
  /** Index postings visited. */
  readonly scanned: number;
  /** Records rescored with the matcher. */
  readonly rescored: number;
}

export interface ShardStats {
  readonly records: number;
  readonly fingers: number;
  readonly bytes: number;
}

export class Shard {
  private readonly segments: Segment[] = [];
  /** Gallery id → segment number × 2^16 + record number. */
  private readonly where = new Map<number, number>();
  private fingerCount = 0;
  private readonly rescorer = new Rescorer();

  get size(): number {
    return this.where.size;
  }

  stats(): ShardStats {
    return { records: this.where.size, fingers: this.fingerCount, bytes: this.segments.reduce((s, g) => s + g.bytes, 0) };
  }

  /** Adds or replaces records (compact bytes, checked here), indexed once at the end of the batch. */
  add(ids: readonly number[], records: readonly Uint8Array[]): void {
    const touched = new Set<Segment>();
    ids.forEach((id, i) => {
      const bytes = records[i]!;
      const fingers = fingerOffsets(bytes).length;
      this.remove(id);
      let seg = this.segments[this.segments.length - 1];
      if (!seg || seg.full) {
        seg = new Segment();
        this.segments.push(seg);
      }
      const local = seg.append(id, bytes);
      touched.add(seg);
      this.where.set(id, (this.segments.length - 1) * 65536 + local);
      this.fingerCount += fingers;
    });
    for (const seg of touched) seg.index();
  }

  /** Removes a record; false when the shard does not hold it. */
  remove(id: number): boolean {
    const at = this.where.get(id);
    if (at === undefined) return false;
    const seg = this.segments[Math.floor(at / 65536)]!;
    const local = at % 65536;
    this.fingerCount -= fingerOffsets(seg.record(local)).length;
    this.rescorer.forget(at);
    seg.remove(local);
    this.where.delete(id);
    return true;
  }

  search(probe: readonly ProbeFinger[], opts: SearchOptions): ShardResult {
    const out: ShardCandidate[] = [];
    let scanned = 0;
    if (probe.length === 0) return { candidates: out, scanned, rescored: 0 };
    const order = Rescorer.order(probe);
    const first = opts.fill ? opts.top : 0;
    this.segments.forEach((seg, s) => {
      const take = (local: number, votes: number, z: number) => {
        const r = this.rescorer.rescore(probe, order, seg, local, s * 65536 + local);
        out.push({ id: seg.ids[local]!, score: r.score, fingers: r.fingers, votes, z });
      };
      if (opts.exhaustive) {
        for (let r = 0; r < seg.count; r++) if (seg.live[r]) take(r, 0, 0);
        return;
      }
      const list = seg.shortlist(probe, Math.max(first, rescoreParams.max));
      scanned += list.scanned;
      const gate = list.live <= rescoreParams.max ? -Infinity : rescoreParams.zGate * Math.sqrt(2 * Math.log(list.live));
      for (let i = 0; i < list.local.length; i++) {
        if (i >= first && list.z[i]! < gate) break;
        take(list.local[i]!, list.votes[i]!, list.z[i]!);
      }
    });
    const rescored = out.length;
    out.sort(byScore);
    return { candidates: out.slice(0, opts.top), scanned, rescored };
  }
}

export function byScore(a: ShardCandidate, b: ShardCandidate): number {
  return b.score - a.score || a.id - b.id;
}
