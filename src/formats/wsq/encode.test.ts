import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/env.ts';
import { isSeccomError } from '../../errors/index.ts';
import { decodeImage } from '../images/index.ts';
import { decodeWsq, encodeWsq, readWsqInfo } from './index.ts';

interface IndexEntry {
  wsq: string;
  source_png: string;
  ppi: number;
  bitrate: number;
  wsq_bytes: number;
}
const index = JSON.parse(readFileSync(sharedData('wsq', 'cwsq-0.75', 'index.json'), 'utf8')) as { files: IndexEntry[] };

function psnr(a: Uint8Array, b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return 10 * Math.log10((255 * 255 * a.length) / s);
}

test('bitrate 0.75 output is within 2% of NBIS cwsq size and 0.2 dB of its PSNR on all 8 reference images', () => {
  assert.equal(index.files.length, 8);
  for (const f of index.files) {
    const src = decodeImage(new Uint8Array(readFileSync(sharedData(f.source_png))));
    const ours = encodeWsq({ ...src, ppi: f.ppi }, { bitrate: f.bitrate });
    const nbis = new Uint8Array(readFileSync(sharedData('wsq', 'cwsq-0.75', f.wsq)));
    assert.equal(nbis.length, f.wsq_bytes);
    const ratio = ours.length / nbis.length;
    assert.ok(Math.abs(ratio - 1) <= 0.02, `${f.wsq}: size ratio ${ratio}`);
    const decoded = decodeWsq(ours);
    assert.equal(decoded.width, src.width);
    assert.equal(decoded.height, src.height);
    assert.equal(decoded.ppi, f.ppi);
    const delta = psnr(src.pixels, decoded.pixels) - psnr(src.pixels, decodeWsq(nbis).pixels);
    assert.ok(Math.abs(delta) <= 0.2, `${f.wsq}: PSNR differs by ${delta} dB`);
  }
});

test('the NISTCOM and a general comment are written and read back', () => {
  const src = decodeImage(new Uint8Array(readFileSync(sharedData('fvc', 'fvc2002', 'DB4_B', '104_2.png'))));
  const info = readWsqInfo(encodeWsq(src, { bitrate: 2.25, comment: 'synthetic test print' }));
  assert.deepEqual(info.nistcom, {
    PIX_WIDTH: '288',
    PIX_HEIGHT: '384',
    PIX_DEPTH: '8',
    PPI: '-1',
    LOSSY: '1',
    COLORSPACE: 'GRAY',
    COMPRESSION: 'WSQ',
    WSQ_BITRATE: '2.250000',
  });
  assert.equal(info.ppi, undefined);
  assert.deepEqual(info.comments.slice(1), ['synthetic test print']);
});

test('higher bitrates give larger files and better fidelity', () => {
  const src = decodeImage(new Uint8Array(readFileSync(sharedData('fvc', 'fvc2004', 'DB1_B', '105_1.png'))));
  const low = encodeWsq(src, { bitrate: 0.75 });
  const high = encodeWsq(src, { bitrate: 2.25 });
  assert.ok(high.length > 2 * low.length);
  assert.ok(psnr(src.pixels, decodeWsq(high).pixels) > psnr(src.pixels, decodeWsq(low).pixels) + 3);
});

test('a flat image (no coded detail, empty Huffman tables) round-trips', () => {
  const flat = { width: 64, height: 48, pixels: new Uint8Array(64 * 48).fill(200) };
  const back = decodeWsq(encodeWsq(flat));
  assert.ok(back.pixels.every((p) => p === 200));
});

test('invalid encoder input is a typed error', () => {
  const bad = (img: { width: number; height: number; pixels: Uint8Array }, bitrate?: number) =>
    assert.throws(() => encodeWsq(img, { bitrate }), (e: unknown) => isSeccomError(e) && e.code === 'SECCOM_WSQ_ENCODE_INPUT');
  bad({ width: 16, height: 64, pixels: new Uint8Array(16 * 64) });
  bad({ width: 64, height: 64, pixels: new Uint8Array(10) });
  bad({ width: 64, height: 64, pixels: new Uint8Array(64 * 64) }, 0);
  bad({ width: 64, height: 64, pixels: new Uint8Array(64 * 64) }, Number.NaN);
});
