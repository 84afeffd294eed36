/**
 * Local ridge period. Per foreground block (on a lattice of every `stride` blocks), the along-ridge-smoothed image is sampled on a
 * profile across the ridges (averaged over a few pixels along them); the period is the lag of
 * the profile's first strong autocorrelation peak. Blocks without a clear period take their
 * neighbours' through a weighted Gaussian fill, so the band-pass is tuned everywhere.
 */
import { gaussianBlocks, upsampleBlocks } from './block-filter.ts';
import { periodBinCount } from './enhance.ts';
import { periodsWasm } from './filters-core.ts';
import { blockAngle, type OrientationField } from './orientation.ts';
import { extractParams } from './params.ts';
import type { Segmentation } from './segment.ts';

export interface RidgePeriods {
  /** Ridge period per block, pixels at 500 ppi (filled in where not measured). */
  readonly periods: Float32Array;
  /**
   * Share of the measured foreground blocks that show a clear ridge period in the plausible range:
   * near 1 for a fingerprint, low for other line patterns (text, grids, smooth gradients).
   */
  readonly ridgeShare: number;
}

export function blockPeriods(smooth: Float32Array, w: number, h: number, field: OrientationField, seg: Segmentation): RidgePeriods {
  const p = extractParams.frequency;
  const { cols, rows, size } = field.grid;
  const n = cols * rows;
  // The period varies slowly and is smoothed anyway: a sparser lattice of blocks is enough.
  const flagged = new Uint8Array(n);
  const tx = new Float64Array(n);
  const ty = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    if (!seg.blocks[b] || (b % cols) % p.stride || ((b / cols) | 0) % p.stride) continue;
    const theta = blockAngle(field, b);
    flagged[b] = 1;
    tx[b] = Math.cos(theta);
    ty[b] = Math.sin(theta);
  }
  const { value, weight, tried } = periodsWasm(smooth, w, h, cols, size, flagged, tx, ty, {
    profileHalf: p.profileHalf,
    profileWidth: p.profileWidth,
    minLag: Math.floor(p.minPeriod),
    maxLag: Math.ceil(p.maxPeriod),
    minPeak: p.minPeak,
    minPeriod: p.minPeriod,
    maxPeriod: p.maxPeriod,
  });
  const found: number[] = [];
  for (let b = 0; b < n; b++) if (value[b]! > 0) found.push(value[b]!);
  const fallback = found.length ? found.sort((x, y) => x - y)[found.length >> 1]! : p.fallback;
  const num = gaussianBlocks(value.map((v, b) => v * weight[b]!), cols, rows, p.sigma);
  const den = gaussianBlocks(weight, cols, rows, p.sigma);
  const out = new Float32Array(n);
  for (let b = 0; b < n; b++) out[b] = den[b]! > 0.05 ? num[b]! / den[b]! : fallback;
  return { periods: out, ridgeShare: tried ? found.length / tried : 0 };
}

/** Period bins on the 2-pixel lattice of the orientation bins, wherever enhancement works (`seg.near`). */
export function periodBins(periods: Float32Array, field: OrientationField, seg: Segmentation, width: number, height: number): Uint8Array {
  const { cols, rows, size } = field.grid;
  const hw = Math.ceil(width / 2);
  const hh = Math.ceil(height / 2);
  const up = upsampleBlocks(periods, cols, rows, size / 2, hw, hh, seg.near);
  const last = periodBinCount() - 1;
  const min = extractParams.frequency.minPeriod;
  const out = new Uint8Array(hw * hh);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(last, Math.round((up[i]! - min) * 2)));
  return out;
}
