/**
 * Inverse wavelet transform: the split steps run backwards, each a column pass into a scratch
 * plane and a row pass back. Every product and every sum is rounded to single precision in the
 * reference decoder's order (see synthesis-plan.ts).
 */
import type { Decomposition } from './subbands.ts';
import { synthesisPlan, type ParityPlan, type SynthesisPlan } from './synthesis-plan.ts';
import type { TransformTable } from './tables.ts';

const fround = Math.fround;

export function synthesize(image: Float32Array, width: number, d: Decomposition, t: TransformTable): void {
  const scratch = new Float32Array(image.length);
  const plans = new Map<string, SynthesisPlan>();
  const plan = (n: number, inv: boolean) => {
    const key = `${n}:${inv}`;
    let p = plans.get(key);
    if (!p) plans.set(key, (p = synthesisPlan(n, t.lowpass, t.highpass, inv)));
    return p;
  };
  for (let s = d.steps.length - 1; s >= 0; s--) {
    const { rect, invX, invY } = d.steps[s]!;
    columns(image, scratch, width, rect.x, rect.y, rect.w, plan(rect.h, invY));
    rows(scratch, image, width, rect.x, rect.y, rect.h, plan(rect.w, invX));
  }
}

/** Vertical pass: each output row combines whole source rows, so memory is read in order. */
function columns(src: Float32Array, dst: Float32Array, width: number, x0: number, y0: number, w: number, p: SynthesisPlan): void {
  const offsets = new Int32Array(32);
  const taps = new Float64Array(32);
  for (let n = 0; n < p.n; n++) {
    const pp = (n & 1) === 0 ? p.even : p.odd;
    const m = n >> 1;
    let terms = 0;
    for (let k = 0; k < pp.lowTaps.length; k++, terms++) {
      offsets[terms] = (y0 + p.lowSource[m + pp.lowOffset + k]!) * width + x0;
      taps[terms] = pp.lowTaps[k]!;
    }
    for (let k = 0; k < pp.highTaps.length; k++, terms++) {
      offsets[terms] = (y0 + p.highSource[m + pp.highOffset + k]!) * width + x0;
      taps[terms] = pp.highTaps[k]!;
    }
    const out = (y0 + n) * width + x0;
    if (terms === 9) columnOutput9(src, dst, out, w, offsets, taps);
    else if (terms === 7) columnOutput7(src, dst, out, w, offsets, taps);
    else columnOutput(src, dst, out, w, offsets, taps, terms);
  }
}

function columnOutput(src: Float32Array, dst: Float32Array, out: number, w: number, offsets: Int32Array, taps: Float64Array, terms: number): void {
  for (let x = 0; x < w; x++) {
    let acc = fround(src[offsets[0]! + x]! * taps[0]!);
    for (let t = 1; t < terms; t++) acc = fround(acc + fround(src[offsets[t]! + x]! * taps[t]!));
    dst[out + x] = acc;
  }
}

// Unrolled forms of columnOutput for the standard filters' 9- and 7-term outputs: the same sums in
// the same order, about twice as fast as the generic loop.
function columnOutput9(src: Float32Array, dst: Float32Array, out: number, w: number, o: Int32Array, c: Float64Array): void {
  const o0 = o[0]!;
  const o1 = o[1]!;
  const o2 = o[2]!;
  const o3 = o[3]!;
  const o4 = o[4]!;
  const o5 = o[5]!;
  const o6 = o[6]!;
  const o7 = o[7]!;
  const o8 = o[8]!;
  const c0 = c[0]!;
  const c1 = c[1]!;
  const c2 = c[2]!;
  const c3 = c[3]!;
  const c4 = c[4]!;
  const c5 = c[5]!;
  const c6 = c[6]!;
  const c7 = c[7]!;
  const c8 = c[8]!;
  for (let x = 0; x < w; x++) {
    let a = fround(src[o0 + x]! * c0);
    a = fround(a + fround(src[o1 + x]! * c1));
    a = fround(a + fround(src[o2 + x]! * c2));
    a = fround(a + fround(src[o3 + x]! * c3));
    a = fround(a + fround(src[o4 + x]! * c4));
    a = fround(a + fround(src[o5 + x]! * c5));
    a = fround(a + fround(src[o6 + x]! * c6));
    a = fround(a + fround(src[o7 + x]! * c7));
    dst[out + x] = a + fround(src[o8 + x]! * c8);
  }
}

function columnOutput7(src: Float32Array, dst: Float32Array, out: number, w: number, o: Int32Array, c: Float64Array): void {
  const o0 = o[0]!;
  const o1 = o[1]!;
  const o2 = o[2]!;
  const o3 = o[3]!;
  const o4 = o[4]!;
  const o5 = o[5]!;
  const o6 = o[6]!;
  const c0 = c[0]!;
  const c1 = c[1]!;
  const c2 = c[2]!;
  const c3 = c[3]!;
  const c4 = c[4]!;
  const c5 = c[5]!;
  const c6 = c[6]!;
  for (let x = 0; x < w; x++) {
    let a = fround(src[o0 + x]! * c0);
    a = fround(a + fround(src[o1 + x]! * c1));
    a = fround(a + fround(src[o2 + x]! * c2));
    a = fround(a + fround(src[o3 + x]! * c3));
    a = fround(a + fround(src[o4 + x]! * c4));
    a = fround(a + fround(src[o5 + x]! * c5));
    dst[out + x] = a + fround(src[o6 + x]! * c6);
  }
}

/** Horizontal pass over each row, from the row's bands copied with their symmetric extensions. */
function rows(src: Float32Array, dst: Float32Array, width: number, x0: number, y0: number, h: number, p: SynthesisPlan): void {
  const ext = p.lowSource.length;
  const low = new Float64Array(ext);
  const high = new Float64Array(ext);
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * width + x0;
    for (let j = 0; j < ext; j++) {
      low[j] = src[row + p.lowSource[j]!]!;
      high[j] = src[row + p.highSource[j]!]!;
    }
    rowOutputs(low, high, dst, row, 0, p.n, p.even);
    rowOutputs(low, high, dst, row, 1, p.n, p.odd);
  }
}

function rowOutputs(low: Float64Array, high: Float64Array, dst: Float32Array, row: number, first: number, n: number, pp: ParityPlan): void {
  const { lowTaps, highTaps, lowOffset, highOffset } = pp;
  if (lowTaps.length === 4 && highTaps.length === 5) return rowOutputs45(low, high, dst, row, first, n, pp);
  if (lowTaps.length === 3 && highTaps.length === 4) return rowOutputs34(low, high, dst, row, first, n, pp);
  for (let out = first; out < n; out += 2) {
    const lb = (out >> 1) + lowOffset;
    const hb = (out >> 1) + highOffset;
    let acc = fround(low[lb]! * lowTaps[0]!);
    for (let k = 1; k < lowTaps.length; k++) acc = fround(acc + fround(low[lb + k]! * lowTaps[k]!));
    for (let k = 0; k < highTaps.length; k++) acc = fround(acc + fround(high[hb + k]! * highTaps[k]!));
    dst[row + out] = acc;
  }
}

// Unrolled rowOutputs for the standard filters (synthesis lowpass 7 taps, highpass 9): odd outputs
// take 4 lowpass + 5 highpass terms, even outputs 3 + 4.
function rowOutputs45(low: Float64Array, high: Float64Array, dst: Float32Array, row: number, first: number, n: number, pp: ParityPlan): void {
  const l0 = pp.lowTaps[0]!;
  const l1 = pp.lowTaps[1]!;
  const l2 = pp.lowTaps[2]!;
  const l3 = pp.lowTaps[3]!;
  const h0 = pp.highTaps[0]!;
  const h1 = pp.highTaps[1]!;
  const h2 = pp.highTaps[2]!;
  const h3 = pp.highTaps[3]!;
  const h4 = pp.highTaps[4]!;
  for (let out = first; out < n; out += 2) {
    const lb = (out >> 1) + pp.lowOffset;
    const hb = (out >> 1) + pp.highOffset;
    let a = fround(low[lb]! * l0);
    a = fround(a + fround(low[lb + 1]! * l1));
    a = fround(a + fround(low[lb + 2]! * l2));
    a = fround(a + fround(low[lb + 3]! * l3));
    a = fround(a + fround(high[hb]! * h0));
    a = fround(a + fround(high[hb + 1]! * h1));
    a = fround(a + fround(high[hb + 2]! * h2));
    a = fround(a + fround(high[hb + 3]! * h3));
    dst[row + out] = a + fround(high[hb + 4]! * h4);
  }
}

function rowOutputs34(low: Float64Array, high: Float64Array, dst: Float32Array, row: number, first: number, n: number, pp: ParityPlan): void {
  const l0 = pp.lowTaps[0]!;
  const l1 = pp.lowTaps[1]!;
  const l2 = pp.lowTaps[2]!;
  const h0 = pp.highTaps[0]!;
  const h1 = pp.highTaps[1]!;
  const h2 = pp.highTaps[2]!;
  const h3 = pp.highTaps[3]!;
  for (let out = first; out < n; out += 2) {
    const lb = (out >> 1) + pp.lowOffset;
    const hb = (out >> 1) + pp.highOffset;
    let a = fround(low[lb]! * l0);
    a = fround(a + fround(low[lb + 1]! * l1));
    a = fround(a + fround(low[lb + 2]! * l2));
    a = fround(a + fround(high[hb]! * h0));
    a = fround(a + fround(high[hb + 1]! * h1));
    a = fround(a + fround(high[hb + 2]! * h2));
    dst[row + out] = a + fround(high[hb + 3]! * h3);
  }
}
