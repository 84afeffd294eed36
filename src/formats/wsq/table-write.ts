/** Writers for the WSQ marker segments the encoder emits, mirroring tables.ts. */
import { SeccomError } from '../../errors/index.ts';
import type { HuffmanSpec } from '../huffman/canonical.ts';
import { COM, DHT, DQT, DTT, SOB, SOF } from './markers.ts';

export class SegmentWriter {
  private chunks: Uint8Array[] = [];
  private cur: number[] = [];

  u8(v: number): void {
    this.cur.push(v & 0xff);
  }

  u16(v: number): void {
    this.u8(v >>> 8);
    this.u8(v);
  }

  u32(v: number): void {
    this.u16(Math.floor(v / 0x10000));
    this.u16(v % 0x10000);
  }

  raw(bytes: Uint8Array): void {
    this.chunks.push(Uint8Array.from(this.cur), bytes);
    this.cur = [];
  }

  /** A marker segment: marker, 16-bit length (counting itself), then the body `fill` writes. */
  segment(marker: number, fill: (w: SegmentWriter) => void): void {
    const body = new SegmentWriter();
    fill(body);
    const bytes = body.result();
    this.u16(marker);
    this.u16(bytes.length + 2);
    this.raw(bytes);
  }

  result(): Uint8Array {
    this.raw(new Uint8Array(0));
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/**
 * A non-negative real as (scale, integer) with integer / 10^scale ≈ value: the largest scale whose
 * integer stays below `limit` (65535 or 2^32 - 1), for the most digits the field can carry.
 */
export function toScaled(value: number, limit: number): { scale: number; integer: number } {
  if (value === 0) return { scale: 0, integer: 0 };
  if (!(value < limit) || !(value > 0)) {
    throw new SeccomError('SECCOM_WSQ_ENCODE_INPUT', `table value ${value} cannot be stored in a WSQ field`);
  }
  let scale = 0;
  let v = value;
  while (v * 10 < limit) {
    v *= 10;
    scale++;
  }
  return { scale, integer: Math.min(Math.round(v), limit - 1) };
}

function scaled16(w: SegmentWriter, value: number): void {
  const s = toScaled(value, 0xffff);
  w.u8(s.scale);
  w.u16(s.integer);
}

export function writeComment(w: SegmentWriter, text: string): void {
  w.segment(COM, (b) => b.raw(new Uint8Array(Buffer.from(text, 'latin1'))));
}

/** DTT: the analysis lowpass half then the highpass half, centre tap first, each signed. */
export function writeTransformTable(w: SegmentWriter, lowHalf: readonly number[], highHalf: readonly number[]): void {
  w.segment(DTT, (b) => {
    b.u8(2 * lowHalf.length - 1);
    b.u8(2 * highHalf.length - 1);
    for (const v of [...lowHalf, ...highHalf]) {
      b.u8(v < 0 ? 1 : 0);
      const s = toScaled(Math.abs(v), 0xffffffff);
      b.u8(s.scale);
      b.u32(s.integer);
    }
  });
}

export function writeQuantizationTable(w: SegmentWriter, binCenter: number, q: Float64Array, z: Float64Array): void {
  w.segment(DQT, (b) => {
    scaled16(b, binCenter);
    for (let k = 0; k < 64; k++) {
      scaled16(b, q[k] ?? 0);
      scaled16(b, z[k] ?? 0);
    }
  });
}

export function writeFrameHeader(w: SegmentWriter, width: number, height: number, shift: number, scale: number, software: number): void {
  w.segment(SOF, (b) => {
    b.u8(0); // black
    b.u8(255); // white
    b.u16(height);
    b.u16(width);
    scaled16(b, shift);
    scaled16(b, scale);
    b.u8(2); // WSQ encoder algorithm number
    b.u16(software);
  });
}

export function writeHuffmanTable(w: SegmentWriter, id: number, spec: HuffmanSpec): void {
  w.segment(DHT, (b) => {
    b.u8(id);
    for (const c of spec.counts) b.u8(c);
    b.raw(spec.values);
  });
}

export function writeBlock(w: SegmentWriter, tableId: number, data: Uint8Array): void {
  w.segment(SOB, (b) => b.u8(tableId));
  w.raw(data);
}
