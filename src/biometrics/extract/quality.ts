/**
 * Quality. Per minutia: the orientation coherence around it (clear parallel ridges → reliable
 * minutia). Per image: the geometric mean of how much clear ridge area there is (coherence-weighted
 * foreground, scaled by the share of it with a fingerprint's ridge period, saturating at a typical
 * fingertip area) and how reliable its minutiae are (their mean quality); a blank or noise image,
 * other line patterns, or an image without minutiae score 0 or close to it. Against NBIS NFIQ 1.0 on
 * the FVC sets the combination ranks images better than either part alone.
 */
import { sampleBlocks } from './block-filter.ts';
import type { OrientationField } from './orientation.ts';
import type { Segmentation } from './segment.ts';

/** Coherence at which a region counts as fully clear. */
const CLEAR_COHERENCE = 0.7;
/** Clear area, in 500-ppi pixels, that gives full image quality (≈ 12 × 12 mm). */
const FULL_AREA = 56_000;

export function minutiaQuality(field: OrientationField, x: number, y: number): number {
  const { cols, rows, size } = field.grid;
  const c = sampleBlocks(field.coherence, cols, rows, size, x, y);
  return Math.max(1, Math.min(100, Math.round((100 * c) / CLEAR_COHERENCE)));
}

export function imageQuality(field: OrientationField, seg: Segmentation, ridgeShare: number, minutiaQualities: readonly number[]): number {
  const { size } = field.grid;
  let clear = 0;
  for (let b = 0; b < seg.blocks.length; b++) {
    if (seg.blocks[b]) clear += Math.min(1, field.coherence[b]! / CLEAR_COHERENCE) * size * size;
  }
  // Only area whose lines have a fingerprint's ridge period counts.
  const area = Math.min(1, (clear * ridgeShare) / FULL_AREA);
  const reliability = minutiaQualities.reduce((a, q) => a + q, 0) / Math.max(1, minutiaQualities.length) / 100;
  return Math.round(100 * Math.sqrt(area * reliability));
}

/** Below this image quality a template is reported as low quality (too little clear ridge area). */
export const LOW_QUALITY = 20;
