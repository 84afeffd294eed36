/**
 * 1-D synthesis of a two-band split of n samples with odd-length symmetric filters, as a plan: for
 * every output sample, the band samples and taps that contribute, in summation order.
 *
 * The bands are upsampled (lowpass on even positions, highpass on odd) and extended by whole-sample
 * symmetry about 0 and n-1. Output n sums lowpass taps i = 0.. at position n - centre + i, then
 * highpass taps likewise; single-precision rounding after every product and sum follows the
 * reference decoder, so the order is part of the result.
 */
export interface SynthesisPlan {
  /** Terms of output n are termStart[n] .. termStart[n+1]-1. */
  termStart: Int32Array;
  /** Offset of the band sample within the split's storage (0..n-1). */
  source: Int32Array;
  tap: Float64Array;
}

function reflect(k: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const m = ((k % period) + period) % period;
  return m < n ? m : period - m;
}

export function synthesisPlan(n: number, lowpass: Float32Array, highpass: Float32Array, inverted: boolean): SynthesisPlan {
  const lowLen = (n + 1) >> 1;
  const lowBase = inverted ? n - lowLen : 0;
  const highBase = inverted ? 0 : lowLen;
  const lc = (lowpass.length - 1) >> 1;
  const hc = (highpass.length - 1) >> 1;
  const termStart = new Int32Array(n + 1);
  const source: number[] = [];
  const tap: number[] = [];
  for (let out = 0; out < n; out++) {
    termStart[out] = source.length;
    for (let i = 0; i < lowpass.length; i++) {
      const p = reflect(out - lc + i, n);
      if ((p & 1) === 0) {
        source.push(lowBase + (p >> 1));
        tap.push(lowpass[i]!);
      }
    }
    for (let i = 0; i < highpass.length; i++) {
      const p = reflect(out - hc + i, n);
      if ((p & 1) === 1) {
        source.push(highBase + (p >> 1));
        tap.push(highpass[i]!);
      }
    }
  }
  termStart[n] = source.length;
  return { termStart, source: Int32Array.from(source), tap: Float64Array.from(tap) };
}
