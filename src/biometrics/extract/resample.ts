/**
 * Brings an image to the working resolution (500 ppi) so every later stage can use one set of
 * lengths. Separable resampling with a tent kernel widened by the reduction factor, so
 * downscaling averages instead of aliasing the ridge pattern.
 */
import type { Raster } from './raster.ts';

interface AxisTaps {
  start: Int32Array;
  count: Uint8Array;
  index: Int32Array;
  weight: Float32Array;
}

function axisTaps(srcLen: number, dstLen: number, scale: number): AxisTaps {
  const support = Math.max(1, 1 / scale);
  const maxTaps = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(dstLen);
  const count = new Uint8Array(dstLen);
  const index = new Int32Array(dstLen * maxTaps);
  const weight = new Float32Array(dstLen * maxTaps);
  for (let o = 0; o < dstLen; o++) {
    const center = (o + 0.5) / scale - 0.5;
    const lo = Math.ceil(center - support);
    const hi = Math.floor(center + support);
    let n = 0;
    let sum = 0;
    const base = o * maxTaps;
    for (let s = lo; s <= hi; s++) {
      const w = 1 - Math.abs(s - center) / support;
      if (w <= 0) continue;
      index[base + n] = Math.min(srcLen - 1, Math.max(0, s));
      weight[base + n] = w;
      sum += w;
      n++;
    }
    for (let k = 0; k < n; k++) weight[base + k]! /= sum;
    start[o] = base;
    count[o] = n;
  }
  return { start, count, index, weight };
}

/** Converts 8-bit pixels to a float raster, resampled by `scale` (output = input × scale). */
export function resample(width: number, height: number, pixels: Uint8Array, scale: number): Raster {
  if (Math.abs(scale - 1) < 0.005) {
    return { width, height, data: new Float32Array(pixels) };
  }
  const outW = Math.max(1, Math.round(width * scale));
  const outH = Math.max(1, Math.round(height * scale));
  const tx = axisTaps(width, outW, outW / width);
  const ty = axisTaps(height, outH, outH / height);
  const rows = new Float32Array(outW * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < outW; x++) {
      const s = tx.start[x]!;
      let acc = 0;
      for (let k = 0; k < tx.count[x]!; k++) acc += tx.weight[s + k]! * pixels[row + tx.index[s + k]!]!;
      rows[y * outW + x] = acc;
    }
  }
  const out = new Float32Array(outW * outH);
  for (let y = 0; y < outH; y++) {
    const s = ty.start[y]!;
    const n = ty.count[y]!;
    for (let x = 0; x < outW; x++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += ty.weight[s + k]! * rows[ty.index[s + k]! * outW + x]!;
      out[y * outW + x] = acc;
    }
  }
  return { width: outW, height: outH, data: out };
}
