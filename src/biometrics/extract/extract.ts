/**
 * Image → minutiae template. Stages, one module each: resample to 500 ppi → block statistics →
 * orientation field → segmentation → ridge smoothing → ridge period → band-pass → binarisation → thinning →
 * skeleton graph and its cleaning → minutiae → quality. Deterministic: the same image gives the
 * same template, byte for byte.
 */
import { SeccomError } from '../../errors/index.ts';
import type { GrayImage } from '../../formats/images/index.ts';
import type { FingerTemplate, Minutia } from '../template.ts';
import { sampleBlocks } from './block-filter.ts';
import { binarize } from './binarize.ts';
import { bandpassAcrossRidges, orientationBins, smoothAlongRidges } from './enhance.ts';
import { blockPeriods, periodBins } from './frequency.ts';
import { readMinutiae, type RawMinutiae } from './minutiae.ts';
import { orientationField, type OrientationField } from './orientation.ts';
import { extractParams, WORKING_PPI } from './params.ts';
import { imageQuality, minutiaQuality } from './quality.ts';
import { blockGrid, type Raster } from './raster.ts';
import { resample } from './resample.ts';
import { blockStats, segment, type Segmentation } from './segment.ts';
import { buildGraph, cleanGraph } from './skeleton-graph.ts';
import { thin } from './thin.ts';

export interface ExtractOptions {
  /** Resolution when the image does not state it; 500 by default. */
  ppi?: number;
  /** Finger position code for the template (0 = unknown). */
  position?: number;
  /** Keep the intermediate images for inspection (see debug.ts). */
  keepStages?: boolean;
}

/** Intermediate results in working (500-ppi) coordinates. */
export interface ExtractionStages {
  readonly image: Raster;
  readonly field: OrientationField;
  readonly segmentation: Segmentation;
  readonly enhanced: Float32Array;
  readonly binary: Uint8Array;
  readonly skeleton: Uint8Array;
  readonly minutiae: RawMinutiae;
}

export interface Extraction {
  readonly template: FingerTemplate;
  /** Working-resolution pixels per source pixel. */
  readonly scale: number;
  readonly stages?: ExtractionStages;
}

const MIN_SIDE = 64;
const MAX_SIDE = 4096;
const MAX_PIXELS = 16_000_000;

function checkSize(image: GrayImage, ppi: number): number {
  if (!Number.isFinite(ppi) || ppi < 250 || ppi > 2000) {
    throw new SeccomError('SECCOM_FP_BAD_RESOLUTION', `resolution ${ppi} ppi is outside 250..2000`);
  }
  const scale = WORKING_PPI / ppi;
  const w = image.width * scale;
  const h = image.height * scale;
  if (w < MIN_SIDE || h < MIN_SIDE) {
    throw new SeccomError('SECCOM_FP_IMAGE_TOO_SMALL', `image is ${image.width}x${image.height} at ${ppi} ppi, under ${MIN_SIDE} px a side at 500 ppi`);
  }
  if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
    throw new SeccomError('SECCOM_FP_IMAGE_TOO_LARGE', `image is ${image.width}x${image.height} at ${ppi} ppi, too large for one finger`);
  }
  return scale;
}

const TWO_PI = 2 * Math.PI;

export function extractTemplate(image: GrayImage, opts: ExtractOptions = {}): Extraction {
  const ppi = image.ppi ?? opts.ppi ?? WORKING_PPI;
  const scale = checkSize(image, ppi);
  const img = resample(image.width, image.height, image.pixels, scale);
  const { width: w, height: h } = img;
  const grid = blockGrid(w, h, extractParams.block);
  const stats = blockStats(img, grid);
  const field = orientationField(img, grid, extractParams.orientationSigma);
  const seg = segment(img, grid, stats, field);
  const bins = orientationBins(field, seg, w, h, extractParams.enhance.bins);
  const smooth = smoothAlongRidges(img, stats, field, seg, bins);
  const { periods, ridgeShare } = blockPeriods(smooth, w, h, field, seg);
  const enhanced = bandpassAcrossRidges(smooth, w, h, seg, bins, periodBins(periods, field, seg, w, h));
  const binary = binarize(enhanced, seg.mask, w, h);
  const skeleton = Uint8Array.from(binary);
  thin(skeleton, w);
  const graph = buildGraph(skeleton, w, h);
  const { cols, rows, size } = grid;
  cleanGraph(graph, (x, y) => {
    const a = 0.5 * Math.atan2(sampleBlocks(field.oy, cols, rows, size, x, y), sampleBlocks(field.ox, cols, rows, size, x, y));
    return a < 0 ? a + Math.PI : a;
  });
  const raw = readMinutiae(graph, seg, h);

  const minutiae: Minutia[] = [];
  for (let i = 0; i < raw.count; i++) {
    minutiae.push({
      // Back to source pixels; angles to the template's counter-clockwise, y-up convention.
      x: Math.round((raw.x[i]! + 0.5) / scale - 0.5),
      y: Math.round((raw.y[i]! + 0.5) / scale - 0.5),
      angle: (TWO_PI - raw.angle[i]!) % TWO_PI,
      type: raw.kind[i] === 1 ? 'ending' : 'bifurcation',
      quality: minutiaQuality(field, raw.x[i]!, raw.y[i]!),
    });
  }
  // Best first; ties broken by position so the order is a pure function of the image.
  minutiae.sort((a, b) => b.quality - a.quality || a.y - b.y || a.x - b.x || a.angle - b.angle);
  minutiae.length = Math.min(minutiae.length, extractParams.minutiae.max);
  const template: FingerTemplate = {
    width: image.width,
    height: image.height,
    ppi,
    position: opts.position ?? 0,
    quality: imageQuality(field, seg, ridgeShare, minutiae.map((m) => m.quality)),
    minutiae,
  };
  const stages = opts.keepStages ? { image: img, field, segmentation: seg, enhanced, binary, skeleton, minutiae: raw } : undefined;
  return { template, scale, stages };
}
