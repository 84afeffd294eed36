/**
 * Encoder quantizer design (IAFIS-IC-0110, the informative encoder): subband variances, then the
 * step sizes that meet the target bitrate. Subbands with variance below 1.01 are not coded.
 */
import type { Rect } from './subbands.ts';
import { CODED_SUBBANDS } from './subbands.ts';

const VARIANCE_THRESHOLD = 1.01;
/** If the four lowest subbands together vary less than this, all variances use whole subbands. */
const SMALL_VARIANCE_SUM = 20000;
/** Relative weights of subbands 52..59 (the rest weigh 1). */
const HIGH_BAND_WEIGHTS = [1.32, 1.08, 1.42, 1.08, 1.32, 1.42, 1.08, 1.08];
const FIRST_HIGH_BAND = 52;
/** Each subband's share of the image area: 1/1024 for 0..3, 1/256 for 4..50, 1/16 for 51..59. */
const areaShare = (k: number) => (k < 4 ? 1 / 1024 : k < 51 ? 1 / 256 : 1 / 16);

/**
 * Variance over a subband, or over its central window (x from 1/8 for 3/4 of the width, y from
 * 9/32 for 7/16 of the height), which keeps image borders from inflating it. Single precision
 * sums, as the reference encoder uses.
 */
function variance(plane: Float32Array, width: number, r: Rect, central: boolean): number {
  const fround = Math.fround;
  const x0 = r.x + (central ? Math.floor(r.w / 8) : 0);
  const y0 = r.y + (central ? Math.floor((9 * r.h) / 32) : 0);
  const w = central ? Math.floor((3 * r.w) / 4) : r.w;
  const h = central ? Math.floor((7 * r.h) / 16) : r.h;
  let sum = 0;
  let squares = 0;
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * width + x0;
    for (let x = 0; x < w; x++) {
      const v = plane[row + x]!;
      sum = fround(sum + v);
      squares = fround(squares + fround(v * v));
    }
  }
  const n = w * h;
  if (n < 2) return 0; // windows of tiny subbands can be empty
  return (squares - fround((sum * sum) / n)) / (n - 1);
}

export function subbandVariances(plane: Float32Array, width: number, subbands: Rect[]): Float64Array {
  const v = new Float64Array(CODED_SUBBANDS);
  for (let k = 0; k < 4; k++) v[k] = variance(plane, width, subbands[k]!, true);
  const whole = v[0]! + v[1]! + v[2]! + v[3]! < SMALL_VARIANCE_SUM;
  for (let k = whole ? 0 : 4; k < CODED_SUBBANDS; k++) v[k] = variance(plane, width, subbands[k]!, !whole);
  return v;
}

/**
 * Quantizer step Q per subband (0 = not coded) for a bitrate in bits per pixel. Relative steps
 * q'_k (1 for the four lowest bands, 10 / (A_k ln σ²_k) otherwise) are scaled by one constant q
 * chosen so the rate model Σ m_k log2(σ_k / Q_k) meets the target; bands the model would give a
 * non-positive rate are dropped from the sum and q recomputed.
 */
export function stepSizes(variances: Float64Array, bitrate: number): Float64Array {
  const relative = new Float64Array(CODED_SUBBANDS);
  const sigma = new Float64Array(CODED_SUBBANDS);
  const coded: number[] = [];
  for (let k = 0; k < CODED_SUBBANDS; k++) {
    if (!(variances[k]! >= VARIANCE_THRESHOLD)) continue;
    const weight = k >= FIRST_HIGH_BAND ? HIGH_BAND_WEIGHTS[k - FIRST_HIGH_BAND]! : 1;
    relative[k] = k < 4 ? 1 : 10 / (weight * Math.log(variances[k]!));
    sigma[k] = Math.sqrt(variances[k]!);
    coded.push(k);
  }
  let active = coded;
  let q = 1;
  for (;;) {
    let s = 0;
    let logP = 0;
    for (const k of active) {
      s += areaShare(k);
      logP += areaShare(k) * Math.log(sigma[k]! / relative[k]!);
    }
    q = 2 ** (bitrate / s - 1) / 2.5 / Math.exp(logP / s);
    const kept = active.filter((k) => relative[k]! / q < 5 * sigma[k]!);
    if (kept.length === active.length || kept.length === 0) break;
    active = kept;
  }
  const steps = new Float64Array(CODED_SUBBANDS);
  for (const k of coded) steps[k] = relative[k]! / q;
  return steps;
}
