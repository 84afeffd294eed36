/**
 * Binarisation of the enhanced image by sign (ridge = 1), then removal of ridge islands and
 * valley holes smaller than a few ridge widths: dots, pores and noise that would otherwise
 * become false endings and false bifurcation pairs after thinning.
 */
import { binarizeWasm } from './filters-core.ts';
import { extractParams } from './params.ts';

export function binarize(enhanced: Float32Array, mask: Uint8Array, w: number, h: number): Uint8Array {
  // Mask pixels lie inside the segmentation frame, so neighbours of masked pixels are always
  // inside the image. Each component search stops as soon as the component is known to stay
  // (large enough, open, or touching a pixel already known to stay) and marks what it saw, so
  // the whole image costs about one visit per pixel (wasm/extract/binary.ts).
  return binarizeWasm(enhanced, mask, w, h, extractParams.segmentation.frame, extractParams.binarize.minArea);
}
