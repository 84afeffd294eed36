/**
 * Foreground segmentation: which blocks hold fingerprint ridges. A block is foreground when it
 * has contrast (relative to the image's best blocks, and in absolute gray levels) and coherent
 * orientation; the block mask is then cleaned by majority vote, hole filling and dropping small
 * components, and turned into a smooth pixel mask.
 */
import { extractParams } from './params.ts';
import type { OrientationField } from './orientation.ts';
import type { BlockGrid, Raster } from './raster.ts';
import { columnTerms, gaussianBlocks } from './block-filter.ts';
import { pixelMaskWasm } from './filters-core.ts';

export interface BlockStats {
  readonly mean: Float32Array;
  readonly std: Float32Array;
}

export interface Segmentation {
  /** 1 = foreground block. */
  readonly blocks: Uint8Array;
  /** 1 = foreground pixel. */
  readonly mask: Uint8Array;
  /** 1 = foreground block or one of its 8 neighbours: where enhancement works (every mask pixel is in one). */
  readonly near: Uint8Array;
  /** Share of the image that is foreground, 0..1. */
  readonly foregroundShare: number;
}

export function blockStats(img: Raster, grid: BlockGrid): BlockStats {
  const { width: w, height: h, data } = img;
  const { size, cols, rows } = grid;
  const mean = new Float32Array(cols * rows);
  const std = new Float32Array(cols * rows);
  for (let by = 0; by < rows; by++) {
    const y1 = Math.min(h, (by + 1) * size);
    for (let bx = 0; bx < cols; bx++) {
      const x0 = bx * size;
      const x1 = Math.min(w, x0 + size);
      let sum = 0;
      let sq = 0;
      for (let y = by * size; y < y1; y++) {
        for (let i = y * w + x0, end = y * w + x1; i < end; i++) {
          const v = data[i]!;
          sum += v;
          sq += v * v;
        }
      }
      const n = (y1 - by * size) * (x1 - x0);
      const m = sum / n;
      mean[by * cols + bx] = m;
      std[by * cols + bx] = Math.sqrt(Math.max(0, sq / n - m * m));
    }
  }
  return { mean: gaussianBlocks(mean, cols, rows, 1), std: gaussianBlocks(std, cols, rows, 1) };
}

function quantile(values: Float32Array, q: number): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function majorityVote(mask: Uint8Array, cols: number, rows: number, r: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let on = 0;
      let all = 0;
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= rows) continue;
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= cols) continue;
          on += mask[yy * cols + xx]!;
          all++;
        }
      }
      out[y * cols + x] = 2 * on > all ? 1 : 0;
    }
  }
  return out;
}

/** Labels 4-connected components of cells equal to `value`; returns labels (0 = other) and sizes. */
function components(mask: Uint8Array, cols: number, rows: number, value: number) {
  const label = new Int32Array(mask.length);
  const sizes: number[] = [0];
  const touchesEdge: boolean[] = [false];
  const stack = new Int32Array(mask.length);
  for (let s = 0; s < mask.length; s++) {
    if (mask[s] !== value || label[s] !== 0) continue;
    const id = sizes.length;
    let top = 0;
    let size = 0;
    let edge = false;
    stack[top++] = s;
    label[s] = id;
    while (top > 0) {
      const c = stack[--top]!;
      size++;
      const x = c % cols;
      const y = (c / cols) | 0;
      if (x === 0 || y === 0 || x === cols - 1 || y === rows - 1) edge = true;
      for (let k = 0; k < 4; k++) {
        const nb = k === 0 ? (x > 0 ? c - 1 : -1) : k === 1 ? (x < cols - 1 ? c + 1 : -1) : k === 2 ? (y > 0 ? c - cols : -1) : y < rows - 1 ? c + cols : -1;
        if (nb >= 0 && mask[nb] === value && label[nb] === 0) {
          label[nb] = id;
          stack[top++] = nb;
        }
      }
    }
    sizes.push(size);
    touchesEdge.push(edge);
  }
  return { label, sizes, touchesEdge };
}

export function segment(img: Raster, grid: BlockGrid, stats: BlockStats, field: OrientationField): Segmentation {
  const p = extractParams.segmentation;
  const { cols, rows, size } = grid;
  const n = cols * rows;
  const threshold = Math.max(p.minContrast, p.relativeContrast * quantile(stats.std, 0.95));
  let blocks: Uint8Array = new Uint8Array(n);
  for (let b = 0; b < n; b++) {
    blocks[b] = stats.std[b]! >= threshold && field.coherence[b]! >= p.minCoherence ? 1 : 0;
  }
  blocks = majorityVote(blocks, cols, rows, p.voteRadius);
  // Fill background holes enclosed by the finger.
  const bg = components(blocks, cols, rows, 0);
  for (let b = 0; b < n; b++) if (bg.label[b] && !bg.touchesEdge[bg.label[b]!]) blocks[b] = 1;
  // Keep the finger: the largest component and any comparable ones.
  const fg = components(blocks, cols, rows, 1);
  const largest = Math.max(0, ...fg.sizes);
  for (let b = 0; b < n; b++) {
    if (blocks[b] && fg.sizes[fg.label[b]!]! < p.minComponentShare * largest) blocks[b] = 0;
  }
  const { width: w, height: h } = img;
  const { mask, count } = pixelMask(blocks, cols, rows, size, w, h, extractParams.segmentation.frame);
  return { blocks, mask, near: dilateBlocks(blocks, cols, rows), foregroundShare: count / (w * h) };
}

/** Flagged blocks and their 8 neighbours. */
export function dilateBlocks(blocks: Uint8Array, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array(cols * rows);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      if (!blocks[by * cols + bx]) continue;
      for (let yy = Math.max(0, by - 1); yy <= Math.min(rows - 1, by + 1); yy++) {
        for (let xx = Math.max(0, bx - 1); xx <= Math.min(cols - 1, bx + 1); xx++) out[yy * cols + xx] = 1;
      }
    }
  }
  return out;
}

/**
 * Pixel mask: the block mask interpolated bilinearly (as upsampleBlocks) and cut at 0.5. Only
 * pixels between blocks that disagree need the interpolation; elsewhere the four corners give the
 * answer. A frame along the image edge stays background: the oriented filters need that margin,
 * and neighbourhood loops downstream then need no bounds checks.
 */
function pixelMask(blocks: Uint8Array, cols: number, rows: number, size: number, w: number, h: number, frame: number) {
  return pixelMaskWasm(blocks, cols, rows, size, w, h, frame, columnTerms(cols, size, w));
}

/** Whether a background pixel (or the image edge) lies within `r` pixels of (x, y). */
export function nearBackground(seg: Segmentation, w: number, h: number, x: number, y: number, r: number): boolean {
  const cx = Math.round(x);
  const cy = Math.round(y);
  for (let dy = -r; dy <= r; dy++) {
    const yy = cy + dy;
    const span = Math.floor(Math.sqrt(r * r - dy * dy));
    if (yy < 0 || yy >= h || cx - span < 0 || cx + span >= w) return true;
    const row = yy * w;
    for (let xx = cx - span; xx <= cx + span; xx++) if (!seg.mask[row + xx]) return true;
  }
  return false;
}
