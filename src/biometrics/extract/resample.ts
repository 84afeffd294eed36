/**
 * Brings an image to the working resolution (500 ppi) so every later stage can use one set of
 * lengths. Separable resampling with a tent kernel widened by the reduction factor, so
 * downscaling averages instead of aliasing the ridge pattern.
 */
import { resampleWasm, type AxisTaps } from './filters-core.ts';
import type { Raster } from './raster.ts';

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
  const out = resampleWasm(pixels, width, height, outW, outH, tx, ty);
  return { width: outW, height: outH, data: out };
}
