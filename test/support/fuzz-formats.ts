/**
 * Mutation fuzzing of the WSQ, image and minutiae-template readers over the real files in
 * ../shared/data: seeded, used by the CI fuzz test and the long run of `npm run fuzz`. Each case
 * must decode or fail with a SeccomError of the reader's own areas, carrying a location; a
 * decoded image must be consistent, a parsed template must write back and read again the same.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { isSeccomError } from '../../src/errors/index.ts';
import { decodeImage } from '../../src/formats/images/index.ts';
import {
  ansi2009Edition,
  isIso2011,
  readAnsi2009Record,
  readIso2011Record,
  readMinutiaeRecord,
  writeAnsi2009Record,
  writeIso2011Record,
  writeMinutiaeRecord,
} from '../../src/formats/templates/index.ts';
import { imageOf, readAnsiNist } from '../../src/formats/ansi-nist/index.ts';
import { decodeWsq, readWsqInfo } from '../../src/formats/wsq/index.ts';
import { j2kEncode, tiffFile } from './encoders.ts';
import { sharedData } from './env.ts';
import { encodeLosslessJpeg } from './lossless-jpeg.ts';
import { prng } from './fuzz-ansi-nist.ts';

export interface FuzzTarget {
  name: string;
  corpus: Uint8Array[];
  /** Error code prefixes the target may fail with. */
  codes: string[];
  /** Decodes and checks invariants, throwing a plain Error when one breaks. */
  run(bytes: Uint8Array): void;
}

/** Keeps fuzz cases from allocating for huge (but legal) frames; the limit logic is what is tested. */
const MAX_PIXELS = 4_000_000;

const read = (...p: string[]) => new Uint8Array(readFileSync(sharedData(...p)));

function checkImage(img: { width: number; height: number; pixels: Uint8Array }): void {
  if (img.pixels.length !== img.width * img.height) throw new Error(`decoded ${img.width}x${img.height} with ${img.pixels.length} pixels`);
}

/** Async only to make the JPEG 2000 and TIFF seeds (the shared data has no small ones). */
export async function formatTargets(): Promise<FuzzTarget[]> {
  const cwsq = readdirSync(sharedData('wsq', 'cwsq-0.75'))
    .filter((f) => f.endsWith('.wsq'))
    .map((f) => read('wsq', 'cwsq-0.75', f));
  const wsq = [...cwsq, read('wsq', 'sample', 'sample.wsq')];
  const fvc = decodeImage(read('fvc', 'fvc2002', 'DB4_B', '101_1.png'));
  const small = { width: 96, height: 96, pixels: new Uint8Array(96 * 96).map((_, i) => fvc.pixels[(100 + Math.floor(i / 96)) * fvc.width + 100 + (i % 96)]!) };
  const images = [
    await j2kEncode(small, true),
    await j2kEncode(small, false),
    tiffFile(small, { deflate: true }),
    tiffFile(small, { bits: 16 }),
    read('fvc', 'fvc2002', 'DB1_B', '101_1.png'),
    read('sourceafis-samples', 'wsq-converted.png'),
    read('sourceafis-samples', 'probe.png'),
    read('sourceafis-samples', 'probe.jpeg'),
    read('sourceafis-samples', 'probe.bmp'),
    cwsq[0]!,
  ];
  // The NBIS-made JPEGL payloads, and our encoder's output with restarts, other predictors and 16 bits.
  const jpegl = [
    ...readAnsiNist(read('ansi-nist', 'nist-references', 'type-10-14-17-piv-index-iris.an2'))
      .records.map(imageOf)
      .filter((i) => i?.compression === 'JPEGL')
      .map((i) => i!.data),
    encodeLosslessJpeg({ ...small, precision: 8, samples: small.pixels }, { predictor: 4, restartLines: 8 }),
    encodeLosslessJpeg({ ...small, precision: 16, samples: Uint16Array.from(small.pixels, (p) => p * 257) }, { predictor: 7, table: 'fixed' }),
    encodeLosslessJpeg({ ...small, precision: 8, samples: small.pixels.map((p) => p & 0xfc) }, { predictor: 5, pointTransform: 2, restartLines: 3 }),
  ];
  const templates = [
    read('templates', 'fingerprintio', 'iso19794p2v2005', 'iso19794p2v2005-sample.dat'),
    read('sourceafis-samples', 'iso-probe.dat'),
    read('fvc', 'fvc2004', 'DB1_B', '101_1.iso'),
    read('templates', 'fingerprintio', 'ansi378v2009am1', 'ansi378v2009am1-sample.dat'),
    read('templates', 'fingerprintio', 'iso19794p2v2011', 'iso19794p2v2011-sample.dat'),
  ];
  return [
    { name: 'wsq', corpus: wsq, codes: ['SECCOM_WSQ_'], run: (b) => checkImage(decodeWsq(b, { maxPixels: MAX_PIXELS })) },
    { name: 'wsq-info', corpus: wsq, codes: ['SECCOM_WSQ_'], run: (b) => void readWsqInfo(b, { maxPixels: MAX_PIXELS }) },
    {
      name: 'image',
      corpus: images,
      codes: ['SECCOM_IMAGE_', 'SECCOM_WSQ_'],
      run: (b) => checkImage(decodeImage(b, { maxPixels: MAX_PIXELS })),
    },
    // A mutated SOI can read as another signature (0xffa0 is WSQ's), hence the WSQ codes.
    { name: 'jpeg-lossless', corpus: jpegl, codes: ['SECCOM_IMAGE_', 'SECCOM_WSQ_'], run: (b) => checkImage(decodeImage(b, { maxPixels: MAX_PIXELS })) },
    {
      name: 'template',
      corpus: templates,
      codes: ['SECCOM_TEMPLATE_'],
      run: (b) => {
        const [record, again] = isIso2011(b)
          ? [readIso2011Record(b), readIso2011Record(writeIso2011Record(readIso2011Record(b)))]
          : ansi2009Edition(b)
            ? [readAnsi2009Record(b), readAnsi2009Record(writeAnsi2009Record(readAnsi2009Record(b)))]
            : [readMinutiaeRecord(b), readMinutiaeRecord(writeMinutiaeRecord(readMinutiaeRecord(b)), readMinutiaeRecord(b).format)];
        if (JSON.stringify(again) !== JSON.stringify(record)) throw new Error('template does not survive write and re-read');
      },
    },
  ];
}

/** One mutated copy: byte edits biased to the headers, bit flips, cuts, splices, fake markers, extreme lengths. */
export function mutateBinary(src: Uint8Array, rand: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(rand() * n);
  const near = () => (rand() < 0.7 ? pick(Math.min(src.length, 1200)) : pick(src.length));
  const out = src.slice();
  const concat = (...parts: Uint8Array[]) => {
    const r = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      r.set(p, at);
      at += p.length;
    }
    return r;
  };
  switch (pick(8)) {
    case 0:
      for (let k = 1 + pick(4); k > 0; k--) out[near()] = pick(256);
      return out;
    case 1:
      for (let k = 1 + pick(8); k > 0; k--) out[pick(out.length)] ^= 1 << pick(8);
      return out;
    case 2:
      return out.subarray(0, pick(out.length));
    case 3: {
      const at = near();
      const from = pick(out.length);
      return concat(out.subarray(0, at), out.subarray(from, from + 1 + pick(64)), out.subarray(at));
    }
    case 4: {
      const at = near();
      return concat(out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + pick(64))));
    }
    case 5: {
      const at = near();
      const v = rand() < 0.5 ? 0xff : 0x00;
      for (let k = 0; k < 2 + pick(3) && at + k < out.length; k++) out[at + k] = v;
      return out;
    }
    case 6: {
      const at = near();
      return concat(out.subarray(0, at), Uint8Array.of(0xff, 0xa0 + pick(10)), out.subarray(at));
    }
    default:
      for (let k = 1 + pick(16); k > 0; k--) out[near()] = pick(256);
      return out;
  }
}

export interface FormatFuzzStats {
  cases: number;
  decoded: number;
  rejected: Record<string, number>;
  /** Cases that decoded and that were rejected, per target name. */
  byTarget: Record<string, { decoded: number; rejected: number }>;
}

/** Runs cases round-robin over the targets until `maxCases` or `deadline` (ms epoch). */
export function fuzzFormats(targets: FuzzTarget[], seed: number, maxCases: number, deadline = Infinity): FormatFuzzStats {
  const rand = prng(seed);
  const stats: FormatFuzzStats = { cases: 0, decoded: 0, rejected: {}, byTarget: {} };
  for (const t of targets) stats.byTarget[t.name] = { decoded: 0, rejected: 0 };
  while (stats.cases < maxCases && Date.now() < deadline) {
    const target = targets[stats.cases % targets.length]!;
    const source = target.corpus[Math.floor(rand() * target.corpus.length)]!;
    const bytes = mutateBinary(source, rand);
    stats.cases++;
    try {
      target.run(bytes);
      stats.decoded++;
      stats.byTarget[target.name]!.decoded++;
    } catch (e) {
      const where = `${target.name} case ${stats.cases} (seed ${seed})`;
      if (!isSeccomError(e)) throw new Error(`${where}: not a SeccomError: ${(e as Error)?.stack ?? e}`);
      if (!target.codes.some((c) => e.code.startsWith(c))) throw new Error(`${where}: unexpected code ${e.code}: ${e.message}`);
      if (!e.location) throw new Error(`${where}: ${e.code} without a location`);
      stats.rejected[e.code] = (stats.rejected[e.code] ?? 0) + 1;
      stats.byTarget[target.name]!.rejected++;
    }
  }
  return stats;
}
