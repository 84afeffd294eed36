/**
 * Scalar dequantization (IAFIS-IC-0110 §2.4): a nonzero index p maps to Q·(p ∓ C) ± Z/2. The
 * products are single precision and the half zero-bin is added in double before the store, as the
 * reference decoder computes it.
 */
import type { Rect } from './subbands.ts';
import type { QuantizationTable } from './tables.ts';

export function dequantize(coeffs: Int16Array, subbands: Rect[], q: QuantizationTable, out: Float32Array, width: number): void {
  const fround = Math.fround;
  const c = q.binCenter;
  let k = 0;
  for (let s = 0; s < subbands.length; s++) {
    const step = q.q[s]!;
    if (step === 0) continue;
    const halfZero = q.z[s]! / 2;
    const { x, y, w, h } = subbands[s]!;
    for (let r = 0; r < h; r++) {
      const row = (y + r) * width + x;
      for (let col = 0; col < w; col++) {
        const p = coeffs[k++]!;
        out[row + col] = p === 0 ? 0 : p > 0 ? fround(step * fround(p - c)) + halfZero : fround(step * fround(p + c)) - halfZero;
      }
    }
  }
}

/** Number of coefficients the coded subbands hold (those with a nonzero step). */
export function codedCoefficientCount(subbands: Rect[], q: QuantizationTable): number {
  let n = 0;
  for (let s = 0; s < subbands.length; s++) if (q.q[s] !== 0) n += subbands[s]!.w * subbands[s]!.h;
  return n;
}
