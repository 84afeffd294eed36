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
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(rows - 1, Math.max(0, (y + 0.5) / size - 0.5));
    const y0 = Math.floor(fy);
    const r0 = y0 * cols;
    const r1 = Math.min(rows - 1, y0 + 1) * cols;
    const ay = fy - y0;
    const brow = ((y / size) | 0) * cols;
    for (let bx = 0; bx < cols; bx++) {
      if (!where[brow + bx]) continue;
      for (let x = bx * size, end = Math.min(w, x + size), i = y * w + x; x < end; x++, i++) {
        const ax = axs[x]!;
        const a = x0s[x]!;
        const b = x1s[x]!;
        const m = (mean[r0 + a]! * (1 - ax) + mean[r0 + b]! * ax) * (1 - ay) + (mean[r1 + a]! * (1 - ax) + mean[r1 + b]! * ax) * ay;
        const s = (std[r0 + a]! * (1 - ax) + std[r0 + b]! * ax) * (1 - ay) + (std[r1 + a]! * (1 - ax) + std[r1 + b]! * ax) * ay;
        out[i] = (m - data[i]!) / (s + 1);
      }
    }
  }
  return out;
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
  const margin = p.alongHalf + 1;
  const smooth = new Float32Array(w * h);
  // The two pixels of a 2×2 lattice cell share its bin, and blocks (8 px) hold whole cells, so
  // pixels go in pairs: each kernel tap is read once for both.
  for (let y = margin; y < h - margin; y++) {
    const brow = ((y / size) | 0) * cols;
    const brow2 = (y >> 1) * stride;
    for (let bx = 0; bx < cols; bx++) {
      if (!near[brow + bx]) continue;
      const x0 = Math.max(margin, bx * size);
      const x1 = Math.min(w - margin, (bx + 1) * size);
      for (let x = x0; x < x1; x += 2) {
        const i = y * w + x;
        const base = bins[brow2 + (x >> 1)]! * aTaps;
        if (x & 1 || x + 1 === x1) {
          // A lone pixel at the margin.
          let acc = 0;
          for (let k = 0; k < aTaps; k++) acc += aW[base + k]! * norm[i + aOff[base + k]!]!;
          smooth[i] = acc;
          x--;
          continue;
        }
        let acc0 = 0;
        let acc1 = 0;
        for (let k = 0; k < aTaps; k++) {
          const wk = aW[base + k]!;
          const j = i + aOff[base + k]!;
          acc0 += wk * norm[j]!;
          acc1 += wk * norm[j + 1]!;
        }
        smooth[i] = acc0;
        smooth[i + 1] = acc1;
      }
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
  const mask = seg.mask;
  // Mask pixels lie inside the segmentation frame, itself wider than the filters' reach. Pixels
  // go in pairs sharing a lattice cell, hence a kernel (see smoothAlongRidges).
  const f = extractParams.segmentation.frame;
  for (let y = f; y < h - f; y++) {
    const brow2 = (y >> 1) * stride;
    for (let x = f & ~1; x < w - f; x += 2) {
      const i = y * w + x;
      const m0 = mask[i]!;
      const m1 = mask[i + 1]!;
      if (!(m0 | m1)) continue;
      const cell = brow2 + (x >> 1);
      const base = (periods[cell]! * nb + bins[cell]!) * taps;
      let acc0 = 0;
      let acc1 = 0;
      for (let k = 0; k < taps; k++) {
        const wk = weights[base + k]!;
        const j = i + offsets[base + k]!;
        acc0 += wk * smooth[j]!;
        acc1 += wk * smooth[j + 1]!;
      }
      if (m0) out[i] = acc0;
      if (m1) out[i + 1] = acc1;
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
