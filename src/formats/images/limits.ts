import { SeccomError } from '../../errors/index.ts';
import type { ErrorLocation } from '../../errors/index.ts';

/** Largest image decoders accept unless told otherwise: a full 1000-ppi palm card fits. */
export const DEFAULT_MAX_PIXELS = 100_000_000;

export interface ImageDecodeOptions {
  /** Refuse images with more pixels than this, before allocating (default 100 megapixels). */
  maxPixels?: number;
}

/** Checks header dimensions before any allocation, so a tiny file claiming a huge image fails fast. */
export function checkDimensions(
  width: number,
  height: number,
  opts: ImageDecodeOptions,
  location: ErrorLocation,
): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new SeccomError('SECCOM_IMAGE_CORRUPT', `image header gives impossible size ${width}x${height}`, { location });
  }
  const max = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (width * height > max) {
    throw new SeccomError('SECCOM_IMAGE_TOO_LARGE', `image is ${width}x${height}, over the limit of ${max} pixels`, {
      location,
    });
  }
}
