/**
 * Contextual enhancement. The image is normalised to zero local mean and unit local contrast
 * (ridges positive), then filtered with two oriented 1-D kernels chosen per pixel by the ridge
 * orientation: a Gaussian along the ridge (bridges pores and breaks, averages noise) and a Gabor
 * band-pass across it, tuned to the local ridge period (keeps the ridges, removes the local
 * mean). Two short 1-D passes cost a fraction of a 2-D Gabor bank and give the same ridge/valley
 * sign for binarisation.
 */
import { upsampleBlocks } from './block-filter.ts';
import type { OrientationField } from './orientation.ts';
import { extractParams } from './params.ts';
import type { Raster } from './raster.ts';
import type { BlockStats, Segmentation } from './segment.ts';

interface OrientedKernels {
  /** Per orientation bin: `taps` pixel offsets and weights. */
  offsets: Int32Array;
  weights: Float32Array;
  taps: number;
}

/** Oriented 1-D kernels sampled every `step` pixels over [-half, half]. */
function kernels(width: number, bins: number, half: number, across: boolean, profile: (t: number) => number, step = 1): OrientedKernels {
  const ts: number[] = [];
  for (let t = -half; t <= half; t += step) ts.push(t);
  const taps = ts.length;
  const offsets = new Int32Array(bins * taps);
  const weights = new Float32Array(bins * taps);
  for (let b = 0; b < bins; b++) {
    const theta = (b * Math.PI) / bins + (across ? Math.PI / 2 : 0);
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    let mean = 0;
    for (const t of ts) mean += profile(t);
    mean = across ? mean / taps : 0;
    let norm = 0;
    for (let j = 0; j < taps; j++) {
      const t = ts[j]!;
      const k = b * taps + j;
      offsets[k] = Math.round(t * s) * width + Math.round(t * c);
      weights[k] = profile(t) - mean;
      norm += Math.abs(weights[k]!);
    }
    for (let t = 0; t < taps; t++) weights[b * taps + t]! /= norm;
  }
  return { offsets, weights, taps };
}

/** Orientation bins on a 2-pixel lattice (finer than any change of ridge direction). */
export interface BinMap {
  readonly bins: Uint8Array;
  /** Lattice width: the bin of pixel (x, y) is bins[(y >> 1) * stride + (x >> 1)]. */
  readonly stride: number;
}

export function orientationBins(field: OrientationField, width: number, height: number, bins: number): BinMap {
  const { cols, rows, size } = field.grid;
  const hw = Math.ceil(width / 2);
  const hh = Math.ceil(height / 2);
  const vx = upsampleBlocks(field.ox, cols, rows, size / 2, hw, hh);
  const vy = upsampleBlocks(field.oy, cols, rows, size / 2, hw, hh);
  const out = new Uint8Array(hw * hh);
  const k = bins / Math.PI;
  for (let i = 0; i < out.length; i++) {
    let a = 0.5 * Math.atan2(vy[i]!, vx[i]!);
    if (a < 0) a += Math.PI;
    out[i] = Math.round(a * k) % bins;
  }
  return { bins: out, stride: hw };
}

/** (local mean − pixel) / local contrast, block statistics interpolated bilinearly in one pass. */
export function normalize(img: Raster, stats: BlockStats, cols: number, rows: number, size: number): Float32Array {
  const { width: w, height: h, data } = img;
  const { mean, std } = stats;
  const x0s = new Int32Array(w);
  const x1s = new Int32Array(w);
  const axs = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const fx = Math.min(cols - 1, Math.max(0, (x + 0.5) / size - 0.5));
    x0s[x] = Math.floor(fx);
    x1s[x] = Math.min(cols - 1, x0s[x]! + 1);
    axs[x] = fx - x0s[x]!;
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(rows - 1, Math.max(0, (y + 0.5) / size - 0.5));
    const y0 = Math.floor(fy);
    const r0 = y0 * cols;
    const r1 = Math.min(rows - 1, y0 + 1) * cols;
    const ay = fy - y0;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const ax = axs[x]!;
      const a = x0s[x]!;
      const b = x1s[x]!;
      const m = (mean[r0 + a]! * (1 - ax) + mean[r0 + b]! * ax) * (1 - ay) + (mean[r1 + a]! * (1 - ax) + mean[r1 + b]! * ax) * ay;
      const s = (std[r0 + a]! * (1 - ax) + std[r0 + b]! * ax) * (1 - ay) + (std[r1 + a]! * (1 - ax) + std[r1 + b]! * ax) * ay;
      out[i] = (m - data[i]!) / (s + 1);
    }
  }
  return out;
}

/** Normalised image smoothed along the ridges (input of period estimation and the band-pass). */
export function smoothAlongRidges(img: Raster, stats: BlockStats, field: OrientationField, seg: Segmentation, binMap: BinMap): Float32Array {
  const p = extractParams.enhance;
  const { width: w, height: h } = img;
  const { cols, rows, size } = field.grid;
  const norm = normalize(img, stats, cols, rows, size);
  const along = kernels(w, p.bins, p.alongHalf, false, (t) => Math.exp((-t * t) / (2 * p.alongSigma * p.alongSigma)), p.alongStep);
  // Wherever the across pass may read: foreground blocks and their neighbours.
  const near = new Uint8Array(cols * rows);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      if (!seg.blocks[by * cols + bx]) continue;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = by + dy;
          const xx = bx + dx;
          if (yy >= 0 && yy < rows && xx >= 0 && xx < cols) near[yy * cols + xx] = 1;
        }
      }
    }
  }
  const { bins, stride } = binMap;
  const { weights: aW, offsets: aOff, taps: aTaps } = along;
  const margin = p.alongHalf + 1;
  const blockCol = Int32Array.from({ length: w }, (_, x) => (x / size) | 0);
  const smooth = new Float32Array(w * h);
  for (let y = margin; y < h - margin; y++) {
    const brow = ((y / size) | 0) * cols;
    const brow2 = (y >> 1) * stride;
    for (let x = margin; x < w - margin; x++) {
      if (!near[brow + blockCol[x]!]) continue;
      const i = y * w + x;
      const base = bins[brow2 + (x >> 1)]! * aTaps;
      let acc = 0;
      for (let k = 0; k < aTaps; k++) acc += aW[base + k]! * norm[i + aOff[base + k]!]!;
      smooth[i] = acc;
    }
  }
  return smooth;
}

/**
 * Band-pass across the ridges, tuned per pixel to the local ridge period (`periods`, on the
 * same 2-pixel lattice as the orientation bins). Positive on ridges, negative in valleys, 0
 * outside the foreground.
 */
export function bandpassAcrossRidges(smooth: Float32Array, w: number, h: number, seg: Segmentation, binMap: BinMap, periods: Uint8Array): Float32Array {
  const p = extractParams.enhance;
  const { bins, stride } = binMap;
  const nb = p.bins;
  const half = p.acrossHalf;
  const taps = 2 * half + 1;
  const { offsets, weights } = bandpassKernels(w);
  const out = new Float32Array(w * h);
  const m = half + p.alongHalf + 2;
  const mask = seg.mask;
  for (let y = m; y < h - m; y++) {
    const brow2 = (y >> 1) * stride;
    for (let x = m; x < w - m; x++) {
      const i = y * w + x;
      if (!mask[i]) continue;
      const cell = brow2 + (x >> 1);
      const base = (periods[cell]! * nb + bins[cell]!) * taps;
      let acc = 0;
      for (let k = 0; k < taps; k++) acc += weights[base + k]! * smooth[i + offsets[base + k]!]!;
      out[i] = acc;
    }
  }
  return out;
}

let kernelCache: { width: number; offsets: Int32Array; weights: Float32Array } | undefined;

/** The Gabor kernels of every (period bin, orientation bin), for images `width` pixels wide (cached). */
function bandpassKernels(width: number): { offsets: Int32Array; weights: Float32Array } {
  if (kernelCache?.width === width) return kernelCache;
  const p = extractParams.enhance;
  const nb = p.bins;
  const taps = 2 * p.acrossHalf + 1;
  const nPeriods = periodBinCount();
  const offsets = new Int32Array(nPeriods * nb * taps);
  const weights = new Float32Array(nPeriods * nb * taps);
  for (let pb = 0; pb < nPeriods; pb++) {
    const period = periodOfBin(pb);
    const sigma = p.acrossSigmaPerPeriod * period;
    const k = kernels(width, nb, p.acrossHalf, true, (t) => Math.exp((-t * t) / (2 * sigma * sigma)) * Math.cos((2 * Math.PI * t) / period));
    offsets.set(k.offsets, pb * nb * taps);
    weights.set(k.weights, pb * nb * taps);
  }
  kernelCache = { width, offsets, weights };
  return kernelCache;
}

/** Ridge periods are quantised in half pixels from the smallest plausible period. */
export function periodBinCount(): number {
  const { minPeriod, maxPeriod } = extractParams.frequency;
  return Math.round((maxPeriod - minPeriod) * 2) + 1;
}

export function periodOfBin(b: number): number {
  return extractParams.frequency.minPeriod + b / 2;
}
