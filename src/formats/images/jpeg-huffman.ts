/**
 * Huffman tables and the entropy-coded bit stream of a JPEG scan (ITU-T T.81 Annex C, F.2.2.3,
 * B.1.1.5): table building from a DHT's BITS/HUFFVAL with the checks a corrupt table needs, and
 * bit-by-bit decoding that never reads past the scan's data, so every failure has a byte offset.
 */
import { SeccomError } from '../../errors/index.ts';

export interface HuffmanTable {
  /** Largest code of each length 1..16 (-1 when the length has no codes). */
  maxCode: Int32Array;
  /** Index into `values` of the first code of each length, minus that code. */
  valPtr: Int32Array;
  values: Uint8Array;
}

const location = (offset: number) => ({ format: 'jpeg', offset });

/**
 * Builds a table from the 16 counts and the values (Annex C). A set of counts that does not fit
 * the code space, or more than 256 values, is a corrupt table.
 */
export function buildHuffmanTable(counts: ArrayLike<number>, values: Uint8Array, offset: number): HuffmanTable {
  const maxCode = new Int32Array(17).fill(-1);
  const valPtr = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1]!;
    valPtr[len] = k - code;
    code += n;
    k += n;
    // Codes of one length must fit in that many bits; the all-ones code stays reserved (C.2).
    if (n > 0 && code > (1 << len) - (len === 16 ? 1 : 0)) {
      throw new SeccomError('SECCOM_IMAGE_CORRUPT', `JPEG Huffman table has more codes of length ${len} than fit`, { location: location(offset) });
    }
    if (n > 0) maxCode[len] = code - 1;
    code <<= 1;
  }
  if (k !== values.length) throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'JPEG Huffman table counts do not match its values', { location: location(offset) });
  return { maxCode, valPtr, values };
}

/** Reads bits MSB first from entropy-coded data, undoing 0xFF00 stuffing and stopping at markers. */
export class BitReader {
  private bits = 0;
  private count = 0;
  /** Offset of the marker that ended the data, once reached. */
  private markerAt = -1;

  constructor(
    private readonly b: Uint8Array,
    public pos: number,
  ) {}

  private fill(): void {
    if (this.markerAt >= 0) this.past(this.markerAt);
    if (this.pos >= this.b.length) {
      throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'JPEG scan data ends before the image is complete', { location: location(this.pos) });
    }
    const byte = this.b[this.pos]!;
    if (byte === 0xff) {
      if (this.pos + 1 >= this.b.length) {
        throw new SeccomError('SECCOM_IMAGE_TRUNCATED', 'JPEG scan data ends inside a marker', { location: location(this.pos) });
      }
      const next = this.b[this.pos + 1]!;
      if (next !== 0x00) {
        this.markerAt = this.pos;
        this.past(this.pos);
      }
      this.pos += 2;
    } else {
      this.pos++;
    }
    this.bits = (this.bits << 8) | byte;
    this.count += 8;
  }

  private past(offset: number): never {
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', `JPEG scan reaches marker 0xff${this.b[offset + 1]!.toString(16)} before the image is complete`, {
      location: { ...location(offset), marker: `0xff${this.b[offset + 1]!.toString(16)}` },
    });
  }

  bit(): number {
    if (this.count === 0) this.fill();
    this.count--;
    return (this.bits >>> this.count) & 1;
  }

  /** `n` bits (0..16) as an unsigned number. */
  read(n: number): number {
    while (this.count < n) this.fill();
    this.count -= n;
    return (this.bits >>> this.count) & ((1 << n) - 1);
  }

  /** One Huffman-coded value (F.2.2.3). */
  decode(t: HuffmanTable): number {
    const start = this.pos;
    let code = 0;
    for (let len = 1; len <= 16; len++) {
      code = (code << 1) | this.bit();
      if (code <= t.maxCode[len]!) return t.values[t.valPtr[len]! + code]!;
    }
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', 'JPEG scan holds a code that is not in its Huffman table', { location: location(start) });
  }

  /**
   * At a restart boundary: drops the fill bits and consumes the expected RSTn marker (B.2.1);
   * returns false when a different byte is there.
   */
  restart(expected: number): boolean {
    this.bits = 0;
    this.count = 0;
    if (this.b[this.pos] !== 0xff || this.b[this.pos + 1] !== 0xd0 + expected) return false;
    this.pos += 2;
    return true;
  }
}
