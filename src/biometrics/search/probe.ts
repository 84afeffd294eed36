/**
 * A search probe: per finger its position, its expanded index keys, and a matcher for rescoring.
 * Matchers are prepared on first use (preparing one costs more than scoring a candidate), so a
 * search that rescores few candidates, or only some fingers, prepares only what it uses.
 */
import { Matcher, prepareProbe } from '../match/matcher.ts';
import { packTemplate } from '../match/packed-template.ts';
import { decodeFinger, fingerOffsets, fingerPosition, readFinger } from './compact.ts';
import type { ProbeFingerKeys } from './segment.ts';
import { INDEX_MINUTIAE, MAX_TRIPLETS, tripletKeys, TripletScratch } from './triplets.ts';

/** Fewest minutiae for a finger to take part in a search. */
export const MIN_PROBE_MINUTIAE = 6;

export interface ProbeFinger extends ProbeFingerKeys {
  /** Minutiae used for the index keys. */
  readonly minutiae: number;
  readonly matcher: () => Matcher;
}

const scratch = new TripletScratch();
const keyBuf = new Uint32Array(MAX_TRIPLETS);

/** The usable fingers of a compact probe record (fingers under MIN_PROBE_MINUTIAE are left out). */
export function prepareSearchProbe(record: Uint8Array): ProbeFinger[] {
  const out: ProbeFinger[] = [];
  for (const fo of fingerOffsets(record)) {
    const n = readFinger(record, fo, scratch.x, scratch.y, scratch.angle, INDEX_MINUTIAE);
    if (n < MIN_PROBE_MINUTIAE) continue;
    // Sorted and distinct: a gallery triplet votes at most once per probe finger, and lookups
    // walk the offset table in order.
    const keys = keyBuf.subarray(0, tripletKeys(scratch, n, keyBuf)).sort();
    let k = 0;
    for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[k - 1]) keys[k++] = keys[i]!;
    let matcher: Matcher | undefined;
    out.push({
      minutiae: n,
      position: fingerPosition(record, fo),
      keys: keys.slice(0, k),
      matcher: () => (matcher ??= new Matcher(prepareProbe(packTemplate(decodeFinger(record, fo))))),
    });
  }
  return out;
}
