/**
 * A shard of the gallery: the segments one thread owns, and the search over them. A search takes
 * each segment's shortlist (index votes fused over the probe's fingers), rescores the shortlisted
 * records finger by finger with the 1:1 matcher, and fuses the finger scores (fusion.ts).
 */
import { packTemplate, type PackedTemplate } from '../match/packed-template.ts';
import { decodeFinger, fingerOffsets, fingerPosition } from './compact.ts';
import { fuse } from './fusion.ts';
import type { ProbeFinger } from './probe.ts';
import { Segment, slotOf } from './segment.ts';

export interface SearchOptions {
  /** Candidates returned. */
  readonly top: number;
  /** Rescore every live record instead of the shortlist (the benchmark's reference). */
  readonly exhaustive?: boolean;
}

/**
 * Which shortlisted records are rescored: always the first max(min, top) by votes, then those
 * up to `max` whose votes stand out, z ≥ zGate × √(2 ln n) (√(2 ln n) is about where the best of
 * n chance vote counts lands, so a mate usually clears it and chance records usually do not).
 */
export const rescoreParams = { min: 2, max: 24, zGate: 0.8 };

export interface ShardCandidate {
  readonly id: number;
  readonly score: number;
  /** Score of each usable probe finger (probe order) against its best finger of the record. */
  readonly fingers: number[];
  /** The record's normalised index votes and their z (0 in exhaustive searches). */
  readonly votes: number;
  readonly z: number;
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

  get size(): number {
    return this.where.size;
  }

  stats(): ShardStats {
    return { records: this.where.size, fingers: this.fingerCount, bytes: this.segments.reduce((s, g) => s + g.bytes, 0) };
  }

  /** Adds records (compact bytes, checked here); a batch is indexed once at its end. */
  add(ids: readonly number[], records: readonly Uint8Array[]): void {
    const batch = ids.length > 1;
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
      const local = seg.append(id, bytes, !batch);
      touched.add(seg);
      this.where.set(id, (this.segments.length - 1) * 65536 + local);
      this.fingerCount += fingers;
    });
    if (batch) for (const seg of touched) seg.rebuild();
  }

  /** Removes a record; false when the shard does not hold it. */
  remove(id: number): boolean {
    const at = this.where.get(id);
    if (at === undefined) return false;
    const seg = this.segments[Math.floor(at / 65536)]!;
    const local = at % 65536;
    this.fingerCount -= fingerOffsets(seg.record(local)).length;
    seg.remove(local);
    this.where.delete(id);
    return true;
  }

  search(probe: readonly ProbeFinger[], opts: SearchOptions): ShardCandidate[] {
    const out: ShardCandidate[] = [];
    if (probe.length === 0) return out;
    const first = Math.max(rescoreParams.min, opts.top);
    for (const seg of this.segments) {
      if (opts.exhaustive) {
        for (let r = 0; r < seg.count; r++) if (seg.live[r]) out.push(rescore(probe, seg, r, 0, 0));
        continue;
      }
      const list = seg.shortlist(probe, Math.max(first, rescoreParams.max));
      const gate = rescoreParams.zGate * Math.sqrt(2 * Math.log(Math.max(2, list.live)));
      for (let i = 0; i < list.local.length; i++) {
        if (i >= first && list.z[i]! < gate) break;
        out.push(rescore(probe, seg, list.local[i]!, list.votes[i]!, list.z[i]!));
      }
    }
    out.sort(byScore);
    return out.slice(0, opts.top);
  }
}

export function byScore(a: ShardCandidate, b: ShardCandidate): number {
  return b.score - a.score || a.id - b.id;
}

/** Scores each probe finger against the record's finger of the same position (any, if either is unknown). */
function rescore(probe: readonly ProbeFinger[], seg: Segment, local: number, votes: number, z: number): ShardCandidate {
  const bytes = seg.record(local);
  const offsets = fingerOffsets(bytes);
  const slots = offsets.map((fo) => slotOf(fingerPosition(bytes, fo)));
  // Packed lazily: a one-finger probe of known position needs one finger of the record.
  const packed: (PackedTemplate | undefined)[] = [];
  const fingers = probe.map((f) => {
    const slot = slotOf(f.position);
    let best = 0;
    for (let g = 0; g < offsets.length; g++) {
      if (slot !== 0 && slots[g] !== 0 && slots[g] !== slot) continue;
      const c = (packed[g] ??= packTemplate(decodeFinger(bytes, offsets[g]!)));
      best = Math.max(best, f.matcher().score(c));
    }
    return best;
  });
  return { id: seg.ids[local]!, score: fuse(fingers), fingers, votes, z };
}
