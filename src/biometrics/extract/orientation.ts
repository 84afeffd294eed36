/**
 * Ridge orientation field from image gradients. Per block, the gradient structure tensor is
 * summed; its doubled-angle vector is smoothed with a Gaussian over blocks (so opposite gradient
 * signs on the two sides of a ridge reinforce instead of cancelling), which gives the ridge
 * orientation and its coherence (1 = perfectly parallel ridges, 0 = no dominant direction).
 */
import { gaussianBlocks } from './block-filter.ts';
import type { BlockGrid, Raster } from './raster.ts';

export interface OrientationField {
  readonly grid: BlockGrid;
  /** Doubled-angle ridge orientation vector per block (not normalised; length = strength). */
  readonly ox: Float32Array;
  readonly oy: Float32Array;
  /** Coherence per block, 0..1. */
  readonly coherence: Float32Array;
}

/** Ridge orientation in [0, π) (image coordinates, y down) of one block. */
export function blockAngle(field: OrientationField, b: number): number {
  const a = 0.5 * Math.atan2(field.oy[b]!, field.ox[b]!);
  return a < 0 ? a + Math.PI : a;
}

export function orientationField(img: Raster, grid: BlockGrid, sigma: number): OrientationField {
  const { width: w, height: h, data } = img;
  const { size, cols, rows } = grid;
  const n = cols * rows;
  const gxx = new Float32Array(n);
  const gxy = new Float32Array(n);
  const energy = new Float32Array(n);
  for (let by = 0; by < rows; by++) {
    const y0 = Math.max(1, by * size);
    const y1 = Math.min(h - 1, (by + 1) * size);
    for (let bx = 0; bx < cols; bx++) {
      const x0 = Math.max(1, bx * size);
      const x1 = Math.min(w - 1, (bx + 1) * size);
      let sxx = 0;
      let sxy = 0;
      let see = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * w + x0, end = y * w + x1; i < end; i++) {
          const a = data[i - w - 1]!;
          const b = data[i - w]!;
          const c = data[i - w + 1]!;
          const d = data[i - 1]!;
          const f = data[i + 1]!;
          const g = data[i + w - 1]!;
          const hh = data[i + w]!;
          const k = data[i + w + 1]!;
          const dx = c + 2 * f + k - a - 2 * d - g;
          const dy = g + 2 * hh + k - a - 2 * b - c;
          sxx += dx * dx - dy * dy;
          sxy += 2 * dx * dy;
          see += dx * dx + dy * dy;
        }
      }
      const blk = by * cols + bx;
      gxx[blk] = sxx;
      gxy[blk] = sxy;
      energy[blk] = see;
    }
  }
  // The ridge direction is perpendicular to the gradient: negate the doubled-angle vector.
  for (let i = 0; i < n; i++) {
    gxx[i] = -gxx[i]!;
    gxy[i] = -gxy[i]!;
  }
  const ox = gaussianBlocks(gxx, cols, rows, sigma);
  const oy = gaussianBlocks(gxy, cols, rows, sigma);
  const en = gaussianBlocks(energy, cols, rows, sigma);
  const coherence = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    coherence[i] = en[i]! > 1e-6 ? Math.hypot(ox[i]!, oy[i]!) / en[i]! : 0;
  }
  return { grid, ox, oy, coherence };
}
