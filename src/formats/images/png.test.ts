import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { sharedData } from '../../../test/support/env.ts';
import { decodeImage, decodePng, encodePng } from './index.ts';
import { isSeccomError } from '../../errors/index.ts';

const read = (...p: string[]) => new Uint8Array(readFileSync(sharedData(...p)));

function assertCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => isSeccomError(e) && e.code === code && e.location !== undefined);
}

test('a gray FVC PNG decodes at its manifest size', () => {
  const img = decodeImage(read('fvc', 'fvc2002', 'DB1_B', '101_1.png'));
  assert.equal(img.width, 388);
  assert.equal(img.height, 374);
  assert.equal(img.pixels.length, 388 * 374);
  assert.ok(new Set(img.pixels).size > 100, 'a fingerprint has many gray levels');
});

test('palette PNG with trailing junk and RGB PNG give the same gray as their gray twins', () => {
  const pairs = [
    [['sourceafis-samples', 'wsq-converted.png'], ['sourceafis-samples', 'wsq-original.dwsq.png']],
    [['wsq', 'sample', 'sample.png'], ['wsq', 'sample', 'sample.dwsq.png']],
  ];
  for (const [colour, gray] of pairs) {
    const a = decodeImage(read(...colour!));
    const b = decodeImage(read(...gray!));
    assert.equal(a.width, b.width);
    assert.equal(a.height, b.height);
    assert.deepEqual(a.pixels, b.pixels);
  }
});

test('encodePng round-trips pixels and resolution', () => {
  const src = decodeImage(read('fvc', 'fvc2004', 'DB3_B', '101_1.png'), { ppi: 512 });
  assert.equal(src.ppi, 512);
  const png = encodePng(src);
  assert.equal(png[25], 0, 'colour type 0 (gray)');
  const back = decodePng(png);
  assert.deepEqual(back, src);
  assert.equal(decodePng(encodePng({ ...src, ppi: undefined })).ppi, undefined);
});

test('bad PNGs fail with typed errors and locations', () => {
  const good = read('fvc', 'fvc2002', 'DB1_B', '101_1.png');
  assertCode(() => decodeImage(good.subarray(0, 20)), 'SECCOM_IMAGE_TRUNCATED');
  assertCode(() => decodeImage(good.subarray(0, good.length - 30)), 'SECCOM_IMAGE_TRUNCATED');
  const flipped = good.slice();
  flipped[40] ^= 0xff;
  assertCode(() => decodeImage(flipped), 'SECCOM_IMAGE_CORRUPT');
  // A valid IHDR claiming 60000x60000, correct CRC, then nothing: refused before allocation.
  const huge = good.slice(0, 33);
  const view = new DataView(huge.buffer);
  view.setUint32(16, 60000);
  view.setUint32(20, 60000);
  view.setUint32(29, crc32(huge.subarray(12, 29)));
  assertCode(() => decodeImage(huge), 'SECCOM_IMAGE_TOO_LARGE');
  assertCode(() => decodeImage(Uint8Array.of(1, 2, 3)), 'SECCOM_IMAGE_FORMAT_UNKNOWN');
});
