/**
 * Forward wavelet transform for the encoder: split steps in order, each a row pass into a scratch
 * plane and a column pass back (the order the standard's reference encoder uses). Bands are
 * computed with whole-sample symmetric extension, lowpass from even samples and highpass from odd
 * ones, the highpass stored first under spectral inversion.
 */
import type { Decomposition } from './subbands.ts';

interface AnalysisPlan {
  n: number;
  /** Source sample (0..n-1) of each extended position j - pad. */
  source: Int32Array;
  pad: number;
  lowBase: number;
  highBase: number;
  lowLen: number;
  highLen: number;
}

function reflect(k: number, n: number): number {
  const period = 2 * (n - 1);
  const m = ((k % period) + period) % period;
  return m < n ? m : period - m;
}

function analysisPlan(n: number, pad: number, inverted: boolean): AnalysisPlan {
  const lowLen = (n + 1) >> 1;
  const highLen = n >> 1;
  const source = new Int32Array(n + 2 * pad);
  for (let j = 0; j < source.length; j++) source[j] = reflect(j - pad, n);
  return { n, source, pad, lowLen, highLen, lowBase: inverted ? highLen : 0, highBase: inverted ? 0 : lowLen };
}

export function analyze(image: Float32Array, width: number, d: Decomposition, lowpass: Float64Array, highpass: Float64Array): void {
  const scratch = new Float32Array(image.length);
  const pad = Math.max(lowpass.length, highpass.length);
  for (const { rect, invX, invY } of d.steps) {
    rows(image, scratch, width, rect.x, rect.y, rect.h, analysisPlan(rect.w, pad, invX), lowpass, highpass);
    columns(scratch, image, width, rect.x, rect.y, rect.w, analysisPlan(rect.h, pad, invY), lowpass, highpass);
  }
}

function rows(src: Float32Array, dst: Float32Array, width: number, x0: number, y0: number, h: number, p: AnalysisPlan, lo: Float64Array, hi: Float64Array): void {
  const ext = new Float64Array(p.source.length);
  const lc = (lo.length - 1) >> 1;
  const hc = (hi.length - 1) >> 1;
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * width + x0;
    for (let j = 0; j < ext.length; j++) ext[j] = src[row + p.source[j]!]!;
    for (let k = 0; k < p.lowLen; k++) {
      const b = 2 * k - lc + p.pad;
      let acc = 0;
      for (let i = 0; i < lo.length; i++) acc += lo[i]! * ext[b + i]!;
      dst[row + p.lowBase + k] = acc;
    }
    for (let k = 0; k < p.highLen; k++) {
      const b = 2 * k + 1 - hc + p.pad;
      let acc = 0;
      for (let i = 0; i < hi.length; i++) acc += hi[i]! * ext[b + i]!;
      dst[row + p.highBase + k] = acc;
    }
  }
}

/** Column pass, a whole output row at a time so memory is read in order. */
function columns(src: Float32Array, dst: Float32Array, width: number, x0: number, y0: number, w: number, p: AnalysisPlan, lo: Float64Array, hi: Float64Array): void {
  const acc = new Float64Array(w);
  const band = (taps: Float64Array, centre: number, first: number, count: number, base: number) => {
    for (let k = 0; k < count; k++) {
      acc.fill(0);
      for (let i = 0; i < taps.length; i++) {
        const from = (y0 + p.source[2 * k + first - centre + i + p.pad]!) * width + x0;
        const c = taps[i]!;
        for (let x = 0; x < w; x++) acc[x] += c * src[from + x]!;
      }
      const out = (y0 + base + k) * width + x0;
      for (let x = 0; x < w; x++) dst[out + x] = acc[x]!;
    }
  };
  band(lo, (lo.length - 1) >> 1, 0, p.lowLen, p.lowBase);
  band(hi, (hi.length - 1) >> 1, 1, p.highLen, p.highBase);
}
