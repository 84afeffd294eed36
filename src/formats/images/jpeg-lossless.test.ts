import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot, sharedData } from '../../../test/support/env.ts';
import { encodeLosslessJpeg } from '../../../test/support/lossless-jpeg.ts';
import { isSeccomError } from '../../errors/index.ts';
import { imageOf, readAnsiNist } from '../ansi-nist/index.ts';
import { decodeImage, decodeLosslessJpegSamples, encodePng } from './index.ts';

function assertCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => isSeccomError(e) && e.code === code && typeof e.location?.offset === 'number');
}

const jpeglRecords = () =>
  readAnsiNist(readFileSync(sharedData('ansi-nist', 'nist-references', 'type-10-14-17-piv-index-iris.an2')))
    .records.map(imageOf)
    .filter((i) => i?.compression === 'JPEGL')
    .map((i) => i!);

test('the two JPEGL Type-14 records decode at their header size and resolution, and look like fingerprints', () => {
  const records = jpeglRecords();
  assert.deepEqual(
    records.map((r) => [r.width, r.height, r.ppi, r.bitsPerPixel]),
    [
      [288, 512, 500, 8],
      [288, 464, 500, 8],
    ],
  );
  const dir = join(repoRoot, 'test-output', 'jpegl');
  mkdirSync(dir, { recursive: true });
  for (const r of records) {
    const img = decodeImage(r.data, r.ppi === undefined ? {} : { ppi: r.ppi });
    assert.equal(img.width, r.width);
    assert.equal(img.height, r.height);
    assert.equal(img.ppi, r.ppi);
    assert.equal(decodeLosslessJpegSamples(r.data).precision, r.bitsPerPixel);
    writeFileSync(join(dir, `type14-idc${r.idc}-fgp${r.positions.join('-')}.png`), encodePng(img));
    const n = img.pixels.length;
    const mean = img.pixels.reduce((s, p) => s + p, 0) / n;
    const sd = Math.sqrt(img.pixels.reduce((s, p) => s + (p - mean) ** 2, 0) / n);
    assert.ok(mean > 30 && mean < 225, `mean ${mean}`);
    assert.ok(sd > 20, `standard deviation ${sd}: ridges and valleys, not a flat field`);
    // Ridges alternate with valleys along a line: many dark/light crossings in the middle row.
    const row = img.pixels.subarray((img.height >> 1) * img.width, ((img.height >> 1) + 1) * img.width);
    let crossings = 0;
    for (let x = 1; x < row.length; x++) if (row[x - 1]! < mean !== row[x]! < mean) crossings++;
    assert.ok(crossings >= 10, `${crossings} ridge crossings on the middle row`);
  }
});

/** Random images: either noise over the full range or a smooth ramp with small noise (long runs of small differences). */
const imageArb = fc
  .record({
    width: fc.integer({ min: 1, max: 40 }),
    height: fc.integer({ min: 1, max: 24 }),
    precision: fc.integer({ min: 2, max: 16 }),
    smooth: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ width, height, precision, smooth, seed }) => {
    const max = 2 ** precision - 1;
    let s = seed >>> 0 || 1;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const samples = new Uint16Array(width * height).map((_, i) =>
      smooth ? Math.min(max, Math.round(((i % width) + Math.floor(i / width)) * (max / (width + height)) + rand() * 3)) : Math.floor(rand() * (max + 1)),
    );
    return { width, height, precision, samples };
  });

test('round trip: encode with any predictor, precision, table and restart interval, decode the same samples', () => {
  fc.assert(
    fc.property(
      imageArb,
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom('optimal' as const, 'fixed' as const),
      fc.constantFrom(0 as const, 1 as const),
      (img, predictor, restart, table, tableClass) => {
        const restartLines = restart > img.height ? 0 : restart;
        const bytes = encodeLosslessJpeg(img, { predictor, restartLines, table, tableClass });
        const back = decodeLosslessJpegSamples(bytes);
        assert.equal(back.width, img.width);
        assert.equal(back.height, img.height);
        assert.equal(back.precision, img.precision);
        assert.deepEqual(back.samples, img.samples);
        if (img.precision === 8) assert.deepEqual(decodeImage(bytes).pixels, Uint8Array.from(img.samples));
      },
    ),
    { numRuns: 400 },
  );
});

test('round trip with a point transform: samples whose low bits are zero come back exactly', () => {
  fc.assert(
    fc.property(imageArb, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 }), (img, predictor, pt) => {
      fc.pre(pt < img.precision);
      const samples = img.samples.map((v) => (v >> pt) << pt);
      const bytes = encodeLosslessJpeg({ ...img, samples }, { predictor, pointTransform: pt, restartLines: 2 });
      assert.deepEqual(decodeLosslessJpegSamples(bytes).samples, samples);
    }),
    { numRuns: 150 },
  );
});

test('16-bit samples are scaled to 8-bit gray like the other decoders', () => {
  const samples = Uint16Array.of(0, 257, 32768, 65535);
  const img = decodeImage(encodeLosslessJpeg({ width: 2, height: 2, precision: 16, samples }, { predictor: 1 }));
  assert.deepEqual(img.pixels, Uint8Array.of(0, 1, 128, 255));
});

test('bad lossless JPEG input fails with typed errors at a byte offset', () => {
  const [first] = jpeglRecords();
  const real = first!.data;
  for (const cut of [3, 30, 200, 1000, real.length >> 1, real.length - 3]) {
    assertCode(() => decodeImage(real.subarray(0, cut)), 'SECCOM_IMAGE_TRUNCATED');
  }
  // DHT at 2+18+121 = 141 (after APP0 and COM), SOF3 before it.
  const sof = 2 + 18 + 121;
  assert.equal(real[sof + 1], 0xc3);
  const dht = sof + 2 + 11;
  assert.equal(real[dht + 1], 0xc4);
  const badTable = real.slice();
  badTable[dht + 5] = 3; // three codes of length 1 cannot exist
  assertCode(() => decodeImage(badTable), 'SECCOM_IMAGE_CORRUPT');
  const noFrame = Uint8Array.from([...real.subarray(0, sof), ...real.subarray(dht)]);
  assertCode(() => decodeImage(noFrame), 'SECCOM_IMAGE_CORRUPT');
  const sos = real.indexOf(0xda, dht) - 1;
  assertCode(() => decodeImage(Uint8Array.from([...real.subarray(0, sos), 0xff, 0xd9])), 'SECCOM_IMAGE_CORRUPT'); // frame, no scan
  const huge = real.slice();
  huge.set([0xff, 0xff, 0xff, 0xff], sof + 5); // 65535 x 65535 in a 110 kB file
  assertCode(() => decodeImage(huge), 'SECCOM_IMAGE_TOO_LARGE');
  const badPredictor = real.slice();
  badPredictor[real.indexOf(0xda, dht) + 6] = 8;
  assertCode(() => decodeImage(badPredictor), 'SECCOM_IMAGE_CORRUPT');
  // A constant image needs one code ('0'); a 1 bit in its data is a code the table does not have.
  const flat = encodeLosslessJpeg({ width: 8, height: 8, precision: 8, samples: new Uint16Array(64).fill(128) }, { predictor: 1 });
  const scanData = flat.length - 2 - 8;
  assert.deepEqual([...flat.subarray(scanData)], [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xd9]);
  const badCode = flat.slice();
  badCode[scanData + 3] = 0x80;
  assertCode(() => decodeImage(badCode), 'SECCOM_IMAGE_CORRUPT');
  // A missing restart marker.
  const img = { width: 4, height: 4, precision: 8, samples: new Uint16Array(16).map((_, i) => i * 9) };
  const withRst = encodeLosslessJpeg(img, { predictor: 2, restartLines: 1 });
  const rst = withRst.findIndex((b, i) => b === 0xff && withRst[i + 1] === 0xd0);
  const noRst = Uint8Array.from([...withRst.subarray(0, rst), ...withRst.subarray(rst + 2)]);
  assertCode(() => decodeImage(noRst), 'SECCOM_IMAGE_CORRUPT');
});
