/**
 * A minimal lossless JPEG encoder (ITU-T T.81 process 14: SOF3, one component, Huffman) for tests:
 * the shared data has only two NBIS-made JPEGL payloads (predictors 4 and 7, no restarts), so
 * the decoder's other predictors, precisions and restart handling are checked by round trips.
 */
import { huffmanEncoder, type HuffmanSpec } from '../../src/formats/huffman/canonical.ts';
import { buildHuffmanSpec } from '../../src/formats/huffman/optimal.ts';

export interface LosslessJpegInput {
  width: number;
  height: number;
  /** 2..16 */
  precision: number;
  samples: ArrayLike<number>;
}

export interface LosslessJpegOptions {
  predictor: number;
  /** Lines per restart interval (0 = no restarts). */
  restartLines?: number;
  /** 'optimal' builds the table from the image's statistics (Annex K.2); 'fixed' uses one table for all. */
  table?: 'optimal' | 'fixed';
  pointTransform?: number;
  /** Huffman table class written in DHT: 0 as the standard says, 1 as NBIS writes it. */
  tableClass?: 0 | 1;
}

/** Code lengths 1..16 of a table usable for any image: 17 categories, all-ones code unused. */
const FIXED: HuffmanSpec = {
  counts: Uint8Array.of(0, 1, 5, 0, 0, 7, 0, 3, 1, 0, 0, 0, 0, 0, 0, 0),
  values: Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),
};

export function encodeLosslessJpeg(img: LosslessJpegInput, opts: LosslessJpegOptions): Uint8Array {
  const { width, height, precision } = img;
  const pt = opts.pointTransform ?? 0;
  const restartLines = opts.restartLines ?? 0;
  const diffs = differences(img, opts.predictor, pt, restartLines);
  const cats = diffs.map(category);
  const table = opts.table === 'fixed' ? FIXED : optimalTable(cats);
  const codes = huffmanEncoder(table);

  const out: number[] = [0xff, 0xd8];
  const segment = (marker: number, body: number[]) => out.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body);
  segment(0xc3, [precision, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0]);
  segment(0xc4, [(opts.tableClass ?? 0) << 4, ...table.counts, ...table.values]);
  if (restartLines > 0) segment(0xdd, [(restartLines * width) >> 8, (restartLines * width) & 255]);
  segment(0xda, [1, 1, 0x00, opts.predictor, 0, pt]);

  let acc = 0;
  let n = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) {
      acc = (acc << 1) | ((value >> i) & 1);
      if (++n === 8) {
        out.push(acc);
        if (acc === 0xff) out.push(0);
        acc = 0;
        n = 0;
      }
    }
  };
  const flush = () => {
    if (n > 0) put(0xff, 8 - n); // pad with 1 bits (F.1.2.3)
  };
  let interval = 0;
  for (let i = 0; i < diffs.length; i++) {
    if (restartLines > 0 && i > 0 && i % (restartLines * width) === 0) {
      flush();
      out.push(0xff, 0xd0 + (interval++ & 7));
    }
    const d = diffs[i]!;
    const s = cats[i]!;
    put(codes.code[s]!, codes.length[s]!);
    if (s > 0 && s < 16) put(d > 0 ? d : d + (1 << s) - 1, s);
  }
  flush();
  out.push(0xff, 0xd9);
  return Uint8Array.from(out);
}

/** Differences in -32767..32768 (modulo 2^16) from the predictions of H.1.2.1. */
function differences(img: LosslessJpegInput, predictor: number, pt: number, restartLines: number): number[] {
  const { width, height } = img;
  const v = (x: number, y: number) => img.samples[y * width + x]! >> pt;
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    const first = restartLines > 0 ? y % restartLines === 0 : y === 0;
    for (let x = 0; x < width; x++) {
      let px: number;
      if (first) px = x === 0 ? 1 << (img.precision - pt - 1) : v(x - 1, y);
      else if (x === 0) px = v(0, y - 1);
      else {
        const ra = v(x - 1, y);
        const rb = v(x, y - 1);
        const rc = v(x - 1, y - 1);
        px = [0, ra, rb, rc, ra + rb - rc, ra + ((rb - rc) >> 1), rb + ((ra - rc) >> 1), (ra + rb) >> 1][predictor]!;
      }
      let d = (((v(x, y) - px) % 65536) + 65536) % 65536;
      if (d > 32768) d -= 65536;
      out.push(d);
    }
  }
  return out;
}

const category = (d: number) => (d === 0 ? 0 : d === 32768 ? 16 : 32 - Math.clz32(Math.abs(d)));

/** Annex K.2 table for the image's categories. */
function optimalTable(cats: number[]): HuffmanSpec {
  const freq = new Array<number>(256).fill(0);
  for (const c of cats) freq[c]!++;
  return buildHuffmanSpec(freq);
}
