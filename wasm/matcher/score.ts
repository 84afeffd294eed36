// AssemblyScript source of the matcher's scoring core (src/biometrics/match/matcher.ts has the
// algorithm's description and the probe preparation). Built by `node --import tsx
// scripts/build-wasm.ts` into src/biometrics/match/matcher-wasm.gen.ts.
//
// Why WebAssembly: in V8 every typed-array access in a JS loop reloads and re-checks the array
// (map, detached buffer, bounds), several times the work of the vote loop itself; wasm memory
// accesses are single instructions. The steps and their order are those of the JS matcher it
// replaced, so scores are identical: the float maths of pair compatibility uses the same tables
// (COS, SIN, copied in from JS) and the same operation order.
//
// Memory: fixed areas below, then the candidate area, then probe slots placed by the JS side.

// Tables written by JS at start: cos and sin per angle byte (f64), integer length tolerance per
// edge length (i32), and the parameters.
const COS: u32 = 0;
const SIN: u32 = 2048;
const LEN_TOL: u32 = 4096;
// Scratch (same roles as in the JS matcher it replaced).
const VOTES: u32 = 8192; // u8[65536], votes per probe minutia << 8 | candidate minutia
const TOUCHED: u32 = VOTES + 65536; // i32[65536]
const STRONG: u32 = TOUCHED + 262144; // i32[65536]
const STRONG_V: u32 = STRONG + 262144; // u8[65536]
const ORDER: u32 = STRONG_V + 65536; // i32[65536]
const BY_VOTES: u32 = ORDER + 262144; // i32[258] (1,032 bytes, 2,048 reserved)
const PAIR_P: u32 = BY_VOTES + 2048; // i32[256]
const PAIR_C: u32 = PAIR_P + 1024;
const PAIR_V: u32 = PAIR_C + 1024;
const USED_P: u32 = PAIR_V + 1024; // u8[256]
const USED_C: u32 = USED_P + 256;
const ROT: u32 = USED_C + 256; // i32[256]
const PX: u32 = ROT + 1024; // f64[256]
const PY: u32 = PX + 2048;
const CX: u32 = PY + 2048;
const CY: u32 = CX + 2048;
const COMPAT: u32 = CY + 2048; // u8[65536]
const MEMBERS: u32 = COMPAT + 65536; // i32[256]
const AGREE: u32 = MEMBERS + 1024; // i32[256]
/** Where JS copies the candidate's packed bytes (a packed template is at most about 16 kB). */
const CANDIDATE: u32 = AGREE + 1024;
const CANDIDATE_BYTES: u32 = 65536;
/** Probe slots start here (JS manages them). */
const HEAP: u32 = CANDIDATE + CANDIDATE_BYTES;

let angleTol: i32 = 0;
let angleSpan: i32 = 0;
let maxPairs: i32 = 0;
let roots: i32 = 0;
let posTol: f64 = 0;
let posTolRel: f64 = 0;
let rotTol: i32 = 0;

export function tablesAt(): u32 {
  return COS;
}
export function lenTolAt(): u32 {
  return LEN_TOL;
}
export function candidateAt(): u32 {
  return CANDIDATE;
}
export function candidateBytes(): u32 {
  return CANDIDATE_BYTES;
}
export function heapAt(): u32 {
  return HEAP;
}

export function configure(aTol: i32, pairs: i32, nRoots: i32, pTol: f64, pTolRel: f64, rTol: i32): void {
  angleTol = aTol;
  angleSpan = 2 * aTol;
  maxPairs = pairs;
  roots = nRoots;
  posTol = pTol;
  posTolRel = pTolRel;
  rotTol = rTol;
}

/**
 * Scores the candidate at CANDIDATE (packed bytes; the offsets name its arrays) against the probe
 * slot (bucketStart i32[EDGE_KEYS + 1], entries u32[], x i16[np], y i16[np], angle u8[np]).
 * Returns the best consistent set as size << 16 | votes, 0 when fewer than two pairs.
 */
export function score(
  pStart: u32, pEntries: u32, pX: u32, pY: u32, pAngle: u32, np: i32,
  nc: i32, cStartOff: u32, cKeyOff: u32, cLenOff: u32, cA1Off: u32, cA2Off: u32, cXOff: u32, cYOff: u32, cAngleOff: u32,
): i32 {
  const cStart = CANDIDATE + cStartOff;
  const cKey = CANDIDATE + cKeyOff;
  const cLen = CANDIDATE + cLenOff;
  const cA1 = CANDIDATE + cA1Off;
  const cA2 = CANDIDATE + cA2Off;
  const tolA = angleTol;
  const span = angleSpan;
  // 1. Votes: branch-free, as about a third of the entries pass in no predictable pattern. A
  // sign bit set in any term means out of tolerance; a vote of 0 is still written, and a pair is
  // listed in TOUCHED on its first real vote.
  let nTouched: i32 = 0;
  for (let k: i32 = 0; k < nc; k++) {
    const eEnd = <i32>load<u16>(cStart + (<u32>(k + 1) << 1));
    for (let e = <i32>load<u16>(cStart + (<u32>k << 1)); e < eEnd; e++) {
      const key = <u32>load<u16>(cKey + (<u32>e << 1));
      const len = <i32>load<u8>(cLen + <u32>e);
      const a1 = <i32>load<u8>(cA1 + <u32>e) - tolA;
      const a2 = <i32>load<u8>(cA2 + <u32>e) - tolA;
      const tol = load<i32>(LEN_TOL + (<u32>len << 2));
      const bEnd = load<u32>(pStart + ((key + 1) << 2));
      for (let b = load<u32>(pStart + (key << 2)); b < bEnd; b++) {
        const entry = load<i32>(pEntries + (b << 2));
        const dl = (entry & 255) - len;
        const bad = (dl + tol) | (tol - dl) | (span - (((entry >>> 8) - a1) & 255)) | (span - (((entry >>> 16) - a2) & 255));
        const ok = ~bad >>> 31;
        const idx = <u32>(((entry >>> 16) & 0xff00) | k);
        const v = <i32>load<u8>(VOTES + idx);
        store<u8>(VOTES + idx, v + ok);
        store<i32>(TOUCHED + (<u32>nTouched << 2), idx);
        nTouched += ok & ((v - 1) >>> 31);
      }
    }
  }
  const n = selectPairs(nTouched, np, nc);
  return n < 2 ? 0 : consolidate(n, pX, pY, pAngle, CANDIDATE + cXOff, CANDIDATE + cYOff, CANDIDATE + cAngleOff);
}

/**
 * 2. Greedy one-to-one choice of pairs, most votes first, ties in order of first vote (and clears
 * the votes). Most pairs have a single vote: only the others need sorting.
 */
function selectPairs(nTouched: i32, np: i32, nc: i32): i32 {
  let nWeak: i32 = 0;
  let nStrong: i32 = 0;
  let maxVotes: i32 = 1;
  for (let t: i32 = 0; t < nTouched; t++) {
    const idx = load<u32>(TOUCHED + (<u32>t << 2));
    const v = <i32>load<u8>(VOTES + idx);
    store<u8>(VOTES + idx, 0);
    if (v == 1) {
      store<u32>(TOUCHED + (<u32>nWeak << 2), idx);
      nWeak++;
    } else {
      store<u32>(STRONG + (<u32>nStrong << 2), idx);
      store<u8>(STRONG_V + <u32>nStrong, v);
      nStrong++;
      if (v > maxVotes) maxVotes = v;
    }
  }
  // Stable counting sort of the strong pairs by votes, descending.
  memory.fill(BY_VOTES, 0, <u32>(maxVotes + 2) << 2);
  for (let t: i32 = 0; t < nStrong; t++) {
    const at = BY_VOTES + (<u32>(maxVotes - <i32>load<u8>(STRONG_V + <u32>t) + 1) << 2);
    store<i32>(at, load<i32>(at) + 1);
  }
  for (let v: i32 = 1; v <= maxVotes; v++) {
    const at = BY_VOTES + (<u32>v << 2);
    store<i32>(at, load<i32>(at) + load<i32>(at - 4));
  }
  for (let t: i32 = 0; t < nStrong; t++) {
    const at = BY_VOTES + (<u32>(maxVotes - <i32>load<u8>(STRONG_V + <u32>t)) << 2);
    const o = load<i32>(at);
    store<i32>(at, o + 1);
    store<i32>(ORDER + (<u32>o << 2), t);
  }
  // Done when maxPairs pairs are taken or every minutia of either side is used.
  const full = min(maxPairs, min(np, nc));
  let n: i32 = 0;
  const total = nStrong + nWeak;
  for (let t: i32 = 0; t < total && n < full; t++) {
    let idx: u32;
    let v: i32;
    if (t < nStrong) {
      const o = <u32>load<i32>(ORDER + (<u32>t << 2));
      idx = load<u32>(STRONG + (o << 2));
      v = <i32>load<u8>(STRONG_V + o);
    } else {
      idx = load<u32>(TOUCHED + (<u32>(t - nStrong) << 2));
      v = 1;
    }
    const i = idx >> 8;
    const k = idx & 255;
    if (load<u8>(USED_P + i) | load<u8>(USED_C + k)) continue;
    store<u8>(USED_P + i, 1);
    store<u8>(USED_C + k, 1);
    store<i32>(PAIR_P + (<u32>n << 2), i);
    store<i32>(PAIR_C + (<u32>n << 2), k);
    store<i32>(PAIR_V + (<u32>n << 2), v);
    n++;
  }
  for (let s: i32 = 0; s < n; s++) {
    store<u8>(USED_P + load<u32>(PAIR_P + (<u32>s << 2)), 0);
    store<u8>(USED_C + load<u32>(PAIR_C + (<u32>s << 2)), 0);
  }
  return n;
}

/** Whether pairs s and t imply a consistent relative position, measured from s (their rotations agree). */
// @ts-ignore: decorator
@inline
function compatible(s: u32, t: u32): bool {
  const r = load<u32>(ROT + (s << 2));
  const dpx = load<f64>(PX + (t << 3)) - load<f64>(PX + (s << 3));
  const dpy = load<f64>(PY + (t << 3)) - load<f64>(PY + (s << 3));
  const cos = load<f64>(COS + (r << 3));
  const sin = load<f64>(SIN + (r << 3));
  const ex = cos * dpx - sin * dpy - (load<f64>(CX + (t << 3)) - load<f64>(CX + (s << 3)));
  const ey = sin * dpx + cos * dpy - (load<f64>(CY + (t << 3)) - load<f64>(CY + (s << 3)));
  const tol = posTol + posTolRel * Math.sqrt(dpx * dpx + dpy * dpy);
  return ex * ex + ey * ey <= tol * tol;
}

/**
 * 3. From each of the strongest pairs, the largest set of mutually compatible pairs, grown
 * greedily. Compatibility is computed on demand and memoised (0 unknown, 1 no, 2 yes): most
 * candidate pairs of an impostor fail against the root and are never tested against anything
 * else. Pairs whose rotations disagree are never compatible, so that test comes first.
 */
function consolidate(n: i32, pX: u32, pY: u32, pAngle: u32, cX: u32, cY: u32, cAngle: u32): i32 {
  for (let s: i32 = 0; s < n; s++) {
    const i = load<u32>(PAIR_P + (<u32>s << 2));
    const k = load<u32>(PAIR_C + (<u32>s << 2));
    store<i32>(ROT + (<u32>s << 2), (<i32>load<u8>(cAngle + k) - <i32>load<u8>(pAngle + i)) & 255);
    store<f64>(PX + (<u32>s << 3), <f64>load<i16>(pX + (i << 1)));
    store<f64>(PY + (<u32>s << 3), <f64>load<i16>(pY + (i << 1)));
    store<f64>(CX + (<u32>s << 3), <f64>load<i16>(cX + (k << 1)));
    store<f64>(CY + (<u32>s << 3), <f64>load<i16>(cY + (k << 1)));
  }
  memory.fill(COMPAT, 0, <u32>(n * n));
  let bestM: i32 = 0;
  let bestSupport: i32 = 0;
  const nRoots = min(roots, n);
  const span = 2 * rotTol;
  for (let r: i32 = 0; r < nRoots; r++) {
    // The pairs whose rotation agrees with the root's, in order; if too few, this root cannot
    // beat the best set. (|a − b| ≤ tol on the circle ⇔ (a − b + tol) mod 256 ≤ 2 tol.)
    const rr = load<i32>(ROT + (<u32>r << 2)) - rotTol;
    let nAgree: i32 = 0;
    for (let s: i32 = 0; s < n; s++) {
      store<i32>(AGREE + (<u32>nAgree << 2), s);
      nAgree += <i32>(((load<i32>(ROT + (<u32>s << 2)) - rr) & 255) <= span);
    }
    if (nAgree < bestM) continue;
    let m: i32 = 0;
    store<i32>(MEMBERS, r);
    m++;
    let support = load<i32>(PAIR_V + (<u32>r << 2));
    for (let a: i32 = 0; a < nAgree; a++) {
      const s = load<i32>(AGREE + (<u32>a << 2));
      if (s == r) continue;
      let ok = true;
      for (let q: i32 = 0; q < m && ok; q++) {
        const t = load<i32>(MEMBERS + (<u32>q << 2));
        let known = <i32>load<u8>(COMPAT + <u32>(s * n + t));
        if (known == 0) {
          const agreeRot = ((load<i32>(ROT + (<u32>s << 2)) - load<i32>(ROT + (<u32>t << 2)) + rotTol) & 255) <= span;
          known = agreeRot && (s < t ? compatible(<u32>s, <u32>t) : compatible(<u32>t, <u32>s)) ? 2 : 1;
          store<u8>(COMPAT + <u32>(s * n + t), known);
          store<u8>(COMPAT + <u32>(t * n + s), known);
        }
        ok = known == 2;
      }
      if (!ok) continue;
      store<i32>(MEMBERS + (<u32>m << 2), s);
      m++;
      support += load<i32>(PAIR_V + (<u32>s << 2));
    }
    if (m > bestM || (m == bestM && support > bestSupport)) {
      bestM = m;
      bestSupport = support;
    }
  }
  return (bestM << 16) | bestSupport;
}
