import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/env.ts';
import { an2WsqCases, standaloneWsqCases, type WsqGoldenCase } from '../../../test/support/wsq-golden.ts';
import { decodePng } from '../images/index.ts';
import { decodeWsq, readWsqInfo } from './index.ts';

function differingPixels(c: WsqGoldenCase, pixels: Uint8Array, width: number, height: number): number {
  const golden = decodePng(new Uint8Array(readFileSync(sharedData(c.goldenPng))));
  assert.equal(width, golden.width, c.name);
  assert.equal(height, golden.height, c.name);
  let diff = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i] !== golden.pixels[i]) diff++;
  return diff;
}

test('standalone WSQ files decode with 0 pixels differing from NBIS dwsq', () => {
  const cases = standaloneWsqCases();
  assert.equal(cases.length, 10);
  for (const c of cases) {
    const img = decodeWsq(c.wsq);
    assert.equal(differingPixels(c, img.pixels, img.width, img.height), 0, c.name);
  }
});

test('all 70 WSQ payloads of the .an2 files decode with 0 pixels differing from NBIS dwsq', () => {
  const cases = an2WsqCases();
  assert.equal(cases.length, 70);
  // Many records share a payload: decode each distinct payload once, compare with every golden.
  const decoded = new Map<string, ReturnType<typeof decodeWsq>>();
  for (const c of cases) {
    const key = Buffer.from(c.wsq).toString('base64');
    let img = decoded.get(key);
    if (!img) decoded.set(key, (img = decodeWsq(c.wsq)));
    assert.equal(img.width, c.width, c.name);
    assert.equal(img.height, c.height, c.name);
    assert.equal(img.ppi, c.ppi === -1 ? undefined : c.ppi, c.name);
    assert.equal(differingPixels(c, img.pixels, img.width, img.height), 0, c.name);
  }
});

test('readWsqInfo gives the frame and the NISTCOM fields without decoding', () => {
  const info = readWsqInfo(new Uint8Array(readFileSync(sharedData('wsq', 'cwsq-0.75', 'fvc2004_DB3_B_107_1.wsq'))));
  assert.equal(info.frame.width, 300);
  assert.equal(info.frame.height, 480);
  assert.equal(info.ppi, 512);
  assert.deepEqual(info.nistcom, {
    PIX_WIDTH: '300',
    PIX_HEIGHT: '480',
    PIX_DEPTH: '8',
    PPI: '512',
    LOSSY: '1',
    COLORSPACE: 'GRAY',
    COMPRESSION: 'WSQ',
    WSQ_BITRATE: '0.750000',
  });
  const sample = readWsqInfo(new Uint8Array(readFileSync(sharedData('wsq', 'sample', 'sample.wsq'))));
  assert.deepEqual(sample.comments.slice(1), ['Cognaxon'], 'a general comment after the NISTCOM');
});
