/**
 * Ridge orientation field from image gradients. Per block, the gradient structure tensor is
 * summed; its doubled-angle vector is smoothed with a Gaussian over blocks (so opposite gradient
 * signs on the two sides of a ridge reinforce instead of cancelling), which gives the ridge
 * orientation and its coherence (1 = perfectly parallel ridges, 0 = no dominant direction).
 */
import { gaussianBlocks } from './block-filter.ts';
import { gradientTensorWasm } from './filters-core.ts';
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
  // Sobel gradients per pixel, summed per block (wasm/extract/filters.ts).
  const { gxx, gxy, energy } = gradientTensorWasm(data, w, h, cols, rows, size);
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
