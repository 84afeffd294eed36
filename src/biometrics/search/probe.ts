/**
 * A search probe: per finger its position, its expanded index keys, and a matcher for rescoring.
 * Matchers are prepared on first use (preparing one costs more than scoring a candidate), so a
 * search that rescores few candidates, or only some fingers, prepares only what it uses.
 */
import { Matcher, prepareProbe } from '../match/matcher.ts';
import { packTemplate } from '../match/packed-template.ts';
import { decodeFinger, fingerOffsets, fingerPosition, readFinger } from './compact.ts';
import type { ProbeFingerKeys } from './segment.ts';
import { INDEX_MINUTIAE, KEY_SPACE, MAX_PROBE_KEYS, probeKeys, TripletScratch } from './triplets.ts';

/** Fewest minutiae for a finger to take part in a search. */
export const MIN_PROBE_MINUTIAE = 6;

export interface ProbeFinger extends ProbeFingerKeys {
  /** Index of the finger in the probe record. */
  readonly index: number;
  readonly matcher: () => Matcher;
}

// Shared scratch: key generation and de-duplication (a key is new when its stamp is not the current one).
const scratch = new TripletScratch();
const keyBuf = new Uint32Array(MAX_PROBE_KEYS);
const stamps = new Uint32Array(KEY_SPACE);
let stamp = 0;

/** The usable fingers of a compact probe record (fingers under MIN_PROBE_MINUTIAE are left out). */
export function prepareSearchProbe(record: Uint8Array): ProbeFinger[] {
  const out: ProbeFinger[] = [];
  fingerOffsets(record).forEach((fo, index) => {
    const n = readFinger(record, fo, scratch.x, scratch.y, scratch.angle, INDEX_MINUTIAE);
    if (n < MIN_PROBE_MINUTIAE) return;
    const total = probeKeys(scratch, n, keyBuf);
    if (++stamp === 0xffffffff) {
      stamps.fill(0);
      stamp = 1;
    }
    // Distinct keys, so a gallery triplet votes at most once per probe finger; sorted, so
    // lookups walk the offset table in order.
    let k = 0;
    for (let i = 0; i < total; i++) {
      const key = keyBuf[i]!;
      if (stamps[key] === stamp) continue;
      stamps[key] = stamp;
      keyBuf[k++] = key;
    }
    let matcher: Matcher | undefined;
    out.push({
      index,
      position: fingerPosition(record, fo),
      keys: keyBuf.slice(0, k).sort(),
      matcher: () => (matcher ??= new Matcher(prepareProbe(packTemplate(decodeFinger(record, fo))))),
    });
  });
  return out;
}
