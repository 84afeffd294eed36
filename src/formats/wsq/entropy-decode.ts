/**
 * Entropy-coded data of one WSQ block (IAFIS-IC-0110 §3.9): Huffman categories for zero runs and
 * coefficients, 0xFF bytes stuffed with 0x00, the block ending at the next marker. A marker is only
 * legal where a Huffman code starts or continues; inside raw coefficient bits it is corruption.
 */
import { SeccomError } from '../../errors/index.ts';
import { CATEGORY } from './categories.ts';
import type { HuffmanDecoder } from '../huffman/canonical.ts';

/** Longest Huffman code; a local constant keeps the hot loop free of module-binding lookups. */
const MAX_CODE_LENGTH = 16;

const { MAX_SHORT_RUN, POS_8, NEG_8, POS_16, NEG_16, RUN_8, RUN_16, COEFF_OFFSET } = CATEGORY;
const MIN_COEFF_CATEGORY = CATEGORY.MIN_COEFF + COEFF_OFFSET;
const MAX_COEFF_CATEGORY = 254;

export interface BlockEnd {
  /** Offset just after the marker that ended the block. */
  pos: number;
  marker: number;
  /** Coefficients written so far (all blocks). */
  written: number;
}

class BitReader {
  cur = 0;
  avail = 0;
  marker = 0;

  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  private fail(message: string): never {
    throw new SeccomError('SECCOM_WSQ_BAD_HUFFMAN_DATA', message, { location: { offset: this.pos, marker: 'SOB' } });
  }

  /** Loads the next data byte; returns false when a marker was met instead (remembered in `marker`). */
  private load(): boolean {
    const b = this.bytes;
    if (this.pos >= b.length) {
      throw new SeccomError('SECCOM_WSQ_TRUNCATED', 'WSQ entropy-coded data has no ending marker', {
        location: { offset: this.pos, marker: 'SOB' },
      });
    }
    const v = b[this.pos++]!;
    if (v === 0xff) {
      if (this.pos >= b.length) {
        throw new SeccomError('SECCOM_WSQ_TRUNCATED', 'WSQ data ends after a 0xFF byte', { location: { offset: this.pos, marker: 'SOB' } });
      }
      const next = b[this.pos++]!;
      if (next !== 0) {
        this.marker = 0xff00 | next;
        return false;
      }
    }
    this.cur = v;
    this.avail = 8;
    return true;
  }

  /** Next Huffman category, or -1 when a marker ends the block. */
  category(d: HuffmanDecoder): number {
    let code = 0;
    for (let len = 1; len <= MAX_CODE_LENGTH; len++) {
      if (this.avail === 0 && !this.load()) return -1;
      this.avail--;
      code = (code << 1) | ((this.cur >> this.avail) & 1);
      if (code <= d.maxCode[len]!) return d.values[d.firstIndex[len]! + code - d.minCode[len]!]!;
    }
    this.fail('bit pattern is not a code of the block’s Huffman table');
  }

  raw(bits: number): number {
    let v = 0;
    for (let i = 0; i < bits; i++) {
      if (this.avail === 0 && !this.load()) this.fail('marker inside raw coefficient bits');
      this.avail--;
      v = (v << 1) | ((this.cur >> this.avail) & 1);
    }
    return v;
  }
}

/**
 * Decodes one block's data starting at `pos` into `out` from index `written`. Coefficients are
 * stored as 16-bit, wrapping like the reference's `short`.
 */
export function decodeBlock(bytes: Uint8Array, pos: number, table: HuffmanDecoder, out: Int16Array, written: number): BlockEnd {
  const bits = new BitReader(bytes, pos);
  const cap = out.length;
  let o = written;
  const overflow = (): never => {
    throw new SeccomError('SECCOM_WSQ_BAD_HUFFMAN_DATA', `decoded data exceeds the ${cap} coefficients of the coded subbands`, {
      location: { offset: bits.pos, marker: 'SOB' },
    });
  };
  for (;;) {
    const c = bits.category(table);
    if (c < 0) return { pos: bits.pos, marker: bits.marker, written: o };
    if (c >= MIN_COEFF_CATEGORY && c <= MAX_COEFF_CATEGORY) {
      if (o >= cap) overflow();
      out[o++] = c - COEFF_OFFSET;
    } else if (c >= 1 && c <= MAX_SHORT_RUN) {
      if (o + c > cap) overflow();
      o += c; // `out` starts zeroed
    } else if (c === RUN_8 || c === RUN_16) {
      const run = bits.raw(c === RUN_8 ? 8 : 16);
      if (o + run > cap) overflow();
      o += run;
    } else if (c >= POS_8 && c <= NEG_16) {
      const v = bits.raw(c <= NEG_8 ? 8 : 16);
      if (o >= cap) overflow();
      out[o++] = c === POS_8 || c === POS_16 ? v : -v;
    } else {
      throw new SeccomError('SECCOM_WSQ_BAD_HUFFMAN_DATA', `Huffman value ${c} is no WSQ category`, {
        location: { offset: bits.pos, marker: 'SOB' },
      });
    }
  }
}
