/**
 * The matcher's compiled template: minutiae and their local edge tables in typed arrays inside
 * one ArrayBuffer, so a gallery is a list of buffers (cheap to store, send to workers or share).
 *
 * Geometry is normalised to 500 ppi and image axes (x right, y down); angles are bytes
 * (256 = full turn) measured like atan2(dy, dx) in those axes, i.e. clockwise as viewed — the
 * mirror of the interchange template's counter-clockwise convention.
 *
 * Edges: each minutia keeps its K nearest neighbours within MAX_EDGE pixels. An edge i→j is
 * rotation- and translation-invariant: its length, the direction to j relative to i's
 * direction (a1) and j's direction relative to i's (a2). `edgeKey` quantises the three for
 * hashing, the feature a 1:N prefilter or inverted index can use directly.
 *
 * Byte layout (little-endian), version 1:
 *   0  "SCFP"  4  u8 version  5  u8 reserved  6  u16 n  8  u16 E  10  u16 reserved  12 u32 total bytes
 *   16 i16 x[n]  i16 y[n]  u8 angle[n]  u8 type[n]  u8 quality[n]  (pad to 2)
 *      u16 edgeStart[n+1]  u16 edgeKey[E]  u8 edgeTo[E]  u8 edgeLen[E]  u8 edgeA1[E]  u8 edgeA2[E]
 */
import { SeccomError } from '../../errors/index.ts';
import type { FingerTemplate } from '../template.ts';

export const PACKED_MAGIC = 0x50464353; // "SCFP" read little-endian
export const PACKED_VERSION = 1;
/** Neighbours per minutia in the edge table. */
export const EDGE_NEIGHBOURS = 9;
/** Longest edge kept, in 500-ppi pixels (edges are stored in a byte). */
export const MAX_EDGE = 255;
/** Most minutiae kept (best quality first), so a neighbour index fits a byte. */
export const MAX_MINUTIAE = 255;

/** Quantisation of the edge hash key: length bins of LEN_BIN px, angle bins of 2^ANGLE_BIN_SHIFT / 256 turn. */
export const LEN_BIN = 8;
export const ANGLE_BIN_SHIFT = 4;
/** Angle bins per turn. */
export const ANGLE_BINS = 256 >> ANGLE_BIN_SHIFT;

export interface PackedTemplate {
  readonly bytes: Uint8Array;
  readonly count: number;
  readonly edgeCount: number;
  readonly x: Int16Array;
  readonly y: Int16Array;
  readonly angle: Uint8Array;
  /** 1 ending, 2 bifurcation, 0 other. */
  readonly type: Uint8Array;
  readonly quality: Uint8Array;
  readonly edgeStart: Uint16Array;
  readonly edgeKey: Uint16Array;
  readonly edgeTo: Uint8Array;
  readonly edgeLen: Uint8Array;
  readonly edgeA1: Uint8Array;
  readonly edgeA2: Uint8Array;
}

export function edgeKeyOfBins(lenBin: number, a1Bin: number, a2Bin: number): number {
  return (lenBin * ANGLE_BINS + a1Bin) * ANGLE_BINS + a2Bin;
}

export function edgeKey(len: number, a1: number, a2: number): number {
  return edgeKeyOfBins((len / LEN_BIN) | 0, a1 >> ANGLE_BIN_SHIFT, a2 >> ANGLE_BIN_SHIFT);
}

/** Length bins of the edge hash. */
export const LEN_BINS = ((MAX_EDGE / LEN_BIN) | 0) + 1;
/** Number of distinct edge keys (length bins × angle bins²); they fit a u16. */
export const EDGE_KEYS = LEN_BINS * ANGLE_BINS * ANGLE_BINS;

const HEADER = 16;

function layout(n: number, e: number) {
  let o = HEADER;
  const at = (bytes: number, align = 1) => {
    o = Math.ceil(o / align) * align;
    const start = o;
    o += bytes;
    return start;
  };
  const x = at(2 * n, 2);
  const y = at(2 * n, 2);
  const angle = at(n);
  const type = at(n);
  const quality = at(n);
  const edgeStart = at(2 * (n + 1), 2);
  const key = at(2 * e, 2);
  const to = at(e);
  const len = at(e);
  const a1 = at(e);
  const a2 = at(e);
  return { x, y, angle, type, quality, edgeStart, key, to, len, a1, a2, total: Math.ceil(o / 4) * 4 };
}

function view(bytes: Uint8Array, n: number, e: number): PackedTemplate {
  const l = layout(n, e);
  const buf = bytes.buffer;
  const b = bytes.byteOffset;
  return {
    bytes,
    count: n,
    edgeCount: e,
    x: new Int16Array(buf, b + l.x, n),
    y: new Int16Array(buf, b + l.y, n),
    angle: new Uint8Array(buf, b + l.angle, n),
    type: new Uint8Array(buf, b + l.type, n),
    quality: new Uint8Array(buf, b + l.quality, n),
    edgeStart: new Uint16Array(buf, b + l.edgeStart, n + 1),
    edgeKey: new Uint16Array(buf, b + l.key, e),
    edgeTo: new Uint8Array(buf, b + l.to, e),
    edgeLen: new Uint8Array(buf, b + l.len, e),
    edgeA1: new Uint8Array(buf, b + l.a1, e),
    edgeA2: new Uint8Array(buf, b + l.a2, e),
  };
}

const TO_BYTE = 256 / (2 * Math.PI);

/** Compiles an interchange template (any resolution) into the packed matcher form. */
export function packTemplate(t: FingerTemplate): PackedTemplate {
  const s = 500 / (t.ppi > 0 ? t.ppi : 500);
  // Best quality first, ties by position, so packing is a pure function of the minutiae set.
  const mins = [...t.minutiae]
    .sort((a, b) => b.quality - a.quality || a.y - b.y || a.x - b.x || a.angle - b.angle)
    .slice(0, MAX_MINUTIAE);
  const n = mins.length;
  const m = minutiaeScratch(n);
  for (let i = 0; i < n; i++) {
    const v = mins[i]!;
    m.x[i] = Math.round(v.x * s);
    m.y[i] = Math.round(v.y * s);
    m.angle[i] = Math.round((2 * Math.PI - v.angle) * TO_BYTE) & 255;
    m.type[i] = v.type === 'ending' ? 1 : v.type === 'bifurcation' ? 2 : 0;
    m.quality[i] = Math.max(0, Math.min(100, Math.round(v.quality)));
  }
  return packMinutiae(n, m);
}

/** Minutiae in packing order, as packTemplate has converted them (500 ppi, angle bytes, type codes). */
interface MinutiaArrays {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly angle: Uint8Array;
  readonly type: Uint8Array;
  readonly quality: Uint8Array;
}

let scratch: MinutiaArrays | undefined;

/** Per-thread scratch for packMinutiae's input (at least n entries; overwritten by the next call). */
function minutiaeScratch(n: number): MinutiaArrays {
  if (!scratch || scratch.x.length < n) {
    const size = Math.max(n, MAX_MINUTIAE);
    scratch = { x: new Float64Array(size), y: new Float64Array(size), angle: new Uint8Array(size), type: new Uint8Array(size), quality: new Uint8Array(size) };
  }
  return scratch;
}

const nearD = new Float64Array(EDGE_NEIGHBOURS);
const nearJ = new Int32Array(EDGE_NEIGHBOURS);
const lists = new Int32Array(MAX_MINUTIAE * EDGE_NEIGHBOURS);
const listLen = new Int32Array(MAX_MINUTIAE);
const byX = new Int32Array(MAX_MINUTIAE);
const rankX = new Int32Array(MAX_MINUTIAE);

function finite(v: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

/** The reference scan over every j (also what coordinates that are not numbers get). Returns the count in nearD/nearJ. */
function nearestPlain(xs: Float64Array, ys: Float64Array, n: number, i: number): number {
  let c = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const d = (xs[j]! - xs[i]!) ** 2 + (ys[j]! - ys[i]!) ** 2;
    if (d > MAX_EDGE * MAX_EDGE || (c === EDGE_NEIGHBOURS && d >= nearD[c - 1]!)) continue;
    let p = c < EDGE_NEIGHBOURS ? c++ : c - 1;
    while (p > 0 && nearD[p - 1]! > d) {
      nearD[p] = nearD[p - 1]!;
      nearJ[p] = nearJ[p - 1]!;
      p--;
    }
    nearD[p] = d;
    nearJ[p] = j;
  }
  return c;
}

/** Minutiae by x (byX, and each one's rank in rankX), for nearestByX. */
function sortByX(xs: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let p = i;
    while (p > 0 && xs[byX[p - 1]!]! > xs[i]!) {
      byX[p] = byX[p - 1]!;
      p--;
    }
    byX[p] = i;
  }
  for (let r = 0; r < n; r++) rankX[byX[r]!] = r;
}

/**
 * What nearestPlain finds, visiting minutiae by x outward from i and stopping where the x gap
 * alone exceeds the farthest neighbour kept (ties compared by index, as the plain scan orders them).
 */
function nearestByX(xs: Float64Array, ys: Float64Array, n: number, i: number): number {
  let c = 0;
  const xi = xs[i]!;
  const yi = ys[i]!;
  let bound = MAX_EDGE * MAX_EDGE;
  for (let dir = -1; dir <= 1; dir += 2) {
    for (let r = rankX[i]! + dir; r >= 0 && r < n; r += dir) {
      const j = byX[r]!;
      const dx = xs[j]! - xi;
      if (dx * dx > bound) break;
      const d = dx * dx + (ys[j]! - yi) ** 2;
      if (d > bound || (c === EDGE_NEIGHBOURS && d === bound && j > nearJ[c - 1]!)) continue;
      let p = c < EDGE_NEIGHBOURS ? c++ : c - 1;
      while (p > 0 && (nearD[p - 1]! > d || (nearD[p - 1]! === d && nearJ[p - 1]! > j))) {
        nearD[p] = nearD[p - 1]!;
        nearJ[p] = nearJ[p - 1]!;
        p--;
      }
      nearD[p] = d;
      nearJ[p] = j;
      if (c === EDGE_NEIGHBOURS) bound = nearD[c - 1]!;
    }
  }
  return c;
}


/** Packs n minutiae (at most MAX_MINUTIAE, already ordered and converted): builds the edge tables. */
function packMinutiae(n: number, m: MinutiaArrays): PackedTemplate {
  const xs = m.x;
  const ys = m.y;
  // Neighbour lists: K nearest within MAX_EDGE, nearest first, ties to the lower index.
  const scan = finite(xs, n) && finite(ys, n) ? nearestByX : nearestPlain;
  if (scan === nearestByX) sortByX(xs, n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const c = scan(xs, ys, n, i);
    lists.set(nearJ.subarray(0, c), i * EDGE_NEIGHBOURS);
    listLen[i] = c;
    e += c;
  }
  const l = layout(n, e);
  const bytes = new Uint8Array(l.total);
  const dv = new DataView(bytes.buffer);
  dv.setUint32(0, PACKED_MAGIC, true);
  dv.setUint8(4, PACKED_VERSION);
  dv.setUint16(6, n, true);
  dv.setUint16(8, e, true);
  dv.setUint32(12, l.total, true);
  const p = view(bytes, n, e);
  p.angle.set(m.angle.subarray(0, n));
  p.type.set(m.type.subarray(0, n));
  p.quality.set(m.quality.subarray(0, n));
  const angs = p.angle;
  let k = 0;
  for (let i = 0; i < n; i++) {
    p.x[i] = xs[i]!;
    p.y[i] = ys[i]!;
    p.edgeStart[i] = k;
    for (let q = i * EDGE_NEIGHBOURS, end = q + listLen[i]!; q < end; q++) {
      const j = lists[q]!;
      const dx = xs[j]! - xs[i]!;
      const dy = ys[j]! - ys[i]!;
      // dx, dy are whole pixels: √ of their exact sum of squares rounds as Math.hypot does (a
      // length is never within an ulp of a half).
      const len = Math.round(Math.sqrt(dx * dx + dy * dy));
      const dir = Math.round(Math.atan2(dy, dx) * TO_BYTE) & 255;
      const a1 = (dir - angs[i]!) & 255;
      const a2 = (angs[j]! - angs[i]!) & 255;
      p.edgeTo[k] = j;
      p.edgeLen[k] = len;
      p.edgeA1[k] = a1;
      p.edgeA2[k] = a2;
      p.edgeKey[k] = edgeKey(len, a1, a2);
      k++;
    }
  }
  p.edgeStart[n] = k;
  return p;
}

/** Reads a packed template from bytes (copied, so the result is aligned and owns its buffer). */
export function readPackedTemplate(input: Uint8Array): PackedTemplate {
  const bad = (why: string) => new SeccomError('SECCOM_FP_TEMPLATE_CORRUPT', `packed template: ${why}`);
  if (input.length < HEADER) throw bad(`${input.length} bytes, shorter than the header`);
  const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
  if (dv.getUint32(0, true) !== PACKED_MAGIC) throw bad('no "SCFP" magic');
  if (dv.getUint8(4) !== PACKED_VERSION) throw bad(`version ${dv.getUint8(4)}, expected ${PACKED_VERSION}`);
  const n = dv.getUint16(6, true);
  const e = dv.getUint16(8, true);
  const total = dv.getUint32(12, true);
  if (total !== layout(n, e).total || input.length < total) throw bad(`length ${input.length} does not fit ${n} minutiae and ${e} edges`);
  const p = view(input.slice(0, total), n, e);
  for (let i = 0; i < n; i++) {
    const s = p.edgeStart[i]!;
    if (s > p.edgeStart[i + 1]! || p.edgeStart[i + 1]! > e) throw bad(`edge table of minutia ${i} out of range`);
  }
  if (p.edgeStart[n] !== e) throw bad('edge count mismatch');
  for (let k = 0; k < e; k++) if (p.edgeTo[k]! >= n) throw bad(`edge ${k} points past the minutiae`);
  return p;
}
