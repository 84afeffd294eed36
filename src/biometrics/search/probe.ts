/**
 * A search probe prepared once per shard: per finger its position, its expanded index keys and
 * a matcher holding the prepared packed template, for rescoring candidates.
 */
import { Matcher, prepareProbe } from '../match/matcher.ts';
import { packTemplate } from '../match/packed-template.ts';
import { decodeFinger, fingerOffsets, fingerPosition, readFinger } from './compact.ts';
import type { ProbeFingerKeys } from './segment.ts';
import { INDEX_MINUTIAE, MAX_PROBE_KEYS, probeKeys, TripletScratch } from './triplets.ts';

export interface ProbeFinger extends ProbeFingerKeys {
  readonly matcher: Matcher;
}

/** Prepares the fingers of a compact probe record (fingers without minutiae are skipped). */
export function prepareSearchProbe(record: Uint8Array): ProbeFinger[] {
  const s = new TripletScratch();
  const buf = new Uint32Array(MAX_PROBE_KEYS);
  const out: ProbeFinger[] = [];
  for (const fo of fingerOffsets(record)) {
    const n = readFinger(record, fo, s.x, s.y, s.angle, INDEX_MINUTIAE);
    if (n === 0) continue;
    // Sorted and distinct: a gallery triplet votes once per probe finger, and lookups walk the
    // offset table in order.
    const keys = buf.subarray(0, probeKeys(s, n, buf)).sort();
    let k = 0;
    for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[k++] = keys[i]!;
    out.push({
      position: fingerPosition(record, fo),
      keys: keys.slice(0, k),
      matcher: new Matcher(prepareProbe(packTemplate(decodeFinger(record, fo)))),
    });
  }
  return out;
}
