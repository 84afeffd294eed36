/**
 * The extractor's WebAssembly pixel loops (sources: wasm/extract/filters.ts, binary.ts and
 * blocks.ts, AssemblyScript; bytes: filters-wasm.gen.ts, rebuilt by scripts/build-wasm.ts), one
 * instance per thread. Each call copies its inputs into the instance's memory, runs, and copies
 * its outputs out, so callers see plain typed arrays; the copies cost little next to the loops.
 */
import { FILTERS_WASM_BASE64 } from './filters-wasm.gen.ts';

interface Exports {
  readonly memory: WebAssembly.Memory;
  normalize(data: number, out: number, w: number, h: number, mean: number, std: number, cols: number, rows: number, size: number, where: number, x0s: number, x1s: number, axs: number): void;
  smoothAlong(norm: number, out: number, w: number, h: number, margin: number, cols: number, size: number, near: number, bins: number, stride: number, kw: number, koff: number, taps: number): void;
  bandpass(smooth: number, out: number, w: number, h: number, f: number, mask: number, bins: number, periods: number, stride: number, nb: number, taps: number, kw: number, koff: number): void;
  periods(
    smooth: number, w: number, h: number, cols: number, n: number, size: number, flagged: number, tx: number, ty: number,
    R: number, width: number, minLag: number, maxLag: number, minPeak: number, minPeriod: number, maxPeriod: number,
    value: number, weight: number, profile: number, acf: number,
  ): number;
  binarize(enhanced: number, mask: number, w: number, h: number, frame: number, minArea: number, cell: number, state: number, queue: number, offsets: number): void;
  thin(bin: number, n: number, w: number, tables: number, list: number, marked: number, dirty: number): void;
  nodeCandidates(skel: number, w: number, h: number, out: number): number;
  kernelPass(src: number, dst: number, k: number, r: number, lines: number, len: number, lineStride: number, step: number): void;
  upsample(
    values: number, cols: number, rows: number, size: number, w: number, h: number, useWhere: boolean, where: number,
    x0s: number, x1s: number, axs: number, blockCol: number, out: number,
  ): void;
  pixelMask(blocks: number, cols: number, rows: number, size: number, w: number, h: number, frame: number, x0s: number, x1s: number, axs: number, mask: number): number;
  gradientTensor(data: number, w: number, h: number, cols: number, rows: number, size: number, gxx: number, gxy: number, energy: number): void;
  resample(
    pixels: number, width: number, height: number, outW: number, outH: number, rows: number, out: number,
    xStart: number, xCount: number, xIndex: number, xWeight: number, yStart: number, yCount: number, yIndex: number, yWeight: number,
  ): void;
}

const module = new WebAssembly.Module(Buffer.from(FILTERS_WASM_BASE64, 'base64'));
let instance: Exports | undefined;

/** Places arrays in the instance's memory for one call (everything is placed again by the next). */
class Arena {
  private top = 0;

  constructor(readonly x: Exports) {}

  alloc(bytes: number): number {
    const at = (this.top + 7) & ~7;
    this.top = at + bytes;
    const memory = this.x.memory;
    if (this.top > memory.buffer.byteLength) memory.grow(Math.ceil((this.top - memory.buffer.byteLength) / 65536));
    return at;
  }

  put(a: ArrayBufferView): number {
    const at = this.alloc(a.byteLength);
    new Uint8Array(this.x.memory.buffer, at, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return at;
  }

  zeros(bytes: number): number {
    const at = this.alloc(bytes);
    new Uint8Array(this.x.memory.buffer, at, bytes).fill(0);
    return at;
  }

  /** A copy of n floats at `at`. */
  f32(at: number, n: number): Float32Array {
    return new Float32Array(this.x.memory.buffer.slice(at, at + 4 * n));
  }

  /** A view of n bytes at `at` (valid until the memory grows or the next call). */
  u8(at: number, n: number): Uint8Array {
    return new Uint8Array(this.x.memory.buffer, at, n);
  }
}

/** Memory kept between calls; an instance grown past it (a very large image) is replaced at the next call. */
const KEEP_BYTES = 64 << 20;

function arena(): Arena {
  // Wasm memory never shrinks: a fresh instance lets the garbage collector take the old one.
  if (instance && instance.memory.buffer.byteLength > KEEP_BYTES) instance = undefined;
  return new Arena((instance ??= new WebAssembly.Instance(module, {}).exports as unknown as Exports));
}

/** See enhance.ts `normalize`: 0 outside the flagged blocks. */
export function normalizeWasm(
  data: Float32Array, w: number, h: number, mean: Float32Array, std: Float32Array, cols: number, rows: number, size: number,
  where: Uint8Array, x0s: Int32Array, x1s: Int32Array, axs: Float32Array,
): Float32Array {
  const a = arena();
  const pData = a.put(data);
  const pOut = a.zeros(4 * w * h);
  a.x.normalize(pData, pOut, w, h, a.put(mean), a.put(std), cols, rows, size, a.put(where), a.put(x0s), a.put(x1s), a.put(axs));
  return a.f32(pOut, w * h);
}

/** See enhance.ts `smoothAlongRidges`: 0 outside the flagged blocks and the margin. */
export function smoothAlongWasm(
  norm: Float32Array, w: number, h: number, margin: number, cols: number, size: number, near: Uint8Array,
  bins: Uint8Array, stride: number, weights: Float32Array, offsets: Int32Array, taps: number,
): Float32Array {
  const a = arena();
  const pNorm = a.put(norm);
  const pOut = a.zeros(4 * w * h);
  a.x.smoothAlong(pNorm, pOut, w, h, margin, cols, size, a.put(near), a.put(bins), stride, a.put(weights), a.put(offsets), taps);
  return a.f32(pOut, w * h);
}

/** See enhance.ts `bandpassAcrossRidges`: 0 outside the mask. */
export function bandpassWasm(
  smooth: Float32Array, w: number, h: number, frame: number, mask: Uint8Array, bins: Uint8Array, periods: Uint8Array,
  stride: number, nb: number, taps: number, weights: Float32Array, offsets: Int32Array,
): Float32Array {
  const a = arena();
  const pSmooth = a.put(smooth);
  const pOut = a.zeros(4 * w * h);
  a.x.bandpass(pSmooth, pOut, w, h, frame, a.put(mask), a.put(bins), a.put(periods), stride, nb, taps, a.put(weights), a.put(offsets));
  return a.f32(pOut, w * h);
}

export interface PeriodParams {
  readonly profileHalf: number;
  readonly profileWidth: number;
  readonly minLag: number;
  readonly maxLag: number;
  readonly minPeak: number;
  readonly minPeriod: number;
  readonly maxPeriod: number;
}

/** See frequency.ts `blockPeriods`: per flagged block its period (0 when none clear) and peak height. */
export function periodsWasm(
  smooth: Float32Array, w: number, h: number, cols: number, size: number, flagged: Uint8Array, tx: Float64Array, ty: Float64Array, p: PeriodParams,
): { value: Float32Array; weight: Float32Array; tried: number } {
  const n = flagged.length;
  const a = arena();
  const pSmooth = a.put(smooth);
  const pValue = a.zeros(4 * n);
  const pWeight = a.zeros(4 * n);
  const pProfile = a.alloc(8 * (2 * p.profileHalf + 1));
  const pAcf = a.alloc(8 * (p.maxLag + 2));
  const tried = a.x.periods(
    pSmooth, w, h, cols, n, size, a.put(flagged), a.put(tx), a.put(ty),
    p.profileHalf, p.profileWidth, p.minLag, p.maxLag, p.minPeak, p.minPeriod, p.maxPeriod,
    pValue, pWeight, pProfile, pAcf,
  );
  return { value: a.f32(pValue, n), weight: a.f32(pWeight, n), tried };
}

/** See block-filter.ts `gaussianBlocks`: both passes of the separable kernel `k`. */
export function gaussianBlocksWasm(values: Float32Array, cols: number, rows: number, k: Float32Array): Float32Array {
  const n = values.length;
  const a = arena();
  const pValues = a.put(values);
  const pTmp = a.alloc(4 * n);
  const pOut = a.alloc(4 * n);
  const pK = a.put(k);
  const r = (k.length - 1) / 2;
  a.x.kernelPass(pValues, pTmp, pK, r, rows, cols, cols, 1);
  a.x.kernelPass(pTmp, pOut, pK, r, cols, rows, 1, cols);
  return a.f32(pOut, n);
}

/** Per-column terms of a bilinear interpolation from block centres (see block-filter.ts). */
export interface ColumnTerms {
  readonly x0s: Int32Array;
  readonly x1s: Int32Array;
  readonly axs: Float32Array;
  readonly blockCol: Int32Array;
}

/** See block-filter.ts `upsampleBlocks`. */
export function upsampleWasm(values: Float32Array, cols: number, rows: number, size: number, w: number, h: number, where: Uint8Array | undefined, t: ColumnTerms): Float32Array {
  const a = arena();
  const pValues = a.put(values);
  const pOut = a.zeros(4 * w * h);
  const pWhere = where ? a.put(where) : 0;
  a.x.upsample(pValues, cols, rows, size, w, h, where !== undefined, pWhere, a.put(t.x0s), a.put(t.x1s), a.put(t.axs), a.put(t.blockCol), pOut);
  return a.f32(pOut, w * h);
}

/** See segment.ts `pixelMask`. */
export function pixelMaskWasm(blocks: Uint8Array, cols: number, rows: number, size: number, w: number, h: number, frame: number, t: ColumnTerms): { mask: Uint8Array; count: number } {
  const a = arena();
  const pBlocks = a.put(blocks);
  const pMask = a.zeros(w * h);
  const count = a.x.pixelMask(pBlocks, cols, rows, size, w, h, frame, a.put(t.x0s), a.put(t.x1s), a.put(t.axs), pMask);
  return { mask: a.u8(pMask, w * h).slice(), count };
}

/** See binarize.ts `binarize`: the binary image (ridge = 1). */
export function binarizeWasm(enhanced: Float32Array, mask: Uint8Array, w: number, h: number, frame: number, minArea: number): Uint8Array {
  const n = w * h;
  const a = arena();
  const pEnhanced = a.put(enhanced);
  const pMask = a.put(mask);
  const pCell = a.alloc(n);
  a.x.binarize(pEnhanced, pMask, w, h, frame, minArea, pCell, a.alloc(n), a.alloc(4 * n), a.alloc(32));
  return a.u8(pCell, n).slice();
}

/**
 * See thin.ts `thin`: thins `bin` in place. `tables`: Zhang–Suen's first and second sub-iteration,
 * neighbour counts and 8-connectivity numbers, 256 bytes each.
 */
export function thinWasm(bin: Uint8Array, w: number, tables: Uint8Array): void {
  const n = bin.length;
  const a = arena();
  // A zero row and pixel on either side, so that pixels on the image's edge read background
  // neighbours (as JS reads past a typed array's ends) instead of other memory.
  const pad = w + 1;
  const pBin = a.zeros(n + 2 * pad) + pad;
  a.u8(pBin, n).set(bin);
  const pDirty = a.alloc(n + 2 * pad) + pad;
  a.x.thin(pBin, n, w, a.put(tables), a.alloc(4 * n), a.alloc(4 * n), pDirty);
  bin.set(a.u8(pBin, n));
}

/** See orientation.ts `orientationField`: the per-block sums of the gradient structure tensor. */
export function gradientTensorWasm(data: Float32Array, w: number, h: number, cols: number, rows: number, size: number): { gxx: Float32Array; gxy: Float32Array; energy: Float32Array } {
  const n = cols * rows;
  const a = arena();
  const pData = a.put(data);
  const pGxx = a.alloc(4 * n);
  const pGxy = a.alloc(4 * n);
  const pEnergy = a.alloc(4 * n);
  a.x.gradientTensor(pData, w, h, cols, rows, size, pGxx, pGxy, pEnergy);
  return { gxx: a.f32(pGxx, n), gxy: a.f32(pGxy, n), energy: a.f32(pEnergy, n) };
}

/** Taps of one axis of a separable resampling (see resample.ts). */
export interface AxisTaps {
  readonly start: Int32Array;
  readonly count: Uint8Array;
  readonly index: Int32Array;
  readonly weight: Float32Array;
}

/** See resample.ts `resample`: 8-bit pixels resampled separably to outW × outH floats. */
export function resampleWasm(pixels: Uint8Array, width: number, height: number, outW: number, outH: number, tx: AxisTaps, ty: AxisTaps): Float32Array {
  const a = arena();
  const pPixels = a.put(pixels);
  const pRows = a.alloc(4 * outW * height);
  const pOut = a.alloc(4 * outW * outH);
  a.x.resample(
    pPixels, width, height, outW, outH, pRows, pOut,
    a.put(tx.start), a.put(tx.count), a.put(tx.index), a.put(tx.weight), a.put(ty.start), a.put(ty.count), a.put(ty.index), a.put(ty.weight),
  );
  return a.f32(pOut, outW * outH);
}

/** The skeleton pixels of rows 1 … h − 2 with 1 or 3+ skeleton neighbours (endings and junction pixels), ascending. */
export function nodeCandidatesWasm(skel: Uint8Array, w: number, h: number): Int32Array {
  const a = arena();
  // Zero bytes on either side: the outermost pixels' outer neighbours read as background.
  const pSkel = a.zeros(skel.length + 16) + 8;
  a.u8(pSkel, skel.length).set(skel);
  const pOut = a.alloc(4 * skel.length);
  const n = a.x.nodeCandidates(pSkel, w, h, pOut);
  return new Int32Array(a.x.memory.buffer.slice(pOut, pOut + 4 * n));
}
