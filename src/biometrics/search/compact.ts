/**
 * The gallery's compact ten-print record: each finger's minutiae in 7 bytes apiece, about a
 * ninth of the matcher's packed template (whose edge tables are rebuilt, with packTemplate, only
 * for the few candidates a search rescores).
 *
 * Coordinates are normalised to 500 ppi and angles are bytes in the packed template's
 * convention, so unpacking and packing again gives the matcher exactly what packTemplate would
 * have made from the original. Minutiae are best quality first (packTemplate's order), so the
 * first M are the M best.
 *
 * Layout: u8 fingers, then per finger: u8 position, u8 quality, u8 n,
 *   n × (i16 x, i16 y) little-endian, u8 angle[n], u8 type[n], u8 quality[n].
 */
import { SeccomError } from '../../errors/index.ts';
import type { FingerTemplate, Minutia } from '../template.ts';

/** Most minutiae kept per finger (the matcher keeps as many; extraction gives under 100). */
export const MAX_RECORD_MINUTIAE = 255;
/** Most fingers per record: ten, plus room for extra impressions. */
export const MAX_RECORD_FINGERS = 16;

const TO_BYTE = 256 / (2 * Math.PI);
const TYPE_CODE = { other: 0, ending: 1, bifurcation: 2 } as const;
const TYPE_NAME = ['other', 'ending', 'bifurcation'] as const;

function fingerBytes(n: number): number {
  return 3 + 7 * n;
}

/** Encodes fingers (any resolution) as one compact record. */
export function encodeRecord(fingers: readonly FingerTemplate[]): Uint8Array {
  if (fingers.length > MAX_RECORD_FINGERS) {
    throw new SeccomError('SECCOM_SEARCH_BAD_RECORD', `a record holds at most ${MAX_RECORD_FINGERS} fingers, got ${fingers.length}`);
  }
  const sorted = fingers.map((f) =>
    [...f.minutiae]
      .sort((a, b) => b.quality - a.quality || a.y - b.y || a.x - b.x || a.angle - b.angle)
      .slice(0, MAX_RECORD_MINUTIAE),
  );
  const out = new Uint8Array(1 + sorted.reduce((s, m) => s + fingerBytes(m.length), 0));
  const dv = new DataView(out.buffer);
  out[0] = fingers.length;
  let o = 1;
  fingers.forEach((f, k) => {
    const mins = sorted[k]!;
    const n = mins.length;
    const s = 500 / (f.ppi > 0 ? f.ppi : 500);
    out[o] = clampByte(f.position);
    out[o + 1] = clampByte(f.quality);
    out[o + 2] = n;
    o += 3;
    for (let i = 0; i < n; i++) {
      const m = mins[i]!;
      dv.setInt16(o + 4 * i, clampI16(Math.round(m.x * s)), true);
      dv.setInt16(o + 4 * i + 2, clampI16(Math.round(m.y * s)), true);
      out[o + 4 * n + i] = Math.round((2 * Math.PI - m.angle) * TO_BYTE) & 255;
      out[o + 5 * n + i] = TYPE_CODE[m.type] ?? 0;
      out[o + 6 * n + i] = clampByte(m.quality);
    }
    o += 7 * n;
  });
  return out;
}

function clampByte(v: number): number {
  return Number.isFinite(v) ? Math.max(0, Math.min(255, Math.round(v))) : 0;
}

function clampI16(v: number): number {
  return Number.isFinite(v) ? Math.max(-32768, Math.min(32767, v)) : 0;
}

/** Byte offsets of each finger of the record at `off`, checking that the record is whole. */
export function fingerOffsets(bytes: Uint8Array, off = 0, end = bytes.length): number[] {
  const bad = (why: string) => new SeccomError('SECCOM_SEARCH_BAD_RECORD', `compact record: ${why}`);
  if (off >= end) throw bad('empty');
  const f = bytes[off]!;
  if (f > MAX_RECORD_FINGERS) throw bad(`${f} fingers`);
  const out: number[] = [];
  let o = off + 1;
  for (let k = 0; k < f; k++) {
    if (o + 3 > end) throw bad(`finger ${k} truncated`);
    out.push(o);
    o += fingerBytes(bytes[o + 2]!);
    if (o > end) throw bad(`finger ${k} truncated`);
  }
  if (o !== end) throw bad(`${end - o} trailing bytes`);
  return out;
}

/** Size in bytes of the record at `off`. */
export function recordLength(bytes: Uint8Array, off: number): number {
  let o = off + 1;
  for (let k = 0, f = bytes[off]!; k < f; k++) o += fingerBytes(bytes[o + 2]!);
  return o - off;
}

export function fingerPosition(bytes: Uint8Array, fo: number): number {
  return bytes[fo]!;
}

export function fingerCount(bytes: Uint8Array, fo: number): number {
  return bytes[fo + 2]!;
}

/** Reads the first `limit` minutiae of the finger at `fo` into typed arrays; returns how many. */
export function readFinger(bytes: Uint8Array, fo: number, x: Int32Array, y: Int32Array, angle: Uint8Array, limit: number): number {
  const n = bytes[fo + 2]!;
  const m = Math.min(n, limit);
  const p = fo + 3;
  for (let i = 0; i < m; i++) {
    const q = p + 4 * i;
    x[i] = ((bytes[q]! | (bytes[q + 1]! << 8)) << 16) >> 16;
    y[i] = ((bytes[q + 2]! | (bytes[q + 3]! << 8)) << 16) >> 16;
    angle[i] = bytes[p + 4 * n + i]!;
  }
  return m;
}

/** The finger at `fo` as an interchange template (500 ppi), for packTemplate. */
export function decodeFinger(bytes: Uint8Array, fo: number): FingerTemplate {
  const n = bytes[fo + 2]!;
  const p = fo + 3;
  const minutiae: Minutia[] = [];
  let w = 1;
  let h = 1;
  for (let i = 0; i < n; i++) {
    const q = p + 4 * i;
    const x = ((bytes[q]! | (bytes[q + 1]! << 8)) << 16) >> 16;
    const y = ((bytes[q + 2]! | (bytes[q + 3]! << 8)) << 16) >> 16;
    w = Math.max(w, x + 1);
    h = Math.max(h, y + 1);
    minutiae.push({
      x,
      y,
      angle: (2 * Math.PI - bytes[p + 4 * n + i]! / TO_BYTE) % (2 * Math.PI),
      type: TYPE_NAME[bytes[p + 5 * n + i]!] ?? 'other',
      quality: bytes[p + 6 * n + i]!,
    });
  }
  return { width: w, height: h, ppi: 500, position: bytes[fo]!, quality: bytes[fo + 1]!, minutiae };
}

/** Every finger of a record as interchange templates. */
export function decodeRecord(bytes: Uint8Array): FingerTemplate[] {
  return fingerOffsets(bytes).map((fo) => decodeFinger(bytes, fo));
}
