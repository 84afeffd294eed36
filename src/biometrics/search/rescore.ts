/**
 * Rescoring of shortlisted records with the 1:1 matcher. Probe fingers are compared most
 * minutiae first; after EARLY_FINGERS of them, a record whose partial sum stays under
 * earlyRejectBound is given up (it would need the remaining fingers to make up for fingers that
 * look like chance), and its other fingers are reported as not compared (null). Packed gallery
 * fingers are cached (least recently used out), since the same records come back in searches.
 */
import { packTemplate, type PackedTemplate } from '../match/packed-template.ts';
import { decodeFinger, fingerOffsets, fingerPosition } from './compact.ts';
import { earlyRejectBound, EARLY_FINGERS } from './fusion.ts';
import type { ProbeFinger } from './probe.ts';
import { slotOf, type Segment } from './segment.ts';

/** Packed gallery fingers kept (about 2.5 kB each). */
export const PACKED_CACHE = 20_000;

export interface Rescored {
  readonly score: number;
  /** Per usable probe finger (probe order): its best score on the record, null when not compared. */
  readonly fingers: (number | null)[];
}

export class Rescorer {
  private readonly cache = new Map<number, PackedTemplate>();

  /** The order in which a probe's fingers are compared: most minutiae first. */
  static order(probe: readonly ProbeFinger[]): number[] {
    return probe.map((_, i) => i).sort((a, b) => probe[b]!.minutiae - probe[a]!.minutiae || a - b);
  }

  /** `key` names the record in the cache (unique per shard); `early` allows early rejection. */
  rescore(probe: readonly ProbeFinger[], order: readonly number[], seg: Segment, local: number, key: number, early = true): Rescored {
    const bytes = seg.record(local);
    const offsets = fingerOffsets(bytes);
    const slots = offsets.map((fo) => slotOf(fingerPosition(bytes, fo)));
    const fingers: (number | null)[] = probe.map(() => null);
    let sum = 0;
    for (let n = 0; n < order.length; n++) {
      if (early && n === EARLY_FINGERS && order.length > EARLY_FINGERS && sum < earlyRejectBound()) break;
      const f = probe[order[n]!]!;
      const slot = slotOf(f.position);
      let best = 0;
      for (let g = 0; g < offsets.length; g++) {
        if (slot !== 0 && slots[g] !== 0 && slots[g] !== slot) continue;
        best = Math.max(best, f.matcher().score(this.packed(bytes, offsets[g]!, key * 16 + g)));
      }
      fingers[order[n]!] = best;
      sum += best;
    }
    return { score: sum, fingers };
  }

  /** Drops a record's cached fingers (removed or replaced). */
  forget(key: number): void {
    for (let g = 0; g < 16; g++) this.cache.delete(key * 16 + g);
  }

  private packed(bytes: Uint8Array, fo: number, key: number): PackedTemplate {
    let p = this.cache.get(key);
    if (p) {
      this.cache.delete(key);
    } else {
      p = packTemplate(decodeFinger(bytes, fo));
      if (this.cache.size >= PACKED_CACHE) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(key, p);
    return p;
  }
}
