/**
 * Forward wavelet transform for the encoder: split steps in order, each a row pass into a scratch
 * plane and a column pass back (the order the standard's reference encoder uses). Band k of the
 * lowpass is the filter centred on sample 2k, of the highpass on sample 2k + 1, with whole-sample
 * symmetric extension; under spectral inversion the highpass is stored first. The filters are
 * symmetric, so each output folds mirrored samples before multiplying (half the products).
 */
import type { Decomposition } from './subbands.ts';
import { reflect } from './symmetric-extension.ts';

interface AnalysisPlan {
  /** Source sample (0..n-1) of each extended position j - pad. */
  source: Int32Array;
  pad: number;
  lowBase: number;
  highBase: number;
  lowLen: number;
  highLen: number;
}


function analysisPlan(n: number, pad: number, inverted: boolean): AnalysisPlan {
  const lowLen = (n + 1) >> 1;
  const highLen = n >> 1;
  const source = new Int32Array(n + 2 * pad);
  for (let j = 0; j < source.length; j++) source[j] = reflect(j - pad, n);
  return { source, pad, lowLen, highLen, lowBase: inverted ? highLen : 0, highBase: inverted ? 0 : lowLen };
}

/** `lowHalf`/`highHalf`: the symmetric analysis filters from the centre tap outwards. */
export function analyze(image: Float32Array, width: number, d: Decomposition, lowHalf: Float64Array, highHalf: Float64Array): void {
  const scratch = new Float32Array(image.length);
  const pad = Math.max(lowHalf.length, highHalf.length) + 1;
  for (const { rect, invX, invY } of d.steps) {
    const px = analysisPlan(rect.w, pad, invX);
    const py = analysisPlan(rect.h, pad, invY);
    const ext = new Float64Array(px.source.length);
    for (let y = 0; y < rect.h; y++) {
      const row = (rect.y + y) * width + rect.x;
      for (let j = 0; j < ext.length; j++) ext[j] = image[row + px.source[j]!]!;
      rowBand(ext, scratch, row + px.lowBase, px.lowLen, pad, lowHalf);
      rowBand(ext, scratch, row + px.highBase, px.highLen, pad + 1, highHalf);
    }
    columnBand(scratch, image, width, rect.x, rect.y, rect.w, py, 0, py.lowBase, py.lowLen, lowHalf);
    columnBand(scratch, image, width, rect.x, rect.y, rect.w, py, 1, py.highBase, py.highLen, highHalf);
  }
}

/** out[k] = filter centred on ext[first + 2k]. */
function rowBand(ext: Float64Array, out: Float32Array, at: number, count: number, first: number, h: Float64Array): void {
  const c0 = h[0]!;
  const c1 = h[1]!;
  const c2 = h[2]!;
  const c3 = h[3]!;
  if (h.length === 5) {
    const c4 = h[4]!;
    for (let k = 0, m = first; k < count; k++, m += 2) {
      out[at + k] = c0 * ext[m]! + c1 * (ext[m - 1]! + ext[m + 1]!) + c2 * (ext[m - 2]! + ext[m + 2]!) + c3 * (ext[m - 3]! + ext[m + 3]!) + c4 * (ext[m - 4]! + ext[m + 4]!);
    }
  } else if (h.length === 4) {
    for (let k = 0, m = first; k < count; k++, m += 2) {
      out[at + k] = c0 * ext[m]! + c1 * (ext[m - 1]! + ext[m + 1]!) + c2 * (ext[m - 2]! + ext[m + 2]!) + c3 * (ext[m - 3]! + ext[m + 3]!);
    }
  } else {
    for (let k = 0, m = first; k < count; k++, m += 2) {
      let acc = c0 * ext[m]!;
      for (let j = 1; j < h.length; j++) acc += h[j]! * (ext[m - j]! + ext[m + j]!);
      out[at + k] = acc;
    }
  }
}

/** Column filtering a whole output row at a time, so memory is read in order. */
function columnBand(src: Float32Array, dst: Float32Array, width: number, x0: number, y0: number, w: number, p: AnalysisPlan, parity: number, base: number, count: number, h: Float64Array): void {
  const rowAt = (j: number) => (y0 + p.source[j]!) * width + x0;
  for (let k = 0; k < count; k++) {
    const m = p.pad + 2 * k + parity;
    const out = (y0 + base + k) * width + x0;
    const r0 = rowAt(m);
    if (h.length === 5 || h.length === 4) {
      const [a1, b1, a2, b2, a3, b3] = [rowAt(m - 1), rowAt(m + 1), rowAt(m - 2), rowAt(m + 2), rowAt(m - 3), rowAt(m + 3)];
      const c0 = h[0]!;
      const c1 = h[1]!;
      const c2 = h[2]!;
      const c3 = h[3]!;
      if (h.length === 5) {
        const a4 = rowAt(m - 4);
        const b4 = rowAt(m + 4);
        const c4 = h[4]!;
        for (let x = 0; x < w; x++) {
          dst[out + x] =
            c0 * src[r0 + x]! + c1 * (src[a1 + x]! + src[b1 + x]!) + c2 * (src[a2 + x]! + src[b2 + x]!) + c3 * (src[a3 + x]! + src[b3 + x]!) + c4 * (src[a4 + x]! + src[b4 + x]!);
        }
      } else {
        for (let x = 0; x < w; x++) {
          dst[out + x] = c0 * src[r0 + x]! + c1 * (src[a1 + x]! + src[b1 + x]!) + c2 * (src[a2 + x]! + src[b2 + x]!) + c3 * (src[a3 + x]! + src[b3 + x]!);
        }
      }
    } else {
      for (let x = 0; x < w; x++) {
        let acc = h[0]! * src[r0 + x]!;
        for (let j = 1; j < h.length; j++) acc += h[j]! * (src[rowAt(m - j) + x]! + src[rowAt(m + j) + x]!);
        dst[out + x] = acc;
      }
    }
  }
}
