import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/env.ts';
import { an2Payloads } from '../../../test/support/wsq-golden.ts';
import { j2kEncode, tiffFile } from '../../../test/support/encoders.ts';
import { isSeccomError } from '../../errors/index.ts';
import { decodeImage, type GrayImage } from './index.ts';

const read = (...p: string[]) => new Uint8Array(readFileSync(sharedData(...p)));
const fvc = () => decodeImage(read('fvc', 'fvc2002', 'DB1_B', '101_1.png'));

function assertCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => isSeccomError(e) && e.code === code && e.location !== undefined);
}

function psnr(a: Uint8Array, b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return 10 * Math.log10((255 * 255 * a.length) / s);
}

test('BMP (24-bit bottom-up) gives the same gray as the PNG of the same probe', () => {
  const png = decodeImage(read('sourceafis-samples', 'probe.png'));
  const bmp = decodeImage(read('sourceafis-samples', 'probe.bmp'));
  assert.deepEqual({ ...bmp, pixels: undefined }, { ...png, pixels: undefined });
  assert.deepEqual(bmp.pixels, png.pixels);
});

test('JPEG decodes close to the lossless original, and every .an2 JPEG (baseline, progressive, lossless) decodes at its frame size', () => {
  const png = decodeImage(read('sourceafis-samples', 'probe.png'));
  const jpg = decodeImage(read('sourceafis-samples', 'probe.jpeg'));
  assert.equal(jpg.width, png.width);
  assert.equal(jpg.height, png.height);
  assert.ok(psnr(png.pixels, jpg.pixels) > 35);
  let decoded = 0;
  for (const p of an2Payloads('JPEG').filter((x) => x.bytes.length < 400_000)) {
    let sof = 2;
    while (p.bytes[sof + 1]! < 0xc0 || p.bytes[sof + 1]! > 0xc3) sof += 2 + ((p.bytes[sof + 2]! << 8) | p.bytes[sof + 3]!);
    const img = decodeImage(p.bytes);
    assert.equal(img.height, (p.bytes[sof + 5]! << 8) | p.bytes[sof + 6]!, p.name);
    assert.equal(img.width, (p.bytes[sof + 7]! << 8) | p.bytes[sof + 8]!, p.name);
    decoded++;
  }
  assert.ok(decoded >= 10);
});

/** A JP2 file around a codestream, with a capture-resolution box. */
function jp2File(codestream: Uint8Array, img: GrayImage, ppm: number): Uint8Array {
  const box = (type: string, ...parts: Uint8Array[]) => {
    const body = Buffer.concat(parts);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const ihdr = Buffer.alloc(14);
  ihdr.writeUInt32BE(img.height, 0);
  ihdr.writeUInt32BE(img.width, 4);
  ihdr.writeUInt16BE(1, 8);
  ihdr.writeUInt8(7, 10);
  ihdr.writeUInt8(7, 11);
  const resc = Buffer.alloc(10);
  resc.writeUInt16BE(ppm, 0);
  resc.writeUInt16BE(1, 2);
  resc.writeUInt16BE(ppm, 4);
  resc.writeUInt16BE(1, 6);
  return Buffer.concat([
    box('jP  ', Uint8Array.of(0x0d, 0x0a, 0x87, 0x0a)),
    box('ftyp', Buffer.from('jp2 \0\0\0\0jp2 ', 'latin1')),
    box('jp2h', box('ihdr', ihdr), box('colr', Uint8Array.of(1, 0, 0, 0, 0, 0, 17)), box('res ', box('resc', resc))),
    box('jp2c', codestream),
  ]);
}

test('JPEG 2000: lossless codestreams decode exactly, lossy ones closely, JP2 resolution is kept', async () => {
  const src = fvc();
  const lossless = await j2kEncode(src, true);
  const back = decodeImage(lossless);
  assert.deepEqual(back.pixels, src.pixels, 'reversible 5/3 decodes bit-exactly');
  const inBox = decodeImage(jp2File(lossless, src, 19685));
  assert.deepEqual(inBox.pixels, src.pixels);
  assert.equal(inBox.ppi, 500);
  const lossy = decodeImage(await j2kEncode(src, false));
  assert.ok(psnr(src.pixels, lossy.pixels) > 30);
});

test('the JP2 palm print of type-15-palms.an2 decodes at its header size', () => {
  const [palm] = an2Payloads('JP2');
  const img = decodeImage(palm!.bytes);
  assert.equal(img.width, 2750);
  assert.equal(img.height, 2750);
  assert.ok(img.pixels.includes(0) && img.pixels.includes(255));
});

test('TIFF: 8/16-bit gray, WhiteIsZero, RGB and Deflate strips decode exactly with their dpi', () => {
  const src = fvc();
  for (const opts of [{}, { bits: 16 as const }, { photometric: 0 }, { rgb: true }, { deflate: true, dpi: 569 }, { bits: 16 as const, photometric: 0 }]) {
    const img = decodeImage(tiffFile(src, opts));
    assert.deepEqual(img.pixels, src.pixels, JSON.stringify(opts));
    assert.equal(img.ppi, opts.dpi ?? 500);
  }
});

test('bad JPEG, JPEG 2000, TIFF and BMP input fails with typed errors', () => {
  const jpg = read('sourceafis-samples', 'probe.jpeg');
  assertCode(() => decodeImage(jpg.subarray(0, 100)), 'SECCOM_IMAGE_TRUNCATED');
  const bmp = read('sourceafis-samples', 'probe.bmp');
  assertCode(() => decodeImage(bmp.subarray(0, 2000)), 'SECCOM_IMAGE_TRUNCATED');
  const hugeBmp = bmp.slice(0, 60);
  new DataView(hugeBmp.buffer).setInt32(18, 100_000, true);
  new DataView(hugeBmp.buffer).setInt32(22, 100_000, true);
  assertCode(() => decodeImage(hugeBmp), 'SECCOM_IMAGE_TOO_LARGE');
  // A raw codestream whose SIZ claims 1,000,000 x 1,000,000, in 40 bytes.
  const siz = new Uint8Array(40);
  siz.set([0xff, 0x4f, 0xff, 0x51, 0, 41, 0, 0, 0, 0x0f, 0x42, 0x40, 0, 0x0f, 0x42, 0x40]);
  assertCode(() => decodeImage(siz), 'SECCOM_IMAGE_TOO_LARGE');
  const badJ2k = siz.slice();
  badJ2k.set([0, 0, 1, 0, 0, 0, 1, 0], 8);
  assertCode(() => decodeImage(badJ2k), 'SECCOM_IMAGE_CORRUPT');
  assertCode(() => decodeImage(Uint8Array.of(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0xff, 0xff)), 'SECCOM_IMAGE_CORRUPT');
  // SOI, then a baseline frame header claiming 65535 x 65535, then SOS: 25 bytes.
  const hugeJpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0xff, 0xff, 0xff, 0xff, 1, 1, 0x11, 0, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0);
  assertCode(() => decodeImage(hugeJpeg), 'SECCOM_IMAGE_TOO_LARGE');
  const hugeTiff = tiffFile({ width: 40, height: 40, pixels: new Uint8Array(1600) }, {});
  new DataView(hugeTiff.buffer, hugeTiff.byteOffset).setUint32(8 + 2 + 8, 1_000_000, true);
  new DataView(hugeTiff.buffer, hugeTiff.byteOffset).setUint32(8 + 2 + 12 + 8, 1_000_000, true);
  assertCode(() => decodeImage(hugeTiff.subarray(0, 200)), 'SECCOM_IMAGE_TOO_LARGE');
});
