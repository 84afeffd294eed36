/**
 * Contextual enhancement. The image is normalised to zero local mean and unit local contrast
 * (ridges positive), then filtered with two oriented 1-D kernels chosen per pixel by the ridge
 * orientation: a Gaussian along the ridge (bridges pores and breaks, averages noise) and a Gabor
 * band-pass across it, tuned to the local ridge period (keeps the ridges, removes the local
 * mean). Two short 1-D passes cost a fraction of a 2-D Gabor bank and give the same ridge/valley
 * sign for binarisation.
 */
import { upsampleBlocks } from './block-filter.ts';
import { bandpassWasm, normalizeWasm, smoothAlongWasm } from './filters-core.ts';
import type { OrientationField } from './orientation.ts';
import { extractParams } from './params.ts';
import type { Raster } from './raster.ts';
import { dilateBlocks, type BlockStats, type Segmentation } from './segment.ts';

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

/** Orientation bins wherever enhancement works (`seg.near`); 0 elsewhere. */
export function orientationBins(field: OrientationField, seg: Segmentation, width: number, height: number, bins: number): BinMap {
  const { cols, rows, size } = field.grid;
  const hw = Math.ceil(width / 2);
  const hh = Math.ceil(height / 2);
  const vx = upsampleBlocks(field.ox, cols, rows, size / 2, hw, hh, seg.near);
  const vy = upsampleBlocks(field.oy, cols, rows, size / 2, hw, hh, seg.near);
  const out = new Uint8Array(hw * hh);
  const k = bins / Math.PI;
  for (let i = 0; i < out.length; i++) {
    if (vx[i] === 0 && vy[i] === 0) continue;
    let a = 0.5 * Math.atan2(vy[i]!, vx[i]!);
    if (a < 0) a += Math.PI;
    out[i] = Math.round(a * k) % bins;
  }
  return { bins: out, stride: hw };
}

/**
 * (local mean − pixel) / local contrast, block statistics interpolated bilinearly in one pass;
 * only in the blocks flagged in `where` (0 elsewhere).
 */
export function normalize(img: Raster, stats: BlockStats, cols: number, rows: number, size: number, where: Uint8Array): Float32Array {
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
  return normalizeWasm(data, w, h, mean, std, cols, rows, size, where, x0s, x1s, axs);
}

/** Normalised image smoothed along the ridges (input of period estimation and the band-pass). */
export function smoothAlongRidges(img: Raster, stats: BlockStats, field: OrientationField, seg: Segmentation, binMap: BinMap): Float32Array {
  const p = extractParams.enhance;
  const { width: w, height: h } = img;
  const { cols, rows, size } = field.grid;
  const near = seg.near;
  // The along-ridge kernel reaches up to `alongHalf` (one block) from a near block.
  const norm = normalize(img, stats, cols, rows, size, dilateBlocks(near, cols, rows));
  const along = kernels(w, p.bins, p.alongHalf, false, (t) => Math.exp((-t * t) / (2 * p.alongSigma * p.alongSigma)), p.alongStep);
  const { bins, stride } = binMap;
  const { weights: aW, offsets: aOff, taps: aTaps } = along;
  // The two pixels of a 2×2 lattice cell share its bin, and blocks (8 px) hold whole cells, so
  // pixels go in pairs: each kernel tap is read once for both (filters-core.ts).
  return smoothAlongWasm(norm, w, h, p.alongHalf + 1, cols, size, near, bins, stride, aW, aOff, aTaps);
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
  // Mask pixels lie inside the segmentation frame, itself wider than the filters' reach. Pixels
  // go in pairs sharing a lattice cell, hence a kernel (see smoothAlongRidges).
  return bandpassWasm(smooth, w, h, extractParams.segmentation.frame, seg.mask, bins, periods, stride, nb, taps, weights, offsets);
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
