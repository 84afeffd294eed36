/**
 * Entropy coding of quantized coefficients (IAFIS-IC-0110 §3.9): zero runs and coefficients
 * mapped to Huffman categories, with 8/16-bit escapes; 0xFF bytes stuffed with 0x00, and the last
 * byte of a block padded with 1 bits.
 */
import { CATEGORY } from './categories.ts';
import type { HuffmanSpec } from '../huffman/canonical.ts';
import { huffmanEncoder } from '../huffman/canonical.ts';

const { MAX_SHORT_RUN, POS_8, NEG_8, POS_16, NEG_16, RUN_8, RUN_16, COEFF_OFFSET } = CATEGORY;
const { MIN_COEFF: MIN_TABLE_COEFF, MAX_COEFF: MAX_TABLE_COEFF } = CATEGORY;
const MAX_RUN = 0xffff;

/** Calls emit(category, extraBits, extraValue) for each symbol of a block, in order. */
function symbols(q: Int16Array, start: number, end: number, emit: (category: number, bits: number, value: number) => void): void {
  let run = 0;
  const flushRun = () => {
    if (run === 0) return;
    if (run <= MAX_SHORT_RUN) emit(run, 0, 0);
    else if (run <= 0xff) emit(RUN_8, 8, run);
    else emit(RUN_16, 16, run);
    run = 0;
  };
  for (let i = start; i < end; i++) {
    const p = q[i]!;
    if (p === 0) {
      if (++run === MAX_RUN) flushRun();
      continue;
    }
    flushRun();
    if (p >= MIN_TABLE_COEFF && p <= MAX_TABLE_COEFF) emit(p + COEFF_OFFSET, 0, 0);
    else if (p > 0) emit(p > 0xff ? POS_16 : POS_8, p > 0xff ? 16 : 8, p);
    else emit(p < -0xff ? NEG_16 : NEG_8, p < -0xff ? 16 : 8, -p);
  }
  flushRun();
}

export function countSymbols(q: Int16Array, start: number, end: number, counts: Int32Array): void {
  symbols(q, start, end, (c) => counts[c]++);
}

class BitWriter {
  private out: number[] = [];
  private acc = 0;
  private n = 0;

  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >>> i) & 1);
      if (++this.n === 8) this.byte();
    }
  }

  private byte(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0);
    this.acc = 0;
    this.n = 0;
  }

  finish(): Uint8Array {
    if (this.n > 0) this.write((1 << (8 - this.n)) - 1, 8 - this.n);
    return Uint8Array.from(this.out);
  }
}

export function encodeBlock(q: Int16Array, start: number, end: number, spec: HuffmanSpec): Uint8Array {
  const { code, length } = huffmanEncoder(spec);
  const w = new BitWriter();
  symbols(q, start, end, (c, bits, value) => {
    w.write(code[c]!, length[c]!);
    if (bits > 0) w.write(value, bits);
  });
  return w.finish();
}
