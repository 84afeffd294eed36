/**
 * Inverse wavelet transform: the split steps run backwards, each a column pass into a scratch
 * plane and a row pass back. Float32Array stores round every sum to single precision; products
 * are rounded explicitly before they are added (the reference's float arithmetic).
 */
import type { Decomposition } from './subbands.ts';
import { synthesisPlan, type SynthesisPlan } from './synthesis-plan.ts';
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
    if (rect.w === 0 || rect.h === 0) continue;
    columns(image, scratch, width, rect.x, rect.y, rect.w, rect.h, plan(rect.h, invY));
    rows(scratch, image, width, rect.x, rect.y, rect.w, rect.h, plan(rect.w, invX));
  }
}

/** Vertical pass, a whole output row at a time so memory is read in order. */
function columns(src: Float32Array, dst: Float32Array, width: number, x0: number, y0: number, w: number, h: number, p: SynthesisPlan): void {
  const { termStart, source, tap } = p;
  for (let n = 0; n < h; n++) {
    const out = (y0 + n) * width + x0;
    let t = termStart[n]!;
    const end = termStart[n + 1]!;
    let from = (y0 + source[t]!) * width + x0;
    let c = tap[t]!;
    for (let x = 0; x < w; x++) dst[out + x] = src[from + x]! * c;
    for (t++; t < end; t++) {
      from = (y0 + source[t]!) * width + x0;
      c = tap[t]!;
      for (let x = 0; x < w; x++) dst[out + x] += fround(src[from + x]! * c);
    }
  }
}

function rows(src: Float32Array, dst: Float32Array, width: number, x0: number, y0: number, w: number, h: number, p: SynthesisPlan): void {
  const { termStart, source, tap } = p;
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * width + x0;
    for (let n = 0; n < w; n++) {
      let t = termStart[n]!;
      const end = termStart[n + 1]!;
      let acc = fround(src[row + source[t]!]! * tap[t]!);
      for (t++; t < end; t++) acc = fround(acc + fround(src[row + source[t]!]! * tap[t]!));
      dst[row + n] = acc;
    }
  }
}
