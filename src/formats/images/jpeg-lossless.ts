/**
 * Lossless JPEG (ITU-T T.81 Annex H, process 14: SOF3, Huffman-coded), ANSI/NIST 'JPEGL'.
 * One gray component of 2..16 bits, predictors 1-7, point transform, restart intervals. No npm
 * package decodes it reliably, so it is written here to the standard; the 8-bit `GrayImage`
 * scales wider samples like the TIFF reader does.
 */
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from './gray-image.ts';
import type { HuffmanDecoder } from '../huffman/canonical.ts';
import { BitReader, buildHuffmanTable } from './jpeg-huffman.ts';
import { jfifPpi } from './jfif.ts';
import { checkDimensions, type ImageDecodeOptions } from './limits.ts';

/** Samples at their own precision, before reduction to 8 bits. */
export interface LosslessJpegSamples {
  width: number;
  height: number;
  /** Bits per sample, 2..16 (the frame's P). */
  precision: number;
  samples: Uint16Array;
  ppi?: number;
}

interface Frame {
  precision: number;
  width: number;
  height: number;
  component: number;
}

const SOF3 = 0xc3;
const DHT = 0xc4;
const SOS = 0xda;
const DRI = 0xdd;
const EOI = 0xd9;
const OTHER_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

const corrupt = (message: string, offset: number, marker?: number): never => {
  throw new SeccomError('SECCOM_IMAGE_CORRUPT', message, { location: loc(offset, marker) });
};
const loc = (offset: number, marker?: number) => ({
  format: 'jpeg',
  offset,
  ...(marker === undefined ? {} : { marker: `0xff${marker.toString(16)}` }),
});

/** Decodes a lossless JPEG to its samples at full precision. */
export function decodeLosslessJpegSamples(b: Uint8Array, opts: ImageDecodeOptions = {}): LosslessJpegSamples {
  if (b.length < 2 || b[0] !== 0xff || b[1] !== 0xd8) corrupt('JPEG does not start with SOI', 0);
  const tables = new Map<number, HuffmanDecoder>();
  let restartInterval = 0;
  let frame: Frame | undefined;
  let samples: Uint16Array | undefined;
  let ppi: number | undefined;
  let scanned = false;
  let pos = 2;
  for (;;) {
    if (pos + 2 > b.length) throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'JPEG ends before EOI', { location: loc(pos) });
    if (b[pos] !== 0xff) corrupt('JPEG marker expected', pos);
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === EOI) break;
    if (pos + 4 > b.length) throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'JPEG ends inside a segment header', { location: loc(pos, marker) });
    const length = (b[pos + 2]! << 8) | b[pos + 3]!;
    if (length < 2) corrupt(`JPEG segment length ${length}`, pos, marker);
    if (pos + 2 + length > b.length) throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'JPEG ends inside a segment', { location: loc(pos, marker) });
    const body = b.subarray(pos + 4, pos + 2 + length);
    if (marker === SOF3) {
      if (frame) corrupt('JPEG has a second frame header', pos, marker);
      frame = readFrame(body, pos, opts);
      samples = new Uint16Array(frame.width * frame.height);
    } else if (OTHER_FRAMES.has(marker)) {
      throw new SeccomError('SECCOM_IMAGE_UNSUPPORTED', 'mixed or hierarchical JPEG processes are not supported', { location: loc(pos, marker) });
    } else if (marker === DHT) {
      readTables(body, pos, tables);
    } else if (marker === DRI) {
      if (length !== 4) corrupt('JPEG DRI segment is not 4 bytes', pos, marker);
      restartInterval = (body[0]! << 8) | body[1]!;
    } else if (marker === 0xe0) {
      ppi = jfifPpi(body) ?? ppi;
    } else if (marker === SOS) {
      if (!frame || !samples) corrupt('JPEG scan before the frame header', pos, marker);
      pos = decodeScan(b, pos, body, frame!, samples!, tables, restartInterval);
      scanned = true;
      continue;
    }
    pos += 2 + length;
  }
  if (!frame || !samples) corrupt('JPEG has no SOF3 frame header', pos);
  if (!scanned) corrupt('JPEG ends without a scan', pos);
  return { width: frame!.width, height: frame!.height, precision: frame!.precision, samples: samples!, ...(ppi ? { ppi } : {}) };
}

/** Decodes a lossless JPEG to 8-bit gray; samples wider than 8 bits are scaled to 0..255 and rounded. */
export function decodeLosslessJpeg(b: Uint8Array, opts: ImageDecodeOptions = {}): GrayImage {
  const d = decodeLosslessJpegSamples(b, opts);
  const pixels = new Uint8Array(d.samples.length);
  const max = 2 ** d.precision - 1;
  const scale = 255 / max;
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round(Math.min(d.samples[i]!, max) * scale);
  return { width: d.width, height: d.height, pixels, ...(d.ppi ? { ppi: d.ppi } : {}) };
}

function readFrame(body: Uint8Array, at: number, opts: ImageDecodeOptions): Frame {
  if (body.length < 6) corrupt('JPEG frame header too short', at, SOF3);
  const precision = body[0]!;
  const height = (body[1]! << 8) | body[2]!;
  const width = (body[3]! << 8) | body[4]!;
  const nf = body[5]!;
  if (body.length !== 6 + 3 * nf) corrupt(`JPEG frame header length does not match its ${nf} components`, at, SOF3);
  if (precision < 2 || precision > 16) corrupt(`lossless JPEG precision ${precision} is outside 2..16`, at, SOF3);
  if (height === 0) throw new SeccomError('SECCOM_IMAGE_UNSUPPORTED', 'JPEG height given by a DNL marker is not supported', { location: loc(at, SOF3) });
  if (nf !== 1) throw new SeccomError('SECCOM_IMAGE_UNSUPPORTED', `lossless JPEG with ${nf} components is not supported (gray only)`, { location: loc(at, SOF3) });
  checkDimensions(width, height, opts, loc(at, SOF3));
  return { precision, width, height, component: body[6]! };
}

/** DHT (B.2.4.2): any number of tables; lossless scans use the DC class (see `tableFor`). */
function readTables(body: Uint8Array, at: number, tables: Map<number, HuffmanDecoder>): void {
  let p = 0;
  while (p < body.length) {
    if (p + 17 > body.length) corrupt('JPEG Huffman table segment too short', at, DHT);
    const tc = body[p]! >> 4;
    const th = body[p]! & 15;
    if (tc > 1 || th > 3) corrupt(`JPEG Huffman table class ${tc} id ${th}`, at + 4 + p, DHT);
    const counts = body.subarray(p + 1, p + 17);
    const n = counts.reduce((s, c) => s + c, 0);
    if (p + 17 + n > body.length) corrupt('JPEG Huffman table values run past the segment', at, DHT);
    const values = body.slice(p + 17, p + 17 + n);
    tables.set((tc << 2) | th, buildHuffmanTable(counts, values, at + 4 + p));
    p += 17 + n;
  }
}

/**
 * The table a lossless scan names in Td. NBIS's encoder (the .an2 references) writes its table
 * with class 1, so the AC-class table of the same id is taken when no DC-class one exists.
 */
function tableFor(tables: Map<number, HuffmanDecoder>, id: number): HuffmanDecoder | undefined {
  return tables.get(id) ?? tables.get(4 | id);
}

/** SOS header and entropy-coded data (H.1.2, H.2); returns the offset after the scan's data. */
function decodeScan(
  b: Uint8Array,
  at: number,
  body: Uint8Array,
  frame: Frame,
  out: Uint16Array,
  tables: Map<number, HuffmanDecoder>,
  restartInterval: number,
): number {
  const ns = body[0]!;
  if (ns !== 1 || body.length !== 6) corrupt(`JPEG scan header for ${ns} components does not fit a one-component frame`, at, SOS);
  if (body[1] !== frame.component) corrupt(`JPEG scan names component ${body[1]}, the frame has ${frame.component}`, at, SOS);
  const table = tableFor(tables, body[2]! >> 4);
  if (!table) corrupt(`JPEG scan uses Huffman table ${body[2]! >> 4}, which is not defined`, at, SOS);
  const predictor = body[3]!;
  const pointTransform = body[5]! & 15;
  if (predictor < 1 || predictor > 7) corrupt(`lossless JPEG predictor ${predictor} is outside 1..7`, at, SOS);
  if (body[4] !== 0 || body[5]! >> 4 !== 0 || pointTransform >= frame.precision) corrupt('JPEG lossless scan has invalid Se, Ah or Al', at, SOS);
  const { width, height } = frame;
  // The standard restarts only at whole lines in lossless mode; the prediction reset assumes it.
  if (restartInterval % width !== 0) corrupt(`JPEG restart interval ${restartInterval} is not a multiple of the line width ${width}`, at, SOS);
  const linesPerInterval = restartInterval / width;
  const mask = (1 << (frame.precision - pointTransform)) - 1;
  const initial = 1 << (frame.precision - pointTransform - 1);
  const reader = new BitReader(b, at + 2 + body.length + 2);
  let restarts = 0;
  for (let y = 0; y < height; y++) {
    const firstLine = linesPerInterval === 0 ? y === 0 : y % linesPerInterval === 0;
    if (firstLine && y > 0) {
      if (!reader.restart(restarts & 7)) corrupt(`JPEG RST${restarts & 7} marker expected`, reader.pos);
      restarts++;
    }
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let px: number;
      if (firstLine) px = x === 0 ? initial : out[row + x - 1]!;
      else if (x === 0) px = out[row - width]!;
      else px = predict(predictor, out[row + x - 1]!, out[row - width + x]!, out[row - width + x - 1]!);
      out[row + x] = (px + difference(reader, table!)) & mask;
    }
  }
  // Undo the point transform only after prediction, which works on the shifted values (H.1.2.1).
  if (pointTransform > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! << pointTransform;
  return skipToMarker(b, reader.pos);
}

/** Predictors 1-7 of Table H.1 (Ra left, Rb above, Rc above-left). */
function predict(p: number, ra: number, rb: number, rc: number): number {
  switch (p) {
    case 1:
      return ra;
    case 2:
      return rb;
    case 3:
      return rc;
    case 4:
      return ra + rb - rc;
    case 5:
      return ra + ((rb - rc) >> 1);
    case 6:
      return rb + ((ra - rc) >> 1);
    default:
      return (ra + rb) >> 1;
  }
}

/** A difference: its category SSSS by Huffman code, then SSSS extra bits (H.1.2.2, Table H.2). */
function difference(reader: BitReader, table: HuffmanDecoder): number {
  const start = reader.pos;
  const ssss = reader.decode(table);
  if (ssss === 0) return 0;
  if (ssss === 16) return 32768;
  if (ssss > 16) corrupt(`lossless JPEG difference category ${ssss} is over 16`, start);
  const v = reader.read(ssss);
  return v < 1 << (ssss - 1) ? v - (1 << ssss) + 1 : v;
}

/** After a scan's data: the offset of the next marker that is not a restart marker. */
function skipToMarker(b: Uint8Array, from: number): number {
  for (let p = from; p + 1 < b.length; p++) {
    if (b[p] === 0xff && b[p + 1] !== 0 && b[p + 1] !== 0xff && (b[p + 1]! < 0xd0 || b[p + 1]! > 0xd7)) return p;
  }
  throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'JPEG ends after the scan without EOI', { location: loc(from) });
}
