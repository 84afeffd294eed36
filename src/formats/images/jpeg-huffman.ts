/**
 * The entropy-coded bit stream of a JPEG scan (ITU-T T.81 F.2.2.3, B.1.1.5) and the checks a
 * corrupt DHT table needs; bit-by-bit decoding never reads past the scan's data, so every failure
 * has a byte offset. The canonical codes themselves are the shared ones (../huffman/canonical.ts).
 */
import { SeccomError } from '../../errors/index.ts';
import { huffmanDecoder, huffmanSpecProblem, type HuffmanDecoder } from '../huffman/canonical.ts';

const location = (offset: number) => ({ format: 'jpeg', offset });

/**
 * Builds a table from the 16 counts and the values (Annex C). A set of counts that does not fit
 * the code space, or whose last 16-bit code is all ones (reserved, C.2), is a corrupt table.
 */
export function buildHuffmanTable(counts: Uint8Array, values: Uint8Array, offset: number): HuffmanDecoder {
  const problem = huffmanSpecProblem({ counts, values });
  const table = problem === undefined ? huffmanDecoder({ counts, values }) : undefined;
  if (!table || table.maxCode[16] === 0xffff) {
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', `JPEG Huffman table is not a prefix code: ${problem ?? 'the all-ones 16-bit code is reserved'}`, {
      location: location(offset),
    });
  }
  return table;
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
  decode(t: HuffmanDecoder): number {
    const start = this.pos;
    let code = 0;
    for (let len = 1; len <= 16; len++) {
      code = (code << 1) | this.bit();
      if (code <= t.maxCode[len]!) return t.values[t.firstIndex[len]! + code - t.minCode[len]!]!;
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
