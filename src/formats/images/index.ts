export type { GrayImage } from './gray-image.ts';
export { decodeImage } from './decode-image.ts';
export { sniffImageFormat, type ImageFormat } from './sniff.ts';
export { decodePng, encodePng } from './png.ts';
export { DEFAULT_MAX_PIXELS, type ImageDecodeOptions } from './limits.ts';
