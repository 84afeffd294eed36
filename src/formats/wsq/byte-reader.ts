import { SeccomError } from '../../errors/index.ts';

/**
 * Big-endian reads with bounds checks: running off the end is SECCOM_WSQ_TRUNCATED at the offset,
 * naming the segment being read (set `segment` before reading one).
 */
export class ByteReader {
  pos = 0;
  segment = 'SOI';

  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  need(n: number): void {
    if (this.pos + n > this.bytes.length) {
      throw new SeccomError('SECCOM_WSQ_TRUNCATED', `WSQ data ends inside ${this.segment} (needs ${n} more bytes)`, {
        location: { offset: this.pos, marker: this.segment },
      });
    }
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }

  u16(): number {
    this.need(2);
    const v = (this.bytes[this.pos]! << 8) | this.bytes[this.pos + 1]!;
    this.pos += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const b = this.bytes;
    const v = b[this.pos]! * 0x1000000 + ((b[this.pos + 1]! << 16) | (b[this.pos + 2]! << 8) | b[this.pos + 3]!);
    this.pos += 4;
    return v;
  }

  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}
