/**
 * Local ridge period. Per foreground block (on a lattice of every `stride` blocks), the along-ridge-smoothed image is sampled on a
 * profile across the ridges (averaged over a few pixels along them); the period is the lag of
 * the profile's first strong autocorrelation peak. Blocks without a clear period take their
 * neighbours' through a weighted Gaussian fill, so the band-pass is tuned everywhere.
 */
import { gaussianBlocks, upsampleBlocks } from './block-filter.ts';
import { periodBinCount } from './enhance.ts';
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
  const R = p.profileHalf;
  const profile = new Float64Array(2 * R + 1);
  const value = new Float32Array(n);
  const weight = new Float32Array(n);
  const minLag = Math.floor(p.minPeriod);
  const maxLag = Math.ceil(p.maxPeriod);
  const acf = new Float64Array(maxLag + 2);
  const found: number[] = [];
  let tried = 0;
  for (let b = 0; b < n; b++) {
    // The period varies slowly and is smoothed anyway: a sparser lattice of blocks is enough.
    if (!seg.blocks[b] || (b % cols) % p.stride || ((b / cols) | 0) % p.stride) continue;
    const cx = ((b % cols) + 0.5) * size;
    const cy = (((b / cols) | 0) + 0.5) * size;
    const theta = blockAngle(field, b);
    const tx = Math.cos(theta);
    const ty = Math.sin(theta);
    let inside = true;
    let mean = 0;
    for (let k = -R; k <= R && inside; k++) {
      let acc = 0;
      for (let s = -p.profileWidth; s <= p.profileWidth; s += 2) {
        const x = Math.round(cx - k * ty + s * tx);
        const y = Math.round(cy + k * tx + s * ty);
        if (x < 0 || y < 0 || x >= w || y >= h) {
          inside = false;
          break;
        }
        acc += smooth[y * w + x]!;
      }
      profile[k + R] = acc;
      mean += acc;
    }
    if (!inside) continue;
    tried++;
    mean /= profile.length;
    let energy = 0;
    for (let k = 0; k < profile.length; k++) {
      profile[k]! -= mean;
      energy += profile[k]! * profile[k]!;
    }
    if (energy <= 1e-9) continue;
    let best = -1;
    for (let lag = minLag - 1; lag <= maxLag + 1; lag++) {
      let acc = 0;
      for (let k = 0; k + lag < profile.length; k++) acc += profile[k]! * profile[k + lag]!;
      // Normalised by the overlap so long lags are not penalised.
      acf[Math.min(lag, maxLag + 1)] = (acc / energy) * (profile.length / (profile.length - lag));
      if (lag > minLag && lag <= maxLag && acf[lag - 1]! > acf[lag - 2]! && acf[lag - 1]! >= acf[lag]! && acf[lag - 1]! >= p.minPeak) {
        best = lag - 1;
        break;
      }
    }
    if (best < 0) continue;
    // Parabolic refinement of the peak.
    const a = acf[best - 1]!;
    const c = acf[best]!;
    const d = acf[best + 1]!;
    const denom = a - 2 * c + d;
    const period = best + (denom < 0 ? (0.5 * (a - d)) / denom : 0);
    value[b] = Math.min(p.maxPeriod, Math.max(p.minPeriod, period));
    weight[b] = c;
    found.push(value[b]!);
  }
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
