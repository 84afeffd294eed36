/**
 * 1:1 minutiae matcher over packed templates, built for 1:N use: a probe is prepared once (its
 * edges hashed with their tolerances), then scored against any number of candidates without
 * allocating.
 *
 * 1. Local similarity: every candidate edge is looked up in the probe's edge hash; each
 *    compatible probe edge (length and both relative angles within tolerance) is a vote that the
 *    two edges' origin minutiae correspond (their neighbourhoods agree).
 * 2. Candidate pairs: minutia pairs by votes, taken greedily one-to-one.
 * 3. Consolidation: two pairs are compatible when they imply the same rotation and the vector
 *    between the two probe minutiae, rotated, lands on the vector between the two candidate ones
 *    (tolerance growing with distance, for skin distortion). From each of the strongest pairs,
 *    the largest set of mutually compatible pairs is grown greedily.
 * 4. Score: the best set's size times its local support (votes), over the geometric mean of
 *    the two minutiae counts, so many chance pairs between busy templates do not add up.
 *
 * Steps 1–3 run in WebAssembly (wasm-core.ts; source wasm/matcher/score.ts), which the
 * parameters below configure once per thread; probe preparation and the score stay here.
 */
import { WasmCore, type CoreParams } from './wasm-core.ts';
import { ANGLE_BIN_SHIFT, ANGLE_BINS, EDGE_KEYS, LEN_BIN, LEN_BINS, edgeKeyOfBins, type PackedTemplate } from './packed-template.ts';

export const matchParams = Object.freeze({
  /** Edge length tolerance: absolute pixels plus a share of the length. */
  lenTol: 6,
  lenTolRel: 0.08,
  /** Relative angle tolerance (256 = full turn). */
  angleTol: 14,
  /** Most candidate pairs kept for consolidation. */
  maxPairs: 48,
  /** Roots tried for consolidation. */
  roots: 10,
  /** Pair compatibility: position tolerance (pixels + share of distance) and rotation tolerance. */
  posTol: 10,
  posTolRel: 0.12,
  rotTol: 22,
  /** Minutiae counts below this do not raise the score further (small templates match by chance). */
  countFloor: 30,
});

const COS = Float64Array.from({ length: 256 }, (_, a) => Math.cos((a * 2 * Math.PI) / 256));
const SIN = Float64Array.from({ length: 256 }, (_, a) => Math.sin((a * 2 * Math.PI) / 256));

/** The probe side, prepared once: its edges bucketed by every hash key within tolerance. */
export interface PreparedProbe {
  readonly template: PackedTemplate;
  /** Entries of key k: bucketEntries[bucketStart[k] .. bucketStart[k + 1]). */
  readonly bucketStart: Int32Array;
  /**
   * One probe edge per entry, packed so the hot loop reads one word: length (bits 0–7), a1
   * (8–15), a2 (16–23) and the edge's origin minutia (24–31).
   */
  readonly bucketEntries: Uint32Array;
}

export function prepareProbe(t: PackedTemplate): PreparedProbe {
  const n = t.edgeCount;
  const { edgeLen, edgeA1, edgeA2, edgeStart } = t;
  // Each edge's key ranges once (they feed both passes below).
  const ranges = rangeScratch.length >= n * 4 ? rangeScratch : (rangeScratch = new Int32Array(n * 8));
  for (let e = 0; e < n; e++) {
    const len = edgeLen[e]!;
    const a1 = edgeA1[e]!;
    const a2 = edgeA2[e]!;
    ranges[4 * e] = (LEN_BIN_LO[len]! << 8) | LEN_BIN_HI[len]!;
    ranges[4 * e + 1] = ((a1 - angleTol) >> ANGLE_BIN_SHIFT) + ANGLE_BINS;
    ranges[4 * e + 2] = ((a1 + angleTol) >> ANGLE_BIN_SHIFT) + ANGLE_BINS;
    ranges[4 * e + 3] = (((a2 - angleTol) >> ANGLE_BIN_SHIFT) + ANGLE_BINS) | ((((a2 + angleTol) >> ANGLE_BIN_SHIFT) + ANGLE_BINS) << 8);
  }
  // Counting sort by key, entries of a key in edge order: count, prefix sums, fill.
  const bucketStart = new Int32Array(EDGE_KEYS + 1);
  for (let e = 0; e < n; e++) {
    const r = ranges[4 * e]!;
    const b1lo = ranges[4 * e + 1]!;
    const b1hi = ranges[4 * e + 2]!;
    const b2 = ranges[4 * e + 3]!;
    const b2lo = b2 & 0xff;
    const b2hi = b2 >> 8;
    for (let lb = r >> 8, l1 = r & 0xff; lb <= l1; lb++) {
      for (let b1 = b1lo; b1 <= b1hi; b1++) {
        const row = (lb * ANGLE_BINS + (b1 & WRAP)) * ANGLE_BINS + 1;
        for (let b2 = b2lo; b2 <= b2hi; b2++) bucketStart[row + (b2 & WRAP)]!++;
      }
    }
  }
  for (let k = 0; k < EDGE_KEYS; k++) bucketStart[k + 1]! += bucketStart[k]!;
  const fill = fillScratch;
  fill.set(bucketStart.subarray(0, EDGE_KEYS));
  const bucketEntries = new Uint32Array(bucketStart[EDGE_KEYS]!);
  for (let i = 0; i < t.count; i++) {
    for (let e = edgeStart[i]!, end = edgeStart[i + 1]!; e < end; e++) {
      // One word per entry: length (bits 0–7), a1 (8–15), a2 (16–23), origin minutia (24–31).
      const word = (edgeLen[e]! | (edgeA1[e]! << 8) | (edgeA2[e]! << 16) | (i << 24)) >>> 0;
      const r = ranges[4 * e]!;
      const b1lo = ranges[4 * e + 1]!;
      const b1hi = ranges[4 * e + 2]!;
      const b2 = ranges[4 * e + 3]!;
      const b2lo = b2 & 0xff;
      const b2hi = b2 >> 8;
      for (let lb = r >> 8, l1 = r & 0xff; lb <= l1; lb++) {
        for (let b1 = b1lo; b1 <= b1hi; b1++) {
          const row = (lb * ANGLE_BINS + (b1 & WRAP)) * ANGLE_BINS;
          for (let b2 = b2lo; b2 <= b2hi; b2++) bucketEntries[fill[row + (b2 & WRAP)]!++] = word;
        }
      }
    }
  }
  return { template: t, bucketStart, bucketEntries };
}

const { angleTol } = matchParams;
const WRAP = ANGLE_BINS - 1;
/** Length bins within tolerance of each edge length (the tolerance is fractional, so per length). */
const lenTolOf = (len: number) => matchParams.lenTol + matchParams.lenTolRel * len;
const LEN_BIN_LO = Int32Array.from({ length: 256 }, (_, len) => Math.max(0, Math.floor((len - lenTolOf(len)) / LEN_BIN)));
const LEN_BIN_HI = Int32Array.from({ length: 256 }, (_, len) => Math.min(LEN_BINS - 1, Math.floor((len + lenTolOf(len)) / LEN_BIN)));
/** Per-thread scratch: per-edge key ranges, and the fill cursors of the counting sort. */
let rangeScratch = new Int32Array(0);
const fillScratch = new Int32Array(EDGE_KEYS);

/** Integer length tolerance per edge length: lengths are whole pixels, so |dl| ≤ tol ⇔ |dl| ≤ ⌊tol⌋. */
const LEN_TOL = Int32Array.from({ length: 256 }, (_, len) => Math.floor(matchParams.lenTol + matchParams.lenTolRel * len));

/** The thread's scoring core (steps 1–3 run in WebAssembly; see wasm-core.ts). */
let core: WasmCore | undefined;

/** What the scoring core needs from the matcher's parameters and tables. */
export function coreParams(): CoreParams {
  const { angleTol, maxPairs, roots, posTol, posTolRel, rotTol } = matchParams;
  return { angleTol, maxPairs, roots, posTol, posTolRel, rotTol, lenTol: LEN_TOL, cos: COS, sin: SIN };
}

/** Scores candidates against one prepared probe. Cheap to create: the scoring core is shared per thread. */
export class Matcher {
  private readonly core: WasmCore;

  constructor(readonly probe: PreparedProbe) {
    this.core = core ??= new WasmCore(coreParams());
  }

  score(c: PackedTemplate): number {
    const p = this.probe.template;
    if (p.count < 2 || c.count < 2) return 0;
    const best = this.core.score(this.probe, c);
    return scorePairs(best >>> 16, best & 0xffff, p.count, c.count);
  }
}

/** Score of a consolidated set of `m` pairs with `support` local votes in total. */
export function scorePairs(m: number, support: number, np: number, nc: number): number {
  const f = matchParams.countFloor;
  return (m * support) / Math.sqrt(Math.max(np, f) * Math.max(nc, f));
}

/** One-off comparison of two packed templates. */
export function matchPacked(a: PackedTemplate, b: PackedTemplate): number {
  return new Matcher(prepareProbe(a)).score(b);
}
