/**
 * WSQ encoder (IAFIS-IC-0110 v3 with its informative encoder): normalise, 64-subband analysis,
 * bit allocation for the target bitrate, scalar quantization, Huffman coding in the standard's
 * three blocks. Quantization and normalisation use the values exactly as a decoder will read them
 * back from the tables, so reconstruction matches what was intended.
 */
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from '../images/gray-image.ts';
import { analyze } from './analysis.ts';
import { stepSizes, subbandVariances } from './bit-allocation.ts';
import { MIN_SIDE } from './decode.ts';
import { countSymbols, encodeBlock } from './entropy-encode.ts';
import { ANALYSIS_HIGHPASS_HALF, ANALYSIS_LOWPASS_HALF } from './filters.ts';
import { buildHuffmanSpec } from '../huffman/optimal.ts';
import { EOI, SOI } from './markers.ts';
import { formatNistCom } from './nistcom.ts';
import { scaledToFloat } from './scaled.ts';
import { BLOCK_STARTS, CODED_SUBBANDS, decomposition, type Rect } from './subbands.ts';
import {
  SegmentWriter,
  toScaled,
  writeBlock,
  writeComment,
  writeFrameHeader,
  writeHuffmanTable,
  writeQuantizationTable,
  writeTransformTable,
} from './table-write.ts';

export interface WsqEncodeOptions {
  /** Target bits per pixel (default 0.75, the FBI's setting for 500-ppi prints, about 15:1). */
  bitrate?: number;
  /** Resolution for the NISTCOM PPI field (default: the image's ppi, else -1 = unknown). */
  ppi?: number;
  /** A general comment, written in its own COM segment after the NISTCOM. */
  comment?: string;
}

export const DEFAULT_BITRATE = 0.75;
const MAX_SIDE = 0xffff;
/** Quantizer bin centre C (0.44) and zero bin Z = 1.2 Q, the standard's encoder settings. */
const BIN_CENTER = 0.44;
const ZERO_BIN_RATIO = 1.2;

/** The value a decoder reads back from a 16-bit scaled field. */
const asStored = (v: number) => {
  if (v === 0) return 0;
  const s = toScaled(v, 0xffff);
  return scaledToFloat(s.integer, s.scale);
};

function validate(image: GrayImage, bitrate: number): void {
  const { width, height, pixels } = image;
  const bad = (message: string): never => {
    throw new SeccomError('SECCOM_WSQ_ENCODE_INPUT', message, { location: { field: 'image' } });
  };
  if (!(bitrate > 0) || !Number.isFinite(bitrate)) bad(`bitrate must be a positive number, got ${bitrate}`);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
    bad(`image is ${width}x${height}; WSQ needs ${MIN_SIDE}..${MAX_SIDE} pixels a side`);
  }
  if (pixels.length !== width * height) bad(`pixel buffer holds ${pixels.length} bytes, expected ${width * height}`);
}

/** Mean and half-range normalisation to about ±128 (the frame header's shift and scale). */
function normalise(pixels: Uint8Array, plane: Float32Array): { shift: number; scale: number } {
  let sum = 0;
  let lo = 255;
  let hi = 0;
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i]!;
    sum += p;
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  const shift = asStored(sum / pixels.length);
  const range = Math.max(shift - lo, hi - shift) / 128;
  const scale = range > 0 ? asStored(range) : 1;
  for (let i = 0; i < pixels.length; i++) plane[i] = (pixels[i]! - shift) / scale;
  return { shift, scale };
}

function quantize(plane: Float32Array, width: number, subbands: Rect[], q: Float64Array, z: Float64Array): { coeffs: Int16Array; blockEnds: number[] } {
  let total = 0;
  for (let k = 0; k < CODED_SUBBANDS; k++) if (q[k] !== 0) total += subbands[k]!.w * subbands[k]!.h;
  const coeffs = new Int16Array(total);
  const blockEnds: number[] = [];
  let o = 0;
  for (let k = 0; k < CODED_SUBBANDS; k++) {
    if (k === BLOCK_STARTS[1] || k === BLOCK_STARTS[2]) blockEnds.push(o);
    const step = q[k]!;
    if (step === 0) continue;
    const half = z[k]! / 2;
    const { x, y, w, h } = subbands[k]!;
    for (let r = 0; r < h; r++) {
      const row = (y + r) * width + x;
      for (let c = 0; c < w; c++) {
        const v = plane[row + c]!;
        const p = v > half ? Math.trunc((v - half) / step + 1) : v < -half ? Math.trunc((v + half) / step - 1) : 0;
        coeffs[o++] = Math.max(-0x7fff, Math.min(0x7fff, p));
      }
    }
  }
  blockEnds.push(o);
  return { coeffs, blockEnds };
}

export function encodeWsq(image: GrayImage, opts: WsqEncodeOptions = {}): Uint8Array {
  const bitrate = opts.bitrate ?? DEFAULT_BITRATE;
  validate(image, bitrate);
  const { width, height, pixels } = image;
  const plane = new Float32Array(width * height);
  const { shift, scale } = normalise(pixels, plane);
  const layout = decomposition(width, height);
  analyze(plane, width, layout, Float64Array.from(ANALYSIS_LOWPASS_HALF), Float64Array.from(ANALYSIS_HIGHPASS_HALF));
  const steps = stepSizes(subbandVariances(plane, width, layout.subbands), bitrate);
  const zeroBins = steps.map((s) => ZERO_BIN_RATIO * s);
  const q = steps.map(asStored);
  const z = zeroBins.map(asStored);
  const { coeffs, blockEnds } = quantize(plane, width, layout.subbands, q, z);
  const [end1, end2, end3] = blockEnds as [number, number, number];

  const counts1 = new Int32Array(256);
  countSymbols(coeffs, 0, end1, counts1);
  const counts2 = new Int32Array(256);
  countSymbols(coeffs, end1, end2, counts2);
  countSymbols(coeffs, end2, end3, counts2);
  const table1 = buildHuffmanSpec(counts1);
  const table2 = buildHuffmanSpec(counts2);

  const ppi = opts.ppi ?? image.ppi ?? -1;
  const w = new SegmentWriter();
  w.u16(SOI);
  writeComment(
    w,
    formatNistCom({
      PIX_WIDTH: String(width),
      PIX_HEIGHT: String(height),
      PIX_DEPTH: '8',
      PPI: String(ppi),
      LOSSY: '1',
      COLORSPACE: 'GRAY',
      COMPRESSION: 'WSQ',
      WSQ_BITRATE: bitrate.toFixed(6),
    }),
  );
  if (opts.comment) writeComment(w, opts.comment);
  writeTransformTable(w, ANALYSIS_LOWPASS_HALF, ANALYSIS_HIGHPASS_HALF);
  writeQuantizationTable(w, BIN_CENTER, steps, zeroBins);
  writeFrameHeader(w, width, height, shift, scale, 0);
  writeHuffmanTable(w, 0, table1);
  writeBlock(w, 0, encodeBlock(coeffs, 0, end1, table1));
  writeHuffmanTable(w, 1, table2);
  writeBlock(w, 1, encodeBlock(coeffs, end1, end2, table2));
  writeBlock(w, 1, encodeBlock(coeffs, end2, end3, table2));
  w.u16(EOI);
  return w.result();
}
