/**
 * WSQ decoder (FBI IAFIS-IC-0110 v3): marker segments, Huffman-coded blocks, dequantization and
 * the inverse 64-subband wavelet transform, with the reference implementation's single-precision
 * arithmetic so that pixels match NBIS dwsq exactly.
 */
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from '../images/gray-image.ts';
import { DEFAULT_MAX_PIXELS } from '../images/limits.ts';
import { ByteReader } from './byte-reader.ts';
import { decodeBlock } from './entropy-decode.ts';
import { COM, DHT, DQT, DTT, EOI, markerName, SOB, SOF, SOI } from './markers.ts';
import { isNistCom, nistComPpi, parseNistCom, type NistCom } from './nistcom.ts';
import { codedCoefficientCount, dequantize } from './quantization.ts';
import { decomposition } from './subbands.ts';
import { synthesize } from './synthesis.ts';
import {
  readBlockHeader,
  readComment,
  readFrameHeader,
  readHuffmanTables,
  readQuantizationTable,
  readTransformTable,
  type DefinedHuffmanTable,
  type FrameHeader,
  type QuantizationTable,
  type TransformTable,
} from './tables.ts';

export interface WsqDecodeOptions {
  /** Refuse frames with more pixels than this before allocating (default 100 megapixels). */
  maxPixels?: number;
}

/** What a WSQ file says about itself, without decoding the image. */
export interface WsqInfo {
  frame: FrameHeader;
  /** Every COM segment before the first block, in file order. */
  comments: string[];
  /** Fields of the first NISTCOM comment, if any. */
  nistcom?: NistCom;
  /** From the NISTCOM PPI field (NBIS's rule); undefined when absent or -1. */
  ppi?: number;
}

/** Below this the five-level decomposition leaves bands of fewer than two samples. */
export const MIN_SIDE = 32;

/** A marker-driven Huffman block can encode at most ~30,840 zero coefficients per byte (16-bit runs). */
const MAX_COEFFICIENTS_PER_BYTE = 1 << 15;

interface Tables {
  transform?: TransformTable;
  quant?: QuantizationTable;
  huffman: (DefinedHuffmanTable | undefined)[];
  comments: string[];
}

function badMarker(r: ByteReader, at: number, marker: number, expected: string): never {
  throw new SeccomError('SECCOM_WSQ_BAD_MARKER', `found ${markerName(marker)} where ${expected} was expected`, {
    location: { offset: at, marker: markerName(marker) },
  });
}

function nextMarker(r: ByteReader): { marker: number; at: number } {
  r.segment = 'marker';
  const at = r.pos;
  return { marker: r.u16(), at };
}

/** Reads a table or comment segment; false if the marker is none of those. */
function readTableSegment(r: ByteReader, marker: number, t: Tables): boolean {
  switch (marker) {
    case DTT:
      t.transform = readTransformTable(r);
      return true;
    case DQT:
      t.quant = readQuantizationTable(r);
      return true;
    case DHT:
      for (const h of readHuffmanTables(r)) t.huffman[h.id] = h;
      return true;
    case COM:
      t.comments.push(readComment(r));
      return true;
    default:
      return false;
  }
}

function readHeader(r: ByteReader, t: Tables, opts: WsqDecodeOptions): FrameHeader {
  r.segment = 'SOI';
  if (r.u16() !== SOI) badMarker(r, 0, (r.bytes[0]! << 8) | r.bytes[1]!, 'SOI');
  for (;;) {
    const { marker, at } = nextMarker(r);
    if (marker === SOF) break;
    if (!readTableSegment(r, marker, t)) badMarker(r, at, marker, 'a table, comment or SOF');
  }
  const at = r.pos;
  const frame = readFrameHeader(r);
  const location = { offset: at, marker: 'SOF' };
  if (frame.width < MIN_SIDE || frame.height < MIN_SIDE) {
    throw new SeccomError('SECCOM_WSQ_BAD_HEADER', `frame is ${frame.width}x${frame.height}, below ${MIN_SIDE} pixels a side`, { location });
  }
  const max = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (frame.width * frame.height > max) {
    throw new SeccomError('SECCOM_WSQ_TOO_LARGE', `frame is ${frame.width}x${frame.height}, over the limit of ${max} pixels`, { location });
  }
  if (frame.scale === 0) throw new SeccomError('SECCOM_WSQ_BAD_HEADER', 'frame scale is zero', { location });
  return frame;
}

function info(frame: FrameHeader, comments: string[]): WsqInfo {
  const first = comments.find(isNistCom);
  const nistcom = first === undefined ? undefined : parseNistCom(first);
  const ppi = nistComPpi(nistcom);
  return { frame, comments, ...(nistcom ? { nistcom } : {}), ...(ppi ? { ppi } : {}) };
}

/** Reads the headers and comments up to the first block, without decoding pixels. */
export function readWsqInfo(bytes: Uint8Array, opts: WsqDecodeOptions = {}): WsqInfo {
  const r = new ByteReader(bytes);
  const t: Tables = { huffman: [], comments: [] };
  const frame = readHeader(r, t, opts);
  for (;;) {
    const { marker, at } = nextMarker(r);
    if (marker === SOB) break;
    if (!readTableSegment(r, marker, t)) badMarker(r, at, marker, 'a table, comment or SOB');
  }
  return info(frame, t.comments);
}

export function decodeWsq(bytes: Uint8Array, opts: WsqDecodeOptions = {}): GrayImage {
  const r = new ByteReader(bytes);
  const t: Tables = { huffman: [], comments: [] };
  const frame = readHeader(r, t, opts);
  const { width, height } = frame;
  const layout = decomposition(width, height);
  let commentsBeforeData: string[] = [];
  let coeffs: Int16Array | undefined;
  let written = 0;
  let pending: { marker: number; at: number } | undefined;
  for (;;) {
    const { marker, at } = pending ?? nextMarker(r);
    pending = undefined;
    if (marker === EOI) break;
    if (marker !== SOB) {
      if (!readTableSegment(r, marker, t)) badMarker(r, at, marker, 'a table, comment, SOB or EOI');
      continue;
    }
    const tableId = readBlockHeader(r);
    const table = t.huffman[tableId];
    if (!table) {
      throw new SeccomError('SECCOM_WSQ_BAD_HUFFMAN_TABLE', `block uses Huffman table ${tableId}, which is not defined`, {
        location: { offset: at, marker: 'SOB' },
      });
    }
    if (!coeffs) {
      commentsBeforeData = t.comments.slice();
      if (!t.quant) throw new SeccomError('SECCOM_WSQ_BAD_TABLE', 'no DQT before the first block', { location: { offset: at, marker: 'SOB' } });
      const count = codedCoefficientCount(layout.subbands, t.quant);
      if (count > (bytes.length - r.pos) * MAX_COEFFICIENTS_PER_BYTE) {
        throw new SeccomError('SECCOM_WSQ_TRUNCATED', `${bytes.length - r.pos} bytes of data cannot hold ${count} coefficients`, {
          location: { offset: r.pos, marker: 'SOB' },
        });
      }
      coeffs = new Int16Array(count);
    }
    const end = decodeBlock(bytes, r.pos, table.decoder, coeffs, written);
    written = end.written;
    r.pos = end.pos;
    pending = { marker: end.marker, at: end.pos - 2 };
  }
  if (!coeffs) throw new SeccomError('SECCOM_WSQ_BAD_MARKER', 'EOI before any SOB block', { location: { offset: r.pos - 2, marker: 'EOI' } });
  if (written < coeffs.length) {
    throw new SeccomError('SECCOM_WSQ_BAD_HUFFMAN_DATA', `data ends after ${written} of ${coeffs.length} coefficients`, {
      location: { offset: r.pos - 2, marker: 'EOI' },
    });
  }
  if (!t.transform) throw new SeccomError('SECCOM_WSQ_BAD_TABLE', 'no DTT transform table', { location: { offset: 0, marker: 'DTT' } });
  const plane = new Float32Array(width * height);
  dequantize(coeffs, layout.subbands, t.quant!, plane, width);
  synthesize(plane, width, layout, t.transform);
  const ppi = info(frame, commentsBeforeData).ppi;
  return { width, height, pixels: toBytes(plane, frame), ...(ppi ? { ppi } : {}) };
}

/** Undo the encoder's normalisation and round half up, clamping to 0..255 (reference rounding). */
function toBytes(plane: Float32Array, frame: FrameHeader): Uint8Array {
  const fround = Math.fround;
  const { shift, scale } = frame;
  const out = new Uint8Array(plane.length);
  for (let i = 0; i < plane.length; i++) {
    const v = fround(fround(fround(plane[i]! * scale) + shift) + 0.5);
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return out;
}
