import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeImage, decodePng } from '../../formats/images/index.ts';
import { isSeccomError } from '../../errors/index.ts';
import { sharedData } from '../../../test/support/env.ts';
import { packTemplate } from '../match/packed-template.ts';
import { stripes } from '../testing/synthetic.ts';
import { extractTemplate } from './extract.ts';
import { writeDebugImages } from './debug.ts';
import { LOW_QUALITY } from './quality.ts';

const fvc = (db: string, name: string) => decodeImage(readFileSync(sharedData('fvc', db, `${name}.png`)));

test('a real print gives a plausible template in source pixel coordinates', () => {
  const img = fvc('fvc2002/DB1_B', '101_1');
  const { template } = extractTemplate(img);
  assert.equal(template.width, img.width);
  assert.ok(template.minutiae.length >= 15 && template.minutiae.length <= 80, `${template.minutiae.length} minutiae`);
  assert.ok(template.quality >= 60);
  for (const m of template.minutiae) {
    assert.ok(m.x >= 0 && m.x < img.width && m.y >= 0 && m.y < img.height);
    assert.ok(m.angle >= 0 && m.angle < 2 * Math.PI);
    assert.ok(m.quality >= 1 && m.quality <= 100);
  }
});

test('extraction is deterministic: same image, same template byte for byte', () => {
  const img = fvc('fvc2004/DB3_B', '105_2');
  const a = extractTemplate(img, { ppi: 512 }).template;
  const b = extractTemplate({ ...img, pixels: Uint8Array.from(img.pixels) }, { ppi: 512 }).template;
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.deepEqual(packTemplate(a).bytes, packTemplate(b).bytes);
});

test('templates are those of the all-JavaScript extractor the WebAssembly filters replaced', () => {
  // SHA-256 of the template JSON, recorded with commit 62e3ead (every stage in JavaScript): the
  // filters must reproduce it bit for bit, at each of the three FVC resolutions.
  const expected = [
    ['fvc2002/DB1_B', '102_3', 500, '732d8de84b89b2972428d007b1663a535a2a7b66336ca746c028a351eb757294'],
    ['fvc2002/DB2_B', '104_5', 569, 'f0851b84b22e45483e259359fa06ae69cd34aa218bb0a93a2fa168538d740651'],
    ['fvc2004/DB3_B', '107_2', 512, '89abe3ef2fa493f459e3ba1e3905e52814a7eef2a0a14266071392228161f55d'],
  ] as const;
  for (const [db, name, ppi, sha] of expected) {
    const { template } = extractTemplate(fvc(db, name), { ppi });
    assert.equal(createHash('sha256').update(JSON.stringify(template)).digest('hex'), sha, `${db} ${name}`);
  }
});

test('resolution is honoured: the same print at 569 ppi keeps source coordinates', () => {
  const img = fvc('fvc2002/DB2_B', '101_1');
  const { template, scale } = extractTemplate(img, { ppi: 569 });
  assert.ok(Math.abs(scale - 500 / 569) < 1e-9);
  assert.equal(template.ppi, 569);
  assert.ok(template.minutiae.some((m) => m.y > img.height * 0.8 * (500 / 569)), 'coordinates are not left in the 500-ppi frame');
  assert.ok(template.minutiae.every((m) => m.y < img.height));
});

test('blank and noise images give a clear low-quality result, not a crash', () => {
  const blank = extractTemplate({ width: 300, height: 300, pixels: new Uint8Array(90000).fill(255) }).template;
  assert.equal(blank.minutiae.length, 0);
  assert.equal(blank.quality, 0);
  let seed = 1;
  const noise = Uint8Array.from({ length: 300 * 300 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 255);
  const t = extractTemplate({ width: 300, height: 300, pixels: noise }).template;
  assert.ok(t.quality < LOW_QUALITY, `noise quality ${t.quality}`);
});

test('a line pattern that is not a fingerprint (a grid) is reported as low quality', () => {
  const w = 400;
  const pixels = Uint8Array.from({ length: w * w }, (_, i) => ((i % w) % 40 < 3 || ((i / w) | 0) % 25 < 2 ? 0 : 255));
  const t = extractTemplate({ width: w, height: w, pixels }).template;
  assert.ok(t.quality < LOW_QUALITY, `grid quality ${t.quality}`);
});

test('tiny, huge and impossible-resolution images are typed errors', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(isSeccomError(e));
      return e.code;
    }
    return 'no error';
  };
  assert.equal(code(() => extractTemplate({ width: 40, height: 400, pixels: new Uint8Array(16000) })), 'SECCOM_FP_IMAGE_TOO_SMALL');
  assert.equal(code(() => extractTemplate({ width: 5000, height: 10, pixels: new Uint8Array(50000) }, { ppi: 100 })), 'SECCOM_FP_BAD_RESOLUTION');
  // Size is checked before any pixel is touched, so a huge claimed size costs nothing.
  assert.equal(code(() => extractTemplate({ width: 9000, height: 9000, pixels: new Uint8Array(0) })), 'SECCOM_FP_IMAGE_TOO_LARGE');
  assert.equal(code(() => extractTemplate({ width: 100, height: 100, pixels: new Uint8Array(10000) }, { ppi: 2000 })), 'SECCOM_FP_IMAGE_TOO_SMALL');
});

test('parallel ridges without minutiae give (almost) no minutiae, hence little to match on', () => {
  const { template } = extractTemplate(stripes(320, 320, 0.7, 9, 200));
  assert.ok(template.minutiae.length <= 2, `${template.minutiae.length} minutiae on flawless stripes`);
  if (template.minutiae.length === 0) assert.equal(template.quality, 0);
});

test('debug images are written as PNGs of the working image size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seccom-fp-'));
  try {
    const { stages } = extractTemplate(fvc('fvc2002/DB2_B', '102_1'), { ppi: 569, keepStages: true });
    const files = writeDebugImages(stages!, dir);
    assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['orientation.png', 'binary.png', 'minutiae.png']);
    for (const f of files) {
      assert.ok(existsSync(f));
      const png = decodePng(readFileSync(f));
      assert.equal(png.width, stages!.image.width);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
