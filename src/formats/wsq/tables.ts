/** Parsers for the WSQ marker segments (IAFIS-IC-0110 §3.4–3.8). Each reads one whole segment. */
import { SeccomError, type ErrorCode } from '../../errors/index.ts';
import type { ByteReader } from './byte-reader.ts';
import { huffmanDecoder, huffmanSpecProblem, MAX_CODE_LENGTH, type HuffmanDecoder, type HuffmanSpec } from '../huffman/canonical.ts';
import { scaledToFloat } from './scaled.ts';

export interface FrameHeader {
  black: number;
  white: number;
  width: number;
  height: number;
  /** Pixel = coefficient * scale + shift (the encoder's mean and range normalisation). */
  shift: number;
  scale: number;
  encoder: number;
  software: number;
}

/** Synthesis filters, derived from the analysis half-filters the DTT stores. */
export interface TransformTable {
  lowpass: Float32Array;
  highpass: Float32Array;
}

export interface QuantizationTable {
  binCenter: number;
  /** Quantizer step Q and zero-bin width Z per subband; Q = 0 means the subband is not coded. */
  q: Float32Array;
  z: Float32Array;
}

export interface DefinedHuffmanTable extends HuffmanSpec {
  id: number;
  decoder: HuffmanDecoder;
}

export const MAX_HUFFMAN_TABLES = 8;

/** Opens a length-prefixed segment; returns its end offset. */
function openSegment(r: ByteReader, name: string): number {
  r.segment = name;
  const start = r.pos;
  const length = r.u16();
  if (length < 2) fail(r, 'SECCOM_WSQ_BAD_MARKER', `${name} segment length ${length} is below 2`, start);
  r.pos = start;
  r.need(length);
  r.pos = start + 2;
  return start + length;
}

/** The fields must fill the declared length exactly, or the file is not what it claims. */
function closeSegment(r: ByteReader, end: number, code: ErrorCode): void {
  if (r.pos !== end) {
    fail(r, code, `${r.segment} segment length disagrees with its contents (ends at ${r.pos}, declared ${end})`, r.pos);
  }
}

function fail(r: ByteReader, code: ErrorCode, message: string, offset: number): never {
  throw new SeccomError(code, message, { location: { offset, marker: r.segment } });
}

export function readFrameHeader(r: ByteReader): FrameHeader {
  const end = openSegment(r, 'SOF');
  const black = r.u8();
  const white = r.u8();
  const height = r.u16();
  const width = r.u16();
  const shiftScale = r.u8();
  const shift = scaledToFloat(r.u16(), shiftScale);
  const scaleScale = r.u8();
  const scale = scaledToFloat(r.u16(), scaleScale);
  const encoder = r.u8();
  const software = r.u16();
  closeSegment(r, end, 'SECCOM_WSQ_BAD_HEADER');
  return { black, white, width, height, shift, scale, encoder, software };
}

function readSignedScaled(r: ByteReader): number {
  const sign = r.u8();
  const scale = r.u8();
  const v = scaledToFloat(r.u32(), scale);
  return sign === 0 ? v : -v;
}

/**
 * The DTT lists half of each symmetric analysis filter. The synthesis highpass is the analysis
 * lowpass modulated by (-1)^k and vice versa. Only odd lengths (symmetric, whole-sample extension,
 * as in the standard's 9/7 filters) are supported.
 */
export function readTransformTable(r: ByteReader): TransformTable {
  const end = openSegment(r, 'DTT');
  const at = r.pos;
  const hiLength = r.u8();
  const loLength = r.u8();
  if (hiLength % 2 === 0 || loLength % 2 === 0) {
    fail(r, 'SECCOM_WSQ_BAD_TABLE', `filter lengths ${loLength}/${hiLength} are not both odd`, at);
  }
  const highpass = mirrored(r, hiLength);
  const lowpass = mirrored(r, loLength);
  closeSegment(r, end, 'SECCOM_WSQ_BAD_TABLE');
  return { lowpass, highpass };
}

function mirrored(r: ByteReader, length: number): Float32Array {
  const half = (length - 1) / 2;
  const taps = new Float32Array(length);
  for (let k = 0; k <= half; k++) {
    const v = readSignedScaled(r);
    taps[half + k] = k % 2 === 0 ? v : -v;
    taps[half - k] = taps[half + k]!;
  }
  return taps;
}

export function readQuantizationTable(r: ByteReader): QuantizationTable {
  const end = openSegment(r, 'DQT');
  const centerScale = r.u8();
  const binCenter = scaledToFloat(r.u16(), centerScale);
  const q = new Float32Array(64);
  const z = new Float32Array(64);
  for (let i = 0; i < 64; i++) {
    const qs = r.u8();
    q[i] = scaledToFloat(r.u16(), qs);
    const zs = r.u8();
    z[i] = scaledToFloat(r.u16(), zs);
  }
  closeSegment(r, end, 'SECCOM_WSQ_BAD_TABLE');
  return { binCenter, q, z };
}

/** One DHT segment may define several tables; a table id may not repeat within it. */
export function readHuffmanTables(r: ByteReader): DefinedHuffmanTable[] {
  const end = openSegment(r, 'DHT');
  const tables: DefinedHuffmanTable[] = [];
  do {
    const at = r.pos;
    const id = r.u8();
    if (id >= MAX_HUFFMAN_TABLES) fail(r, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE', `Huffman table id ${id} is not 0..7`, at);
    if (tables.some((t) => t.id === id)) fail(r, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE', `Huffman table ${id} defined twice`, at);
    const counts = r.take(MAX_CODE_LENGTH).slice();
    const total = counts.reduce((a, b) => a + b, 0);
    if (r.pos + total > end) fail(r, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE', `Huffman table ${id} has ${total} values, more than its segment holds`, at);
    const values = r.take(total).slice();
    const spec = { counts, values };
    const problem = huffmanSpecProblem(spec);
    if (problem) fail(r, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE', `Huffman table ${id}: ${problem}`, at);
    tables.push({ id, ...spec, decoder: huffmanDecoder(spec) });
  } while (r.pos < end);
  closeSegment(r, end, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE');
  return tables;
}

export function readBlockHeader(r: ByteReader): number {
  const end = openSegment(r, 'SOB');
  const at = r.pos;
  const table = r.u8();
  closeSegment(r, end, 'SECCOM_WSQ_BAD_MARKER');
  if (table >= MAX_HUFFMAN_TABLES) fail(r, 'SECCOM_WSQ_BAD_HUFFMAN_TABLE', `block refers to Huffman table ${table}`, at);
  return table;
}

/** Comment text as Latin-1 (NISTCOM is ASCII); a trailing NUL, which some writers add, is dropped. */
export function readComment(r: ByteReader): string {
  const end = openSegment(r, 'COM');
  const text = r.take(end - r.pos);
  const n = text.length > 0 && text[text.length - 1] === 0 ? text.length - 1 : text.length;
  return Buffer.from(text.buffer, text.byteOffset, n).toString('latin1');
}
