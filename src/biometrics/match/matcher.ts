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
 */
import { ANGLE_BIN_SHIFT, ANGLE_BINS, EDGE_KEYS, LEN_BIN, LEN_BINS, edgeKeyOfBins, type PackedTemplate } from './packed-template.ts';

export const matchParams = {
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
};

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

/** Per-thread scratch memory of the matcher (scoring is synchronous, so one set serves all matchers). */
class Scratch {
  /** Votes per (probe minutia << 8 | candidate minutia). */
  readonly votes = new Uint8Array(256 * 256);
  readonly touched = new Int32Array(256 * 256);
  readonly strong = new Int32Array(256 * 256);
  readonly strongV = new Uint8Array(256 * 256);
  readonly order = new Int32Array(256 * 256);
  readonly byVotes = new Int32Array(258);
  readonly pairP = new Int32Array(256);
  readonly pairC = new Int32Array(256);
  readonly pairV = new Int32Array(256);
  readonly usedP = new Uint8Array(256);
  readonly usedC = new Uint8Array(256);
  /** Per pair: implied rotation, and both minutiae's positions. */
  readonly rot = new Int32Array(256);
  readonly px = new Float64Array(256);
  readonly py = new Float64Array(256);
  readonly cx = new Float64Array(256);
  readonly cy = new Float64Array(256);
  readonly compat = new Uint8Array(256 * 256);
  readonly members = new Int32Array(256);
  readonly agree = new Int32Array(256);
}

let shared: Scratch | undefined;

/** Integer length tolerance per edge length: lengths are whole pixels, so |dl| ≤ tol ⇔ |dl| ≤ ⌊tol⌋. */
const LEN_TOL = Int32Array.from({ length: 256 }, (_, len) => Math.floor(matchParams.lenTol + matchParams.lenTolRel * len));
const ANGLE_SPAN = 2 * matchParams.angleTol;

/** Scores candidates against one prepared probe. Cheap to create: scratch memory is shared per thread. */
export class Matcher {
  private readonly s: Scratch;

  constructor(readonly probe: PreparedProbe) {
    this.s = shared ??= new Scratch();
  }

  score(c: PackedTemplate): number {
    const probe = this.probe;
    const p = probe.template;
    if (p.count < 2 || c.count < 2) return 0;
    const angleTol = matchParams.angleTol;
    const { votes, touched } = this.s;
    const { bucketStart, bucketEntries } = probe;
    const { edgeStart: cStart, edgeKey: cKey, edgeLen: cLen, edgeA1: cA1, edgeA2: cA2 } = c;
    let nTouched = 0;
    const nc = c.count;
    for (let k = 0; k < nc; k++) {
      for (let e = cStart[k]!, end = cStart[k + 1]!; e < end; e++) {
        const key = cKey[e]!;
        const len = cLen[e]!;
        const a1 = cA1[e]! - angleTol;
        const a2 = cA2[e]! - angleTol;
        const tol = LEN_TOL[len]!;
        // Branch-free: about a third of the entries pass, in no predictable pattern. A sign bit set
        // in any term means out of tolerance; a vote of 0 is still written, and a pair is listed
        // in `touched` on its first real vote.
        for (let b = bucketStart[key]!, bend = bucketStart[key + 1]!; b < bend; b++) {
          const entry = bucketEntries[b]!;
          const dl = (entry & 255) - len;
          const bad = (dl + tol) | (tol - dl) | (ANGLE_SPAN - (((entry >>> 8) - a1) & 255)) | (ANGLE_SPAN - (((entry >>> 16) - a2) & 255));
          const ok = ~bad >>> 31;
          const idx = ((entry >>> 16) & 0xff00) | k;
          const v = votes[idx]!;
          votes[idx] = v + ok;
          touched[nTouched] = idx;
          nTouched += ok & ((v - 1) >>> 31);
        }
      }
    }
    const n = this.selectPairs(nTouched, nc);
    return n < 2 ? 0 : this.consolidate(c, n);
  }

  /**
   * Greedy one-to-one choice of pairs, most votes first, ties in order of first vote (and clears
   * the votes). Most pairs have a single vote: only the others need sorting.
   */
  private selectPairs(nTouched: number, nc: number): number {
    const { votes, touched, strong, strongV, order, byVotes, pairP, pairC, pairV, usedP, usedC } = this.s;
    const limit = matchParams.maxPairs;
    let nWeak = 0;
    let nStrong = 0;
    let maxVotes = 1;
    for (let t = 0; t < nTouched; t++) {
      const idx = touched[t]!;
      const v = votes[idx]!;
      votes[idx] = 0;
      if (v === 1) touched[nWeak++] = idx;
      else {
        strong[nStrong] = idx;
        strongV[nStrong++] = v;
        if (v > maxVotes) maxVotes = v;
      }
    }
    // Stable counting sort of the strong pairs by votes, descending.
    byVotes.fill(0, 0, maxVotes + 2);
    for (let t = 0; t < nStrong; t++) byVotes[maxVotes - strongV[t]! + 1]!++;
    for (let v = 1; v <= maxVotes; v++) byVotes[v]! += byVotes[v - 1]!;
    for (let t = 0; t < nStrong; t++) order[byVotes[maxVotes - strongV[t]!]!++] = t;
    // Done when `limit` pairs are taken or every minutia of either side is used.
    const full = Math.min(limit, this.probe.template.count, nc);
    let n = 0;
    for (let t = 0; t < nStrong + nWeak && n < full; t++) {
      const strongPair = t < nStrong;
      const idx = strongPair ? strong[order[t]!]! : touched[t - nStrong]!;
      const i = idx >> 8;
      const k = idx & 255;
      if (usedP[i] || usedC[k]) continue;
      usedP[i] = 1;
      usedC[k] = 1;
      pairP[n] = i;
      pairC[n] = k;
      pairV[n] = strongPair ? strongV[order[t]!]! : 1;
      n++;
    }
    for (let s = 0; s < n; s++) {
      usedP[pairP[s]!] = 0;
      usedC[pairC[s]!] = 0;
    }
    return n;
  }

  /** Whether pairs s and t imply a consistent relative position, measured from s (their rotations agree). */
  private compatible(s: number, t: number): boolean {
    const { rot, px, py, cx, cy } = this.s;
    const { posTol, posTolRel } = matchParams;
    const r = rot[s]!;
    const dpx = px[t]! - px[s]!;
    const dpy = py[t]! - py[s]!;
    const cos = COS[r]!;
    const sin = SIN[r]!;
    const ex = cos * dpx - sin * dpy - (cx[t]! - cx[s]!);
    const ey = sin * dpx + cos * dpy - (cy[t]! - cy[s]!);
    const tol = posTol + posTolRel * Math.sqrt(dpx * dpx + dpy * dpy);
    return ex * ex + ey * ey <= tol * tol;
  }

  private consolidate(c: PackedTemplate, n: number): number {
    const { pairP, pairC, pairV, rot, px, py, cx, cy, compat, members, agree } = this.s;
    const p = this.probe.template;
    const rotTol = matchParams.rotTol;
    for (let s = 0; s < n; s++) {
      const i = pairP[s]!;
      const k = pairC[s]!;
      rot[s] = (c.angle[k]! - p.angle[i]!) & 255;
      px[s] = p.x[i]!;
      py[s] = p.y[i]!;
      cx[s] = c.x[k]!;
      cy[s] = c.y[k]!;
    }
    // Compatibility is computed on demand and memoised (0 unknown, 1 no, 2 yes): most candidate
    // pairs of an impostor fail against the root and are never tested against anything else.
    // Pairs whose rotations disagree are never compatible, so that test comes first.
    compat.fill(0, 0, n * n);
    let bestM = 0;
    let bestSupport = 0;
    const roots = Math.min(matchParams.roots, n);
    const span = 2 * rotTol;
    for (let r = 0; r < roots; r++) {
      // The pairs whose rotation agrees with the root's, in order; if too few, this root cannot
      // beat the best set. (|a − b| ≤ tol on the circle ⇔ (a − b + tol) mod 256 ≤ 2 tol.)
      const rr = rot[r]! - rotTol;
      let nAgree = 0;
      for (let s = 0; s < n; s++) {
        agree[nAgree] = s;
        nAgree += ((rot[s]! - rr) & 255) <= span ? 1 : 0;
      }
      if (nAgree < bestM) continue;
      let m = 0;
      members[m++] = r;
      let support = pairV[r]!;
      for (let a = 0; a < nAgree; a++) {
        const s = agree[a]!;
        if (s === r) continue;
        let ok = true;
        for (let q = 0; q < m && ok; q++) {
          const t = members[q]!;
          let known = compat[s * n + t]!;
          if (known === 0) {
            known = ((rot[s]! - rot[t]! + rotTol) & 255) <= span && (s < t ? this.compatible(s, t) : this.compatible(t, s)) ? 2 : 1;
            compat[s * n + t] = known;
            compat[t * n + s] = known;
          }
          ok = known === 2;
        }
        if (!ok) continue;
        members[m++] = s;
        support += pairV[s]!;
      }
      if (m > bestM || (m === bestM && support > bestSupport)) {
        bestM = m;
        bestSupport = support;
      }
    }
    return scorePairs(bestM, bestSupport, p.count, c.count);
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
