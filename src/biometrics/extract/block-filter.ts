import { gaussianBlocksWasm, upsampleWasm, type ColumnTerms } from './filters-core.ts';

/** Separable Gaussian smoothing of values on a block grid, renormalised at the grid edges. */
export function gaussianBlocks(values: Float32Array, cols: number, rows: number, sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(sigma * 2.5));
  const k = new Float32Array(2 * r + 1);
  for (let i = -r; i <= r; i++) k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma));
  // Two passes of the 1-D kernel, each renormalised at the grid edges (wasm/extract/blocks.ts).
  return gaussianBlocksWasm(values, cols, rows, k);
}

/**
 * Bilinear interpolation of a block-centred field to every pixel of a w×h raster (the fast path
 * of sampleBlocks for whole images). With `where` (one flag per block), only pixels of flagged
 * blocks are computed; the others stay 0.
 */
export function upsampleBlocks(values: Float32Array, cols: number, rows: number, size: number, w: number, h: number, where?: Uint8Array): Float32Array {
  return upsampleWasm(values, cols, rows, size, w, h, where, columnTerms(cols, size, w));
}

/** The per-column terms of a bilinear interpolation from block centres to `w` pixels or cells. */
export function columnTerms(cols: number, size: number, w: number): ColumnTerms {
  const x0s = new Int32Array(w);
  const x1s = new Int32Array(w);
  const axs = new Float32Array(w);
  const blockCol = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    let fx = (x + 0.5) / size - 0.5;
    fx = fx < 0 ? 0 : fx > cols - 1 ? cols - 1 : fx;
    const x0 = Math.floor(fx);
    x0s[x] = x0;
    x1s[x] = x0 + 1 < cols ? x0 + 1 : x0;
    axs[x] = fx - x0;
    blockCol[x] = (x / size) | 0;
  }
  return { x0s, x1s, axs, blockCol };
}

/** Bilinear sample of a block-centred field at pixel (px, py). */
export function sampleBlocks(values: Float32Array, cols: number, rows: number, size: number, px: number, py: number): number {
  let fx = (px + 0.5) / size - 0.5;
  let fy = (py + 0.5) / size - 0.5;
  fx = fx < 0 ? 0 : fx > cols - 1 ? cols - 1 : fx;
  fy = fy < 0 ? 0 : fy > rows - 1 ? rows - 1 : fy;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = x0 + 1 < cols ? x0 + 1 : x0;
  const y1 = y0 + 1 < rows ? y0 + 1 : y0;
  const ax = fx - x0;
  const ay = fy - y0;
  const top = values[y0 * cols + x0]! * (1 - ax) + values[y0 * cols + x1]! * ax;
  const bottom = values[y1 * cols + x0]! * (1 - ax) + values[y1 * cols + x1]! * ax;
  return top * (1 - ay) + bottom * ay;
}
