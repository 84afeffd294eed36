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
  const { lenTol, lenTolRel, angleTol } = matchParams;
  const word = new Uint32Array(t.edgeCount);
  for (let i = 0; i < t.count; i++) {
    for (let e = t.edgeStart[i]!; e < t.edgeStart[i + 1]!; e++) {
      word[e] = (t.edgeLen[e]! | (t.edgeA1[e]! << 8) | (t.edgeA2[e]! << 16) | (i << 24)) >>> 0;
    }
  }
  // Every (key, edge) entry once, then a counting sort by key.
  let keys: Uint16Array<ArrayBuffer> = new Uint16Array(t.edgeCount * 64);
  let owners = new Uint16Array(keys.length);
  let n = 0;
  const wrap = ANGLE_BINS - 1;
  for (let e = 0; e < t.edgeCount; e++) {
    const len = t.edgeLen[e]!;
    const tol = lenTol + lenTolRel * len;
    const l0 = Math.max(0, Math.floor((len - tol) / LEN_BIN));
    const l1 = Math.min(LEN_BINS - 1, Math.floor((len + tol) / LEN_BIN));
    const a1 = t.edgeA1[e]!;
    const a2 = t.edgeA2[e]!;
    const b1lo = (a1 - angleTol) >> ANGLE_BIN_SHIFT;
    const b1hi = (a1 + angleTol) >> ANGLE_BIN_SHIFT;
    const b2lo = (a2 - angleTol) >> ANGLE_BIN_SHIFT;
    const b2hi = (a2 + angleTol) >> ANGLE_BIN_SHIFT;
    const need = n + (l1 - l0 + 1) * (b1hi - b1lo + 1) * (b2hi - b2lo + 1);
    if (need > keys.length) {
      const grow = Math.max(need, keys.length * 2);
      keys = growTo(keys, grow);
      owners = growTo(owners, grow);
    }
    for (let lb = l0; lb <= l1; lb++) {
      for (let b1 = b1lo; b1 <= b1hi; b1++) {
        for (let b2 = b2lo; b2 <= b2hi; b2++) {
          keys[n] = edgeKeyOfBins(lb, b1 & wrap, b2 & wrap);
          owners[n++] = e;
        }
      }
    }
  }
  const bucketStart = new Int32Array(EDGE_KEYS + 1);
  for (let k = 0; k < n; k++) bucketStart[keys[k]! + 1]!++;
  for (let k = 0; k < EDGE_KEYS; k++) bucketStart[k + 1]! += bucketStart[k]!;
  const fill = bucketStart.slice(0, EDGE_KEYS);
  const bucketEntries = new Uint32Array(n);
  for (let k = 0; k < n; k++) bucketEntries[fill[keys[k]!]!++] = word[owners[k]!]!;
  return { template: t, bucketStart, bucketEntries };
}

function growTo(a: Uint16Array, size: number): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(size);
  b.set(a);
  return b;
}

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
