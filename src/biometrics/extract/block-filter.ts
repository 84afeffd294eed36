/** One pass of a 1-D kernel over `lines` lines of `len` cells (`step` apart), renormalised at the ends. */
function pass(src: Float32Array, dst: Float32Array, k: Float32Array, lines: number, len: number, lineStride: number, step: number): void {
  const r = (k.length - 1) / 2;
  for (let l = 0; l < lines; l++) {
    for (let i = 0; i < len; i++) {
      let acc = 0;
      let wsum = 0;
      for (let j = Math.max(-r, -i); j <= Math.min(r, len - 1 - i); j++) {
        acc += k[j + r]! * src[l * lineStride + (i + j) * step]!;
        wsum += k[j + r]!;
      }
      dst[l * lineStride + i * step] = acc / wsum;
    }
  }
}

/** Separable Gaussian smoothing of values on a block grid, renormalised at the grid edges. */
export function gaussianBlocks(values: Float32Array, cols: number, rows: number, sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(sigma * 2.5));
  const k = new Float32Array(2 * r + 1);
  for (let i = -r; i <= r; i++) k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma));
  const tmp = new Float32Array(values.length);
  const out = new Float32Array(values.length);
  pass(values, tmp, k, rows, cols, cols, 1);
  pass(tmp, out, k, cols, rows, 1, cols);
  return out;
}

/**
 * Bilinear interpolation of a block-centred field to every pixel of a w×h raster (the fast path
 * of sampleBlocks for whole images). With `where` (one flag per block), only pixels of flagged
 * blocks are computed; the others stay 0.
 */
export function upsampleBlocks(values: Float32Array, cols: number, rows: number, size: number, w: number, h: number, where?: Uint8Array): Float32Array {
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
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    let fy = (y + 0.5) / size - 0.5;
    fy = fy < 0 ? 0 : fy > rows - 1 ? rows - 1 : fy;
    const y0 = Math.floor(fy);
    const r0 = y0 * cols;
    const r1 = (y0 + 1 < rows ? y0 + 1 : y0) * cols;
    const ay = fy - y0;
    const o = y * w;
    const brow = ((y / size) | 0) * cols;
    for (let x = 0; x < w; x++) {
      if (where && !where[brow + blockCol[x]!]) continue;
      const ax = axs[x]!;
      const top = values[r0 + x0s[x]!]! * (1 - ax) + values[r0 + x1s[x]!]! * ax;
      const bottom = values[r1 + x0s[x]!]! * (1 - ax) + values[r1 + x1s[x]!]! * ax;
      out[o + x] = top * (1 - ay) + bottom * ay;
    }
  }
  return out;
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
