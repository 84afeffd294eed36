import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resample } from './resample.ts';
import { blockGrid } from './raster.ts';
import { blockAngle, orientationField } from './orientation.ts';
import { blockStats, segment } from './segment.ts';
import { bandpassAcrossRidges, orientationBins, smoothAlongRidges } from './enhance.ts';
import { blockPeriods, periodBins } from './frequency.ts';
import { binarize } from './binarize.ts';
import { NEIGHBOURS, neighbourCode, thin } from './thin.ts';
import { buildGraph, cleanGraph } from './skeleton-graph.ts';
import { readMinutiae } from './minutiae.ts';
import { imageQuality, minutiaQuality } from './quality.ts';
import { bitmap, stripes } from '../testing/synthetic.ts';
import type { Segmentation } from './segment.ts';

const angleDist = (a: number, b: number) => {
  const d = Math.abs(a - b) % Math.PI;
  return Math.min(d, Math.PI - d);
};

test('resample keeps a flat image flat and scales its size', () => {
  const px = new Uint8Array(100 * 80).fill(77);
  const r = resample(100, 80, px, 500 / 569);
  assert.equal(r.width, Math.round((100 * 500) / 569));
  assert.equal(r.height, Math.round((80 * 500) / 569));
  for (const v of r.data) assert.ok(Math.abs(v - 77) < 1e-3);
});

test('resample preserves a horizontal ramp (linear in, linear out)', () => {
  const px = Uint8Array.from({ length: 64 * 64 }, (_, i) => (i % 64) * 2);
  const r = resample(64, 64, px, 0.5);
  const row = Array.from(r.data.subarray(10 * r.width + 2, 10 * r.width + 30));
  for (let k = 1; k < row.length; k++) assert.ok(Math.abs(row[k]! - row[k - 1]! - 4) < 0.01);
});

for (const deg of [0, 30, 75, 120]) {
  test(`orientation field finds ridges at ${deg}°`, () => {
    const a = (deg * Math.PI) / 180;
    const img = stripes(128, 128, a, 9);
    const r = resample(img.width, img.height, img.pixels, 1);
    const grid = blockGrid(128, 128, 8);
    const f = orientationField(r, grid, 1.6);
    const centre = 8 * grid.cols + 8;
    assert.ok(angleDist(blockAngle(f, centre), a) < 0.05, `got ${blockAngle(f, centre)}`);
    assert.ok(f.coherence[centre]! > 0.9);
  });
}

function pipeline(imgBg: number) {
  const img = stripes(160, 160, 0.4, 9, imgBg);
  const r = resample(img.width, img.height, img.pixels, 1);
  const grid = blockGrid(160, 160, 8);
  const stats = blockStats(r, grid);
  const field = orientationField(r, grid, 1.6);
  const seg = segment(r, grid, stats, field);
  return { r, grid, stats, field, seg };
}

test('segmentation keeps the ridge patch and drops the flat background', () => {
  const { seg } = pipeline(200);
  const at = (x: number, y: number) => seg.mask[y * 160 + x];
  assert.equal(at(80, 80), 1);
  assert.equal(at(10, 10), 0);
  assert.equal(at(150, 80), 0);
  assert.ok(seg.foregroundShare > 0.25 && seg.foregroundShare < 0.6);
});

test('a blank image has no foreground and quality 0', () => {
  const px = new Uint8Array(128 * 128).fill(255);
  const r = resample(128, 128, px, 1);
  const grid = blockGrid(128, 128, 8);
  const field = orientationField(r, grid, 1.6);
  const seg = segment(r, grid, blockStats(r, grid), field);
  assert.equal(seg.foregroundShare, 0);
  assert.equal(imageQuality(field, seg, 1, [90, 90]), 0);
});

for (const period of [6, 9, 13]) {
  test(`ridge period ${period} px is measured`, () => {
    const img = stripes(160, 160, 1.1, period);
    const r = resample(img.width, img.height, img.pixels, 1);
    const grid = blockGrid(160, 160, 8);
    const stats = blockStats(r, grid);
    const field = orientationField(r, grid, 1.6);
    const seg = segment(r, grid, stats, field);
    const smooth = smoothAlongRidges(r, stats, field, seg, orientationBins(field, seg, 160, 160, 24));
    const { periods, ridgeShare } = blockPeriods(smooth, 160, 160, field, seg);
    const centre = periods[10 * grid.cols + 10]!;
    assert.ok(Math.abs(centre - period) < 0.5, `measured ${centre}`);
    assert.ok(ridgeShare > 0.9, `ridge share ${ridgeShare}`);
  });
}

test('enhancement and binarisation give ridges one period apart', () => {
  const { r, stats, field, seg } = pipeline(0);
  const bins = orientationBins(field, seg, 160, 160, 24);
  const smooth = smoothAlongRidges(r, stats, field, seg, bins);
  const { periods } = blockPeriods(smooth, 160, 160, field, seg);
  const enh = bandpassAcrossRidges(smooth, 160, 160, seg, bins, periodBins(periods, field, seg, 160, 160));
  const bin = binarize(enh, seg.mask, 160, 160);
  // Walk across the ridges (normal to 0.4 rad) through the centre and count ridge runs.
  let runs = 0;
  let prev = 0;
  for (let t = -36; t <= 36; t++) {
    const x = Math.round(80 - Math.sin(0.4) * t);
    const y = Math.round(80 + Math.cos(0.4) * t);
    const v = bin[y * 160 + x]!;
    if (v && !prev) runs++;
    prev = v;
  }
  assert.ok(runs >= 7 && runs <= 9, `${runs} ridges over 73 px`);
  // Ridges in the binary image are where the source is dark.
  const dark = r.data.reduce((acc, v, i) => acc + (bin[i] ? v : 0), 0) / bin.reduce((a, b) => a + b, 0);
  assert.ok(dark < 100, `mean gray on ridges ${dark}`);
});

test('thinning leaves a one-pixel line with two ends', () => {
  const b = bitmap(['..........', '##########', '##########', '##########', '..........'.replace(/./g, '.')]);
  thin(b.data, b.width);
  let ends = 0;
  let set = 0;
  for (let i = b.width; i < b.data.length - b.width; i++) {
    if (!b.data[i]) continue;
    set++;
    const n = NEIGHBOURS[neighbourCode(b.data, i, b.width)]!;
    assert.ok(n <= 2);
    if (n === 1) ends++;
  }
  assert.equal(ends, 2);
  assert.ok(set >= 6 && set <= 10);
});

/** A one-pixel "Y": two branches meeting at (45, 30) and a stem down to the bottom. */
function yShape(): string[] {
  const rows: string[] = [];
  for (let y = 0; y < 60; y++) {
    const r = new Array(90).fill('.');
    if (y < 30) {
      r[45 - (30 - y)] = '#';
      r[45 + (30 - y)] = '#';
    } else r[45] = '#';
    rows.push(r.join(''));
  }
  return rows;
}

const emptySeg = (w: number, h: number): Segmentation => ({
  blocks: new Uint8Array(1),
  mask: new Uint8Array(w * h).fill(1),
  near: new Uint8Array(1),
  foregroundShare: 1,
});

test('skeleton graph: a Y has one bifurcation and three endings; cleaning removes a short spur', () => {
  const rows = yShape();
  const b = bitmap(rows, 30);
  const g = buildGraph(b.data, b.width, b.height);
  const m = readMinutiae(g, emptySeg(b.width, b.height), b.height);
  assert.equal(m.count, 4);
  assert.deepEqual([...m.kind.subarray(0, m.count)].sort(), [1, 1, 1, 2]);

  const spur = rows.map((r, y) => (y === 45 ? r.slice(0, 46) + '######' + r.slice(52) : r));
  const s = bitmap(spur, 30);
  const g2 = buildGraph(s.data, s.width, s.height);
  cleanGraph(g2, () => Math.PI / 2);
  const m2 = readMinutiae(g2, emptySeg(s.width, s.height), s.height);
  assert.equal(m2.count, 4, 'the 6-pixel spur and its junction are gone');
});

test('an ending points back into its ridge; a bifurcation points between its branches', () => {
  const rows = yShape();
  const b = bitmap(rows, 30);
  const m = readMinutiae(buildGraph(b.data, b.width, b.height), emptySeg(b.width, b.height), b.height);
  for (let i = 0; i < m.count; i++) {
    const x = m.x[i]!;
    const y = m.y[i]!;
    if (m.kind[i] === 2) assert.ok(angleDist(m.angle[i]!, -Math.PI / 2) < 0.2 && Math.sin(m.angle[i]!) < 0, 'fork points up, towards the branches');
    else if (y > 70) assert.ok(Math.sin(m.angle[i]!) < -0.9, 'bottom ending points up its ridge');
    else assert.ok(Math.sin(m.angle[i]!) > 0.5 && Math.sign(Math.cos(m.angle[i]!)) === Math.sign(b.width / 2 - x), 'top endings point down into their branch');
  }
});

test('image quality needs both clear ridge area and reliable minutiae', () => {
  const { field, seg } = pipeline(0);
  const good = imageQuality(field, seg, 1, [95, 90, 85]);
  assert.ok(good > 40, `${good}`);
  assert.ok(imageQuality(field, seg, 1, [30, 20, 25]) < good);
  assert.ok(imageQuality(field, seg, 0.1, [95, 90, 85]) < good / 2, 'lines without a ridge period');
  assert.equal(imageQuality(field, seg, 1, []), 0);
});

test('minutia quality follows orientation coherence', () => {
  const { field } = pipeline(0);
  assert.ok(minutiaQuality(field, 80, 80) > 90);
  const noisy = { ...field, coherence: field.coherence.map(() => 0.1) };
  assert.ok(minutiaQuality(noisy, 80, 80) < 20);
});
