/**
 * 1-D synthesis of a two-band split of n samples with odd-length symmetric filters.
 *
 * The bands are upsampled (lowpass on even positions, highpass on odd) and extended by whole-sample
 * symmetry about 0 and n-1. Output n sums lowpass taps i = 0.. at position n - centre + i, then
 * highpass taps likewise; the reference decoder rounds every product and sum to single precision,
 * so this order is part of the result.
 *
 * Parity makes the work regular: outputs of one parity use the same taps, on consecutive samples
 * of each band. So the plan gives, per parity, the taps in order and the first band sample of
 * output n as (n - parity)/2 + offset, with the bands' symmetric extensions materialised.
 */
import { reflect } from './symmetric-extension.ts';

export interface ParityPlan {
  lowTaps: Float64Array;
  highTaps: Float64Array;
  /** Index into the extended band of the first contributing sample, for output n: (n >> 1) + offset. */
  lowOffset: number;
  highOffset: number;
}

export interface SynthesisPlan {
  n: number;
  /** Storage offsets (0..n-1 within the split) of the extended bands' samples. */
  lowSource: Int32Array;
  highSource: Int32Array;
  even: ParityPlan;
  odd: ParityPlan;
}


export function synthesisPlan(n: number, lowpass: Float32Array, highpass: Float32Array, inverted: boolean): SynthesisPlan {
  const lowLen = (n + 1) >> 1;
  const lowBase = inverted ? n - lowLen : 0;
  const highBase = inverted ? 0 : lowLen;
  const lc = (lowpass.length - 1) >> 1;
  const hc = (highpass.length - 1) >> 1;
  // Extension margins: enough band samples beyond either end for the longest filter.
  const pad = Math.max(lc, hc) + 1;
  const ext = (n >> 1) + 1 + 2 * pad;
  const lowSource = new Int32Array(ext);
  const highSource = new Int32Array(ext);
  for (let j = 0; j < ext; j++) {
    lowSource[j] = lowBase + (reflect(2 * (j - pad), n) >> 1);
    highSource[j] = highBase + (reflect(2 * (j - pad) + 1, n) >> 1);
  }
  const parity = (par: number): ParityPlan => {
    const i0 = (par + lc) & 1;
    const j0 = (par + hc + 1) & 1;
    return {
      lowTaps: Float64Array.from(lowpass.filter((_, i) => (i & 1) === i0)),
      highTaps: Float64Array.from(highpass.filter((_, i) => (i & 1) === j0)),
      // Output n = 2m + par: first lowpass position n - lc + i0 = 2(m + lowOffset - pad).
      lowOffset: (par - lc + i0) / 2 + pad,
      highOffset: (par - hc + j0 - 1) / 2 + pad,
    };
  };
  return { n, lowSource, highSource, even: parity(0), odd: parity(1) };
}
